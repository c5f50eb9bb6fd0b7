"""What the fake refuses in a request, as the API's ``ApiError`` items.

Request bodies are validated with the pydantic models of
``pachca_profile_schemas``; each problem pydantic finds becomes one item
with the key, code and message the API uses (``too_long`` with "is too
long (maximum is 50 characters)", ``blank`` with "can't be blank"...).
Checks the schema cannot express come after: an emoji that is not one
emoji is ``wrong_emoji``, an unknown ``entity_type`` is ``inclusion``.

A function here answers either the checked value or a :class:`Refusal`:
the status (400 when the request cannot be read at all, 422 when a field
is refused) and the items.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from pachca_profile_schemas import (
    AvatarUpload,
    CustomPropertyEntityType,
    StatusUpdate,
    StatusUpdateRequest,
)

from .answers import error_item
from .emoji import is_emoji

# Limitation: the API documents the keys and codes of its errors but not
# their sentences; the messages below follow the Rails wording its examples
# show, and any other wording of the real API is not reproduced.
BLANK = "can't be blank"
INVALID = "is invalid"
MISSING = "param is missing or the value is empty"

IMAGE_SIGNATURES = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
)
"""How the images the fake accepts as avatars begin (WebP is checked apart)."""


@dataclass(frozen=True)
class Refusal:
    """A refused request: its HTTP status and one ApiError item per problem."""

    status: int
    items: list[dict[str, Any]]


def status_update(body: object) -> StatusUpdate | Refusal:
    """The status a ``PUT /profile/status`` body sets, or why it is refused.

    A body that is not an object with a ``status`` object is a 400
    (``required``, key ``status``); every refused field is a 422 item.
    """
    status = body.get("status") if isinstance(body, dict) else None
    if not isinstance(status, dict):
        return Refusal(400, [error_item("status", "required", MISSING)])

    try:
        update = StatusUpdateRequest.model_validate(body).status
    except ValidationError as exc:
        items = [_item(error, status) for error in exc.errors()]
        items += _emoji_problems(status, refused={item["key"] for item in items})
        return Refusal(422, items)

    problems = _emoji_problems(status, refused=set())
    if problems:
        return Refusal(422, problems)
    return update


def entity_type(value: str | None) -> CustomPropertyEntityType | Refusal:
    """The entity type of ``GET /custom_properties``, or why it is refused."""
    if value is None or value == "":
        return Refusal(400, [error_item("entity_type", "required", MISSING)])

    try:
        return CustomPropertyEntityType(value)
    except ValueError:
        item = error_item(
            "entity_type", "inclusion", "is not included in the list", value=value
        )
        return Refusal(422, [item])


def avatar(image: bytes | None) -> bytes | Refusal:
    """The image of ``PUT /profile/avatar``, or why it is refused.

    The form must carry a file field ``image`` holding a PNG, JPEG, GIF or
    WebP image (recognised by its first bytes).
    """
    if image is None or image == b"":
        return Refusal(422, [error_item("image", "blank", BLANK)])

    # Limitation: an image is recognised by its first bytes, not decoded,
    # so a broken file with a PNG signature is accepted, and no size limit
    # is enforced; the API's own limits are not documented.
    AvatarUpload.model_validate({"image": image})
    is_webp = image[:4] == b"RIFF" and image[8:12] == b"WEBP"
    if not (image.startswith(IMAGE_SIGNATURES) or is_webp):
        return Refusal(422, [error_item("image", "invalid", "is not an image")])
    return image


def expiry(update: StatusUpdate) -> dt.datetime | None:
    """The instant the status expires, in UTC, or None for one that stays."""
    if update.expires_at is None:
        return None
    return update.expires_at.astimezone(dt.timezone.utc)


def _item(error: ErrorDetails, status: dict[str, Any]) -> dict[str, Any]:
    """The ApiError item of one pydantic error inside ``status``."""
    location = error["loc"]
    key = str(location[1]) if len(location) > 1 else "status"
    value = _as_text(status.get(key))
    kind = error["type"]

    if kind == "missing" or (kind == "string_too_short" and key == "emoji"):
        return error_item(key, "blank", BLANK, value=value)

    if kind == "string_too_long":
        limit = error.get("ctx", {}).get("max_length")
        message = f"is too long (maximum is {limit} characters)"
        return error_item(key, "too_long", message, value=value)

    return error_item(key, "invalid", INVALID, value=value)


def _emoji_problems(status: dict[str, Any], *, refused: set[str]) -> list[Any]:
    """The emoji's item when it is a string but not exactly one emoji."""
    emoji = status.get("emoji")
    if "emoji" in refused or not isinstance(emoji, str):
        return []

    if emoji.strip() == "":
        return [error_item("emoji", "blank", BLANK, value=emoji)]
    if not is_emoji(emoji):
        return [error_item("emoji", "wrong_emoji", "is not an emoji", value=emoji)]
    return []


def _as_text(value: object) -> str | None:
    """A refused value as the ``value`` of an item: text, or None."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return None
