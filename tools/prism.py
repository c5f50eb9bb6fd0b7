"""Prism as a mock of a spec on 127.0.0.1, started and stopped by this process.

    with PrismMock(ROOT / "openapi.yaml") as prism:
        httpx.get(f"{prism.base_url}/profile", headers=...)
        prism.log_violations()   # what Prism's validator complained about

Prism (``@stoplight/prism-cli``, pinned in package.json and installed by
``npm ci``) runs as ``npm exec --no -- prism mock`` with ``--errors``, so a
request that breaks the spec gets an error answer carrying an
``sl-violations`` header, and Prism's log says so too. It listens on a free
loopback port only; the spec's ``servers`` entry is not used for routing,
so the API root is ``http://127.0.0.1:PORT`` with no path prefix.

Prism runs in a process group of its own, which ``stop()`` ends (SIGTERM,
then SIGKILL) on every way out of the ``with`` block: an error, Ctrl-C, or
a SIGTERM sent to this process (turned into ``SystemExit`` while a mock is
running).

Limitation: a SIGKILL of this process leaves Prism running, since nothing
runs to stop it and npm does not pass a signal on to node; ``pid`` (also
printed by tools/contract.py) names the process group to kill by hand.
"""

from __future__ import annotations

import collections
import contextlib
import logging
import os
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path
from types import FrameType, TracebackType
from typing import Any

logger = logging.getLogger(__name__)

HOST = "127.0.0.1"
ROOT = Path(__file__).resolve().parent.parent
PRISM = ("npm", "exec", "--no", "--", "prism", "mock")

# Prism's log line for a request or answer its validator refused.
VIOLATION_MARK = "Violation:"


class PrismError(RuntimeError):
    """Prism could not be started, or stopped answering."""


def free_port(host: str = HOST) -> int:
    """A TCP port nothing listens on at the moment (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


class PrismMock:
    """One ``prism mock`` process serving ``spec`` on a free loopback port.

    ``dynamic`` starts Prism in dynamic mode (answers generated from the
    schemas); otherwise answers come from the spec's examples and a
    request may still ask for a generated one with ``Prefer:
    dynamic=true``. ``start_timeout`` bounds the wait for the port to
    open. The log is kept in memory, its last ``log_lines`` lines only.
    """

    def __init__(
        self,
        spec: Path,
        *,
        dynamic: bool = False,
        start_timeout: float = 60.0,
        log_lines: int = 2000,
        cwd: Path = ROOT,
    ) -> None:
        self.spec = spec
        self.dynamic = dynamic
        self.start_timeout = start_timeout
        self.cwd = cwd
        self.port = 0
        self._process: subprocess.Popen[str] | None = None
        self._log: collections.deque[str] = collections.deque(maxlen=log_lines)
        self._violations: list[str] = []
        self._reader: threading.Thread | None = None
        self._previous: dict[signal.Signals, Any] = {}

    @property
    def base_url(self) -> str:
        """The API root Prism serves, ``http://127.0.0.1:PORT``."""
        return f"http://{HOST}:{self.port}"

    @property
    def pid(self) -> int | None:
        """Prism's process id, also its process group's; None when stopped."""
        return None if self._process is None else self._process.pid

    def command(self) -> list[str]:
        """The command line that starts this mock."""
        options = ["--host", HOST, "--port", str(self.port), "--errors"]
        if self.dynamic:
            options.append("--dynamic")
        return [*PRISM, *options, str(self.spec)]

    def start(self) -> None:
        """Start Prism and wait until its port accepts connections.

        Raises ``PrismError`` (with the end of Prism's log) when it exits
        early or does not listen within ``start_timeout``.
        """
        self.port = free_port()
        command = self.command()
        logger.info("starting %s", " ".join(command))
        self._process = subprocess.Popen(
            command,
            cwd=self.cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            errors="replace",
            start_new_session=True,
        )
        self._reader = threading.Thread(target=self._read_log, daemon=True)
        self._reader.start()
        self._wait_until_listening()

    def _read_log(self) -> None:
        assert self._process is not None and self._process.stdout is not None
        for line in self._process.stdout:
            text = line.rstrip()
            self._log.append(text)
            if VIOLATION_MARK in text:
                self._violations.append(text.split(VIOLATION_MARK, 1)[1].strip())

    def _wait_until_listening(self) -> None:
        assert self._process is not None
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise PrismError(
                    f"prism exited with status {self._process.returncode}:\n"
                    + self.log_tail()
                )
            with contextlib.suppress(OSError):
                socket.create_connection((HOST, self.port), timeout=1.0).close()
                return
            time.sleep(0.2)
        raise PrismError(
            f"prism did not listen on {self.base_url} within "
            f"{self.start_timeout:g}s:\n" + self.log_tail()
        )

    def _wait_until_closed(self, timeout: float = 10.0) -> None:
        """Wait for the port to refuse connections: a killed node process
        may hold its socket for a moment after its parent is gone."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                socket.create_connection((HOST, self.port), timeout=1.0).close()
            except OSError:
                return
            time.sleep(0.05)
        logger.warning("port %d still accepts connections after stop", self.port)

    def log_violations(self) -> list[str]:
        """Every violation Prism's log reported so far, oldest first."""
        return list(self._violations)

    def log_tail(self, lines: int = 20) -> str:
        """The last ``lines`` lines Prism wrote, for error messages."""
        return "\n".join(list(self._log)[-lines:])

    def stop(self) -> None:
        """End Prism's whole process group; safe to call more than once."""
        process, self._process = self._process, None
        if process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=5.0)

        # npm may be gone while node, its grandchild, still runs: whatever
        # is left of the group is killed.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        self._wait_until_closed()
        if self._reader is not None:
            self._reader.join(timeout=5.0)
        logger.info("prism stopped")

    def __enter__(self) -> PrismMock:
        self._catch_signals()
        try:
            self.start()
        except BaseException:
            self.stop()
            self._restore_signals()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            self.stop()
        finally:
            self._restore_signals()

    def _catch_signals(self) -> None:
        """Turn SIGTERM and SIGINT into exceptions while Prism runs.

        SIGINT too, because a process started in the background inherits
        it ignored, and Ctrl-C must still reach the ``finally`` that stops
        Prism. Only the main thread may set handlers; elsewhere the
        caller's stay.
        """
        if threading.current_thread() is not threading.main_thread():
            return
        self._previous = {
            signal.SIGTERM: signal.signal(signal.SIGTERM, _exit_on_sigterm),
            signal.SIGINT: signal.signal(signal.SIGINT, signal.default_int_handler),
        }

    def _restore_signals(self) -> None:
        previous, self._previous = self._previous, {}
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _exit_on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)
