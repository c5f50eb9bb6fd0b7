"""The token stays out of reprs, exceptions and logs, and never follows a
redirect to another origin."""

from __future__ import annotations

import logging

import anyio
import httpx
import pytest

from pachca_profile import AsyncPachcaClient, PachcaClient, PachcaError
from pachca_profile_api.api.profile import get_profile

from .fakes import TOKEN, USER, Answers, Loopback, no_waits

FAILURES: list[tuple[int, bytes]] = [
    (401, b'{"error": "invalid_token", "error_description": "Token revoked"}'),
    (403, b'{"error": "insufficient_scope", "error_description": "No scope"}'),
    (
        422,
        b'{"errors": [{"key": "title", "value": "x", "message": "bad",'
        b' "code": "invalid", "payload": null}]}',
    ),
    (429, b'{"errors": []}'),
    (502, b"<html>Bad Gateway</html>"),
    (200, b"{not json"),
]


def test_the_token_is_not_in_the_repr_of_either_client() -> None:
    sync = PachcaClient(token=TOKEN, base_url="http://127.0.0.1:1/api")
    run_async = AsyncPachcaClient(token=TOKEN, base_url="http://127.0.0.1:1/api")

    shown = [
        repr(sync),
        str(sync),
        repr(sync.generated),
        repr(run_async),
        repr(run_async.generated),
    ]

    assert all(TOKEN not in text for text in shown)
    assert "127.0.0.1" in repr(sync)
    sync.close()


@pytest.mark.parametrize(("status", "content"), FAILURES)
def test_the_token_is_not_in_any_exception_or_log_record(
    caplog: pytest.LogCaptureFixture, loopback: Loopback, status: int, content: bytes
) -> None:
    caplog.set_level(logging.DEBUG)
    loopback.add(status, content=content)

    with (
        PachcaClient(
            token=TOKEN,
            base_url=loopback.base_url,
            retry=no_waits(),
            rate_limit=None,
        ) as client,
        pytest.raises(PachcaError) as caught,
    ):
        client.get_profile()

    assert loopback.seen[0].headers["Authorization"] == f"Bearer {TOKEN}"
    assert caplog.records
    assert TOKEN not in caplog.text
    for record in caplog.records:
        assert TOKEN not in repr(record.__dict__)
    error = caught.value
    assert TOKEN not in str(error)
    assert TOKEN not in repr(error)
    assert TOKEN not in repr(vars(error))


def test_the_token_is_not_in_a_transport_failure(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    answers = Answers().fail(httpx.ConnectError("refused"))

    with (
        PachcaClient(
            token=TOKEN,
            base_url="http://127.0.0.1:1/api",
            retry=no_waits(),
            transport=answers.transport(),
        ) as client,
        pytest.raises(PachcaError) as caught,
    ):
        client.get_status()

    assert TOKEN not in str(caught.value)
    assert TOKEN not in repr(vars(caught.value))
    assert TOKEN not in caplog.text


def test_a_redirect_to_another_origin_is_not_followed(
    loopback: Loopback, other_origin: Loopback
) -> None:
    other_origin.add(200, {"data": USER})
    loopback.add(
        302, content=b"", headers={"Location": f"{other_origin.base_url}/profile"}
    )

    with (
        PachcaClient(token=TOKEN, base_url=loopback.base_url) as client,
        pytest.raises(PachcaError) as caught,
    ):
        client.get_profile()

    assert caught.value.status_code == 302
    assert other_origin.seen == []


def test_a_raw_generated_call_does_not_follow_a_redirect_either(
    loopback: Loopback, other_origin: Loopback
) -> None:
    other_origin.add(200, {"data": USER})
    loopback.add(
        307, content=b"", headers={"Location": f"{other_origin.base_url}/profile"}
    )

    with PachcaClient(token=TOKEN, base_url=loopback.base_url) as client:
        answer = get_profile.sync_detailed(client=client.generated)

    assert answer.status_code == 307
    assert other_origin.seen == []


def test_the_async_client_does_not_follow_a_redirect(
    loopback: Loopback, other_origin: Loopback
) -> None:
    other_origin.add(200, {"data": USER})
    loopback.add(
        302, content=b"", headers={"Location": f"{other_origin.base_url}/profile"}
    )

    async def main() -> None:
        async with AsyncPachcaClient(token=TOKEN, base_url=loopback.base_url) as client:
            await client.get_profile()

    with pytest.raises(PachcaError):
        anyio.run(main)

    assert other_origin.seen == []
