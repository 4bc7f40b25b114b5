from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.v4_generic_config_response_type import V4GenericConfigResponseType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.v4_config_common_other_type_0 import V4ConfigCommonOtherType0
    from ..models.v4_user_response import V4UserResponse


T = TypeVar("T", bound="V4GenericConfigResponse")


@_attrs_define
class V4GenericConfigResponse:
    """
    Attributes:
        type_ (V4GenericConfigResponseType):
        id (None | str | Unset): String ID of config. Starts with `config_`.
        name (None | str | Unset):
        description (None | str | Unset):
        other (None | Unset | V4ConfigCommonOtherType0): Other parameters that define the config.
        created_by (None | Unset | V4UserResponse):
        status (None | str | Unset): Whether the config is committed or not.
    """

    type_: V4GenericConfigResponseType
    id: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    other: None | Unset | V4ConfigCommonOtherType0 = UNSET
    created_by: None | Unset | V4UserResponse = UNSET
    status: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.v4_config_common_other_type_0 import V4ConfigCommonOtherType0
        from ..models.v4_user_response import V4UserResponse

        type_ = self.type_.value

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        other: dict[str, Any] | None | Unset
        if isinstance(self.other, Unset):
            other = UNSET
        elif isinstance(self.other, V4ConfigCommonOtherType0):
            other = self.other.to_dict()
        else:
            other = self.other

        created_by: dict[str, Any] | None | Unset
        if isinstance(self.created_by, Unset):
            created_by = UNSET
        elif isinstance(self.created_by, V4UserResponse):
            created_by = self.created_by.to_dict()
        else:
            created_by = self.created_by

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if other is not UNSET:
            field_dict["other"] = other
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.v4_config_common_other_type_0 import V4ConfigCommonOtherType0
        from ..models.v4_user_response import V4UserResponse

        d = dict(src_dict)
        type_ = V4GenericConfigResponseType(d.pop("type"))

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_other(data: object) -> None | Unset | V4ConfigCommonOtherType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                other_type_0 = V4ConfigCommonOtherType0.from_dict(data)

                return other_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V4ConfigCommonOtherType0, data)

        other = _parse_other(d.pop("other", UNSET))

        def _parse_created_by(data: object) -> None | Unset | V4UserResponse:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_v4_user_response_or_null_type_0 = V4UserResponse.from_dict(data)

                return componentsschemas_v4_user_response_or_null_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V4UserResponse, data)

        created_by = _parse_created_by(d.pop("created_by", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        v4_generic_config_response = cls(
            type_=type_,
            id=id,
            name=name,
            description=description,
            other=other,
            created_by=created_by,
            status=status,
        )

        v4_generic_config_response.additional_properties = d
        return v4_generic_config_response

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
