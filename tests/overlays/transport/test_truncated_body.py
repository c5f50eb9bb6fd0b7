"""A connection lost in the middle of an answer's body is retried for an
idempotent method, like one lost before the headers, and never for POST.

A raw socket server on 127.0.0.1 answers each connection from a script:
the first answer promises 100 bytes and closes after a few.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import anyio
import httpx
import pytest

from pachca_profile import (
    AsyncPachcaClient,
    PachcaClient,
    PachcaConnectionError,
    RetryPolicy,
)
from pachca_profile.transport import AsyncPachcaTransport, PachcaTransport

CUT = b'HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"data":'
WHOLE = b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\nConnection: close\r\n\r\nnull"


class Server:
    """Answers the n-th connection with ``script[n]`` (the last repeats)."""

    def __init__(self, *script: bytes) -> None:
        self.script = list(script)
        self.connections = 0
        self.stopping = False
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.base_url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            connection, _ = self.listener.accept()
            if self.stopping:
                connection.close()
                return
            with connection:
                _read_request(connection)
                answer = self.script[min(self.connections, len(self.script) - 1)]
                self.connections += 1
                connection.sendall(answer)

    def close(self) -> None:
        """Stop the accept loop by connecting once more, then close."""
        self.stopping = True
        socket.create_connection(self.listener.getsockname()).close()
        self.thread.join(timeout=5)
        self.listener.close()


def _read_request(connection: socket.socket) -> None:
    """Read one request whole, so closing never resets unread data."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            return
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(body) < length:
        chunk = connection.recv(65536)
        if not chunk:
            return
        body += chunk


@pytest.fixture
def cut_then_whole() -> Iterator[Server]:
    server = Server(CUT, WHOLE)
    yield server
    server.close()


@pytest.fixture
def always_cut() -> Iterator[Server]:
    server = Server(CUT)
    yield server
    server.close()


def test_a_get_whose_body_is_cut_is_retried(cut_then_whole: Server) -> None:
    with PachcaClient(
        token="t0ken",
        base_url=cut_then_whole.base_url,
        retry=RetryPolicy(wait=False),
        rate_limit=None,
    ) as client:
        status = client.get_status()

    assert status is None
    assert cut_then_whole.connections == 2


def test_an_async_get_whose_body_is_cut_is_retried(cut_then_whole: Server) -> None:
    async def main() -> object:
        async with AsyncPachcaClient(
            token="t0ken",
            base_url=cut_then_whole.base_url,
            retry=RetryPolicy(wait=False),
            rate_limit=None,
        ) as client:
            return await client.get_status()

    assert anyio.run(main) is None
    assert cut_then_whole.connections == 2


def test_a_body_cut_every_time_ends_in_a_connection_error(always_cut: Server) -> None:
    with (
        PachcaClient(
            token="t0ken",
            base_url=always_cut.base_url,
            retry=RetryPolicy(wait=False, max_attempts=3),
            rate_limit=None,
        ) as client,
        pytest.raises(PachcaConnectionError),
    ):
        client.get_status()

    assert always_cut.connections == 3


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_a_post_whose_body_is_cut_is_not_sent_again(
    always_cut: Server, flavour: str
) -> None:
    policy = RetryPolicy(wait=False)

    if flavour == "sync":
        with (
            httpx.Client(transport=PachcaTransport(retry=policy)) as client,
            pytest.raises(httpx.TransportError),
        ):
            client.post(f"{always_cut.base_url}/items", content=b"{}")
    else:

        async def main() -> None:
            transport = AsyncPachcaTransport(retry=policy)
            async with httpx.AsyncClient(transport=transport) as client:
                await client.post(f"{always_cut.base_url}/items", content=b"{}")

        with pytest.raises(httpx.TransportError):
            anyio.run(main)

    assert always_cut.connections == 1
