"""Every answer openapi.yaml allows reaches the caller as models or a PachcaError.

For every operation and every documented status, bodies are drawn from the
spec's own schema (valid ones, with unknown fields, with unknown enum
values, with ``null`` wherever allowed) and answered to the real client
method through ``httpx.MockTransport``. The judge is tools/contract_judge.py's,
the one ``nox -s contract`` applies to Prism's answers: a 2xx returns what
the body holds with nothing lost, an error status raises exactly its
``PachcaError`` subclass with the error items or OAuth error kept, and no
other exception ever escapes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import given, note

from pachca_profile import PachcaClient

from .answers import (
    SPEC,
    VARIANTS,
    DocumentedAnswer,
    applicable,
    bodies,
    documented_answers,
    empty_answers,
    reproducible,
)
from .typed import mismatches

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import contract_judge  # noqa: E402

OPERATIONS = {op.operation_id: op for op in contract_judge.spec_operations(SPEC)}
ANSWERS = documented_answers()


def distinct_schemas(answers: list[DocumentedAnswer]) -> list[DocumentedAnswer]:
    """One error answer per (operation, body schema)."""
    seen: dict[tuple[str, str], DocumentedAnswer] = {}
    for answer in answers:
        key = (answer.operation_id, json.dumps(answer.schema, sort_keys=True))
        seen.setdefault(key, answer)
    return list(seen.values())


# Every documented status gets valid bodies; the variants run on each
# success answer and on each operation's distinct error schemas: near 300
# examples, derandomized so that every run draws the same bodies.
CASES = [
    pytest.param(variant, answer, examples, id=f"{answer}-{variant}")
    for variant in VARIANTS
    for answer, examples in [
        *[(a, 5) for a in ANSWERS if a.status < 300],
        *[
            (a, 2)
            for a in (
                [a for a in ANSWERS if a.status >= 300]
                if variant == "valid"
                else distinct_schemas([a for a in ANSWERS if a.status >= 300])
            )
        ],
    ]
    if applicable(variant, answer)
]


def judge(operation_id: str, status: int, content: bytes) -> contract_judge.Verdict:
    """The contract judge's verdict when the API answers ``content``."""
    recorder = contract_judge.Recorder(
        httpx.MockTransport(lambda request: httpx.Response(status, content=content))
    )
    with PachcaClient(
        "t0ken",
        base_url="http://127.0.0.1:9",
        rate_limit=None,
        max_retries=0,
        transport=recorder,
    ) as client:
        return contract_judge.check_call(
            client, recorder, OPERATIONS[operation_id], status, round_=0
        )


def test_every_operation_documents_answers() -> None:
    assert {a.operation_id for a in ANSWERS} == set(OPERATIONS)
    assert ROOT.joinpath("openapi.yaml").exists()


@pytest.mark.parametrize(("variant", "answer", "examples"), CASES)
def test_every_documented_answer_reaches_the_caller_whole(
    variant: str, answer: DocumentedAnswer, examples: int
) -> None:
    @reproducible(examples)
    @given(body=bodies(VARIANTS[variant](answer.schema)))
    def check(body: Any) -> None:
        note(f"{answer.operation_id} answered {answer.status}: {json.dumps(body)}")

        verdict = judge(answer.operation_id, answer.status, json.dumps(body).encode())

        assert verdict.problem is None
        result = verdict.result
        for model in result if isinstance(result, list) else [result]:
            if hasattr(model, "to_dict"):
                assert mismatches(model) == []

    check()


@pytest.mark.parametrize(("operation_id", "status"), empty_answers())
def test_an_empty_documented_answer_returns_none(
    operation_id: str, status: int
) -> None:
    verdict = judge(operation_id, status, b"")

    assert verdict.problem is None
    assert verdict.result is None
