from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types

T = TypeVar("T", bound="UserStatus")


@_attrs_define
class UserStatus:
    """A user's status."""

    emoji: str
    """ The status emoji, one emoji character. """
    title: str
    """ The status text, at most 50 characters. """
    expires_at: datetime.datetime | None
    """ When the status is cleared, ISO-8601 in UTC; null when it stays until cleared by hand. """
    is_away: bool
    """ Whether the user is marked as away. """
    away_message: AwayMessage | None
    """ The auto-reply shown while away; null when none is set. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        emoji = self.emoji

        title = self.title

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        is_away = self.is_away

        away_message: dict[str, Any] | None
        if isinstance(self.away_message, AwayMessage):
            away_message = self.away_message.to_dict()
        else:
            away_message = self.away_message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "emoji": emoji,
                "title": title,
                "expires_at": expires_at,
                "is_away": is_away,
                "away_message": away_message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        emoji = d.pop("emoji")

        title = d.pop("title")

        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = types.parse_datetime(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))

        is_away = d.pop("is_away")

        def _parse_away_message(data: object) -> AwayMessage | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                away_message_type_0 = AwayMessage.from_dict(data)

                return away_message_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AwayMessage | None, data)

        away_message = _parse_away_message(d.pop("away_message"))

        user_status = cls(
            emoji=emoji,
            title=title,
            expires_at=expires_at,
            is_away=is_away,
            away_message=away_message,
        )

        user_status.additional_properties = d
        return user_status

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
from ..models.away_message import AwayMessage  # noqa: E402
