"""Fixtures for the client suites: scripted answers, both client flavours,
and loopback servers (see fakes.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .fakes import (
    BASE_URL,
    TOKEN,
    Answers,
    Loopback,
    Run,
    no_waits,
    run_method,
    serve,
)


@pytest.fixture
def answers() -> Answers:
    return Answers()


@pytest.fixture(params=["sync", "async"])
def flavour(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def call(flavour: str, answers: Answers) -> Run:
    """Run one client method on a fresh client of the test's flavour.

    ``call("get_status")`` builds a ``PachcaClient`` or an
    ``AsyncPachcaClient`` on the scripted ``answers``, runs the method
    (awaited for the async client), closes the client and answers the
    result. Keyword ``options=`` go to the client's constructor.
    """

    def run(
        method: str, *args: Any, options: dict[str, Any] | None = None, **kwargs: Any
    ) -> Any:
        settings: dict[str, Any] = {
            "token": TOKEN,
            "base_url": BASE_URL,
            "retry": no_waits(),
            "rate_limit": None,
            "transport": answers.transport(),
            **(options or {}),
        }
        return run_method(flavour, settings, method, *args, **kwargs)

    return run


@pytest.fixture
def loopback() -> Iterator[Loopback]:
    """A loopback server; ``loopback.add(...)`` scripts its answers."""
    yield from serve()


@pytest.fixture
def other_origin() -> Iterator[Loopback]:
    """A second loopback server: another origin (another port)."""
    yield from serve()
