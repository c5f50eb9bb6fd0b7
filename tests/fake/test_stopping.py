"""Stopping a served fake while an answer is delayed by the latency fault:
the answer is sent at once, not cancelled into a 500 with tracebacks."""

from __future__ import annotations

import threading
from typing import Any

import anyio
import httpx
import pytest

from pachca_profile.fake import Faults, serve
from pachca_profile.fake.server import StopAwareSleep

AN_HOUR = 3600.0


class Stopping:
    """A stand-in for uvicorn's server: told to stop after ``polls`` looks."""

    def __init__(self, polls: int) -> None:
        self._polls = polls

    @property
    def should_exit(self) -> bool:
        self._polls -= 1
        return self._polls < 0


def test_the_sleep_ends_once_the_server_is_told_to_stop() -> None:
    sleep = StopAwareSleep(step=0)
    sleep.server = Stopping(polls=3)  # type: ignore[assignment]

    async def cut_short() -> bool:
        with anyio.move_on_after(60) as waited:  # not an hour, should it break
            await sleep(AN_HOUR)
        return not waited.cancelled_caught

    assert anyio.run(cut_short)


def test_the_sleep_of_an_app_not_served_is_not_cut_short() -> None:
    sleep = StopAwareSleep(step=0)

    anyio.run(sleep, 0.0)

    assert not sleep.stopping


class Arrivals(Faults):
    """Faults that say when a request has reached the latency wait."""

    def __init__(self, **switches: Any) -> None:
        super().__init__(**switches)
        self.arrived = threading.Event()

    def before_answer(self) -> Any:
        chosen = super().before_answer()
        self.arrived.set()
        return chosen


def test_stopping_while_an_answer_is_delayed_sends_it_without_a_traceback(
    capfd: pytest.CaptureFixture[str],
) -> None:
    faults = Arrivals(latency=AN_HOUR)
    answers: list[httpx.Response] = []

    with serve(faults=faults) as server:
        url = f"{server.base_url}/profile"
        headers = {"Authorization": f"Bearer {server.token}"}
        asking = threading.Thread(
            target=lambda: answers.append(httpx.get(url, headers=headers, timeout=60))
        )
        asking.start()
        assert faults.arrived.wait(timeout=60)

    asking.join(timeout=60)
    err = capfd.readouterr().err
    assert [answer.status_code for answer in answers] == [200]
    assert answers[0].json()["data"]["id"] == 12
    assert "Traceback" not in err
    assert "Cancel" not in err
