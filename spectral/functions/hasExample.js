// A media type passes when it carries `example` or a non-empty `examples`.
module.exports = (mediaType) => {
  if (mediaType === null || typeof mediaType !== "object") {
    return;
  }
  if ("example" in mediaType) {
    return;
  }
  if (mediaType.examples && Object.keys(mediaType.examples).length > 0) {
    return;
  }
  return [{ message: "this response body has no example" }];
};
