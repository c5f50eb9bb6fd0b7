"""What the readable output says, from models built as the API answers."""

from __future__ import annotations

import json
from typing import Any

from pachca_profile.cli_render import (
    render_custom_properties,
    render_profile,
    render_status,
    render_token_info,
    to_json,
)
from pachca_profile_api.models import (
    AccessTokenInfo,
    CustomPropertyDefinition,
    User,
    UserStatus,
)

STATUS: dict[str, Any] = {
    "emoji": "🏖",
    "title": "On vacation",
    "expires_at": "2026-03-10T12:00:00.000+03:00",
    "is_away": True,
    "away_message": {"text": "Back on 10 March"},
}

USER: dict[str, Any] = {
    "id": 186,
    "first_name": None,
    "last_name": None,
    "nickname": "newcomer",
    "email": "newcomer@example.com",
    "phone_number": None,
    "department": "",
    "title": None,
    "role": "superhero",
    "suspended": False,
    "invite_status": "sent",
    "inviter_id": 12,
    "list_tags": [],
    "custom_properties": [
        {
            "id": 1,
            "name": "A custom property of 32 chars...",
            "data_type": "string",
            "value": "kept apart",
        }
    ],
    "user_status": None,
    "bot": False,
    "sso": False,
    "created_at": "2026-11-30T08:00:00.000Z",
    "last_activity_at": None,
    "time_zone": None,
    "image_url": None,
    "shoe_size": 44,
}


def test_a_profile_without_a_name_is_headed_by_the_nickname() -> None:
    text = render_profile(User.from_dict(USER))

    assert text.splitlines()[0] == "@newcomer"


def test_a_profile_shows_empty_fields_as_a_dash_and_unknown_roles_raw() -> None:
    lines = render_profile(User.from_dict(USER)).splitlines()

    assert "  department    -" in lines
    assert "  role          superhero" in lines
    assert "  status        -" in lines


def test_a_long_custom_property_name_stays_apart_from_its_value() -> None:
    text = render_profile(User.from_dict(USER))

    assert "A custom property of 32 chars...  kept apart" in text


def test_a_status_shows_expiry_in_utc_and_the_away_message() -> None:
    lines = render_status(UserStatus.from_dict(STATUS)).splitlines()

    assert lines == [
        "Status: 🏖 On vacation",
        "  expires       2026-03-10 09:00 UTC",
        "  away          yes",
        "  away message  Back on 10 March",
    ]


def test_no_status_says_so() -> None:
    assert render_status(None) == "No status is set."


def test_custom_properties_are_a_table_with_a_header() -> None:
    definitions = [
        CustomPropertyDefinition.from_dict(
            {"id": 7, "name": "City", "data_type": "string"}
        ),
        CustomPropertyDefinition.from_dict(
            {"id": 1680, "name": "Desk", "data_type": "rgb"}
        ),
    ]

    text = render_custom_properties(definitions, entity_type="User")

    assert text.splitlines() == [
        "Custom properties of User",
        "  ID    NAME  TYPE",
        "  7     City  string",
        "  1680  Desk  rgb",
    ]


def test_no_custom_properties_says_so_for_the_entity_type() -> None:
    text = render_custom_properties([], entity_type="Task")

    assert text == "No custom properties are defined for Task."


def test_token_info_names_owner_and_scopes_and_a_token_that_never_expires() -> None:
    info = AccessTokenInfo.from_dict(
        {
            "id": 4827,
            "token": "cH5kR9mN...x7Qp",
            "name": None,
            "user_id": 12,
            "scopes": ["profile:read", "a:scope:added:later"],
            "created_at": "2025-01-15T10:30:00.000Z",
            "revoked_at": None,
            "expires_in": None,
            "last_used_at": None,
        }
    )

    lines = render_token_info(info).splitlines()

    assert lines[0] == "Token 4827"
    assert "  scopes        profile:read, a:scope:added:later" in lines
    assert "  expires       never" in lines
    assert "  last used     -" in lines


def test_json_keeps_fields_the_spec_does_not_know() -> None:
    user = User.from_dict(USER)

    parsed = json.loads(to_json(user))

    assert parsed["shoe_size"] == 44
    assert parsed["role"] == "superhero"
    assert parsed == user.to_dict()


def test_json_keeps_an_emoji_as_it_is() -> None:
    text = to_json(UserStatus.from_dict(STATUS))

    assert '"emoji": "🏖"' in text


def test_json_of_a_list_and_of_nothing() -> None:
    definition = CustomPropertyDefinition.from_dict(
        {"id": 7, "name": "City", "data_type": "string"}
    )

    assert json.loads(to_json([definition])) == [definition.to_dict()]
    assert to_json(None) == "null"
