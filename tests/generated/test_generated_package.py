"""The generated package parses everything the contract promises.

These are the cases that fail in a plain build of Pachca's own spec and in
the official SDK: a profile without a status, a status answer of bare
``null``, an enum value added after the client was built, an unknown field.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from pachca_profile_api import AuthenticatedClient
from pachca_profile_api.api.custom_properties import list_custom_properties
from pachca_profile_api.api.profile import get_profile, get_status
from pachca_profile_api.models import (
    ApiError,
    CustomPropertyDataType,
    OAuthError,
    User,
    UserResponse,
    UserRole,
    UserStatus,
    UserStatusResponse,
)

from .spec_examples import (
    AnswerExample,
    answer_examples,
    load_spec,
    operation_module,
    operations,
    resolve,
    snake,
)

SPEC = load_spec(Path(__file__).resolve().parents[2] / "openapi.yaml")
EXAMPLES = answer_examples(SPEC)


def answer(module: Any, status: int, body: Any) -> Any:
    """Run a generated operation's own parser on one answer."""
    client = AuthenticatedClient(base_url="https://api.invalid", token="t0ken")
    response = httpx.Response(status, content=json.dumps(body).encode())
    return module._build_response(client=client, response=response).parsed


def plain(value: Any) -> Any:
    """A model's ``to_dict()`` output with dates compared as instants."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, str) and len(value) >= 20 and value[4:5] == "-":
        try:
            return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
    return value


def profile_body(**changes: Any) -> dict[str, Any]:
    body = next(
        example.body
        for example in EXAMPLES
        if example.operation_id == "getProfile" and example.name == "withStatus"
    )
    body = json.loads(json.dumps(body))
    body["data"].update(changes)
    return body


def test_every_operation_has_a_generated_module() -> None:
    for _method, _path, operation in operations(SPEC):
        module = operation_module(operation["operationId"])

        assert module.__name__.endswith(snake(operation["operationId"]))
        assert callable(module.sync_detailed)
        assert callable(module.asyncio_detailed)


def test_the_spec_documents_an_example_for_every_answer_with_a_body() -> None:
    documented = {(e.operation_id, e.status) for e in EXAMPLES}

    for _method, _path, operation in operations(SPEC):
        for status in operation["responses"]:
            if status == "204":
                continue
            assert (operation["operationId"], int(status)) in documented


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_every_example_parses_into_models_without_loss(
    example: AnswerExample,
) -> None:
    module = operation_module(example.operation_id)

    parsed = answer(module, example.status, example.body)

    if example.body is None:
        assert parsed is None
        return
    assert hasattr(parsed, "to_dict"), f"{example} gave {parsed!r}"
    if example.status >= 400:
        assert isinstance(parsed, (ApiError, OAuthError))
    assert plain(parsed.to_dict()) == plain(example.body)


def test_profile_without_a_status_has_user_status_none() -> None:
    body = profile_body(user_status=None)

    parsed = answer(get_profile, 200, body)

    assert isinstance(parsed, UserResponse)
    assert parsed.data.user_status is None


def test_profile_with_a_status_parses_it_into_a_model() -> None:
    parsed = answer(get_profile, 200, profile_body())

    assert isinstance(parsed.data.user_status, UserStatus)
    assert parsed.data.user_status.away_message is None


def test_status_answer_of_bare_null_parses_to_none() -> None:
    parsed = answer(get_status, 200, None)

    assert parsed is None


def test_status_answer_with_null_data_parses_to_an_empty_envelope() -> None:
    parsed = answer(get_status, 200, {"data": None})

    assert isinstance(parsed, UserStatusResponse)
    assert parsed.data is None


def test_unknown_role_is_kept_as_its_raw_string() -> None:
    parsed = answer(get_profile, 200, profile_body(role="owner"))

    assert parsed.data.role == "owner"
    assert not isinstance(parsed.data.role, UserRole)
    assert parsed.to_dict()["data"]["role"] == "owner"


def test_known_role_becomes_the_enum_member() -> None:
    parsed = answer(get_profile, 200, profile_body(role="multi_guest"))

    assert parsed.data.role is UserRole.MULTI_GUEST


def test_unknown_custom_property_data_type_is_kept_as_its_raw_string() -> None:
    body = {
        "data": [
            {"id": 1, "name": "Badge", "data_type": "file"},
            {"id": 2, "name": "City", "data_type": "string"},
        ]
    }

    parsed = answer(list_custom_properties, 200, body)

    assert [item.data_type for item in parsed.data] == [
        "file",
        CustomPropertyDataType.STRING,
    ]


def test_unknown_field_is_kept_in_additional_properties() -> None:
    parsed = answer(get_profile, 200, profile_body(pronouns="they/them"))

    assert isinstance(parsed.data, User)
    assert parsed.data.additional_properties == {"pronouns": "they/them"}
    assert parsed.to_dict()["data"]["pronouns"] == "they/them"


def test_authenticated_client_repr_does_not_show_the_token() -> None:
    client = AuthenticatedClient(base_url="https://api.invalid", token="s3cr3t-tok")
    client.get_httpx_client()

    assert "s3cr3t-tok" not in repr(client)
    assert "s3cr3t-tok" not in str(client)


def test_authenticated_client_has_a_finite_default_timeout() -> None:
    client = AuthenticatedClient(base_url="https://api.invalid", token="t")

    timeout = client.get_httpx_client().timeout

    assert timeout.connect == 10.0
    assert timeout.read == 30.0


def test_generated_packages_are_typed() -> None:
    for name in ("pachca_profile_api", "pachca_profile_schemas"):
        package = importlib.import_module(name)
        folder = Path(package.__file__ or "").parent

        assert (folder / "py.typed").exists()


def schema_names(example: AnswerExample) -> list[str]:
    """The component names the spec gives an example's body."""
    for _method, _path, operation in operations(SPEC):
        if operation["operationId"] != example.operation_id:
            continue
        response = resolve(SPEC, operation["responses"][str(example.status)])
        schema = response["content"]["application/json"]["schema"]
        choices = schema.get("anyOf", [schema])
        return [c["$ref"].rsplit("/", 1)[1] for c in choices if "$ref" in c]
    raise LookupError(example.operation_id)


@pytest.mark.parametrize(
    "example", [e for e in EXAMPLES if e.body is not None], ids=str
)
def test_every_example_validates_against_the_pydantic_models(
    example: AnswerExample,
) -> None:
    schemas = importlib.import_module("pachca_profile_schemas")
    pydantic = importlib.import_module("pydantic")
    dumps = []

    # An anyOf body (a 403 of the avatar operations) must match one choice.
    for name in schema_names(example):
        try:
            model = getattr(schemas, name).model_validate(example.body)
        except pydantic.ValidationError:
            continue
        dumps.append(plain(model.model_dump(mode="json")))

    assert plain(example.body) in dumps


def test_pydantic_models_enforce_the_status_title_limit() -> None:
    schemas = importlib.import_module("pachca_profile_schemas")
    status = {"emoji": "\N{ROCKET}", "title": "x" * 50}

    schemas.StatusUpdateRequest.model_validate({"status": status})
    with pytest.raises(ValueError, match="50"):
        schemas.StatusUpdateRequest.model_validate(
            {"status": {**status, "title": "x" * 51}}
        )
