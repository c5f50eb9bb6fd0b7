"""tools/contract_judge.py judges each answer the way its docstring says.

These run the driver's checks on scripted answers (httpx.MockTransport),
without Prism: a right answer passes, and each kind of wrong one (a request
Prism flagged, a lost field, the wrong exception, an exception that is not
a PachcaError) is a failure that names what went wrong.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from pachca_profile import AsyncPachcaClient, PachcaClient
from pachca_profile.errors import (
    AuthenticationError,
    ClientError,
    RateLimitError,
    ServerError,
    UnprocessableEntityError,
)

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import contract_judge  # noqa: E402
from openapi_schema import load_spec  # noqa: E402

OPERATIONS = {
    op.operation_id: op
    for op in contract_judge.spec_operations(load_spec(ROOT / "openapi.yaml"))
}

STATUS = {
    "emoji": "🏖",
    "title": "On vacation",
    "expires_at": "2026-03-10T09:00:00.000Z",
    "is_away": True,
    "away_message": {"text": "Back soon"},
}

Answer = Callable[[httpx.Request], httpx.Response]


def judge(operation_id: str, status: int, answer: Answer) -> str | None:
    """What the driver finds wrong when the server answers with ``answer``."""
    recorder = contract_judge.Recorder(httpx.MockTransport(answer))
    with PachcaClient(
        "t0ken",
        base_url="http://127.0.0.1:9",
        rate_limit=None,
        max_retries=0,
        transport=recorder,
    ) as client:
        verdict = contract_judge.check_call(
            client, recorder, OPERATIONS[operation_id], status, round_=0
        )
    return verdict.problem


def json_answer(
    status: int, body: Any, headers: dict[str, str] | None = None
) -> Answer:
    content = json.dumps(body).encode()
    return lambda request: httpx.Response(status, content=content, headers=headers)


def test_every_operation_of_the_spec_has_a_client_method() -> None:
    assert set(OPERATIONS) == set(contract_judge.METHODS)
    assert len(OPERATIONS) == 8


def test_the_spec_statuses_and_examples_are_read() -> None:
    profile = OPERATIONS["getProfile"]

    assert (profile.success, profile.examples) == (200, ("withStatus", "withoutStatus"))
    assert 401 in profile.errors
    assert OPERATIONS["deleteStatus"].success == 204


def test_an_answer_read_in_full_passes() -> None:
    body = {"data": {**STATUS, "x_new": 1}, "x_envelope": True}

    assert judge("updateStatus", 200, json_answer(200, body)) is None


def test_a_bare_null_status_passes_as_none() -> None:
    assert judge("getStatus", 200, json_answer(200, None)) is None


def test_a_request_prism_flagged_fails() -> None:
    flagged = '[{"location":["request","body"],"message":"must have emoji"}]'
    answer = json_answer(200, {"data": STATUS}, {"sl-violations": flagged})

    problem = judge("updateStatus", 200, answer)

    assert problem is not None
    assert problem.startswith("Prism flagged the request")
    assert "must have emoji" in problem


def test_an_answer_the_client_cannot_read_fails() -> None:
    problem = judge("updateStatus", 200, json_answer(200, {"data": None}))

    assert problem is not None
    assert "ResponseParseError" in problem


def test_data_changed_on_the_way_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def drop_title(body: Any) -> Any:
        return {**body["data"], "title": "changed"}

    method = contract_judge.METHODS["updateStatus"]
    monkeypatch.setitem(
        contract_judge.METHODS,
        "updateStatus",
        contract_judge.Method(
            method.name, method.arguments, method.returns, drop_title
        ),
    )

    problem = judge("updateStatus", 200, json_answer(200, {"data": STATUS}))

    assert problem is not None
    assert problem.startswith("lost or changed data")


def test_an_error_status_raising_its_own_error_passes() -> None:
    body = {"error": "invalid_token", "error_description": "The token is invalid"}

    assert judge("getProfile", 401, json_answer(401, body)) is None


def test_an_error_answered_under_another_status_fails() -> None:
    body = {"errors": []}

    problem = judge("getProfile", 401, json_answer(403, body))

    assert problem is not None
    assert "PermissionDeniedError" in problem


def test_an_exception_other_than_a_pachca_error_fails() -> None:
    def broken(request: httpx.Request) -> httpx.Response:
        raise RuntimeError("transport bug")

    problem = judge("getProfile", 200, broken)

    assert problem == "raised RuntimeError: transport bug"


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (401, AuthenticationError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (418, ClientError),
        (503, ServerError),
    ],
)
def test_each_status_expects_its_own_error(status: int, kind: type) -> None:
    assert contract_judge.expected_error(status) is kind


def test_date_times_are_compared_as_instants() -> None:
    assert contract_judge.instants(
        "2026-03-10T09:00:00.000Z"
    ) == contract_judge.instants("2026-03-10T09:00:00+00:00")
    assert contract_judge.instants("2026-03-10T09:00:00Z") != contract_judge.instants(
        "2026-03-10T10:00:00+00:00"
    )


def ajudge(operation_id: str, status: int, answer: Answer) -> str | None:
    """The same judge, for the async client."""

    async def call() -> str | None:
        recorder = contract_judge.AsyncRecorder(httpx.MockTransport(answer))
        async with AsyncPachcaClient(
            "t0ken",
            base_url="http://127.0.0.1:9",
            rate_limit=None,
            max_retries=0,
            transport=recorder,
        ) as client:
            verdict = await contract_judge.acheck_call(
                client, recorder, OPERATIONS[operation_id], status, round_=1
            )
        return verdict.problem

    return asyncio.run(call())


def test_the_async_client_is_judged_alike() -> None:
    body = {"data": {**STATUS, "x_new": 1}}

    assert ajudge("updateStatus", 200, json_answer(200, body)) is None
    assert ajudge("updateStatus", 200, json_answer(200, {"data": None})) is not None
    assert ajudge("getTokenInfo", 429, json_answer(429, {"errors": []})) is None
