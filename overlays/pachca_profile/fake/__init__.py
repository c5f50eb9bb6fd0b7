"""A fake Pachca server for tests and demos: every profile operation, in memory.

Needs the ``pachca-profile[fake]`` extra, from a clone ``pip install
".[fake]"`` (Starlette, uvicorn, python-multipart, pydantic). Three ways to
run it:

- ``python -m pachca_profile.fake --port 8000``: uvicorn on 127.0.0.1;
- ``with serve() as server: ...``: a free loopback port for the block
  (``server.base_url``, ``server.token``, ``server.faults``); the
  ``pachca_fake`` fixture of :mod:`pachca_profile.fake.pytest_plugin`
  does the same for a test;
- in-process: ``httpx.ASGITransport(app=create_app())`` for
  ``AsyncPachcaClient``, ``SyncASGITransport(create_app())`` for
  ``PachcaClient``, with ``base_url=IN_PROCESS_BASE_URL``.

:class:`Faults` switches on a rate limit (429 with ``Retry-After``),
injected 5xx answers (a proxy's HTML page too), latency and malformed
bodies, at start or while the server runs.
"""

from __future__ import annotations

try:
    import pydantic  # noqa: F401
    import python_multipart  # noqa: F401 - Starlette reads forms with it
    import starlette  # noqa: F401
    import uvicorn  # noqa: F401
except ImportError as exc:  # pragma: no cover - depends on the installation
    raise ImportError(
        f"pachca_profile.fake needs {exc.name or 'its dependencies'}: install "
        'the pachca-profile[fake] extra (from a clone: pip install ".[fake]")'
    ) from exc

from .app import create_app
from .data import BASE_PATH, DEFAULT_SCOPES, DEFAULT_TOKEN
from .faults import Faults, Injected
from .server import FakeServer, serve
from .transport import IN_PROCESS_BASE_URL, SyncASGITransport, async_transport
from .workspace import Workspace

__all__ = [
    "BASE_PATH",
    "DEFAULT_SCOPES",
    "DEFAULT_TOKEN",
    "IN_PROCESS_BASE_URL",
    "FakeServer",
    "Faults",
    "Injected",
    "SyncASGITransport",
    "Workspace",
    "async_transport",
    "create_app",
    "serve",
]
