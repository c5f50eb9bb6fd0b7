"""Walk the ``pachca-profile`` command through every operation.

Starts the fake Pachca server on a free 127.0.0.1 port, runs the installed
CLI (``python -m pachca_profile``) once per step with ``PACHCA_BASE_URL``
and ``PACHCA_TOKEN`` pointing at it, and prints what a person would read:
each command, then its output. One step is a deliberate mistake (a status
title of 51 characters) that must be refused with exit code 2 and a
message naming the limit of 50.

The server is stopped on every way out, an interrupt included. The exit
code is 0 only when every step answered the exit code it should and
printed what it should.

    python tools/demo.py
"""

from __future__ import annotations

import os
import shlex
import struct
import subprocess
import sys
import tempfile
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from pachca_profile.fake import serve

CLI = "pachca-profile"
LONG_TITLE = "On vacation in the mountains; back on the 10th. Bye"
"""51 characters, one more than the API allows."""


@dataclass(frozen=True)
class Step:
    """One command of the walk: its arguments, the exit code it must
    answer and a piece of text its output must contain."""

    arguments: tuple[str, ...]
    expected_code: int = 0
    expected_text: str = ""


def steps(avatar: str) -> list[Step]:
    """The walk: every operation, and one mistake; ``avatar`` is an image
    file in the folder the commands run in."""
    return [
        Step(("profile",), expected_text="@"),
        Step(("status",), expected_text="No status is set."),
        Step(
            (
                "status",
                "set",
                "--emoji",
                "🏖",
                "--title",
                "On vacation",
                "--expires-in",
                "2d",
                "--away",
                "--away-message",
                "Back on Monday",
            ),
            expected_text="On vacation",
        ),
        Step(("status",), expected_text="Back on Monday"),
        Step(("--json", "status"), expected_text='"title": "On vacation"'),
        Step(
            ("status", "set", "--emoji", "🏖", "--title", LONG_TITLE),
            expected_code=2,
            expected_text="50",
        ),
        Step(("status", "clear"), expected_text="Status cleared."),
        Step(("status",), expected_text="No status is set."),
        Step(("custom-properties",), expected_text="NAME"),
        Step(("custom-properties", "--entity-type", "Task")),
        Step(("avatar", "set", avatar), expected_text="Avatar stored: http"),
        Step(("avatar", "delete"), expected_text="Avatar removed."),
        Step(("token-info",), expected_text="scopes"),
    ]


def main() -> int:
    """Run the walk against a fresh fake server; answer the exit code."""
    try:
        return walk()
    except KeyboardInterrupt:
        print("\ndemo interrupted", file=sys.stderr)
        return 130


def walk() -> int:
    """Serve the fake, run every step, stop the fake; answer the exit code."""
    plan = steps("avatar.png")
    with tempfile.TemporaryDirectory(prefix="pachca-demo-") as folder:
        (Path(folder) / "avatar.png").write_bytes(tiny_png())

        with serve() as server:
            print(f"# fake Pachca server on {server.base_url}\n", flush=True)
            environ = {
                **os.environ,
                "PACHCA_BASE_URL": server.base_url,
                "PACHCA_TOKEN": server.token,
                "PYTHONIOENCODING": "utf-8",
            }
            try:
                failures = [
                    step for step in plan if not run_step(step, environ, cwd=folder)
                ]
            finally:
                print("# fake Pachca server stopped")

    if failures:
        names = ", ".join(shlex.join(step.arguments) for step in failures)
        print(f"\ndemo FAILED: {len(failures)} step(s) misbehaved: {names}")
        return 1
    print(f"\ndemo passed: {len(plan)} commands behaved as they should")
    return 0


def run_step(step: Step, environ: Mapping[str, str], *, cwd: str) -> bool:
    """Run one step in ``cwd``, echo it and its output; answer whether it
    behaved."""
    print(f"$ {CLI} {shlex.join(step.arguments)}", flush=True)
    finished = subprocess.run(
        [sys.executable, "-m", "pachca_profile", *step.arguments],
        env=dict(environ),
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
    )
    sys.stdout.write(finished.stdout)
    sys.stdout.write(finished.stderr)

    problems = _problems(step, finished, environ["PACHCA_TOKEN"])
    if step.expected_code != 0 and not problems:
        print(f"(exit code {finished.returncode}, as it should be)")
    for problem in problems:
        print(f"!! {problem}")
    print(flush=True)
    return not problems


def _problems(
    step: Step, finished: subprocess.CompletedProcess[str], token: str
) -> Sequence[str]:
    problems = []
    output = finished.stdout + finished.stderr
    if finished.returncode != step.expected_code:
        problems.append(
            f"exit code {finished.returncode}, expected {step.expected_code}"
        )
    if step.expected_text not in output:
        problems.append(f"the output lacks {step.expected_text!r}")
    if token in output:
        problems.append("the output shows the access token")
    if "Traceback" in output:
        problems.append("the output holds a traceback")
    return problems


def tiny_png() -> bytes:
    """A valid 1x1 PNG image, written here so the demo needs no file."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        checksum = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", checksum)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixel = zlib.compress(b"\x00\xff\x99\x00")
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", pixel)
        + chunk(b"IEND", b"")
    )


if __name__ == "__main__":
    sys.exit(main())
