"""tools/drift.py reports each difference from an upstream spec on one line.

The fixtures in tests/fixtures/drift are a small 3.1 contract in the
project's style and a 3.0 upstream-like spec that differs from it in known
ways; the nullable fields written both ways must not be reported.
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "drift"
OURS = FIXTURES / "ours.yaml"
UPSTREAM = FIXTURES / "upstream.yaml"


def run_drift(upstream: str, *, spec: Path = OURS) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "drift.py"),
            upstream,
            "--spec",
            str(spec),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


@pytest.fixture(scope="module")
def report() -> list[str]:
    result = run_drift(str(UPSTREAM))
    assert result.returncode == 1, result.stderr
    return result.stdout.splitlines()


def test_a_field_only_upstream_has_is_reported(report: list[str]) -> None:
    assert (
        "GET /profile: response 200 body.data.email: missing here (upstream has it)"
        in report
    )


def test_a_field_only_this_spec_has_is_reported(report: list[str]) -> None:
    assert "GET /profile: response 200 body.data.time_zone: missing upstream" in report


def test_an_operation_upstream_lacks_is_reported(report: list[str]) -> None:
    assert "GET /only/here: operation missing upstream" in report


def test_upstream_operations_this_spec_does_not_cover_are_ignored(
    report: list[str],
) -> None:
    assert not [line for line in report if "/chats" in line]


def test_an_enum_value_only_upstream_lists_is_reported(report: list[str]) -> None:
    assert (
        "GET /profile: response 200 body.data.role: enum values missing here: guest"
        in report
    )


def test_different_nullability_is_reported(report: list[str]) -> None:
    assert (
        "GET /profile: response 200 body.data.nickname: nullable upstream, not here"
        in report
    )


def test_a_different_constraint_is_reported(report: list[str]) -> None:
    assert (
        "GET /profile: response 200 body.data.title: maxLength 50 here, 255 upstream"
        in report
    )


def test_a_status_only_upstream_documents_is_reported_once(report: list[str]) -> None:
    lines = [line for line in report if "response 403" in line]

    assert lines == ["GET /profile: response 403: missing here (upstream has it)"]


def test_nullable_written_the_30_and_31_ways_is_equal(report: list[str]) -> None:
    # status: allOf + nullable upstream, anyOf [$ref, null] here;
    # title: nullable: true upstream, type [string, null] here.
    assert not [line for line in report if "body.data.status" in line]
    assert not [line for line in report if "title: nullable" in line]


def test_extra_error_statuses_of_this_spec_are_not_reported(report: list[str]) -> None:
    assert not [line for line in report if "429" in line]


def test_the_report_is_exactly_the_known_differences(report: list[str]) -> None:
    assert len(report) == 7


def test_a_spec_compared_with_itself_reports_nothing() -> None:
    result = run_drift(str(OURS))

    assert (result.returncode, result.stdout) == (0, "")


def test_an_unreadable_upstream_exits_2(tmp_path: Path) -> None:
    result = run_drift(str(tmp_path / "absent.yaml"))

    assert result.returncode == 2
    assert "cannot read a spec" in result.stderr


@pytest.fixture
def served_fixtures() -> Iterator[str]:
    handler = functools.partial(
        http.server.SimpleHTTPRequestHandler, directory=str(FIXTURES)
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_an_upstream_url_is_read_like_a_path(
    served_fixtures: str, report: list[str]
) -> None:
    result = run_drift(f"{served_fixtures}/upstream.yaml")

    assert result.stdout.splitlines() == report
