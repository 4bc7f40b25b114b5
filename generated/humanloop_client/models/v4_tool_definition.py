from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.v4_tool_definition_other_type_0 import V4ToolDefinitionOtherType0
    from ..models.v4_tool_definition_parameters_type_0 import V4ToolDefinitionParametersType0


T = TypeVar("T", bound="V4ToolDefinition")


@_attrs_define
class V4ToolDefinition:
    """A tool shown to the model: a linked organization tool (`id` starts with `oc_`, `source` organization) or one
    defined inline. The v4 variants overlap, so one tolerant shape holds them all.

        Attributes:
            id (None | str | Unset):
            name (None | str | Unset):
            description (None | str | Unset):
            strict (bool | None | Unset):
            parameters (None | Unset | V4ToolDefinitionParametersType0):
            source (None | str | Unset): Known values: organization, inline.
            source_code (None | str | Unset):
            other (None | Unset | V4ToolDefinitionOtherType0):
            preset_name (None | str | Unset):
            type_ (None | str | Unset):
    """

    id: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    strict: bool | None | Unset = UNSET
    parameters: None | Unset | V4ToolDefinitionParametersType0 = UNSET
    source: None | str | Unset = UNSET
    source_code: None | str | Unset = UNSET
    other: None | Unset | V4ToolDefinitionOtherType0 = UNSET
    preset_name: None | str | Unset = UNSET
    type_: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.v4_tool_definition_other_type_0 import V4ToolDefinitionOtherType0
        from ..models.v4_tool_definition_parameters_type_0 import V4ToolDefinitionParametersType0

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

        strict: bool | None | Unset
        if isinstance(self.strict, Unset):
            strict = UNSET
        else:
            strict = self.strict

        parameters: dict[str, Any] | None | Unset
        if isinstance(self.parameters, Unset):
            parameters = UNSET
        elif isinstance(self.parameters, V4ToolDefinitionParametersType0):
            parameters = self.parameters.to_dict()
        else:
            parameters = self.parameters

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        source_code: None | str | Unset
        if isinstance(self.source_code, Unset):
            source_code = UNSET
        else:
            source_code = self.source_code

        other: dict[str, Any] | None | Unset
        if isinstance(self.other, Unset):
            other = UNSET
        elif isinstance(self.other, V4ToolDefinitionOtherType0):
            other = self.other.to_dict()
        else:
            other = self.other

        preset_name: None | str | Unset
        if isinstance(self.preset_name, Unset):
            preset_name = UNSET
        else:
            preset_name = self.preset_name

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        else:
            type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if strict is not UNSET:
            field_dict["strict"] = strict
        if parameters is not UNSET:
            field_dict["parameters"] = parameters
        if source is not UNSET:
            field_dict["source"] = source
        if source_code is not UNSET:
            field_dict["source_code"] = source_code
        if other is not UNSET:
            field_dict["other"] = other
        if preset_name is not UNSET:
            field_dict["preset_name"] = preset_name
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.v4_tool_definition_other_type_0 import V4ToolDefinitionOtherType0
        from ..models.v4_tool_definition_parameters_type_0 import V4ToolDefinitionParametersType0

        d = dict(src_dict)

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

        def _parse_strict(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        strict = _parse_strict(d.pop("strict", UNSET))

        def _parse_parameters(data: object) -> None | Unset | V4ToolDefinitionParametersType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                parameters_type_0 = V4ToolDefinitionParametersType0.from_dict(data)

                return parameters_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V4ToolDefinitionParametersType0, data)

        parameters = _parse_parameters(d.pop("parameters", UNSET))

        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        def _parse_source_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_code = _parse_source_code(d.pop("source_code", UNSET))

        def _parse_other(data: object) -> None | Unset | V4ToolDefinitionOtherType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                other_type_0 = V4ToolDefinitionOtherType0.from_dict(data)

                return other_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V4ToolDefinitionOtherType0, data)

        other = _parse_other(d.pop("other", UNSET))

        def _parse_preset_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        preset_name = _parse_preset_name(d.pop("preset_name", UNSET))

        def _parse_type_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        v4_tool_definition = cls(
            id=id,
            name=name,
            description=description,
            strict=strict,
            parameters=parameters,
            source=source,
            source_code=source_code,
            other=other,
            preset_name=preset_name,
            type_=type_,
        )

        v4_tool_definition.additional_properties = d
        return v4_tool_definition

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
