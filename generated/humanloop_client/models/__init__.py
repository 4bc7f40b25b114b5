"""Contains all the data models used in inputs/outputs.

The models load on first use (PEP 562): importing this package costs nothing, and naming a model imports only its own
module; a model imports the models it nests when it first parses one. This file comes from tracebridge's template
(specs/templates/models_init.py.jinja): the generator's own imports every model up front, which every program that
needs one of them paid at its start (measured in tracebridge's docs/benchmarks.md).
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .function_call import FunctionCall
    from .function_name import FunctionName
    from .http_validation_error import HTTPValidationError
    from .image_chat_content import ImageChatContent
    from .image_chat_content_type import ImageChatContentType
    from .image_url import ImageUrl
    from .provider_error import ProviderError
    from .response_format import ResponseFormat
    from .response_format_json_schema_type_0 import ResponseFormatJsonSchemaType0
    from .text_chat_content import TextChatContent
    from .text_chat_content_type import TextChatContentType
    from .tool_call import ToolCall
    from .tool_choice import ToolChoice
    from .unknown_chat_content import UnknownChatContent
    from .v4_agent_config_response import V4AgentConfigResponse
    from .v4_agent_config_response_type import V4AgentConfigResponseType
    from .v4_agent_model_config import V4AgentModelConfig
    from .v4_agent_model_config_other_type_0 import V4AgentModelConfigOtherType0
    from .v4_chat_message import V4ChatMessage
    from .v4_config_common import V4ConfigCommon
    from .v4_config_common_other_type_0 import V4ConfigCommonOtherType0
    from .v4_datapoint_response import V4DatapointResponse
    from .v4_datapoint_response_inputs_type_0 import V4DatapointResponseInputsType0
    from .v4_datapoint_response_target_type_0 import V4DatapointResponseTargetType0
    from .v4_evaluation_datapoint_snapshot_response import V4EvaluationDatapointSnapshotResponse
    from .v4_evaluation_result_response import V4EvaluationResultResponse
    from .v4_evaluator_config_response import V4EvaluatorConfigResponse
    from .v4_evaluator_config_response_type import V4EvaluatorConfigResponseType
    from .v4_feedback_response import V4FeedbackResponse
    from .v4_generic_config_response import V4GenericConfigResponse
    from .v4_generic_config_response_type import V4GenericConfigResponseType
    from .v4_log_response import V4LogResponse
    from .v4_log_response_inputs_type_0 import V4LogResponseInputsType0
    from .v4_log_response_metadata_type_0 import V4LogResponseMetadataType0
    from .v4_log_response_provider_request_type_0 import V4LogResponseProviderRequestType0
    from .v4_log_response_provider_response_type_0 import V4LogResponseProviderResponseType0
    from .v4_model_config_response import V4ModelConfigResponse
    from .v4_model_config_response_type import V4ModelConfigResponseType
    from .v4_model_parameters import V4ModelParameters
    from .v4_paginated_evaluation_datapoints import V4PaginatedEvaluationDatapoints
    from .v4_paginated_logs import V4PaginatedLogs
    from .v4_tool_config_response import V4ToolConfigResponse
    from .v4_tool_config_response_parameters_type_0 import V4ToolConfigResponseParametersType0
    from .v4_tool_config_response_setup_schema_type_0 import V4ToolConfigResponseSetupSchemaType0
    from .v4_tool_config_response_type import V4ToolConfigResponseType
    from .v4_tool_definition import V4ToolDefinition
    from .v4_tool_definition_other_type_0 import V4ToolDefinitionOtherType0
    from .v4_tool_definition_parameters_type_0 import V4ToolDefinitionParametersType0
    from .v4_tool_result_response import V4ToolResultResponse
    from .v4_unknown_config_response import V4UnknownConfigResponse
    from .v4_user_response import V4UserResponse
    from .v5_add_logs_to_run_request import V5AddLogsToRunRequest
    from .v5_agent_inline_tool import V5AgentInlineTool
    from .v5_agent_inline_tool_type import V5AgentInlineToolType
    from .v5_agent_linked_file_response import V5AgentLinkedFileResponse
    from .v5_agent_linked_file_response_type import V5AgentLinkedFileResponseType
    from .v5_agent_log_response import V5AgentLogResponse
    from .v5_agent_response import V5AgentResponse
    from .v5_agent_response_type import V5AgentResponseType
    from .v5_chat_message import V5ChatMessage
    from .v5_code_evaluator_spec import V5CodeEvaluatorSpec
    from .v5_code_evaluator_spec_evaluator_type import V5CodeEvaluatorSpecEvaluatorType
    from .v5_datapoint_response import V5DatapointResponse
    from .v5_datapoint_response_inputs_type_0 import V5DatapointResponseInputsType0
    from .v5_datapoint_response_target_type_0 import V5DatapointResponseTargetType0
    from .v5_dataset_response import V5DatasetResponse
    from .v5_dataset_response_type import V5DatasetResponseType
    from .v5_deployment import V5Deployment
    from .v5_environment_response import V5EnvironmentResponse
    from .v5_evaluation_evaluator_response import V5EvaluationEvaluatorResponse
    from .v5_evaluation_log_response import V5EvaluationLogResponse
    from .v5_evaluation_response import V5EvaluationResponse
    from .v5_evaluation_run_response import V5EvaluationRunResponse
    from .v5_evaluation_stats import V5EvaluationStats
    from .v5_evaluator_aggregate import V5EvaluatorAggregate
    from .v5_evaluator_judgment_number_limit import V5EvaluatorJudgmentNumberLimit
    from .v5_evaluator_judgment_option import V5EvaluatorJudgmentOption
    from .v5_evaluator_log_response import V5EvaluatorLogResponse
    from .v5_evaluator_response import V5EvaluatorResponse
    from .v5_evaluator_response_type import V5EvaluatorResponseType
    from .v5_evaluator_spec_common import V5EvaluatorSpecCommon
    from .v5_evaluator_spec_common_attributes_type_0 import V5EvaluatorSpecCommonAttributesType0
    from .v5_external_evaluator_spec import V5ExternalEvaluatorSpec
    from .v5_external_evaluator_spec_evaluator_type import V5ExternalEvaluatorSpecEvaluatorType
    from .v5_file_common import V5FileCommon
    from .v5_file_common_attributes_type_0 import V5FileCommonAttributesType0
    from .v5_file_common_schema_type_0 import V5FileCommonSchemaType0
    from .v5_flow_log_response import V5FlowLogResponse
    from .v5_flow_response import V5FlowResponse
    from .v5_flow_response_type import V5FlowResponseType
    from .v5_human_evaluator_spec import V5HumanEvaluatorSpec
    from .v5_human_evaluator_spec_evaluator_type import V5HumanEvaluatorSpecEvaluatorType
    from .v5_input_response import V5InputResponse
    from .v5_legacy_evaluation_log_response import V5LegacyEvaluationLogResponse
    from .v5_linked_file import V5LinkedFile
    from .v5_linked_tool_response import V5LinkedToolResponse
    from .v5_llm_evaluator_spec import V5LlmEvaluatorSpec
    from .v5_llm_evaluator_spec_evaluator_type import V5LlmEvaluatorSpecEvaluatorType
    from .v5_log_common import V5LogCommon
    from .v5_log_common_inputs_type_0 import V5LogCommonInputsType0
    from .v5_log_common_metadata_type_0 import V5LogCommonMetadataType0
    from .v5_log_common_provider_request_type_0 import V5LogCommonProviderRequestType0
    from .v5_log_common_provider_response_type_0 import V5LogCommonProviderResponseType0
    from .v5_model_call_fields import V5ModelCallFields
    from .v5_model_parameters import V5ModelParameters
    from .v5_model_parameters_other_type_0 import V5ModelParametersOtherType0
    from .v5_monitoring_evaluator_response import V5MonitoringEvaluatorResponse
    from .v5_monitoring_evaluator_response_version_reference_type_0 import (
        V5MonitoringEvaluatorResponseVersionReferenceType0,
    )
    from .v5_paginated_evaluation_logs import V5PaginatedEvaluationLogs
    from .v5_prompt_kernel import V5PromptKernel
    from .v5_prompt_kernel_attributes_type_0 import V5PromptKernelAttributesType0
    from .v5_prompt_log_response import V5PromptLogResponse
    from .v5_prompt_response import V5PromptResponse
    from .v5_prompt_response_type import V5PromptResponseType
    from .v5_redacted_thinking_content import V5RedactedThinkingContent
    from .v5_redacted_thinking_content_type import V5RedactedThinkingContentType
    from .v5_run_stats_response import V5RunStatsResponse
    from .v5_run_stats_response_evaluator_stats_type_0_item import V5RunStatsResponseEvaluatorStatsType0Item
    from .v5_thinking_content import V5ThinkingContent
    from .v5_thinking_content_type import V5ThinkingContentType
    from .v5_tool_function import V5ToolFunction
    from .v5_tool_function_parameters_type_0 import V5ToolFunctionParametersType0
    from .v5_tool_log_response import V5ToolLogResponse
    from .v5_tool_response import V5ToolResponse
    from .v5_tool_response_setup_values_type_0 import V5ToolResponseSetupValuesType0
    from .v5_tool_response_type import V5ToolResponseType
    from .v5_unknown_evaluator_spec import V5UnknownEvaluatorSpec
    from .v5_unknown_file_version import V5UnknownFileVersion
    from .v5_unknown_log_response import V5UnknownLogResponse
    from .validation_error import ValidationError

_MODULE_OF = {
    "FunctionCall": ".function_call",
    "FunctionName": ".function_name",
    "HTTPValidationError": ".http_validation_error",
    "ImageChatContent": ".image_chat_content",
    "ImageChatContentType": ".image_chat_content_type",
    "ImageUrl": ".image_url",
    "ProviderError": ".provider_error",
    "ResponseFormat": ".response_format",
    "ResponseFormatJsonSchemaType0": ".response_format_json_schema_type_0",
    "TextChatContent": ".text_chat_content",
    "TextChatContentType": ".text_chat_content_type",
    "ToolCall": ".tool_call",
    "ToolChoice": ".tool_choice",
    "UnknownChatContent": ".unknown_chat_content",
    "V4AgentConfigResponse": ".v4_agent_config_response",
    "V4AgentConfigResponseType": ".v4_agent_config_response_type",
    "V4AgentModelConfig": ".v4_agent_model_config",
    "V4AgentModelConfigOtherType0": ".v4_agent_model_config_other_type_0",
    "V4ChatMessage": ".v4_chat_message",
    "V4ConfigCommon": ".v4_config_common",
    "V4ConfigCommonOtherType0": ".v4_config_common_other_type_0",
    "V4DatapointResponse": ".v4_datapoint_response",
    "V4DatapointResponseInputsType0": ".v4_datapoint_response_inputs_type_0",
    "V4DatapointResponseTargetType0": ".v4_datapoint_response_target_type_0",
    "V4EvaluationDatapointSnapshotResponse": ".v4_evaluation_datapoint_snapshot_response",
    "V4EvaluationResultResponse": ".v4_evaluation_result_response",
    "V4EvaluatorConfigResponse": ".v4_evaluator_config_response",
    "V4EvaluatorConfigResponseType": ".v4_evaluator_config_response_type",
    "V4FeedbackResponse": ".v4_feedback_response",
    "V4GenericConfigResponse": ".v4_generic_config_response",
    "V4GenericConfigResponseType": ".v4_generic_config_response_type",
    "V4LogResponse": ".v4_log_response",
    "V4LogResponseInputsType0": ".v4_log_response_inputs_type_0",
    "V4LogResponseMetadataType0": ".v4_log_response_metadata_type_0",
    "V4LogResponseProviderRequestType0": ".v4_log_response_provider_request_type_0",
    "V4LogResponseProviderResponseType0": ".v4_log_response_provider_response_type_0",
    "V4ModelConfigResponse": ".v4_model_config_response",
    "V4ModelConfigResponseType": ".v4_model_config_response_type",
    "V4ModelParameters": ".v4_model_parameters",
    "V4PaginatedEvaluationDatapoints": ".v4_paginated_evaluation_datapoints",
    "V4PaginatedLogs": ".v4_paginated_logs",
    "V4ToolConfigResponse": ".v4_tool_config_response",
    "V4ToolConfigResponseParametersType0": ".v4_tool_config_response_parameters_type_0",
    "V4ToolConfigResponseSetupSchemaType0": ".v4_tool_config_response_setup_schema_type_0",
    "V4ToolConfigResponseType": ".v4_tool_config_response_type",
    "V4ToolDefinition": ".v4_tool_definition",
    "V4ToolDefinitionOtherType0": ".v4_tool_definition_other_type_0",
    "V4ToolDefinitionParametersType0": ".v4_tool_definition_parameters_type_0",
    "V4ToolResultResponse": ".v4_tool_result_response",
    "V4UnknownConfigResponse": ".v4_unknown_config_response",
    "V4UserResponse": ".v4_user_response",
    "V5AddLogsToRunRequest": ".v5_add_logs_to_run_request",
    "V5AgentInlineTool": ".v5_agent_inline_tool",
    "V5AgentInlineToolType": ".v5_agent_inline_tool_type",
    "V5AgentLinkedFileResponse": ".v5_agent_linked_file_response",
    "V5AgentLinkedFileResponseType": ".v5_agent_linked_file_response_type",
    "V5AgentLogResponse": ".v5_agent_log_response",
    "V5AgentResponse": ".v5_agent_response",
    "V5AgentResponseType": ".v5_agent_response_type",
    "V5ChatMessage": ".v5_chat_message",
    "V5CodeEvaluatorSpec": ".v5_code_evaluator_spec",
    "V5CodeEvaluatorSpecEvaluatorType": ".v5_code_evaluator_spec_evaluator_type",
    "V5DatapointResponse": ".v5_datapoint_response",
    "V5DatapointResponseInputsType0": ".v5_datapoint_response_inputs_type_0",
    "V5DatapointResponseTargetType0": ".v5_datapoint_response_target_type_0",
    "V5DatasetResponse": ".v5_dataset_response",
    "V5DatasetResponseType": ".v5_dataset_response_type",
    "V5Deployment": ".v5_deployment",
    "V5EnvironmentResponse": ".v5_environment_response",
    "V5EvaluationEvaluatorResponse": ".v5_evaluation_evaluator_response",
    "V5EvaluationLogResponse": ".v5_evaluation_log_response",
    "V5EvaluationResponse": ".v5_evaluation_response",
    "V5EvaluationRunResponse": ".v5_evaluation_run_response",
    "V5EvaluationStats": ".v5_evaluation_stats",
    "V5EvaluatorAggregate": ".v5_evaluator_aggregate",
    "V5EvaluatorJudgmentNumberLimit": ".v5_evaluator_judgment_number_limit",
    "V5EvaluatorJudgmentOption": ".v5_evaluator_judgment_option",
    "V5EvaluatorLogResponse": ".v5_evaluator_log_response",
    "V5EvaluatorResponse": ".v5_evaluator_response",
    "V5EvaluatorResponseType": ".v5_evaluator_response_type",
    "V5EvaluatorSpecCommon": ".v5_evaluator_spec_common",
    "V5EvaluatorSpecCommonAttributesType0": ".v5_evaluator_spec_common_attributes_type_0",
    "V5ExternalEvaluatorSpec": ".v5_external_evaluator_spec",
    "V5ExternalEvaluatorSpecEvaluatorType": ".v5_external_evaluator_spec_evaluator_type",
    "V5FileCommon": ".v5_file_common",
    "V5FileCommonAttributesType0": ".v5_file_common_attributes_type_0",
    "V5FileCommonSchemaType0": ".v5_file_common_schema_type_0",
    "V5FlowLogResponse": ".v5_flow_log_response",
    "V5FlowResponse": ".v5_flow_response",
    "V5FlowResponseType": ".v5_flow_response_type",
    "V5HumanEvaluatorSpec": ".v5_human_evaluator_spec",
    "V5HumanEvaluatorSpecEvaluatorType": ".v5_human_evaluator_spec_evaluator_type",
    "V5InputResponse": ".v5_input_response",
    "V5LegacyEvaluationLogResponse": ".v5_legacy_evaluation_log_response",
    "V5LinkedFile": ".v5_linked_file",
    "V5LinkedToolResponse": ".v5_linked_tool_response",
    "V5LlmEvaluatorSpec": ".v5_llm_evaluator_spec",
    "V5LlmEvaluatorSpecEvaluatorType": ".v5_llm_evaluator_spec_evaluator_type",
    "V5LogCommon": ".v5_log_common",
    "V5LogCommonInputsType0": ".v5_log_common_inputs_type_0",
    "V5LogCommonMetadataType0": ".v5_log_common_metadata_type_0",
    "V5LogCommonProviderRequestType0": ".v5_log_common_provider_request_type_0",
    "V5LogCommonProviderResponseType0": ".v5_log_common_provider_response_type_0",
    "V5ModelCallFields": ".v5_model_call_fields",
    "V5ModelParameters": ".v5_model_parameters",
    "V5ModelParametersOtherType0": ".v5_model_parameters_other_type_0",
    "V5MonitoringEvaluatorResponse": ".v5_monitoring_evaluator_response",
    "V5MonitoringEvaluatorResponseVersionReferenceType0": ".v5_monitoring_evaluator_response_version_reference_type_0",
    "V5PaginatedEvaluationLogs": ".v5_paginated_evaluation_logs",
    "V5PromptKernel": ".v5_prompt_kernel",
    "V5PromptKernelAttributesType0": ".v5_prompt_kernel_attributes_type_0",
    "V5PromptLogResponse": ".v5_prompt_log_response",
    "V5PromptResponse": ".v5_prompt_response",
    "V5PromptResponseType": ".v5_prompt_response_type",
    "V5RedactedThinkingContent": ".v5_redacted_thinking_content",
    "V5RedactedThinkingContentType": ".v5_redacted_thinking_content_type",
    "V5RunStatsResponse": ".v5_run_stats_response",
    "V5RunStatsResponseEvaluatorStatsType0Item": ".v5_run_stats_response_evaluator_stats_type_0_item",
    "V5ThinkingContent": ".v5_thinking_content",
    "V5ThinkingContentType": ".v5_thinking_content_type",
    "V5ToolFunction": ".v5_tool_function",
    "V5ToolFunctionParametersType0": ".v5_tool_function_parameters_type_0",
    "V5ToolLogResponse": ".v5_tool_log_response",
    "V5ToolResponse": ".v5_tool_response",
    "V5ToolResponseSetupValuesType0": ".v5_tool_response_setup_values_type_0",
    "V5ToolResponseType": ".v5_tool_response_type",
    "V5UnknownEvaluatorSpec": ".v5_unknown_evaluator_spec",
    "V5UnknownFileVersion": ".v5_unknown_file_version",
    "V5UnknownLogResponse": ".v5_unknown_log_response",
    "ValidationError": ".validation_error",
}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_MODULE_OF})


__all__ = (
    "FunctionCall",
    "FunctionName",
    "HTTPValidationError",
    "ImageChatContent",
    "ImageChatContentType",
    "ImageUrl",
    "ProviderError",
    "ResponseFormat",
    "ResponseFormatJsonSchemaType0",
    "TextChatContent",
    "TextChatContentType",
    "ToolCall",
    "ToolChoice",
    "UnknownChatContent",
    "V4AgentConfigResponse",
    "V4AgentConfigResponseType",
    "V4AgentModelConfig",
    "V4AgentModelConfigOtherType0",
    "V4ChatMessage",
    "V4ConfigCommon",
    "V4ConfigCommonOtherType0",
    "V4DatapointResponse",
    "V4DatapointResponseInputsType0",
    "V4DatapointResponseTargetType0",
    "V4EvaluationDatapointSnapshotResponse",
    "V4EvaluationResultResponse",
    "V4EvaluatorConfigResponse",
    "V4EvaluatorConfigResponseType",
    "V4FeedbackResponse",
    "V4GenericConfigResponse",
    "V4GenericConfigResponseType",
    "V4LogResponse",
    "V4LogResponseInputsType0",
    "V4LogResponseMetadataType0",
    "V4LogResponseProviderRequestType0",
    "V4LogResponseProviderResponseType0",
    "V4ModelConfigResponse",
    "V4ModelConfigResponseType",
    "V4ModelParameters",
    "V4PaginatedEvaluationDatapoints",
    "V4PaginatedLogs",
    "V4ToolConfigResponse",
    "V4ToolConfigResponseParametersType0",
    "V4ToolConfigResponseSetupSchemaType0",
    "V4ToolConfigResponseType",
    "V4ToolDefinition",
    "V4ToolDefinitionOtherType0",
    "V4ToolDefinitionParametersType0",
    "V4ToolResultResponse",
    "V4UnknownConfigResponse",
    "V4UserResponse",
    "V5AddLogsToRunRequest",
    "V5AgentInlineTool",
    "V5AgentInlineToolType",
    "V5AgentLinkedFileResponse",
    "V5AgentLinkedFileResponseType",
    "V5AgentLogResponse",
    "V5AgentResponse",
    "V5AgentResponseType",
    "V5ChatMessage",
    "V5CodeEvaluatorSpec",
    "V5CodeEvaluatorSpecEvaluatorType",
    "V5DatapointResponse",
    "V5DatapointResponseInputsType0",
    "V5DatapointResponseTargetType0",
    "V5DatasetResponse",
    "V5DatasetResponseType",
    "V5Deployment",
    "V5EnvironmentResponse",
    "V5EvaluationEvaluatorResponse",
    "V5EvaluationLogResponse",
    "V5EvaluationResponse",
    "V5EvaluationRunResponse",
    "V5EvaluationStats",
    "V5EvaluatorAggregate",
    "V5EvaluatorJudgmentNumberLimit",
    "V5EvaluatorJudgmentOption",
    "V5EvaluatorLogResponse",
    "V5EvaluatorResponse",
    "V5EvaluatorResponseType",
    "V5EvaluatorSpecCommon",
    "V5EvaluatorSpecCommonAttributesType0",
    "V5ExternalEvaluatorSpec",
    "V5ExternalEvaluatorSpecEvaluatorType",
    "V5FileCommon",
    "V5FileCommonAttributesType0",
    "V5FileCommonSchemaType0",
    "V5FlowLogResponse",
    "V5FlowResponse",
    "V5FlowResponseType",
    "V5HumanEvaluatorSpec",
    "V5HumanEvaluatorSpecEvaluatorType",
    "V5InputResponse",
    "V5LegacyEvaluationLogResponse",
    "V5LinkedFile",
    "V5LinkedToolResponse",
    "V5LlmEvaluatorSpec",
    "V5LlmEvaluatorSpecEvaluatorType",
    "V5LogCommon",
    "V5LogCommonInputsType0",
    "V5LogCommonMetadataType0",
    "V5LogCommonProviderRequestType0",
    "V5LogCommonProviderResponseType0",
    "V5ModelCallFields",
    "V5ModelParameters",
    "V5ModelParametersOtherType0",
    "V5MonitoringEvaluatorResponse",
    "V5MonitoringEvaluatorResponseVersionReferenceType0",
    "V5PaginatedEvaluationLogs",
    "V5PromptKernel",
    "V5PromptKernelAttributesType0",
    "V5PromptLogResponse",
    "V5PromptResponse",
    "V5PromptResponseType",
    "V5RedactedThinkingContent",
    "V5RedactedThinkingContentType",
    "V5RunStatsResponse",
    "V5RunStatsResponseEvaluatorStatsType0Item",
    "V5ThinkingContent",
    "V5ThinkingContentType",
    "V5ToolFunction",
    "V5ToolFunctionParametersType0",
    "V5ToolLogResponse",
    "V5ToolResponse",
    "V5ToolResponseSetupValuesType0",
    "V5ToolResponseType",
    "V5UnknownEvaluatorSpec",
    "V5UnknownFileVersion",
    "V5UnknownLogResponse",
    "ValidationError",
)
