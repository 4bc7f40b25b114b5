from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.response_format import ResponseFormat
    from ..models.v5_chat_message import V5ChatMessage
    from ..models.v5_model_parameters_other_type_0 import V5ModelParametersOtherType0
    from ..models.v5_prompt_kernel_attributes_type_0 import V5PromptKernelAttributesType0
    from ..models.v5_tool_function import V5ToolFunction


T = TypeVar("T", bound="V5PromptKernel")


@_attrs_define
class V5PromptKernel:
    """
    Attributes:
        model (None | str | Unset): The model instance used
        endpoint (None | str | Unset): Known values: complete, chat, edit.
        template (list[V5ChatMessage] | None | str | Unset): The template; a string for completion models, a list of
            messages for chat models.
        template_language (None | str | Unset): Known values: default, jinja.
        provider (None | str | Unset): Known values: anthropic, bedrock, cohere, deepseek, google, groq, mock, openai,
            openai_azure, replicate.
        max_tokens (int | None | Unset):
        temperature (float | None | Unset):
        top_p (float | None | Unset):
        stop (list[str] | None | str | Unset): The string (or strings) after which the model stops generating.
        presence_penalty (float | None | Unset):
        frequency_penalty (float | None | Unset):
        other (None | Unset | V5ModelParametersOtherType0):
        seed (int | None | Unset):
        response_format (None | ResponseFormat | Unset):
        reasoning_effort (int | None | str | Unset): Reasoning guidance: an effort (known values: high, medium, low) or
            a token budget.
        tools (list[V5ToolFunction] | None | Unset):
        linked_tools (list[str] | None | Unset): IDs of organization Tools linked to the prompt.
        attributes (None | Unset | V5PromptKernelAttributesType0):
    """

    model: None | str | Unset = UNSET
    endpoint: None | str | Unset = UNSET
    template: list[V5ChatMessage] | None | str | Unset = UNSET
    template_language: None | str | Unset = UNSET
    provider: None | str | Unset = UNSET
    max_tokens: int | None | Unset = UNSET
    temperature: float | None | Unset = UNSET
    top_p: float | None | Unset = UNSET
    stop: list[str] | None | str | Unset = UNSET
    presence_penalty: float | None | Unset = UNSET
    frequency_penalty: float | None | Unset = UNSET
    other: None | Unset | V5ModelParametersOtherType0 = UNSET
    seed: int | None | Unset = UNSET
    response_format: None | ResponseFormat | Unset = UNSET
    reasoning_effort: int | None | str | Unset = UNSET
    tools: list[V5ToolFunction] | None | Unset = UNSET
    linked_tools: list[str] | None | Unset = UNSET
    attributes: None | Unset | V5PromptKernelAttributesType0 = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.response_format import ResponseFormat
        from ..models.v5_model_parameters_other_type_0 import V5ModelParametersOtherType0
        from ..models.v5_prompt_kernel_attributes_type_0 import V5PromptKernelAttributesType0

        model: None | str | Unset
        if isinstance(self.model, Unset):
            model = UNSET
        else:
            model = self.model

        endpoint: None | str | Unset
        if isinstance(self.endpoint, Unset):
            endpoint = UNSET
        else:
            endpoint = self.endpoint

        template: list[dict[str, Any]] | None | str | Unset
        if isinstance(self.template, Unset):
            template = UNSET
        elif isinstance(self.template, list):
            template = []
            for template_type_1_item_data in self.template:
                template_type_1_item = template_type_1_item_data.to_dict()
                template.append(template_type_1_item)

        else:
            template = self.template

        template_language: None | str | Unset
        if isinstance(self.template_language, Unset):
            template_language = UNSET
        else:
            template_language = self.template_language

        provider: None | str | Unset
        if isinstance(self.provider, Unset):
            provider = UNSET
        else:
            provider = self.provider

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

        other: dict[str, Any] | None | Unset
        if isinstance(self.other, Unset):
            other = UNSET
        elif isinstance(self.other, V5ModelParametersOtherType0):
            other = self.other.to_dict()
        else:
            other = self.other

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

        reasoning_effort: int | None | str | Unset
        if isinstance(self.reasoning_effort, Unset):
            reasoning_effort = UNSET
        else:
            reasoning_effort = self.reasoning_effort

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

        linked_tools: list[str] | None | Unset
        if isinstance(self.linked_tools, Unset):
            linked_tools = UNSET
        elif isinstance(self.linked_tools, list):
            linked_tools = self.linked_tools

        else:
            linked_tools = self.linked_tools

        attributes: dict[str, Any] | None | Unset
        if isinstance(self.attributes, Unset):
            attributes = UNSET
        elif isinstance(self.attributes, V5PromptKernelAttributesType0):
            attributes = self.attributes.to_dict()
        else:
            attributes = self.attributes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if model is not UNSET:
            field_dict["model"] = model
        if endpoint is not UNSET:
            field_dict["endpoint"] = endpoint
        if template is not UNSET:
            field_dict["template"] = template
        if template_language is not UNSET:
            field_dict["template_language"] = template_language
        if provider is not UNSET:
            field_dict["provider"] = provider
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
        if other is not UNSET:
            field_dict["other"] = other
        if seed is not UNSET:
            field_dict["seed"] = seed
        if response_format is not UNSET:
            field_dict["response_format"] = response_format
        if reasoning_effort is not UNSET:
            field_dict["reasoning_effort"] = reasoning_effort
        if tools is not UNSET:
            field_dict["tools"] = tools
        if linked_tools is not UNSET:
            field_dict["linked_tools"] = linked_tools
        if attributes is not UNSET:
            field_dict["attributes"] = attributes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.response_format import ResponseFormat
        from ..models.v5_chat_message import V5ChatMessage
        from ..models.v5_model_parameters_other_type_0 import V5ModelParametersOtherType0
        from ..models.v5_prompt_kernel_attributes_type_0 import V5PromptKernelAttributesType0
        from ..models.v5_tool_function import V5ToolFunction

        d = dict(src_dict)

        def _parse_model(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        model = _parse_model(d.pop("model", UNSET))

        def _parse_endpoint(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        endpoint = _parse_endpoint(d.pop("endpoint", UNSET))

        def _parse_template(data: object) -> list[V5ChatMessage] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                template_type_1 = []
                _template_type_1 = data
                for template_type_1_item_data in _template_type_1:
                    template_type_1_item = V5ChatMessage.from_dict(template_type_1_item_data)

                    template_type_1.append(template_type_1_item)

                return template_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[V5ChatMessage] | None | str | Unset, data)

        template = _parse_template(d.pop("template", UNSET))

        def _parse_template_language(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        template_language = _parse_template_language(d.pop("template_language", UNSET))

        def _parse_provider(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider = _parse_provider(d.pop("provider", UNSET))

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

        def _parse_other(data: object) -> None | Unset | V5ModelParametersOtherType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                other_type_0 = V5ModelParametersOtherType0.from_dict(data)

                return other_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V5ModelParametersOtherType0, data)

        other = _parse_other(d.pop("other", UNSET))

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

        def _parse_reasoning_effort(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        reasoning_effort = _parse_reasoning_effort(d.pop("reasoning_effort", UNSET))

        def _parse_tools(data: object) -> list[V5ToolFunction] | None | Unset:
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
                    tools_type_0_item = V5ToolFunction.from_dict(tools_type_0_item_data)

                    tools_type_0.append(tools_type_0_item)

                return tools_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[V5ToolFunction] | None | Unset, data)

        tools = _parse_tools(d.pop("tools", UNSET))

        def _parse_linked_tools(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                linked_tools_type_0 = cast(list[str], data)

                return linked_tools_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        linked_tools = _parse_linked_tools(d.pop("linked_tools", UNSET))

        def _parse_attributes(data: object) -> None | Unset | V5PromptKernelAttributesType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                attributes_type_0 = V5PromptKernelAttributesType0.from_dict(data)

                return attributes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V5PromptKernelAttributesType0, data)

        attributes = _parse_attributes(d.pop("attributes", UNSET))

        v5_prompt_kernel = cls(
            model=model,
            endpoint=endpoint,
            template=template,
            template_language=template_language,
            provider=provider,
            max_tokens=max_tokens,
            temperature=temperature,
            top_p=top_p,
            stop=stop,
            presence_penalty=presence_penalty,
            frequency_penalty=frequency_penalty,
            other=other,
            seed=seed,
            response_format=response_format,
            reasoning_effort=reasoning_effort,
            tools=tools,
            linked_tools=linked_tools,
            attributes=attributes,
        )

        v5_prompt_kernel.additional_properties = d
        return v5_prompt_kernel

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
