"""Read an OpenAPI 3.0 or 3.1 document as plain JSON Schema, refs inlined.

The review tools (api_diff, drift) and the property tests all need the
schemas of a spec without OpenAPI's own dialect: every local ``$ref``
replaced by its target, OpenAPI 3.0's ``nullable: true`` written as the
3.1 ``null`` type, integer formats turned into bounds, and keywords that
only annotate (``example``, ``discriminator``, ``xml``) dropped. The result
is a JSON Schema (draft 2020-12 subset) that hypothesis-jsonschema and
jsonschema understand, so a 3.0 and a 3.1 schema that mean the same come
out alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

METHODS = ("get", "put", "post", "patch", "delete", "head", "options")

INTEGER_BOUNDS = {
    "int32": (-(2**31), 2**31 - 1),
    "int64": (-(2**63), 2**63 - 1),
}

# Formats JSON Schema tools know; others ("binary", "password") only annotate.
KNOWN_FORMATS = frozenset(
    {"date-time", "date", "time", "email", "uri", "uuid", "ipv4", "ipv6"}
)

ANNOTATIONS = frozenset(
    {"example", "examples", "discriminator", "xml", "externalDocs", "nullable"}
)

Schema = dict[str, Any]


@dataclass(frozen=True)
class Operation:
    """One operation of a spec: its method (upper case), path and node."""

    method: str
    path: str
    node: dict[str, Any]

    @property
    def key(self) -> str:
        """``GET /profile``: how operations are matched across specs."""
        return f"{self.method} {self.path}"

    @property
    def operation_id(self) -> str:
        return str(self.node.get("operationId", self.key))


def load_spec(path: Path) -> dict[str, Any]:
    """Parse a YAML or JSON spec file; raises ``ValueError`` if not a mapping."""
    return parse_spec(path.read_text(encoding="utf-8"))


def parse_spec(text: str) -> dict[str, Any]:
    """Parse spec text; raises ``ValueError`` when it is not an OpenAPI mapping."""
    spec = yaml.safe_load(text)
    if not isinstance(spec, dict) or "paths" not in spec:
        raise ValueError("not an OpenAPI document: no top-level paths")
    return spec


def operations(spec: dict[str, Any]) -> Iterator[Operation]:
    """Every operation of the spec, in the order the file lists them."""
    for path, item in (spec.get("paths") or {}).items():
        for method in METHODS:
            if method in item:
                yield Operation(method.upper(), path, item[method])


def resolve(spec: dict[str, Any], node: Any) -> Any:
    """Follow local ``$ref`` pointers until a node without one is reached.

    Raises ``ValueError`` for a reference outside the document or a loop.
    """
    seen: set[str] = set()
    while isinstance(node, dict) and "$ref" in node:
        ref = str(node["$ref"])
        if not ref.startswith("#/") or ref in seen:
            raise ValueError(f"cannot follow $ref {ref!r}")
        seen.add(ref)
        target: Any = spec
        for part in ref[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def to_json_schema(spec: dict[str, Any], schema: Any) -> Schema:
    """The JSON Schema meaning the same as an OpenAPI ``schema`` node.

    Refs are inlined (a recursive schema raises ``ValueError``); the input
    is not modified.
    """
    return _convert(spec, schema, ())


def _convert(spec: dict[str, Any], node: Any, trail: tuple[str, ...]) -> Schema:
    if not isinstance(node, dict):
        return {}

    if "$ref" in node:
        ref = str(node["$ref"])
        if ref in trail:
            raise ValueError(f"recursive schema through {ref}")
        target = _convert(spec, resolve(spec, {"$ref": ref}), (*trail, ref))
        siblings = {
            key: value
            for key, value in node.items()
            if key not in {"$ref", "description", "summary", *ANNOTATIONS}
        }
        combined = (
            {"allOf": [target, _convert(spec, siblings, trail)]} if siblings else target
        )
        return _admit_null(combined) if _is_nullable_30(node) else combined

    converted: Schema = {}
    for key, value in node.items():
        if key in ANNOTATIONS:
            continue
        if key == "properties":
            converted[key] = {
                name: _convert(spec, sub, trail) for name, sub in value.items()
            }
        elif key in {"items", "not"} or (
            key == "additionalProperties" and isinstance(value, dict)
        ):
            converted[key] = _convert(spec, value, trail)
        elif key in {"anyOf", "oneOf", "allOf"}:
            converted[key] = [_convert(spec, sub, trail) for sub in value]
        else:
            converted[key] = value

    _convert_format(converted)
    _convert_exclusive_bounds(converted)
    if _is_nullable_30(node):
        return _admit_null(converted)
    return converted


def _is_nullable_30(node: dict[str, Any]) -> bool:
    return node.get("nullable") is True


def _convert_format(schema: Schema) -> None:
    fmt = schema.get("format")
    if fmt is None:
        return
    if fmt in INTEGER_BOUNDS:
        low, high = INTEGER_BOUNDS[fmt]
        schema.setdefault("minimum", low)
        schema.setdefault("maximum", high)
    if fmt not in KNOWN_FORMATS:
        del schema["format"]


def _convert_exclusive_bounds(schema: Schema) -> None:
    """OpenAPI 3.0 writes exclusive bounds as booleans next to the bound."""
    for flag, bound in (
        ("exclusiveMaximum", "maximum"),
        ("exclusiveMinimum", "minimum"),
    ):
        if not isinstance(schema.get(flag), bool):
            continue
        if schema.pop(flag) and bound in schema:
            schema[flag] = schema.pop(bound)


def _admit_null(schema: Schema) -> Schema:
    """Schema plus null, written the way OpenAPI 3.1 specs write it."""
    kind = schema.get("type")
    if isinstance(kind, str) and "enum" not in schema:
        return {**schema, "type": [kind, "null"]}
    if isinstance(kind, list) and "enum" not in schema:
        return {**schema, "type": [*kind, "null"] if "null" not in kind else kind}
    return {"anyOf": [schema, {"type": "null"}]}
