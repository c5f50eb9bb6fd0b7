"""The eight profile operations as :class:`~pachca_profile.exchange.Call` s.

Each function checks its inputs (raising ``InvalidInputError`` before
anything is sent), names the generated operation and says how to read its
parsed answer. ``PachcaClient`` and ``AsyncPachcaClient`` send the same
calls, one synchronously and one as coroutines, so both behave alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from io import BytesIO
from typing import Any

from pachca_profile_api.api.custom_properties import list_custom_properties as _list
from pachca_profile_api.api.o_auth import get_token_info as _token_info
from pachca_profile_api.api.profile import (
    delete_avatar as _delete_avatar,
)
from pachca_profile_api.api.profile import (
    delete_status as _delete_status,
)
from pachca_profile_api.api.profile import (
    get_profile as _get_profile,
)
from pachca_profile_api.api.profile import (
    get_status as _get_status,
)
from pachca_profile_api.api.profile import (
    update_avatar as _update_avatar,
)
from pachca_profile_api.api.profile import (
    update_status as _update_status,
)
from pachca_profile_api.models import (
    AccessTokenInfo,
    AccessTokenInfoResponse,
    AvatarResponse,
    AvatarUpload,
    CustomPropertyDefinition,
    CustomPropertyDefinitionListResponse,
    StatusUpdate,
    StatusUpdateRequest,
    User,
    UserResponse,
    UserStatus,
    UserStatusResponse,
    UserStatusSetResponse,
)
from pachca_profile_api.types import UNSET, File

from . import validation
from .exchange import Call, expect


def get_profile() -> Call[User]:
    """``GET /profile``: the user that owns the token."""
    return Call(_get_profile, read=_read_profile)


def get_status() -> Call[UserStatus | None]:
    """``GET /profile/status``: the status, or None when none is set.

    The API answers a bare ``null`` when no status is set; an envelope
    whose ``data`` is ``null`` means the same.
    """
    return Call(_get_status, read=_read_optional_status)


def set_status(
    *,
    emoji: str,
    title: str,
    expires_at: dt.datetime | dt.timedelta | None = None,
    is_away: bool | None = None,
    away_message: str | None = None,
    now: Callable[[], dt.datetime] = validation.utc_now,
) -> Call[UserStatus]:
    """``PUT /profile/status``, after checking every field."""
    status = StatusUpdate(
        emoji=validation.check_emoji(emoji),
        title=validation.check_title(title),
        is_away=_or_unset(validation.check_is_away(is_away)),
        away_message=_or_unset(validation.check_away_message(away_message)),
    )

    # The generated to_dict() writes expires_at with isoformat(), which
    # gives "+00:00"; the API documents UTC ending in "Z", so the checked
    # string is sent as the field's value instead.
    expires = validation.expiry_instant(expires_at, now=now)
    if expires is not None:
        status.additional_properties["expires_at"] = expires

    return Call(
        _update_status,
        {"body": StatusUpdateRequest(status=status)},
        read=_read_status,
    )


def clear_status() -> Call[None]:
    """``DELETE /profile/status``; clearing when none is set succeeds too."""
    return Call(_delete_status, read=_ignore)


def list_custom_properties(
    *, entity_type: str = "User"
) -> Call[list[CustomPropertyDefinition]]:
    """``GET /custom_properties`` for ``"User"`` or ``"Task"``."""
    kind = validation.check_entity_type(entity_type)
    return Call(_list, {"entity_type": kind}, read=_read_definitions)


def set_avatar(image: validation.Image) -> Call[str]:
    """``PUT /profile/avatar`` with ``image``; answers the image URL."""
    avatar = validation.read_image(image)
    upload = AvatarUpload(
        image=File(
            payload=BytesIO(avatar.content),
            file_name=avatar.file_name,
            mime_type=avatar.mime_type,
        )
    )
    return Call(
        _update_avatar, {"body": upload}, read=_read_avatar, adjust=_own_boundary
    )


def delete_avatar() -> Call[None]:
    """``DELETE /profile/avatar``."""
    return Call(_delete_avatar, read=_ignore)


def get_token_info() -> Call[AccessTokenInfo]:
    """``GET /oauth/token/info``: facts about the token in use."""
    return Call(_token_info, read=_read_token_info)


def _or_unset(value: str | bool | None) -> Any:
    return UNSET if value is None else value


def _ignore(parsed: object) -> None:
    return None


# Limitation: the generated attrs models do not check the types of the
# scalar fields they read (an is_away of "yes" or an away_message of 5 is
# kept as it came); a list field that is not a JSON array is refused by the
# project's list template, and the readers below check the envelope and
# the model class each method promises.
def _read_profile(parsed: object) -> User:
    return expect(expect(parsed, UserResponse).data, User)


def _read_optional_status(parsed: object) -> UserStatus | None:
    if parsed is None:
        return None
    data = expect(parsed, UserStatusResponse).data
    if data is None:
        return None
    return expect(data, UserStatus)


def _read_status(parsed: object) -> UserStatus:
    return expect(expect(parsed, UserStatusSetResponse).data, UserStatus)


def _read_definitions(parsed: object) -> list[CustomPropertyDefinition]:
    data = expect(parsed, CustomPropertyDefinitionListResponse).data
    return [expect(item, CustomPropertyDefinition) for item in data]


def _read_avatar(parsed: object) -> str:
    return expect(expect(parsed, AvatarResponse).data.image_url, str)


def _read_token_info(parsed: object) -> AccessTokenInfo:
    return expect(expect(parsed, AccessTokenInfoResponse).data, AccessTokenInfo)


def _own_boundary(kwargs: dict[str, Any]) -> None:
    # The generated request names the fixed multipart boundary "+++", which
    # httpx then uses; without the header httpx writes a random boundary
    # that cannot occur inside the image by accident.
    kwargs.get("headers", {}).pop("Content-Type", None)
