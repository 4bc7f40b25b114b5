from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.v5_agent_inline_tool_type import V5AgentInlineToolType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.v5_tool_function import V5ToolFunction


T = TypeVar("T", bound="V5AgentInlineTool")


@_attrs_define
class V5AgentInlineTool:
    """
    Attributes:
        type_ (V5AgentInlineToolType):
        json_schema (None | Unset | V5ToolFunction):
        on_agent_call (None | str | Unset): Known values: stop, continue.
    """

    type_: V5AgentInlineToolType
    json_schema: None | Unset | V5ToolFunction = UNSET
    on_agent_call: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.v5_tool_function import V5ToolFunction

        type_ = self.type_.value

        json_schema: dict[str, Any] | None | Unset
        if isinstance(self.json_schema, Unset):
            json_schema = UNSET
        elif isinstance(self.json_schema, V5ToolFunction):
            json_schema = self.json_schema.to_dict()
        else:
            json_schema = self.json_schema

        on_agent_call: None | str | Unset
        if isinstance(self.on_agent_call, Unset):
            on_agent_call = UNSET
        else:
            on_agent_call = self.on_agent_call

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if json_schema is not UNSET:
            field_dict["json_schema"] = json_schema
        if on_agent_call is not UNSET:
            field_dict["on_agent_call"] = on_agent_call

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.v5_tool_function import V5ToolFunction

        d = dict(src_dict)
        type_ = V5AgentInlineToolType(d.pop("type"))

        def _parse_json_schema(data: object) -> None | Unset | V5ToolFunction:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                json_schema_type_0 = V5ToolFunction.from_dict(data)

                return json_schema_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V5ToolFunction, data)

        json_schema = _parse_json_schema(d.pop("json_schema", UNSET))

        def _parse_on_agent_call(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        on_agent_call = _parse_on_agent_call(d.pop("on_agent_call", UNSET))

        v5_agent_inline_tool = cls(
            type_=type_,
            json_schema=json_schema,
            on_agent_call=on_agent_call,
        )

        v5_agent_inline_tool.additional_properties = d
        return v5_agent_inline_tool

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
