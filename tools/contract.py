"""Run every PachcaClient method against Prism mocking openapi.yaml.

    python tools/contract.py [--answers 200] [--error-answers 10] [--spec FILE]

Prism (see prism.py) validates each request the client sends and answers
from the spec. Two rounds per operation of the spec:

- **static**: each named example of the success answer
  (``Prefer: code=200, example=NAME``), then the example of every
  documented error status (``Prefer: code=NNN``);
- **dynamic**: ``--answers`` bodies Prism generates from the success
  schema (``Prefer: dynamic=true``), then ``--error-answers`` generated
  bodies for each documented error status.

An answer passes when the method returns what its answer holds, with
nothing lost (the answer's ``data`` and the returned models' ``to_dict()``
are equal, date-times compared as instants), or, for an error status,
raises exactly the documented ``PachcaError`` subclass with the status
code, the error items or OAuth error, and the raw body. A request Prism
flags (its ``sl-violations`` header, or a ``Violation:`` line in its log)
fails the run, and so does any other exception. The client runs with its
rate limiter off and no retries, so each request is sent once.

Output: the failures (each with the request, what went wrong and the
body), then one row per operation::

    operation             static  dynamic  failures
    getProfile                 9      270         0

Exit status: 0 when everything passed, 1 on any failure, 2 when Prism
could not be started.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import json
import logging
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from openapi_schema import load_spec, operations, resolve
from prism import PrismError, PrismMock

from pachca_profile import PachcaClient
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

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "contract-test-dummy-token"  # noqa: S105 - Prism accepts any bearer

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

# How many failures of one operation are printed in full.
SHOWN_FAILURES = 3
BODY_EXCERPT = 1500


def expected_error(status: int) -> type[PachcaError]:
    """The PachcaError subclass the client must raise for ``status``."""
    if status in ERROR_KINDS:
        return ERROR_KINDS[status]
    return ServerError if status >= 500 else ClientError


# --- the client's methods, and what each returns of an answer's body -------


def _set_status(client: PachcaClient, round_: int) -> UserStatus:
    """Three shapes of request in turn: minimal, full, a 50-character title."""
    if round_ % 3 == 0:
        return client.set_status(emoji="\U0001f3d6", title="On vacation")
    if round_ % 3 == 1:
        return client.set_status(
            emoji="\U0001f334",
            title="Away",
            expires_at=dt.timedelta(days=3),
            is_away=True,
            away_message="Back on Monday",
        )
    return client.set_status(
        emoji="\U0001f37d",
        title="x" * 50,
        expires_at=dt.datetime(2030, 1, 1, 9, 30, tzinfo=dt.timezone.utc),
        is_away=False,
    )


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
    """A client method, the types it may return, and its part of a body."""

    name: str
    call: Callable[[PachcaClient, int], object]
    returns: tuple[type, ...]
    holds: Callable[[Any], Any]


METHODS: dict[str, Method] = {
    "getProfile": Method("get_profile", lambda c, _: c.get_profile(), (User,), _data),
    "getStatus": Method(
        "get_status",
        lambda c, _: c.get_status(),
        (UserStatus, type(None)),
        _optional_data,
    ),
    "updateStatus": Method("set_status", _set_status, (UserStatus,), _data),
    "deleteStatus": Method(
        "clear_status", lambda c, _: c.clear_status(), (type(None),), _nothing
    ),
    "listCustomProperties": Method(
        "list_custom_properties",
        lambda c, n: c.list_custom_properties(("User", "Task")[n % 2]),
        (list,),
        _data,
    ),
    "updateAvatar": Method(
        "set_avatar", lambda c, _: c.set_avatar(PNG), (str,), _image_url
    ),
    "deleteAvatar": Method(
        "delete_avatar", lambda c, _: c.delete_avatar(), (type(None),), _nothing
    ),
    "getTokenInfo": Method(
        "get_token_info", lambda c, _: c.get_token_info(), (AccessTokenInfo,), _data
    ),
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


# --- sending, and watching what Prism says ---------------------------------


@dataclass
class Exchange:
    """The last request sent and the answer Prism gave to it."""

    request: str = ""
    status: int = 0
    violations: str | None = None
    content: bytes = b""


class Recorder(httpx.BaseTransport):
    """Sends with a ``Prefer`` header of the caller's choice and keeps the
    answer's status, body and ``sl-violations`` header for checking."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner
        self.prefer = ""
        self.last = Exchange()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.prefer:
            request.headers["Prefer"] = self.prefer
        self.last = Exchange(request=f"{request.method} {request.url.path}")
        response = self.inner.handle_request(request)
        content = response.read()
        self.last = Exchange(
            request=self.last.request,
            status=response.status_code,
            violations=response.headers.get("sl-violations"),
            content=content,
        )
        return response

    def close(self) -> None:
        self.inner.close()


@dataclass
class Tally:
    """What happened to one operation's answers."""

    static: int = 0
    dynamic: int = 0
    failures: list[str] = field(default_factory=list)


def run_operation(
    client: PachcaClient,
    recorder: Recorder,
    op: Operation,
    *,
    answers: int,
    error_answers: int,
) -> Tally:
    """Both rounds of one operation; answers how many passed and failed."""
    tally = Tally()
    requests = _requests(op, answers, error_answers)
    for round_, (mode, prefer, status) in enumerate(requests):
        recorder.prefer = prefer
        problem = check_call(client, recorder, op, status, round_=round_).problem
        if mode == "static":
            tally.static += 1
        else:
            tally.dynamic += 1
        if problem is not None:
            tally.failures.append(
                f"{op.operation_id} ({op.method.name}) with Prefer: {prefer}\n"
                f"  {problem}\n  body: {_excerpt(recorder.last.content)}"
            )
    return tally


def _requests(
    op: Operation, answers: int, error_answers: int
) -> Iterator[tuple[str, str, int]]:
    """(round, Prefer header, expected status) of each request to send."""
    for name in op.examples or ("",):
        example = f", example={name}" if name else ""
        yield "static", f"code={op.success}{example}", op.success
    for status in op.errors:
        yield "static", f"code={status}", status
    # Limitation: generated answers differ from run to run. Prism's --seed
    # gives every request of a run the same body, which would make the 200
    # answers one; a failure prints its body instead, for replaying.
    for _ in range(answers):
        yield "dynamic", f"code={op.success}, dynamic=true", op.success
    for status in op.errors:
        for _ in range(error_answers):
            yield "dynamic", f"code={status}, dynamic=true", status


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
    """Call ``op``'s method once and judge the outcome against the answer."""
    try:
        result = op.method.call(client, round_)
    except PachcaError as exc:
        return Verdict(_flagged(recorder) or _check_error(exc, recorder, status))
    except Exception as exc:  # every other exception is the finding
        return Verdict(f"raised {type(exc).__name__}: {exc}")
    problem = _flagged(recorder) or _check_result(result, recorder, op, status)
    return Verdict(problem, result)


def _flagged(recorder: Recorder) -> str | None:
    if recorder.last.violations:
        return f"Prism flagged the request: {recorder.last.violations}"
    return None


def _check_result(
    result: object, recorder: Recorder, op: Operation, status: int
) -> str | None:
    if recorder.last.status != status:
        return f"Prism answered {recorder.last.status}, not the {status} asked for"
    if not isinstance(result, op.method.returns):
        return f"returned a {type(result).__name__}"
    if isinstance(result, list) and not all(
        isinstance(item, CustomPropertyDefinition) for item in result
    ):
        return "returned a list of something other than CustomPropertyDefinition"

    body = _json(recorder.last.content)
    expected = op.method.holds(body)
    if instants(as_json(result)) != instants(expected):
        return (
            "lost or changed data: returned "
            f"{json.dumps(as_json(result), ensure_ascii=False)[:BODY_EXCERPT]}"
        )
    return None


def _check_error(exc: PachcaError, recorder: Recorder, status: int) -> str | None:
    if status < 300:
        return f"raised {type(exc).__name__}: {exc}"
    kind = expected_error(status)
    if type(exc) is not kind:
        return f"raised {type(exc).__name__} ({exc}), expected {kind.__name__}"
    if exc.status_code != status or recorder.last.status != status:
        return f"raised for status {exc.status_code}, Prism answered {status}"
    return _check_error_body(exc, recorder.last.content)


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


def _excerpt(content: bytes) -> str:
    text = content.decode("utf-8", errors="replace") or "(empty)"
    return text if len(text) <= BODY_EXCERPT else text[:BODY_EXCERPT] + "..."


# --- the run ----------------------------------------------------------------


def run(spec_path: Path, *, answers: int, error_answers: int) -> int:
    """Start Prism, run every operation, print failures and the table."""
    # Limitation: only PachcaClient is driven. AsyncPachcaClient builds the
    # same requests and reads answers with the same code (operations.py,
    # exchange.finish), but its own transport path never meets Prism here.
    ops = spec_operations(load_spec(spec_path))
    tallies: dict[str, Tally] = {}
    with PrismMock(spec_path) as prism:
        print(f"contract: Prism mocking {spec_path.name} on {prism.base_url}")
        recorder = Recorder(httpx.HTTPTransport())
        with PachcaClient(
            TOKEN,
            base_url=prism.base_url,
            rate_limit=None,
            max_retries=0,
            transport=recorder,
        ) as client:
            for op in ops:
                tallies[op.operation_id] = run_operation(
                    client,
                    recorder,
                    op,
                    answers=answers,
                    error_answers=error_answers,
                )
        logged = prism.log_violations()

    failed = report(tallies, logged)
    return 1 if failed else 0


def report(tallies: dict[str, Tally], logged: list[str]) -> int:
    """Print the failures and the summary; answer how many failed."""
    for tally in tallies.values():
        for failure in tally.failures[:SHOWN_FAILURES]:
            print(f"FAIL {failure}")
        if len(tally.failures) > SHOWN_FAILURES:
            print(f"     ... and {len(tally.failures) - SHOWN_FAILURES} more")
    for line in logged:
        print(f"FAIL Prism's log: {line}")

    print(f"\n{'operation':<22}{'static':>8}{'dynamic':>9}{'failures':>10}")
    for name, tally in tallies.items():
        print(f"{name:<22}{tally.static:>8}{tally.dynamic:>9}{len(tally.failures):>10}")
    total = sum(len(tally.failures) for tally in tallies.values()) + len(logged)
    static = sum(tally.static for tally in tallies.values())
    dynamic = sum(tally.dynamic for tally in tallies.values())
    print(f"{'total':<22}{static:>8}{dynamic:>9}{total:>10}")
    print(f"violations in Prism's log: {len(logged)}")
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi.yaml")
    parser.add_argument(
        "--answers", type=int, default=200, help="generated success answers per op"
    )
    parser.add_argument(
        "--error-answers",
        type=int,
        default=10,
        help="generated answers per documented error status",
    )
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)

    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s"
    )
    try:
        return run(
            args.spec.resolve(),
            answers=args.answers,
            error_answers=args.error_answers,
        )
    except (OSError, LookupError, ValueError) as exc:
        print(f"contract: cannot read the spec: {exc}", file=sys.stderr)
        return 2
    except PrismError as exc:
        print(f"contract: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
