"""One exception hierarchy for everything that can go wrong with a call.

::

    PachcaError                 status_code, message, method, path, errors,
    |                           oauth_error, body, headers
    +-- ClientError             any other 4xx
    |   +-- BadRequestError            400
    |   +-- AuthenticationError        401
    |   +-- PaymentRequiredError       402
    |   +-- PermissionDeniedError      403
    |   +-- NotFoundError              404
    |   +-- UnprocessableEntityError   422
    |   +-- RateLimitError             429, with retry_after
    +-- ServerError             5xx, whatever the body (a proxy's HTML too)
    +-- TransportError          no answer at all: status_code is None
    |   +-- PachcaTimeoutError
    |   +-- PachcaConnectionError
    +-- ResponseParseError      a 2xx whose body is not what the API documents
    +-- ClientClosedError       a call on a client already closed

    InvalidInputError(ValueError)   refused before sending; not a PachcaError

Nothing the server sent is dropped: an ``ApiError`` or ``OAuthError`` body is
parsed with the generated models (which keep unknown fields and codes), and
``body`` always holds the raw text. None of these objects ever holds the
request's headers, so the access token cannot leak through ``str`` or
``repr``; where a server repeats the token in its answer, the client's
errors show ``***`` in its place (see :func:`redact`).

    >>> try:
    ...     client.get_profile()  # doctest: +SKIP
    ... except AuthenticationError as exc:
    ...     print(exc.oauth_error.error_description)
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any, overload

import httpx

from pachca_profile_api.models import ApiError, ApiErrorItem, OAuthError

from .retry import retry_after_of

__all__ = [
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ClientError",
    "InvalidInputError",
    "NotFoundError",
    "PachcaConnectionError",
    "PachcaError",
    "PachcaTimeoutError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseParseError",
    "ServerError",
    "TransportError",
    "UnprocessableEntityError",
    "error_from_response",
    "error_from_transport",
]

# How much of a body that is not JSON goes into the message (all of it is
# kept in ``body``).
_EXCERPT = 200

# What stands for the access token where a server repeats it.
REDACTED = "***"

# Secrets at least this long are replaced even inside longer words.
_WHOLE_SECRET = 8


class PachcaError(Exception):
    """A call to the Pachca API that did not give the documented answer.

    ``headers`` are the answer's (looked up without regard to case; a
    request's headers, and so the token, are never kept); ``body`` is the
    answer's text, None when it was empty or there was no answer, and
    ``content`` its bytes as they arrived (decompressed), so a body that is
    not valid in its declared charset is not lost to the replacement
    characters of ``body``.

    ``str(exc)`` is ``message``: status, method, path and what the server
    said, e.g. ``401 Unauthorized on GET /profile: The access token is
    invalid (invalid_token)``.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = None,
        method: str | None = None,
        path: str | None = None,
        errors: Sequence[ApiErrorItem] = (),
        oauth_error: OAuthError | None = None,
        body: str | None = None,
        headers: Mapping[str, str] | None = None,
        content: bytes | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        self.method = method
        self.path = path
        self.errors: list[ApiErrorItem] = list(errors)
        self.oauth_error = oauth_error
        self.body = body
        self.content = content
        self.headers = httpx.Headers(headers)

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.__dict__))


def _rebuild(kind: type[PachcaError], state: dict[str, Any]) -> PachcaError:
    """Unpickle a PachcaError of any subclass from its attributes."""
    error = kind.__new__(kind)
    Exception.__init__(error, state["message"])
    error.__dict__.update(state)
    return error


class ClientError(PachcaError):
    """A 4xx answer: the request needs changing before it is sent again."""


class BadRequestError(ClientError):
    """400: the server could not understand the request."""


class AuthenticationError(ClientError):
    """401: the access token is missing, unknown or revoked."""


class PaymentRequiredError(ClientError):
    """402: the workspace's plan does not include this operation."""


class PermissionDeniedError(ClientError):
    """403: the token lacks the scope or the role this operation needs."""


class NotFoundError(ClientError):
    """404: there is nothing at this path."""


class UnprocessableEntityError(ClientError):
    """422: a value was refused; ``errors`` names each field and code."""


class RateLimitError(ClientError):
    """429: too many requests; ``retry_after`` is the seconds to wait, if said."""

    retry_after: float | None = None


class ServerError(PachcaError):
    """5xx: the server or a proxy in front of it failed; try again later."""


class TransportError(PachcaError):
    """No answer arrived; ``status_code`` is None."""


class PachcaTimeoutError(TransportError):
    """The connection, the request or the answer took longer than the timeout."""


class PachcaConnectionError(TransportError):
    """The connection could not be opened, or broke before the answer."""


class ResponseParseError(PachcaError):
    """A 2xx answer whose body is empty, malformed or not the documented shape.

    ``status_code`` and ``body`` hold what arrived.
    """

    @classmethod
    def from_response(
        cls, response: httpx.Response, *, reason: str, secret: str | None = None
    ) -> ResponseParseError:
        """The error for ``response`` (already read), refused for ``reason``.

        ``secret`` (the access token) is replaced by ``***`` wherever the
        answer repeats it.
        """
        method, path = _origin(response.request)
        status = response.status_code
        body = redact(_text_of(response), secret)
        message = (
            f"{_status_line(status)} on {method} {path}: "
            f"the answer is not what the API documents: {reason}"
        )
        return cls(
            redact(message, secret),
            status_code=status,
            method=method,
            path=path,
            body=body,
            headers=_redact_headers(response.headers, secret),
            content=_content_of(response, secret),
        )


class ClientClosedError(PachcaError):
    """A call on a client after ``close()`` (or its ``with`` block) ended it.

    Nothing was sent; ``status_code`` is None. Make a new client.
    """


class InvalidInputError(ValueError):
    """An argument refused before anything was sent.

    ``field`` names the argument, ``limit`` what it must satisfy (50, "a
    timezone-aware datetime", ...); ``str(exc)`` is ``message``.
    """

    def __init__(self, field: str, limit: object, message: str) -> None:
        super().__init__(field, limit, message)
        self.field = field
        self.limit = limit
        self.message = message

    def __str__(self) -> str:
        return self.message


_BY_STATUS: dict[int, type[PachcaError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: PaymentRequiredError,
    403: PermissionDeniedError,
    404: NotFoundError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}

# What to tell the reader when the server said nothing useful.
_HINTS: dict[type[PachcaError], str] = {
    AuthenticationError: "check the access token (token=... or PACHCA_TOKEN)",
    PermissionDeniedError: "the token lacks the scope or role this needs",
    NotFoundError: "nothing exists at this path",
    RateLimitError: "too many requests; slow down",
    ServerError: "the server failed; try again later",
}


def error_from_response(
    response: httpx.Response,
    *,
    unreadable: str | None = None,
    secret: str | None = None,
) -> PachcaError:
    """The ``PachcaError`` subclass for a non-2xx ``response``, filled in.

    The response must have been read. An ``ApiError`` body fills ``errors``,
    an ``OAuthError`` body fills ``oauth_error``; ``body`` keeps the raw text
    either way, so an HTML page from a proxy is kept too. Method and path
    come from ``response.request``; the query string is left out.
    ``unreadable`` says why the body could not be read, when it could not
    (an encoding that does not decode); the status still picks the class.
    ``secret`` (the access token) is replaced by ``***`` wherever the
    server repeats it, in the message, the body, the parsed errors and the
    headers.
    """
    status = response.status_code
    kind = _kind_of(status)
    method, path = _origin(response.request)
    body = redact(_text_of(response), secret)
    api_error, oauth_error = _parse_body(body)
    errors = api_error.errors if api_error is not None else []

    detail = _detail(errors, oauth_error, body) or _HINTS.get(kind, "")
    if 300 <= status <= 399:
        detail = _redirect(response)
    if unreadable is not None:
        detail = f"{detail}; the body could not be read: {unreadable}"
    retry_after = retry_after_of(response) if kind is RateLimitError else None
    if retry_after is not None:
        detail = f"{detail}; retry after {retry_after:g}s"

    message = f"{_status_line(status)} on {method} {path}"
    error = kind(
        redact(f"{message}: {detail}" if detail else message, secret),
        status_code=status,
        method=method,
        path=path,
        errors=errors,
        oauth_error=oauth_error,
        body=body,
        headers=_redact_headers(response.headers, secret),
        content=_content_of(response, secret),
    )
    if isinstance(error, RateLimitError):
        error.retry_after = retry_after
    return error


def error_from_transport(
    exc: httpx.HTTPError,
    request: httpx.Request | None = None,
    *,
    secret: str | None = None,
) -> TransportError:
    """The ``TransportError`` subclass for an httpx failure to get an answer.

    Any ``httpx.HTTPError`` is accepted, so none escapes as an httpx
    exception: an answer that could not be decoded before its status was
    known (``httpx.DecodingError``) is a plain ``TransportError``. Raise it
    ``from exc`` so the original stays in the chain. ``secret`` is replaced
    by ``***`` should httpx's own message repeat it.
    """
    if isinstance(exc, httpx.TimeoutException):
        kind: type[TransportError] = PachcaTimeoutError
        advice = "no answer within the timeout; try again or raise timeout="
    elif isinstance(exc, httpx.NetworkError | httpx.RemoteProtocolError):
        kind = PachcaConnectionError
        advice = "the connection failed; check the network and base_url"
    elif isinstance(exc, httpx.DecodingError):
        kind = TransportError
        advice = "the answer could not be decoded"
    else:
        kind = TransportError
        advice = "the request could not be sent"

    said = redact(str(exc), secret)
    detail = f"{type(exc).__name__}: {said}" if said else type(exc).__name__
    if request is None:
        return kind(f"{detail}; {advice}")

    method, path = _origin(request)
    return kind(f"{detail} on {method} {path}; {advice}", method=method, path=path)


@overload
def redact(text: str, secret: str | None) -> str: ...


@overload
def redact(text: None, secret: str | None) -> None: ...


@overload
def redact(text: str | None, secret: str | None) -> str | None: ...


def redact(text: str | None, secret: str | None) -> str | None:
    """``text`` with every occurrence of ``secret`` replaced by ``***``.

    A secret of 8 characters or more is replaced wherever it occurs; a
    shorter one (no real token is that short) only where it stands alone,
    not inside a longer word, so that ordinary words survive it.
    """
    if text is None or not secret or secret not in text:
        return text
    if len(secret) >= _WHOLE_SECRET:
        return text.replace(secret, REDACTED)
    alone = rf"(?<![A-Za-z0-9]){re.escape(secret)}(?![A-Za-z0-9])"
    return re.sub(alone, REDACTED, text)


def _redact_headers(headers: httpx.Headers, secret: str | None) -> httpx.Headers:
    if not secret or not any(secret in value for value in headers.values()):
        return headers
    return httpx.Headers(
        [(name, redact(value, secret)) for name, value in headers.multi_items()]
    )


def _kind_of(status: int) -> type[PachcaError]:
    if status in _BY_STATUS:
        return _BY_STATUS[status]
    if 500 <= status <= 599:
        return ServerError
    if 400 <= status <= 499:
        return ClientError
    return PachcaError


def _origin(request: httpx.Request) -> tuple[str, str]:
    return request.method, request.url.path


def _status_line(status: int) -> str:
    reason = httpx.codes.get_reason_phrase(status)
    return f"{status} {reason}" if reason else str(status)


def _text_of(response: httpx.Response) -> str | None:
    try:
        text = response.text
    except httpx.ResponseNotRead:
        return None
    return text or None


def _redirect(response: httpx.Response) -> str:
    """What a 3xx says: where it points, and that it is not followed."""
    location = response.headers.get("Location")
    if location is None:
        return "a redirect without a Location; redirects are not followed"
    return (
        f"the server redirects to {location}; redirects are not followed, so "
        "the token is never sent there (check base_url)"
    )


def _content_of(response: httpx.Response, secret: str | None) -> bytes | None:
    """The body's bytes, None when empty or unread; ``secret`` replaced."""
    try:
        content = response.content
    except httpx.ResponseNotRead:
        return None
    if not secret or secret.encode() not in content:
        return content or None

    raw, hidden = secret.encode(), REDACTED.encode()
    if len(secret) >= _WHOLE_SECRET:
        return content.replace(raw, hidden)
    return re.sub(
        rb"(?<![A-Za-z0-9])" + re.escape(raw) + rb"(?![A-Za-z0-9])", hidden, content
    )


def _parse_body(body: str | None) -> tuple[ApiError | None, OAuthError | None]:
    """The body as the generated error models, when it is one of them."""
    if body is None:
        return None, None
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        return None, None
    if not isinstance(data, dict):
        return None, None

    try:
        if "errors" in data:
            return ApiError.from_dict(data), None
        if isinstance(data.get("error"), str):
            return None, OAuthError.from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError):
        pass
    return None, None


def _detail(
    errors: list[ApiErrorItem], oauth_error: OAuthError | None, body: str | None
) -> str:
    """What the server said, in one line."""
    if oauth_error is not None:
        description = oauth_error.error_description
        if isinstance(description, str) and description:
            return f"{description} ({oauth_error.error})"
        return str(oauth_error.error)

    if errors:
        return "; ".join(_describe(item) for item in errors)

    if body is None:
        return ""
    excerpt = " ".join(body.split())
    if len(excerpt) > _EXCERPT:
        excerpt = excerpt[:_EXCERPT] + "..."
    return f"the server answered {excerpt!r}"


def _describe(item: ApiErrorItem) -> str:
    code = getattr(item.code, "value", item.code)
    if item.key in ("", "base"):
        return f"{item.message} ({code})"
    return f"{item.key} {item.message} ({code})"
