"""A pytest fixture serving the fake Pachca server for one test.

Enable it in a ``conftest.py`` at the top of your tests::

    pytest_plugins = ["pachca_profile.fake.pytest_plugin"]

    def test_status_round_trip(pachca_fake):
        with PachcaClient(token=pachca_fake.token,
                          base_url=pachca_fake.base_url) as client:
            ...

``pachca_fake`` is a :class:`~pachca_profile.fake.FakeServer` on a free
127.0.0.1 port, fresh for each test; ``pachca_fake.faults`` switches
faults on while the test runs. The server stops when the test ends.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .server import FakeServer, serve


@pytest.fixture
def pachca_fake() -> Iterator[FakeServer]:
    """A fresh fake Pachca server on loopback for this test."""
    with serve() as server:
        yield server
