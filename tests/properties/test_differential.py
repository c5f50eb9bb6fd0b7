"""The attrs models and the pydantic models accept and reject the same bodies.

Both packages are generated from openapi.yaml by different generators; the
client reads answers with the attrs models, the fake server reads requests
and writes answers with the pydantic ones. For every request and answer
body schema, bodies are drawn from the spec (valid, with extra fields,
with unknown enum values, with nulls) and then broken on purpose (a
required field dropped, ``null`` where the spec forbids it, a value of
another JSON type). Both verdicts must match.

The attrs verdict is "accepts" when ``from_dict`` returns a model whose
every value has its declared type (see typed.py): a generated parser that
falls back to the raw JSON has not accepted the body as models. The
pydantic verdict is strict validation of the body as JSON text, the way a
server reads a request; pydantic's default lax mode would also take a
number as a date-time.
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Iterator
from typing import Any

import jsonschema
import pydantic
import pytest
from hypothesis import given, note

import pachca_profile_api.models as attrs_models
import pachca_profile_schemas as pydantic_models

from .answers import (
    SPEC,
    VARIANTS,
    Schema,
    applicable_to,
    bodies,
    body_schemas,
    reproducible,
)
from .typed import mismatches

PARSE_FAILURES = (KeyError, TypeError, ValueError, AttributeError)

BODIES = body_schemas()
SETTINGS = reproducible(6)


def attrs_verdict(name: str, body: Any) -> str:
    model = getattr(attrs_models, name)
    try:
        parsed = model.from_dict(body)
    except PARSE_FAILURES as exc:
        return f"rejects ({type(exc).__name__}: {exc})"
    wrong = mismatches(parsed)
    return f"rejects (wrong types: {wrong})" if wrong else "accepts"


def pydantic_verdict(name: str, body: Any) -> str:
    model = getattr(pydantic_models, name)
    try:
        model.model_validate_json(json.dumps(body), strict=True)
    except pydantic.ValidationError as exc:
        return f"rejects ({exc.error_count()} errors: {exc.errors()[0]['msg']})"
    return "accepts"


def assert_same_verdict(name: str, body: Any) -> None:
    by_attrs, by_pydantic = attrs_verdict(name, body), pydantic_verdict(name, body)

    agree = by_attrs.split(" ")[0] == by_pydantic.split(" ")[0]
    assert agree, (
        f"{name} models disagree on {json.dumps(body, ensure_ascii=False)}\n"
        f"  attrs:    {by_attrs}\n  pydantic: {by_pydantic}"
    )


def test_every_body_schema_has_both_models() -> None:
    for name in BODIES:
        assert hasattr(attrs_models, name), name
        assert hasattr(pydantic_models, name), name


@pytest.mark.parametrize(
    ("name", "variant"),
    [(name, variant) for name in BODIES for variant in applicable_to(BODIES[name])],
)
def test_both_models_accept_every_body_the_spec_allows(name: str, variant: str) -> None:
    @SETTINGS
    @given(body=bodies(VARIANTS[variant](BODIES[name])))
    def check(body: Any) -> None:
        assert_same_verdict(name, body)
        assert attrs_verdict(name, body) == "accepts"

    check()


@pytest.mark.parametrize("name", list(BODIES))
def test_both_models_reject_the_same_broken_bodies(name: str) -> None:
    schema = BODIES[name]

    @SETTINGS
    @given(body=bodies(schema))
    def check(body: Any) -> None:
        for description, broken in breakages(body, schema):
            if _valid(broken, schema):
                continue
            note(f"broken by: {description}")

            assert_same_verdict(name, broken)

    check()


OTHER_VALUES: tuple[Any, ...] = (12345, "text", True, [], {}, 1.5)


def breakages(body: Any, schema: Schema) -> Iterator[tuple[str, Any]]:
    """Ways to break ``body``, each with a description and the broken copy.

    ``null`` where an *optional* field is not nullable is left out: the
    pydantic models accept it (see test_pydantic_models_accept_null_for_an
    _optional_field); every other breakage must get the same verdict.
    """
    for path, node, optional in _sites(body, schema, (), optional=False):
        value = _get(body, path)
        if not optional and not _valid(None, node):
            yield f"null at {path}", _set(body, path, None)
        for other in OTHER_VALUES:
            if type(other) is not type(value) and not _valid(other, node):
                yield f"{other!r} at {path}", _set(body, path, other)
                break
        if isinstance(value, dict):
            for key in _required(value, node):
                yield f"{key} dropped at {path}", _drop(body, path, key)


def _sites(
    value: Any, schema: Schema, path: tuple[Any, ...], *, optional: bool
) -> Iterator[tuple[tuple[Any, ...], Schema, bool]]:
    """Every place in ``value`` with its schema, and whether it may be absent."""
    node = _branch_for(value, schema)
    yield path, node, optional
    if isinstance(value, dict):
        required = set(node.get("required", []))
        for key, sub in node.get("properties", {}).items():
            if key in value:
                yield from _sites(
                    value[key], sub, (*path, key), optional=key not in required
                )
    if isinstance(value, list) and isinstance(node.get("items"), dict):
        for index, item in enumerate(value):
            yield from _sites(item, node["items"], (*path, index), optional=False)


def _branch_for(value: Any, schema: Schema) -> Schema:
    """The alternative of ``schema`` that ``value`` is valid under."""
    for key in ("anyOf", "oneOf"):
        for branch in schema.get(key, []):
            if _valid(value, branch):
                return _branch_for(value, branch)
    return schema


def _required(value: dict[str, Any], node: Schema) -> list[str]:
    return [key for key in node.get("required", []) if key in value]


def _valid(value: Any, schema: Schema) -> bool:
    return bool(_validator(json.dumps(schema, sort_keys=True)).is_valid(value))


@functools.cache
def _validator(schema_json: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(schema_json))


def _get(body: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        body = body[step]
    return body


def _set(body: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    broken = copy.deepcopy(body)
    _get(broken, path[:-1])[path[-1]] = value
    return broken


def _drop(body: Any, path: tuple[Any, ...], key: str) -> Any:
    broken = copy.deepcopy(body)
    del _get(broken, path)[key]
    return broken


# Limitation: datamodel-code-generator writes an optional field that the
# spec does not make nullable as ``X | None = None``, so the pydantic models
# accept null there while the attrs models (and the spec) refuse it.
def test_pydantic_models_accept_null_for_an_optional_field() -> None:
    body = {"status": {"emoji": "🏖", "title": "Away", "away_message": None}}

    assert attrs_verdict("StatusUpdateRequest", body).startswith("rejects")
    assert pydantic_verdict("StatusUpdateRequest", body) == "accepts"
    assert not _valid(body, BODIES["StatusUpdateRequest"])


def test_the_spec_is_the_one_read_at_test_time() -> None:
    assert set(BODIES) >= {"UserResponse", "StatusUpdateRequest", "ApiError"}
    assert SPEC["openapi"].startswith("3.1")
