"""Which answers and failures the transports retry, how long they wait, and
when they give up. Every test runs on the sync and the async transport."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import httpx
import pytest

from pachca_profile.errors import ServerError, error_from_response
from pachca_profile.retry import RetryPolicy

pytestmark = pytest.mark.anyio

OK = httpx.Response(200, json={"data": {"id": 1}})
UNAVAILABLE = httpx.Response(503, json={"errors": []})
TOO_MANY = httpx.Response(429, headers={"Retry-After": "1"})
PROXY_PAGE = "<html><body><h1>502 Bad Gateway</h1>nginx</body></html>"


async def test_retry_after_in_seconds_sets_the_wait(send, script, fake_time):
    answers = script(TOO_MANY, OK)

    response = await send(answers)

    assert response.status_code == 200
    assert fake_time.sleeps == [1.0]
    assert len(answers.requests) == 2


async def test_retry_after_as_http_date_is_measured_from_the_answers_date(
    send, script, fake_time
):
    sent = datetime(2026, 12, 4, 15, 0, 0, tzinfo=timezone.utc)
    headers = {
        "Date": format_datetime(sent, usegmt=True),
        "Retry-After": format_datetime(sent + timedelta(seconds=7), usegmt=True),
    }
    answers = script(httpx.Response(429, headers=headers), OK)

    response = await send(answers)

    assert response.status_code == 200
    assert fake_time.sleeps == [7.0]


async def test_retry_after_as_http_date_without_a_date_header_counts_from_now(
    send, script, fake_time
):
    later = datetime.now(timezone.utc) + timedelta(seconds=40)
    retry_after = {"Retry-After": format_datetime(later, usegmt=True)}
    answers = script(httpx.Response(429, headers=retry_after), OK)

    await send(answers, retry=RetryPolicy(max_total=120.0))

    [waited] = fake_time.sleeps
    assert 30.0 < waited <= 40.0


async def test_retry_after_is_capped_by_max_retry_after(send, script, fake_time):
    answers = script(httpx.Response(429, headers={"Retry-After": "120"}), OK)
    policy = RetryPolicy(max_retry_after=5.0, max_total=300.0, jitter=0.0)

    response = await send(answers, retry=policy)

    assert response.status_code == 200
    assert fake_time.sleeps == [5.0]


async def test_retry_after_on_503_is_honoured_too(send, script, fake_time):
    answers = script(httpx.Response(503, headers={"Retry-After": "3"}), OK)

    await send(answers)

    assert fake_time.sleeps == [3.0]


async def test_html_502_on_get_is_retried_then_returned_as_a_server_error(send, script):
    page = httpx.Response(502, text=PROXY_PAGE, headers={"Content-Type": "text/html"})
    answers = script(page)

    response = await send(answers, retry=RetryPolicy(max_attempts=3, wait=False))
    error = error_from_response(response)

    assert len(answers.requests) == 3
    assert response.status_code == 502
    assert isinstance(error, ServerError)
    assert error.body == PROXY_PAGE
    assert "502 Bad Gateway on GET /profile" in str(error)


@pytest.mark.parametrize("status", [502, 503, 504])
async def test_post_is_not_retried_on_a_gateway_or_unavailable_answer(
    send, script, status
):
    answers = script(httpx.Response(status), OK)

    response = await send(answers, "POST", json={"a": 1})

    assert response.status_code == status
    assert len(answers.requests) == 1


@pytest.mark.parametrize("method", ["POST", "PATCH"])
async def test_non_idempotent_request_is_not_sent_again_after_a_read_timeout(
    send, script, method
):
    answers = script(httpx.ReadTimeout("no answer"), OK)

    with pytest.raises(httpx.ReadTimeout):
        await send(answers, method, json={"a": 1})

    assert len(answers.requests) == 1


async def test_post_is_retried_on_429(send, script, fake_time):
    answers = script(TOO_MANY, OK)

    response = await send(answers, "POST", json={"a": 1})

    assert response.status_code == 200
    assert len(answers.requests) == 2
    assert answers.requests[0].content == answers.requests[1].content


async def test_post_is_retried_when_the_connection_never_opened(send, script):
    answers = script(httpx.ConnectError("refused"), OK)

    response = await send(answers, "POST", json={"a": 1})

    assert response.status_code == 200
    assert len(answers.requests) == 2


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ConnectError("refused"),
        httpx.ReadTimeout("no answer"),
        httpx.RemoteProtocolError("server disconnected"),
    ],
    ids=type,
)
@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
async def test_idempotent_request_is_retried_after_a_failure(
    send, script, failure, method
):
    answers = script(failure, OK)

    response = await send(answers, method)

    assert response.status_code == 200
    assert len(answers.requests) == 2


async def test_failure_still_there_after_the_last_attempt_propagates(send, script):
    answers = script(httpx.ReadTimeout("no answer"))

    with pytest.raises(httpx.ReadTimeout):
        await send(answers, retry=RetryPolicy(max_attempts=3, wait=False))

    assert len(answers.requests) == 3


async def test_attempts_are_bounded_and_the_last_answer_is_returned(send, script):
    answers = script(UNAVAILABLE)

    response = await send(answers, retry=RetryPolicy(max_attempts=3, jitter=0.0))

    assert response.status_code == 503
    assert len(answers.requests) == 3


async def test_no_wait_goes_past_max_total(send, script, fake_time):
    answers = script(httpx.Response(503, headers={"Retry-After": "10"}))
    policy = RetryPolicy(max_attempts=10, max_total=25.0)

    response = await send(answers, retry=policy)

    assert response.status_code == 503
    assert fake_time.sleeps == [10.0, 10.0]
    assert len(answers.requests) == 3


async def test_time_spent_in_attempts_counts_towards_max_total(send, script, fake_time):
    def slow_failure(request: httpx.Request) -> httpx.Response:
        fake_time.now += 20.0
        return httpx.Response(503)

    answers = script(slow_failure)
    policy = RetryPolicy(max_attempts=10, max_total=30.0, jitter=0.0)

    await send(answers, retry=policy)

    assert len(answers.requests) == 2
    assert fake_time.sleeps == [0.5]


async def test_backoff_doubles_up_to_max_backoff(send, script, fake_time):
    answers = script(UNAVAILABLE, UNAVAILABLE, UNAVAILABLE, UNAVAILABLE, OK)
    policy = RetryPolicy(
        max_attempts=5, initial_backoff=1.0, max_backoff=3.0, jitter=0.0
    )

    await send(answers, retry=policy)

    assert fake_time.sleeps == [1.0, 2.0, 3.0, 3.0]


async def test_wait_false_retries_without_sleeping(send, script, fake_time):
    answers = script(UNAVAILABLE, TOO_MANY, OK)

    response = await send(answers, retry=RetryPolicy(wait=False))

    assert response.status_code == 200
    assert len(answers.requests) == 3
    assert fake_time.sleeps == []


async def test_retry_none_sends_each_request_once(send, script):
    answers = script(UNAVAILABLE, OK)

    response = await send(answers, retry=None)

    assert response.status_code == 503
    assert len(answers.requests) == 1


class TrackedBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body that remembers being read and closed; a broken one
    fails half way through."""

    def __init__(self, *, broken: bool = False) -> None:
        self.broken = broken
        self.read = False
        self.closed = False

    def __iter__(self) -> Iterator[bytes]:
        yield b'{"errors": '
        self.read = True
        if self.broken:
            raise httpx.ReadError("connection reset")
        yield b"[]}"

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self:
            yield chunk

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


@pytest.mark.parametrize("broken", [False, True], ids=["whole", "broken"])
async def test_discarded_answers_are_read_and_closed(send, script, broken):
    bodies = [TrackedBody(broken=broken), TrackedBody(broken=broken)]
    answers = script(
        lambda request: httpx.Response(503, stream=bodies[0]),
        lambda request: httpx.Response(503, stream=bodies[1]),
        OK,
    )

    response = await send(answers, retry=RetryPolicy(wait=False))

    assert response.status_code == 200
    assert [(body.read, body.closed) for body in bodies] == [(True, True)] * 2


async def test_each_retry_logs_one_record_without_the_token(
    send, script, caplog, token
):
    answers = script(UNAVAILABLE, TOO_MANY, OK)
    caplog.set_level(logging.DEBUG, logger="pachca_profile")

    await send(answers, "GET", "/profile?cursor=abc")

    retries = [r for r in caplog.records if r.name == "pachca_profile.retry"]
    assert [(r.levelno, r.attempt, r.url_path) for r in retries] == [
        (logging.INFO, 1, "/profile"),
        (logging.INFO, 2, "/profile"),
    ]
    assert [r.reason for r in retries] == [
        "503 Service Unavailable",
        "429 Too Many Requests",
    ]
    assert [r.delay for r in retries] == [0.5, 1.0]
    assert all(r.http_method == "GET" for r in retries)
    assert token not in caplog.text
    assert all(token not in repr(vars(r)) for r in caplog.records)
