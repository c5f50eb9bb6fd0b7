"""The ``pachca-profile`` command end to end: a real process, a real socket.

Each test serves the fake Pachca server on a free 127.0.0.1 port and runs
``python -m pachca_profile`` in a subprocess with ``PACHCA_BASE_URL`` and
``PACHCA_TOKEN`` pointing at it. Every run is checked for what must never
happen, whatever the command: the token in stdout or stderr, a traceback,
an error longer than one line.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from pachca_profile import PachcaClient
from pachca_profile.fake import serve

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"
    b"\x00\x00\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xff\x99\x01\x00\x04\x05"
    b"\x01\xfe\xa1\x8c\x9a\xc4\x00\x00\x00\x00IEND\xaeB`\x82"
)


@dataclass(frozen=True)
class Server:
    base_url: str
    token: str


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


@pytest.fixture
def server() -> Iterator[Server]:
    with serve() as served:
        yield Server(base_url=served.base_url, token=served.token)


def cli(*arguments: str, base_url: str, token: str) -> Run:
    """Run the command once and check what no run may ever do."""
    environment = {
        **os.environ,
        "PACHCA_BASE_URL": base_url,
        "PACHCA_TOKEN": token,
        "PYTHONIOENCODING": "utf-8",
    }
    finished = subprocess.run(
        [sys.executable, "-m", "pachca_profile", *arguments],
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
    )
    run = Run(finished.returncode, finished.stdout, finished.stderr)

    assert token not in run.stdout + run.stderr
    assert "Traceback" not in run.stderr
    if run.code != 0:
        assert run.stdout == ""
        assert run.stderr.count("\n") == 1
        assert run.stderr.startswith("pachca-profile: error: ")
    return run


def run_on(server: Server, *arguments: str) -> Run:
    return cli(*arguments, base_url=server.base_url, token=server.token)


def client_of(server: Server) -> PachcaClient:
    return PachcaClient(token=server.token, base_url=server.base_url)


def closed_loopback_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_profile_json_is_the_whole_model(server: Server) -> None:
    with client_of(server) as client:
        expected = client.get_profile().to_dict()

    run = run_on(server, "--json", "profile")

    assert run.code == 0
    assert run.json() == expected


def test_profile_text_names_the_user(server: Server) -> None:
    with client_of(server) as client:
        user = client.get_profile()

    run = run_on(server, "profile")

    assert run.code == 0
    assert f"@{user.nickname}" in run.stdout
    assert f"id            {user.id}" in run.stdout


def test_status_is_reported_absent_when_none_is_set(server: Server) -> None:
    text = run_on(server, "status")
    as_json = run_on(server, "status", "--json")

    assert text.stdout == "No status is set.\n"
    assert as_json.json() is None


def test_status_set_show_and_clear_round_trip(server: Server) -> None:
    before = dt.datetime.now(dt.timezone.utc)

    set_run = run_on(
        server,
        "status",
        "set",
        "--emoji",
        "🏖",
        "--title",
        "On vacation",
        "--expires-in",
        "2h",
        "--away",
        "--away-message",
        "Back on Monday",
        "--json",
    )
    after = dt.datetime.now(dt.timezone.utc)
    shown = run_on(server, "--json", "status")
    text = run_on(server, "status")
    cleared = run_on(server, "--json", "status", "clear")
    gone = run_on(server, "status")

    stored = set_run.json()
    assert set_run.code == 0
    assert stored["emoji"] == "🏖"
    assert stored["title"] == "On vacation"
    assert stored["is_away"] is True
    assert stored["away_message"] == {"text": "Back on Monday"}
    expires_at = dt.datetime.fromisoformat(stored["expires_at"].replace("Z", "+00:00"))
    hours_2 = dt.timedelta(hours=2)
    assert before + hours_2 - dt.timedelta(seconds=1) <= expires_at
    assert expires_at <= after + hours_2 + dt.timedelta(seconds=1)
    assert shown.json() == stored
    assert "Status: 🏖 On vacation" in text.stdout
    assert "Back on Monday" in text.stdout
    assert cleared.code == 0
    assert cleared.json() is None
    assert gone.stdout == "No status is set.\n"


def test_status_set_at_an_instant_with_offset_stores_it_in_utc(
    server: Server,
) -> None:
    run = run_on(
        server,
        "--json",
        "status",
        "set",
        "--emoji",
        "🍽",
        "--title",
        "Lunch",
        "--expires-at",
        "2030-01-02T15:30:00+03:00",
    )

    stored = run.json()
    expires_at = dt.datetime.fromisoformat(stored["expires_at"].replace("Z", "+00:00"))
    assert expires_at == dt.datetime(2030, 1, 2, 12, 30, tzinfo=dt.timezone.utc)
    assert stored["is_away"] is False


def test_status_set_text_says_it_is_set(server: Server) -> None:
    run = run_on(server, "status", "set", "--emoji", "🍽", "--title", "Lunch")

    assert run.code == 0
    assert run.stdout.startswith("Status set.\nStatus: 🍽 Lunch\n")
    assert "never" in run.stdout


@pytest.mark.parametrize("entity_type", ["User", "Task"])
def test_custom_properties_json_lists_every_definition(
    server: Server, entity_type: str
) -> None:
    with client_of(server) as client:
        expected = [
            item.to_dict()
            for item in client.list_custom_properties(entity_type=entity_type)
        ]

    run = run_on(server, "custom-properties", "--entity-type", entity_type, "--json")

    assert run.code == 0
    assert run.json() == expected


def test_custom_properties_text_is_a_table_of_names(server: Server) -> None:
    with client_of(server) as client:
        definitions = client.list_custom_properties()

    run = run_on(server, "custom-properties")

    assert definitions, "the fake seeds custom-property definitions"
    assert "NAME" in run.stdout
    for definition in definitions:
        assert definition.name in run.stdout


def test_avatar_set_then_delete(server: Server, tmp_path: Path) -> None:
    image = tmp_path / "me.png"
    image.write_bytes(PNG)

    stored = run_on(server, "--json", "avatar", "set", str(image))
    profile_with = run_on(server, "--json", "profile")
    text = run_on(server, "avatar", "set", str(image))
    deleted = run_on(server, "--json", "avatar", "delete")
    profile_without = run_on(server, "--json", "profile")

    image_url = stored.json()["image_url"]
    assert stored.code == 0
    assert image_url.startswith("http")
    assert profile_with.json()["image_url"] == image_url
    assert text.stdout.startswith("Avatar stored: http")
    assert deleted.json() == {"image_url": None}
    assert profile_without.json()["image_url"] is None


def test_avatar_delete_text_says_it_is_removed(server: Server) -> None:
    run = run_on(server, "avatar", "delete")

    assert run.code == 0
    assert run.stdout == "Avatar removed.\n"


def test_token_info_json_is_the_whole_model(server: Server) -> None:
    with client_of(server) as client:
        expected = client.get_token_info().to_dict()

    run = run_on(server, "token-info", "--json")

    assert run.code == 0
    assert run.json() == expected


def test_token_info_text_shows_scopes_but_not_the_token(server: Server) -> None:
    with client_of(server) as client:
        info = client.get_token_info()

    run = run_on(server, "token-info")

    assert run.code == 0
    assert f"Token {info.id}" in run.stdout
    assert "scopes" in run.stdout
    assert server.token not in run.stdout


def test_a_51_character_title_exits_2_naming_the_limit(server: Server) -> None:
    run = run_on(server, "status", "set", "--emoji", "🏖", "--title", "x" * 51)
    after = run_on(server, "--json", "status")

    assert run.code == 2
    assert "title" in run.stderr
    assert "50" in run.stderr
    assert after.json() is None


def test_an_unknown_token_exits_3(server: Server) -> None:
    run = cli("profile", base_url=server.base_url, token="not-the-right-token-at-all")

    assert run.code == 3
    assert "401" in run.stderr


def test_an_emoji_the_api_refuses_exits_4(server: Server) -> None:
    run = run_on(server, "status", "set", "--emoji", "x", "--title", "Lunch")

    assert run.code == 4
    assert "422" in run.stderr


def test_a_closed_loopback_port_exits_5() -> None:
    port = closed_loopback_port()

    run = cli(
        "--max-retries",
        "0",
        "profile",
        base_url=f"http://127.0.0.1:{port}",
        token="token-for-a-closed-port-123",
    )

    assert run.code == 5
    assert "127.0.0.1" in run.stderr or "connect" in run.stderr.lower()
