"""A client's httpx client is made with it and ends with it: threads making
their first calls at once share one, and a call after close() raises a
PachcaError saying so, for both client flavours."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import anyio
import httpx
import pytest

from pachca_profile import (
    AsyncPachcaClient,
    ClientClosedError,
    PachcaClient,
    PachcaError,
)

from .fakes import BASE_URL, TOKEN, Answers, no_waits


def settings(answers: Answers) -> dict[str, Any]:
    return {
        "token": TOKEN,
        "base_url": BASE_URL,
        "retry": no_waits(),
        "rate_limit": None,
        "transport": answers.transport(),
    }


def test_a_call_after_close_raises_client_closed(answers: Answers) -> None:
    answers.add(200, None)
    with PachcaClient(**settings(answers)) as client:
        pass

    with pytest.raises(ClientClosedError) as caught:
        client.get_status()

    assert isinstance(caught.value, PachcaError)
    assert caught.value.status_code is None
    assert "closed" in str(caught.value)
    assert answers.requests == []


def test_an_async_call_after_aclose_raises_client_closed(answers: Answers) -> None:
    answers.add(200, None)

    async def main() -> None:
        async with AsyncPachcaClient(**settings(answers)) as client:
            pass
        await client.get_status()

    with pytest.raises(ClientClosedError):
        anyio.run(main)

    assert answers.requests == []


def test_first_calls_from_many_threads_share_one_httpx_client(
    answers: Answers, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers.add(200, None)
    made: list[httpx.Client] = []
    original = httpx.Client.__init__

    def counting(self: httpx.Client, *args: Any, **kwargs: Any) -> None:
        made.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(httpx.Client, "__init__", counting)
    client = PachcaClient(**settings(answers))
    made_by_constructor = len(made)
    gate = threading.Barrier(8)

    def first_call(_: int) -> object:
        gate.wait()
        return client.get_status()

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(first_call, range(8)))
    client.close()

    assert made_by_constructor == 1
    assert len(made) == 1
    assert made[0].is_closed


def test_the_async_httpx_client_is_made_with_the_client(
    answers: Answers, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[httpx.AsyncClient] = []
    original = httpx.AsyncClient.__init__

    def counting(self: httpx.AsyncClient, *args: Any, **kwargs: Any) -> None:
        made.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(httpx.AsyncClient, "__init__", counting)

    AsyncPachcaClient(**settings(answers))

    assert len(made) == 1
