"""The contract of a spec as flat facts, one per place a value can appear.

api_diff and drift compare two specs field by field. Both first turn each
operation into a mapping from a *location* to a ``Facet``:

    param query entity_type
    request body
    request body.status.title
    response 200
    response 200 body.data.user_status.away_message.text
    response 200 body.data.custom_properties[].name

A facet holds what a client relies on at that place: the JSON types
allowed (``null`` included when nullable), the enum values listed, whether
the enum is open (a plain string branch sits beside it), whether the field
is required in its parent, and the constraints (maxLength, minimum, ...).
``anyOf``/``oneOf`` branches are merged; ``allOf`` parts are combined. A
3.0 and a 3.1 schema that mean the same give equal facets, because both
pass through ``openapi_schema.to_json_schema`` first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from openapi_schema import Operation, Schema, operations, resolve, to_json_schema

CONSTRAINTS = (
    "maxLength",
    "minLength",
    "pattern",
    "maximum",
    "minimum",
    "exclusiveMaximum",
    "exclusiveMinimum",
    "multipleOf",
    "maxItems",
    "minItems",
    "format",
)


@dataclass(frozen=True)
class Facet:
    """What a client relies on at one location of one operation."""

    side: str
    """``request`` or ``response``: who sends the value."""
    types: frozenset[str]
    enum: frozenset[str] | None
    open_enum: bool
    required: bool
    constraints: tuple[tuple[str, str], ...]

    @property
    def nullable(self) -> bool:
        return "null" in self.types

    @property
    def value_types(self) -> frozenset[str]:
        return self.types - {"null"}


Shape = dict[str, Facet]


@dataclass
class _Merged:
    types: set[str] = field(default_factory=set)
    enum: set[str] = field(default_factory=set)
    has_enum: bool = False
    open_string: bool = False
    constraints: dict[str, str] = field(default_factory=dict)
    properties: dict[str, list[Schema]] = field(default_factory=dict)
    required: set[str] = field(default_factory=set)
    items: list[Schema] = field(default_factory=list)


def contract(spec: dict[str, Any]) -> dict[str, Shape]:
    """Every operation's shape, keyed by ``METHOD /path``."""
    return {op.key: operation_shape(spec, op) for op in operations(spec)}


def operation_shape(spec: dict[str, Any], op: Operation) -> Shape:
    """The facets of one operation's parameters, request body and answers."""
    shape: Shape = {}

    for raw in op.node.get("parameters", []):
        param = resolve(spec, raw)
        schema = to_json_schema(spec, param.get("schema", {}))
        location = f"param {param.get('in')} {param.get('name')}"
        _walk(schema, location, bool(param.get("required")), "request", shape)

    body = resolve(spec, op.node.get("requestBody"))
    if isinstance(body, dict):
        required = bool(body.get("required"))
        for media in body.get("content", {}).values():
            schema = to_json_schema(spec, media.get("schema", {}))
            _walk(schema, "request body", required, "request", shape)

    for status, raw in op.node.get("responses", {}).items():
        response = resolve(spec, raw)
        content = response.get("content") or {}
        shape[f"response {status}"] = Facet(
            "response",
            frozenset({"body" if content else "empty"}),
            None,
            False,
            True,
            (),
        )
        for media in content.values():
            schema = to_json_schema(spec, media.get("schema", {}))
            _walk(schema, f"response {status} body", True, "response", shape)
    return shape


def _walk(
    schema: Schema, location: str, required: bool, side: str, shape: Shape
) -> None:
    merged = _Merged()
    for branch in _branches(schema):
        _absorb(branch, merged)

    shape[location] = Facet(
        side=side,
        types=frozenset(merged.types),
        enum=frozenset(merged.enum) if merged.has_enum else None,
        open_enum=merged.has_enum and merged.open_string,
        required=required,
        constraints=tuple(sorted(merged.constraints.items())),
    )

    for name, subs in merged.properties.items():
        sub = subs[0] if len(subs) == 1 else {"anyOf": subs}
        _walk(sub, f"{location}.{name}", name in merged.required, side, shape)
    if merged.items:
        items = merged.items[0] if len(merged.items) == 1 else {"anyOf": merged.items}
        _walk(items, f"{location}[]", True, side, shape)


def _branches(schema: Schema) -> list[Schema]:
    """The alternatives of a schema, with ``allOf`` parts folded together."""
    if "allOf" in schema:
        folded: Schema = {k: v for k, v in schema.items() if k != "allOf"}
        for part in schema["allOf"]:
            for key, value in part.items():
                if key == "properties":
                    folded["properties"] = {**folded.get("properties", {}), **value}
                elif key == "required":
                    folded["required"] = [*folded.get("required", []), *value]
                else:
                    folded.setdefault(key, value)
        return _branches(folded)

    for key in ("anyOf", "oneOf"):
        if key in schema:
            rest = {k: v for k, v in schema.items() if k != key}
            found: list[Schema] = []
            for alternative in schema[key]:
                found += _branches({**rest, **alternative})
            return found
    return [schema]


def _absorb(branch: Schema, merged: _Merged) -> None:
    kinds = _types_of(branch)
    merged.types |= kinds

    if "enum" in branch:
        merged.has_enum = True
        merged.enum |= {str(value) for value in branch["enum"] if value is not None}
    elif "string" in kinds:
        merged.open_string = True

    for key in CONSTRAINTS:
        if key in branch:
            merged.constraints[key] = str(branch[key])

    for name, sub in branch.get("properties", {}).items():
        merged.properties.setdefault(name, []).append(sub)
    merged.required |= set(branch.get("required", []))
    if isinstance(branch.get("items"), dict):
        merged.items.append(branch["items"])


def _types_of(branch: Schema) -> set[str]:
    kind = branch.get("type")
    if isinstance(kind, str):
        return {kind}
    if isinstance(kind, list):
        return {str(k) for k in kind}
    if "properties" in branch:
        return {"object"}
    if "items" in branch:
        return {"array"}
    if "enum" in branch:
        return {_json_type(value) for value in branch["enum"]}
    return {"any"}


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    return "string"
