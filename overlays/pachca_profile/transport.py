"""httpx transports that rate-limit and retry every request sent through them.

They sit below the generated client, so the client's methods and raw
generated calls get the same retries and limit:

    >>> transport = PachcaTransport(retry=RetryPolicy(max_attempts=3))
    >>> client = httpx.Client(transport=transport)

What this layer promises (the rules themselves are in
:mod:`pachca_profile.retry`):

- the rate limiter, when there is one, is waited on before *each* attempt;
- the final answer is returned as a plain ``httpx.Response``, whatever its
  status: errors are raised by the layer above, never here;
- a transport failure that is not retried, or is still there after the last
  attempt, propagates as the original httpx exception;
- every answer that is thrown away for a retry is read and closed here, so
  its connection goes back to the pool;
- a request body is read into memory before the first attempt when retries
  are on, so every attempt sends the same bytes;
- with retries on, the answer to an idempotent request is read whole inside
  its attempt, so a connection lost mid-body is retried like one lost
  before the headers (the body is handed up undecoded, as it arrived).

The first attempt is made directly: when its outcome is final, as almost
every outcome is, the answer goes back without a retry loop, which costs
more than a whole request on a fast network. Only an outcome the policy
retries starts tenacity's loop, which classifies that outcome again and
carries on exactly as if the loop had made the attempt itself.

The transport owns the inner transport: closing it closes the inner one.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

import httpx

from .ratelimit import AsyncSleep, Clock, RateLimiter, Sleep, async_sleep
from .retry import Attempts, RetryPolicy, is_final

__all__ = ["AsyncPachcaTransport", "PachcaTransport", "RetryPolicy"]

DEFAULT_RETRY = RetryPolicy()


def _no_sleep(seconds: float) -> None:
    """Stands in for sleep when a policy says not to wait."""


async def _no_async_sleep(seconds: float) -> None:
    """Stands in for async sleep when a policy says not to wait."""


class PachcaTransport(httpx.BaseTransport):
    """A sync transport adding the rate limit and retries to ``inner``.

    ``inner`` defaults to ``httpx.HTTPTransport()``; ``retry=None`` sends
    each request once; ``rate_limiter=None`` sends without waiting.
    ``sleep`` and ``clock`` (monotonic seconds) serve both the retry waits
    and the rate limit; tests pass fakes so that nothing really waits.
    """

    def __init__(
        self,
        inner: httpx.BaseTransport | None = None,
        *,
        retry: RetryPolicy | None = DEFAULT_RETRY,
        rate_limiter: RateLimiter | None = None,
        sleep: Sleep = time.sleep,
        clock: Clock = time.monotonic,
    ) -> None:
        self._inner = httpx.HTTPTransport() if inner is None else inner
        self._retry = retry
        self._rate_limiter = rate_limiter
        self._sleep = sleep
        self._clock = clock

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request``, again when the policy says so; answer the last reply."""
        policy = self._retry
        if policy is None or policy.max_attempts == 1:
            return self._send_once(request)

        # Limitation: with retries on, the whole request body is held in
        # memory for the length of the call, because a streamed upload
        # could not be sent a second time; avatars are small enough.
        request.read()
        send = self._send_once
        if policy.is_idempotent(request.method):
            send = self._send_whole
        attempts = Attempts(policy, request, clock=self._clock)
        try:
            first: httpx.Response | Exception = send(request)
        except Exception as exc:
            first = exc
        if is_final(policy, request.method, first):
            return _answer(first)

        # Deferred: tenacity is loaded by the first retry, not by every import.
        from tenacity import Retrying  # noqa: PLC0415

        retrying = Retrying(
            sleep=self._sleep if policy.wait else _no_sleep,
            before_sleep=attempts.discard,
            **attempts.decisions(),
        )
        response: httpx.Response = retrying(_replay(first, send), request)
        return response

    def _send_once(self, request: httpx.Request) -> httpx.Response:
        if self._rate_limiter is not None:
            self._rate_limiter.acquire(sleep=self._sleep)
        return self._inner.handle_request(request)

    def _send_whole(self, request: httpx.Request) -> httpx.Response:
        """Send once and read the raw body before the attempt ends."""
        response = self._send_once(request)
        stream = response.stream
        if isinstance(stream, httpx.ByteStream):
            return response

        # Limitation: the whole answer is held in memory before the caller
        # sees it, so a streamed download gains nothing; the API's answers
        # are small JSON documents, which httpx reads whole anyway.
        assert isinstance(stream, httpx.SyncByteStream)
        try:
            raw = b"".join(stream)
        finally:
            stream.close()
        response.stream = httpx.ByteStream(raw)
        return response

    def close(self) -> None:
        """Close the inner transport."""
        self._inner.close()


class AsyncPachcaTransport(httpx.AsyncBaseTransport):
    """The async twin of :class:`PachcaTransport`, with the same rules.

    ``inner`` defaults to ``httpx.AsyncHTTPTransport()``; ``sleep`` is a
    coroutine function (default: the running loop's sleep, via anyio).
    One ``RateLimiter`` may be shared with sync transports and threads.
    """

    def __init__(
        self,
        inner: httpx.AsyncBaseTransport | None = None,
        *,
        retry: RetryPolicy | None = DEFAULT_RETRY,
        rate_limiter: RateLimiter | None = None,
        sleep: AsyncSleep = async_sleep,
        clock: Clock = time.monotonic,
    ) -> None:
        self._inner = httpx.AsyncHTTPTransport() if inner is None else inner
        self._retry = retry
        self._rate_limiter = rate_limiter
        self._sleep = sleep
        self._clock = clock

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request``, again when the policy says so; answer the last reply."""
        policy = self._retry
        if policy is None or policy.max_attempts == 1:
            return await self._send_once(request)

        await request.aread()  # held in memory: see PachcaTransport
        send = self._send_once
        if policy.is_idempotent(request.method):
            send = self._send_whole
        attempts = Attempts(policy, request, clock=self._clock)
        try:
            first: httpx.Response | Exception = await send(request)
        except Exception as exc:
            first = exc
        if is_final(policy, request.method, first):
            return _answer(first)

        from tenacity import AsyncRetrying  # noqa: PLC0415 (see PachcaTransport)

        retrying = AsyncRetrying(
            sleep=self._sleep if policy.wait else _no_async_sleep,
            before_sleep=attempts.adiscard,
            **attempts.decisions(),
        )
        response: httpx.Response = await retrying(_areplay(first, send), request)
        return response

    async def _send_once(self, request: httpx.Request) -> httpx.Response:
        if self._rate_limiter is not None:
            await self._rate_limiter.aacquire(sleep=self._sleep)
        return await self._inner.handle_async_request(request)

    async def _send_whole(self, request: httpx.Request) -> httpx.Response:
        """Send once and read the raw body before the attempt ends.

        The memory this costs is noted in :meth:`PachcaTransport._send_whole`.
        """
        response = await self._send_once(request)
        stream = response.stream
        if isinstance(stream, httpx.ByteStream):
            return response

        assert isinstance(stream, httpx.AsyncByteStream)
        try:
            raw = b"".join([chunk async for chunk in stream])
        finally:
            await stream.aclose()
        response.stream = httpx.ByteStream(raw)
        return response

    async def aclose(self) -> None:
        """Close the inner transport."""
        await self._inner.aclose()


def _answer(outcome: httpx.Response | Exception) -> httpx.Response:
    """The answer of a final outcome; a failure is raised again."""
    if isinstance(outcome, Exception):
        raise outcome
    return outcome


def _replay(
    first: httpx.Response | Exception,
    send: Callable[[httpx.Request], httpx.Response],
) -> Callable[[httpx.Request], httpx.Response]:
    """An attempt function whose first call gives back ``first``, then sends."""
    pending = [first]

    def attempt(request: httpx.Request) -> httpx.Response:
        if pending:
            return _answer(pending.pop())
        return send(request)

    return attempt


def _areplay(
    first: httpx.Response | Exception,
    send: Callable[[httpx.Request], Awaitable[httpx.Response]],
) -> Callable[[httpx.Request], Awaitable[httpx.Response]]:
    """The async form of :func:`_replay`."""
    pending = [first]

    async def attempt(request: httpx.Request) -> httpx.Response:
        if pending:
            return _answer(pending.pop())
        return await send(request)

    return attempt
