from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.o_auth_scope import OAuthScope

T = TypeVar("T", bound="AccessTokenInfo")


@_attrs_define
class AccessTokenInfo:
    """Facts about an access token."""

    id: int
    """ The token's identifier. """
    token: str
    """ The token masked, with its first 8 and last 4 characters. """
    name: None | str
    """ The name given to the token; null for a bot's token. """
    user_id: int
    """ The token owner's identifier. """
    scopes: list[OAuthScope | str]
    """ The scopes granted. A scope added later is kept as its raw string. """
    created_at: datetime.datetime
    """ When the token was created. """
    revoked_at: datetime.datetime | None
    """ When the token was revoked; always null, since a revoked token gets 401. """
    expires_in: int | None
    """ Seconds until the token expires; null, tokens do not expire. """
    last_used_at: datetime.datetime | None
    """ When the token was last used, updated at most hourly; null before its first use. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        token = self.token

        name: None | str
        name = self.name

        user_id = self.user_id

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item: str
            if isinstance(scopes_item_data, OAuthScope):
                scopes_item = scopes_item_data.value
            else:
                scopes_item = scopes_item_data
            scopes.append(scopes_item)

        created_at = self.created_at.isoformat()

        revoked_at: None | str
        if isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at

        expires_in: int | None
        expires_in = self.expires_in

        last_used_at: None | str
        if isinstance(self.last_used_at, datetime.datetime):
            last_used_at = self.last_used_at.isoformat()
        else:
            last_used_at = self.last_used_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "token": token,
                "name": name,
                "user_id": user_id,
                "scopes": scopes,
                "created_at": created_at,
                "revoked_at": revoked_at,
                "expires_in": expires_in,
                "last_used_at": last_used_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        token = d.pop("token")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        user_id = d.pop("user_id")

        scopes = []
        _scopes = d.pop("scopes")
        if not isinstance(_scopes, list):
            raise TypeError("scopes must be a list")
        for scopes_item_data in _scopes:

            def _parse_scopes_item(data: object) -> OAuthScope | str:
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    scopes_item_type_0 = OAuthScope(data)

                    return scopes_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(OAuthScope | str, data)

            scopes_item = _parse_scopes_item(scopes_item_data)

            scopes.append(scopes_item)

        created_at = types.parse_datetime(d.pop("created_at"))

        def _parse_revoked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_at_type_0 = types.parse_datetime(data)

                return revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at"))

        def _parse_expires_in(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        expires_in = _parse_expires_in(d.pop("expires_in"))

        def _parse_last_used_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_used_at_type_0 = types.parse_datetime(data)

                return last_used_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_used_at = _parse_last_used_at(d.pop("last_used_at"))

        access_token_info = cls(
            id=id,
            token=token,
            name=name,
            user_id=user_id,
            scopes=scopes,
            created_at=created_at,
            revoked_at=revoked_at,
            expires_in=expires_in,
            last_used_at=last_used_at,
        )

        access_token_info.additional_properties = d
        return access_token_info

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
