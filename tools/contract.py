"""Run every client method against Prism mocking openapi.yaml.

    python tools/contract.py [--answers 200] [--error-answers 10] [--spec FILE]

Prism (see prism.py) validates each request the client sends and answers
from the spec. Each method of ``PachcaClient``, then of
``AsyncPachcaClient``, gets two rounds per operation of the spec:

- **static**: each named example of the success answer
  (``Prefer: code=200, example=NAME``), then the example of every
  documented error status (``Prefer: code=NNN``);
- **dynamic**: ``--answers`` bodies Prism generates from the success
  schema (``Prefer: dynamic=true``), then ``--error-answers`` generated
  bodies for each documented error status.

contract_judge.py says when an answer passes: the method returns what
the answer holds with nothing lost, or raises exactly the documented
``PachcaError`` subclass with everything the error body said. A request
Prism flags (its ``sl-violations`` header, or a ``Violation:`` line in its
log) fails the run, and so does any other exception. The clients run with
their rate limiter off and no retries, so each request is sent once.

Output: the failures (each with the request, what went wrong and the
body), then one row per operation and client::

    operation             client  static  dynamic  failures
    getProfile            sync         9      270         0
    getProfile            async        9      270         0

Exit status: 0 when everything passed, 1 on any failure, 2 when Prism
could not be started.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from contract_judge import (
    AsyncRecorder,
    Operation,
    Recorder,
    Verdict,
    acheck_call,
    check_call,
    spec_operations,
)
from openapi_schema import load_spec
from prism import PrismError, PrismMock

from pachca_profile import AsyncPachcaClient, PachcaClient

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "contract-test-dummy-token"  # noqa: S105 - Prism accepts any bearer

# How many failures of one operation and client are printed in full.
SHOWN_FAILURES = 3
BODY_EXCERPT = 1500

# Sends one call of an operation, expecting a status, as its n-th call.
Attempt = Callable[[Operation, int, int], Awaitable[Verdict]]


@dataclass
class Tally:
    """What happened to one operation's answers through one client."""

    operation: str
    client: str
    static: int = 0
    dynamic: int = 0
    failures: list[str] = field(default_factory=list)


async def run_operation(
    op: Operation,
    *,
    client: str,
    attempt: Attempt,
    recorder: Recorder | AsyncRecorder,
    answers: int,
    error_answers: int,
) -> Tally:
    """Both rounds of one operation through one client."""
    tally = Tally(op.operation_id, client)
    method = op.method.name if client == "sync" else f"{client} {op.method.name}"
    requests = _requests(op, answers, error_answers)
    for round_, (mode, prefer, status) in enumerate(requests):
        recorder.prefer = prefer
        problem = (await attempt(op, status, round_)).problem
        # A sync call never yields to the loop; Ctrl-C (asyncio cancels the
        # main task) gets through here between two requests.
        await asyncio.sleep(0)
        if mode == "static":
            tally.static += 1
        else:
            tally.dynamic += 1
        if problem is not None:
            tally.failures.append(
                f"{op.operation_id} ({method}) with Prefer: {prefer}\n"
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


def _excerpt(content: bytes) -> str:
    text = content.decode("utf-8", errors="replace") or "(empty)"
    return text if len(text) <= BODY_EXCERPT else text[:BODY_EXCERPT] + "..."


# --- the run ----------------------------------------------------------------


async def drive(
    base_url: str, ops: list[Operation], *, answers: int, error_answers: int
) -> list[Tally]:
    """Every operation through PachcaClient, then AsyncPachcaClient."""
    recorder = Recorder(httpx.HTTPTransport())
    arecorder = AsyncRecorder(httpx.AsyncHTTPTransport())
    tallies = []
    with PachcaClient(
        TOKEN, base_url=base_url, rate_limit=None, max_retries=0, transport=recorder
    ) as client:
        async with AsyncPachcaClient(
            TOKEN,
            base_url=base_url,
            rate_limit=None,
            max_retries=0,
            transport=arecorder,
        ) as aclient:

            async def sync_attempt(op: Operation, status: int, round_: int) -> Verdict:
                return check_call(client, recorder, op, status, round_=round_)

            async def async_attempt(op: Operation, status: int, round_: int) -> Verdict:
                return await acheck_call(aclient, arecorder, op, status, round_=round_)

            for op in ops:
                for name, attempt, sent_by in (
                    ("sync", sync_attempt, recorder),
                    ("async", async_attempt, arecorder),
                ):
                    tally = await run_operation(
                        op,
                        client=name,
                        attempt=attempt,
                        recorder=sent_by,
                        answers=answers,
                        error_answers=error_answers,
                    )
                    tallies.append(tally)
    return tallies


def run(spec_path: Path, *, answers: int, error_answers: int) -> int:
    """Start Prism, run every operation, print failures and the table."""
    ops = spec_operations(load_spec(spec_path))
    with PrismMock(spec_path) as prism:
        print(
            f"contract: Prism mocking {spec_path.name} on {prism.base_url}"
            f" (process group {prism.pid})"
        )
        tallies = asyncio.run(
            drive(prism.base_url, ops, answers=answers, error_answers=error_answers)
        )
        logged = prism.log_violations()

    failed = report(tallies, logged)
    return 1 if failed else 0


def report(tallies: list[Tally], logged: list[str]) -> int:
    """Print the failures and the summary; answer how many failed."""
    for tally in tallies:
        for failure in tally.failures[:SHOWN_FAILURES]:
            print(f"FAIL {failure}")
        if len(tally.failures) > SHOWN_FAILURES:
            print(f"     ... and {len(tally.failures) - SHOWN_FAILURES} more")
    for line in logged[:SHOWN_FAILURES]:
        print(f"FAIL Prism's log: {line}")
    if len(logged) > SHOWN_FAILURES:
        print(f"     ... and {len(logged) - SHOWN_FAILURES} more")

    print(
        f"\n{'operation':<22}{'client':<6}{'static':>8}{'dynamic':>9}{'failures':>10}"
    )
    for t in tallies:
        print(
            f"{t.operation:<22}{t.client:<6}{t.static:>8}{t.dynamic:>9}"
            f"{len(t.failures):>10}"
        )
    total = sum(len(t.failures) for t in tallies) + len(logged)
    static = sum(t.static for t in tallies)
    dynamic = sum(t.dynamic for t in tallies)
    print(f"{'total':<28}{static:>8}{dynamic:>9}{total:>10}")
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
