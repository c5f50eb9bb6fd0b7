"""What an error tells its reader: the class of the status, everything the
server said, and never the access token."""

from __future__ import annotations

import json
import pickle
from typing import Any

import httpx
import pytest

from pachca_profile.errors import (
    AuthenticationError,
    BadRequestError,
    ClientError,
    InvalidInputError,
    NotFoundError,
    PachcaConnectionError,
    PachcaError,
    PachcaTimeoutError,
    PaymentRequiredError,
    PermissionDeniedError,
    RateLimitError,
    ResponseParseError,
    ServerError,
    TransportError,
    UnprocessableEntityError,
    error_from_response,
    error_from_transport,
)
from pachca_profile_api.models import ValidationErrorCode

TOKEN = "tok-77d2e0-never-print-me"
URL = "http://127.0.0.1:9/api/shared/v1/profile/status?cursor=c1"
PATH = "/api/shared/v1/profile/status"
INVALID_TOKEN = {
    "error": "invalid_token",
    "error_description": "The access token is invalid",
}


def answer(
    status: int,
    body: Any = None,
    *,
    text: str | None = None,
    headers: dict[str, str] | None = None,
    method: str = "GET",
) -> httpx.Response:
    """A read response to a request that carried the token."""
    request = httpx.Request(method, URL, headers={"Authorization": f"Bearer {TOKEN}"})
    if text is not None:
        response = httpx.Response(status, text=text, headers=headers, request=request)
    elif body is not None:
        response = httpx.Response(status, json=body, headers=headers, request=request)
    else:
        response = httpx.Response(status, headers=headers, request=request)
    response.read()
    return response


def api_error(key: str, code: str, message: str, **extra: Any) -> dict[str, Any]:
    item = {"key": key, "value": None, "message": message, "code": code}
    return {"errors": [{**item, "payload": None}], **extra}


def test_401_carries_the_servers_error_description():
    error = error_from_response(answer(401, INVALID_TOKEN))

    assert isinstance(error, AuthenticationError)
    assert error.status_code == 401
    assert error.oauth_error is not None
    assert error.oauth_error.error_description == "The access token is invalid"
    assert str(error) == (
        f"401 Unauthorized on GET {PATH}: The access token is invalid (invalid_token)"
    )


def test_422_carries_each_item_with_its_key_and_code():
    body = api_error("title", "too_long", "is too long (maximum is 50 characters)")

    error = error_from_response(answer(422, body, method="PUT"))

    assert isinstance(error, UnprocessableEntityError)
    assert [(item.key, item.code) for item in error.errors] == [
        ("title", ValidationErrorCode.TOO_LONG)
    ]
    assert error.method == "PUT"
    assert "title is too long (maximum is 50 characters) (too_long)" in str(error)


def test_an_error_code_added_later_is_kept_as_its_raw_string():
    body = api_error("emoji", "emoji_retired", "is no longer offered")

    error = error_from_response(answer(422, body))

    code = error.errors[0].code
    assert code == "emoji_retired"
    assert not isinstance(code, ValidationErrorCode)
    assert "(emoji_retired)" in str(error)


def test_fields_the_spec_does_not_know_are_kept():
    body = api_error("base", "invalid", "refused", request_id="r-42")
    body["errors"][0]["hint"] = "try again"

    error = error_from_response(answer(400, body))

    assert error.errors[0].additional_properties == {"hint": "try again"}
    assert json.loads(error.body or "")["request_id"] == "r-42"


def test_html_from_a_proxy_is_a_server_error_keeping_the_page():
    page = "<html>\n<h1>502 Bad Gateway</h1>\n<hr>nginx\n</html>"

    error = error_from_response(
        answer(502, text=page, headers={"Content-Type": "text/html"})
    )

    assert isinstance(error, ServerError)
    assert error.status_code == 502
    assert error.body == page
    assert error.errors == []
    assert "<h1>502 Bad Gateway</h1> <hr>nginx" in str(error)


def test_a_long_body_is_shortened_in_the_message_but_kept_whole():
    page = "<p>" + "x" * 5000 + "</p>"

    error = error_from_response(answer(503, text=page))

    assert error.body == page
    assert len(str(error)) < 400


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (402, PaymentRequiredError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ClientError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, ServerError),
        (504, ServerError),
    ],
)
def test_each_status_raises_its_own_class(status, kind):
    error = error_from_response(answer(status))

    assert type(error) is kind
    assert isinstance(error, PachcaError)


def test_4xx_classes_are_client_errors():
    classes = [
        BadRequestError,
        AuthenticationError,
        PaymentRequiredError,
        PermissionDeniedError,
        NotFoundError,
        UnprocessableEntityError,
        RateLimitError,
    ]

    assert all(issubclass(kind, ClientError) for kind in classes)


def test_an_empty_body_gets_a_hint_instead():
    error = error_from_response(answer(401))

    assert error.body is None
    assert str(error) == (
        f"401 Unauthorized on GET {PATH}: "
        "check the access token (token=... or PACHCA_TOKEN)"
    )


def test_429_says_how_long_to_wait():
    body = api_error("base", "rate_limit", "Too many requests")

    error = error_from_response(answer(429, body, headers={"Retry-After": "3"}))

    assert isinstance(error, RateLimitError)
    assert error.retry_after == 3.0
    assert error.headers["Retry-After"] == "3"
    assert str(error).endswith("Too many requests (rate_limit); retry after 3s")


def test_429_without_retry_after_has_none():
    error = error_from_response(answer(429))

    assert isinstance(error, RateLimitError)
    assert error.retry_after is None


def test_the_token_and_query_never_show_in_str_repr_or_attributes():
    error = error_from_response(answer(401, INVALID_TOKEN))

    shown = [str(error), repr(error), repr(vars(error))]
    assert all(TOKEN not in text and "cursor" not in text for text in shown)
    assert error.path == PATH


def test_an_error_survives_pickling_with_what_it_carries():
    body = api_error("title", "too_long", "is too long")
    error = error_from_response(answer(422, body))

    copy = pickle.loads(pickle.dumps(error))

    assert type(copy) is UnprocessableEntityError
    assert (str(copy), copy.status_code, copy.body) == (
        str(error),
        422,
        error.body,
    )
    assert copy.errors[0].code == ValidationErrorCode.TOO_LONG


@pytest.mark.parametrize(
    ("failure", "kind"),
    [
        (httpx.ReadTimeout("timed out"), PachcaTimeoutError),
        (httpx.ConnectTimeout("timed out"), PachcaTimeoutError),
        (httpx.ConnectError("[Errno 111] Connection refused"), PachcaConnectionError),
        (httpx.RemoteProtocolError("disconnected"), PachcaConnectionError),
        (httpx.UnsupportedProtocol("ftp"), TransportError),
    ],
    ids=lambda value: type(value).__name__,
)
def test_a_transport_failure_has_no_status_and_names_the_request(failure, kind):
    request = httpx.Request("GET", URL, headers={"Authorization": f"Bearer {TOKEN}"})

    error = error_from_transport(failure, request)

    assert type(error) is kind
    assert error.status_code is None
    assert (error.method, error.path) == ("GET", PATH)
    assert type(failure).__name__ in str(error)
    assert TOKEN not in repr(vars(error))


def test_a_transport_failure_without_a_request_still_reads_well():
    error = error_from_transport(httpx.ConnectError("refused"))

    assert isinstance(error, PachcaConnectionError)
    assert error.method is None
    assert str(error).startswith("ConnectError: refused; ")


def test_a_2xx_that_does_not_parse_carries_status_and_body():
    response = answer(200, text="{not json")

    error = ResponseParseError.from_response(response, reason="the body is not JSON")

    assert isinstance(error, PachcaError)
    assert (error.status_code, error.body) == (200, "{not json")
    assert str(error) == (
        f"200 OK on GET {PATH}: the answer is not what the API documents: "
        "the body is not JSON"
    )


def test_an_invalid_input_is_a_value_error_naming_field_and_limit():
    error = InvalidInputError("title", 50, "title has 51 characters; at most 50")

    assert isinstance(error, ValueError)
    assert not isinstance(error, PachcaError)
    assert (error.field, error.limit) == ("title", 50)
    assert str(error) == "title has 51 characters; at most 50"
