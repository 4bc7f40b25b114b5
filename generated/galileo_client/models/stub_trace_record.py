from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.stub_trace_record_type import StubTraceRecordType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agent_span_record import AgentSpanRecord
    from ..models.control_span_record import ControlSpanRecord
    from ..models.llm_span_record import LlmSpanRecord
    from ..models.retriever_span_record import RetrieverSpanRecord
    from ..models.session_record import SessionRecord
    from ..models.tool_span_record import ToolSpanRecord
    from ..models.trace_record import TraceRecord
    from ..models.unknown_record import UnknownRecord
    from ..models.workflow_span_record import WorkflowSpanRecord


T = TypeVar("T", bound="StubTraceRecord")


@_attrs_define
class StubTraceRecord:
    """Placeholder for a trace referenced by spans but not yet ingested: synthesized when one or more spans declare
    `trace_id` X but no trace with that id exists in storage. Holds the orphan spans together under one root.

        Attributes:
            type_ (StubTraceRecordType): Identifies this as a synthesized placeholder, not a real trace.
            id (UUID): ID of the missing trace, taken from span trace_id references.
            project_id (None | Unset | UUID): Project ID inferred from child spans, if all agree; otherwise null.
            run_id (None | Unset | UUID): Run ID inferred from child spans, if all agree; otherwise null.
            session_id (None | Unset | UUID): Session ID inferred from child spans, if all agree; otherwise null.
            spans (list[AgentSpanRecord | ControlSpanRecord | LlmSpanRecord | RetrieverSpanRecord | SessionRecord |
                StubTraceRecord | ToolSpanRecord | TraceRecord | UnknownRecord | WorkflowSpanRecord] | None | Unset): The orphan
                spans, nested.
    """

    type_: StubTraceRecordType
    id: UUID
    project_id: None | Unset | UUID = UNSET
    run_id: None | Unset | UUID = UNSET
    session_id: None | Unset | UUID = UNSET
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
        from ..models.retriever_span_record import RetrieverSpanRecord
        from ..models.session_record import SessionRecord
        from ..models.tool_span_record import ToolSpanRecord
        from ..models.trace_record import TraceRecord
        from ..models.workflow_span_record import WorkflowSpanRecord

        type_ = self.type_.value

        id = str(self.id)

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
                "type": type_,
                "id": id,
            }
        )
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if run_id is not UNSET:
            field_dict["run_id"] = run_id
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if spans is not UNSET:
            field_dict["spans"] = spans

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.agent_span_record import AgentSpanRecord
        from ..models.control_span_record import ControlSpanRecord
        from ..models.llm_span_record import LlmSpanRecord
        from ..models.retriever_span_record import RetrieverSpanRecord
        from ..models.session_record import SessionRecord
        from ..models.tool_span_record import ToolSpanRecord
        from ..models.trace_record import TraceRecord
        from ..models.unknown_record import UnknownRecord
        from ..models.workflow_span_record import WorkflowSpanRecord

        d = dict(src_dict)
        type_ = StubTraceRecordType(d.pop("type"))

        id = UUID(d.pop("id"))

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

        stub_trace_record = cls(
            type_=type_,
            id=id,
            project_id=project_id,
            run_id=run_id,
            session_id=session_id,
            spans=spans,
        )

        stub_trace_record.additional_properties = d
        return stub_trace_record

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
