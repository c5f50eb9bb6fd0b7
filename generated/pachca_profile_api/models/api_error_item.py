from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.validation_error_code import ValidationErrorCode

T = TypeVar("T", bound="ApiErrorItem")


@_attrs_define
class ApiErrorItem:
    """One problem with a request."""

    key: str
    """ The field the problem is in, or base for the whole request. """
    value: None | str
    """ The value that was refused; null when none applies. """
    message: str
    """ A sentence describing the problem. """
    code: str | ValidationErrorCode
    """ What kind of problem. A code added later is kept as its raw string. """
    payload: ApiErrorItemPayloadType0 | None
    """ Extra facts that depend on the code; mostly null. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        value: None | str
        value = self.value

        message = self.message

        code: str
        if isinstance(self.code, ValidationErrorCode):
            code = self.code.value
        else:
            code = self.code

        payload: dict[str, Any] | None
        if isinstance(self.payload, ApiErrorItemPayloadType0):
            payload = self.payload.to_dict()
        else:
            payload = self.payload

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "value": value,
                "message": message,
                "code": code,
                "payload": payload,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        def _parse_value(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        value = _parse_value(d.pop("value"))

        message = d.pop("message")

        def _parse_code(data: object) -> str | ValidationErrorCode:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                code_type_0 = ValidationErrorCode(data)

                return code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | ValidationErrorCode, data)

        code = _parse_code(d.pop("code"))

        def _parse_payload(data: object) -> ApiErrorItemPayloadType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                payload_type_0 = ApiErrorItemPayloadType0.from_dict(data)

                return payload_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ApiErrorItemPayloadType0 | None, data)

        payload = _parse_payload(d.pop("payload"))

        api_error_item = cls(
            key=key,
            value=value,
            message=message,
            code=code,
            payload=payload,
        )

        api_error_item.additional_properties = d
        return api_error_item

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
from ..models.api_error_item_payload_type_0 import ApiErrorItemPayloadType0  # noqa: E402
