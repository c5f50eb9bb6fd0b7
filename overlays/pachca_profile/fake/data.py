"""The workspace the fake server starts with: one user, its custom
properties, and the token that may call it.

Every value here is invented; the shapes follow ``openapi.yaml``.
"""

from __future__ import annotations

from typing import Any

DEFAULT_TOKEN = "fake-pachca-token-0123456789abcdef"  # noqa: S105 - a fake's token
"""The token the fake accepts unless told another; it opens nothing real."""

BASE_PATH = "/api/shared/v1"
"""Where the API lives on the server, as on Pachca's own."""

DEFAULT_SCOPES = (
    "profile:read",
    "profile_status:read",
    "profile_status:write",
    "profile_avatar:write",
    "custom_properties:read",
)
"""The scopes a fake token carries unless told otherwise."""

SCOPE_OF = {
    ("GET", "/profile"): "profile:read",
    ("GET", "/profile/status"): "profile_status:read",
    ("PUT", "/profile/status"): "profile_status:write",
    ("DELETE", "/profile/status"): "profile_status:write",
    ("GET", "/custom_properties"): "custom_properties:read",
    ("PUT", "/profile/avatar"): "profile_avatar:write",
    ("DELETE", "/profile/avatar"): "profile_avatar:write",
}
"""The scope each operation needs; token info needs none."""

USER: dict[str, Any] = {
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
    "bot": False,
    "sso": False,
    "created_at": "2020-06-08T09:32:57.000Z",
    "last_activity_at": "2026-01-20T13:40:07.000Z",
    "time_zone": "Europe/Moscow",
}
"""The caller's profile, without the parts the fake keeps itself
(custom property values, status, avatar)."""

CUSTOM_PROPERTIES: dict[str, list[dict[str, Any]]] = {
    "User": [
        {"id": 1678, "name": "City", "data_type": "string"},
        {"id": 1679, "name": "Birthday", "data_type": "date"},
        {"id": 1680, "name": "Desk number", "data_type": "number"},
        {"id": 1681, "name": "Portfolio", "data_type": "link"},
    ],
    "Task": [
        {"id": 2101, "name": "Estimate", "data_type": "number"},
        {"id": 2102, "name": "Ticket", "data_type": "link"},
    ],
}
"""The definitions the workspace has, per entity type, in its order."""

# Limitation: the values are fixed: the contract has no operation that
# changes them, so neither has the fake.
USER_VALUES: dict[int, str | None] = {
    1678: "Saint Petersburg",
    1679: None,
    1680: "42",
    1681: "https://example.com/olegpetrov",
}
"""The caller's value of each User property (None: not filled in)."""

TOKEN_ID = 4827
TOKEN_NAME = "Fake Pachca token"  # noqa: S105 - the token's label
TOKEN_CREATED_AT = "2025-01-15T10:30:00.000Z"  # noqa: S105 - a date
