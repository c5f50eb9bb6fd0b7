"""A minimal HTTP/1.1 server on 127.0.0.1 that answers one fixed body.

It runs in a process of its own, so that on a machine with two cores the
server and the client being measured do not share one interpreter lock,
and it does as little as an HTTP server can: connections stay open, each
request head is matched against ``GET <path>`` and answered with bytes
prepared at start. The figures then measure the client, not the server.

    with LoopbackServer(body=PROFILE_BODY, path="/profile") as base_url:
        httpx.get(base_url + "/profile")

``python bench/server.py --path /profile`` reads the body from standard
input, prints ``port N`` once it listens and serves until terminated.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import subprocess
import sys
from pathlib import Path
from types import TracebackType

HOST = "127.0.0.1"


def http_answer(status: str, body: bytes) -> bytes:
    """The bytes of a complete HTTP/1.1 answer carrying ``body`` as JSON."""
    head = (
        f"HTTP/1.1 {status}\r\n"
        "Content-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n"
        "\r\n"
    )
    return head.encode("ascii") + body


class FixedAnswerProtocol(asyncio.Protocol):
    """Answers every ``GET <path>`` on a connection with the same bytes.

    Anything else gets a 404. Requests are read up to their blank line.
    """

    # Limitation: request bodies are not read, so only requests without a
    # body (the GETs measured here) are understood; a POST would desync.

    def __init__(self, *, path: str, ok: bytes, not_found: bytes) -> None:
        self._request_line = f"GET {path} ".encode("ascii")
        self._ok = ok
        self._not_found = not_found
        self._buffer = b""
        self._transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport

    def data_received(self, data: bytes) -> None:
        assert self._transport is not None
        self._buffer += data

        while True:
            end = self._buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = self._buffer[:end]
            self._buffer = self._buffer[end + 4 :]
            known = head.startswith(self._request_line)
            self._transport.write(self._ok if known else self._not_found)


async def serve_forever(*, path: str, body: bytes, port: int = 0) -> None:
    """Listen on 127.0.0.1, print ``port N`` and answer until cancelled."""
    ok = http_answer("200 OK", body)
    not_found = http_answer("404 Not Found", b'{"errors":[]}')
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: FixedAnswerProtocol(path=path, ok=ok, not_found=not_found),
        HOST,
        port,
        backlog=512,
    )
    bound = server.sockets[0].getsockname()[1]
    sys.stdout.write(f"port {bound}\n")
    sys.stdout.flush()

    async with server:
        await server.serve_forever()


class LoopbackServer:
    """Runs the server in a child process for the length of a ``with`` block.

    Entering starts the process, hands it ``body`` and returns the base
    URL (``http://127.0.0.1:PORT``) once it listens; leaving terminates
    it. Raises ``RuntimeError`` when the process does not report a port.
    """

    def __init__(self, *, body: bytes, path: str = "/profile") -> None:
        self._body = body
        self._path = path
        self._process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> str:
        command = [sys.executable, str(Path(__file__).resolve()), "--path", self._path]
        process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        self._process = process
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(self._body)
        process.stdin.close()

        line = process.stdout.readline().decode("ascii").split()
        if len(line) != 2 or line[0] != "port":
            self._stop()
            raise RuntimeError("the loopback server did not start")
        return f"http://{HOST}:{line[1]}"

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stop()

    def _stop(self) -> None:
        if self._process is None:
            return
        self._process.terminate()
        self._process.wait(timeout=10)
        if self._process.stdout is not None:
            self._process.stdout.close()
        self._process = None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", default="/profile")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)

    body = sys.stdin.buffer.read()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve_forever(path=args.path, body=body, port=args.port))
    return 0


if __name__ == "__main__":
    sys.exit(main())
