"""Every RFC 3339 date-time the API may send parses, on every Python supported.

Python 3.10's ``fromisoformat`` refuses ``Z`` and fractions that are not 3
or 6 digits long; Prism's generated answers (``12.0Z``) found the second.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pachca_profile_api.models import UserStatus
from pachca_profile_api.types import parse_datetime

UTC = dt.timezone.utc


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("2026-03-10T09:00:00Z", dt.datetime(2026, 3, 10, 9, tzinfo=UTC)),
        ("2026-03-10T09:00:00.0Z", dt.datetime(2026, 3, 10, 9, tzinfo=UTC)),
        ("2026-03-10T09:00:00.000Z", dt.datetime(2026, 3, 10, 9, tzinfo=UTC)),
        (
            "2026-03-10T09:00:00.12345z",
            dt.datetime(2026, 3, 10, 9, 0, 0, 123450, tzinfo=UTC),
        ),
        (
            "2026-03-10T12:00:00.1234567+03:00",
            dt.datetime(2026, 3, 10, 9, 0, 0, 123456, tzinfo=UTC),
        ),
        ("2026-03-10T12:00:00+03:00", dt.datetime(2026, 3, 10, 9, tzinfo=UTC)),
    ],
)
def test_an_rfc_3339_date_time_parses(text: str, instant: dt.datetime) -> None:
    assert parse_datetime(text) == instant


def test_a_status_expiry_with_a_one_digit_fraction_is_read() -> None:
    status = UserStatus.from_dict(
        {
            "emoji": "🏖",
            "title": "Away",
            "expires_at": "1930-09-25T12:57:12.0Z",
            "is_away": False,
            "away_message": None,
        }
    )

    assert status.expires_at == dt.datetime(1930, 9, 25, 12, 57, 12, tzinfo=UTC)
