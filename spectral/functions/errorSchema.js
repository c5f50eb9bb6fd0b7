// Every 4xx response of an operation must describe its body with the
// ApiError or OAuthError schema (directly, or anyOf/oneOf of them).
// The rule runs on the unresolved document so that schema names survive;
// local $refs to components/responses are followed here.
const ALLOWED = new Set([
  "#/components/schemas/ApiError",
  "#/components/schemas/OAuthError",
]);

function follow(document, node) {
  let current = node;
  const seen = new Set();
  while (current && typeof current.$ref === "string") {
    const ref = current.$ref;
    if (!ref.startsWith("#/") || seen.has(ref)) {
      return undefined;
    }
    seen.add(ref);
    current = ref
      .slice(2)
      .split("/")
      .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((value, key) => (value ? value[key] : undefined), document);
  }
  return current;
}

function usesErrorSchema(schema) {
  if (!schema || typeof schema !== "object") {
    return false;
  }
  if (typeof schema.$ref === "string") {
    return ALLOWED.has(schema.$ref);
  }
  const choices = schema.anyOf || schema.oneOf;
  return Array.isArray(choices) && choices.length > 0 && choices.every(usesErrorSchema);
}

module.exports = (responses, _options, context) => {
  if (!responses || typeof responses !== "object") {
    return;
  }
  const document = context.document.data;
  const results = [];
  for (const [status, raw] of Object.entries(responses)) {
    if (!/^4/.test(status)) {
      continue;
    }
    const response = follow(document, raw);
    const content = (response && response.content) || {};
    const media = Object.values(content);
    if (media.length === 0 || !media.every((m) => usesErrorSchema(m.schema))) {
      results.push({
        message: `the ${status} answer must use the ApiError or OAuthError schema`,
        path: [...context.path, status],
      });
    }
  }
  return results;
};
