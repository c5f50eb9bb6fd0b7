from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..types import UNSET, Unset

T = TypeVar("T", bound="StatusUpdate")


@_attrs_define
class StatusUpdate:
    """The status to set."""

    emoji: str
    """ The status emoji, one emoji character. """
    title: str
    """ The status text, at most 50 characters. """
    expires_at: datetime.datetime | Unset = UNSET
    """ When the status is cleared, ISO-8601 in UTC ending in Z; omitted for a status that stays. """
    is_away: bool | Unset = UNSET
    """ Whether to mark the caller as away. """
    away_message: str | Unset = UNSET
    """ The auto-reply while away, at most 1024 characters. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        emoji = self.emoji

        title = self.title

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        is_away = self.is_away

        away_message = self.away_message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "emoji": emoji,
                "title": title,
            }
        )
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if is_away is not UNSET:
            field_dict["is_away"] = is_away
        if away_message is not UNSET:
            field_dict["away_message"] = away_message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        emoji = d.pop("emoji")

        title = d.pop("title")

        _expires_at = d.pop("expires_at", UNSET)
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = types.parse_datetime(_expires_at)

        is_away = d.pop("is_away", UNSET)

        away_message = d.pop("away_message", UNSET)

        status_update = cls(
            emoji=emoji,
            title=title,
            expires_at=expires_at,
            is_away=is_away,
            away_message=away_message,
        )

        status_update.additional_properties = d
        return status_update

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
