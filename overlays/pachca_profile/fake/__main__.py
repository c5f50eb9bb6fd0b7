"""``python -m pachca_profile.fake``: the fake Pachca server on 127.0.0.1.

    python -m pachca_profile.fake --port 8000 [--token T] [--rate-limit 5]
        [--latency 0.2] [--scope profile:read ...]

Prints the ``PACHCA_BASE_URL`` to use once the port is listening, then
serves until Ctrl-C. It listens on 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import data
from .faults import Faults
from .server import MAX_PORT, base_url_of, bind, run_in_foreground, served_app
from .workspace import check_scopes, check_token


def parser() -> argparse.ArgumentParser:
    """The command's arguments."""
    command = argparse.ArgumentParser(
        prog="python -m pachca_profile.fake",
        description="Serve the fake Pachca profile API on 127.0.0.1.",
    )
    command.add_argument(
        "--port",
        type=_port,
        default=8000,
        help="port on 127.0.0.1, 0 to 65535 (0: a free one)",
    )
    command.add_argument(
        "--token",
        type=_token,
        default=data.DEFAULT_TOKEN,
        help="the access token the server accepts (default: the fake's own)",
    )
    command.add_argument(
        "--scope",
        type=_scope,
        action="append",
        dest="scopes",
        metavar="SCOPE",
        help=(
            "a scope the token carries; repeat it (default: every profile "
            f"scope: {', '.join(data.DEFAULT_SCOPES)})"
        ),
    )
    command.add_argument(
        "--rate-limit",
        type=int,
        metavar="N",
        help="answer 429 beyond N requests per second",
    )
    command.add_argument(
        "--latency",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="wait this long before each answer",
    )
    return command


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= port <= MAX_PORT:
        raise argparse.ArgumentTypeError(
            f"{port} is not a port; give 0 to {MAX_PORT} (0: a free one)"
        )
    return port


def _token(text: str) -> str:
    try:
        return check_token(text)
    except ValueError as exc:  # its message never repeats the token
        raise argparse.ArgumentTypeError(str(exc)) from None


def _scope(text: str) -> str:
    try:
        return check_scopes([text])[0]
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def main(argv: Sequence[str] | None = None) -> int:
    """Serve until interrupted; answer the exit code."""
    options = parser().parse_args(argv)
    if options.rate_limit is not None and options.rate_limit < 1:
        parser().error("--rate-limit must be at least 1")
    if options.latency < 0:
        parser().error("--latency must not be negative")

    faults = Faults(rate_limit=options.rate_limit, latency=options.latency)
    _, server = served_app(
        token=options.token,
        scopes=options.scopes or data.DEFAULT_SCOPES,
        faults=faults,
    )
    try:
        listener = bind(options.port)
    except OSError as exc:
        print(f"cannot listen on 127.0.0.1:{options.port}: {exc}", file=sys.stderr)
        return 1

    shown = options.token if options.token == data.DEFAULT_TOKEN else "(yours)"
    print(f"PACHCA_BASE_URL={base_url_of(listener)}", flush=True)
    print(f"PACHCA_TOKEN={shown}", flush=True)
    print("fake Pachca server listening; Ctrl-C stops it", flush=True)
    run_in_foreground(server, listener)
    return 0


if __name__ == "__main__":
    sys.exit(main())
