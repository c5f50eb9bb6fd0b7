"""PachcaClient and AsyncPachcaClient against the fake over real loopback HTTP.

The server is the ``pachca_fake`` fixture users enable with
``pytest_plugins``; faults are switched on while it serves. The clients
retry without waiting (``RetryPolicy(wait=False)``) and without their rate
limit, so a storm of 429s costs no time.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import anyio
import pytest

from pachca_profile import (
    AsyncPachcaClient,
    AuthenticationError,
    PachcaClient,
    RateLimitError,
    ResponseParseError,
    RetryPolicy,
    ServerError,
    UnprocessableEntityError,
)
from pachca_profile.fake import FakeServer

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR-a-small-image"

Call = Callable[..., Any]


def settings(server: FakeServer, **options: Any) -> dict[str, Any]:
    return {
        "token": server.token,
        "base_url": server.base_url,
        # Skipped waits still count against max_total, so the storms of
        # Retry-After: 30 below need a budget beyond the default 120 s.
        "retry": RetryPolicy(wait=False, max_attempts=6, max_total=600.0),
        "rate_limit": None,
        **options,
    }


@pytest.fixture(params=["sync", "async"])
def call(request: pytest.FixtureRequest, pachca_fake: FakeServer) -> Call:
    """Run one method of a fresh client of either flavour on the fake."""

    def run(method: str, *args: Any, options: Any = None, **kwargs: Any) -> Any:
        chosen = settings(pachca_fake, **(options or {}))
        if request.param == "sync":
            with PachcaClient(**chosen) as client:
                return getattr(client, method)(*args, **kwargs)

        async def main() -> Any:
            async with AsyncPachcaClient(**chosen) as client:
                answer: Awaitable[Any] = getattr(client, method)(*args, **kwargs)
                return await answer

        return anyio.run(main)

    return run


def test_a_storm_of_429_ends_in_the_profile(
    call: Call, pachca_fake: FakeServer
) -> None:
    pachca_fake.faults.throttle_next(5, retry_after="30")

    user = call("get_profile")

    assert user.nickname == "olegpetrov"
    assert pachca_fake.faults.pending == 0


def test_a_storm_longer_than_the_retries_raises_rate_limit_error(
    call: Call, pachca_fake: FakeServer
) -> None:
    pachca_fake.faults.throttle_next(10, retry_after="30")

    with pytest.raises(RateLimitError) as raised:
        call("get_profile")

    assert raised.value.retry_after == 30.0
    assert raised.value.errors[0].code == "rate_limit"
    assert pachca_fake.faults.pending == 4


def test_a_proxy_502_and_a_503_end_in_the_status_being_set(
    call: Call, pachca_fake: FakeServer
) -> None:
    pachca_fake.faults.fail_next(2, status=502, html=True)
    pachca_fake.faults.fail_next(1, status=503, retry_after="0")

    stored = call("set_status", emoji="🏖", title="On vacation", is_away=True)
    shown = call("get_status")

    assert stored.title == "On vacation"
    assert shown == stored
    assert pachca_fake.faults.pending == 0


def test_5xx_on_every_attempt_raises_server_error_with_the_last_status(
    call: Call, pachca_fake: FakeServer
) -> None:
    pachca_fake.faults.fail_next(5, status=502, html=True)
    pachca_fake.faults.fail_next(1, status=504)

    with pytest.raises(ServerError) as raised:
        call("delete_avatar")

    assert raised.value.status_code == 504
    assert pachca_fake.faults.pending == 0


def test_a_500_is_not_retried(call: Call, pachca_fake: FakeServer) -> None:
    pachca_fake.faults.fail_next(2, status=500)

    with pytest.raises(ServerError) as raised:
        call("get_token_info")

    assert raised.value.status_code == 500
    assert pachca_fake.faults.pending == 1


def test_a_malformed_profile_raises_response_parse_error(
    call: Call, pachca_fake: FakeServer
) -> None:
    pachca_fake.faults.malform_next(1)

    with pytest.raises(ResponseParseError):
        call("get_profile")


def test_beyond_the_fakes_rate_limit_retries_end_in_rate_limit_error(
    call: Call, pachca_fake: FakeServer
) -> None:
    pachca_fake.faults.limit_rate(1, window=3600.0)

    first = call("get_token_info")
    with pytest.raises(RateLimitError) as raised:
        call("get_status", options={"retry": RetryPolicy(wait=False, max_attempts=3)})

    assert first.user_id == 12
    assert raised.value.retry_after == 3600.0


def test_every_operation_round_trips(call: Call) -> None:
    image_url = call("set_avatar", PNG)
    profile = call("get_profile")
    call("delete_avatar")
    definitions = call("list_custom_properties", "Task")
    info = call("get_token_info")
    call("set_status", emoji="🍽", title="Lunch")
    call("clear_status")

    assert profile.image_url == image_url
    assert call("get_profile").image_url is None
    assert [item.name for item in definitions] == ["Estimate", "Ticket"]
    assert info.id == 4827
    assert call("get_status") is None


def test_an_unknown_token_raises_authentication_error(call: Call) -> None:
    with pytest.raises(AuthenticationError) as raised:
        call("get_profile", options={"token": "not-the-fake-token-at-all"})

    assert raised.value.status_code == 401
    assert raised.value.oauth_error is not None
    assert raised.value.oauth_error.error == "invalid_token"


def test_an_emoji_the_fake_refuses_raises_unprocessable_entity(call: Call) -> None:
    with pytest.raises(UnprocessableEntityError) as raised:
        call("set_status", emoji="x", title="Lunch")

    (item,) = raised.value.errors
    assert (item.key, item.code) == ("emoji", "wrong_emoji")
