"""A server that repeats the access token in its answer does not put it into
the client's exceptions: message, str, repr, body, parsed errors and
headers show *** instead, for both client flavours."""

from __future__ import annotations

import httpx
import pytest

from pachca_profile import PachcaConnectionError, PachcaError
from pachca_profile.errors import redact

from .fakes import TOKEN, Answers, Run


def assert_hidden(error: PachcaError) -> None:
    shown = [
        str(error),
        repr(error),
        error.message,
        error.body or "",
        repr(error.errors),
        repr(error.oauth_error),
        repr(list(error.headers.multi_items())),
    ]
    assert not [text for text in shown if TOKEN in text]
    assert "***" in str(error) + (error.body or "")


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (
            401,
            {
                "error": "invalid_token",
                "error_description": f"token {TOKEN} is revoked",
            },
        ),
        (
            422,
            {
                "errors": [
                    {
                        "key": "title",
                        "value": TOKEN,
                        "message": f"{TOKEN} is not allowed",
                        "code": "invalid",
                        "payload": None,
                    }
                ]
            },
        ),
        (500, f"<html>Bearer {TOKEN}</html>"),
    ],
    ids=["oauth", "api-error", "html"],
)
def test_an_echoed_token_is_replaced_in_the_error(
    call: Run, answers: Answers, status: int, body: object
) -> None:
    if isinstance(body, str):
        answers.add(status, content=body.encode(), headers={"X-Echo": TOKEN})
    else:
        answers.add(status, body, headers={"X-Echo": TOKEN})

    with pytest.raises(PachcaError) as caught:
        call("get_profile", options={"retry": None, "max_retries": 0})

    assert_hidden(caught.value)


def test_an_echoed_token_is_replaced_in_a_parse_error(
    call: Run, answers: Answers
) -> None:
    answers.add(200, content=f"not json {TOKEN}".encode())

    with pytest.raises(PachcaError) as caught:
        call("get_profile")

    assert_hidden(caught.value)


def test_a_short_secret_is_replaced_only_where_it_stands_alone() -> None:
    assert redact("token t is revoked: Unauthorized", "t") == (
        "token *** is revoked: Unauthorized"
    )


def test_the_failed_request_in_the_cause_holds_no_token(call: Run) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with pytest.raises(PachcaConnectionError) as caught:
        call("get_profile", options={"transport": httpx.MockTransport(refuse)})

    cause = caught.value.__cause__
    assert isinstance(cause, httpx.ConnectError)
    assert TOKEN not in cause.request.headers["Authorization"]
