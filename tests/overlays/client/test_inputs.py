"""Inputs that break a documented limit are refused before anything is sent."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest

from pachca_profile import InvalidInputError
from pachca_profile.validation import expiry_instant, read_image

from .fakes import STATUS, Answers, Run

AWARE = dt.datetime(2026, 12, 31, 18, tzinfo=dt.timezone.utc)
NOON = dt.datetime(2026, 12, 4, 12, tzinfo=dt.timezone.utc)

REFUSED: list[tuple[str, dict[str, Any], str, object]] = [
    ("set_status", {"emoji": "🌴", "title": "x" * 51}, "title", 50),
    ("set_status", {"emoji": "🌴", "title": "🎉" * 51}, "title", 50),
    (
        "set_status",
        {"emoji": "🌴", "title": "Away", "away_message": "x" * 1025},
        "away_message",
        1024,
    ),
    ("set_status", {"emoji": "", "title": "Away"}, "emoji", "a non-blank string"),
    ("set_status", {"emoji": "  ", "title": "Away"}, "emoji", "a non-blank string"),
    (
        "set_status",
        {"emoji": "🌴", "title": "Away", "expires_at": dt.datetime(2026, 12, 31)},
        "expires_at",
        "a timezone-aware datetime",
    ),
    (
        "set_status",
        {"emoji": "🌴", "title": "Away", "expires_at": dt.timedelta(minutes=-5)},
        "expires_at",
        "a positive timedelta",
    ),
    (
        "set_status",
        {"emoji": "🌴", "title": "Away", "expires_at": "2026-12-31T18:00:00Z"},
        "expires_at",
        "a timezone-aware datetime or a timedelta",
    ),
    (
        "list_custom_properties",
        {"entity_type": "Chat"},
        "entity_type",
        ("User", "Task"),
    ),
    (
        "list_custom_properties",
        {"entity_type": "user"},
        "entity_type",
        ("User", "Task"),
    ),
    ("set_avatar", {"image": b""}, "image", "not empty"),
    ("set_avatar", {"image": io.StringIO("text")}, "image", "a binary file"),
    ("set_avatar", {"image": 42}, "image", "bytes, a path or a binary file"),
]


@pytest.mark.parametrize(
    ("method", "arguments", "field", "limit"),
    REFUSED,
    ids=[f"{case[0]}-{case[2]}-{n}" for n, case in enumerate(REFUSED)],
)
def test_a_broken_limit_is_refused_before_any_request(
    call: Run,
    answers: Answers,
    method: str,
    arguments: dict[str, Any],
    field: str,
    limit: object,
) -> None:
    answers.add(200, {"data": STATUS})

    with pytest.raises(InvalidInputError) as caught:
        call(method, **arguments)

    assert isinstance(caught.value, ValueError)
    assert (caught.value.field, caught.value.limit) == (field, limit)
    assert field in str(caught.value)
    assert answers.requests == []


def test_the_limits_are_counted_inclusively(call: Run, answers: Answers) -> None:
    answers.add(200, {"data": STATUS})

    call("set_status", emoji="🌴", title="x" * 50, away_message="y" * 1024)

    assert len(answers.requests) == 1


def test_an_aware_expiry_is_written_in_utc_with_z() -> None:
    tokyo = dt.timezone(dt.timedelta(hours=9))

    written = expiry_instant(
        dt.datetime(2027, 1, 1, 3, 0, 0, 250000, tzinfo=tokyo), now=lambda: NOON
    )

    assert written == "2026-12-31T18:00:00.250000Z"


@pytest.mark.parametrize(
    "expires_at",
    [
        NOON,
        NOON - dt.timedelta(microseconds=1),
        dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc),
        # 14:59 in UTC+3 is 11:59 in UTC, a minute before noon
        dt.datetime(2026, 12, 4, 14, 59, tzinfo=dt.timezone(dt.timedelta(hours=3))),
    ],
)
def test_an_expiry_not_in_the_future_is_refused_before_any_request(
    call: Run, answers: Answers, expires_at: dt.datetime
) -> None:
    answers.add(200, {"data": STATUS})

    with pytest.raises(InvalidInputError) as caught:
        call(
            "set_status",
            emoji="🍽",
            title="Lunch",
            expires_at=expires_at,
            options={"now": lambda: NOON},
        )

    assert caught.value.field == "expires_at"
    assert caught.value.limit == "an instant in the future"
    assert "not in the future" in str(caught.value)
    assert answers.requests == []


def test_an_expiry_a_microsecond_ahead_of_the_clock_is_sent(
    call: Run, answers: Answers
) -> None:
    answers.add(200, {"data": STATUS})

    call(
        "set_status",
        emoji="🍽",
        title="Lunch",
        expires_at=NOON + dt.timedelta(microseconds=1),
        options={"now": lambda: NOON},
    )

    assert len(answers.requests) == 1


def test_a_timedelta_expiry_counts_from_the_given_clock() -> None:
    written = expiry_instant(dt.timedelta(hours=2), now=lambda: AWARE)

    assert written == "2026-12-31T20:00:00Z"


def test_an_image_file_is_read_from_its_position_with_its_name(
    tmp_path: Path,
) -> None:
    path = tmp_path / "face.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0jpeg-body")

    with path.open("rb") as stream:
        image = read_image(stream)

    assert (image.file_name, image.mime_type) == ("face.jpg", "image/jpeg")
    assert image.content == b"\xff\xd8\xff\xe0jpeg-body"


def test_a_missing_image_path_raises_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_image(tmp_path / "absent.png")
