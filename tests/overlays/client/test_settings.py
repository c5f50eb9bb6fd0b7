"""Where the token, the base URL, the timeouts, the retries and the rate
limit come from, and which settings are refused."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import anyio
import httpx
import pytest

from pachca_profile import (
    AsyncPachcaClient,
    InvalidInputError,
    PachcaClient,
    RateLimiter,
    ServerError,
)
from pachca_profile.config import DEFAULT_BASE_URL, retry_policy
from pachca_profile_api.api.profile import get_profile, get_status
from pachca_profile_api.models import UserResponse

from .fakes import TOKEN, USER, Answers, no_waits

LOCAL = "http://127.0.0.1:8080/api"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PACHCA_TOKEN", raising=False)
    monkeypatch.delenv("PACHCA_BASE_URL", raising=False)


def test_the_token_comes_from_pachca_token(
    monkeypatch: pytest.MonkeyPatch, answers: Answers
) -> None:
    monkeypatch.setenv("PACHCA_TOKEN", TOKEN)
    answers.add(200, None)

    with PachcaClient(base_url=LOCAL, transport=answers.transport()) as client:
        client.get_status()

    assert answers.requests[0].headers["Authorization"] == f"Bearer {TOKEN}"


def test_the_token_argument_wins_over_the_environment(
    monkeypatch: pytest.MonkeyPatch, answers: Answers
) -> None:
    monkeypatch.setenv("PACHCA_TOKEN", "from-environment")
    answers.add(200, None)

    with PachcaClient(
        token=TOKEN, base_url=LOCAL, transport=answers.transport()
    ) as client:
        client.get_status()

    assert answers.requests[0].headers["Authorization"] == f"Bearer {TOKEN}"


@pytest.mark.parametrize("kind", [PachcaClient, AsyncPachcaClient])
def test_no_token_anywhere_is_an_error_naming_argument_and_variable(
    kind: type[PachcaClient] | type[AsyncPachcaClient],
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        kind(base_url=LOCAL)

    assert "token=" in str(caught.value)
    assert "PACHCA_TOKEN" in str(caught.value)


def test_a_token_with_a_line_break_inside_is_refused_without_repeating_it() -> None:
    with pytest.raises(InvalidInputError) as caught:
        PachcaClient(token="abc\ndef-secret", base_url=LOCAL)

    assert "def-secret" not in str(caught.value)


def test_a_trailing_newline_around_the_token_is_dropped(answers: Answers) -> None:
    answers.add(200, None)

    with PachcaClient(
        token=f"{TOKEN}\n", base_url=LOCAL, transport=answers.transport()
    ) as client:
        client.get_status()

    assert answers.requests[0].headers["Authorization"] == f"Bearer {TOKEN}"


def test_the_base_url_comes_from_pachca_base_url(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PACHCA_BASE_URL", "https://pachca.internal/api/shared/v1/")

    with PachcaClient(token=TOKEN) as client:
        assert client.base_url == "https://pachca.internal/api/shared/v1"


def test_the_base_url_defaults_to_production() -> None:
    with PachcaClient(token=TOKEN) as client:
        assert (
            client.base_url
            == DEFAULT_BASE_URL
            == ("https://api.pachca.com/api/shared/v1")
        )


@pytest.mark.parametrize(
    "base_url",
    [
        "http://api.pachca.com/api/shared/v1",
        "http://10.0.0.5/api",
        "ftp://x/api",
        "api.pachca.com/api",
        "https://pachca\x00.com/api",
    ],
)
@pytest.mark.parametrize("kind", [PachcaClient, AsyncPachcaClient])
def test_plain_http_to_another_host_or_a_non_url_is_refused(
    kind: type[PachcaClient] | type[AsyncPachcaClient], base_url: str
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        kind(token=TOKEN, base_url=base_url)

    assert caught.value.field == "base_url"
    assert TOKEN not in str(caught.value)


@pytest.mark.parametrize(
    "base_url",
    ["http://127.0.0.1:8080/api", "http://localhost/api", "http://[::1]:9/api"],
)
def test_plain_http_to_loopback_is_allowed(base_url: str) -> None:
    with PachcaClient(token=TOKEN, base_url=base_url) as client:
        assert client.base_url == base_url


def test_plain_http_elsewhere_is_allowed_when_asked_for(answers: Answers) -> None:
    answers.add(200, None)

    with PachcaClient(
        token=TOKEN,
        base_url="http://pachca.test/api",
        allow_insecure_http=True,
        transport=answers.transport(),
    ) as client:
        client.get_status()

    assert answers.requests[0].url.host == "pachca.test"


def test_timeouts_are_finite_by_default() -> None:
    with PachcaClient(token=TOKEN, base_url=LOCAL) as client:
        timeout = client.generated.get_httpx_client().timeout

    assert (timeout.connect, timeout.read) == (10.0, 30.0)
    assert None not in (timeout.write, timeout.pool)


def test_timeouts_can_be_set() -> None:
    with PachcaClient(token=TOKEN, base_url=LOCAL, timeout=2.5) as client:
        timeout = client.generated.get_httpx_client().timeout

    assert timeout == httpx.Timeout(2.5)


def test_max_retries_counts_the_attempts_after_the_first() -> None:
    assert retry_policy(max_retries=0, retry=None).max_attempts == 1
    assert retry_policy(max_retries=2, retry=None).max_attempts == 3


def test_max_retries_zero_sends_a_failing_get_once(answers: Answers) -> None:
    answers.add(503, {"errors": []})

    with (
        PachcaClient(
            token=TOKEN, base_url=LOCAL, max_retries=0, transport=answers.transport()
        ) as client,
        pytest.raises(ServerError),
    ):
        client.get_profile()

    assert len(answers.requests) == 1


@pytest.mark.parametrize(
    ("option", "value"),
    [("max_retries", -1), ("rate_limit", 0.0), ("rate_limit", -3.0)],
)
def test_a_nonsense_retry_or_rate_setting_is_refused(option: str, value: float) -> None:
    with pytest.raises(InvalidInputError) as caught:
        PachcaClient(token=TOKEN, base_url=LOCAL, **{option: value})

    assert caught.value.field == option


def test_a_shared_rate_limiter_is_used_by_every_request(answers: Answers) -> None:
    answers.add(200, None)
    limiter = RateLimiter(1.0, burst=2, clock=lambda: 0.0)

    with PachcaClient(
        token=TOKEN,
        base_url=LOCAL,
        rate_limit=limiter,
        transport=answers.transport(),
    ) as client:
        client.get_status()
        client.get_status()

    assert limiter.reserve() == 1.0
    assert len(answers.requests) == 2


def test_threads_of_one_client_share_its_rate_limit(answers: Answers) -> None:
    answers.add(200, None)
    limiter = RateLimiter(1.0, burst=8, clock=lambda: 0.0)

    with (
        PachcaClient(
            token=TOKEN,
            base_url=LOCAL,
            rate_limit=limiter,
            transport=answers.transport(),
        ) as client,
        ThreadPoolExecutor(max_workers=4) as pool,
    ):
        list(pool.map(lambda _: client.get_status(), range(8)))

    assert len(answers.requests) == 8
    assert limiter.reserve() == 1.0


def test_tasks_of_one_async_client_share_its_rate_limit(answers: Answers) -> None:
    answers.add(200, None)
    limiter = RateLimiter(1.0, burst=8, clock=lambda: 0.0)

    async def main() -> None:
        async with (
            AsyncPachcaClient(
                token=TOKEN,
                base_url=LOCAL,
                rate_limit=limiter,
                transport=answers.transport(),
            ) as client,
            anyio.create_task_group() as tasks,
        ):
            for _ in range(8):
                tasks.start_soon(client.get_status)

    anyio.run(main)

    assert len(answers.requests) == 8
    assert limiter.reserve() == 1.0


def test_raw_generated_calls_get_the_same_retries(answers: Answers) -> None:
    answers.add(503, {"errors": []}).add(200, {"data": USER})

    with PachcaClient(
        token=TOKEN,
        base_url=LOCAL,
        retry=no_waits(),
        rate_limit=None,
        transport=answers.transport(),
    ) as client:
        answer = get_profile.sync_detailed(client=client.generated)

    assert answer.status_code == 200
    assert isinstance(answer.parsed, UserResponse)
    assert len(answers.requests) == 2


def test_raw_generated_coroutines_get_the_same_retries(answers: Answers) -> None:
    answers.add(503, {"errors": []}).add(200, None)

    async def main() -> int:
        async with AsyncPachcaClient(
            token=TOKEN,
            base_url=LOCAL,
            retry=no_waits(),
            rate_limit=None,
            transport=answers.transport(),
        ) as client:
            answer = await get_status.asyncio_detailed(client=client.generated)
            return int(answer.status_code)

    assert anyio.run(main) == 200
    assert len(answers.requests) == 2


@pytest.mark.parametrize(
    "base_url",
    [
        "http://pachca.localhost/api",
        "http://localhost.example.test/api",
        "http://127.0.0.1.example.test/api",
        "http://[::2]/api",
    ],
)
@pytest.mark.parametrize("kind", [PachcaClient, AsyncPachcaClient])
def test_plain_http_to_a_name_under_localhost_is_refused(
    kind: type[PachcaClient] | type[AsyncPachcaClient], base_url: str
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        kind(token=TOKEN, base_url=base_url)

    assert caught.value.field == "base_url"
    assert "allow_insecure_http" in str(caught.value)
