"""Faults switched on at start or while the fake serves: a rate limit,
injected 429 and 5xx answers, latency through the injected sleep, broken
bodies. No test waits: the limit's clock and the app's sleep are fakes."""

from __future__ import annotations

import json

import httpx
import pytest

from pachca_profile.fake import Faults
from pachca_profile.fake.faults import HTML_BAD_GATEWAY

from .conftest import AUTHORIZATION, Sleeps


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


def test_the_rate_limit_admits_its_budget_then_answers_429() -> None:
    clock = Clock()
    faults = Faults(rate_limit=3, clock=clock)

    admitted = [faults.before_answer() for _ in range(3)]
    clock.now += 0.25
    refused = faults.before_answer()

    assert admitted == [None, None, None]
    assert refused is not None
    assert (refused.status, refused.retry_after) == (429, "1")


def test_retry_after_is_the_rest_of_the_window_rounded_up() -> None:
    clock = Clock()
    faults = Faults(rate_limit=1, window=10.0, clock=clock)
    faults.before_answer()
    clock.now += 2.5

    refused = faults.before_answer()

    assert refused is not None
    assert refused.retry_after == "8"


def test_a_new_window_admits_again() -> None:
    clock = Clock()
    faults = Faults(rate_limit=1, clock=clock)
    faults.before_answer()
    clock.now += 1.0

    assert faults.before_answer() is None


def test_queued_faults_come_first_in_order() -> None:
    faults = Faults()
    faults.throttle_next(1, retry_after="3")
    faults.fail_next(1, status=502, html=True)

    first, second, third = (faults.before_answer() for _ in range(3))

    assert first is not None and (first.status, first.retry_after) == (429, "3")
    assert second is not None and (second.status, second.html) == (502, True)
    assert third is None
    assert faults.pending == 0


@pytest.mark.parametrize("status", [200, 404, 429, 600])
def test_only_a_5xx_can_be_injected_as_a_failure(status: int) -> None:
    with pytest.raises(ValueError, match="5xx"):
        Faults().fail_next(status=status)


def test_a_negative_count_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        Faults().throttle_next(-1)


def test_an_injected_429_carries_retry_after_and_an_api_error(
    api: httpx.Client, faults: Faults
) -> None:
    faults.throttle_next(1, retry_after="7")

    refused = api.get("/profile")
    then = api.get("/profile")

    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "7"
    assert refused.json()["errors"][0]["code"] == "rate_limit"
    assert then.status_code == 200


def test_the_rate_limit_applies_before_the_token_is_checked(
    raw: httpx.Client, faults: Faults
) -> None:
    faults.throttle_next(1)

    assert raw.get("/profile").status_code == 429
    assert raw.get("/profile").status_code == 401


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_an_injected_5xx_is_an_api_error_of_that_status(
    api: httpx.Client, faults: Faults, status: int
) -> None:
    faults.fail_next(1, status=status)

    response = api.get("/profile/status")

    assert response.status_code == status
    assert response.json()["errors"][0]["code"] == "unhandled"


def test_a_503_may_carry_retry_after(api: httpx.Client, faults: Faults) -> None:
    faults.fail_next(1, status=503, retry_after="2")

    assert api.get("/profile").headers["Retry-After"] == "2"


def test_a_proxy_502_is_an_html_page(raw: httpx.Client, faults: Faults) -> None:
    faults.fail_next(2, status=502, html=True)

    first = raw.get("/profile", headers=AUTHORIZATION)
    second = raw.put("/profile/status", headers=AUTHORIZATION, json={})

    for response in (first, second):
        assert response.status_code == 502
        assert response.headers["Content-Type"].startswith("text/html")
        assert response.text == HTML_BAD_GATEWAY


def test_an_html_page_of_another_status_names_it(
    raw: httpx.Client, faults: Faults
) -> None:
    faults.fail_next(1, status=504, html=True)

    assert "504 Gateway Timeout" in raw.get("/profile").text


def test_latency_waits_through_the_injected_sleep(
    api: httpx.Client, faults: Faults, sleeps: Sleeps
) -> None:
    faults.latency = 0.25

    api.get("/profile")
    api.get("/profile/status")
    faults.latency = 0.0
    api.get("/profile")

    assert sleeps.waits == [0.25, 0.25]


def test_a_malformed_body_is_cut_off_json(raw: httpx.Client, faults: Faults) -> None:
    faults.malform_next(1)

    broken = raw.get("/profile", headers=AUTHORIZATION)
    whole = raw.get("/profile", headers=AUTHORIZATION)

    assert broken.status_code == 200
    assert whole.content.startswith(broken.content)
    with pytest.raises(json.JSONDecodeError):
        json.loads(broken.content)
    assert whole.json()["data"]["id"] == 12


def test_a_malformed_body_waits_for_a_200(
    api: httpx.Client, raw: httpx.Client, faults: Faults
) -> None:
    faults.malform_next(1)

    cleared = api.delete("/profile/status")
    refused = api.put("/profile/status", json={"status": {}})
    broken = raw.get("/profile", headers=AUTHORIZATION)

    assert cleared.status_code == 204
    assert refused.status_code == 422
    with pytest.raises(json.JSONDecodeError):
        json.loads(broken.content)


def test_faults_switch_on_and_off_while_serving(
    api: httpx.Client, faults: Faults
) -> None:
    before = api.get("/profile").status_code
    faults.limit_rate(1, window=3600.0)
    limited = [api.get("/profile").status_code for _ in range(3)]
    faults.reset()
    after = api.get("/profile").status_code

    assert before == 200
    assert limited == [200, 429, 429]
    assert after == 200
