from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CustomPropertyDefinitionListResponse")


@_attrs_define
class CustomPropertyDefinitionListResponse:
    """The envelope of a list of custom-property definitions."""

    data: list[CustomPropertyDefinition]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        if not isinstance(_data, list):
            raise TypeError("data must be a list")
        for data_item_data in _data:
            data_item = CustomPropertyDefinition.from_dict(data_item_data)

            data.append(data_item)

        custom_property_definition_list_response = cls(
            data=data,
        )

        custom_property_definition_list_response.additional_properties = d
        return custom_property_definition_list_response

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
from ..models.custom_property_definition import CustomPropertyDefinition  # noqa: E402
