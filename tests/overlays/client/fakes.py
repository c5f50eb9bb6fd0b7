"""Test doubles for the client suites: scripted answers for a MockTransport,
a loopback HTTP server, and the bodies the API answers.

Every request goes to an ``httpx.MockTransport`` in the process or to a
server this module starts on 127.0.0.1; nothing leaves the machine.
"""

from __future__ import annotations

import json
import threading
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar

import anyio
import httpx

from pachca_profile import AsyncPachcaClient, PachcaClient, RetryPolicy

TOKEN = "s3cr3t-T0KEN-value-4-tests"
BASE_URL = "http://127.0.0.1:9/api/shared/v1"

STATUS = {
    "emoji": "🌴",
    "title": "On leave",
    "expires_at": "2026-12-31T18:00:00.000Z",
    "is_away": True,
    "away_message": {"text": "Back in January"},
}

USER = {
    "id": 12,
    "first_name": "Ada",
    "last_name": "Lovelace",
    "nickname": "ada",
    "email": "ada@example.com",
    "phone_number": "",
    "department": "Engines",
    "title": "Analyst",
    "role": "admin",
    "suspended": False,
    "invite_status": "confirmed",
    "inviter_id": None,
    "list_tags": ["maths"],
    "custom_properties": [],
    "user_status": None,
    "bot": False,
    "sso": False,
    "created_at": "2024-01-02T03:04:05.000Z",
    "last_activity_at": "2026-12-01T10:00:00.000Z",
    "time_zone": "Europe/London",
    "image_url": None,
}

DEFINITION = {"id": 7, "name": "City", "data_type": "string"}

TOKEN_INFO = {
    "id": 3,
    "token": "cH5k...mQ",
    "name": "CI",
    "user_id": 12,
    "scopes": ["profile:read"],
    "created_at": "2026-01-01T00:00:00.000Z",
    "revoked_at": None,
    "expires_in": None,
    "last_used_at": None,
}


T = TypeVar("T")

Run = Callable[..., Any]
"""The ``call`` fixture: runs one client method, sync or async."""


def scripted(
    status: int,
    body: Any = None,
    *,
    content: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    """An answer to script: ``body`` as JSON unless raw ``content`` is given."""
    if content is None:
        content = json.dumps(body).encode()
    merged = {"Content-Type": "application/json", **(headers or {})}
    return httpx.Response(status, content=content, headers=merged)


def next_in(script: deque[T]) -> T:
    """The next scripted item; the last one is answered again and again."""
    return script.popleft() if len(script) > 1 else script[0]


def run_method(
    flavour: str, settings: dict[str, Any], method: str, *args: Any, **kwargs: Any
) -> Any:
    """Run one method on a fresh client of ``flavour`` built from ``settings``.

    The async client's method is awaited on a new event loop; the client is
    closed either way.
    """
    if flavour == "sync":
        with PachcaClient(**settings) as client:
            return getattr(client, method)(*args, **kwargs)

    async def main() -> Any:
        async with AsyncPachcaClient(**settings) as client:
            return await getattr(client, method)(*args, **kwargs)

    return anyio.run(main)


def no_waits() -> RetryPolicy:
    """The default policy without its waits: tests never sleep."""
    return RetryPolicy(wait=False)


@dataclass
class Answers:
    """A scripted server for a MockTransport: answers in order, the last one
    repeated, and every request kept (with its body read)."""

    queue: deque[httpx.Response | Exception] = field(default_factory=deque)
    requests: list[httpx.Request] = field(default_factory=list)

    def add(
        self,
        status: int = 200,
        body: Any = None,
        *,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Answers:
        """Queue one answer: ``body`` as JSON, or raw ``content``."""
        self.queue.append(scripted(status, body, content=content, headers=headers))
        return self

    def fail(self, exc: Exception) -> Answers:
        """Queue a transport failure instead of an answer."""
        self.queue.append(exc)
        return self

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        answer = next_in(self.queue)
        if isinstance(answer, Exception):
            raise answer
        return httpx.Response(
            answer.status_code, content=answer.content, headers=answer.headers
        )

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)


@dataclass
class Seen:
    """One request as the loopback server received it."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Loopback:
    """A threaded HTTP server on 127.0.0.1 answering a script in order."""

    base_url: str
    script: deque[httpx.Response]
    seen: list[Seen]

    def add(
        self,
        status: int = 200,
        body: Any = None,
        *,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Loopback:
        """Queue one answer: ``body`` as JSON, or raw ``content``."""
        self.script.append(scripted(status, body, content=content, headers=headers))
        return self


def _handler(server: Loopback) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            server.seen.append(
                Seen(self.command, self.path, dict(self.headers.items()), body)
            )
            answer = next_in(server.script)
            self.send_response(answer.status_code)
            for name, value in answer.headers.items():
                if name.lower() != "content-length":
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(answer.content)))
            self.end_headers()
            self.wfile.write(answer.content)

        do_GET = do_PUT = do_DELETE = do_POST = _answer

        def log_message(self, format: str, *args: Any) -> None:
            return None

    return Handler


def serve() -> Iterator[Loopback]:
    """Run a Loopback server for the duration of the generator."""
    loopback = Loopback(base_url="", script=deque(), seen=[])
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(loopback))
    loopback.base_url = f"http://127.0.0.1:{httpd.server_address[1]}/api/shared/v1"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield loopback
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()
