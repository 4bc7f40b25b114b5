from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.image_chat_content import ImageChatContent
    from ..models.text_chat_content import TextChatContent
    from ..models.tool_call import ToolCall
    from ..models.unknown_chat_content import UnknownChatContent
    from ..models.v5_redacted_thinking_content import V5RedactedThinkingContent
    from ..models.v5_thinking_content import V5ThinkingContent


T = TypeVar("T", bound="V5ChatMessage")


@_attrs_define
class V5ChatMessage:
    """
    Attributes:
        role (None | str | Unset): Role of the message author. Known values: user, assistant, system, tool, developer.
        content (list[ImageChatContent | TextChatContent | UnknownChatContent] | None | str | Unset): Message content; a
            plain string or a list of parts (text, image, or a part kind not known yet).
        name (None | str | Unset):
        tool_call_id (None | str | Unset):
        tool_calls (list[ToolCall] | None | Unset):
        thinking (list[UnknownChatContent | V5RedactedThinkingContent | V5ThinkingContent] | None | Unset): The model's
            chain of thought (Anthropic thinking blocks).
    """

    role: None | str | Unset = UNSET
    content: list[ImageChatContent | TextChatContent | UnknownChatContent] | None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    tool_call_id: None | str | Unset = UNSET
    tool_calls: list[ToolCall] | None | Unset = UNSET
    thinking: list[UnknownChatContent | V5RedactedThinkingContent | V5ThinkingContent] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.image_chat_content import ImageChatContent
        from ..models.text_chat_content import TextChatContent
        from ..models.v5_redacted_thinking_content import V5RedactedThinkingContent
        from ..models.v5_thinking_content import V5ThinkingContent

        role: None | str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        else:
            role = self.role

        content: list[dict[str, Any]] | None | str | Unset
        if isinstance(self.content, Unset):
            content = UNSET
        elif isinstance(self.content, list):
            content = []
            for componentsschemas_chat_content_type_1_item_data in self.content:
                componentsschemas_chat_content_type_1_item: dict[str, Any]
                if isinstance(componentsschemas_chat_content_type_1_item_data, TextChatContent) or isinstance(
                    componentsschemas_chat_content_type_1_item_data, ImageChatContent
                ):
                    componentsschemas_chat_content_type_1_item = (
                        componentsschemas_chat_content_type_1_item_data.to_dict()
                    )
                else:
                    componentsschemas_chat_content_type_1_item = (
                        componentsschemas_chat_content_type_1_item_data.to_dict()
                    )

                content.append(componentsschemas_chat_content_type_1_item)

        else:
            content = self.content

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        tool_call_id: None | str | Unset
        if isinstance(self.tool_call_id, Unset):
            tool_call_id = UNSET
        else:
            tool_call_id = self.tool_call_id

        tool_calls: list[dict[str, Any]] | None | Unset
        if isinstance(self.tool_calls, Unset):
            tool_calls = UNSET
        elif isinstance(self.tool_calls, list):
            tool_calls = []
            for tool_calls_type_0_item_data in self.tool_calls:
                tool_calls_type_0_item = tool_calls_type_0_item_data.to_dict()
                tool_calls.append(tool_calls_type_0_item)

        else:
            tool_calls = self.tool_calls

        thinking: list[dict[str, Any]] | None | Unset
        if isinstance(self.thinking, Unset):
            thinking = UNSET
        elif isinstance(self.thinking, list):
            thinking = []
            for thinking_type_0_item_data in self.thinking:
                thinking_type_0_item: dict[str, Any]
                if isinstance(thinking_type_0_item_data, V5ThinkingContent) or isinstance(
                    thinking_type_0_item_data, V5RedactedThinkingContent
                ):
                    thinking_type_0_item = thinking_type_0_item_data.to_dict()
                else:
                    thinking_type_0_item = thinking_type_0_item_data.to_dict()

                thinking.append(thinking_type_0_item)

        else:
            thinking = self.thinking

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if role is not UNSET:
            field_dict["role"] = role
        if content is not UNSET:
            field_dict["content"] = content
        if name is not UNSET:
            field_dict["name"] = name
        if tool_call_id is not UNSET:
            field_dict["tool_call_id"] = tool_call_id
        if tool_calls is not UNSET:
            field_dict["tool_calls"] = tool_calls
        if thinking is not UNSET:
            field_dict["thinking"] = thinking

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.image_chat_content import ImageChatContent
        from ..models.text_chat_content import TextChatContent
        from ..models.tool_call import ToolCall
        from ..models.unknown_chat_content import UnknownChatContent
        from ..models.v5_redacted_thinking_content import V5RedactedThinkingContent
        from ..models.v5_thinking_content import V5ThinkingContent

        d = dict(src_dict)

        def _parse_role(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        role = _parse_role(d.pop("role", UNSET))

        def _parse_content(
            data: object,
        ) -> list[ImageChatContent | TextChatContent | UnknownChatContent] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_chat_content_type_1 = []
                _componentsschemas_chat_content_type_1 = data
                for componentsschemas_chat_content_type_1_item_data in _componentsschemas_chat_content_type_1:

                    def _parse_componentsschemas_chat_content_type_1_item(
                        data: object,
                    ) -> ImageChatContent | TextChatContent | UnknownChatContent:
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_chat_content_type_1_item_type_0 = TextChatContent.from_dict(data)

                            return componentsschemas_chat_content_type_1_item_type_0
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_chat_content_type_1_item_type_1 = ImageChatContent.from_dict(data)

                            return componentsschemas_chat_content_type_1_item_type_1
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_chat_content_type_1_item_type_2 = UnknownChatContent.from_dict(data)

                        return componentsschemas_chat_content_type_1_item_type_2

                    componentsschemas_chat_content_type_1_item = _parse_componentsschemas_chat_content_type_1_item(
                        componentsschemas_chat_content_type_1_item_data
                    )

                    componentsschemas_chat_content_type_1.append(componentsschemas_chat_content_type_1_item)

                return componentsschemas_chat_content_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ImageChatContent | TextChatContent | UnknownChatContent] | None | str | Unset, data)

        content = _parse_content(d.pop("content", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_tool_call_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tool_call_id = _parse_tool_call_id(d.pop("tool_call_id", UNSET))

        def _parse_tool_calls(data: object) -> list[ToolCall] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tool_calls_type_0 = []
                _tool_calls_type_0 = data
                for tool_calls_type_0_item_data in _tool_calls_type_0:
                    tool_calls_type_0_item = ToolCall.from_dict(tool_calls_type_0_item_data)

                    tool_calls_type_0.append(tool_calls_type_0_item)

                return tool_calls_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ToolCall] | None | Unset, data)

        tool_calls = _parse_tool_calls(d.pop("tool_calls", UNSET))

        def _parse_thinking(
            data: object,
        ) -> list[UnknownChatContent | V5RedactedThinkingContent | V5ThinkingContent] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                thinking_type_0 = []
                _thinking_type_0 = data
                for thinking_type_0_item_data in _thinking_type_0:

                    def _parse_thinking_type_0_item(
                        data: object,
                    ) -> UnknownChatContent | V5RedactedThinkingContent | V5ThinkingContent:
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            thinking_type_0_item_type_0 = V5ThinkingContent.from_dict(data)

                            return thinking_type_0_item_type_0
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            thinking_type_0_item_type_1 = V5RedactedThinkingContent.from_dict(data)

                            return thinking_type_0_item_type_1
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        if not isinstance(data, dict):
                            raise TypeError()
                        thinking_type_0_item_type_2 = UnknownChatContent.from_dict(data)

                        return thinking_type_0_item_type_2

                    thinking_type_0_item = _parse_thinking_type_0_item(thinking_type_0_item_data)

                    thinking_type_0.append(thinking_type_0_item)

                return thinking_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UnknownChatContent | V5RedactedThinkingContent | V5ThinkingContent] | None | Unset, data)

        thinking = _parse_thinking(d.pop("thinking", UNSET))

        v5_chat_message = cls(
            role=role,
            content=content,
            name=name,
            tool_call_id=tool_call_id,
            tool_calls=tool_calls,
            thinking=thinking,
        )

        v5_chat_message.additional_properties = d
        return v5_chat_message

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
