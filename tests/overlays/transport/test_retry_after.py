"""Reading Retry-After in both of its forms, and the backoff of a policy."""

from __future__ import annotations

from datetime import datetime, timezone

import httpx
import pytest

from pachca_profile.retry import RetryPolicy, parse_retry_after, retry_after_of

NOW = datetime(2026, 12, 4, 15, 0, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("1", 1.0),
        (" 120 ", 120.0),
        ("0", 0.0),
        ("Fri, 04 Dec 2026 15:00:30 GMT", 30.0),
        ("Fri, 04 Dec 2026 14:59:00 GMT", 0.0),
    ],
)
def test_retry_after_gives_seconds_from_either_form(value, seconds):
    assert parse_retry_after(value, now=NOW) == seconds


@pytest.mark.parametrize("value", [None, "", "soon", "-5", "Friday afternoon"])
def test_retry_after_that_cannot_be_read_gives_none(value):
    assert parse_retry_after(value, now=NOW) is None


def test_backoff_adds_jitter_up_to_the_policy_jitter():
    policy = RetryPolicy(initial_backoff=0.5, jitter=0.25, max_backoff=10.0)

    lowest = policy.backoff(3, uniform=lambda low, high: low)
    highest = policy.backoff(3, uniform=lambda low, high: high)
    drawn = {policy.backoff(3) for _ in range(20)}

    assert (lowest, highest) == (2.0, 2.25)
    assert all(2.0 <= delay <= 2.25 for delay in drawn)
    assert len(drawn) > 1


@pytest.mark.parametrize(
    "options",
    [{"max_attempts": 0}, {"max_total": -1.0}, {"jitter": -0.1}],
)
def test_a_policy_that_cannot_work_is_refused(options):
    with pytest.raises(ValueError, match=next(iter(options))):
        RetryPolicy(**options)


@pytest.mark.parametrize(
    ("method", "status", "retried"),
    [
        ("GET", 503, True),
        ("get", 502, True),
        ("DELETE", 504, True),
        ("POST", 503, False),
        ("PATCH", 502, False),
        ("POST", 429, True),
        ("GET", 500, False),
        ("GET", 404, False),
    ],
)
def test_policy_retries_statuses_by_method(method, status, retried):
    assert RetryPolicy().retries_status(method, status) is retried


@pytest.mark.parametrize(
    "value", ["1_000", "+5", "1e3", "inf", "nan", "-0", "1.5", "٣", "9" * 400]
)
def test_retry_after_seconds_are_digits_only(value):
    assert parse_retry_after(value, now=NOW) is None


def test_several_retry_after_headers_count_only_when_they_agree():
    agree = httpx.Response(429, headers=[("Retry-After", "5"), ("Retry-After", "5")])
    differ = httpx.Response(429, headers=[("Retry-After", "5"), ("Retry-After", "9")])

    assert retry_after_of(agree) == 5.0
    assert retry_after_of(differ) is None
