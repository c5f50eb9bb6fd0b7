"""Every non-2xx answer and every transport failure raises a PachcaError
subclass carrying what the server said, for both client flavours."""

from __future__ import annotations

import httpx
import pytest

from pachca_profile import (
    AuthenticationError,
    NotFoundError,
    PachcaConnectionError,
    PachcaError,
    PachcaTimeoutError,
    PermissionDeniedError,
    RateLimitError,
    RetryPolicy,
    ServerError,
    UnprocessableEntityError,
)

from .fakes import Answers, Run

PROXY_PAGE = "<html><body><h1>502 Bad Gateway</h1>nginx</body></html>"

VALIDATION = {
    "errors": [
        {
            "key": "title",
            "value": "x" * 60,
            "message": "is too long",
            "code": "too_long",
            "payload": None,
        }
    ]
}


def test_a_401_carries_the_servers_error_description(
    call: Run, answers: Answers
) -> None:
    answers.add(
        401,
        {"error": "invalid_token", "error_description": "The access token expired"},
    )

    with pytest.raises(AuthenticationError) as caught:
        call("get_profile")

    error = caught.value
    assert error.status_code == 401
    assert error.oauth_error is not None
    assert error.oauth_error.error_description == "The access token expired"
    assert "The access token expired" in str(error)
    assert (error.method, error.path) == ("GET", "/api/shared/v1/profile")


def test_a_403_is_permission_denied(call: Run, answers: Answers) -> None:
    answers.add(
        403, {"error": "insufficient_scope", "error_description": "Needs a scope"}
    )

    with pytest.raises(PermissionDeniedError) as caught:
        call("get_token_info")

    assert caught.value.status_code == 403


def test_an_avatar_403_with_api_error_items_keeps_them(
    call: Run, answers: Answers
) -> None:
    refused = {
        "key": "image",
        "value": None,
        "message": "You are not allowed to change the avatar",
        "code": "not_authorized",
        "payload": None,
    }
    answers.add(403, {"errors": [refused]})

    with pytest.raises(PermissionDeniedError) as caught:
        call("delete_avatar")

    error = caught.value
    assert error.oauth_error is None
    assert [(item.key, item.code) for item in error.errors] == [
        ("image", "not_authorized")
    ]
    assert "You are not allowed to change the avatar" in str(error)


def test_a_proxys_html_502_on_get_is_retried_then_raises_a_server_error(
    call: Run, answers: Answers
) -> None:
    answers.add(502, content=PROXY_PAGE.encode(), headers={"Content-Type": "text/html"})

    with pytest.raises(ServerError) as caught:
        call("get_status", options={"retry": RetryPolicy(max_attempts=3, wait=False)})

    assert len(answers.requests) == 3
    assert caught.value.status_code == 502
    assert caught.value.body == PROXY_PAGE


def test_a_502_then_a_success_answers_the_success(call: Run, answers: Answers) -> None:
    answers.add(502, content=PROXY_PAGE.encode()).add(200, None)

    assert call("get_status") is None
    assert len(answers.requests) == 2


def test_a_422_carries_the_api_error_items(call: Run, answers: Answers) -> None:
    answers.add(422, VALIDATION)

    with pytest.raises(UnprocessableEntityError) as caught:
        call("set_status", emoji="🌴", title="On leave")

    assert [item.key for item in caught.value.errors] == ["title"]
    assert caught.value.errors[0].message == "is too long"


def test_a_404_is_not_found(call: Run, answers: Answers) -> None:
    answers.add(404, {"errors": []})

    with pytest.raises(NotFoundError):
        call("delete_avatar")


def test_a_429_after_the_retries_raises_a_rate_limit_error(
    call: Run, answers: Answers
) -> None:
    answers.add(429, {"errors": []}, headers={"Retry-After": "1"})

    with pytest.raises(RateLimitError) as caught:
        call("get_profile", options={"retry": RetryPolicy(max_attempts=2, wait=False)})

    assert caught.value.retry_after == 1.0
    assert len(answers.requests) == 2


@pytest.mark.parametrize(
    ("failure", "kind"),
    [
        (httpx.ConnectError("connection refused"), PachcaConnectionError),
        (httpx.ReadTimeout("timed out"), PachcaTimeoutError),
    ],
)
def test_a_transport_failure_raises_a_pachca_error_without_status(
    call: Run,
    answers: Answers,
    failure: httpx.TransportError,
    kind: type[PachcaError],
) -> None:
    answers.fail(failure)

    with pytest.raises(kind) as caught:
        call("get_profile", options={"max_retries": 0})

    assert caught.value.status_code is None
    assert isinstance(caught.value, PachcaError)
