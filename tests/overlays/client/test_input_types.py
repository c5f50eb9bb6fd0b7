"""Arguments of the wrong type are refused before anything is sent, naming
the argument, rather than coerced or left to fail deep in a library."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from pachca_profile import InvalidInputError

from .fakes import STATUS, Answers, Run

EAST = dt.timezone(dt.timedelta(hours=14))

REFUSED: list[tuple[str, dict[str, Any], str]] = [
    ("set_status", {"emoji": "🌴", "title": "Away", "is_away": "false"}, "is_away"),
    ("set_status", {"emoji": "🌴", "title": "Away", "is_away": 1}, "is_away"),
    ("set_status", {"emoji": "🌴", "title": "a\ud800"}, "title"),
    ("set_status", {"emoji": "\udfff", "title": "Away"}, "emoji"),
    (
        "set_status",
        {"emoji": "🌴", "title": "Away", "away_message": "\udfff"},
        "away_message",
    ),
    (
        "set_status",
        {
            "emoji": "🌴",
            "title": "Away",
            "expires_at": dt.timedelta(days=999_999_999),
        },
        "expires_at",
    ),
    (
        "set_status",
        {
            "emoji": "🌴",
            "title": "Away",
            "expires_at": dt.datetime(1, 1, 1, tzinfo=EAST),
        },
        "expires_at",
    ),
]


@pytest.mark.parametrize(
    ("method", "arguments", "field"),
    REFUSED,
    ids=[f"{case[0]}-{case[2]}-{n}" for n, case in enumerate(REFUSED)],
)
def test_an_argument_of_the_wrong_kind_is_refused_before_any_request(
    call: Run,
    answers: Answers,
    method: str,
    arguments: dict[str, Any],
    field: str,
) -> None:
    answers.add(200, {"data": STATUS})

    with pytest.raises(InvalidInputError) as caught:
        call(method, **arguments)

    assert caught.value.field == field
    assert field in str(caught.value)
    assert answers.requests == []


@pytest.mark.parametrize("is_away", [True, False])
def test_is_away_is_sent_as_the_bool_given(
    call: Run, answers: Answers, is_away: bool
) -> None:
    answers.add(200, {"data": STATUS})

    call("set_status", emoji="🌴", title="Away", is_away=is_away)

    [request] = answers.requests
    expected = b'"is_away":true' if is_away else b'"is_away":false'
    assert expected in request.content.replace(b" ", b"")


def test_a_directory_is_refused_as_an_image(
    call: Run, answers: Answers, tmp_path: Path
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        call("set_avatar", tmp_path)

    assert caught.value.field == "image"
    assert "directory" in str(caught.value)
    assert answers.requests == []


def test_a_closed_file_is_refused_as_an_image(
    call: Run, answers: Answers, tmp_path: Path
) -> None:
    path = tmp_path / "face.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\nrest")
    with path.open("rb") as stream:
        pass

    with pytest.raises(InvalidInputError) as caught:
        call("set_avatar", stream)

    assert caught.value.field == "image"
    assert "closed" in str(caught.value)


def test_a_naive_clock_is_blamed_not_expires_at(call: Run, answers: Answers) -> None:
    def naive_now() -> dt.datetime:
        return dt.datetime(2026, 12, 4, 12, 0)

    with pytest.raises(InvalidInputError) as caught:
        call(
            "set_status",
            emoji="🌴",
            title="Away",
            expires_at=dt.timedelta(hours=1),
            options={"now": naive_now},
        )

    assert caught.value.field == "now"
    assert "clock" in str(caught.value)
    assert answers.requests == []


@pytest.mark.parametrize("emoji", [5, None, b"\xf0\x9f\x8c\xb4"])
def test_an_emoji_that_is_not_a_string_is_called_so(
    call: Run, answers: Answers, emoji: object
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        call("set_status", emoji=emoji, title="Away")

    assert caught.value.field == "emoji"
    assert caught.value.limit == "a string"
    assert str(caught.value) == f"emoji must be a string, not {type(emoji).__name__}"
    assert answers.requests == []
