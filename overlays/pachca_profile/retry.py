"""When to send a request again, and how long to wait first.

:class:`RetryPolicy` holds the rules; :class:`Attempts` applies them to one
request as the stop, wait and retry callbacks of a tenacity ``Retrying``
loop, which :mod:`pachca_profile.transport` runs.

Why tenacity: it takes the sleep function as an argument (tests pass a fake
one that records each delay), its wait callback sees the last outcome, so
the ``Retry-After`` of each answer can set the next delay, and
``AsyncRetrying`` runs the same callbacks under asyncio or trio. stamina,
the other candidate, sleeps with ``time.sleep`` or ``asyncio.sleep`` only
and retries on exceptions only, so a 429 *response* and a recorded fake
delay would need workarounds.

The rules, for every request:

- 429 is retried for every method: the server refused before doing anything.
- 502, 503, 504, read timeouts and broken connections are retried only for
  idempotent methods; a POST or PATCH is never sent again once it may have
  reached the server. A connect error or pool timeout means nothing was
  sent, so those are retried for every method.
- The wait is the answer's ``Retry-After`` (seconds or HTTP-date), capped by
  ``max_retry_after``; otherwise exponential backoff with jitter.
- At most ``max_attempts`` attempts, and no wait that would end after
  ``max_total`` seconds from the first attempt.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from tenacity import RetryCallState

__all__ = ["Attempts", "RetryPolicy", "is_final", "parse_retry_after"]

logger = logging.getLogger(__name__)

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRY_STATUSES = frozenset({502, 503, 504})

# Failures that happen before a single byte of the request left the machine.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)

# Failures after which the request may or may not have reached the server.
_MAYBE_SENT = (
    httpx.ReadTimeout,
    httpx.WriteTimeout,
    httpx.ReadError,
    httpx.WriteError,
    httpx.RemoteProtocolError,
)


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how patiently a request is sent again.

    ``max_attempts`` counts the first attempt (1 switches retries off);
    ``max_total`` bounds the seconds from the first attempt to the start of
    the last. Backoff before retry *n* (1-based) is
    ``min(max_backoff, initial_backoff * 2 ** (n - 1) + uniform(0, jitter))``.
    ``wait=False`` removes every wait (for tests) and nothing else: each
    delay is still worked out and counted against ``max_total`` as if it
    had been waited, so a test sees the attempts production would make.

    The defaults agree with each other and with the client's timeouts: a
    ``Retry-After`` of up to ``max_retry_after`` (60 s) after a quick
    answer, and a retry after a read timeout at the default 30 s, both fit
    within ``max_total`` (120 s).

    Raises ``ValueError`` for a ``max_attempts`` below 1 or a negative time.
    """

    max_attempts: int = 4
    max_total: float = 120.0
    initial_backoff: float = 0.5
    max_backoff: float = 8.0
    jitter: float = 0.5
    max_retry_after: float = 60.0
    retry_statuses: frozenset[int] = field(default=RETRY_STATUSES)
    idempotent_methods: frozenset[str] = field(default=IDEMPOTENT_METHODS)
    wait: bool = True

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError(f"max_attempts must be >= 1, got {self.max_attempts}")

        times = {
            "max_total": self.max_total,
            "initial_backoff": self.initial_backoff,
            "max_backoff": self.max_backoff,
            "jitter": self.jitter,
            "max_retry_after": self.max_retry_after,
        }
        for name, value in times.items():
            if value < 0:
                raise ValueError(f"{name} must be >= 0 seconds, got {value}")

    def is_idempotent(self, method: str) -> bool:
        """Whether sending ``method`` twice has the effect of sending it once."""
        return method.upper() in self.idempotent_methods

    def retries_status(self, method: str, status_code: int) -> bool:
        """Whether an answer with ``status_code`` is worth another attempt."""
        if status_code == 429:
            return True
        return status_code in self.retry_statuses and self.is_idempotent(method)

    def retries_failure(self, method: str, exc: BaseException) -> bool:
        """Whether a request that failed with ``exc`` may be sent again."""
        if isinstance(exc, _NOT_SENT):
            return True
        return isinstance(exc, _MAYBE_SENT) and self.is_idempotent(method)

    def backoff(
        self, retry: int, *, uniform: Callable[[float, float], float] = random.uniform
    ) -> float:
        """Seconds to wait before retry number ``retry`` (1-based)."""
        exponential = self.initial_backoff * 2.0 ** (retry - 1)
        return min(self.max_backoff, exponential + uniform(0.0, self.jitter))


def is_final(
    policy: RetryPolicy, method: str, outcome: httpx.Response | BaseException
) -> bool:
    """Whether ``outcome``, an answer or a failure, is one ``policy`` keeps.

    The same decision as :meth:`Attempts.retry`, without its bookkeeping,
    for the first attempt, which the transports make before any loop.
    """
    if isinstance(outcome, BaseException):
        return not policy.retries_failure(method, outcome)
    return not policy.retries_status(method, outcome.status_code)


def parse_retry_after(value: str | None, *, now: dt.datetime) -> float | None:
    """Seconds to wait, from a ``Retry-After`` header value.

    Takes both forms of RFC 9110: delay-seconds, digits only (``"120"``;
    not ``"+5"``, ``"1e3"``, ``"1_000"`` or ``"inf"``), or an HTTP-date
    (``"Fri, 04 Dec 2026 15:00:00 GMT"``), which is measured from ``now``
    (timezone-aware). A date in the past gives ``0.0``. Answers ``None``
    when the header is missing or is neither form.
    """
    if value is None:
        return None

    text = value.strip()
    if text.isascii() and text.isdigit():
        seconds = float(text)
        return seconds if math.isfinite(seconds) else None

    moment = _http_date(text)
    if moment is None:
        return None
    return max(0.0, (moment - now).total_seconds())


def retry_after_of(response: httpx.Response) -> float | None:
    """Seconds the ``response`` asks the client to wait, if it says.

    An HTTP-date is measured from the answer's own ``Date`` header when it
    has one (so a skewed local clock does not matter), else from now.
    Several ``Retry-After`` headers count only when they all agree.
    """
    values = response.headers.get_list("Retry-After")
    if not values or any(value != values[0] for value in values):
        return None

    sent = _http_date(response.headers.get("Date", ""))
    now = sent or dt.datetime.now(dt.timezone.utc)
    return parse_retry_after(values[0], now=now)


def _http_date(text: str) -> dt.datetime | None:
    """The moment an HTTP-date names (UTC when it names no zone), or None."""
    try:
        moment = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.timezone.utc)
    return moment


class Attempts:
    """The retry decisions for one request, as tenacity callbacks.

    ``retry`` classifies the last outcome, ``wait`` picks the delay,
    ``stop`` enforces the bounds, ``give_up`` hands back the last answer or
    re-raises the last failure. ``discard`` (``adiscard`` in async code)
    runs before each wait: it writes the one INFO record of the retry
    (method, path, attempt, delay, reason: never a header or a body), then
    reads and closes the answer being thrown away. A fresh instance is made
    per request; it is not shared.
    """

    def __init__(
        self, policy: RetryPolicy, request: httpx.Request, *, clock: Callable[[], float]
    ) -> None:
        self._policy = policy
        self._method = request.method
        self._path = request.url.path
        self._clock = clock
        self._started = clock()
        self._reason = ""
        self._retry_after: float | None = None
        # Delays worked out but not waited (wait=False), counted as elapsed.
        self._skipped = 0.0

    def decisions(self) -> dict[str, Any]:
        """The keyword arguments of ``Retrying`` that decide, by name."""
        return {
            "retry": self.retry,
            "wait": self.wait,
            "stop": self.stop,
            "retry_error_callback": self.give_up,
        }

    def retry(self, state: RetryCallState) -> bool:
        """Whether the last outcome is worth another attempt."""
        outcome = state.outcome
        if outcome is None:
            return False

        if outcome.failed:
            exc = outcome.exception()
            self._reason = type(exc).__name__
            self._retry_after = None
            return exc is not None and self._policy.retries_failure(self._method, exc)

        response: httpx.Response = outcome.result()
        status = response.status_code
        if not self._policy.retries_status(self._method, status):
            return False

        self._reason = f"{status} {httpx.codes.get_reason_phrase(status)}"
        self._retry_after = retry_after_of(response)
        return True

    def wait(self, state: RetryCallState) -> float:
        """Seconds to wait before the next attempt.

        Worked out with ``wait=False`` too: the transport then sleeps with
        a stand-in that returns at once, and ``stop`` still sees the delay.
        """
        if self._retry_after is not None:
            return min(self._retry_after, self._policy.max_retry_after)
        return self._policy.backoff(state.attempt_number)

    def stop(self, state: RetryCallState) -> bool:
        """Whether the attempts or the time are used up.

        Delays skipped because of ``wait=False`` count as time spent, so
        the decision is the one production would make.
        """
        if state.attempt_number >= self._policy.max_attempts:
            return True

        elapsed = self._clock() - self._started + self._skipped
        if elapsed + state.upcoming_sleep > self._policy.max_total:
            return True

        if not self._policy.wait:
            self._skipped += state.upcoming_sleep
        return False

    def discard(self, state: RetryCallState) -> None:
        """Log the retry, then read and close the answer it replaces."""
        self._log(state)
        response = _answer_of(state)
        if response is None:
            return

        try:
            response.read()
        except httpx.HTTPError:
            pass
        finally:
            response.close()

    async def adiscard(self, state: RetryCallState) -> None:
        """The async form of :meth:`discard`."""
        self._log(state)
        response = _answer_of(state)
        if response is None:
            return

        try:
            await response.aread()
        except httpx.HTTPError:
            pass
        finally:
            await response.aclose()

    def _log(self, state: RetryCallState) -> None:
        logger.info(
            "retrying %s %s: attempt %d got %s; next attempt in %.2fs",
            self._method,
            self._path,
            state.attempt_number,
            self._reason,
            state.upcoming_sleep,
            extra={
                "http_method": self._method,
                "url_path": self._path,
                "attempt": state.attempt_number,
                "delay": state.upcoming_sleep,
                "reason": self._reason,
            },
        )

    def give_up(self, state: RetryCallState) -> httpx.Response:
        """The last answer, or the last failure raised again."""
        logger.debug(
            "not retrying %s %s after %d attempts: %s",
            self._method,
            self._path,
            state.attempt_number,
            self._reason,
        )
        outcome = state.outcome
        if outcome is None:
            raise RuntimeError("tenacity gave up before the first attempt")
        response: httpx.Response = outcome.result()
        return response


def _answer_of(state: RetryCallState) -> httpx.Response | None:
    """The answer of the last attempt; None when it failed instead."""
    outcome = state.outcome
    if outcome is None or outcome.failed:
        return None
    response: httpx.Response = outcome.result()
    return response
