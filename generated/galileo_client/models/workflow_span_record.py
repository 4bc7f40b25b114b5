from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.workflow_span_record_type import WorkflowSpanRecordType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agent_span_record import AgentSpanRecord
    from ..models.control_span_record import ControlSpanRecord
    from ..models.llm_span_record import LlmSpanRecord
    from ..models.metrics import Metrics
    from ..models.record_common_annotation_aggregates_type_0 import RecordCommonAnnotationAggregatesType0
    from ..models.record_common_annotation_agreement_type_0 import RecordCommonAnnotationAgreementType0
    from ..models.record_common_annotations_type_0 import RecordCommonAnnotationsType0
    from ..models.record_common_dataset_metadata_type_0 import RecordCommonDatasetMetadataType0
    from ..models.record_common_feedback_rating_info_type_0 import RecordCommonFeedbackRatingInfoType0
    from ..models.record_common_files_type_0 import RecordCommonFilesType0
    from ..models.record_common_metric_info_type_0 import RecordCommonMetricInfoType0
    from ..models.record_common_user_metadata_type_0 import RecordCommonUserMetadataType0
    from ..models.retriever_span_record import RetrieverSpanRecord
    from ..models.session_record import SessionRecord
    from ..models.stub_trace_record import StubTraceRecord
    from ..models.text_or_any_type_2 import TextOrAnyType2
    from ..models.tool_span_record import ToolSpanRecord
    from ..models.trace_record import TraceRecord
    from ..models.unknown_record import UnknownRecord


T = TypeVar("T", bound="WorkflowSpanRecord")


@_attrs_define
class WorkflowSpanRecord:
    """A workflow step grouping child spans.

    Attributes:
        id (UUID): Galileo ID of the session
        type_ (WorkflowSpanRecordType): Type of the trace
        project_id (None | Unset | UUID): Galileo ID of the project associated with this trace or span.
        run_id (None | Unset | UUID): Galileo ID of the run (log stream or experiment) associated with this trace or
            span.
        session_id (None | Unset | UUID): Galileo ID of the session containing the trace or span (the same value as `id`
            for a session).
        trace_id (None | Unset | UUID): Galileo ID of the trace containing the span (the same value as `id` for a
            trace).
        name (None | str | Unset): Name of the trace
        created_at (datetime.datetime | None | Unset): Timestamp of the trace or span's creation.
        updated_at (datetime.datetime | None | Unset): Timestamp of the session or trace or span's last update.
        user_metadata (None | RecordCommonUserMetadataType0 | Unset): Metadata associated with this trace or span
            (string values).
        tags (list[str] | None | Unset): Tags associated with this trace or span.
        status_code (int | None | Unset): Status code of the trace or span. Used for logging failure or error states.
        metrics (Metrics | None | Unset): Metrics associated with this trace or span.
        metric_info (None | RecordCommonMetricInfoType0 | Unset): Detailed information about the metrics associated with
            this trace or span: one `MetricInfo` per metric,
            keyed like `metrics` (scorer metrics by UUID).
        external_id (None | str | Unset): A user-provided session
        dataset_input (None | str | Unset): Input to the dataset associated with this trace.
        dataset_output (None | str | Unset): Output from the dataset associated with this trace.
        dataset_metadata (None | RecordCommonDatasetMetadataType0 | Unset): Metadata from the dataset associated with
            this trace.
        has_children (bool | None | Unset): Whether or not this trace or span has child spans.
        metrics_batch_id (None | str | Unset): Galileo ID (UUID) of the metrics batch associated with this trace or
            span.
        session_batch_id (None | str | Unset): Galileo ID (UUID) of the session batch associated with this trace or
            span.
        feedback_rating_info (None | RecordCommonFeedbackRatingInfoType0 | Unset): Feedback information related to the
            record, keyed by feedback template ID.
        annotations (None | RecordCommonAnnotationsType0 | Unset): Annotations keyed by template ID and annotator ID.
        annotation_aggregates (None | RecordCommonAnnotationAggregatesType0 | Unset): Annotation aggregate information
            keyed by template ID.
        annotation_agreement (None | RecordCommonAnnotationAgreementType0 | Unset): Annotation agreement scores keyed by
            template ID.
        overall_annotation_agreement (float | None | Unset): Average annotation agreement across all templates in the
            queue.
        annotation_queue_ids (list[str] | None | Unset): IDs (UUIDs) of annotation queues this record is in.
        fully_annotated (bool | None | Unset): Whether every field is annotated by every annotator in the queue.
        file_ids (list[str] | None | Unset): IDs (UUIDs) of files associated with this record.
        file_modalities (list[str] | None | Unset): Modalities of files associated with this record. Known values: text,
            document, image, audio, video.
        files (None | RecordCommonFilesType0 | Unset): File metadata keyed by file ID for files associated with this
            record.
        progress_message (None | str | Unset): Runner progress text.
        error_message (None | str | Unset): Runner error text.
        parent_id (None | Unset | UUID): Galileo ID of the parent of this span (a trace or a span).
        is_complete (bool | None | Unset): Whether the parent trace is complete or not.
        step_number (int | None | Unset): Topological step number of the span.
        input_ (list[Any] | None | str | TextOrAnyType2 | Unset): Usually a string; kept as given when a logger sent
            something else.
        redacted_input (list[Any] | None | str | TextOrAnyType2 | Unset): Usually a string; kept as given when a logger
            sent something else.
        output (list[Any] | None | str | TextOrAnyType2 | Unset): Usually a string; kept as given when a logger sent
            something else.
        redacted_output (list[Any] | None | str | TextOrAnyType2 | Unset): Usually a string; kept as given when a logger
            sent something else.
        spans (list[AgentSpanRecord | ControlSpanRecord | LlmSpanRecord | RetrieverSpanRecord | SessionRecord |
            StubTraceRecord | ToolSpanRecord | TraceRecord | UnknownRecord | WorkflowSpanRecord] | None | Unset): Child
            spans, nested; `jsonl` only.
    """

    id: UUID
    type_: WorkflowSpanRecordType
    project_id: None | Unset | UUID = UNSET
    run_id: None | Unset | UUID = UNSET
    session_id: None | Unset | UUID = UNSET
    trace_id: None | Unset | UUID = UNSET
    name: None | str | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    user_metadata: None | RecordCommonUserMetadataType0 | Unset = UNSET
    tags: list[str] | None | Unset = UNSET
    status_code: int | None | Unset = UNSET
    metrics: Metrics | None | Unset = UNSET
    metric_info: None | RecordCommonMetricInfoType0 | Unset = UNSET
    external_id: None | str | Unset = UNSET
    dataset_input: None | str | Unset = UNSET
    dataset_output: None | str | Unset = UNSET
    dataset_metadata: None | RecordCommonDatasetMetadataType0 | Unset = UNSET
    has_children: bool | None | Unset = UNSET
    metrics_batch_id: None | str | Unset = UNSET
    session_batch_id: None | str | Unset = UNSET
    feedback_rating_info: None | RecordCommonFeedbackRatingInfoType0 | Unset = UNSET
    annotations: None | RecordCommonAnnotationsType0 | Unset = UNSET
    annotation_aggregates: None | RecordCommonAnnotationAggregatesType0 | Unset = UNSET
    annotation_agreement: None | RecordCommonAnnotationAgreementType0 | Unset = UNSET
    overall_annotation_agreement: float | None | Unset = UNSET
    annotation_queue_ids: list[str] | None | Unset = UNSET
    fully_annotated: bool | None | Unset = UNSET
    file_ids: list[str] | None | Unset = UNSET
    file_modalities: list[str] | None | Unset = UNSET
    files: None | RecordCommonFilesType0 | Unset = UNSET
    progress_message: None | str | Unset = UNSET
    error_message: None | str | Unset = UNSET
    parent_id: None | Unset | UUID = UNSET
    is_complete: bool | None | Unset = UNSET
    step_number: int | None | Unset = UNSET
    input_: list[Any] | None | str | TextOrAnyType2 | Unset = UNSET
    redacted_input: list[Any] | None | str | TextOrAnyType2 | Unset = UNSET
    output: list[Any] | None | str | TextOrAnyType2 | Unset = UNSET
    redacted_output: list[Any] | None | str | TextOrAnyType2 | Unset = UNSET
    spans: (
        list[
            AgentSpanRecord
            | ControlSpanRecord
            | LlmSpanRecord
            | RetrieverSpanRecord
            | SessionRecord
            | StubTraceRecord
            | ToolSpanRecord
            | TraceRecord
            | UnknownRecord
            | WorkflowSpanRecord
        ]
        | None
        | Unset
    ) = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.agent_span_record import AgentSpanRecord
        from ..models.control_span_record import ControlSpanRecord
        from ..models.llm_span_record import LlmSpanRecord
        from ..models.metrics import Metrics
        from ..models.record_common_annotation_aggregates_type_0 import RecordCommonAnnotationAggregatesType0
        from ..models.record_common_annotation_agreement_type_0 import RecordCommonAnnotationAgreementType0
        from ..models.record_common_annotations_type_0 import RecordCommonAnnotationsType0
        from ..models.record_common_dataset_metadata_type_0 import RecordCommonDatasetMetadataType0
        from ..models.record_common_feedback_rating_info_type_0 import RecordCommonFeedbackRatingInfoType0
        from ..models.record_common_files_type_0 import RecordCommonFilesType0
        from ..models.record_common_metric_info_type_0 import RecordCommonMetricInfoType0
        from ..models.record_common_user_metadata_type_0 import RecordCommonUserMetadataType0
        from ..models.retriever_span_record import RetrieverSpanRecord
        from ..models.session_record import SessionRecord
        from ..models.stub_trace_record import StubTraceRecord
        from ..models.text_or_any_type_2 import TextOrAnyType2
        from ..models.tool_span_record import ToolSpanRecord
        from ..models.trace_record import TraceRecord

        id = str(self.id)

        type_ = self.type_.value

        project_id: None | str | Unset
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        elif isinstance(self.project_id, UUID):
            project_id = str(self.project_id)
        else:
            project_id = self.project_id

        run_id: None | str | Unset
        if isinstance(self.run_id, Unset):
            run_id = UNSET
        elif isinstance(self.run_id, UUID):
            run_id = str(self.run_id)
        else:
            run_id = self.run_id

        session_id: None | str | Unset
        if isinstance(self.session_id, Unset):
            session_id = UNSET
        elif isinstance(self.session_id, UUID):
            session_id = str(self.session_id)
        else:
            session_id = self.session_id

        trace_id: None | str | Unset
        if isinstance(self.trace_id, Unset):
            trace_id = UNSET
        elif isinstance(self.trace_id, UUID):
            trace_id = str(self.trace_id)
        else:
            trace_id = self.trace_id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

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

        user_metadata: dict[str, Any] | None | Unset
        if isinstance(self.user_metadata, Unset):
            user_metadata = UNSET
        elif isinstance(self.user_metadata, RecordCommonUserMetadataType0):
            user_metadata = self.user_metadata.to_dict()
        else:
            user_metadata = self.user_metadata

        tags: list[str] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

        status_code: int | None | Unset
        if isinstance(self.status_code, Unset):
            status_code = UNSET
        else:
            status_code = self.status_code

        metrics: dict[str, Any] | None | Unset
        if isinstance(self.metrics, Unset):
            metrics = UNSET
        elif isinstance(self.metrics, Metrics):
            metrics = self.metrics.to_dict()
        else:
            metrics = self.metrics

        metric_info: dict[str, Any] | None | Unset
        if isinstance(self.metric_info, Unset):
            metric_info = UNSET
        elif isinstance(self.metric_info, RecordCommonMetricInfoType0):
            metric_info = self.metric_info.to_dict()
        else:
            metric_info = self.metric_info

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        dataset_input: None | str | Unset
        if isinstance(self.dataset_input, Unset):
            dataset_input = UNSET
        else:
            dataset_input = self.dataset_input

        dataset_output: None | str | Unset
        if isinstance(self.dataset_output, Unset):
            dataset_output = UNSET
        else:
            dataset_output = self.dataset_output

        dataset_metadata: dict[str, Any] | None | Unset
        if isinstance(self.dataset_metadata, Unset):
            dataset_metadata = UNSET
        elif isinstance(self.dataset_metadata, RecordCommonDatasetMetadataType0):
            dataset_metadata = self.dataset_metadata.to_dict()
        else:
            dataset_metadata = self.dataset_metadata

        has_children: bool | None | Unset
        if isinstance(self.has_children, Unset):
            has_children = UNSET
        else:
            has_children = self.has_children

        metrics_batch_id: None | str | Unset
        if isinstance(self.metrics_batch_id, Unset):
            metrics_batch_id = UNSET
        else:
            metrics_batch_id = self.metrics_batch_id

        session_batch_id: None | str | Unset
        if isinstance(self.session_batch_id, Unset):
            session_batch_id = UNSET
        else:
            session_batch_id = self.session_batch_id

        feedback_rating_info: dict[str, Any] | None | Unset
        if isinstance(self.feedback_rating_info, Unset):
            feedback_rating_info = UNSET
        elif isinstance(self.feedback_rating_info, RecordCommonFeedbackRatingInfoType0):
            feedback_rating_info = self.feedback_rating_info.to_dict()
        else:
            feedback_rating_info = self.feedback_rating_info

        annotations: dict[str, Any] | None | Unset
        if isinstance(self.annotations, Unset):
            annotations = UNSET
        elif isinstance(self.annotations, RecordCommonAnnotationsType0):
            annotations = self.annotations.to_dict()
        else:
            annotations = self.annotations

        annotation_aggregates: dict[str, Any] | None | Unset
        if isinstance(self.annotation_aggregates, Unset):
            annotation_aggregates = UNSET
        elif isinstance(self.annotation_aggregates, RecordCommonAnnotationAggregatesType0):
            annotation_aggregates = self.annotation_aggregates.to_dict()
        else:
            annotation_aggregates = self.annotation_aggregates

        annotation_agreement: dict[str, Any] | None | Unset
        if isinstance(self.annotation_agreement, Unset):
            annotation_agreement = UNSET
        elif isinstance(self.annotation_agreement, RecordCommonAnnotationAgreementType0):
            annotation_agreement = self.annotation_agreement.to_dict()
        else:
            annotation_agreement = self.annotation_agreement

        overall_annotation_agreement: float | None | Unset
        if isinstance(self.overall_annotation_agreement, Unset):
            overall_annotation_agreement = UNSET
        else:
            overall_annotation_agreement = self.overall_annotation_agreement

        annotation_queue_ids: list[str] | None | Unset
        if isinstance(self.annotation_queue_ids, Unset):
            annotation_queue_ids = UNSET
        elif isinstance(self.annotation_queue_ids, list):
            annotation_queue_ids = self.annotation_queue_ids

        else:
            annotation_queue_ids = self.annotation_queue_ids

        fully_annotated: bool | None | Unset
        if isinstance(self.fully_annotated, Unset):
            fully_annotated = UNSET
        else:
            fully_annotated = self.fully_annotated

        file_ids: list[str] | None | Unset
        if isinstance(self.file_ids, Unset):
            file_ids = UNSET
        elif isinstance(self.file_ids, list):
            file_ids = self.file_ids

        else:
            file_ids = self.file_ids

        file_modalities: list[str] | None | Unset
        if isinstance(self.file_modalities, Unset):
            file_modalities = UNSET
        elif isinstance(self.file_modalities, list):
            file_modalities = self.file_modalities

        else:
            file_modalities = self.file_modalities

        files: dict[str, Any] | None | Unset
        if isinstance(self.files, Unset):
            files = UNSET
        elif isinstance(self.files, RecordCommonFilesType0):
            files = self.files.to_dict()
        else:
            files = self.files

        progress_message: None | str | Unset
        if isinstance(self.progress_message, Unset):
            progress_message = UNSET
        else:
            progress_message = self.progress_message

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        elif isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        is_complete: bool | None | Unset
        if isinstance(self.is_complete, Unset):
            is_complete = UNSET
        else:
            is_complete = self.is_complete

        step_number: int | None | Unset
        if isinstance(self.step_number, Unset):
            step_number = UNSET
        else:
            step_number = self.step_number

        input_: dict[str, Any] | list[Any] | None | str | Unset
        if isinstance(self.input_, Unset):
            input_ = UNSET
        elif isinstance(self.input_, list):
            input_ = self.input_

        elif isinstance(self.input_, TextOrAnyType2):
            input_ = self.input_.to_dict()
        else:
            input_ = self.input_

        redacted_input: dict[str, Any] | list[Any] | None | str | Unset
        if isinstance(self.redacted_input, Unset):
            redacted_input = UNSET
        elif isinstance(self.redacted_input, list):
            redacted_input = self.redacted_input

        elif isinstance(self.redacted_input, TextOrAnyType2):
            redacted_input = self.redacted_input.to_dict()
        else:
            redacted_input = self.redacted_input

        output: dict[str, Any] | list[Any] | None | str | Unset
        if isinstance(self.output, Unset):
            output = UNSET
        elif isinstance(self.output, list):
            output = self.output

        elif isinstance(self.output, TextOrAnyType2):
            output = self.output.to_dict()
        else:
            output = self.output

        redacted_output: dict[str, Any] | list[Any] | None | str | Unset
        if isinstance(self.redacted_output, Unset):
            redacted_output = UNSET
        elif isinstance(self.redacted_output, list):
            redacted_output = self.redacted_output

        elif isinstance(self.redacted_output, TextOrAnyType2):
            redacted_output = self.redacted_output.to_dict()
        else:
            redacted_output = self.redacted_output

        spans: list[dict[str, Any]] | None | Unset
        if isinstance(self.spans, Unset):
            spans = UNSET
        elif isinstance(self.spans, list):
            spans = []
            for spans_type_0_item_data in self.spans:
                spans_type_0_item: dict[str, Any]
                if (
                    isinstance(spans_type_0_item_data, SessionRecord)
                    or isinstance(spans_type_0_item_data, TraceRecord)
                    or isinstance(spans_type_0_item_data, LlmSpanRecord)
                    or isinstance(spans_type_0_item_data, ToolSpanRecord)
                    or isinstance(spans_type_0_item_data, RetrieverSpanRecord)
                    or isinstance(spans_type_0_item_data, WorkflowSpanRecord)
                    or isinstance(spans_type_0_item_data, AgentSpanRecord)
                    or isinstance(spans_type_0_item_data, ControlSpanRecord)
                    or isinstance(spans_type_0_item_data, StubTraceRecord)
                ):
                    spans_type_0_item = spans_type_0_item_data.to_dict()
                else:
                    spans_type_0_item = spans_type_0_item_data.to_dict()

                spans.append(spans_type_0_item)

        else:
            spans = self.spans

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
            }
        )
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if run_id is not UNSET:
            field_dict["run_id"] = run_id
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if trace_id is not UNSET:
            field_dict["trace_id"] = trace_id
        if name is not UNSET:
            field_dict["name"] = name
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if user_metadata is not UNSET:
            field_dict["user_metadata"] = user_metadata
        if tags is not UNSET:
            field_dict["tags"] = tags
        if status_code is not UNSET:
            field_dict["status_code"] = status_code
        if metrics is not UNSET:
            field_dict["metrics"] = metrics
        if metric_info is not UNSET:
            field_dict["metric_info"] = metric_info
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if dataset_input is not UNSET:
            field_dict["dataset_input"] = dataset_input
        if dataset_output is not UNSET:
            field_dict["dataset_output"] = dataset_output
        if dataset_metadata is not UNSET:
            field_dict["dataset_metadata"] = dataset_metadata
        if has_children is not UNSET:
            field_dict["has_children"] = has_children
        if metrics_batch_id is not UNSET:
            field_dict["metrics_batch_id"] = metrics_batch_id
        if session_batch_id is not UNSET:
            field_dict["session_batch_id"] = session_batch_id
        if feedback_rating_info is not UNSET:
            field_dict["feedback_rating_info"] = feedback_rating_info
        if annotations is not UNSET:
            field_dict["annotations"] = annotations
        if annotation_aggregates is not UNSET:
            field_dict["annotation_aggregates"] = annotation_aggregates
        if annotation_agreement is not UNSET:
            field_dict["annotation_agreement"] = annotation_agreement
        if overall_annotation_agreement is not UNSET:
            field_dict["overall_annotation_agreement"] = overall_annotation_agreement
        if annotation_queue_ids is not UNSET:
            field_dict["annotation_queue_ids"] = annotation_queue_ids
        if fully_annotated is not UNSET:
            field_dict["fully_annotated"] = fully_annotated
        if file_ids is not UNSET:
            field_dict["file_ids"] = file_ids
        if file_modalities is not UNSET:
            field_dict["file_modalities"] = file_modalities
        if files is not UNSET:
            field_dict["files"] = files
        if progress_message is not UNSET:
            field_dict["progress_message"] = progress_message
        if error_message is not UNSET:
            field_dict["error_message"] = error_message
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if is_complete is not UNSET:
            field_dict["is_complete"] = is_complete
        if step_number is not UNSET:
            field_dict["step_number"] = step_number
        if input_ is not UNSET:
            field_dict["input"] = input_
        if redacted_input is not UNSET:
            field_dict["redacted_input"] = redacted_input
        if output is not UNSET:
            field_dict["output"] = output
        if redacted_output is not UNSET:
            field_dict["redacted_output"] = redacted_output
        if spans is not UNSET:
            field_dict["spans"] = spans

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.agent_span_record import AgentSpanRecord
        from ..models.control_span_record import ControlSpanRecord
        from ..models.llm_span_record import LlmSpanRecord
        from ..models.metrics import Metrics
        from ..models.record_common_annotation_aggregates_type_0 import RecordCommonAnnotationAggregatesType0
        from ..models.record_common_annotation_agreement_type_0 import RecordCommonAnnotationAgreementType0
        from ..models.record_common_annotations_type_0 import RecordCommonAnnotationsType0
        from ..models.record_common_dataset_metadata_type_0 import RecordCommonDatasetMetadataType0
        from ..models.record_common_feedback_rating_info_type_0 import RecordCommonFeedbackRatingInfoType0
        from ..models.record_common_files_type_0 import RecordCommonFilesType0
        from ..models.record_common_metric_info_type_0 import RecordCommonMetricInfoType0
        from ..models.record_common_user_metadata_type_0 import RecordCommonUserMetadataType0
        from ..models.retriever_span_record import RetrieverSpanRecord
        from ..models.session_record import SessionRecord
        from ..models.stub_trace_record import StubTraceRecord
        from ..models.text_or_any_type_2 import TextOrAnyType2
        from ..models.tool_span_record import ToolSpanRecord
        from ..models.trace_record import TraceRecord
        from ..models.unknown_record import UnknownRecord

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        type_ = WorkflowSpanRecordType(d.pop("type"))

        def _parse_project_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                project_id_type_0 = UUID(data)

                return project_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        project_id = _parse_project_id(d.pop("project_id", UNSET))

        def _parse_run_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                run_id_type_0 = UUID(data)

                return run_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        run_id = _parse_run_id(d.pop("run_id", UNSET))

        def _parse_session_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                session_id_type_0 = UUID(data)

                return session_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        session_id = _parse_session_id(d.pop("session_id", UNSET))

        def _parse_trace_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                trace_id_type_0 = UUID(data)

                return trace_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        trace_id = _parse_trace_id(d.pop("trace_id", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

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

        def _parse_user_metadata(data: object) -> None | RecordCommonUserMetadataType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                user_metadata_type_0 = RecordCommonUserMetadataType0.from_dict(data)

                return user_metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecordCommonUserMetadataType0 | Unset, data)

        user_metadata = _parse_user_metadata(d.pop("user_metadata", UNSET))

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

        def _parse_status_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        status_code = _parse_status_code(d.pop("status_code", UNSET))

        def _parse_metrics(data: object) -> Metrics | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metrics_type_0 = Metrics.from_dict(data)

                return metrics_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Metrics | None | Unset, data)

        metrics = _parse_metrics(d.pop("metrics", UNSET))

        def _parse_metric_info(data: object) -> None | RecordCommonMetricInfoType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metric_info_type_0 = RecordCommonMetricInfoType0.from_dict(data)

                return metric_info_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecordCommonMetricInfoType0 | Unset, data)

        metric_info = _parse_metric_info(d.pop("metric_info", UNSET))

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        def _parse_dataset_input(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dataset_input = _parse_dataset_input(d.pop("dataset_input", UNSET))

        def _parse_dataset_output(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dataset_output = _parse_dataset_output(d.pop("dataset_output", UNSET))

        def _parse_dataset_metadata(data: object) -> None | RecordCommonDatasetMetadataType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                dataset_metadata_type_0 = RecordCommonDatasetMetadataType0.from_dict(data)

                return dataset_metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecordCommonDatasetMetadataType0 | Unset, data)

        dataset_metadata = _parse_dataset_metadata(d.pop("dataset_metadata", UNSET))

        def _parse_has_children(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        has_children = _parse_has_children(d.pop("has_children", UNSET))

        def _parse_metrics_batch_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        metrics_batch_id = _parse_metrics_batch_id(d.pop("metrics_batch_id", UNSET))

        def _parse_session_batch_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        session_batch_id = _parse_session_batch_id(d.pop("session_batch_id", UNSET))

        def _parse_feedback_rating_info(data: object) -> None | RecordCommonFeedbackRatingInfoType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                feedback_rating_info_type_0 = RecordCommonFeedbackRatingInfoType0.from_dict(data)

                return feedback_rating_info_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecordCommonFeedbackRatingInfoType0 | Unset, data)

        feedback_rating_info = _parse_feedback_rating_info(d.pop("feedback_rating_info", UNSET))

        def _parse_annotations(data: object) -> None | RecordCommonAnnotationsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                annotations_type_0 = RecordCommonAnnotationsType0.from_dict(data)

                return annotations_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecordCommonAnnotationsType0 | Unset, data)

        annotations = _parse_annotations(d.pop("annotations", UNSET))

        def _parse_annotation_aggregates(data: object) -> None | RecordCommonAnnotationAggregatesType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                annotation_aggregates_type_0 = RecordCommonAnnotationAggregatesType0.from_dict(data)

                return annotation_aggregates_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecordCommonAnnotationAggregatesType0 | Unset, data)

        annotation_aggregates = _parse_annotation_aggregates(d.pop("annotation_aggregates", UNSET))

        def _parse_annotation_agreement(data: object) -> None | RecordCommonAnnotationAgreementType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                annotation_agreement_type_0 = RecordCommonAnnotationAgreementType0.from_dict(data)

                return annotation_agreement_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecordCommonAnnotationAgreementType0 | Unset, data)

        annotation_agreement = _parse_annotation_agreement(d.pop("annotation_agreement", UNSET))

        def _parse_overall_annotation_agreement(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        overall_annotation_agreement = _parse_overall_annotation_agreement(d.pop("overall_annotation_agreement", UNSET))

        def _parse_annotation_queue_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                annotation_queue_ids_type_0 = cast(list[str], data)

                return annotation_queue_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        annotation_queue_ids = _parse_annotation_queue_ids(d.pop("annotation_queue_ids", UNSET))

        def _parse_fully_annotated(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        fully_annotated = _parse_fully_annotated(d.pop("fully_annotated", UNSET))

        def _parse_file_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                file_ids_type_0 = cast(list[str], data)

                return file_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        file_ids = _parse_file_ids(d.pop("file_ids", UNSET))

        def _parse_file_modalities(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                file_modalities_type_0 = cast(list[str], data)

                return file_modalities_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        file_modalities = _parse_file_modalities(d.pop("file_modalities", UNSET))

        def _parse_files(data: object) -> None | RecordCommonFilesType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                files_type_0 = RecordCommonFilesType0.from_dict(data)

                return files_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecordCommonFilesType0 | Unset, data)

        files = _parse_files(d.pop("files", UNSET))

        def _parse_progress_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        progress_message = _parse_progress_message(d.pop("progress_message", UNSET))

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("error_message", UNSET))

        def _parse_parent_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_id_type_0 = UUID(data)

                return parent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        def _parse_is_complete(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_complete = _parse_is_complete(d.pop("is_complete", UNSET))

        def _parse_step_number(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        step_number = _parse_step_number(d.pop("step_number", UNSET))

        def _parse_input_(data: object) -> list[Any] | None | str | TextOrAnyType2 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_text_or_any_type_1 = cast(list[Any], data)

                return componentsschemas_text_or_any_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_text_or_any_type_2 = TextOrAnyType2.from_dict(data)

                return componentsschemas_text_or_any_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Any] | None | str | TextOrAnyType2 | Unset, data)

        input_ = _parse_input_(d.pop("input", UNSET))

        def _parse_redacted_input(data: object) -> list[Any] | None | str | TextOrAnyType2 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_text_or_any_type_1 = cast(list[Any], data)

                return componentsschemas_text_or_any_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_text_or_any_type_2 = TextOrAnyType2.from_dict(data)

                return componentsschemas_text_or_any_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Any] | None | str | TextOrAnyType2 | Unset, data)

        redacted_input = _parse_redacted_input(d.pop("redacted_input", UNSET))

        def _parse_output(data: object) -> list[Any] | None | str | TextOrAnyType2 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_text_or_any_type_1 = cast(list[Any], data)

                return componentsschemas_text_or_any_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_text_or_any_type_2 = TextOrAnyType2.from_dict(data)

                return componentsschemas_text_or_any_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Any] | None | str | TextOrAnyType2 | Unset, data)

        output = _parse_output(d.pop("output", UNSET))

        def _parse_redacted_output(data: object) -> list[Any] | None | str | TextOrAnyType2 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_text_or_any_type_1 = cast(list[Any], data)

                return componentsschemas_text_or_any_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_text_or_any_type_2 = TextOrAnyType2.from_dict(data)

                return componentsschemas_text_or_any_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Any] | None | str | TextOrAnyType2 | Unset, data)

        redacted_output = _parse_redacted_output(d.pop("redacted_output", UNSET))

        def _parse_spans(
            data: object,
        ) -> (
            list[
                AgentSpanRecord
                | ControlSpanRecord
                | LlmSpanRecord
                | RetrieverSpanRecord
                | SessionRecord
                | StubTraceRecord
                | ToolSpanRecord
                | TraceRecord
                | UnknownRecord
                | WorkflowSpanRecord
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
                spans_type_0 = []
                _spans_type_0 = data
                for spans_type_0_item_data in _spans_type_0:

                    def _parse_spans_type_0_item(
                        data: object,
                    ) -> (
                        AgentSpanRecord
                        | ControlSpanRecord
                        | LlmSpanRecord
                        | RetrieverSpanRecord
                        | SessionRecord
                        | StubTraceRecord
                        | ToolSpanRecord
                        | TraceRecord
                        | UnknownRecord
                        | WorkflowSpanRecord
                    ):
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_export_record_type_0 = SessionRecord.from_dict(data)

                            return componentsschemas_export_record_type_0
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_export_record_type_1 = TraceRecord.from_dict(data)

                            return componentsschemas_export_record_type_1
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_export_record_type_2 = LlmSpanRecord.from_dict(data)

                            return componentsschemas_export_record_type_2
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_export_record_type_3 = ToolSpanRecord.from_dict(data)

                            return componentsschemas_export_record_type_3
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_export_record_type_4 = RetrieverSpanRecord.from_dict(data)

                            return componentsschemas_export_record_type_4
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_export_record_type_5 = WorkflowSpanRecord.from_dict(data)

                            return componentsschemas_export_record_type_5
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_export_record_type_6 = AgentSpanRecord.from_dict(data)

                            return componentsschemas_export_record_type_6
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_export_record_type_7 = ControlSpanRecord.from_dict(data)

                            return componentsschemas_export_record_type_7
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_export_record_type_8 = StubTraceRecord.from_dict(data)

                            return componentsschemas_export_record_type_8
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_export_record_type_9 = UnknownRecord.from_dict(data)

                        return componentsschemas_export_record_type_9

                    spans_type_0_item = _parse_spans_type_0_item(spans_type_0_item_data)

                    spans_type_0.append(spans_type_0_item)

                return spans_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                list[
                    AgentSpanRecord
                    | ControlSpanRecord
                    | LlmSpanRecord
                    | RetrieverSpanRecord
                    | SessionRecord
                    | StubTraceRecord
                    | ToolSpanRecord
                    | TraceRecord
                    | UnknownRecord
                    | WorkflowSpanRecord
                ]
                | None
                | Unset,
                data,
            )

        spans = _parse_spans(d.pop("spans", UNSET))

        workflow_span_record = cls(
            id=id,
            type_=type_,
            project_id=project_id,
            run_id=run_id,
            session_id=session_id,
            trace_id=trace_id,
            name=name,
            created_at=created_at,
            updated_at=updated_at,
            user_metadata=user_metadata,
            tags=tags,
            status_code=status_code,
            metrics=metrics,
            metric_info=metric_info,
            external_id=external_id,
            dataset_input=dataset_input,
            dataset_output=dataset_output,
            dataset_metadata=dataset_metadata,
            has_children=has_children,
            metrics_batch_id=metrics_batch_id,
            session_batch_id=session_batch_id,
            feedback_rating_info=feedback_rating_info,
            annotations=annotations,
            annotation_aggregates=annotation_aggregates,
            annotation_agreement=annotation_agreement,
            overall_annotation_agreement=overall_annotation_agreement,
            annotation_queue_ids=annotation_queue_ids,
            fully_annotated=fully_annotated,
            file_ids=file_ids,
            file_modalities=file_modalities,
            files=files,
            progress_message=progress_message,
            error_message=error_message,
            parent_id=parent_id,
            is_complete=is_complete,
            step_number=step_number,
            input_=input_,
            redacted_input=redacted_input,
            output=output,
            redacted_output=redacted_output,
            spans=spans,
        )

        workflow_span_record.additional_properties = d
        return workflow_span_record

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
