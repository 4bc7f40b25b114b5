"""Contains all the data models used in inputs/outputs.

The models load on first use (PEP 562): importing this package costs nothing, and naming a model imports only its own
module; a model imports the models it nests when it first parses one. This file comes from tracebridge's template
(specs/templates/models_init.py.jinja): the generator's own imports every model up front, which every program that
needs one of them paid at its start (measured in tracebridge's docs/benchmarks.md).
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .agent_span_record import AgentSpanRecord
    from .agent_span_record_type import AgentSpanRecordType
    from .annotation_aggregate import AnnotationAggregate
    from .annotation_aggregate_aggregate_type_0 import AnnotationAggregateAggregateType0
    from .annotation_rating_info import AnnotationRatingInfo
    from .control_result import ControlResult
    from .control_span_record import ControlSpanRecord
    from .control_span_record_type import ControlSpanRecordType
    from .document import Document
    from .document_metadata_type_0 import DocumentMetadataType0
    from .error_response import ErrorResponse
    from .error_response_detail_type_2 import ErrorResponseDetailType2
    from .export_records_request import ExportRecordsRequest
    from .export_records_request_export_format import ExportRecordsRequestExportFormat
    from .export_records_request_root_type import ExportRecordsRequestRootType
    from .feedback_rating_info import FeedbackRatingInfo
    from .file_content_part import FileContentPart
    from .file_content_part_type import FileContentPartType
    from .file_metadata import FileMetadata
    from .http_validation_error import HTTPValidationError
    from .http_validation_error_detail_type_1 import HTTPValidationErrorDetailType1
    from .llm_event import LlmEvent
    from .llm_event_metadata_type_0 import LlmEventMetadataType0
    from .llm_span_record import LlmSpanRecord
    from .llm_span_record_tools_type_0_item import LlmSpanRecordToolsType0Item
    from .llm_span_record_type import LlmSpanRecordType
    from .log_records_boolean_filter import LogRecordsBooleanFilter
    from .log_records_boolean_filter_operator import LogRecordsBooleanFilterOperator
    from .log_records_boolean_filter_type import LogRecordsBooleanFilterType
    from .log_records_collection_filter import LogRecordsCollectionFilter
    from .log_records_collection_filter_operator import LogRecordsCollectionFilterOperator
    from .log_records_collection_filter_type import LogRecordsCollectionFilterType
    from .log_records_date_filter import LogRecordsDateFilter
    from .log_records_date_filter_operator import LogRecordsDateFilterOperator
    from .log_records_date_filter_type import LogRecordsDateFilterType
    from .log_records_id_filter import LogRecordsIDFilter
    from .log_records_id_filter_operator import LogRecordsIDFilterOperator
    from .log_records_id_filter_type import LogRecordsIDFilterType
    from .log_records_number_filter import LogRecordsNumberFilter
    from .log_records_number_filter_operator import LogRecordsNumberFilterOperator
    from .log_records_number_filter_type import LogRecordsNumberFilterType
    from .log_records_sort_clause import LogRecordsSortClause
    from .log_records_sort_clause_sort_type import LogRecordsSortClauseSortType
    from .log_records_text_filter import LogRecordsTextFilter
    from .log_records_text_filter_operator import LogRecordsTextFilterOperator
    from .log_records_text_filter_type import LogRecordsTextFilterType
    from .message import Message
    from .metric_common import MetricCommon
    from .metric_computing import MetricComputing
    from .metric_computing_status_type import MetricComputingStatusType
    from .metric_critique import MetricCritique
    from .metric_critique_critique_info_type_0 import MetricCritiqueCritiqueInfoType0
    from .metric_error import MetricError
    from .metric_error_fields import MetricErrorFields
    from .metric_error_status_type import MetricErrorStatusType
    from .metric_failed import MetricFailed
    from .metric_failed_status_type import MetricFailedStatusType
    from .metric_not_applicable import MetricNotApplicable
    from .metric_not_applicable_status_type import MetricNotApplicableStatusType
    from .metric_not_computed import MetricNotComputed
    from .metric_not_computed_status_type import MetricNotComputedStatusType
    from .metric_pending import MetricPending
    from .metric_pending_status_type import MetricPendingStatusType
    from .metric_roll_up import MetricRollUp
    from .metric_roll_up_roll_up_metrics_type_0 import MetricRollUpRollUpMetricsType0
    from .metric_roll_up_status_type import MetricRollUpStatusType
    from .metric_success import MetricSuccess
    from .metric_success_status_type import MetricSuccessStatusType
    from .metric_unknown_status import MetricUnknownStatus
    from .metric_value_fields import MetricValueFields
    from .metric_value_fields_metadata_type_0 import MetricValueFieldsMetadataType0
    from .metrics import Metrics
    from .record_common import RecordCommon
    from .record_common_annotation_aggregates_type_0 import RecordCommonAnnotationAggregatesType0
    from .record_common_annotation_agreement_type_0 import RecordCommonAnnotationAgreementType0
    from .record_common_annotations_type_0 import RecordCommonAnnotationsType0
    from .record_common_annotations_type_0_additional_property import RecordCommonAnnotationsType0AdditionalProperty
    from .record_common_dataset_metadata_type_0 import RecordCommonDatasetMetadataType0
    from .record_common_feedback_rating_info_type_0 import RecordCommonFeedbackRatingInfoType0
    from .record_common_files_type_0 import RecordCommonFilesType0
    from .record_common_metric_info_type_0 import RecordCommonMetricInfoType0
    from .record_common_user_metadata_type_0 import RecordCommonUserMetadataType0
    from .retriever_span_record import RetrieverSpanRecord
    from .retriever_span_record_type import RetrieverSpanRecordType
    from .session_record import SessionRecord
    from .session_record_type import SessionRecordType
    from .span_common import SpanCommon
    from .standard_error import StandardError
    from .standard_error_context_type_0 import StandardErrorContextType0
    from .stub_trace_record import StubTraceRecord
    from .stub_trace_record_type import StubTraceRecordType
    from .text_content_part import TextContentPart
    from .text_content_part_type import TextContentPartType
    from .text_io import TextIO
    from .text_or_any_type_2 import TextOrAnyType2
    from .tool_call import ToolCall
    from .tool_call_function import ToolCallFunction
    from .tool_span_record import ToolSpanRecord
    from .tool_span_record_type import ToolSpanRecordType
    from .trace_record import TraceRecord
    from .trace_record_type import TraceRecordType
    from .unknown_content_part import UnknownContentPart
    from .unknown_record import UnknownRecord
    from .validation_error import ValidationError
    from .validation_error_ctx_type_0 import ValidationErrorCtxType0
    from .workflow_span_record import WorkflowSpanRecord
    from .workflow_span_record_type import WorkflowSpanRecordType

_MODULE_OF = {
    "AgentSpanRecord": ".agent_span_record",
    "AgentSpanRecordType": ".agent_span_record_type",
    "AnnotationAggregate": ".annotation_aggregate",
    "AnnotationAggregateAggregateType0": ".annotation_aggregate_aggregate_type_0",
    "AnnotationRatingInfo": ".annotation_rating_info",
    "ControlResult": ".control_result",
    "ControlSpanRecord": ".control_span_record",
    "ControlSpanRecordType": ".control_span_record_type",
    "Document": ".document",
    "DocumentMetadataType0": ".document_metadata_type_0",
    "ErrorResponse": ".error_response",
    "ErrorResponseDetailType2": ".error_response_detail_type_2",
    "ExportRecordsRequest": ".export_records_request",
    "ExportRecordsRequestExportFormat": ".export_records_request_export_format",
    "ExportRecordsRequestRootType": ".export_records_request_root_type",
    "FeedbackRatingInfo": ".feedback_rating_info",
    "FileContentPart": ".file_content_part",
    "FileContentPartType": ".file_content_part_type",
    "FileMetadata": ".file_metadata",
    "HTTPValidationError": ".http_validation_error",
    "HTTPValidationErrorDetailType1": ".http_validation_error_detail_type_1",
    "LlmEvent": ".llm_event",
    "LlmEventMetadataType0": ".llm_event_metadata_type_0",
    "LlmSpanRecord": ".llm_span_record",
    "LlmSpanRecordToolsType0Item": ".llm_span_record_tools_type_0_item",
    "LlmSpanRecordType": ".llm_span_record_type",
    "LogRecordsBooleanFilter": ".log_records_boolean_filter",
    "LogRecordsBooleanFilterOperator": ".log_records_boolean_filter_operator",
    "LogRecordsBooleanFilterType": ".log_records_boolean_filter_type",
    "LogRecordsCollectionFilter": ".log_records_collection_filter",
    "LogRecordsCollectionFilterOperator": ".log_records_collection_filter_operator",
    "LogRecordsCollectionFilterType": ".log_records_collection_filter_type",
    "LogRecordsDateFilter": ".log_records_date_filter",
    "LogRecordsDateFilterOperator": ".log_records_date_filter_operator",
    "LogRecordsDateFilterType": ".log_records_date_filter_type",
    "LogRecordsIDFilter": ".log_records_id_filter",
    "LogRecordsIDFilterOperator": ".log_records_id_filter_operator",
    "LogRecordsIDFilterType": ".log_records_id_filter_type",
    "LogRecordsNumberFilter": ".log_records_number_filter",
    "LogRecordsNumberFilterOperator": ".log_records_number_filter_operator",
    "LogRecordsNumberFilterType": ".log_records_number_filter_type",
    "LogRecordsSortClause": ".log_records_sort_clause",
    "LogRecordsSortClauseSortType": ".log_records_sort_clause_sort_type",
    "LogRecordsTextFilter": ".log_records_text_filter",
    "LogRecordsTextFilterOperator": ".log_records_text_filter_operator",
    "LogRecordsTextFilterType": ".log_records_text_filter_type",
    "Message": ".message",
    "MetricCommon": ".metric_common",
    "MetricComputing": ".metric_computing",
    "MetricComputingStatusType": ".metric_computing_status_type",
    "MetricCritique": ".metric_critique",
    "MetricCritiqueCritiqueInfoType0": ".metric_critique_critique_info_type_0",
    "MetricError": ".metric_error",
    "MetricErrorFields": ".metric_error_fields",
    "MetricErrorStatusType": ".metric_error_status_type",
    "MetricFailed": ".metric_failed",
    "MetricFailedStatusType": ".metric_failed_status_type",
    "MetricNotApplicable": ".metric_not_applicable",
    "MetricNotApplicableStatusType": ".metric_not_applicable_status_type",
    "MetricNotComputed": ".metric_not_computed",
    "MetricNotComputedStatusType": ".metric_not_computed_status_type",
    "MetricPending": ".metric_pending",
    "MetricPendingStatusType": ".metric_pending_status_type",
    "MetricRollUp": ".metric_roll_up",
    "MetricRollUpRollUpMetricsType0": ".metric_roll_up_roll_up_metrics_type_0",
    "MetricRollUpStatusType": ".metric_roll_up_status_type",
    "MetricSuccess": ".metric_success",
    "MetricSuccessStatusType": ".metric_success_status_type",
    "MetricUnknownStatus": ".metric_unknown_status",
    "MetricValueFields": ".metric_value_fields",
    "MetricValueFieldsMetadataType0": ".metric_value_fields_metadata_type_0",
    "Metrics": ".metrics",
    "RecordCommon": ".record_common",
    "RecordCommonAnnotationAggregatesType0": ".record_common_annotation_aggregates_type_0",
    "RecordCommonAnnotationAgreementType0": ".record_common_annotation_agreement_type_0",
    "RecordCommonAnnotationsType0": ".record_common_annotations_type_0",
    "RecordCommonAnnotationsType0AdditionalProperty": ".record_common_annotations_type_0_additional_property",
    "RecordCommonDatasetMetadataType0": ".record_common_dataset_metadata_type_0",
    "RecordCommonFeedbackRatingInfoType0": ".record_common_feedback_rating_info_type_0",
    "RecordCommonFilesType0": ".record_common_files_type_0",
    "RecordCommonMetricInfoType0": ".record_common_metric_info_type_0",
    "RecordCommonUserMetadataType0": ".record_common_user_metadata_type_0",
    "RetrieverSpanRecord": ".retriever_span_record",
    "RetrieverSpanRecordType": ".retriever_span_record_type",
    "SessionRecord": ".session_record",
    "SessionRecordType": ".session_record_type",
    "SpanCommon": ".span_common",
    "StandardError": ".standard_error",
    "StandardErrorContextType0": ".standard_error_context_type_0",
    "StubTraceRecord": ".stub_trace_record",
    "StubTraceRecordType": ".stub_trace_record_type",
    "TextContentPart": ".text_content_part",
    "TextContentPartType": ".text_content_part_type",
    "TextIO": ".text_io",
    "TextOrAnyType2": ".text_or_any_type_2",
    "ToolCall": ".tool_call",
    "ToolCallFunction": ".tool_call_function",
    "ToolSpanRecord": ".tool_span_record",
    "ToolSpanRecordType": ".tool_span_record_type",
    "TraceRecord": ".trace_record",
    "TraceRecordType": ".trace_record_type",
    "UnknownContentPart": ".unknown_content_part",
    "UnknownRecord": ".unknown_record",
    "ValidationError": ".validation_error",
    "ValidationErrorCtxType0": ".validation_error_ctx_type_0",
    "WorkflowSpanRecord": ".workflow_span_record",
    "WorkflowSpanRecordType": ".workflow_span_record_type",
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
    "AgentSpanRecord",
    "AgentSpanRecordType",
    "AnnotationAggregate",
    "AnnotationAggregateAggregateType0",
    "AnnotationRatingInfo",
    "ControlResult",
    "ControlSpanRecord",
    "ControlSpanRecordType",
    "Document",
    "DocumentMetadataType0",
    "ErrorResponse",
    "ErrorResponseDetailType2",
    "ExportRecordsRequest",
    "ExportRecordsRequestExportFormat",
    "ExportRecordsRequestRootType",
    "FeedbackRatingInfo",
    "FileContentPart",
    "FileContentPartType",
    "FileMetadata",
    "HTTPValidationError",
    "HTTPValidationErrorDetailType1",
    "LlmEvent",
    "LlmEventMetadataType0",
    "LlmSpanRecord",
    "LlmSpanRecordToolsType0Item",
    "LlmSpanRecordType",
    "LogRecordsBooleanFilter",
    "LogRecordsBooleanFilterOperator",
    "LogRecordsBooleanFilterType",
    "LogRecordsCollectionFilter",
    "LogRecordsCollectionFilterOperator",
    "LogRecordsCollectionFilterType",
    "LogRecordsDateFilter",
    "LogRecordsDateFilterOperator",
    "LogRecordsDateFilterType",
    "LogRecordsIDFilter",
    "LogRecordsIDFilterOperator",
    "LogRecordsIDFilterType",
    "LogRecordsNumberFilter",
    "LogRecordsNumberFilterOperator",
    "LogRecordsNumberFilterType",
    "LogRecordsSortClause",
    "LogRecordsSortClauseSortType",
    "LogRecordsTextFilter",
    "LogRecordsTextFilterOperator",
    "LogRecordsTextFilterType",
    "Message",
    "MetricCommon",
    "MetricComputing",
    "MetricComputingStatusType",
    "MetricCritique",
    "MetricCritiqueCritiqueInfoType0",
    "MetricError",
    "MetricErrorFields",
    "MetricErrorStatusType",
    "MetricFailed",
    "MetricFailedStatusType",
    "MetricNotApplicable",
    "MetricNotApplicableStatusType",
    "MetricNotComputed",
    "MetricNotComputedStatusType",
    "MetricPending",
    "MetricPendingStatusType",
    "MetricRollUp",
    "MetricRollUpRollUpMetricsType0",
    "MetricRollUpStatusType",
    "MetricSuccess",
    "MetricSuccessStatusType",
    "MetricUnknownStatus",
    "MetricValueFields",
    "MetricValueFieldsMetadataType0",
    "Metrics",
    "RecordCommon",
    "RecordCommonAnnotationAggregatesType0",
    "RecordCommonAnnotationAgreementType0",
    "RecordCommonAnnotationsType0",
    "RecordCommonAnnotationsType0AdditionalProperty",
    "RecordCommonDatasetMetadataType0",
    "RecordCommonFeedbackRatingInfoType0",
    "RecordCommonFilesType0",
    "RecordCommonMetricInfoType0",
    "RecordCommonUserMetadataType0",
    "RetrieverSpanRecord",
    "RetrieverSpanRecordType",
    "SessionRecord",
    "SessionRecordType",
    "SpanCommon",
    "StandardError",
    "StandardErrorContextType0",
    "StubTraceRecord",
    "StubTraceRecordType",
    "TextContentPart",
    "TextContentPartType",
    "TextIO",
    "TextOrAnyType2",
    "ToolCall",
    "ToolCallFunction",
    "ToolSpanRecord",
    "ToolSpanRecordType",
    "TraceRecord",
    "TraceRecordType",
    "UnknownContentPart",
    "UnknownRecord",
    "ValidationError",
    "ValidationErrorCtxType0",
    "WorkflowSpanRecord",
    "WorkflowSpanRecordType",
)
