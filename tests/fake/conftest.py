"""Fixtures for the fake server's suites.

``api`` is an httpx client talking to a fresh fake in-process (no socket)
whose every answer is checked against ``openapi.yaml`` by openapi-core;
``raw`` talks to the same app without the token and without the check,
for the answers the contract does not describe (a proxy's HTML page, a
broken body). ``pachca_fake`` is the fixture users get from
``pachca_profile.fake.pytest_plugin``, imported here as they would enable it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from openapi_core import OpenAPI
from starlette.applications import Starlette

from pachca_profile.fake import (
    DEFAULT_TOKEN,
    IN_PROCESS_BASE_URL,
    Faults,
    SyncASGITransport,
    create_app,
)
from pachca_profile.fake.pytest_plugin import pachca_fake

from .contract import Contract

__all__ = ["pachca_fake"]

SPEC = Path(__file__).resolve().parents[2] / "openapi.yaml"
AUTHORIZATION = {"Authorization": f"Bearer {DEFAULT_TOKEN}"}


class Sleeps:
    """The fake's injected sleep: records each wait and returns at once."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture(scope="session")
def spec() -> OpenAPI:
    return OpenAPI.from_file_path(str(SPEC))


@pytest.fixture
def contract(spec: OpenAPI) -> Contract:
    return Contract(spec)


@pytest.fixture
def faults() -> Faults:
    return Faults()


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def app(faults: Faults, sleeps: Sleeps) -> Starlette:
    return create_app(faults=faults, sleep=sleeps)


@pytest.fixture
def transport(app: Starlette) -> Iterator[SyncASGITransport]:
    served = SyncASGITransport(app)
    yield served
    served.close()


@pytest.fixture
def api(transport: SyncASGITransport, contract: Contract) -> Iterator[httpx.Client]:
    """The token's client; every answer must be one the spec allows."""
    with httpx.Client(
        transport=transport,
        base_url=IN_PROCESS_BASE_URL,
        headers=AUTHORIZATION,
        event_hooks={"response": [contract.check]},
    ) as client:
        yield client


@pytest.fixture
def raw(transport: SyncASGITransport) -> Iterator[httpx.Client]:
    """A client without the token and without the contract check."""
    with httpx.Client(transport=transport, base_url=IN_PROCESS_BASE_URL) as client:
        yield client
