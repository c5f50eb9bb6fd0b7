"""Serving the fake on a real socket: 127.0.0.1 only, in a background thread.

:func:`serve` binds a loopback port (a free one by default), runs uvicorn
in a daemon thread and stops it on the way out of the ``with`` block,
whatever ends the block. :func:`served_app`, :func:`bind` and
:func:`run_in_foreground` are the pieces ``python -m pachca_profile.fake``
uses. Stopping either one while an answer is delayed by the latency fault
sends that answer at once rather than cutting it off.

    >>> with serve() as server:                          # doctest: +SKIP
    ...     client = PachcaClient(token=server.token, base_url=server.base_url)
"""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import uvicorn
from starlette.applications import Starlette

from . import data
from .app import create_app
from .faults import Faults
from .workspace import Workspace

logger = logging.getLogger(__name__)

HOST = "127.0.0.1"
"""The only address the fake listens on."""

MAX_PORT = 65535

STARTUP_TIMEOUT = 10.0
STOP_CHECK_INTERVAL = 0.05
"""How often a delayed answer checks whether the server is stopping."""
SHUTDOWN_TIMEOUT = 10.0


@dataclass(frozen=True)
class FakeServer:
    """A running fake server: where it is, what it accepts, its switches.

    ``base_url`` is the API root (``http://127.0.0.1:PORT/api/shared/v1``),
    ``token`` the token it accepts, ``faults`` its live fault switches and
    ``app`` the ASGI app (``app.state.workspace`` holds its state).
    """

    base_url: str
    token: str
    faults: Faults
    app: Starlette
    port: int

    @property
    def workspace(self) -> Workspace:
        """What the server remembers: the status, the avatar."""
        workspace: Workspace = self.app.state.workspace
        return workspace

    def __repr__(self) -> str:
        return f"FakeServer(base_url={self.base_url!r}, faults={self.faults!r})"


def bind(port: int = 0) -> socket.socket:
    """A listening TCP socket on 127.0.0.1:``port`` (0: a free port).

    The protocol is named (not left 0) so that asyncio switches Nagle's
    algorithm off on each connection, as it does for sockets it binds
    itself; without that every answer after the first waits ~40 ms for a
    delayed ACK. A port outside 0 to 65535 raises ``ValueError``.
    """
    if isinstance(port, bool) or not isinstance(port, int) or not 0 <= port <= MAX_PORT:
        raise ValueError(f"port must be an int from 0 to {MAX_PORT}, not {port!r}")
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((HOST, port))
        listener.listen(128)
    except OSError:
        listener.close()
        raise
    return listener


def base_url_of(listener: socket.socket) -> str:
    """The API root served on ``listener``."""
    port = int(listener.getsockname()[1])
    return f"http://{HOST}:{port}{data.BASE_PATH}"


class StopAwareSleep:
    """The latency sleep of a served app: it ends early once ``server`` is
    told to stop (Ctrl-C, SIGTERM, the end of a ``serve()`` block).

    An answer being delayed is then sent at once, and the connection closed,
    within uvicorn's graceful shutdown; a plain sleep would outlast it, and
    uvicorn would cancel the request, answer 500 and print tracebacks.
    """

    def __init__(self, *, step: float = STOP_CHECK_INTERVAL) -> None:
        self.server: uvicorn.Server | None = None
        self._step = step

    async def __call__(self, seconds: float) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while not self.stopping:
            left = deadline - loop.time()
            if left <= 0:
                return
            await asyncio.sleep(min(left, self._step))

    @property
    def stopping(self) -> bool:
        """Whether the server has been told to stop."""
        return self.server is not None and self.server.should_exit


def served_app(
    *,
    token: str = data.DEFAULT_TOKEN,
    scopes: Iterable[str] = data.DEFAULT_SCOPES,
    faults: Faults | None = None,
) -> tuple[Starlette, uvicorn.Server]:
    """A fresh app (see :func:`create_app`) and the uvicorn server for it,
    whose latency ends as the server stops (see :class:`StopAwareSleep`)."""
    sleep = StopAwareSleep()
    app = create_app(token=token, scopes=scopes, faults=faults, sleep=sleep)
    server = uvicorn_server(app)
    sleep.server = server
    return app, server


def uvicorn_server(app: Starlette) -> uvicorn.Server:
    """A quiet uvicorn server for ``app``: no access log, no lifespan."""
    config = uvicorn.Config(
        app,
        log_level="warning",
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=1,
    )
    return uvicorn.Server(config)


@contextmanager
def serve(
    *,
    token: str = data.DEFAULT_TOKEN,
    scopes: Iterable[str] = data.DEFAULT_SCOPES,
    faults: Faults | None = None,
    port: int = 0,
) -> Iterator[FakeServer]:
    """Serve a fresh fake on 127.0.0.1:``port`` for the ``with`` block.

    ``port=0`` takes a free port. ``faults`` may be switched while the
    block runs. The server answers as soon as the block starts and is
    stopped, its thread joined and its port closed, when the block ends,
    an exception or an interrupt included. Raises ``OSError`` when the
    port is taken, ``RuntimeError`` when uvicorn does not start and
    ``ValueError`` for a port outside 0 to 65535 and for a token or scope
    :func:`create_app` refuses.
    """
    switches = faults if faults is not None else Faults()
    app, server = served_app(token=token, scopes=scopes, faults=switches)
    listener = bind(port)
    thread = threading.Thread(
        target=server.run,
        kwargs={"sockets": [listener]},
        name="pachca-fake-server",
        daemon=True,
    )

    try:
        thread.start()
        _wait_until_started(server, thread)
        served = FakeServer(
            base_url=base_url_of(listener),
            token=token,
            faults=switches,
            app=app,
            port=int(listener.getsockname()[1]),
        )
        logger.debug("fake Pachca server listening at %s", served.base_url)
        yield served
    finally:
        server.should_exit = True
        thread.join(SHUTDOWN_TIMEOUT)
        listener.close()
        logger.debug("fake Pachca server stopped")


def _wait_until_started(server: uvicorn.Server, thread: threading.Thread) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("the fake Pachca server stopped while starting")
        if time.monotonic() > deadline:
            raise RuntimeError(
                f"the fake Pachca server did not start within {STARTUP_TIMEOUT}s"
            )
        time.sleep(0.005)


def run_in_foreground(server: uvicorn.Server, listener: socket.socket) -> None:
    """Run ``server`` on ``listener`` until interrupted (Ctrl-C, SIGTERM)."""
    server.run(sockets=[listener])
