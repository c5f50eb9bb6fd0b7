"""Faults the fake server can be told to answer with, at start or later.

A :class:`Faults` object is shared by the app and the code that drives it
(a test, a demo); every switch is safe to flip from another thread while
the server runs. The app asks :meth:`Faults.before_answer` once per API
request, before the token is checked, and :meth:`Faults.take_malformed`
before it sends a 200.

    >>> faults = Faults(rate_limit=5)        # the sixth request in a second: 429
    >>> faults.fail_next(2, status=502, html=True)
    >>> faults.malform_next(1)
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

HTML_BAD_GATEWAY = (
    "<html><head><title>502 Bad Gateway</title></head>"
    "<body><center><h1>502 Bad Gateway</h1></center><hr>"
    "<center>nginx</center></body></html>"
)
"""What a proxy in front of the API answers when it gets nothing back."""


@dataclass(frozen=True)
class Injected:
    """A fault chosen for one request.

    ``status`` is 429 or a 5xx; ``retry_after`` the Retry-After header, or
    None for none; ``html`` whether the body is a proxy's HTML page rather
    than an ApiError.
    """

    status: int
    retry_after: str | None = None
    html: bool = False


class Faults:
    """The switches: a rate limit, injected answers, latency, broken bodies.

    ``rate_limit`` admits that many requests per ``window`` seconds (a
    fixed window on ``clock``) and answers 429 with ``Retry-After`` (the
    seconds left in the window, rounded up) beyond them; None turns it off.
    ``latency`` is seconds the app waits (through its injectable sleep)
    before answering each API request.
    """

    def __init__(
        self,
        *,
        rate_limit: int | None = None,
        window: float = 1.0,
        latency: float = 0.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._lock = threading.Lock()
        self._clock = clock
        self._rate_limit = rate_limit
        self._window = window
        self._window_start = clock()
        self._admitted = 0
        self._queued: list[Injected] = []
        self._malformed = 0
        self.latency = latency

    def __repr__(self) -> str:
        return (
            f"Faults(rate_limit={self._rate_limit}, window={self._window}, "
            f"latency={self.latency}, queued={len(self._queued)}, "
            f"malformed={self._malformed})"
        )

    def limit_rate(self, requests: int | None, *, window: float = 1.0) -> None:
        """Admit ``requests`` per ``window`` seconds from now; None: no limit."""
        with self._lock:
            self._rate_limit = requests
            self._window = window
            self._window_start = self._clock()
            self._admitted = 0

    def throttle_next(self, count: int = 1, *, retry_after: str | None = "1") -> None:
        """Answer the next ``count`` requests 429 with this ``Retry-After``
        (seconds or an HTTP-date; None sends no header)."""
        self._queue(count, Injected(429, retry_after=retry_after))

    def fail_next(
        self,
        count: int = 1,
        *,
        status: int = 503,
        html: bool = False,
        retry_after: str | None = None,
    ) -> None:
        """Answer the next ``count`` requests with ``status`` (a 5xx), an
        ApiError body or, with ``html=True``, a proxy's HTML page."""
        if not 500 <= status <= 599:
            raise ValueError(f"status must be a 5xx, not {status}")
        self._queue(count, Injected(status, retry_after=retry_after, html=html))

    def malform_next(self, count: int = 1) -> None:
        """Break the body of the next ``count`` 200 answers (cut-off JSON)."""
        with self._lock:
            self._malformed += count

    def reset(self) -> None:
        """Turn every fault off: no limit, nothing queued, no latency."""
        with self._lock:
            self._rate_limit = None
            self._queued.clear()
            self._malformed = 0
            self.latency = 0.0

    @property
    def pending(self) -> int:
        """How many queued 429/5xx answers are still to be sent."""
        with self._lock:
            return len(self._queued)

    def before_answer(self) -> Injected | None:
        """The fault this request gets, if any; consumes a queued one first,
        then counts the request against the rate limit."""
        with self._lock:
            if self._queued:
                return self._queued.pop(0)
            return self._count_against_limit()

    def take_malformed(self) -> bool:
        """Whether this 200 answer is to be broken; consumes one if so."""
        with self._lock:
            if self._malformed == 0:
                return False
            self._malformed -= 1
            return True

    def _queue(self, count: int, fault: Injected) -> None:
        if count < 0:
            raise ValueError(f"count must not be negative, not {count}")
        with self._lock:
            self._queued.extend([fault] * count)

    # Limitation: the limit is a fixed window counting every API request,
    # not the API's own (undocumented) algorithm, so bursts across a
    # window's edge are admitted that the real API might refuse.
    def _count_against_limit(self) -> Injected | None:
        if self._rate_limit is None:
            return None

        now = self._clock()
        elapsed = now - self._window_start
        if elapsed >= self._window:
            self._window_start = now
            self._admitted = 0
            elapsed = 0.0

        if self._admitted < self._rate_limit:
            self._admitted += 1
            return None

        wait = max(1, math.ceil(self._window - elapsed))
        return Injected(429, retry_after=str(wait))
