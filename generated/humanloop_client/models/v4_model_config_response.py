from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.v4_model_config_response_type import V4ModelConfigResponseType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.response_format import ResponseFormat
    from ..models.v4_chat_message import V4ChatMessage
    from ..models.v4_config_common_other_type_0 import V4ConfigCommonOtherType0
    from ..models.v4_tool_config_response import V4ToolConfigResponse
    from ..models.v4_tool_definition import V4ToolDefinition
    from ..models.v4_user_response import V4UserResponse


T = TypeVar("T", bound="V4ModelConfigResponse")


@_attrs_define
class V4ModelConfigResponse:
    """
    Attributes:
        type_ (V4ModelConfigResponseType):
        id (None | str | Unset): String ID of config. Starts with `config_`.
        name (None | str | Unset):
        description (None | str | Unset):
        other (None | Unset | V4ConfigCommonOtherType0): Other parameters that define the config.
        created_by (None | Unset | V4UserResponse):
        status (None | str | Unset): Whether the config is committed or not.
        provider (None | str | Unset): The company providing the model. Known values: openai, openai_azure, mock,
            anthropic, bedrock, cohere,
            replicate, google, groq, deepseek.
        model (None | str | Unset): The model instance used
        max_tokens (int | None | Unset): -1 asks the provider for the maximum.
        temperature (float | None | Unset):
        top_p (float | None | Unset):
        stop (list[str] | None | str | Unset): The string (or strings) after which the model stops generating.
        presence_penalty (float | None | Unset):
        frequency_penalty (float | None | Unset):
        seed (int | None | Unset):
        response_format (None | ResponseFormat | Unset):
        prompt_template (None | str | Unset): Completion template; inputs as `{{input_name}}`.
        chat_template (list[V4ChatMessage] | None | Unset): Messages prepended to the messages sent to the provider.
        endpoint (None | str | Unset): The provider endpoint used. Known values: complete, chat, edit.
        tool_configs (list[V4ToolConfigResponse] | None | Unset): Deprecated in favour of `tools`.
        tools (list[V4ToolDefinition] | None | Unset): Tools shown to the model.
    """

    type_: V4ModelConfigResponseType
    id: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    other: None | Unset | V4ConfigCommonOtherType0 = UNSET
    created_by: None | Unset | V4UserResponse = UNSET
    status: None | str | Unset = UNSET
    provider: None | str | Unset = UNSET
    model: None | str | Unset = UNSET
    max_tokens: int | None | Unset = UNSET
    temperature: float | None | Unset = UNSET
    top_p: float | None | Unset = UNSET
    stop: list[str] | None | str | Unset = UNSET
    presence_penalty: float | None | Unset = UNSET
    frequency_penalty: float | None | Unset = UNSET
    seed: int | None | Unset = UNSET
    response_format: None | ResponseFormat | Unset = UNSET
    prompt_template: None | str | Unset = UNSET
    chat_template: list[V4ChatMessage] | None | Unset = UNSET
    endpoint: None | str | Unset = UNSET
    tool_configs: list[V4ToolConfigResponse] | None | Unset = UNSET
    tools: list[V4ToolDefinition] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.response_format import ResponseFormat
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

        provider: None | str | Unset
        if isinstance(self.provider, Unset):
            provider = UNSET
        else:
            provider = self.provider

        model: None | str | Unset
        if isinstance(self.model, Unset):
            model = UNSET
        else:
            model = self.model

        max_tokens: int | None | Unset
        if isinstance(self.max_tokens, Unset):
            max_tokens = UNSET
        else:
            max_tokens = self.max_tokens

        temperature: float | None | Unset
        if isinstance(self.temperature, Unset):
            temperature = UNSET
        else:
            temperature = self.temperature

        top_p: float | None | Unset
        if isinstance(self.top_p, Unset):
            top_p = UNSET
        else:
            top_p = self.top_p

        stop: list[str] | None | str | Unset
        if isinstance(self.stop, Unset):
            stop = UNSET
        elif isinstance(self.stop, list):
            stop = self.stop

        else:
            stop = self.stop

        presence_penalty: float | None | Unset
        if isinstance(self.presence_penalty, Unset):
            presence_penalty = UNSET
        else:
            presence_penalty = self.presence_penalty

        frequency_penalty: float | None | Unset
        if isinstance(self.frequency_penalty, Unset):
            frequency_penalty = UNSET
        else:
            frequency_penalty = self.frequency_penalty

        seed: int | None | Unset
        if isinstance(self.seed, Unset):
            seed = UNSET
        else:
            seed = self.seed

        response_format: dict[str, Any] | None | Unset
        if isinstance(self.response_format, Unset):
            response_format = UNSET
        elif isinstance(self.response_format, ResponseFormat):
            response_format = self.response_format.to_dict()
        else:
            response_format = self.response_format

        prompt_template: None | str | Unset
        if isinstance(self.prompt_template, Unset):
            prompt_template = UNSET
        else:
            prompt_template = self.prompt_template

        chat_template: list[dict[str, Any]] | None | Unset
        if isinstance(self.chat_template, Unset):
            chat_template = UNSET
        elif isinstance(self.chat_template, list):
            chat_template = []
            for chat_template_type_0_item_data in self.chat_template:
                chat_template_type_0_item = chat_template_type_0_item_data.to_dict()
                chat_template.append(chat_template_type_0_item)

        else:
            chat_template = self.chat_template

        endpoint: None | str | Unset
        if isinstance(self.endpoint, Unset):
            endpoint = UNSET
        else:
            endpoint = self.endpoint

        tool_configs: list[dict[str, Any]] | None | Unset
        if isinstance(self.tool_configs, Unset):
            tool_configs = UNSET
        elif isinstance(self.tool_configs, list):
            tool_configs = []
            for tool_configs_type_0_item_data in self.tool_configs:
                tool_configs_type_0_item = tool_configs_type_0_item_data.to_dict()
                tool_configs.append(tool_configs_type_0_item)

        else:
            tool_configs = self.tool_configs

        tools: list[dict[str, Any]] | None | Unset
        if isinstance(self.tools, Unset):
            tools = UNSET
        elif isinstance(self.tools, list):
            tools = []
            for tools_type_0_item_data in self.tools:
                tools_type_0_item = tools_type_0_item_data.to_dict()
                tools.append(tools_type_0_item)

        else:
            tools = self.tools

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
        if provider is not UNSET:
            field_dict["provider"] = provider
        if model is not UNSET:
            field_dict["model"] = model
        if max_tokens is not UNSET:
            field_dict["max_tokens"] = max_tokens
        if temperature is not UNSET:
            field_dict["temperature"] = temperature
        if top_p is not UNSET:
            field_dict["top_p"] = top_p
        if stop is not UNSET:
            field_dict["stop"] = stop
        if presence_penalty is not UNSET:
            field_dict["presence_penalty"] = presence_penalty
        if frequency_penalty is not UNSET:
            field_dict["frequency_penalty"] = frequency_penalty
        if seed is not UNSET:
            field_dict["seed"] = seed
        if response_format is not UNSET:
            field_dict["response_format"] = response_format
        if prompt_template is not UNSET:
            field_dict["prompt_template"] = prompt_template
        if chat_template is not UNSET:
            field_dict["chat_template"] = chat_template
        if endpoint is not UNSET:
            field_dict["endpoint"] = endpoint
        if tool_configs is not UNSET:
            field_dict["tool_configs"] = tool_configs
        if tools is not UNSET:
            field_dict["tools"] = tools

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.response_format import ResponseFormat
        from ..models.v4_chat_message import V4ChatMessage
        from ..models.v4_config_common_other_type_0 import V4ConfigCommonOtherType0
        from ..models.v4_tool_config_response import V4ToolConfigResponse
        from ..models.v4_tool_definition import V4ToolDefinition
        from ..models.v4_user_response import V4UserResponse

        d = dict(src_dict)
        type_ = V4ModelConfigResponseType(d.pop("type"))

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

        def _parse_provider(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider = _parse_provider(d.pop("provider", UNSET))

        def _parse_model(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        model = _parse_model(d.pop("model", UNSET))

        def _parse_max_tokens(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_tokens = _parse_max_tokens(d.pop("max_tokens", UNSET))

        def _parse_temperature(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        temperature = _parse_temperature(d.pop("temperature", UNSET))

        def _parse_top_p(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        top_p = _parse_top_p(d.pop("top_p", UNSET))

        def _parse_stop(data: object) -> list[str] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_stop_sequences_type_1 = cast(list[str], data)

                return componentsschemas_stop_sequences_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | str | Unset, data)

        stop = _parse_stop(d.pop("stop", UNSET))

        def _parse_presence_penalty(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        presence_penalty = _parse_presence_penalty(d.pop("presence_penalty", UNSET))

        def _parse_frequency_penalty(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        frequency_penalty = _parse_frequency_penalty(d.pop("frequency_penalty", UNSET))

        def _parse_seed(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        seed = _parse_seed(d.pop("seed", UNSET))

        def _parse_response_format(data: object) -> None | ResponseFormat | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_format_type_0 = ResponseFormat.from_dict(data)

                return response_format_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResponseFormat | Unset, data)

        response_format = _parse_response_format(d.pop("response_format", UNSET))

        def _parse_prompt_template(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        prompt_template = _parse_prompt_template(d.pop("prompt_template", UNSET))

        def _parse_chat_template(data: object) -> list[V4ChatMessage] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                chat_template_type_0 = []
                _chat_template_type_0 = data
                for chat_template_type_0_item_data in _chat_template_type_0:
                    chat_template_type_0_item = V4ChatMessage.from_dict(chat_template_type_0_item_data)

                    chat_template_type_0.append(chat_template_type_0_item)

                return chat_template_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[V4ChatMessage] | None | Unset, data)

        chat_template = _parse_chat_template(d.pop("chat_template", UNSET))

        def _parse_endpoint(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        endpoint = _parse_endpoint(d.pop("endpoint", UNSET))

        def _parse_tool_configs(data: object) -> list[V4ToolConfigResponse] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tool_configs_type_0 = []
                _tool_configs_type_0 = data
                for tool_configs_type_0_item_data in _tool_configs_type_0:
                    tool_configs_type_0_item = V4ToolConfigResponse.from_dict(tool_configs_type_0_item_data)

                    tool_configs_type_0.append(tool_configs_type_0_item)

                return tool_configs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[V4ToolConfigResponse] | None | Unset, data)

        tool_configs = _parse_tool_configs(d.pop("tool_configs", UNSET))

        def _parse_tools(data: object) -> list[V4ToolDefinition] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tools_type_0 = []
                _tools_type_0 = data
                for tools_type_0_item_data in _tools_type_0:
                    tools_type_0_item = V4ToolDefinition.from_dict(tools_type_0_item_data)

                    tools_type_0.append(tools_type_0_item)

                return tools_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[V4ToolDefinition] | None | Unset, data)

        tools = _parse_tools(d.pop("tools", UNSET))

        v4_model_config_response = cls(
            type_=type_,
            id=id,
            name=name,
            description=description,
            other=other,
            created_by=created_by,
            status=status,
            provider=provider,
            model=model,
            max_tokens=max_tokens,
            temperature=temperature,
            top_p=top_p,
            stop=stop,
            presence_penalty=presence_penalty,
            frequency_penalty=frequency_penalty,
            seed=seed,
            response_format=response_format,
            prompt_template=prompt_template,
            chat_template=chat_template,
            endpoint=endpoint,
            tool_configs=tool_configs,
            tools=tools,
        )

        v4_model_config_response.additional_properties = d
        return v4_model_config_response

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
