"""Retries over real sockets: a tiny HTTP server on 127.0.0.1 answers 503
twice, then 200."""

from __future__ import annotations

import socket
import threading
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from pachca_profile.retry import RetryPolicy
from pachca_profile.transport import AsyncPachcaTransport, PachcaTransport


class Flaky(ThreadingHTTPServer):
    """Answers 503 to the first ``failures`` requests, then 200."""

    def __init__(self, failures: int) -> None:
        super().__init__(("127.0.0.1", 0), FlakyHandler)
        self.failures = failures
        self.paths: list[str] = []
        self.bodies: list[bytes] = []
        self.lock = threading.Lock()

    @property
    def base_url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"


class FlakyHandler(BaseHTTPRequestHandler):
    server: Flaky

    def do_GET(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        with self.server.lock:
            self.server.paths.append(self.path)
            self.server.bodies.append(body)
            failing = len(self.server.paths) <= self.server.failures
        status, answer = (503, b"<html>busy</html>") if failing else (200, b"{}")
        self.send_response(status)
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    do_PUT = do_GET

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""


@pytest.fixture
def flaky() -> Iterator[Flaky]:
    server = Flaky(failures=2)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


def test_sync_transport_retries_over_a_real_socket(flaky):
    transport = PachcaTransport(retry=RetryPolicy(wait=False))

    with httpx.Client(transport=transport, base_url=flaky.base_url) as client:
        response = client.get("/profile")

    assert response.status_code == 200
    assert flaky.paths == ["/profile"] * 3


@pytest.mark.anyio
async def test_async_transport_retries_over_a_real_socket(flaky):
    transport = AsyncPachcaTransport(retry=RetryPolicy(wait=False))

    async with httpx.AsyncClient(
        transport=transport, base_url=flaky.base_url
    ) as client:
        response = await client.get("/profile")

    assert response.status_code == 200
    assert flaky.paths == ["/profile"] * 3


def chunks() -> Iterator[bytes]:
    yield b"first,"
    yield b"second"


async def achunks() -> AsyncIterator[bytes]:
    for chunk in chunks():
        yield chunk


def test_sync_transport_sends_a_one_shot_body_again_unchanged(flaky):
    transport = PachcaTransport(retry=RetryPolicy(wait=False))
    headers = {"Content-Length": "12"}

    with httpx.Client(transport=transport, base_url=flaky.base_url) as client:
        response = client.put("/profile/status", content=chunks(), headers=headers)

    assert response.status_code == 200
    assert flaky.bodies == [b"first,second"] * 3


@pytest.mark.anyio
async def test_async_transport_sends_a_one_shot_body_again_unchanged(flaky):
    transport = AsyncPachcaTransport(retry=RetryPolicy(wait=False))
    headers = {"Content-Length": "12"}

    async with httpx.AsyncClient(
        transport=transport, base_url=flaky.base_url
    ) as client:
        response = await client.put(
            "/profile/status", content=achunks(), headers=headers
        )

    assert response.status_code == 200
    assert flaky.bodies == [b"first,second"] * 3


@pytest.fixture
def closed_port() -> int:
    """A loopback port nothing listens on: connecting to it is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


class Counting(httpx.BaseTransport):
    """httpx's own transport, counting the attempts that reach it."""

    def __init__(self) -> None:
        self.attempts = 0
        self.inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.attempts += 1
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def test_post_to_a_refused_connection_is_tried_again_then_raises(closed_port):
    counting = Counting()
    policy = RetryPolicy(max_attempts=3, wait=False)
    base_url = f"http://127.0.0.1:{closed_port}"

    with (
        httpx.Client(
            transport=PachcaTransport(counting, retry=policy), base_url=base_url
        ) as client,
        pytest.raises(httpx.ConnectError),
    ):
        client.post("/profile/avatar", content=b"image")

    assert counting.attempts == 3
