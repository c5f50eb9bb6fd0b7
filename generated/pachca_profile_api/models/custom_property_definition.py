from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.custom_property_data_type import CustomPropertyDataType

T = TypeVar("T", bound="CustomPropertyDefinition")


@_attrs_define
class CustomPropertyDefinition:
    """One custom property a workspace defines."""

    id: int
    """ The property's identifier. """
    name: str
    """ The property's name. """
    data_type: CustomPropertyDataType | str
    """ The kind of value. A kind added later is kept as its raw string. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        data_type: str
        if isinstance(self.data_type, CustomPropertyDataType):
            data_type = self.data_type.value
        else:
            data_type = self.data_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "data_type": data_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        def _parse_data_type(data: object) -> CustomPropertyDataType | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                data_type_type_0 = CustomPropertyDataType(data)

                return data_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CustomPropertyDataType | str, data)

        data_type = _parse_data_type(d.pop("data_type"))

        custom_property_definition = cls(
            id=id,
            name=name,
            data_type=data_type,
        )

        custom_property_definition.additional_properties = d
        return custom_property_definition

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
