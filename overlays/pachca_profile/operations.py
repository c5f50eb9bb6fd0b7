"""The eight profile operations as :class:`~pachca_profile.exchange.Call` s.

Each function checks its inputs (raising ``InvalidInputError`` before
anything is sent), names the generated operation and says how to read its
parsed answer. ``PachcaClient`` and ``AsyncPachcaClient`` send the same
calls, one synchronously and one as coroutines, so both behave alike.
"""

# Imports sit inside the functions on purpose; see the note below them.
# ruff: noqa: PLC0415

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from io import BytesIO
from typing import TYPE_CHECKING, Any

from pachca_profile_api.types import UNSET, File

from . import validation
from .exchange import Call, expect

if TYPE_CHECKING:
    from pachca_profile_api.models.access_token_info import AccessTokenInfo
    from pachca_profile_api.models.custom_property_definition import (
        CustomPropertyDefinition,
    )
    from pachca_profile_api.models.user import User
    from pachca_profile_api.models.user_status import UserStatus

# Each function imports its generated operation, and each reader the models
# it checks, where they are used: a process loads only the models of the
# operations it calls (the generated models package imports lazily too),
# which keeps importing the client cheap. Once loaded, `import a.b as m`
# costs about 0.2 µs a call (`from a.b import X` about three times that);
# the import lock makes the first import safe from any thread.
# Limitation: the first call of each operation pays for loading its models
# (0.2 to 4 ms of CPU), and every call about 1 µs for these imports.


def get_profile() -> Call[User]:
    """``GET /profile``: the user that owns the token."""
    import pachca_profile_api.api.profile.get_profile as operation

    return Call(operation, read=_read_profile)


def get_status() -> Call[UserStatus | None]:
    """``GET /profile/status``: the status, or None when none is set.

    The API answers a bare ``null`` when no status is set; an envelope
    whose ``data`` is ``null`` means the same.
    """
    import pachca_profile_api.api.profile.get_status as operation

    return Call(operation, read=_read_optional_status)


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
    import pachca_profile_api.api.profile.update_status as operation
    import pachca_profile_api.models.status_update as model
    import pachca_profile_api.models.status_update_request as request

    status = model.StatusUpdate(
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
        operation,
        {"body": request.StatusUpdateRequest(status=status)},
        read=_read_status,
    )


def clear_status() -> Call[None]:
    """``DELETE /profile/status``; clearing when none is set succeeds too."""
    import pachca_profile_api.api.profile.delete_status as operation

    return Call(operation, read=_ignore)


def list_custom_properties(
    *, entity_type: str = "User"
) -> Call[list[CustomPropertyDefinition]]:
    """``GET /custom_properties`` for ``"User"`` or ``"Task"``."""
    import pachca_profile_api.api.custom_properties.list_custom_properties as operation

    kind = validation.check_entity_type(entity_type)
    return Call(operation, {"entity_type": kind}, read=_read_definitions)


def set_avatar(image: validation.Image) -> Call[str]:
    """``PUT /profile/avatar`` with ``image``; answers the image URL."""
    import pachca_profile_api.api.profile.update_avatar as operation
    import pachca_profile_api.models.avatar_upload as model

    avatar = validation.read_image(image)
    upload = model.AvatarUpload(
        image=File(
            payload=BytesIO(avatar.content),
            file_name=avatar.file_name,
            mime_type=avatar.mime_type,
        )
    )
    return Call(operation, {"body": upload}, read=_read_avatar, adjust=_own_boundary)


def delete_avatar() -> Call[None]:
    """``DELETE /profile/avatar``."""
    import pachca_profile_api.api.profile.delete_avatar as operation

    return Call(operation, read=_ignore)


def get_token_info() -> Call[AccessTokenInfo]:
    """``GET /oauth/token/info``: facts about the token in use."""
    import pachca_profile_api.api.o_auth.get_token_info as operation

    return Call(operation, read=_read_token_info)


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
    import pachca_profile_api.models.user as model
    import pachca_profile_api.models.user_response as answer

    return expect(expect(parsed, answer.UserResponse).data, model.User)


def _read_optional_status(parsed: object) -> UserStatus | None:
    import pachca_profile_api.models.user_status as model
    import pachca_profile_api.models.user_status_response as answer

    if parsed is None:
        return None
    data = expect(parsed, answer.UserStatusResponse).data
    if data is None:
        return None
    return expect(data, model.UserStatus)


def _read_status(parsed: object) -> UserStatus:
    import pachca_profile_api.models.user_status as model
    import pachca_profile_api.models.user_status_set_response as answer

    return expect(expect(parsed, answer.UserStatusSetResponse).data, model.UserStatus)


def _read_definitions(parsed: object) -> list[CustomPropertyDefinition]:
    import pachca_profile_api.models.custom_property_definition as model
    import pachca_profile_api.models.custom_property_definition_list_response as answer

    data = expect(parsed, answer.CustomPropertyDefinitionListResponse).data
    return [expect(item, model.CustomPropertyDefinition) for item in data]


def _read_avatar(parsed: object) -> str:
    import pachca_profile_api.models.avatar_response as answer

    return expect(expect(parsed, answer.AvatarResponse).data.image_url, str)


def _read_token_info(parsed: object) -> AccessTokenInfo:
    import pachca_profile_api.models.access_token_info as model
    import pachca_profile_api.models.access_token_info_response as answer

    data = expect(parsed, answer.AccessTokenInfoResponse).data
    return expect(data, model.AccessTokenInfo)


def _own_boundary(kwargs: dict[str, Any]) -> None:
    # The generated request names the fixed multipart boundary "+++", which
    # httpx then uses; without the header httpx writes a random boundary
    # that cannot occur inside the image by accident.
    kwargs.get("headers", {}).pop("Content-Type", None)
