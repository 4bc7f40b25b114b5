from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="V5Deployment")


@_attrs_define
class V5Deployment:
    """One (version, environment) pair of an export's `deployments.json`.

    Attributes:
        version_id (None | str | Unset):
        environment_id (None | str | Unset):
        environment_name (None | str | Unset):
        environment_tag (None | str | Unset):
    """

    version_id: None | str | Unset = UNSET
    environment_id: None | str | Unset = UNSET
    environment_name: None | str | Unset = UNSET
    environment_tag: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version_id: None | str | Unset
        if isinstance(self.version_id, Unset):
            version_id = UNSET
        else:
            version_id = self.version_id

        environment_id: None | str | Unset
        if isinstance(self.environment_id, Unset):
            environment_id = UNSET
        else:
            environment_id = self.environment_id

        environment_name: None | str | Unset
        if isinstance(self.environment_name, Unset):
            environment_name = UNSET
        else:
            environment_name = self.environment_name

        environment_tag: None | str | Unset
        if isinstance(self.environment_tag, Unset):
            environment_tag = UNSET
        else:
            environment_tag = self.environment_tag

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if version_id is not UNSET:
            field_dict["version_id"] = version_id
        if environment_id is not UNSET:
            field_dict["environment_id"] = environment_id
        if environment_name is not UNSET:
            field_dict["environment_name"] = environment_name
        if environment_tag is not UNSET:
            field_dict["environment_tag"] = environment_tag

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_version_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        version_id = _parse_version_id(d.pop("version_id", UNSET))

        def _parse_environment_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        environment_id = _parse_environment_id(d.pop("environment_id", UNSET))

        def _parse_environment_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        environment_name = _parse_environment_name(d.pop("environment_name", UNSET))

        def _parse_environment_tag(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        environment_tag = _parse_environment_tag(d.pop("environment_tag", UNSET))

        v5_deployment = cls(
            version_id=version_id,
            environment_id=environment_id,
            environment_name=environment_name,
            environment_tag=environment_tag,
        )

        v5_deployment.additional_properties = d
        return v5_deployment

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
