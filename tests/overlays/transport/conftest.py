"""Fixtures for the transport suites: a fake clock that sleeps without
waiting, and a sender that runs one request through the sync or the async
transport over an ``httpx.MockTransport``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from pachca_profile.ratelimit import RateLimiter
from pachca_profile.retry import RetryPolicy
from pachca_profile.transport import AsyncPachcaTransport, PachcaTransport

BASE_URL = "http://127.0.0.1:9"  # MockTransport: nothing is sent anywhere
TOKEN = "tok-3f1c9a-never-print-me"
AUTHORIZATION = {"Authorization": f"Bearer {TOKEN}"}

Handler = Callable[[httpx.Request], httpx.Response]

NO_JITTER = RetryPolicy(jitter=0.0)


class FakeTime:
    """A monotonic clock that only moves when something sleeps on it."""

    def __init__(self) -> None:
        self.now = 1_000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)


class Sender:
    """Sends requests through a fresh sync or async transport."""

    def __init__(self, flavour: str, fake: FakeTime) -> None:
        self.flavour = flavour
        self.fake = fake

    async def __call__(
        self,
        handler: Handler,
        method: str = "GET",
        path: str = "/profile",
        *,
        retry: RetryPolicy | None = NO_JITTER,
        rate_limiter: RateLimiter | None = None,
        times: int = 1,
        **kwargs: Any,
    ) -> httpx.Response:
        """Send ``method path`` ``times`` times; answer the last response."""
        mock = httpx.MockTransport(handler)
        options = {
            "retry": retry,
            "rate_limiter": rate_limiter,
            "clock": self.fake.clock,
        }
        request = {"method": method, "url": path, "headers": AUTHORIZATION, **kwargs}

        if self.flavour == "sync":
            transport = PachcaTransport(mock, sleep=self.fake.sleep, **options)
            return _send_sync(transport, request, times)

        atransport = AsyncPachcaTransport(mock, sleep=self.fake.asleep, **options)
        response: httpx.Response | None = None
        async with httpx.AsyncClient(transport=atransport, base_url=BASE_URL) as client:
            for _ in range(times):
                response = await client.request(**request)
        assert response is not None
        return response


def _send_sync(
    transport: PachcaTransport, request: dict[str, Any], times: int
) -> httpx.Response:
    response: httpx.Response | None = None
    with httpx.Client(transport=transport, base_url=BASE_URL) as client:
        for _ in range(times):
            response = client.request(**request)
    assert response is not None
    return response


class Script:
    """A handler answering from a list, one entry per request.

    An entry is a response, an exception to raise, or a callable taking the
    request. The last entry repeats. ``requests`` records what arrived.
    """

    def __init__(self, *entries: object) -> None:
        self.entries = list(entries)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        entry = self.entries[min(len(self.requests), len(self.entries)) - 1]
        if isinstance(entry, BaseException):
            raise entry
        if callable(entry):
            answer = entry(request)
            assert isinstance(answer, httpx.Response)
            return answer
        assert isinstance(entry, httpx.Response)
        return httpx.Response(
            entry.status_code, headers=entry.headers, content=entry.content
        )


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture(params=["sync", "async"])
def flavour(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def send(flavour: str, fake_time: FakeTime) -> Sender:
    return Sender(flavour, fake_time)


@pytest.fixture
def script() -> type[Script]:
    return Script


@pytest.fixture
def token() -> str:
    return TOKEN
