"""The ``pachca-profile`` command: every operation of the client from a shell.

    $ export PACHCA_TOKEN=...
    $ pachca-profile status set --emoji 🏖 --title "On vacation" --expires-in 2d
    $ pachca-profile --json profile

The token comes from ``--token`` or ``PACHCA_TOKEN`` and the API root from
``--base-url`` or ``PACHCA_BASE_URL``. Output is readable text, or with
``--json`` the generated model's complete ``to_dict()``. The token is never
printed: not in output, not in an error, not in a log line; the CLI also
blanks it out of anything it writes to stderr, should a message quote it.

Exit codes (:class:`ExitCode`): 0 success, 2 usage (a bad argument, or an
input the client refuses before sending), 3 authentication (401 or 403),
4 any other API error, 5 network or transport failure (and 130 after
Ctrl-C, as shells expect). An error is one line
on stderr, never a traceback; ``--verbose`` logs each request and retry,
and the traceback of a failure the CLI did not expect (exit code 1).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import enum
import importlib.metadata
import logging
import os
import re
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, NoReturn, TextIO

import httpx

from . import cli_render
from .client import PachcaClient
from .config import (
    BASE_URL_VARIABLE,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    TOKEN_VARIABLE,
)
from .errors import (
    AuthenticationError,
    InvalidInputError,
    PachcaError,
    PermissionDeniedError,
)

logger = logging.getLogger(__name__)

PROG = "pachca-profile"
REDACTED = "[token hidden]"


class ExitCode(enum.IntEnum):
    """What the process answers, for scripts that branch on it."""

    OK = 0
    UNEXPECTED = 1
    USAGE = 2
    AUTHENTICATION = 3
    API = 4
    NETWORK = 5
    INTERRUPTED = 130


class UsageError(Exception):
    """A command line the CLI cannot run; exit code 2."""


Answer = tuple[cli_render.Answer, str]
"""What a command answers: the value ``--json`` prints, and the text."""

Handler = Callable[[PachcaClient, argparse.Namespace], Answer]


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    environ: Mapping[str, str] | None = None,
) -> int:
    """Run one command and answer its exit code; never raises.

    ``argv`` defaults to ``sys.argv[1:]``, the streams to ``sys.stdout`` /
    ``sys.stderr`` and ``environ`` to ``os.environ``, so tests can run the
    CLI in-process. ``--help`` prints to ``sys.stdout`` as argparse does.
    """
    out = stdout if stdout is not None else _console(sys.stdout)
    err = stderr if stderr is not None else _console(sys.stderr)
    env = os.environ if environ is None else environ
    arguments = _joined_negative_durations(sys.argv[1:] if argv is None else argv)
    secrets = _secrets(arguments, env)

    try:
        options = build_parser().parse_args(arguments)
    except SystemExit as exit_:
        return _argparse_exit_code(exit_)
    except UsageError as error:
        _complain(err, str(error), secrets)
        return ExitCode.USAGE

    with _logging_to(err, verbose=options.verbose, secrets=secrets):
        try:
            text = run(options, environ=env)
        except KeyboardInterrupt:
            _complain(err, "interrupted", secrets)
            return ExitCode.INTERRUPTED
        except Exception as error:  # the one place every failure ends up
            code = exit_code(error)
            if code == ExitCode.UNEXPECTED:
                logger.debug("unexpected failure", exc_info=True)
            _complain(err, _describe(error, options), secrets)
            return code

    out.write(_redact(text, secrets) + "\n")
    return ExitCode.OK


def run(options: argparse.Namespace, *, environ: Mapping[str, str]) -> str:
    """Run the parsed command against the API; answer what to print.

    Raises what the client raises, ``UsageError`` for a missing token or
    an unreadable file, and ``InvalidInputError`` for refused input.
    """
    token = options.token or environ.get(TOKEN_VARIABLE, "").strip()
    if not token:
        raise UsageError(f"no access token: set {TOKEN_VARIABLE} or pass --token")

    client = PachcaClient(
        token=token,
        base_url=options.base_url or environ.get(BASE_URL_VARIABLE) or None,
        timeout=options.timeout or DEFAULT_TIMEOUT,
        max_retries=options.max_retries,
        allow_insecure_http=options.allow_insecure_http,
    )
    handler: Handler = options.handler
    with client:
        answer, text = handler(client, options)

    return cli_render.to_json(answer) if options.json else text


def exit_code(error: BaseException) -> ExitCode:
    """The exit code for an error: 2 usage, 3 auth, 4 API, 5 network, else 1."""
    if isinstance(error, (UsageError, InvalidInputError)):
        return ExitCode.USAGE

    if isinstance(error, (AuthenticationError, PermissionDeniedError)):
        return ExitCode.AUTHENTICATION

    if isinstance(error, PachcaError):
        if error.status_code is None:
            return ExitCode.NETWORK
        return ExitCode.API

    if isinstance(error, httpx.TransportError):
        return ExitCode.NETWORK
    return ExitCode.UNEXPECTED


# The commands: each asks the client once and answers (value, text).


def _show_profile(client: PachcaClient, options: argparse.Namespace) -> Answer:
    user = client.get_profile()
    return user, cli_render.render_profile(user)


def _show_status(client: PachcaClient, options: argparse.Namespace) -> Answer:
    status = client.get_status()
    return status, cli_render.render_status(status)


def _set_status(client: PachcaClient, options: argparse.Namespace) -> Answer:
    status = client.set_status(
        emoji=options.emoji,
        title=options.title,
        expires_at=options.expires_in or options.expires_at,
        is_away=options.away,
        away_message=options.away_message,
    )
    return status, "Status set.\n" + cli_render.render_status(status)


def _clear_status(client: PachcaClient, options: argparse.Namespace) -> Answer:
    client.clear_status()
    return None, "Status cleared."


def _list_custom_properties(
    client: PachcaClient, options: argparse.Namespace
) -> Answer:
    definitions = client.list_custom_properties(entity_type=options.entity_type)
    text = cli_render.render_custom_properties(
        definitions, entity_type=options.entity_type
    )
    return definitions, text


def _set_avatar(client: PachcaClient, options: argparse.Namespace) -> Answer:
    try:
        image = open(options.file, "rb")  # noqa: SIM115 - closed just below
    except OSError as error:
        raise UsageError(
            f"cannot read {options.file}: {error.strerror or error}"
        ) from error

    with image:
        image_url = client.set_avatar(image)
    return {"image_url": image_url}, cli_render.render_avatar(image_url)


def _delete_avatar(client: PachcaClient, options: argparse.Namespace) -> Answer:
    client.delete_avatar()
    return {"image_url": None}, "Avatar removed."


def _show_token_info(client: PachcaClient, options: argparse.Namespace) -> Answer:
    info = client.get_token_info()
    return info, cli_render.render_token_info(info)


# The command line.


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are raised, not printed with usage,
    so that ``main`` reports them as one line (with the token blanked)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see {self.prog} --help)")


def build_parser() -> argparse.ArgumentParser:
    """The parser of the whole command line, subcommands included.

    The global options (token, base URL, ``--json``...) are accepted both
    before the command and after it.
    """
    parser = _Parser(
        prog=PROG,
        description="Read and change your own Pachca profile, status and avatar.",
        epilog=(
            "exit codes: 0 success, 2 usage, 3 authentication, "
            "4 other API error, 5 network, 130 interrupted (Ctrl-C)"
        ),
        allow_abbrev=False,
    )
    _add_global_options(parser, defaults=True)
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {installed_version()}"
    )
    commands = parser.add_subparsers(
        title="commands", dest="command", required=True, metavar="COMMAND"
    )

    def command(
        group: Any, name: str, handler: Handler, help_text: str
    ) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = group.add_parser(
            name, help=help_text, description=help_text, allow_abbrev=False
        )
        _add_global_options(sub, defaults=False)
        sub.set_defaults(handler=handler)
        return sub

    command(commands, "profile", _show_profile, "show your profile")

    status = command(commands, "status", _show_status, "show your status")
    status_commands = status.add_subparsers(
        title="status commands", dest="status_command", metavar="ACTION"
    )
    _add_status_options(command(status_commands, "set", _set_status, "set your status"))
    command(status_commands, "clear", _clear_status, "clear your status")

    properties = command(
        commands,
        "custom-properties",
        _list_custom_properties,
        "list the workspace's custom-property definitions",
    )
    properties.add_argument(
        "--entity-type",
        choices=("User", "Task"),
        default="User",
        help="whose properties to list (default: User)",
    )

    avatar = command(commands, "avatar", _show_avatar_usage, "change your avatar")
    avatar_commands = avatar.add_subparsers(
        title="avatar commands", dest="avatar_command", metavar="ACTION"
    )
    upload = command(avatar_commands, "set", _set_avatar, "upload an image")
    upload.add_argument("file", metavar="FILE", help="a PNG, JPEG, GIF or WebP")
    command(avatar_commands, "delete", _delete_avatar, "remove your avatar")

    command(commands, "token-info", _show_token_info, "describe the access token")
    return parser


def installed_version() -> str:
    """The installed distribution's version, or ``unknown`` when the package
    runs from a source tree that was never installed."""
    try:
        return importlib.metadata.version(PROG)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _show_avatar_usage(client: PachcaClient, options: argparse.Namespace) -> Answer:
    raise UsageError(f"avatar needs an action, set or delete (see {PROG} --help)")


def _add_global_options(parser: argparse.ArgumentParser, *, defaults: bool) -> None:
    """Add the options every command takes.

    Subcommands get them with suppressed defaults, so an option given
    before the command is not overwritten by the subcommand's default.
    """

    def default(value: object) -> object:
        return value if defaults else argparse.SUPPRESS

    parser.add_argument(
        "--token",
        default=default(None),
        help=(
            f"access token (default: ${TOKEN_VARIABLE}, which is safer: a "
            "command line is visible to other users of the machine)"
        ),
    )
    parser.add_argument(
        "--base-url",
        default=default(None),
        help=f"API root (default: ${BASE_URL_VARIABLE}, else Pachca's)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        default=default(False),
        help="print the answer as JSON, every field of the model",
    )
    parser.add_argument(
        "--timeout",
        type=_positive_number,
        default=default(None),
        metavar="SECONDS",
        help="give up on a request after this long (default: 30, connect 10)",
    )
    parser.add_argument(
        "--max-retries",
        type=int,
        default=default(DEFAULT_MAX_RETRIES),
        metavar="N",
        help=(
            "retries of a request the API may answer later "
            f"(default: {DEFAULT_MAX_RETRIES})"
        ),
    )
    parser.add_argument(
        "--allow-insecure-http",
        action="store_true",
        default=default(False),
        help="allow a plain http:// base URL on a host other than loopback",
    )
    parser.add_argument(
        "--verbose",
        action="store_true",
        default=default(False),
        help="log requests and retries to stderr (never the token)",
    )


def _add_status_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--emoji", required=True, help="one emoji, e.g. 🏖")
    parser.add_argument("--title", required=True, help="at most 50 characters")
    expiry = parser.add_mutually_exclusive_group()
    expiry.add_argument(
        "--expires-in",
        type=parse_duration,
        metavar="DURATION",
        help="clear the status after this long: 90s, 30m, 2h, 1d, 1h30m",
    )
    expiry.add_argument(
        "--expires-at",
        type=parse_instant,
        metavar="ISO",
        help="clear the status at this instant, e.g. 2027-03-10T09:00:00Z",
    )
    parser.add_argument(
        "--away",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="mark yourself as away (or not)",
    )
    parser.add_argument(
        "--away-message", metavar="TEXT", help="auto-reply, at most 1024 characters"
    )


_DURATION = re.compile(
    r"(?:(?P<days>\d+)d)?(?:(?P<hours>\d+)h)?"
    r"(?:(?P<minutes>\d+)m)?(?:(?P<seconds>\d+)s)?"
)


def parse_duration(text: str) -> dt.timedelta:
    """A positive duration such as ``90s``, ``30m``, ``2h``, ``1d``, ``1h30m``.

    Raises ``argparse.ArgumentTypeError`` for anything else.
    """
    if text.strip().startswith("-"):
        raise argparse.ArgumentTypeError(
            f"{text!r} is negative; a duration must be positive, such as 30m"
        )
    match = _DURATION.fullmatch(text.strip().lower())
    if not text.strip() or match is None:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a duration; write it like 90s, 30m, 2h, 1d or 1h30m"
        )

    parts = {unit: int(value or 0) for unit, value in match.groupdict().items()}
    duration = dt.timedelta(**parts)
    if duration <= dt.timedelta(0):
        raise argparse.ArgumentTypeError(f"{text!r} is not longer than zero")
    return duration


def parse_instant(text: str) -> dt.datetime:
    """An ISO-8601 instant with its time zone, ``Z`` included.

    Raises ``argparse.ArgumentTypeError`` for a malformed or naive one.
    """
    value = text.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"

    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an ISO-8601 instant, e.g. 2027-03-10T09:00:00Z"
        ) from None

    if moment.utcoffset() is None:
        raise argparse.ArgumentTypeError(
            f"{text!r} has no time zone; add Z for UTC or an offset like +03:00"
        )
    return moment


def _joined_negative_durations(arguments: Sequence[str]) -> list[str]:
    """``arguments`` with ``--expires-in -5m`` written ``--expires-in=-5m``.

    argparse takes a value that starts with ``-`` and is not a plain
    number for an option, and would answer "expected one argument";
    joined, the value reaches ``parse_duration``, which says what is wrong.
    """
    joined: list[str] = []
    waiting = False
    for argument in arguments:
        if waiting and re.match(r"-\d", argument):
            joined[-1] = f"{joined[-1]}={argument}"
        else:
            joined.append(argument)
        waiting = argument == "--expires-in"
    return joined


def _positive_number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None

    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not greater than zero")
    return value


# Errors, logging and the token.


def _describe(error: BaseException, options: argparse.Namespace) -> str:
    """The one line that explains ``error`` to a person."""
    if isinstance(error, UsageError):
        return str(error)

    if isinstance(error, (InvalidInputError, PachcaError)):
        return in_command_line_terms(str(error), options)

    if isinstance(error, httpx.TransportError):
        return f"network failure: {type(error).__name__}: {error}"
    return (
        f"unexpected {type(error).__name__}: {error} "
        "(run with --verbose for the details)"
    )


# The client's messages name its Python arguments ("pass
# allow_insecure_http=True"); a person at the shell gave flags or variables.
# The one table of those spellings, longest first, so that "token=..." is
# replaced whole before "token=".
_PYTHON_SPELLINGS = (
    "allow_insecure_http=True",
    "given as token=",
    "token=...",
    "timeout=",
    "max_retries",
    "base_url",
    "expires_at",
    "away_message",
    "is_away",
    "entity_type",
    "timedelta",
)
_PYTHON_SPELLING = re.compile(
    r"'[^']*'|\"[^\"]*\"|(?<![\w.-])("
    + "|".join(re.escape(spelling) for spelling in _PYTHON_SPELLINGS)
    + r")(?!\w)"
)


def in_command_line_terms(message: str, options: argparse.Namespace) -> str:
    """``message`` with the client's argument names spelled as the CLI's.

    ``max_retries`` becomes ``--max-retries``, ``allow_insecure_http=True``
    ``--allow-insecure-http``; a token or base URL that came from the
    environment is named by its variable, an expiry by the flag given.
    Words inside quotes (a value the message repeats) are left alone.
    """
    given = vars(options)
    token = "given as --token" if given.get("token") else f"in {TOKEN_VARIABLE}"
    base_url = "--base-url" if given.get("base_url") else BASE_URL_VARIABLE
    expiry = "--expires-in" if given.get("expires_in") else "--expires-at"
    flags = {
        "allow_insecure_http=True": "--allow-insecure-http",
        "given as token=": token,
        "token=...": "--token",
        "timeout=": "--timeout",
        "max_retries": "--max-retries",
        "base_url": base_url,
        "expires_at": expiry,
        "away_message": "--away-message",
        "is_away": "--away",
        "entity_type": "--entity-type",
        "timedelta": "duration (--expires-in)",
    }
    return _PYTHON_SPELLING.sub(
        lambda found: flags.get(found.group(1) or "", found.group(0)), message
    )


def _complain(err: TextIO, message: str, secrets: Sequence[str]) -> None:
    err.write(_redact(f"{PROG}: error: {message}", secrets) + "\n")


def _secrets(arguments: Sequence[str], environ: Mapping[str, str]) -> list[str]:
    """Every token the command line or the environment holds."""
    found = [environ.get(TOKEN_VARIABLE, "").strip()]
    for index, argument in enumerate(arguments):
        if argument == "--token" and index + 1 < len(arguments):
            found.append(arguments[index + 1].strip())
        elif argument.startswith("--token="):
            found.append(argument.removeprefix("--token=").strip())
    return [secret for secret in found if secret]


def _redact(text: str, secrets: Sequence[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, REDACTED)
    return text


class _RedactingFormatter(logging.Formatter):
    def __init__(self, secrets: Sequence[str]) -> None:
        super().__init__("%(name)s: %(message)s")
        self._secrets = secrets

    def format(self, record: logging.LogRecord) -> str:
        return _redact(super().format(record), self._secrets)


@contextlib.contextmanager
def _logging_to(
    err: TextIO, *, verbose: bool, secrets: Sequence[str]
) -> Iterator[None]:
    """Send the package's and httpx's log records to ``err`` meanwhile.

    Records go out from DEBUG with ``verbose``, else from WARNING; every
    line, traceback included, has the known tokens blanked out.
    """
    handler = logging.StreamHandler(err)
    handler.setFormatter(_RedactingFormatter(secrets))
    level = logging.DEBUG if verbose else logging.WARNING
    loggers = [logging.getLogger("pachca_profile"), logging.getLogger("httpx")]
    previous = [each.level for each in loggers]

    for each in loggers:
        each.setLevel(level)
        each.addHandler(handler)
    try:
        yield
    finally:
        for each, old_level in zip(loggers, previous, strict=True):
            each.removeHandler(handler)
            each.setLevel(old_level)


def _argparse_exit_code(exit_: SystemExit) -> int:
    """``--help`` exits 0; argparse exits 2 for anything it refuses."""
    code = exit_.code
    if code is None or code == 0:
        return ExitCode.OK
    return ExitCode.USAGE


def _console(stream: TextIO) -> TextIO:
    """``stream``, made to print an emoji the terminal's encoding lacks as
    an escape rather than fail."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="backslashreplace")
    return stream
