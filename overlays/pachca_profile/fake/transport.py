"""The fake in-process, as httpx transports: no socket, no thread per request.

``httpx.ASGITransport`` already serves an ASGI app to an
``httpx.AsyncClient``, so :func:`async_transport` is a thin shortcut.
httpx has no synchronous ASGI transport; :class:`SyncASGITransport` runs
the app on an event loop of its own, in one background thread, and hands
each request to it. The transport owns that loop and stops it on
``close()``.

    >>> from pachca_profile import PachcaClient
    >>> app = create_app()                                 # doctest: +SKIP
    >>> with PachcaClient(token=DEFAULT_TOKEN, base_url=IN_PROCESS_BASE_URL,
    ...                   transport=SyncASGITransport(app)) as client:
    ...     client.get_profile()
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import httpx

from . import data

IN_PROCESS_BASE_URL = f"http://localhost{data.BASE_PATH}"
"""A base URL for the in-process transports; nothing is sent anywhere."""


def async_transport(app: Any) -> httpx.AsyncBaseTransport:
    """An ``httpx.ASGITransport`` serving ``app`` to an async client."""
    return httpx.ASGITransport(app=app)


# Limitation: the synchronous transport reads each answer whole and serves
# requests one at a time on its loop, so it cannot show streaming or
# concurrency; use serve() on loopback for those.
class SyncASGITransport(httpx.BaseTransport):
    """Serves an ASGI ``app`` to a synchronous httpx client, in-process.

    Each request is read whole, answered by the app on the transport's own
    event loop (a daemon thread started here) and its answer read whole
    before ``handle_request`` returns, so streaming answers arrive in one
    piece. Calls from several threads are served one after another on
    that loop. ``close()`` stops the loop; a closed transport raises
    ``RuntimeError``.
    """

    def __init__(self, app: Any) -> None:
        self._inner = httpx.ASGITransport(app=app)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="pachca-fake-loop", daemon=True
        )
        self._thread.start()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Answer ``request`` with the app; the body is read before return."""
        if self._loop.is_closed():
            raise RuntimeError("this SyncASGITransport is closed")

        body = request.read()
        future = asyncio.run_coroutine_threadsafe(
            self._answer(request.method, request.url, request.headers, body),
            self._loop,
        )
        status, headers, content = future.result()
        return httpx.Response(status, headers=headers, content=content, request=request)

    async def _answer(
        self, method: str, url: httpx.URL, headers: httpx.Headers, body: bytes
    ) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
        request = httpx.Request(method, url, headers=headers, content=body)
        response = await self._inner.handle_async_request(request)
        content = await response.aread()
        await response.aclose()
        return response.status_code, response.headers.raw, content

    def close(self) -> None:
        """Stop the loop and its thread; closing twice does nothing."""
        if self._loop.is_closed():
            return
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()
