"""Any body openapi.yaml allows becomes typed models, and nothing in it is lost.

For every operation and every documented status, bodies are drawn from the
spec's own schema (read at test time) and handed to the generated parser
of that operation. Four kinds of bodies: valid ones, ones with a field the
spec does not know in every object, ones with a value no open enum lists,
and ones with ``null`` wherever the spec allows it.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from hypothesis import given

from pachca_profile_api import AuthenticatedClient

from .answers import (
    EXTRA_FIELD,
    VARIANTS,
    DocumentedAnswer,
    applicable,
    bodies,
    documented_answers,
    operation_module,
    plain,
    reproducible,
)
from .typed import mismatches

ANSWERS = documented_answers()
SUCCESS = [answer for answer in ANSWERS if answer.status < 300]
ERRORS = [answer for answer in ANSWERS if answer.status >= 300]


def first_per_schema(answers: list[DocumentedAnswer]) -> list[DocumentedAnswer]:
    """One answer per distinct body schema (the error bodies share three:
    ApiError, OAuthError, and either of them for the avatar's 403)."""
    seen: dict[str, DocumentedAnswer] = {}
    for answer in answers:
        seen.setdefault(json.dumps(answer.schema, sort_keys=True), answer)
    return list(seen.values())


# Every status of every operation gets a valid body; the other variants run
# on each success answer and once per distinct error schema. Drawing a body
# of this spec costs tens of milliseconds, so the module stays near 200
# examples in all; test_client_answers.py draws more error bodies, through
# the client.
CASES = [
    pytest.param(variant, answer, examples, id=f"{answer}-{variant}")
    for variant in VARIANTS
    for answer, examples in [
        *[(answer, 6) for answer in SUCCESS],
        *[
            (answer, 1 if variant == "valid" else 4)
            for answer in (ERRORS if variant == "valid" else first_per_schema(ERRORS))
        ],
    ]
    if applicable(variant, answer)
]


def parse(answer: DocumentedAnswer, body: Any) -> Any:
    """Run the operation's generated parser on ``body`` with ``answer``'s status."""
    client = AuthenticatedClient(base_url="http://127.0.0.1:9", token="t0ken")
    response = httpx.Response(answer.status, content=json.dumps(body).encode())
    module = operation_module(answer.operation_id)
    return module._build_response(client=client, response=response).parsed


def test_the_spec_documents_answers_with_bodies() -> None:
    assert len(SUCCESS) == 6
    assert len(first_per_schema(ERRORS)) == 3


@pytest.mark.parametrize(("variant", "answer", "examples"), CASES)
def test_every_documented_body_becomes_models_without_loss(
    variant: str, answer: DocumentedAnswer, examples: int
) -> None:
    @reproducible(examples)
    @given(body=bodies(VARIANTS[variant](answer.schema)))
    def check(body: Any) -> None:
        parsed = parse(answer, body)

        if body is None:
            assert parsed is None
            return
        assert hasattr(parsed, "to_dict"), f"{answer} gave {parsed!r}"
        assert mismatches(parsed) == [], body
        assert plain(parsed.to_dict()) == plain(body)
        if variant == "extra-fields":
            assert parsed.additional_properties[EXTRA_FIELD] == body[EXTRA_FIELD]

    check()
