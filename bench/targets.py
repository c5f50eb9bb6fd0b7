"""Where the measured clients send: an in-process answer or the loopback.

A :class:`Target` is a base URL plus, for the in-process case, a factory
of fresh ``httpx.MockTransport`` objects that answer ``GET /profile`` with
the benchmark body (one transport per client, as each client owns and
closes its own).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from bench.payload import PROFILE_BODY

TOKEN = "bench-token"  # noqa: S105 (a placeholder the fakes accept)
AUTHORIZATION = {"Authorization": f"Bearer {TOKEN}"}
MOCK_BASE_URL = "http://127.0.0.1"
JSON_HEADERS = {"Content-Type": "application/json"}

# Far above what one process can send, so the limiter is on but never waits.
RATE_LIMIT = 1_000_000.0


def answer_profile(request: httpx.Request) -> httpx.Response:
    """The in-process server: the body for ``GET /profile``, else a 404."""
    if request.method == "GET" and request.url.path == "/profile":
        return httpx.Response(200, content=PROFILE_BODY, headers=JSON_HEADERS)
    return httpx.Response(404, content=b'{"errors":[]}', headers=JSON_HEADERS)


@dataclass(frozen=True)
class Target:
    """A base URL, the transport each client gets when in-process, and the
    clock that times calls to it: CPU time when everything happens in this
    process, wall time when a server in another process is part of a call.
    """

    name: str
    base_url: str
    transport: Callable[[], httpx.MockTransport] | None = None
    clock: Callable[[], float] = time.perf_counter

    def new_transport(self) -> httpx.MockTransport | None:
        """A fresh in-process transport, or None for a real connection."""
        return None if self.transport is None else self.transport()


def in_process() -> Target:
    """The ``httpx.MockTransport`` answer, no socket involved."""
    return Target(
        name="MockTransport",
        base_url=MOCK_BASE_URL,
        transport=lambda: httpx.MockTransport(answer_profile),
        clock=time.process_time,
    )


def loopback(base_url: str) -> Target:
    """The loopback server at ``base_url`` (see :mod:`bench.server`)."""
    return Target(name="loopback", base_url=base_url)
