"""Every answer openapi.yaml documents, as JSON Schema, and body strategies.

The spec is read at test time; its schemas become plain JSON Schema (refs
inlined, see tools/openapi_schema.py) from which hypothesis-jsonschema
draws bodies. The variants below rewrite a schema so that every body drawn
from it exercises one promise of the client: unknown fields kept, unknown
enum values kept, ``null`` read as None wherever the spec allows it.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import json
import pkgutil
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from openapi_schema import (  # noqa: E402
    load_spec,
    operations,
    resolve,
    to_json_schema,
)

SPEC = load_spec(ROOT / "openapi.yaml")

EXTRA_FIELD = "x_field_added_later"
UNKNOWN_ENUM_PATTERN = "^zz-[a-z]{1,6}$"

Schema = dict[str, Any]


@dataclass(frozen=True)
class DocumentedAnswer:
    """One status of one operation, with the JSON Schema of its body."""

    operation_id: str
    status: int
    schema: Schema
    component: str | None
    """The components/schemas name of the body, when it is a plain $ref."""

    def __str__(self) -> str:
        return f"{self.operation_id}-{self.status}"


def documented_answers() -> list[DocumentedAnswer]:
    """Every (operation, status) of openapi.yaml that has a JSON body."""
    found = []
    for op in operations(SPEC):
        for status, raw in op.node["responses"].items():
            media = (resolve(SPEC, raw).get("content") or {}).get("application/json")
            if media is None:
                continue
            ref = str(media["schema"].get("$ref", ""))
            found.append(
                DocumentedAnswer(
                    op.operation_id,
                    int(status),
                    to_json_schema(SPEC, media["schema"]),
                    ref.rsplit("/", 1)[-1] if ref else None,
                )
            )
    return found


def empty_answers() -> list[tuple[str, int]]:
    """Every (operationId, status) documented without a body (204)."""
    return [
        (op.operation_id, int(status))
        for op in operations(SPEC)
        for status, raw in op.node["responses"].items()
        if not resolve(SPEC, raw).get("content")
    ]


def bodies(schema: Schema) -> st.SearchStrategy[Any]:
    """Bodies valid under ``schema`` (strategies are shared between tests)."""
    return _bodies(json.dumps(schema, sort_keys=True))


@functools.cache
def _bodies(schema_json: str) -> st.SearchStrategy[Any]:
    return from_schema(json.loads(schema_json))


def _rewrite(schema: Any, change: Callable[[Schema], Schema | None]) -> Any:
    """Apply ``change`` to every subschema, outermost first.

    ``change`` answers a replacement, or None to keep the node and descend.
    """
    if not isinstance(schema, dict):
        return schema
    replaced = change(schema)
    if replaced is not None:
        return replaced
    out: Schema = {}
    for key, value in schema.items():
        if key == "properties":
            out[key] = {name: _rewrite(sub, change) for name, sub in value.items()}
        elif key in {"anyOf", "oneOf", "allOf"}:
            out[key] = [_rewrite(sub, change) for sub in value]
        else:
            out[key] = _rewrite(value, change) if key == "items" else value
    return out


EXTRA_VALUE: Schema = {"type": ["string", "integer", "boolean", "null"]}


def with_extra_fields(schema: Schema) -> Schema:
    """Every object of ``schema`` must also carry a field the spec lacks."""

    def change(node: Schema) -> Schema | None:
        if "properties" not in node:
            return None
        properties = {
            name: _rewrite(sub, change) for name, sub in node["properties"].items()
        }
        return {
            **node,
            "properties": {**properties, EXTRA_FIELD: EXTRA_VALUE},
            "required": [*node.get("required", []), EXTRA_FIELD],
        }

    return dict(_rewrite(schema, change))


def is_open_enum(node: Schema) -> bool:
    """``anyOf: [{enum}, {type: string}]``: an enum that keeps new values."""
    branches = node.get("anyOf", [])
    return any("enum" in b for b in branches) and any(
        b.get("type") == "string" and "enum" not in b for b in branches
    )


def with_unknown_enum_values(schema: Schema) -> Schema:
    """Every open enum of ``schema`` takes a value the spec does not list."""

    def change(node: Schema) -> Schema | None:
        if is_open_enum(node):
            return {"type": "string", "pattern": UNKNOWN_ENUM_PATTERN}
        return None

    return dict(_rewrite(schema, change))


def with_nulls(schema: Schema) -> Schema:
    """Every place below the top where the spec allows ``null`` holds it."""

    def change(node: Schema) -> Schema | None:
        kind = node.get("type")
        null_branch = {"type": "null"} in node.get("anyOf", [])
        nullable = null_branch or (isinstance(kind, list) and "null" in kind)
        return {"type": "null"} if nullable and node is not schema else None

    return dict(_rewrite(schema, change))


VARIANTS: dict[str, Callable[[Schema], Schema]] = {
    "valid": lambda schema: schema,
    "extra-fields": with_extra_fields,
    "unknown-enum-values": with_unknown_enum_values,
    "nulls": with_nulls,
}


def applicable(variant: str, answer: DocumentedAnswer) -> bool:
    """Whether ``variant`` changes anything in ``answer``'s schema."""
    return variant in applicable_to(answer.schema)


def applicable_to(schema: Schema) -> list[str]:
    """The variants that change ``schema`` (and "valid", which never does)."""
    return [
        variant
        for variant, change in VARIANTS.items()
        if variant == "valid" or change(schema) != schema
    ]


def body_schemas() -> dict[str, Schema]:
    """Every components/schemas entry used as a whole request or answer body."""
    names: set[str] = set()
    for op in operations(SPEC):
        request = resolve(SPEC, op.node.get("requestBody")) or {}
        responses = [resolve(SPEC, r) for r in op.node["responses"].values()]
        for holder in [request, *responses]:
            media = (holder.get("content") or {}).get("application/json")
            ref = str((media or {}).get("schema", {}).get("$ref", ""))
            if ref:
                names.add(ref.rsplit("/", 1)[-1])
    return {
        name: to_json_schema(SPEC, {"$ref": f"#/components/schemas/{name}"})
        for name in sorted(names)
    }


_DATE_TIME = re.compile(r"^\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d")


def plain(value: Any) -> Any:
    """JSON with every date-time string read as an instant, for comparing."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, str) and _DATE_TIME.match(value):
        try:
            return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
    return value


def operation_module(operation_id: str) -> Any:
    """The generated module of an operation, wherever its tag put it."""
    name = re.sub(r"(?<!^)(?=[A-Z])", "_", operation_id).lower()
    api = importlib.import_module("pachca_profile_api.api")
    for info in pkgutil.walk_packages(api.__path__, prefix=f"{api.__name__}."):
        if info.name.rsplit(".", 1)[-1] == name:
            return importlib.import_module(info.name)
    raise LookupError(f"no generated module for {operation_id}")


def reproducible(examples: int) -> settings:
    """Hypothesis settings for ``examples`` bodies, the same on every run:
    derandomized, no example database, no deadline on slow draws."""
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
