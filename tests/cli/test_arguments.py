"""The command line parsed in-process: options, durations, usage errors.

No request reaches a server here: every command either fails before the
client is built or is refused by the client's input checks, and the base
URL is a closed loopback port, so a request sent by mistake would end in
exit code 5 instead of the 2 these tests expect.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import io

import httpx
import pytest

from pachca_profile import PachcaClient
from pachca_profile.cli import (
    ExitCode,
    build_parser,
    in_command_line_terms,
    installed_version,
    main,
    parse_duration,
    parse_instant,
)
from pachca_profile.errors import error_from_transport

NOWHERE = "http://127.0.0.1:9"
TOKEN = "cli-argument-test-token-0123456789"


def run_cli(*argv: str, environ: dict[str, str] | None = None) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    env = {"PACHCA_TOKEN": TOKEN, "PACHCA_BASE_URL": NOWHERE}
    if environ is not None:
        env = environ

    code = main(list(argv), stdout=stdout, stderr=stderr, environ=env)

    return code, stdout.getvalue(), stderr.getvalue()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("90s", dt.timedelta(seconds=90)),
        ("30m", dt.timedelta(minutes=30)),
        ("2h", dt.timedelta(hours=2)),
        ("1d", dt.timedelta(days=1)),
        ("1h30m", dt.timedelta(hours=1, minutes=30)),
        ("1D2H", dt.timedelta(days=1, hours=2)),
    ],
)
def test_durations_read_days_hours_minutes_and_seconds(
    text: str, expected: dt.timedelta
) -> None:
    duration = parse_duration(text)

    assert duration == expected


@pytest.mark.parametrize("text", ["", "2", "2x", "h", "0m", "1m2h", "-1h"])
def test_durations_that_are_malformed_or_zero_are_refused(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        parse_duration(text)


def test_an_instant_ending_in_z_is_utc() -> None:
    moment = parse_instant("2026-03-10T09:00:00Z")

    assert moment == dt.datetime(2026, 3, 10, 9, tzinfo=dt.timezone.utc)


def test_an_instant_keeps_its_offset() -> None:
    moment = parse_instant("2026-03-10T12:00:00+03:00")

    assert moment.utcoffset() == dt.timedelta(hours=3)
    assert moment == dt.datetime(2026, 3, 10, 9, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize("text", ["2026-03-10T09:00:00", "tomorrow", "2026-13-01Z"])
def test_an_instant_without_time_zone_or_malformed_is_refused(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        parse_instant(text)


@pytest.mark.parametrize(
    "argv",
    [
        ["--json", "--token", "t", "status"],
        ["status", "--json", "--token", "t"],
        ["--token", "t", "status", "--json"],
    ],
)
def test_global_options_are_accepted_before_and_after_the_command(
    argv: list[str],
) -> None:
    options = build_parser().parse_args(argv)

    assert options.json is True
    assert options.token == "t"


def test_an_option_before_the_command_is_not_reset_by_the_command() -> None:
    options = build_parser().parse_args(
        [
            "--base-url",
            "http://127.0.0.1:1",
            "--max-retries",
            "0",
            "status",
            "set",
            "--emoji",
            "x",
            "--title",
            "y",
        ]
    )

    assert options.base_url == "http://127.0.0.1:1"
    assert options.max_retries == 0
    assert options.emoji == "x"


def test_status_set_reads_expiry_away_and_message() -> None:
    options = build_parser().parse_args(
        [
            "status",
            "set",
            "--emoji",
            "🏖",
            "--title",
            "Off",
            "--expires-in",
            "2h",
            "--away",
            "--away-message",
            "Back soon",
        ]
    )

    assert options.expires_in == dt.timedelta(hours=2)
    assert options.expires_at is None
    assert options.away is True
    assert options.away_message == "Back soon"


def test_status_set_leaves_away_unset_unless_asked() -> None:
    options = build_parser().parse_args(
        ["status", "set", "--emoji", "x", "--title", "y"]
    )

    assert options.away is None


def test_custom_properties_default_to_users() -> None:
    options = build_parser().parse_args(["custom-properties"])

    assert options.entity_type == "User"


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        ([], "COMMAND"),
        (["nonsense"], "nonsense"),
        (["status", "set", "--title", "Lunch"], "--emoji"),
        (
            [
                "status",
                "set",
                "--emoji",
                "x",
                "--title",
                "y",
                "--expires-in",
                "2h",
                "--expires-at",
                "2026-03-10T09:00:00Z",
            ],
            "not allowed with",
        ),
        (
            ["status", "set", "--emoji", "x", "--title", "y", "--expires-in", "soon"],
            "soon",
        ),
        (["custom-properties", "--entity-type", "Chat"], "Chat"),
        (["avatar"], "set or delete"),
        (["avatar", "set"], "FILE"),
        (["--timeout", "0", "profile"], "greater than zero"),
    ],
)
def test_a_usage_error_exits_2_with_one_line_naming_the_problem(
    argv: list[str], named: str
) -> None:
    code, stdout, stderr = run_cli(*argv)

    assert code == ExitCode.USAGE
    assert stdout == ""
    assert stderr.count("\n") == 1
    assert stderr.startswith("pachca-profile: error: ")
    assert named in stderr


def test_a_title_of_51_characters_is_refused_naming_the_limit_of_50() -> None:
    code, _, stderr = run_cli("status", "set", "--emoji", "🏖", "--title", "x" * 51)

    assert code == ExitCode.USAGE
    assert "title" in stderr
    assert "50" in stderr
    assert stderr.count("\n") == 1


def test_an_expiry_in_the_past_is_refused_before_sending() -> None:
    code, stdout, stderr = run_cli(
        "status", "set", "--emoji", "🍽", "--title", "Lunch",
        "--expires-at", "2020-03-10T13:00:00+03:00",
    )  # fmt: skip

    assert code == ExitCode.USAGE
    assert stdout == ""
    assert "--expires-at is 2020-03-10T10:00:00Z" in stderr
    assert "not in the future" in stderr
    assert "or a duration (--expires-in)" in stderr
    assert "timedelta" not in stderr
    assert stderr.count("\n") == 1


def test_a_missing_token_is_a_usage_error_naming_the_variable() -> None:
    code, _, stderr = run_cli("profile", environ={"PACHCA_BASE_URL": NOWHERE})

    assert code == ExitCode.USAGE
    assert "PACHCA_TOKEN" in stderr


def test_plain_http_to_another_host_is_refused_before_sending() -> None:
    code, _, stderr = run_cli("--base-url", "http://pachca.invalid/api", "profile")

    assert code == ExitCode.USAGE
    assert "http" in stderr


@pytest.mark.parametrize(
    ("argv", "environ", "flag_spelling", "python_spelling"),
    [
        (
            ["--base-url", "http://pachca.invalid/api", "profile"],
            {"PACHCA_TOKEN": TOKEN},
            "pass --allow-insecure-http if you mean it",
            "allow_insecure_http=True",
        ),
        (
            ["--max-retries", "-1", "profile"],
            {"PACHCA_TOKEN": TOKEN, "PACHCA_BASE_URL": NOWHERE},
            "--max-retries is -1; it must be >= 0",
            "max_retries",
        ),
        (
            ["profile"],
            {"PACHCA_TOKEN": TOKEN, "PACHCA_BASE_URL": "ftp://127.0.0.1/api"},
            "PACHCA_BASE_URL must be an http or https URL",
            "base_url",
        ),
        (
            ["--base-url", "ftp://127.0.0.1/api", "profile"],
            {"PACHCA_TOKEN": TOKEN},
            "--base-url must be an http or https URL",
            "base_url",
        ),
        (
            ["--token", "two words", "profile"],
            {"PACHCA_BASE_URL": NOWHERE},
            "the access token given as --token holds",
            "token=",
        ),
        (
            ["profile"],
            {"PACHCA_TOKEN": "two words", "PACHCA_BASE_URL": NOWHERE},
            "the access token in PACHCA_TOKEN holds",
            "token=",
        ),
    ],
)
def test_a_refusal_names_the_flag_or_variable_not_the_python_argument(
    argv: list[str], environ: dict[str, str], flag_spelling: str, python_spelling: str
) -> None:
    code, _, stderr = run_cli(*argv, environ=environ)

    assert code == ExitCode.USAGE
    assert flag_spelling in stderr
    assert python_spelling not in stderr


def test_a_timeout_advises_the_timeout_flag() -> None:
    timeout = error_from_transport(httpx.ReadTimeout("slow"))
    options = build_parser().parse_args(["profile"])

    message = in_command_line_terms(str(timeout), options)

    assert message.endswith("try again or raise --timeout")


def test_the_library_keeps_its_python_spelling() -> None:
    with pytest.raises(ValueError, match="allow_insecure_http=True"):
        PachcaClient(token=TOKEN, base_url="http://pachca.invalid/api")


def test_a_value_quoted_in_a_message_is_not_rewritten() -> None:
    options = build_parser().parse_args(["profile"])

    message = in_command_line_terms("base_url is 'http://h/base_url/v1'", options)

    assert message == "PACHCA_BASE_URL is 'http://h/base_url/v1'"


def test_an_unreadable_avatar_file_is_a_usage_error() -> None:
    code, _, stderr = run_cli("avatar", "set", "/nonexistent/avatar.png")

    assert code == ExitCode.USAGE
    assert "/nonexistent/avatar.png" in stderr


def test_a_token_quoted_in_a_usage_error_is_hidden() -> None:
    secret = "quoted-secret-token-42"

    code, stdout, stderr = run_cli("--token", secret, "profile", secret)

    assert code == ExitCode.USAGE
    assert secret not in stderr + stdout
    assert "[token hidden]" in stderr


def test_the_environment_token_is_hidden_too() -> None:
    code, _, stderr = run_cli(
        "profile", TOKEN, environ={"PACHCA_TOKEN": TOKEN, "PACHCA_BASE_URL": NOWHERE}
    )

    assert code == ExitCode.USAGE
    assert TOKEN not in stderr


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run_cli("--help")

    assert code == ExitCode.OK
    assert "status" in capsys.readouterr().out


def test_help_does_not_show_the_token_from_the_environment(
    capsys: pytest.CaptureFixture[str],
) -> None:
    run_cli("status", "set", "--help")

    assert TOKEN not in capsys.readouterr().out


@pytest.mark.parametrize("value", ["-5m", "-1h30m"])
def test_a_negative_duration_is_called_negative_not_a_missing_argument(
    value: str,
) -> None:
    code, stdout, stderr = run_cli(
        "status", "set", "--emoji", "🍽", "--title", "Lunch", "--expires-in", value
    )

    assert code == ExitCode.USAGE
    assert stdout == ""
    assert f"'{value}' is negative; a duration must be positive" in stderr
    assert "expected one argument" not in stderr


def test_an_option_after_expires_in_is_still_missing_its_value() -> None:
    code, _, stderr = run_cli(
        "status", "set", "--emoji", "🍽", "--title", "Lunch", "--expires-in", "--away"
    )

    assert code == ExitCode.USAGE
    assert "expected one argument" in stderr


def test_version_prints_the_installed_version(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, _ = run_cli("--version")

    assert code == ExitCode.OK
    expected = importlib.metadata.version("pachca-profile")
    assert capsys.readouterr().out == f"pachca-profile {expected}\n"


def test_the_version_of_a_source_tree_never_installed_is_unknown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def not_installed(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", not_installed)

    assert installed_version() == "unknown"
