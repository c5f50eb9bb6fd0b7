"""Checks on what a caller passes, made before any request is sent.

Every check raises :class:`~pachca_profile.errors.InvalidInputError` (a
``ValueError``) naming the field and the limit it broke, so a mistake costs
no request and no rate-limit budget. The limits are the API's documented
ones: a status title of at most 50 characters, an away message of at most
1024, an emoji that is present, an expiry that is a definite instant
in the future.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from pachca_profile_api.models.custom_property_entity_type import (
    CustomPropertyEntityType,
)

from .errors import InvalidInputError

TITLE_MAX_CHARACTERS = 50
AWAY_MESSAGE_MAX_CHARACTERS = 1024
ENTITY_TYPES = ("User", "Task")

Image = bytes | str | os.PathLike[str] | BinaryIO
"""What ``set_avatar`` takes: the image's bytes, a path to it, or an open
binary file (read from its current position)."""

_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


def utc_now() -> dt.datetime:
    """The current instant, timezone-aware in UTC."""
    return dt.datetime.now(dt.timezone.utc)


def check_emoji(emoji: object) -> str:
    """Answer ``emoji`` when it is a non-blank string; raise otherwise."""
    if not isinstance(emoji, str):
        raise InvalidInputError(
            "emoji",
            "a string",
            f"emoji must be a string, not {type(emoji).__name__}",
        )
    if not emoji.strip():
        raise InvalidInputError(
            "emoji", "a non-blank string", "emoji must be given and not blank"
        )
    return _encodable("emoji", emoji)


def check_title(title: object) -> str:
    """Answer ``title`` when it is a string of at most 50 characters.

    Characters are Unicode code points, not bytes: a title of 50 emoji
    passes although it is 200 bytes long.
    """
    if not isinstance(title, str):
        raise InvalidInputError("title", "a string", "title must be a string")

    # Limitation: the length is counted in code points, as the API counts
    # it; an emoji built of several code points (a flag, a family) counts
    # as several characters.
    if len(title) > TITLE_MAX_CHARACTERS:
        raise InvalidInputError(
            "title",
            TITLE_MAX_CHARACTERS,
            f"title is {len(title)} characters long; "
            f"the limit is {TITLE_MAX_CHARACTERS}",
        )
    return _encodable("title", title)


def check_is_away(is_away: object) -> bool | None:
    """Answer ``is_away`` when it is True, False or None; raise otherwise.

    A string such as ``"false"`` is refused rather than read as true.
    """
    if is_away is None or isinstance(is_away, bool):
        return is_away
    raise InvalidInputError(
        "is_away",
        "True, False or None",
        f"is_away must be True, False or None, not {type(is_away).__name__}",
    )


def check_away_message(away_message: object) -> str | None:
    """Answer ``away_message`` (or None) when it has at most 1024 characters."""
    if away_message is None:
        return None

    if not isinstance(away_message, str):
        raise InvalidInputError(
            "away_message", "a string", "away_message must be a string or None"
        )

    if len(away_message) > AWAY_MESSAGE_MAX_CHARACTERS:
        raise InvalidInputError(
            "away_message",
            AWAY_MESSAGE_MAX_CHARACTERS,
            f"away_message is {len(away_message)} characters long; "
            f"the limit is {AWAY_MESSAGE_MAX_CHARACTERS}",
        )
    return _encodable("away_message", away_message)


def _encodable(field: str, text: str) -> str:
    """Answer ``text`` when UTF-8 can encode it; a lone surrogate cannot."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InvalidInputError(
            field,
            "text UTF-8 can encode",
            f"{field} holds a lone surrogate (U+{ord(text[exc.start]):04X}) at "
            f"character {exc.start}; it cannot be sent as UTF-8",
        ) from None
    return text


def expiry_instant(
    expires_at: dt.datetime | dt.timedelta | None,
    *,
    now: Callable[[], dt.datetime] = utc_now,
) -> str | None:
    """The instant ``expires_at`` names, as UTC ISO-8601 ending in ``Z``.

    A timezone-aware datetime is converted to UTC and must lie after
    ``now()``: a status that expires in the past would be set and gone at
    once. A timedelta counts from ``now()`` and must be positive; None
    answers None (a status that stays). A naive datetime is refused: it
    names no instant; so is an instant outside the years 1 to 9999 in UTC.
    A ``now`` that answers a naive datetime raises ``InvalidInputError``
    naming ``now``, the clock, not ``expires_at``.

        >>> noon = dt.datetime(2026, 12, 4, 12, tzinfo=dt.timezone.utc)
        >>> expiry_instant(dt.timedelta(hours=6), now=lambda: noon)
        '2026-12-04T18:00:00Z'
    """
    if expires_at is None:
        return None

    start: dt.datetime | None = None
    if isinstance(expires_at, dt.timedelta):
        if expires_at <= dt.timedelta(0):
            raise InvalidInputError(
                "expires_at",
                "a positive timedelta",
                "expires_at as a timedelta must be positive (a time from now)",
            )
        start = _checked_clock(now)
        try:
            expires_at = start + expires_at
        except OverflowError:
            raise _out_of_range() from None

    if not isinstance(expires_at, dt.datetime):
        raise InvalidInputError(
            "expires_at",
            "a timezone-aware datetime or a timedelta",
            "expires_at must be a timezone-aware datetime or a timedelta, "
            f"not {type(expires_at).__name__}",
        )

    if expires_at.utcoffset() is None:
        raise InvalidInputError(
            "expires_at",
            "a timezone-aware datetime",
            "expires_at is a naive datetime; give it a timezone, "
            "for example tzinfo=datetime.timezone.utc",
        )

    try:
        utc = expires_at.astimezone(dt.timezone.utc).replace(tzinfo=None)
    except OverflowError:
        raise _out_of_range() from None

    written = utc.isoformat() + "Z"
    if start is None:
        start = _checked_clock(now)
    if expires_at <= start:
        raise InvalidInputError(
            "expires_at",
            "an instant in the future",
            f"expires_at is {written}, which is not in the future; "
            "give a later instant or a timedelta",
        )
    return written


def _checked_clock(now: Callable[[], dt.datetime]) -> dt.datetime:
    """What ``now()`` answers, when that is a timezone-aware datetime."""
    start = now()
    if not isinstance(start, dt.datetime) or start.utcoffset() is None:
        raise InvalidInputError(
            "now",
            "a clock answering timezone-aware datetimes",
            "the clock now= answered a naive datetime (or no datetime); "
            "it must answer a timezone-aware one, such as "
            "datetime.now(timezone.utc)",
        )
    return start


def _out_of_range() -> InvalidInputError:
    return InvalidInputError(
        "expires_at",
        "an instant within the years 1 to 9999 in UTC",
        "expires_at lies outside the years 1 to 9999 in UTC; "
        "give a nearer instant or a shorter timedelta",
    )


def check_entity_type(entity_type: object) -> CustomPropertyEntityType:
    """Answer the entity type for ``"User"`` or ``"Task"``; raise otherwise."""
    if entity_type not in ENTITY_TYPES:
        raise InvalidInputError(
            "entity_type",
            ENTITY_TYPES,
            f"entity_type is {entity_type!r}; it must be 'User' or 'Task'",
        )
    return CustomPropertyEntityType(entity_type)


@dataclass(frozen=True)
class AvatarImage:
    """An image read into memory, ready to be sent as the avatar."""

    content: bytes
    file_name: str
    mime_type: str

    def __repr__(self) -> str:
        return (
            f"AvatarImage(file_name={self.file_name!r}, "
            f"mime_type={self.mime_type!r}, size={len(self.content)})"
        )


def read_image(image: Image) -> AvatarImage:
    """Read ``image`` (bytes, a path or a binary file) into an AvatarImage.

    A file object is read from its current position and not closed: the
    caller owns it. A missing path raises the usual ``OSError``; a
    directory, a closed file, text, an empty image or any other type raise
    ``InvalidInputError``.
    """
    # Limitation: the image is read whole into memory, so that a retried
    # upload sends the same bytes; avatars are small, uploads not streamed.
    # No size limit is enforced either, since the API documents none, so a
    # huge file costs its size in memory (twice, with the multipart body).
    if isinstance(image, (bytes, bytearray, memoryview)):
        return _avatar(bytes(image), "avatar")

    if isinstance(image, (str, os.PathLike)):
        path = Path(image)
        if path.is_dir():
            raise InvalidInputError(
                "image", "a file", f"image {path.name!r} is a directory, not a file"
            )
        return _avatar(path.read_bytes(), path.name)

    read = getattr(image, "read", None)
    if read is None:
        raise InvalidInputError(
            "image",
            "bytes, a path or a binary file",
            f"image must be bytes, a path or a binary file, not {type(image).__name__}",
        )

    if getattr(image, "closed", False):
        raise InvalidInputError(
            "image", "an open file", "image is a closed file; pass it open"
        )
    content = read()
    if not isinstance(content, bytes):
        raise InvalidInputError(
            "image",
            "a binary file",
            "image is a text file; open it in binary mode ('rb')",
        )
    name = getattr(image, "name", None)
    file_name = Path(name).name if isinstance(name, str) else "avatar"
    return _avatar(content, file_name)


def _avatar(content: bytes, file_name: str) -> AvatarImage:
    if not content:
        raise InvalidInputError("image", "not empty", "image is empty (0 bytes)")

    mime_type = "application/octet-stream"
    for signature, kind in _SIGNATURES:
        if content.startswith(signature):
            mime_type = kind
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        mime_type = "image/webp"

    return AvatarImage(content=content, file_name=file_name, mime_type=mime_type)
