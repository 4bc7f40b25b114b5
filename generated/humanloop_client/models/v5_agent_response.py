from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.v5_agent_response_type import V5AgentResponseType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.response_format import ResponseFormat
    from ..models.unknown_chat_content import UnknownChatContent
    from ..models.v5_agent_inline_tool import V5AgentInlineTool
    from ..models.v5_agent_linked_file_response import V5AgentLinkedFileResponse
    from ..models.v5_chat_message import V5ChatMessage
    from ..models.v5_environment_response import V5EnvironmentResponse
    from ..models.v5_evaluator_aggregate import V5EvaluatorAggregate
    from ..models.v5_file_common_attributes_type_0 import V5FileCommonAttributesType0
    from ..models.v5_file_common_schema_type_0 import V5FileCommonSchemaType0
    from ..models.v5_input_response import V5InputResponse
    from ..models.v5_model_parameters_other_type_0 import V5ModelParametersOtherType0
    from ..models.v5_monitoring_evaluator_response import V5MonitoringEvaluatorResponse


T = TypeVar("T", bound="V5AgentResponse")


@_attrs_define
class V5AgentResponse:
    """
    Attributes:
        path (None | str | Unset): Path of the file
        id (None | str | Unset): Unique identifier for the file.
        directory_id (None | str | Unset):
        name (None | str | Unset):
        description (None | str | Unset):
        readme (None | str | Unset):
        tags (list[str] | None | Unset):
        version_id (None | str | Unset): Unique identifier for the specific version.
        version_name (None | str | Unset):
        version_description (None | str | Unset):
        environments (list[V5EnvironmentResponse] | None | Unset):
        created_at (datetime.datetime | None | Unset):
        updated_at (datetime.datetime | None | Unset):
        created_by (Any | Unset): The user who created the file (any shape).
        last_used_at (datetime.datetime | None | Unset):
        version_logs_count (int | None | Unset):
        total_logs_count (int | None | Unset):
        inputs (list[V5InputResponse] | None | Unset):
        evaluators (list[V5MonitoringEvaluatorResponse] | None | Unset): Monitoring Evaluators attached to the file.
        evaluator_aggregates (list[V5EvaluatorAggregate] | None | Unset):
        attributes (None | Unset | V5FileCommonAttributesType0):
        schema (None | Unset | V5FileCommonSchemaType0):
        raw_file_content (None | str | Unset): The raw `.prompt` / `.agent` file content.
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
        type_ (V5AgentResponseType | Unset): The kind marker; when present it must be `agent`.
        tools (list[UnknownChatContent | V5AgentInlineTool | V5AgentLinkedFileResponse] | None | Unset): Tools the Agent
            can call, linked files or inline tools.
        max_iterations (int | None | Unset):
        status (None | str | Unset): Known values: uncommitted, committed, deleted.
        committed_by (Any | Unset): The user who committed the version (any shape).
        committed_at (datetime.datetime | None | Unset):
    """

    path: None | str | Unset = UNSET
    id: None | str | Unset = UNSET
    directory_id: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    readme: None | str | Unset = UNSET
    tags: list[str] | None | Unset = UNSET
    version_id: None | str | Unset = UNSET
    version_name: None | str | Unset = UNSET
    version_description: None | str | Unset = UNSET
    environments: list[V5EnvironmentResponse] | None | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    created_by: Any | Unset = UNSET
    last_used_at: datetime.datetime | None | Unset = UNSET
    version_logs_count: int | None | Unset = UNSET
    total_logs_count: int | None | Unset = UNSET
    inputs: list[V5InputResponse] | None | Unset = UNSET
    evaluators: list[V5MonitoringEvaluatorResponse] | None | Unset = UNSET
    evaluator_aggregates: list[V5EvaluatorAggregate] | None | Unset = UNSET
    attributes: None | Unset | V5FileCommonAttributesType0 = UNSET
    schema: None | Unset | V5FileCommonSchemaType0 = UNSET
    raw_file_content: None | str | Unset = UNSET
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
    type_: V5AgentResponseType | Unset = UNSET
    tools: list[UnknownChatContent | V5AgentInlineTool | V5AgentLinkedFileResponse] | None | Unset = UNSET
    max_iterations: int | None | Unset = UNSET
    status: None | str | Unset = UNSET
    committed_by: Any | Unset = UNSET
    committed_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.response_format import ResponseFormat
        from ..models.v5_agent_inline_tool import V5AgentInlineTool
        from ..models.v5_agent_linked_file_response import V5AgentLinkedFileResponse
        from ..models.v5_file_common_attributes_type_0 import V5FileCommonAttributesType0
        from ..models.v5_file_common_schema_type_0 import V5FileCommonSchemaType0
        from ..models.v5_model_parameters_other_type_0 import V5ModelParametersOtherType0

        path: None | str | Unset
        if isinstance(self.path, Unset):
            path = UNSET
        else:
            path = self.path

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        directory_id: None | str | Unset
        if isinstance(self.directory_id, Unset):
            directory_id = UNSET
        else:
            directory_id = self.directory_id

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

        readme: None | str | Unset
        if isinstance(self.readme, Unset):
            readme = UNSET
        else:
            readme = self.readme

        tags: list[str] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

        version_id: None | str | Unset
        if isinstance(self.version_id, Unset):
            version_id = UNSET
        else:
            version_id = self.version_id

        version_name: None | str | Unset
        if isinstance(self.version_name, Unset):
            version_name = UNSET
        else:
            version_name = self.version_name

        version_description: None | str | Unset
        if isinstance(self.version_description, Unset):
            version_description = UNSET
        else:
            version_description = self.version_description

        environments: list[dict[str, Any]] | None | Unset
        if isinstance(self.environments, Unset):
            environments = UNSET
        elif isinstance(self.environments, list):
            environments = []
            for environments_type_0_item_data in self.environments:
                environments_type_0_item = environments_type_0_item_data.to_dict()
                environments.append(environments_type_0_item)

        else:
            environments = self.environments

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        created_by = self.created_by

        last_used_at: None | str | Unset
        if isinstance(self.last_used_at, Unset):
            last_used_at = UNSET
        elif isinstance(self.last_used_at, datetime.datetime):
            last_used_at = self.last_used_at.isoformat()
        else:
            last_used_at = self.last_used_at

        version_logs_count: int | None | Unset
        if isinstance(self.version_logs_count, Unset):
            version_logs_count = UNSET
        else:
            version_logs_count = self.version_logs_count

        total_logs_count: int | None | Unset
        if isinstance(self.total_logs_count, Unset):
            total_logs_count = UNSET
        else:
            total_logs_count = self.total_logs_count

        inputs: list[dict[str, Any]] | None | Unset
        if isinstance(self.inputs, Unset):
            inputs = UNSET
        elif isinstance(self.inputs, list):
            inputs = []
            for inputs_type_0_item_data in self.inputs:
                inputs_type_0_item = inputs_type_0_item_data.to_dict()
                inputs.append(inputs_type_0_item)

        else:
            inputs = self.inputs

        evaluators: list[dict[str, Any]] | None | Unset
        if isinstance(self.evaluators, Unset):
            evaluators = UNSET
        elif isinstance(self.evaluators, list):
            evaluators = []
            for evaluators_type_0_item_data in self.evaluators:
                evaluators_type_0_item = evaluators_type_0_item_data.to_dict()
                evaluators.append(evaluators_type_0_item)

        else:
            evaluators = self.evaluators

        evaluator_aggregates: list[dict[str, Any]] | None | Unset
        if isinstance(self.evaluator_aggregates, Unset):
            evaluator_aggregates = UNSET
        elif isinstance(self.evaluator_aggregates, list):
            evaluator_aggregates = []
            for evaluator_aggregates_type_0_item_data in self.evaluator_aggregates:
                evaluator_aggregates_type_0_item = evaluator_aggregates_type_0_item_data.to_dict()
                evaluator_aggregates.append(evaluator_aggregates_type_0_item)

        else:
            evaluator_aggregates = self.evaluator_aggregates

        attributes: dict[str, Any] | None | Unset
        if isinstance(self.attributes, Unset):
            attributes = UNSET
        elif isinstance(self.attributes, V5FileCommonAttributesType0):
            attributes = self.attributes.to_dict()
        else:
            attributes = self.attributes

        schema: dict[str, Any] | None | Unset
        if isinstance(self.schema, Unset):
            schema = UNSET
        elif isinstance(self.schema, V5FileCommonSchemaType0):
            schema = self.schema.to_dict()
        else:
            schema = self.schema

        raw_file_content: None | str | Unset
        if isinstance(self.raw_file_content, Unset):
            raw_file_content = UNSET
        else:
            raw_file_content = self.raw_file_content

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

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        tools: list[dict[str, Any]] | None | Unset
        if isinstance(self.tools, Unset):
            tools = UNSET
        elif isinstance(self.tools, list):
            tools = []
            for tools_type_0_item_data in self.tools:
                tools_type_0_item: dict[str, Any]
                if isinstance(tools_type_0_item_data, V5AgentLinkedFileResponse) or isinstance(
                    tools_type_0_item_data, V5AgentInlineTool
                ):
                    tools_type_0_item = tools_type_0_item_data.to_dict()
                else:
                    tools_type_0_item = tools_type_0_item_data.to_dict()

                tools.append(tools_type_0_item)

        else:
            tools = self.tools

        max_iterations: int | None | Unset
        if isinstance(self.max_iterations, Unset):
            max_iterations = UNSET
        else:
            max_iterations = self.max_iterations

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        committed_by = self.committed_by

        committed_at: None | str | Unset
        if isinstance(self.committed_at, Unset):
            committed_at = UNSET
        elif isinstance(self.committed_at, datetime.datetime):
            committed_at = self.committed_at.isoformat()
        else:
            committed_at = self.committed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if path is not UNSET:
            field_dict["path"] = path
        if id is not UNSET:
            field_dict["id"] = id
        if directory_id is not UNSET:
            field_dict["directory_id"] = directory_id
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if readme is not UNSET:
            field_dict["readme"] = readme
        if tags is not UNSET:
            field_dict["tags"] = tags
        if version_id is not UNSET:
            field_dict["version_id"] = version_id
        if version_name is not UNSET:
            field_dict["version_name"] = version_name
        if version_description is not UNSET:
            field_dict["version_description"] = version_description
        if environments is not UNSET:
            field_dict["environments"] = environments
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if last_used_at is not UNSET:
            field_dict["last_used_at"] = last_used_at
        if version_logs_count is not UNSET:
            field_dict["version_logs_count"] = version_logs_count
        if total_logs_count is not UNSET:
            field_dict["total_logs_count"] = total_logs_count
        if inputs is not UNSET:
            field_dict["inputs"] = inputs
        if evaluators is not UNSET:
            field_dict["evaluators"] = evaluators
        if evaluator_aggregates is not UNSET:
            field_dict["evaluator_aggregates"] = evaluator_aggregates
        if attributes is not UNSET:
            field_dict["attributes"] = attributes
        if schema is not UNSET:
            field_dict["schema"] = schema
        if raw_file_content is not UNSET:
            field_dict["raw_file_content"] = raw_file_content
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
        if type_ is not UNSET:
            field_dict["type"] = type_
        if tools is not UNSET:
            field_dict["tools"] = tools
        if max_iterations is not UNSET:
            field_dict["max_iterations"] = max_iterations
        if status is not UNSET:
            field_dict["status"] = status
        if committed_by is not UNSET:
            field_dict["committed_by"] = committed_by
        if committed_at is not UNSET:
            field_dict["committed_at"] = committed_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.response_format import ResponseFormat
        from ..models.unknown_chat_content import UnknownChatContent
        from ..models.v5_agent_inline_tool import V5AgentInlineTool
        from ..models.v5_agent_linked_file_response import V5AgentLinkedFileResponse
        from ..models.v5_chat_message import V5ChatMessage
        from ..models.v5_environment_response import V5EnvironmentResponse
        from ..models.v5_evaluator_aggregate import V5EvaluatorAggregate
        from ..models.v5_file_common_attributes_type_0 import V5FileCommonAttributesType0
        from ..models.v5_file_common_schema_type_0 import V5FileCommonSchemaType0
        from ..models.v5_input_response import V5InputResponse
        from ..models.v5_model_parameters_other_type_0 import V5ModelParametersOtherType0
        from ..models.v5_monitoring_evaluator_response import V5MonitoringEvaluatorResponse

        d = dict(src_dict)

        def _parse_path(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        path = _parse_path(d.pop("path", UNSET))

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_directory_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        directory_id = _parse_directory_id(d.pop("directory_id", UNSET))

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

        def _parse_readme(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        readme = _parse_readme(d.pop("readme", UNSET))

        def _parse_tags(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = cast(list[str], data)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

        def _parse_version_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        version_id = _parse_version_id(d.pop("version_id", UNSET))

        def _parse_version_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        version_name = _parse_version_name(d.pop("version_name", UNSET))

        def _parse_version_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        version_description = _parse_version_description(d.pop("version_description", UNSET))

        def _parse_environments(data: object) -> list[V5EnvironmentResponse] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                environments_type_0 = []
                _environments_type_0 = data
                for environments_type_0_item_data in _environments_type_0:
                    environments_type_0_item = V5EnvironmentResponse.from_dict(environments_type_0_item_data)

                    environments_type_0.append(environments_type_0_item)

                return environments_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[V5EnvironmentResponse] | None | Unset, data)

        environments = _parse_environments(d.pop("environments", UNSET))

        def _parse_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        created_by = d.pop("created_by", UNSET)

        def _parse_last_used_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_used_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_used_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_used_at = _parse_last_used_at(d.pop("last_used_at", UNSET))

        def _parse_version_logs_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version_logs_count = _parse_version_logs_count(d.pop("version_logs_count", UNSET))

        def _parse_total_logs_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        total_logs_count = _parse_total_logs_count(d.pop("total_logs_count", UNSET))

        def _parse_inputs(data: object) -> list[V5InputResponse] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                inputs_type_0 = []
                _inputs_type_0 = data
                for inputs_type_0_item_data in _inputs_type_0:
                    inputs_type_0_item = V5InputResponse.from_dict(inputs_type_0_item_data)

                    inputs_type_0.append(inputs_type_0_item)

                return inputs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[V5InputResponse] | None | Unset, data)

        inputs = _parse_inputs(d.pop("inputs", UNSET))

        def _parse_evaluators(data: object) -> list[V5MonitoringEvaluatorResponse] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                evaluators_type_0 = []
                _evaluators_type_0 = data
                for evaluators_type_0_item_data in _evaluators_type_0:
                    evaluators_type_0_item = V5MonitoringEvaluatorResponse.from_dict(evaluators_type_0_item_data)

                    evaluators_type_0.append(evaluators_type_0_item)

                return evaluators_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[V5MonitoringEvaluatorResponse] | None | Unset, data)

        evaluators = _parse_evaluators(d.pop("evaluators", UNSET))

        def _parse_evaluator_aggregates(data: object) -> list[V5EvaluatorAggregate] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                evaluator_aggregates_type_0 = []
                _evaluator_aggregates_type_0 = data
                for evaluator_aggregates_type_0_item_data in _evaluator_aggregates_type_0:
                    evaluator_aggregates_type_0_item = V5EvaluatorAggregate.from_dict(
                        evaluator_aggregates_type_0_item_data
                    )

                    evaluator_aggregates_type_0.append(evaluator_aggregates_type_0_item)

                return evaluator_aggregates_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[V5EvaluatorAggregate] | None | Unset, data)

        evaluator_aggregates = _parse_evaluator_aggregates(d.pop("evaluator_aggregates", UNSET))

        def _parse_attributes(data: object) -> None | Unset | V5FileCommonAttributesType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                attributes_type_0 = V5FileCommonAttributesType0.from_dict(data)

                return attributes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V5FileCommonAttributesType0, data)

        attributes = _parse_attributes(d.pop("attributes", UNSET))

        def _parse_schema(data: object) -> None | Unset | V5FileCommonSchemaType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                schema_type_0 = V5FileCommonSchemaType0.from_dict(data)

                return schema_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V5FileCommonSchemaType0, data)

        schema = _parse_schema(d.pop("schema", UNSET))

        def _parse_raw_file_content(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        raw_file_content = _parse_raw_file_content(d.pop("raw_file_content", UNSET))

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

        _type_ = d.pop("type", UNSET)
        type_: V5AgentResponseType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = V5AgentResponseType(_type_)

        def _parse_tools(
            data: object,
        ) -> list[UnknownChatContent | V5AgentInlineTool | V5AgentLinkedFileResponse] | None | Unset:
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

                    def _parse_tools_type_0_item(
                        data: object,
                    ) -> UnknownChatContent | V5AgentInlineTool | V5AgentLinkedFileResponse:
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            tools_type_0_item_type_0 = V5AgentLinkedFileResponse.from_dict(data)

                            return tools_type_0_item_type_0
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            tools_type_0_item_type_1 = V5AgentInlineTool.from_dict(data)

                            return tools_type_0_item_type_1
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        if not isinstance(data, dict):
                            raise TypeError()
                        tools_type_0_item_type_2 = UnknownChatContent.from_dict(data)

                        return tools_type_0_item_type_2

                    tools_type_0_item = _parse_tools_type_0_item(tools_type_0_item_data)

                    tools_type_0.append(tools_type_0_item)

                return tools_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UnknownChatContent | V5AgentInlineTool | V5AgentLinkedFileResponse] | None | Unset, data)

        tools = _parse_tools(d.pop("tools", UNSET))

        def _parse_max_iterations(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_iterations = _parse_max_iterations(d.pop("max_iterations", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        committed_by = d.pop("committed_by", UNSET)

        def _parse_committed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                committed_at_type_0 = datetime.datetime.fromisoformat(data)

                return committed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        committed_at = _parse_committed_at(d.pop("committed_at", UNSET))

        v5_agent_response = cls(
            path=path,
            id=id,
            directory_id=directory_id,
            name=name,
            description=description,
            readme=readme,
            tags=tags,
            version_id=version_id,
            version_name=version_name,
            version_description=version_description,
            environments=environments,
            created_at=created_at,
            updated_at=updated_at,
            created_by=created_by,
            last_used_at=last_used_at,
            version_logs_count=version_logs_count,
            total_logs_count=total_logs_count,
            inputs=inputs,
            evaluators=evaluators,
            evaluator_aggregates=evaluator_aggregates,
            attributes=attributes,
            schema=schema,
            raw_file_content=raw_file_content,
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
            type_=type_,
            tools=tools,
            max_iterations=max_iterations,
            status=status,
            committed_by=committed_by,
            committed_at=committed_at,
        )

        v5_agent_response.additional_properties = d
        return v5_agent_response

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
