"""The one ``GET /profile`` answer every benchmark parses.

A user with a status and five custom property values, shaped as the
contract documents it, serialised once as compact UTF-8 JSON.
"""

from __future__ import annotations

import json
from typing import Any

CUSTOM_PROPERTIES: list[dict[str, Any]] = [
    {"id": 1678, "name": "City", "data_type": "string", "value": "Saint Petersburg"},
    {"id": 1679, "name": "Birthday", "data_type": "date", "value": "1990-05-17"},
    {"id": 1680, "name": "Desk number", "data_type": "number", "value": "214"},
    {
        "id": 1681,
        "name": "Portfolio",
        "data_type": "link",
        "value": "https://example.com/olegp",
    },
    {"id": 1682, "name": "Team", "data_type": "string", "value": None},
]

PROFILE: dict[str, Any] = {
    "data": {
        "id": 12,
        "first_name": "Oleg",
        "last_name": "Petrov",
        "nickname": "olegpetrov",
        "email": "olegp@example.com",
        "phone_number": "+79001234567",
        "department": "Product",
        "title": "CIO",
        "role": "admin",
        "suspended": False,
        "invite_status": "confirmed",
        "inviter_id": None,
        "list_tags": ["Product", "Design"],
        "custom_properties": CUSTOM_PROPERTIES,
        "user_status": {
            "emoji": "\U0001f3ae",
            "title": "Very busy",
            "expires_at": "2026-04-08T10:00:00.000Z",
            "is_away": True,
            "away_message": {"text": "Back on Monday; ask @ivanov meanwhile."},
        },
        "bot": False,
        "sso": False,
        "created_at": "2020-06-08T09:32:57.000Z",
        "last_activity_at": "2026-01-20T13:40:07.000Z",
        "time_zone": "Europe/Moscow",
        "image_url": "https://app.pachca.com/users/12/photo.jpg",
    }
}

PROFILE_BODY: bytes = json.dumps(
    PROFILE, ensure_ascii=False, separators=(",", ":")
).encode()
