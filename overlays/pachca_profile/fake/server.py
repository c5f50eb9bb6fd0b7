"""Serving the fake on a real socket: 127.0.0.1 only, in a background thread.

:func:`serve` binds a loopback port (a free one by default), runs uvicorn
in a daemon thread and stops it on the way out of the ``with`` block,
whatever ends the block. :func:`bind` and :func:`run_in_foreground` are
the pieces ``python -m pachca_profile.fake`` uses.

    >>> with serve() as server:                          # doctest: +SKIP
    ...     client = PachcaClient(token=server.token, base_url=server.base_url)
"""

from __future__ import annotations

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
    app = create_app(token=token, scopes=scopes, faults=switches)
    listener = bind(port)
    server = uvicorn_server(app)
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


def run_in_foreground(app: Starlette, listener: socket.socket) -> None:
    """Serve ``app`` on ``listener`` until interrupted (Ctrl-C, SIGTERM)."""
    uvicorn_server(app).run(sockets=[listener])
