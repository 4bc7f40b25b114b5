from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tool_choice import ToolChoice
    from ..models.v5_agent_response import V5AgentResponse
    from ..models.v5_chat_message import V5ChatMessage
    from ..models.v5_evaluator_log_response import V5EvaluatorLogResponse
    from ..models.v5_flow_log_response import V5FlowLogResponse
    from ..models.v5_log_common_inputs_type_0 import V5LogCommonInputsType0
    from ..models.v5_log_common_metadata_type_0 import V5LogCommonMetadataType0
    from ..models.v5_log_common_provider_request_type_0 import V5LogCommonProviderRequestType0
    from ..models.v5_log_common_provider_response_type_0 import V5LogCommonProviderResponseType0
    from ..models.v5_prompt_log_response import V5PromptLogResponse
    from ..models.v5_tool_log_response import V5ToolLogResponse
    from ..models.v5_unknown_log_response import V5UnknownLogResponse


T = TypeVar("T", bound="V5AgentLogResponse")


@_attrs_define
class V5AgentLogResponse:
    """
    Attributes:
        id (str): Unique identifier for the Log. Starts with `log_`.
        agent (V5AgentResponse):
        start_time (datetime.datetime | None | Unset): When the logged event started.
        end_time (datetime.datetime | None | Unset): When the logged event ended.
        output (None | str | Unset): Generated output; `null` when logging an error.
        created_at (datetime.datetime | None | Unset): When the log was created.
        error (None | str | Unset): Error message if the log is an error.
        provider_latency (float | None | Unset): Duration of the logged event in seconds.
        stdout (None | str | Unset): Captured log and debug statements.
        provider_request (None | Unset | V5LogCommonProviderRequestType0):
        provider_response (None | Unset | V5LogCommonProviderResponseType0):
        inputs (None | Unset | V5LogCommonInputsType0):
        source (None | str | Unset): Identifies where the model was called from.
        metadata (None | Unset | V5LogCommonMetadataType0):
        log_status (None | str | Unset): Known values: complete, incomplete.
        source_datapoint_id (None | str | Unset): The Datapoint this Log is derived from.
        trace_parent_id (None | str | Unset): The ID of the parent Log in a Trace.
        batches (list[str] | None | Unset): Batch IDs this Log is part of.
        user (None | str | Unset): End-user ID related to the Log.
        environment (None | str | Unset): The name of the Environment the Log is associated to.
        save (bool | None | Unset):
        log_id (None | str | Unset):
        output_message (None | Unset | V5ChatMessage):
        evaluator_logs (list[V5AgentLogResponse | V5EvaluatorLogResponse | V5FlowLogResponse | V5PromptLogResponse |
            V5ToolLogResponse | V5UnknownLogResponse] | None | Unset): Evaluator Logs judging this Log.
        trace_flow_id (None | str | Unset): The Flow that the Trace belongs to.
        trace_id (None | str | Unset): The Trace that the Log belongs to.
        trace_children (list[V5AgentLogResponse | V5EvaluatorLogResponse | V5FlowLogResponse | V5PromptLogResponse |
            V5ToolLogResponse | V5UnknownLogResponse] | None | Unset): Logs nested under this Log in the Trace.
        prompt_tokens (int | None | Unset):
        reasoning_tokens (int | None | Unset):
        output_tokens (int | None | Unset):
        prompt_cost (float | None | Unset): Cost in dollars of the prompt tokens.
        output_cost (float | None | Unset): Cost in dollars of the output tokens.
        finish_reason (None | str | Unset):
        messages (list[V5ChatMessage] | None | Unset):
        tool_choice (None | str | ToolChoice | Unset): How the model uses tools: `none`, `auto`, `required` (an open
            string), or an object naming one function.
    """

    id: str
    agent: V5AgentResponse
    start_time: datetime.datetime | None | Unset = UNSET
    end_time: datetime.datetime | None | Unset = UNSET
    output: None | str | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    error: None | str | Unset = UNSET
    provider_latency: float | None | Unset = UNSET
    stdout: None | str | Unset = UNSET
    provider_request: None | Unset | V5LogCommonProviderRequestType0 = UNSET
    provider_response: None | Unset | V5LogCommonProviderResponseType0 = UNSET
    inputs: None | Unset | V5LogCommonInputsType0 = UNSET
    source: None | str | Unset = UNSET
    metadata: None | Unset | V5LogCommonMetadataType0 = UNSET
    log_status: None | str | Unset = UNSET
    source_datapoint_id: None | str | Unset = UNSET
    trace_parent_id: None | str | Unset = UNSET
    batches: list[str] | None | Unset = UNSET
    user: None | str | Unset = UNSET
    environment: None | str | Unset = UNSET
    save: bool | None | Unset = UNSET
    log_id: None | str | Unset = UNSET
    output_message: None | Unset | V5ChatMessage = UNSET
    evaluator_logs: (
        list[
            V5AgentLogResponse
            | V5EvaluatorLogResponse
            | V5FlowLogResponse
            | V5PromptLogResponse
            | V5ToolLogResponse
            | V5UnknownLogResponse
        ]
        | None
        | Unset
    ) = UNSET
    trace_flow_id: None | str | Unset = UNSET
    trace_id: None | str | Unset = UNSET
    trace_children: (
        list[
            V5AgentLogResponse
            | V5EvaluatorLogResponse
            | V5FlowLogResponse
            | V5PromptLogResponse
            | V5ToolLogResponse
            | V5UnknownLogResponse
        ]
        | None
        | Unset
    ) = UNSET
    prompt_tokens: int | None | Unset = UNSET
    reasoning_tokens: int | None | Unset = UNSET
    output_tokens: int | None | Unset = UNSET
    prompt_cost: float | None | Unset = UNSET
    output_cost: float | None | Unset = UNSET
    finish_reason: None | str | Unset = UNSET
    messages: list[V5ChatMessage] | None | Unset = UNSET
    tool_choice: None | str | ToolChoice | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.tool_choice import ToolChoice
        from ..models.v5_chat_message import V5ChatMessage
        from ..models.v5_evaluator_log_response import V5EvaluatorLogResponse
        from ..models.v5_flow_log_response import V5FlowLogResponse
        from ..models.v5_log_common_inputs_type_0 import V5LogCommonInputsType0
        from ..models.v5_log_common_metadata_type_0 import V5LogCommonMetadataType0
        from ..models.v5_log_common_provider_request_type_0 import V5LogCommonProviderRequestType0
        from ..models.v5_log_common_provider_response_type_0 import V5LogCommonProviderResponseType0
        from ..models.v5_prompt_log_response import V5PromptLogResponse
        from ..models.v5_tool_log_response import V5ToolLogResponse

        id = self.id

        agent = self.agent.to_dict()

        start_time: None | str | Unset
        if isinstance(self.start_time, Unset):
            start_time = UNSET
        elif isinstance(self.start_time, datetime.datetime):
            start_time = self.start_time.isoformat()
        else:
            start_time = self.start_time

        end_time: None | str | Unset
        if isinstance(self.end_time, Unset):
            end_time = UNSET
        elif isinstance(self.end_time, datetime.datetime):
            end_time = self.end_time.isoformat()
        else:
            end_time = self.end_time

        output: None | str | Unset
        if isinstance(self.output, Unset):
            output = UNSET
        else:
            output = self.output

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        provider_latency: float | None | Unset
        if isinstance(self.provider_latency, Unset):
            provider_latency = UNSET
        else:
            provider_latency = self.provider_latency

        stdout: None | str | Unset
        if isinstance(self.stdout, Unset):
            stdout = UNSET
        else:
            stdout = self.stdout

        provider_request: dict[str, Any] | None | Unset
        if isinstance(self.provider_request, Unset):
            provider_request = UNSET
        elif isinstance(self.provider_request, V5LogCommonProviderRequestType0):
            provider_request = self.provider_request.to_dict()
        else:
            provider_request = self.provider_request

        provider_response: dict[str, Any] | None | Unset
        if isinstance(self.provider_response, Unset):
            provider_response = UNSET
        elif isinstance(self.provider_response, V5LogCommonProviderResponseType0):
            provider_response = self.provider_response.to_dict()
        else:
            provider_response = self.provider_response

        inputs: dict[str, Any] | None | Unset
        if isinstance(self.inputs, Unset):
            inputs = UNSET
        elif isinstance(self.inputs, V5LogCommonInputsType0):
            inputs = self.inputs.to_dict()
        else:
            inputs = self.inputs

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, V5LogCommonMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        log_status: None | str | Unset
        if isinstance(self.log_status, Unset):
            log_status = UNSET
        else:
            log_status = self.log_status

        source_datapoint_id: None | str | Unset
        if isinstance(self.source_datapoint_id, Unset):
            source_datapoint_id = UNSET
        else:
            source_datapoint_id = self.source_datapoint_id

        trace_parent_id: None | str | Unset
        if isinstance(self.trace_parent_id, Unset):
            trace_parent_id = UNSET
        else:
            trace_parent_id = self.trace_parent_id

        batches: list[str] | None | Unset
        if isinstance(self.batches, Unset):
            batches = UNSET
        elif isinstance(self.batches, list):
            batches = self.batches

        else:
            batches = self.batches

        user: None | str | Unset
        if isinstance(self.user, Unset):
            user = UNSET
        else:
            user = self.user

        environment: None | str | Unset
        if isinstance(self.environment, Unset):
            environment = UNSET
        else:
            environment = self.environment

        save: bool | None | Unset
        if isinstance(self.save, Unset):
            save = UNSET
        else:
            save = self.save

        log_id: None | str | Unset
        if isinstance(self.log_id, Unset):
            log_id = UNSET
        else:
            log_id = self.log_id

        output_message: dict[str, Any] | None | Unset
        if isinstance(self.output_message, Unset):
            output_message = UNSET
        elif isinstance(self.output_message, V5ChatMessage):
            output_message = self.output_message.to_dict()
        else:
            output_message = self.output_message

        evaluator_logs: list[dict[str, Any]] | None | Unset
        if isinstance(self.evaluator_logs, Unset):
            evaluator_logs = UNSET
        elif isinstance(self.evaluator_logs, list):
            evaluator_logs = []
            for evaluator_logs_type_0_item_data in self.evaluator_logs:
                evaluator_logs_type_0_item: dict[str, Any]
                if (
                    isinstance(evaluator_logs_type_0_item_data, V5PromptLogResponse)
                    or isinstance(evaluator_logs_type_0_item_data, V5ToolLogResponse)
                    or isinstance(evaluator_logs_type_0_item_data, V5FlowLogResponse)
                    or isinstance(evaluator_logs_type_0_item_data, V5AgentLogResponse)
                    or isinstance(evaluator_logs_type_0_item_data, V5EvaluatorLogResponse)
                ):
                    evaluator_logs_type_0_item = evaluator_logs_type_0_item_data.to_dict()
                else:
                    evaluator_logs_type_0_item = evaluator_logs_type_0_item_data.to_dict()

                evaluator_logs.append(evaluator_logs_type_0_item)

        else:
            evaluator_logs = self.evaluator_logs

        trace_flow_id: None | str | Unset
        if isinstance(self.trace_flow_id, Unset):
            trace_flow_id = UNSET
        else:
            trace_flow_id = self.trace_flow_id

        trace_id: None | str | Unset
        if isinstance(self.trace_id, Unset):
            trace_id = UNSET
        else:
            trace_id = self.trace_id

        trace_children: list[dict[str, Any]] | None | Unset
        if isinstance(self.trace_children, Unset):
            trace_children = UNSET
        elif isinstance(self.trace_children, list):
            trace_children = []
            for trace_children_type_0_item_data in self.trace_children:
                trace_children_type_0_item: dict[str, Any]
                if (
                    isinstance(trace_children_type_0_item_data, V5PromptLogResponse)
                    or isinstance(trace_children_type_0_item_data, V5ToolLogResponse)
                    or isinstance(trace_children_type_0_item_data, V5FlowLogResponse)
                    or isinstance(trace_children_type_0_item_data, V5AgentLogResponse)
                    or isinstance(trace_children_type_0_item_data, V5EvaluatorLogResponse)
                ):
                    trace_children_type_0_item = trace_children_type_0_item_data.to_dict()
                else:
                    trace_children_type_0_item = trace_children_type_0_item_data.to_dict()

                trace_children.append(trace_children_type_0_item)

        else:
            trace_children = self.trace_children

        prompt_tokens: int | None | Unset
        if isinstance(self.prompt_tokens, Unset):
            prompt_tokens = UNSET
        else:
            prompt_tokens = self.prompt_tokens

        reasoning_tokens: int | None | Unset
        if isinstance(self.reasoning_tokens, Unset):
            reasoning_tokens = UNSET
        else:
            reasoning_tokens = self.reasoning_tokens

        output_tokens: int | None | Unset
        if isinstance(self.output_tokens, Unset):
            output_tokens = UNSET
        else:
            output_tokens = self.output_tokens

        prompt_cost: float | None | Unset
        if isinstance(self.prompt_cost, Unset):
            prompt_cost = UNSET
        else:
            prompt_cost = self.prompt_cost

        output_cost: float | None | Unset
        if isinstance(self.output_cost, Unset):
            output_cost = UNSET
        else:
            output_cost = self.output_cost

        finish_reason: None | str | Unset
        if isinstance(self.finish_reason, Unset):
            finish_reason = UNSET
        else:
            finish_reason = self.finish_reason

        messages: list[dict[str, Any]] | None | Unset
        if isinstance(self.messages, Unset):
            messages = UNSET
        elif isinstance(self.messages, list):
            messages = []
            for messages_type_0_item_data in self.messages:
                messages_type_0_item = messages_type_0_item_data.to_dict()
                messages.append(messages_type_0_item)

        else:
            messages = self.messages

        tool_choice: dict[str, Any] | None | str | Unset
        if isinstance(self.tool_choice, Unset):
            tool_choice = UNSET
        elif isinstance(self.tool_choice, ToolChoice):
            tool_choice = self.tool_choice.to_dict()
        else:
            tool_choice = self.tool_choice

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "agent": agent,
            }
        )
        if start_time is not UNSET:
            field_dict["start_time"] = start_time
        if end_time is not UNSET:
            field_dict["end_time"] = end_time
        if output is not UNSET:
            field_dict["output"] = output
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if error is not UNSET:
            field_dict["error"] = error
        if provider_latency is not UNSET:
            field_dict["provider_latency"] = provider_latency
        if stdout is not UNSET:
            field_dict["stdout"] = stdout
        if provider_request is not UNSET:
            field_dict["provider_request"] = provider_request
        if provider_response is not UNSET:
            field_dict["provider_response"] = provider_response
        if inputs is not UNSET:
            field_dict["inputs"] = inputs
        if source is not UNSET:
            field_dict["source"] = source
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if log_status is not UNSET:
            field_dict["log_status"] = log_status
        if source_datapoint_id is not UNSET:
            field_dict["source_datapoint_id"] = source_datapoint_id
        if trace_parent_id is not UNSET:
            field_dict["trace_parent_id"] = trace_parent_id
        if batches is not UNSET:
            field_dict["batches"] = batches
        if user is not UNSET:
            field_dict["user"] = user
        if environment is not UNSET:
            field_dict["environment"] = environment
        if save is not UNSET:
            field_dict["save"] = save
        if log_id is not UNSET:
            field_dict["log_id"] = log_id
        if output_message is not UNSET:
            field_dict["output_message"] = output_message
        if evaluator_logs is not UNSET:
            field_dict["evaluator_logs"] = evaluator_logs
        if trace_flow_id is not UNSET:
            field_dict["trace_flow_id"] = trace_flow_id
        if trace_id is not UNSET:
            field_dict["trace_id"] = trace_id
        if trace_children is not UNSET:
            field_dict["trace_children"] = trace_children
        if prompt_tokens is not UNSET:
            field_dict["prompt_tokens"] = prompt_tokens
        if reasoning_tokens is not UNSET:
            field_dict["reasoning_tokens"] = reasoning_tokens
        if output_tokens is not UNSET:
            field_dict["output_tokens"] = output_tokens
        if prompt_cost is not UNSET:
            field_dict["prompt_cost"] = prompt_cost
        if output_cost is not UNSET:
            field_dict["output_cost"] = output_cost
        if finish_reason is not UNSET:
            field_dict["finish_reason"] = finish_reason
        if messages is not UNSET:
            field_dict["messages"] = messages
        if tool_choice is not UNSET:
            field_dict["tool_choice"] = tool_choice

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tool_choice import ToolChoice
        from ..models.v5_agent_response import V5AgentResponse
        from ..models.v5_chat_message import V5ChatMessage
        from ..models.v5_evaluator_log_response import V5EvaluatorLogResponse
        from ..models.v5_flow_log_response import V5FlowLogResponse
        from ..models.v5_log_common_inputs_type_0 import V5LogCommonInputsType0
        from ..models.v5_log_common_metadata_type_0 import V5LogCommonMetadataType0
        from ..models.v5_log_common_provider_request_type_0 import V5LogCommonProviderRequestType0
        from ..models.v5_log_common_provider_response_type_0 import V5LogCommonProviderResponseType0
        from ..models.v5_prompt_log_response import V5PromptLogResponse
        from ..models.v5_tool_log_response import V5ToolLogResponse
        from ..models.v5_unknown_log_response import V5UnknownLogResponse

        d = dict(src_dict)
        id = d.pop("id")

        agent = V5AgentResponse.from_dict(d.pop("agent"))

        def _parse_start_time(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_time_type_0 = datetime.datetime.fromisoformat(data)

                return start_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        start_time = _parse_start_time(d.pop("start_time", UNSET))

        def _parse_end_time(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_time_type_0 = datetime.datetime.fromisoformat(data)

                return end_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        end_time = _parse_end_time(d.pop("end_time", UNSET))

        def _parse_output(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        output = _parse_output(d.pop("output", UNSET))

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

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        def _parse_provider_latency(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        provider_latency = _parse_provider_latency(d.pop("provider_latency", UNSET))

        def _parse_stdout(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stdout = _parse_stdout(d.pop("stdout", UNSET))

        def _parse_provider_request(data: object) -> None | Unset | V5LogCommonProviderRequestType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                provider_request_type_0 = V5LogCommonProviderRequestType0.from_dict(data)

                return provider_request_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V5LogCommonProviderRequestType0, data)

        provider_request = _parse_provider_request(d.pop("provider_request", UNSET))

        def _parse_provider_response(data: object) -> None | Unset | V5LogCommonProviderResponseType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                provider_response_type_0 = V5LogCommonProviderResponseType0.from_dict(data)

                return provider_response_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V5LogCommonProviderResponseType0, data)

        provider_response = _parse_provider_response(d.pop("provider_response", UNSET))

        def _parse_inputs(data: object) -> None | Unset | V5LogCommonInputsType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                inputs_type_0 = V5LogCommonInputsType0.from_dict(data)

                return inputs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V5LogCommonInputsType0, data)

        inputs = _parse_inputs(d.pop("inputs", UNSET))

        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        def _parse_metadata(data: object) -> None | Unset | V5LogCommonMetadataType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = V5LogCommonMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V5LogCommonMetadataType0, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_log_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        log_status = _parse_log_status(d.pop("log_status", UNSET))

        def _parse_source_datapoint_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_datapoint_id = _parse_source_datapoint_id(d.pop("source_datapoint_id", UNSET))

        def _parse_trace_parent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        trace_parent_id = _parse_trace_parent_id(d.pop("trace_parent_id", UNSET))

        def _parse_batches(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                batches_type_0 = cast(list[str], data)

                return batches_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        batches = _parse_batches(d.pop("batches", UNSET))

        def _parse_user(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user = _parse_user(d.pop("user", UNSET))

        def _parse_environment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        environment = _parse_environment(d.pop("environment", UNSET))

        def _parse_save(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        save = _parse_save(d.pop("save", UNSET))

        def _parse_log_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        log_id = _parse_log_id(d.pop("log_id", UNSET))

        def _parse_output_message(data: object) -> None | Unset | V5ChatMessage:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                output_message_type_0 = V5ChatMessage.from_dict(data)

                return output_message_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V5ChatMessage, data)

        output_message = _parse_output_message(d.pop("output_message", UNSET))

        def _parse_evaluator_logs(
            data: object,
        ) -> (
            list[
                V5AgentLogResponse
                | V5EvaluatorLogResponse
                | V5FlowLogResponse
                | V5PromptLogResponse
                | V5ToolLogResponse
                | V5UnknownLogResponse
            ]
            | None
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                evaluator_logs_type_0 = []
                _evaluator_logs_type_0 = data
                for evaluator_logs_type_0_item_data in _evaluator_logs_type_0:

                    def _parse_evaluator_logs_type_0_item(
                        data: object,
                    ) -> (
                        V5AgentLogResponse
                        | V5EvaluatorLogResponse
                        | V5FlowLogResponse
                        | V5PromptLogResponse
                        | V5ToolLogResponse
                        | V5UnknownLogResponse
                    ):
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_v5_log_response_type_0 = V5PromptLogResponse.from_dict(data)

                            return componentsschemas_v5_log_response_type_0
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_v5_log_response_type_1 = V5ToolLogResponse.from_dict(data)

                            return componentsschemas_v5_log_response_type_1
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_v5_log_response_type_2 = V5FlowLogResponse.from_dict(data)

                            return componentsschemas_v5_log_response_type_2
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_v5_log_response_type_3 = V5AgentLogResponse.from_dict(data)

                            return componentsschemas_v5_log_response_type_3
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_v5_log_response_type_4 = V5EvaluatorLogResponse.from_dict(data)

                            return componentsschemas_v5_log_response_type_4
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_v5_log_response_type_5 = V5UnknownLogResponse.from_dict(data)

                        return componentsschemas_v5_log_response_type_5

                    evaluator_logs_type_0_item = _parse_evaluator_logs_type_0_item(evaluator_logs_type_0_item_data)

                    evaluator_logs_type_0.append(evaluator_logs_type_0_item)

                return evaluator_logs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                list[
                    V5AgentLogResponse
                    | V5EvaluatorLogResponse
                    | V5FlowLogResponse
                    | V5PromptLogResponse
                    | V5ToolLogResponse
                    | V5UnknownLogResponse
                ]
                | None
                | Unset,
                data,
            )

        evaluator_logs = _parse_evaluator_logs(d.pop("evaluator_logs", UNSET))

        def _parse_trace_flow_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        trace_flow_id = _parse_trace_flow_id(d.pop("trace_flow_id", UNSET))

        def _parse_trace_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        trace_id = _parse_trace_id(d.pop("trace_id", UNSET))

        def _parse_trace_children(
            data: object,
        ) -> (
            list[
                V5AgentLogResponse
                | V5EvaluatorLogResponse
                | V5FlowLogResponse
                | V5PromptLogResponse
                | V5ToolLogResponse
                | V5UnknownLogResponse
            ]
            | None
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                trace_children_type_0 = []
                _trace_children_type_0 = data
                for trace_children_type_0_item_data in _trace_children_type_0:

                    def _parse_trace_children_type_0_item(
                        data: object,
                    ) -> (
                        V5AgentLogResponse
                        | V5EvaluatorLogResponse
                        | V5FlowLogResponse
                        | V5PromptLogResponse
                        | V5ToolLogResponse
                        | V5UnknownLogResponse
                    ):
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_v5_log_response_type_0 = V5PromptLogResponse.from_dict(data)

                            return componentsschemas_v5_log_response_type_0
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_v5_log_response_type_1 = V5ToolLogResponse.from_dict(data)

                            return componentsschemas_v5_log_response_type_1
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_v5_log_response_type_2 = V5FlowLogResponse.from_dict(data)

                            return componentsschemas_v5_log_response_type_2
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_v5_log_response_type_3 = V5AgentLogResponse.from_dict(data)

                            return componentsschemas_v5_log_response_type_3
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_v5_log_response_type_4 = V5EvaluatorLogResponse.from_dict(data)

                            return componentsschemas_v5_log_response_type_4
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_v5_log_response_type_5 = V5UnknownLogResponse.from_dict(data)

                        return componentsschemas_v5_log_response_type_5

                    trace_children_type_0_item = _parse_trace_children_type_0_item(trace_children_type_0_item_data)

                    trace_children_type_0.append(trace_children_type_0_item)

                return trace_children_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                list[
                    V5AgentLogResponse
                    | V5EvaluatorLogResponse
                    | V5FlowLogResponse
                    | V5PromptLogResponse
                    | V5ToolLogResponse
                    | V5UnknownLogResponse
                ]
                | None
                | Unset,
                data,
            )

        trace_children = _parse_trace_children(d.pop("trace_children", UNSET))

        def _parse_prompt_tokens(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        prompt_tokens = _parse_prompt_tokens(d.pop("prompt_tokens", UNSET))

        def _parse_reasoning_tokens(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        reasoning_tokens = _parse_reasoning_tokens(d.pop("reasoning_tokens", UNSET))

        def _parse_output_tokens(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        output_tokens = _parse_output_tokens(d.pop("output_tokens", UNSET))

        def _parse_prompt_cost(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        prompt_cost = _parse_prompt_cost(d.pop("prompt_cost", UNSET))

        def _parse_output_cost(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        output_cost = _parse_output_cost(d.pop("output_cost", UNSET))

        def _parse_finish_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        finish_reason = _parse_finish_reason(d.pop("finish_reason", UNSET))

        def _parse_messages(data: object) -> list[V5ChatMessage] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                messages_type_0 = []
                _messages_type_0 = data
                for messages_type_0_item_data in _messages_type_0:
                    messages_type_0_item = V5ChatMessage.from_dict(messages_type_0_item_data)

                    messages_type_0.append(messages_type_0_item)

                return messages_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[V5ChatMessage] | None | Unset, data)

        messages = _parse_messages(d.pop("messages", UNSET))

        def _parse_tool_choice(data: object) -> None | str | ToolChoice | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_tool_choice_value_type_1 = ToolChoice.from_dict(data)

                return componentsschemas_tool_choice_value_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | str | ToolChoice | Unset, data)

        tool_choice = _parse_tool_choice(d.pop("tool_choice", UNSET))

        v5_agent_log_response = cls(
            id=id,
            agent=agent,
            start_time=start_time,
            end_time=end_time,
            output=output,
            created_at=created_at,
            error=error,
            provider_latency=provider_latency,
            stdout=stdout,
            provider_request=provider_request,
            provider_response=provider_response,
            inputs=inputs,
            source=source,
            metadata=metadata,
            log_status=log_status,
            source_datapoint_id=source_datapoint_id,
            trace_parent_id=trace_parent_id,
            batches=batches,
            user=user,
            environment=environment,
            save=save,
            log_id=log_id,
            output_message=output_message,
            evaluator_logs=evaluator_logs,
            trace_flow_id=trace_flow_id,
            trace_id=trace_id,
            trace_children=trace_children,
            prompt_tokens=prompt_tokens,
            reasoning_tokens=reasoning_tokens,
            output_tokens=output_tokens,
            prompt_cost=prompt_cost,
            output_cost=output_cost,
            finish_reason=finish_reason,
            messages=messages,
            tool_choice=tool_choice,
        )

        v5_agent_log_response.additional_properties = d
        return v5_agent_log_response

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
