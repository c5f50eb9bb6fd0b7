"""A token bucket that spaces requests out before they are sent.

One :class:`RateLimiter` belongs to one client and is shared by every thread
and every asyncio task sending through it: a caller *reserves* its slot under
a ``threading.Lock`` and then sleeps outside the lock, so waiting callers
never block each other and slots are handed out in the order they were
reserved.

    >>> limiter = RateLimiter(50.0)
    >>> limiter.acquire()  # returns at once, or after the wait its slot needs
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Awaitable, Callable

__all__ = ["RateLimiter"]

logger = logging.getLogger(__name__)

Clock = Callable[[], float]
Sleep = Callable[[float], None]
AsyncSleep = Callable[[float], Awaitable[None]]


async def async_sleep(seconds: float) -> None:
    """Sleep on whichever event loop runs the caller (asyncio or trio).

    anyio comes with httpx; importing it here keeps ``import pachca_profile``
    free of any event loop until the first async wait.
    """
    import anyio  # noqa: PLC0415 (deferred: see the docstring)

    await anyio.sleep(seconds)


class RateLimiter:
    """At most ``rate`` requests per second on average, ``burst`` at once.

    The bucket holds up to ``burst`` tokens (default 1: requests are spaced
    ``1 / rate`` seconds apart, so no second ever sees more than about
    ``rate`` of them) and refills at ``rate`` tokens per second. Each request
    takes one token; when none is left the caller waits until its token has
    been refilled. ``clock`` is a monotonic clock in seconds; tests pass a
    fake one.

    Raises ``ValueError`` when ``rate`` is not positive or ``burst`` is
    below 1.
    """

    def __init__(
        self,
        rate: float = 50.0,
        *,
        burst: int | None = None,
        clock: Clock = time.monotonic,
    ) -> None:
        if not rate > 0:
            raise ValueError(f"rate must be > 0 requests per second, got {rate!r}")
        if burst is not None and burst < 1:
            raise ValueError(f"burst must be >= 1, got {burst!r}")

        self._rate = float(rate)
        self._burst = 1 if burst is None else burst
        self._clock = clock
        self._lock = threading.Lock()
        self._tokens = float(self._burst)
        self._updated = clock()

    @property
    def rate(self) -> float:
        """Requests per second, on average."""
        return self._rate

    @property
    def burst(self) -> int:
        """Requests that may be sent at once after a quiet spell."""
        return self._burst

    def __repr__(self) -> str:
        return f"RateLimiter(rate={self._rate!r}, burst={self._burst!r})"

    def reserve(self) -> float:
        """Take the next slot and answer how many seconds to wait for it.

        The slot is the caller's once this returns, whether or not it then
        waits; ``0.0`` means send now.
        """
        with self._lock:
            now = self._clock()
            refilled = (now - self._updated) * self._rate
            self._tokens = min(float(self._burst), self._tokens + refilled)
            self._updated = now
            self._tokens -= 1.0
            if self._tokens >= 0:
                return 0.0
            return -self._tokens / self._rate

    def acquire(self, *, sleep: Sleep = time.sleep) -> float:
        """Block until a request may be sent; answer the seconds waited."""
        delay = self.reserve()
        if delay > 0:
            _log_wait(delay)
            sleep(delay)
        return delay

    async def aacquire(self, *, sleep: AsyncSleep = async_sleep) -> float:
        """Wait without blocking the loop until a request may be sent.

        Answers the seconds waited.
        """
        # Limitation: a task cancelled while it waits keeps its reserved
        # slot, so later callers wait as if it had sent; handing slots back
        # out of order could let a burst exceed the rate.
        delay = self.reserve()
        if delay > 0:
            _log_wait(delay)
            await sleep(delay)
        return delay


def _log_wait(delay: float) -> None:
    logger.debug(
        "rate limit: waiting %.3fs before sending",
        delay,
        extra={"delay": delay},
    )
