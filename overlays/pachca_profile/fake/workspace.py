"""What one fake server remembers: the status, the avatar, the token's use.

A :class:`Workspace` starts from the seed in :mod:`.data` and belongs to
one app; two apps never share one. Its methods build the bodies of the
answers as plain dicts in the API's shapes; the app checks them against
the contract before sending. A status whose ``expires_at`` has passed is
gone the next time it is read.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from pachca_profile_schemas import OAuthScope, StatusUpdate

from . import data
from .answers import timestamp
from .checks import expiry


@dataclass(frozen=True)
class Avatar:
    """An uploaded avatar: its bytes, their media type and its file name."""

    content: bytes
    media_type: str
    file_name: str


def utc_now() -> dt.datetime:
    """The current instant in UTC."""
    return dt.datetime.now(dt.timezone.utc)


KNOWN_SCOPES = frozenset(scope.value for scope in OAuthScope)
"""Every scope ``openapi.yaml`` names (``OAuthScope``), profile or not."""

_VISIBLE_ASCII = re.compile(r"[\x21-\x7e]+")


def check_token(token: object) -> str:
    """Answer ``token`` when a client could send it; raise ``ValueError``.

    That is a non-empty string of visible ASCII characters: an empty token
    or one with a space, a control character or a non-ASCII letter could
    never arrive in an ``Authorization`` header, so the server would refuse
    everyone. The error does not repeat the token.
    """
    if not isinstance(token, str) or not _VISIBLE_ASCII.fullmatch(token):
        raise ValueError(
            "the token must be a non-empty string of visible ASCII characters "
            "(no space, no control character), the only kind a client can send"
        )
    return token


def check_scopes(scopes: Iterable[str]) -> tuple[str, ...]:
    """Answer ``scopes`` as a tuple when each is a Pachca scope; raise
    ``ValueError`` naming the first that is not, and the profile scopes.

    Any scope of ``OAuthScope`` is accepted, profile or not; none at all is
    a token every operation but token info refuses with 403.
    """
    if isinstance(scopes, str):
        raise ValueError(
            f"scopes must be a list of scope names, not the one string {scopes!r}"
        )

    chosen = tuple(scopes)
    for scope in chosen:
        if scope not in KNOWN_SCOPES:
            raise ValueError(
                f"{scope!r} is not a Pachca scope; the profile scopes are "
                f"{', '.join(data.DEFAULT_SCOPES)} (any OAuthScope of "
                "openapi.yaml is accepted)"
            )
    return chosen


# Limitation: a workspace knows one user and one token, so requests on
# behalf of several users, or tokens with different scopes on one server,
# cannot be faked; run one server per token instead.
class Workspace:
    """The caller's mutable state on one fake server.

    ``token`` is the one access token accepted, carrying ``scopes``;
    ``now`` is the clock used for expiry and ``last_used_at``. Safe to
    read from another thread while the server runs. Raises ``ValueError``
    for a token no client could send and for an unknown scope (see
    :func:`check_token` and :func:`check_scopes`).
    """

    def __init__(
        self,
        *,
        token: str = data.DEFAULT_TOKEN,
        scopes: Iterable[str] = data.DEFAULT_SCOPES,
        now: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        self.token = check_token(token)
        self.scopes = check_scopes(scopes)
        self._now = now
        self._lock = threading.Lock()
        self._status: dict[str, Any] | None = None
        self._expires: dt.datetime | None = None
        self._avatar: Avatar | None = None
        self._avatar_version = 0
        self._first_use: dt.datetime | None = None

    def __repr__(self) -> str:
        return f"Workspace(scopes={self.scopes!r})"

    def knows(self, token: str) -> bool:
        """Whether ``token`` is the token this workspace accepts."""
        return token == self.token

    def note_use(self) -> None:
        """Remember when the token was first used, for ``last_used_at``."""
        # Limitation: last_used_at stays the first use; the API moves it
        # forward at most hourly, which no test could wait for.
        with self._lock:
            if self._first_use is None:
                self._first_use = self._now()

    def status(self) -> dict[str, Any] | None:
        """The current status as a ``UserStatus`` dict, None when unset."""
        with self._lock:
            if self._expires is not None and self._expires <= self._now():
                self._status, self._expires = None, None
            return copy.deepcopy(self._status)

    def set_status(self, update: StatusUpdate) -> dict[str, Any]:
        """Replace the status with a checked ``update``; answer the stored one."""
        expires = expiry(update)
        stored = {
            "emoji": update.emoji,
            "title": update.title,
            "expires_at": None if expires is None else timestamp(expires),
            "is_away": bool(update.is_away),
            "away_message": (
                {"text": update.away_message} if update.away_message else None
            ),
        }
        with self._lock:
            self._status, self._expires = stored, expires
        return copy.deepcopy(stored)

    def clear_status(self) -> None:
        """Remove the status; nothing happens when none is set."""
        with self._lock:
            self._status, self._expires = None, None

    def avatar(self) -> Avatar | None:
        """The stored avatar, None when none is set."""
        with self._lock:
            return self._avatar

    def avatar_path(self) -> str | None:
        """The path the avatar is served from on this server, or None."""
        with self._lock:
            if self._avatar is None:
                return None
            name = self._avatar.file_name
            return f"/uploads/avatars/{data.USER['id']}/{self._avatar_version}/{name}"

    def set_avatar(self, avatar: Avatar) -> None:
        """Store ``avatar`` in place of any earlier one."""
        with self._lock:
            self._avatar = avatar
            self._avatar_version += 1

    def delete_avatar(self) -> None:
        """Remove the avatar; nothing happens when none is set."""
        with self._lock:
            self._avatar = None

    def profile(self, *, image_url: str | None) -> dict[str, Any]:
        """The ``User`` dict: the seed, the values, the status, the avatar."""
        values = [
            {**definition, "value": data.USER_VALUES.get(definition["id"])}
            for definition in data.CUSTOM_PROPERTIES["User"]
        ]
        return {
            **copy.deepcopy(data.USER),
            "custom_properties": values,
            "user_status": self.status(),
            "image_url": image_url,
        }

    def custom_properties(self, entity_type: str) -> list[dict[str, Any]]:
        """The definitions of ``entity_type``, in the workspace's order."""
        return copy.deepcopy(data.CUSTOM_PROPERTIES[entity_type])

    def token_info(self) -> dict[str, Any]:
        """The ``AccessTokenInfo`` dict of the accepted token, masked."""
        with self._lock:
            first_use = self._first_use
        return {
            "id": data.TOKEN_ID,
            "token": mask(self.token),
            "name": data.TOKEN_NAME,
            "user_id": data.USER["id"],
            "scopes": list(self.scopes),
            "created_at": data.TOKEN_CREATED_AT,
            "revoked_at": None,
            "expires_in": None,
            "last_used_at": None if first_use is None else timestamp(first_use),
        }


def mask(token: str) -> str:
    """``token`` as the API shows it: the first 8 and last 4 characters.

    A token too short to keep anything hidden is masked whole.
    """
    if len(token) <= 16:
        return "*" * 8
    return f"{token[:8]}...{token[-4:]}"
