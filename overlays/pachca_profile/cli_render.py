"""What the ``pachca-profile`` command prints: readable text or JSON.

Each ``render_*`` function turns one answer of the client into the lines a
person reads; :func:`to_json` turns it into the text a script parses, which
is the generated model's complete ``to_dict()`` (unknown fields included).
Nothing here talks to the API or writes anywhere: the CLI prints what these
functions answer.

    >>> print(render_avatar("https://example.test/a.png"))
    Avatar stored: https://example.test/a.png
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    # For type checkers only: a command loads the models of the one
    # operation it runs (see operations.py).
    from pachca_profile_api.models.access_token_info import AccessTokenInfo
    from pachca_profile_api.models.custom_property_definition import (
        CustomPropertyDefinition,
    )
    from pachca_profile_api.models.user import User
    from pachca_profile_api.models.user_status import UserStatus

NOT_SET = "-"
LABEL_WIDTH = 14

Answer: TypeAlias = (
    "User | UserStatus | AccessTokenInfo | Sequence[CustomPropertyDefinition]"
    " | dict[str, Any] | None"
)
"""Everything a command can answer, for :func:`to_json`."""


def to_json(answer: Answer) -> str:
    """The answer as indented JSON: a model's ``to_dict()``, a list of them,
    a plain dict, or ``null``. Non-ASCII text (an emoji) is kept as it is."""
    return json.dumps(_plain(answer), ensure_ascii=False, indent=2)


def _plain(answer: Answer) -> Any:
    if answer is None or isinstance(answer, dict):
        return answer
    if isinstance(answer, Sequence):
        return [item.to_dict() for item in answer]
    return answer.to_dict()


def render_profile(user: User) -> str:
    """The profile: name and nickname, contact fields, status, custom values."""
    name = " ".join(part for part in (user.first_name, user.last_name) if part)
    heading = f"{name} (@{user.nickname})" if name else f"@{user.nickname}"

    lines = [heading]
    lines += _fields(
        [
            ("id", str(user.id)),
            ("email", _text(user.email)),
            ("phone", _text(user.phone_number)),
            ("department", _text(user.department)),
            ("title", _text(user.title)),
            ("role", _text(user.role)),
            ("invite", _text(user.invite_status)),
            ("tags", ", ".join(user.list_tags) or NOT_SET),
            ("time zone", _text(user.time_zone)),
            ("avatar", _text(user.image_url)),
            ("created", _when(user.created_at)),
            ("last active", _when(user.last_activity_at)),
            ("status", _status_line(user.user_status)),
        ]
    )

    if user.bot:
        lines.append("  (a bot)")
    if user.suspended:
        lines.append("  (suspended)")

    if user.custom_properties:
        lines.append("Custom properties")
        lines += _fields(
            (item.name, _text(item.value)) for item in user.custom_properties
        )
    return "\n".join(lines)


def render_status(status: UserStatus | None) -> str:
    """The status with its expiry and away message, or that none is set."""
    if status is None:
        return "No status is set."

    away_message = status.away_message.text if status.away_message else None
    lines = [f"Status: {status.emoji} {status.title}"]
    lines += _fields(
        [
            ("expires", _when(status.expires_at, empty="never")),
            ("away", "yes" if status.is_away else "no"),
            ("away message", _text(away_message)),
        ]
    )
    return "\n".join(lines)


def render_custom_properties(
    definitions: Sequence[CustomPropertyDefinition], *, entity_type: str
) -> str:
    """The definitions as a table of id, name and data type."""
    if not definitions:
        return f"No custom properties are defined for {entity_type}."

    rows = [("ID", "NAME", "TYPE")]
    rows += [(str(d.id), d.name, _text(d.data_type)) for d in definitions]
    widths = [max(len(row[column]) for row in rows) for column in range(2)]

    lines = [f"Custom properties of {entity_type}"]
    for identifier, name, data_type in rows:
        lines.append(f"  {identifier:<{widths[0]}}  {name:<{widths[1]}}  {data_type}")
    return "\n".join(lines)


def render_avatar(image_url: str) -> str:
    """Where the uploaded avatar is served from."""
    return f"Avatar stored: {image_url}"


def render_token_info(info: AccessTokenInfo) -> str:
    """The token's owner, scopes and dates; the token only as the API masks it."""
    name = f' "{info.name}"' if info.name else ""
    expires = "never" if info.expires_in is None else f"in {info.expires_in} s"

    lines = [f"Token {info.id}{name}"]
    lines += _fields(
        [
            ("masked token", info.token),
            ("owner", f"user {info.user_id}"),
            ("scopes", ", ".join(_text(scope) for scope in info.scopes) or NOT_SET),
            ("created", _when(info.created_at)),
            ("last used", _when(info.last_used_at)),
            ("expires", expires),
            ("revoked", _when(info.revoked_at, empty="no")),
        ]
    )
    return "\n".join(lines)


def _status_line(status: UserStatus | None) -> str:
    if status is None:
        return NOT_SET

    line = f"{status.emoji} {status.title}"
    if status.is_away:
        line += ", away"
    if status.expires_at is not None:
        line += f", until {_when(status.expires_at)}"
    return line


def _fields(pairs: Iterable[tuple[str, str]]) -> list[str]:
    """Aligned ``label  value`` lines; a long label widens the column."""
    rows = list(pairs)
    width = max([LABEL_WIDTH] + [len(label) + 2 for label, _ in rows])
    return [f"  {label:<{width}}{value}" for label, value in rows]


def _text(value: str | Enum | None) -> str:
    if value is None or value == "":
        return NOT_SET
    if isinstance(value, Enum):
        return str(value.value)
    return value


def _when(moment: dt.datetime | None, *, empty: str = NOT_SET) -> str:
    """A moment in UTC to the minute, e.g. ``2026-03-10 09:00 UTC``."""
    if moment is None:
        return empty
    if moment.utcoffset() is not None:
        moment = moment.astimezone(dt.timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M UTC")
