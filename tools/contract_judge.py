"""How one client call is judged against the answer it got.

tools/contract.py sends each call to Prism; the property tests answer the
same calls from ``httpx.MockTransport``. Both use this judge:

- the call goes through a recording transport (``Recorder`` or
  ``AsyncRecorder``) that may add a ``Prefer`` header and keeps the
  answer's status, body and ``sl-violations`` header;
- a 2xx must return what the body holds, with nothing lost: the body's
  ``data`` equals the returned models' ``to_dict()`` (date-times compared
  as instants);
- an error status must raise exactly its ``PachcaError`` subclass, with
  the status, the raw body, and the error items or OAuth error kept;
- a request Prism flagged, or any other exception, is a failure.

    >>> verdict = check_call(client, recorder, operation, 200, round_=0)
    >>> verdict.problem is None          # doctest: +SKIP
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
from openapi_schema import operations, resolve

from pachca_profile import AsyncPachcaClient, PachcaClient
from pachca_profile.errors import (
    AuthenticationError,
    BadRequestError,
    ClientError,
    NotFoundError,
    PachcaError,
    PaymentRequiredError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    UnprocessableEntityError,
)
from pachca_profile_api.models import (
    AccessTokenInfo,
    CustomPropertyDefinition,
    User,
    UserStatus,
)

# A 1x1 PNG, the avatar every set_avatar call uploads.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)

ERROR_KINDS: dict[int, type[PachcaError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: PaymentRequiredError,
    403: PermissionDeniedError,
    404: NotFoundError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def expected_error(status: int) -> type[PachcaError]:
    """The PachcaError subclass the client must raise for ``status``."""
    if status in ERROR_KINDS:
        return ERROR_KINDS[status]
    return ServerError if status >= 500 else ClientError


# --- the client's methods, and what each returns of an answer's body -------

Arguments = Callable[[int], dict[str, Any]]


def _none(round_: int) -> dict[str, Any]:
    return {}


def _status(round_: int) -> dict[str, Any]:
    """Three shapes of request in turn: minimal, full, a 50-character title."""
    if round_ % 3 == 0:
        return {"emoji": "\U0001f3d6", "title": "On vacation"}
    if round_ % 3 == 1:
        return {
            "emoji": "\U0001f334",
            "title": "Away",
            "expires_at": dt.timedelta(days=3),
            "is_away": True,
            "away_message": "Back on Monday",
        }
    return {
        "emoji": "\U0001f37d",
        "title": "x" * 50,
        "expires_at": dt.datetime(2030, 1, 1, 9, 30, tzinfo=dt.timezone.utc),
        "is_away": False,
    }


def _entity_type(round_: int) -> dict[str, Any]:
    return {"entity_type": ("User", "Task")[round_ % 2]}


def _avatar(round_: int) -> dict[str, Any]:
    return {"image": PNG}


def _data(body: Any) -> Any:
    return body["data"]


def _optional_data(body: Any) -> Any:
    return None if body is None else body.get("data")


def _image_url(body: Any) -> Any:
    return body["data"]["image_url"]


def _nothing(body: Any) -> Any:
    return None


@dataclass(frozen=True)
class Method:
    """A client method by name, the arguments of its n-th call, the types
    it may return, and the part of an answer's body it returns."""

    name: str
    arguments: Arguments
    returns: tuple[type, ...]
    holds: Callable[[Any], Any]

    def call(self, client: PachcaClient, round_: int) -> object:
        """Call the method of the sync client."""
        result: object = getattr(client, self.name)(**self.arguments(round_))
        return result

    async def acall(self, client: AsyncPachcaClient, round_: int) -> object:
        """Call (and await) the method of the async client."""
        result: object = await getattr(client, self.name)(**self.arguments(round_))
        return result


METHODS: dict[str, Method] = {
    "getProfile": Method("get_profile", _none, (User,), _data),
    "getStatus": Method("get_status", _none, (UserStatus, type(None)), _optional_data),
    "updateStatus": Method("set_status", _status, (UserStatus,), _data),
    "deleteStatus": Method("clear_status", _none, (type(None),), _nothing),
    "listCustomProperties": Method(
        "list_custom_properties", _entity_type, (list,), _data
    ),
    "updateAvatar": Method("set_avatar", _avatar, (str,), _image_url),
    "deleteAvatar": Method("delete_avatar", _none, (type(None),), _nothing),
    "getTokenInfo": Method("get_token_info", _none, (AccessTokenInfo,), _data),
}


# --- the operations of the spec --------------------------------------------


@dataclass(frozen=True)
class Operation:
    """One operation of the spec, with the statuses and examples it documents."""

    operation_id: str
    key: str
    success: int
    examples: tuple[str, ...]
    errors: tuple[int, ...]

    @property
    def method(self) -> Method:
        return METHODS[self.operation_id]


def spec_operations(spec: dict[str, Any]) -> list[Operation]:
    """Every operation of ``spec``; raises ``LookupError`` for one no method
    covers, or a method whose operation the spec lacks."""
    found = []
    for op in operations(spec):
        statuses = sorted(int(code) for code in op.node["responses"])
        success = min(code for code in statuses if code < 300)
        answer = resolve(spec, op.node["responses"][str(success)])
        media = (answer.get("content") or {}).get("application/json") or {}
        found.append(
            Operation(
                op.operation_id,
                op.key,
                success,
                tuple(media.get("examples") or {}),
                tuple(code for code in statuses if code >= 400),
            )
        )

    ids = {op.operation_id for op in found}
    if ids != set(METHODS):
        raise LookupError(
            f"operations without a client method: {sorted(ids - set(METHODS))}; "
            f"methods without an operation: {sorted(set(METHODS) - ids)}"
        )
    return found


# --- recording what was sent and answered ----------------------------------


@dataclass(frozen=True)
class Exchange:
    """The last request sent and the answer it got."""

    request: str = ""
    status: int = 0
    violations: str | None = None
    content: bytes = b""


class _Recording:
    """What both recorders share: the Prefer header and the last exchange."""

    def __init__(self) -> None:
        self.prefer = ""
        self.last = Exchange()

    def _sending(self, request: httpx.Request) -> None:
        if self.prefer:
            request.headers["Prefer"] = self.prefer
        self.last = Exchange(request=f"{request.method} {request.url.path}")

    def _answered(self, response: httpx.Response, content: bytes) -> None:
        self.last = Exchange(
            request=self.last.request,
            status=response.status_code,
            violations=response.headers.get("sl-violations"),
            content=content,
        )


class Recorder(_Recording, httpx.BaseTransport):
    """A sync transport around ``inner`` that records each exchange."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        super().__init__()
        self.inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self._sending(request)
        response = self.inner.handle_request(request)
        self._answered(response, response.read())
        return response

    def close(self) -> None:
        self.inner.close()


class AsyncRecorder(_Recording, httpx.AsyncBaseTransport):
    """An async transport around ``inner`` that records each exchange."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        super().__init__()
        self.inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self._sending(request)
        response = await self.inner.handle_async_request(request)
        self._answered(response, await response.aread())
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


# --- the verdict -------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """What went wrong with one call (None when nothing did), and what the
    method returned (None when it raised)."""

    problem: str | None
    result: object = None


def check_call(
    client: PachcaClient,
    recorder: Recorder,
    op: Operation,
    status: int,
    *,
    round_: int,
) -> Verdict:
    """Call ``op``'s method once on the sync client and judge the outcome."""
    try:
        result = op.method.call(client, round_)
    except Exception as exc:  # judged: only a PachcaError may pass
        return judge_raised(exc, recorder.last, status)
    return judge_returned(result, recorder.last, op, status)


async def acheck_call(
    client: AsyncPachcaClient,
    recorder: AsyncRecorder,
    op: Operation,
    status: int,
    *,
    round_: int,
) -> Verdict:
    """Call ``op``'s method once on the async client and judge the outcome."""
    try:
        result = await op.method.acall(client, round_)
    except Exception as exc:  # judged: only a PachcaError may pass
        return judge_raised(exc, recorder.last, status)
    return judge_returned(result, recorder.last, op, status)


def judge_raised(exc: Exception, last: Exchange, status: int) -> Verdict:
    """The verdict on a call that raised ``exc`` after ``last``."""
    if not isinstance(exc, PachcaError):
        return Verdict(f"raised {type(exc).__name__}: {exc}")
    return Verdict(_flagged(last) or _check_error(exc, last, status))


def judge_returned(
    result: object, last: Exchange, op: Operation, status: int
) -> Verdict:
    """The verdict on a call that returned ``result`` after ``last``."""
    return Verdict(_flagged(last) or _check_result(result, last, op, status), result)


def _flagged(last: Exchange) -> str | None:
    if last.violations:
        return f"Prism flagged the request: {last.violations}"
    return None


def _check_result(
    result: object, last: Exchange, op: Operation, status: int
) -> str | None:
    if last.status != status:
        return f"answered {last.status}, not the {status} asked for"
    if not isinstance(result, op.method.returns):
        return f"returned a {type(result).__name__}"
    if isinstance(result, list) and not all(
        isinstance(item, CustomPropertyDefinition) for item in result
    ):
        return "returned a list of something other than CustomPropertyDefinition"

    expected = op.method.holds(_json(last.content))
    if instants(as_json(result)) != instants(expected):
        returned = json.dumps(as_json(result), ensure_ascii=False)
        return f"lost or changed data: returned {returned}"
    return None


def _check_error(exc: PachcaError, last: Exchange, status: int) -> str | None:
    if status < 300:
        return f"raised {type(exc).__name__}: {exc}"
    kind = expected_error(status)
    if type(exc) is not kind:
        return f"raised {type(exc).__name__} ({exc}), expected {kind.__name__}"
    if exc.status_code != status or last.status != status:
        return f"raised for status {exc.status_code}, answered {last.status}"
    return _check_error_body(exc, last.content)


def _check_error_body(exc: PachcaError, content: bytes) -> str | None:
    """The raw body, and the error items or OAuth error in it, all kept."""
    if exc.body != (content.decode("utf-8", errors="replace") or None):
        return "the error's body is not the raw body answered"

    body = _json(content)
    if isinstance(body, dict) and "errors" in body:
        kept = [item.to_dict() for item in exc.errors]
        if instants(kept) != instants(body["errors"]):
            return f"error items lost or changed: {kept}"
    elif isinstance(body, dict) and "error" in body:
        kept_oauth = exc.oauth_error.to_dict() if exc.oauth_error else None
        if kept_oauth != body:
            return f"OAuth error lost or changed: {kept_oauth}"
    return None


def _json(content: bytes) -> Any:
    return json.loads(content) if content else None


def as_json(result: object) -> Any:
    """What a method returned, as the JSON it was read from."""
    if isinstance(result, list):
        return [as_json(item) for item in result]
    to_dict = getattr(result, "to_dict", None)
    return to_dict() if callable(to_dict) else result


_DATE_TIME = re.compile(
    r"^(\d{4}-\d\d-\d\d)[Tt ](\d\d:\d\d(?::\d\d)?)(?:\.(\d+))?"
    r"([Zz]|[+-]\d\d:?\d\d)?$"
)


def instants(value: Any) -> Any:
    """JSON with every date-time string read as an instant, for comparing.

    Parsed here rather than by the client's own parser, and the same way
    on Python 3.10 (whose ``fromisoformat`` refuses ``Z`` and fractions
    that are not 3 or 6 digits long).
    """
    if isinstance(value, dict):
        return {key: instants(item) for key, item in value.items()}
    if isinstance(value, list):
        return [instants(item) for item in value]
    if not isinstance(value, str):
        return value

    match = _DATE_TIME.match(value)
    if match is None:
        return value
    day, time_, fraction, offset = match.groups()
    micro = (fraction or "").ljust(6, "0")[:6]
    zone = "+00:00" if offset in (None, "Z", "z") else offset
    try:
        return dt.datetime.fromisoformat(f"{day}T{time_}.{micro}{zone}")
    except ValueError:
        return value
