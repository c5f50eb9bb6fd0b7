"""One request and its answer, through a generated operation module.

A generated operation (``pachca_profile_api.api.profile.get_status`` and
the like) builds its request with ``_get_kwargs`` and reads the answer with
``_parse_response``. This module sends what the former built on the
generated client's httpx client and hands the answer to the latter, with
four things the generated code does not do:

- a non-2xx answer raises a :class:`PachcaError` subclass *before* the
  generated parser runs (which would call ``response.json()`` on a proxy's
  HTML page and crash);
- a transport failure, or any other httpx error (a body that does not
  decode), raises a ``PachcaError`` too, never an httpx exception;
- a 2xx answer that is empty, malformed or not the documented shape raises
  :class:`ResponseParseError` instead of ``JSONDecodeError``, ``KeyError``
  or a silently returned raw dict;
- a 2xx status the operation does not document (a 202 where the spec says
  200) raises :class:`ResponseParseError` naming it, where the generated
  parser would answer None.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Generic, Protocol, TypeVar

import httpx

from .errors import (
    REDACTED,
    ClientClosedError,
    PachcaError,
    ResponseParseError,
    error_from_response,
    error_from_transport,
)

T = TypeVar("T")

_PARSE_FAILURES = (
    KeyError,
    TypeError,
    ValueError,
    AttributeError,
    IndexError,
    json.JSONDecodeError,
    RecursionError,
)


class GeneratedClient(Protocol):
    """What this module uses of a generated ``AuthenticatedClient``.

    Any openapi-python-client package's client fits, so pagination works on
    list operations of other generated packages too.
    """

    raise_on_unexpected_status: bool

    def get_httpx_client(self) -> httpx.Client: ...

    def get_async_httpx_client(self) -> httpx.AsyncClient: ...


class UnexpectedShape(Exception):
    """Raised by a reader when the parsed answer is not what it documents."""


class UndocumentedStatus(Exception):
    """Raised when the generated parser meets a status its spec lacks."""


class _Strict:
    """The client the generated parser is given while it reads an answer.

    A generated ``_parse_response`` looks at ``raise_on_unexpected_status``
    only for a status its operation does not document, and answers None
    when it is false; here the look itself raises ``UndocumentedStatus``,
    for the operations of any generated package, without changing the
    generated client that raw calls use.
    """

    @property
    def raise_on_unexpected_status(self) -> bool:
        raise UndocumentedStatus


_STRICT = _Strict()


@dataclass(frozen=True)
class Call(Generic[T]):
    """A generated operation, the arguments of its ``_get_kwargs``, and how
    to turn its parsed answer into what the caller gets."""

    operation: ModuleType
    arguments: dict[str, Any] = field(default_factory=dict)
    read: Callable[[Any], T] = field(default=lambda parsed: parsed)
    adjust: Callable[[dict[str, Any]], None] | None = None

    def request_kwargs(self) -> dict[str, Any]:
        """The keyword arguments of ``httpx.Client.request`` for this call."""
        kwargs: dict[str, Any] = self.operation._get_kwargs(**self.arguments)
        if self.adjust is not None:
            self.adjust(kwargs)
        return kwargs


def send(client: GeneratedClient, call: Call[T]) -> T:
    """Send ``call`` on ``client``'s sync httpx client and read the answer."""
    http = client.get_httpx_client()
    if http.is_closed:
        raise _closed()
    request = http.build_request(**call.request_kwargs())
    try:
        response = http.send(request, stream=True)
    except httpx.HTTPError as exc:
        _forget_token(request)
        raise error_from_transport(exc, request, secret=secret_of(client)) from exc

    try:
        response.read()
    except httpx.HTTPError as exc:
        response.close()
        _forget_token(request)
        raise body_error(response, exc, secret=secret_of(client)) from exc
    return finish(call, response, client)


async def asend(client: GeneratedClient, call: Call[T]) -> T:
    """Send ``call`` on ``client``'s async httpx client and read the answer."""
    http = client.get_async_httpx_client()
    if http.is_closed:
        raise _closed()
    request = http.build_request(**call.request_kwargs())
    try:
        response = await http.send(request, stream=True)
    except httpx.HTTPError as exc:
        _forget_token(request)
        raise error_from_transport(exc, request, secret=secret_of(client)) from exc

    try:
        await response.aread()
    except httpx.HTTPError as exc:
        await response.aclose()
        _forget_token(request)
        raise body_error(response, exc, secret=secret_of(client)) from exc
    return finish(call, response, client)


def body_error(
    response: httpx.Response, cause: httpx.HTTPError, *, secret: str | None = None
) -> PachcaError:
    """The error for an answer whose status arrived but whose body did not.

    A connection lost mid-body is a transport error; a body that does not
    decode (``httpx.DecodingError``, a bad ``Content-Encoding``) is a
    ``ResponseParseError`` on a 2xx and the status's own class otherwise.
    """
    if isinstance(cause, httpx.TransportError):
        return error_from_transport(cause, response.request, secret=secret)

    reason = f"{type(cause).__name__}: {cause}"
    if response.is_success:
        return ResponseParseError.from_response(
            response, reason=f"the body could not be read: {reason}", secret=secret
        )
    return error_from_response(response, unreadable=reason, secret=secret)


def finish(
    call: Call[T], response: httpx.Response, client: GeneratedClient | None = None
) -> T:
    """Raise for a non-2xx ``response``; else parse it and read the result.

    Raises the ``PachcaError`` subclass of the status for a non-2xx answer
    and ``ResponseParseError`` (with the status and the body text) when a
    2xx status is not one the operation documents or its body does not
    parse into what ``call`` documents. The token of ``client``, should
    the answer repeat it, is replaced by ``***`` in the error.
    """
    if not response.is_success:
        raise error_from_response(response, secret=secret_of(client))

    try:
        parsed = call.operation._parse_response(client=_STRICT, response=response)
        return call.read(parsed)
    except UndocumentedStatus:
        reason = f"the API documents no {response.status_code} answer here"
        raise ResponseParseError.from_response(
            response, reason=reason, secret=secret_of(client)
        ) from None
    except (*_PARSE_FAILURES, UnexpectedShape) as exc:
        raise parse_error(response, exc, secret=secret_of(client)) from exc


def parse_error(
    response: httpx.Response, cause: BaseException, *, secret: str | None = None
) -> PachcaError:
    """A ResponseParseError for a 2xx ``response`` its parser refused."""
    reason = _reason(cause) if response.content else "the body is empty"
    return ResponseParseError.from_response(response, reason=reason, secret=secret)


def _forget_token(request: httpx.Request) -> None:
    """Blank the token in a failed request, which the httpx exception in
    the error's ``__cause__`` still holds; nothing sends it again."""
    if "Authorization" in request.headers:
        request.headers["Authorization"] = REDACTED


def _closed() -> ClientClosedError:
    return ClientClosedError(
        "the client is closed: nothing was sent; make a new client, or make "
        "calls inside its with block"
    )


def secret_of(client: GeneratedClient | None) -> str | None:
    """The access token ``client`` sends, to be kept out of errors."""
    token = getattr(client, "token", None)
    return token if isinstance(token, str) else None


def expect(value: object, kind: type[T]) -> T:
    """Answer ``value`` when it is a ``kind``; raise UnexpectedShape otherwise.

    The generated parsers of ``anyOf`` answers return the raw JSON when no
    branch fits, so each reader checks the type it promises.
    """
    if not isinstance(value, kind):
        raise UnexpectedShape(f"expected {kind.__name__}, got {type(value).__name__}")
    return value


def _reason(cause: BaseException) -> str:
    if isinstance(cause, json.JSONDecodeError):
        return "the body is not JSON"
    if isinstance(cause, RecursionError):
        return "the JSON is nested too deeply to parse"
    if isinstance(cause, KeyError):
        return f"the field {cause} is missing"
    return str(cause) or type(cause).__name__
