"""Which exit code each kind of failure gets, error by error."""

from __future__ import annotations

import argparse
import io
import re
from pathlib import Path

import httpx
import pytest

from pachca_profile import cli
from pachca_profile.cli import ExitCode, UsageError, build_parser, exit_code
from pachca_profile.errors import (
    InvalidInputError,
    ResponseParseError,
    error_from_response,
    error_from_transport,
)

REQUEST = httpx.Request("GET", "http://127.0.0.1:9/profile")


def answered(status: int) -> httpx.Response:
    return httpx.Response(status, json={"errors": []}, request=REQUEST)


@pytest.mark.parametrize("status", [401, 403])
def test_a_refused_token_or_scope_exits_3(status: int) -> None:
    assert exit_code(error_from_response(answered(status))) == ExitCode.AUTHENTICATION


@pytest.mark.parametrize("status", [400, 402, 404, 409, 422, 429, 500, 502, 503])
def test_any_other_api_answer_exits_4(status: int) -> None:
    assert exit_code(error_from_response(answered(status))) == ExitCode.API


def test_an_answer_that_cannot_be_read_exits_4() -> None:
    error = ResponseParseError.from_response(answered(200), reason="not JSON")

    assert exit_code(error) == ExitCode.API


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ConnectError("refused"),
        httpx.ReadTimeout("slow"),
        httpx.RemoteProtocolError("cut"),
    ],
)
def test_a_transport_failure_exits_5(failure: httpx.TransportError) -> None:
    assert exit_code(error_from_transport(failure, REQUEST)) == ExitCode.NETWORK
    assert exit_code(failure) == ExitCode.NETWORK


def test_refused_input_and_usage_exit_2() -> None:
    refused = InvalidInputError("title", 50, "title is 51 characters long")

    assert exit_code(refused) == ExitCode.USAGE
    assert exit_code(UsageError("no token")) == ExitCode.USAGE


def test_anything_else_exits_1() -> None:
    assert exit_code(RuntimeError("a bug")) == ExitCode.UNEXPECTED


def test_ctrl_c_exits_130_with_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(options: argparse.Namespace, *, environ: object) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "run", interrupted)
    stderr = io.StringIO()

    code = cli.main(["profile"], stdout=io.StringIO(), stderr=stderr, environ={})

    assert code == ExitCode.INTERRUPTED == 130
    assert stderr.getvalue() == "pachca-profile: error: interrupted\n"


def test_help_names_every_exit_code_but_the_unexpected_one() -> None:
    epilog = build_parser().epilog or ""

    for code in ExitCode:
        if code != ExitCode.UNEXPECTED:
            assert f"{code.value} " in epilog


def test_the_readme_table_has_a_row_for_every_exit_code() -> None:
    readme = Path(__file__).parents[2] / "README.md"
    rows = re.findall(r"^\| (\d+) \|", readme.read_text(encoding="utf-8"), re.M)

    assert sorted(int(row) for row in rows) == sorted(ExitCode)
