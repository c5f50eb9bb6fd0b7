"""The token bucket: how long callers wait, shared by threads and tasks, and
its place before every attempt of the transports."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator

import anyio
import anyio.lowlevel
import httpx
import pytest

from pachca_profile.ratelimit import RateLimiter
from pachca_profile.retry import RetryPolicy

OK = httpx.Response(200, json={"data": None})


@pytest.fixture
def frequent_thread_switches() -> Iterator[None]:
    """Make threads interleave often, so a missing lock would show."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


@pytest.mark.parametrize(("requests", "rate", "burst"), [(10, 5.0, 1), (25, 50.0, 5)])
def test_n_requests_need_n_minus_burst_over_rate_seconds(
    fake_time, requests, rate, burst
):
    limiter = RateLimiter(rate, burst=burst, clock=fake_time.clock)

    for _ in range(requests):
        limiter.acquire(sleep=fake_time.sleep)

    assert sum(fake_time.sleeps) == pytest.approx((requests - burst) / rate)
    assert len(fake_time.sleeps) == requests - burst


def test_a_quiet_spell_refills_the_bucket_up_to_burst_only(fake_time):
    limiter = RateLimiter(10.0, burst=3, clock=fake_time.clock)
    for _ in range(3):
        limiter.acquire(sleep=fake_time.sleep)

    fake_time.now += 60.0
    waits = [limiter.reserve() for _ in range(4)]

    assert waits == [0.0, 0.0, 0.0, pytest.approx(0.1)]


def test_threads_share_one_bucket_and_get_distinct_slots(
    fake_time, frequent_thread_switches
):
    limiter = RateLimiter(10.0, burst=2, clock=fake_time.clock)
    waits: list[float] = []
    record = threading.Lock()
    start = threading.Barrier(8)

    def worker() -> None:
        start.wait()
        for _ in range(250):
            wait = limiter.acquire(sleep=lambda seconds: None)
            with record:
                waits.append(wait)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    expected = [0.0, 0.0] + [slot / 10.0 for slot in range(1, 1999)]
    assert sorted(waits) == pytest.approx(expected)


@pytest.mark.anyio
async def test_tasks_share_one_bucket_and_get_distinct_slots(fake_time):
    limiter = RateLimiter(4.0, burst=1, clock=fake_time.clock)
    slept: list[float] = []

    async def record(seconds: float) -> None:
        slept.append(seconds)
        await anyio.lowlevel.checkpoint()

    async with anyio.create_task_group() as group:
        for _ in range(9):
            group.start_soon(lambda: limiter.aacquire(sleep=record))

    assert sorted(slept) == pytest.approx([slot / 4.0 for slot in range(1, 9)])


def test_each_wait_logs_one_debug_record(fake_time, caplog):
    limiter = RateLimiter(2.0, clock=fake_time.clock)
    caplog.set_level(logging.DEBUG, logger="pachca_profile.ratelimit")

    for _ in range(3):
        limiter.acquire(sleep=fake_time.sleep)

    records = [r for r in caplog.records if r.name == "pachca_profile.ratelimit"]
    assert [(r.levelno, r.delay) for r in records] == [(logging.DEBUG, 0.5)] * 2


@pytest.mark.parametrize(("rate", "burst"), [(0.0, None), (-1.0, None), (5.0, 0)])
def test_a_rate_or_burst_that_cannot_work_is_refused(rate, burst):
    with pytest.raises(ValueError, match=r"rate|burst"):
        RateLimiter(rate, burst=burst)


@pytest.mark.anyio
async def test_transport_waits_for_the_limiter_before_each_request(
    send, script, fake_time
):
    limiter = RateLimiter(10.0, burst=1, clock=fake_time.clock)

    await send(script(OK), rate_limiter=limiter, times=3)

    assert fake_time.sleeps == pytest.approx([0.1, 0.1])


@pytest.mark.anyio
async def test_transport_waits_for_the_limiter_before_each_retry(
    send, script, fake_time
):
    limiter = RateLimiter(1.0, burst=1, clock=fake_time.clock)
    answers = script(httpx.Response(503), OK)

    response = await send(answers, rate_limiter=limiter, retry=RetryPolicy(wait=False))

    assert response.status_code == 200
    assert fake_time.sleeps == pytest.approx([1.0])


@pytest.mark.anyio
async def test_transport_without_limiter_sends_at_once(send, script, fake_time):
    answers = script(OK)

    await send(answers, rate_limiter=None, times=20)

    assert len(answers.requests) == 20
    assert fake_time.sleeps == []
