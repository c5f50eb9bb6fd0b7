"""The time budget of retries: the defaults agree with each other and with
the client's timeouts, and switching waits off changes no decision."""

from __future__ import annotations

import httpx
import pytest

from pachca_profile.config import DEFAULT_TIMEOUT
from pachca_profile.retry import RetryPolicy

pytestmark = pytest.mark.anyio

OK = httpx.Response(200, json={"data": {"id": 1}})


@pytest.mark.parametrize("wait", [True, False])
async def test_switching_waits_off_keeps_the_stop_decision(
    send, script, fake_time, wait
):
    answers = script(httpx.Response(503, headers={"Retry-After": "10"}))
    policy = RetryPolicy(max_attempts=10, max_total=25.0, wait=wait)

    response = await send(answers, retry=policy)

    assert response.status_code == 503
    assert len(answers.requests) == 3


async def test_a_retry_after_beyond_the_budget_is_not_retried_without_waits(
    send, script, fake_time
):
    answers = script(httpx.Response(429, headers={"Retry-After": "50"}), OK)
    policy = RetryPolicy(max_total=40.0, wait=False)

    response = await send(answers, retry=policy)

    assert response.status_code == 429
    assert len(answers.requests) == 1


@pytest.mark.parametrize("wait", [True, False])
async def test_the_longest_retry_after_the_defaults_honour_fits_their_budget(
    send, script, fake_time, wait
):
    longest = RetryPolicy().max_retry_after
    answers = script(httpx.Response(429, headers={"Retry-After": f"{longest:g}"}), OK)

    response = await send(answers, retry=RetryPolicy(wait=wait))

    assert response.status_code == 200
    assert len(answers.requests) == 2


async def test_a_read_timeout_at_the_default_timeout_is_retried(
    send, script, fake_time
):
    def times_out(request: httpx.Request) -> httpx.Response:
        assert DEFAULT_TIMEOUT.read is not None
        fake_time.now += DEFAULT_TIMEOUT.read
        raise httpx.ReadTimeout("timed out", request=request)

    answers = script(times_out, OK)

    response = await send(answers, retry=RetryPolicy())

    assert response.status_code == 200
    assert len(answers.requests) == 2
