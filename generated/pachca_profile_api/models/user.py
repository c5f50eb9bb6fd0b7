from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.invite_status import InviteStatus
from ..models.user_role import UserRole

T = TypeVar("T", bound="User")


@_attrs_define
class User:
    """A member of the workspace, here the caller."""

    id: int
    """ The user's identifier. """
    first_name: None | str
    """ First name; null until an invited user finishes signing up. """
    last_name: None | str
    """ Last name; null or empty when not filled in. """
    nickname: str
    """ The user name shown after @. """
    email: None | str
    """ E-mail address; null for a bot not allowed to see personal data. """
    phone_number: None | str
    """ Phone number; null for a bot not allowed to see personal data. """
    department: None | str
    """ Department; null or empty when not filled in. """
    title: None | str
    """ Job title; null or empty when not filled in. """
    role: str | UserRole
    """ Access level. A value added to the API later is kept as its raw string. """
    suspended: bool
    """ Whether the user is deactivated. """
    invite_status: InviteStatus | str
    """ Whether the invitation was accepted. A value added later is kept as its raw string. """
    inviter_id: int | None
    """ Who invited the user; null when the user signed up alone or the inviter was deleted. """
    list_tags: list[str]
    """ Names of the group tags the user belongs to. """
    custom_properties: list[CustomProperty]
    """ The user's values of the workspace's custom properties. """
    user_status: None | UserStatus
    """ The current status; null when none is set. """
    bot: bool
    """ Whether the user is a bot. """
    sso: bool
    """ Whether the user signs in through SSO. """
    created_at: datetime.datetime
    """ When the user was created, ISO-8601 in UTC. """
    last_activity_at: datetime.datetime | None
    """ When the user was last active, ISO-8601 in UTC; null when the user has never signed in. """
    time_zone: None | str
    """ The user's own time zone; null when the workspace's applies. """
    image_url: None | str
    """ Where the avatar can be downloaded; null when none is set. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        first_name: None | str
        first_name = self.first_name

        last_name: None | str
        last_name = self.last_name

        nickname = self.nickname

        email: None | str
        email = self.email

        phone_number: None | str
        phone_number = self.phone_number

        department: None | str
        department = self.department

        title: None | str
        title = self.title

        role: str
        if isinstance(self.role, UserRole):
            role = self.role.value
        else:
            role = self.role

        suspended = self.suspended

        invite_status: str
        if isinstance(self.invite_status, InviteStatus):
            invite_status = self.invite_status.value
        else:
            invite_status = self.invite_status

        inviter_id: int | None
        inviter_id = self.inviter_id

        list_tags = self.list_tags

        custom_properties = []
        for custom_properties_item_data in self.custom_properties:
            custom_properties_item = custom_properties_item_data.to_dict()
            custom_properties.append(custom_properties_item)

        user_status: dict[str, Any] | None
        if isinstance(self.user_status, UserStatus):
            user_status = self.user_status.to_dict()
        else:
            user_status = self.user_status

        bot = self.bot

        sso = self.sso

        created_at = self.created_at.isoformat()

        last_activity_at: None | str
        if isinstance(self.last_activity_at, datetime.datetime):
            last_activity_at = self.last_activity_at.isoformat()
        else:
            last_activity_at = self.last_activity_at

        time_zone: None | str
        time_zone = self.time_zone

        image_url: None | str
        image_url = self.image_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "first_name": first_name,
                "last_name": last_name,
                "nickname": nickname,
                "email": email,
                "phone_number": phone_number,
                "department": department,
                "title": title,
                "role": role,
                "suspended": suspended,
                "invite_status": invite_status,
                "inviter_id": inviter_id,
                "list_tags": list_tags,
                "custom_properties": custom_properties,
                "user_status": user_status,
                "bot": bot,
                "sso": sso,
                "created_at": created_at,
                "last_activity_at": last_activity_at,
                "time_zone": time_zone,
                "image_url": image_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_first_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        first_name = _parse_first_name(d.pop("first_name"))

        def _parse_last_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_name = _parse_last_name(d.pop("last_name"))

        nickname = d.pop("nickname")

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        def _parse_phone_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone_number = _parse_phone_number(d.pop("phone_number"))

        def _parse_department(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        department = _parse_department(d.pop("department"))

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        def _parse_role(data: object) -> str | UserRole:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                role_type_0 = UserRole(data)

                return role_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | UserRole, data)

        role = _parse_role(d.pop("role"))

        suspended = d.pop("suspended")

        def _parse_invite_status(data: object) -> InviteStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                invite_status_type_0 = InviteStatus(data)

                return invite_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InviteStatus | str, data)

        invite_status = _parse_invite_status(d.pop("invite_status"))

        def _parse_inviter_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        inviter_id = _parse_inviter_id(d.pop("inviter_id"))

        list_tags = cast(list[str], d.pop("list_tags"))

        custom_properties = []
        _custom_properties = d.pop("custom_properties")
        if not isinstance(_custom_properties, list):
            raise TypeError("custom_properties must be a list")
        for custom_properties_item_data in _custom_properties:
            custom_properties_item = CustomProperty.from_dict(
                custom_properties_item_data
            )

            custom_properties.append(custom_properties_item)

        def _parse_user_status(data: object) -> None | UserStatus:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                user_status_type_0 = UserStatus.from_dict(data)

                return user_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UserStatus, data)

        user_status = _parse_user_status(d.pop("user_status"))

        bot = d.pop("bot")

        sso = d.pop("sso")

        created_at = types.parse_datetime(d.pop("created_at"))

        def _parse_last_activity_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_activity_at_type_0 = types.parse_datetime(data)

                return last_activity_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_activity_at = _parse_last_activity_at(d.pop("last_activity_at"))

        def _parse_time_zone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        time_zone = _parse_time_zone(d.pop("time_zone"))

        def _parse_image_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        image_url = _parse_image_url(d.pop("image_url"))

        user = cls(
            id=id,
            first_name=first_name,
            last_name=last_name,
            nickname=nickname,
            email=email,
            phone_number=phone_number,
            department=department,
            title=title,
            role=role,
            suspended=suspended,
            invite_status=invite_status,
            inviter_id=inviter_id,
            list_tags=list_tags,
            custom_properties=custom_properties,
            user_status=user_status,
            bot=bot,
            sso=sso,
            created_at=created_at,
            last_activity_at=last_activity_at,
            time_zone=time_zone,
            image_url=image_url,
        )

        user.additional_properties = d
        return user

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Imported last, so that models referring to each other import in any order.
from ..models.custom_property import CustomProperty  # noqa: E402
from ..models.user_status import UserStatus  # noqa: E402
