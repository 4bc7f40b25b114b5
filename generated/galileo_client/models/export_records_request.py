from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.export_records_request_export_format import ExportRecordsRequestExportFormat
from ..models.export_records_request_root_type import ExportRecordsRequestRootType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.log_records_boolean_filter import LogRecordsBooleanFilter
    from ..models.log_records_collection_filter import LogRecordsCollectionFilter
    from ..models.log_records_date_filter import LogRecordsDateFilter
    from ..models.log_records_id_filter import LogRecordsIDFilter
    from ..models.log_records_number_filter import LogRecordsNumberFilter
    from ..models.log_records_sort_clause import LogRecordsSortClause
    from ..models.log_records_text_filter import LogRecordsTextFilter


T = TypeVar("T", bound="ExportRecordsRequest")


@_attrs_define
class ExportRecordsRequest:
    """Request schema for exporting log records (sessions, traces, spans).

    Attributes:
        root_type (ExportRecordsRequestRootType): The root-level type of the exported hierarchies. With `jsonl`,
            `session` roots carry their traces and
            spans nested, `trace` roots their spans; `span` exports every span matching the filters.
        log_stream_id (None | Unset | UUID): Log stream id associated with the traces.
        experiment_id (None | Unset | UUID): Experiment id associated with the traces.
        metrics_testing_id (None | Unset | UUID): Metrics testing id associated with the traces.
        filters (list[LogRecordsBooleanFilter | LogRecordsCollectionFilter | LogRecordsDateFilter | LogRecordsIDFilter |
            LogRecordsNumberFilter | LogRecordsTextFilter] | Unset): Filters to apply on the export; a record must match all
            of them.
        sort (LogRecordsSortClause | None | Unset): Sort clause for the export. Defaults to native sort (created_at, id
            descending).
        column_ids (list[str] | None | Unset): Column IDs to include in the export. Applies only to CSV exports.
        export_format (ExportRecordsRequestExportFormat | Unset): Export format: `jsonl` (one root per line, children
            nested), `jsonl_flat` (one node per line) or `csv`.
             Default: ExportRecordsRequestExportFormat.JSONL.
        redact (bool | Unset): Redact sensitive data. Default: True.
        file_name (None | str | Unset): Optional filename for the exported file.
        export_computed_metrics_only (bool | None | Unset): When true, export only enabled scorer metrics with computed
            values (success or roll_up). For session
            exports, omit entire sessions unless every enabled metric at session, trace, or span level is ready
            (success, roll_up, or not_applicable). Not supported with `export_format=jsonl_flat` (returns 422).
            Server default: false. Newer servers only; left unset, it is not sent.
        include_code_metric_metadata (bool | None | Unset): If true, include per-row scorer metadata (the dict returned
            alongside the score by code-based scorers)
            on each `MetricSuccess` in the export. Server default: false. Newer servers only; left unset, it is not
            sent.
    """

    root_type: ExportRecordsRequestRootType
    log_stream_id: None | Unset | UUID = UNSET
    experiment_id: None | Unset | UUID = UNSET
    metrics_testing_id: None | Unset | UUID = UNSET
    filters: (
        list[
            LogRecordsBooleanFilter
            | LogRecordsCollectionFilter
            | LogRecordsDateFilter
            | LogRecordsIDFilter
            | LogRecordsNumberFilter
            | LogRecordsTextFilter
        ]
        | Unset
    ) = UNSET
    sort: LogRecordsSortClause | None | Unset = UNSET
    column_ids: list[str] | None | Unset = UNSET
    export_format: ExportRecordsRequestExportFormat | Unset = ExportRecordsRequestExportFormat.JSONL
    redact: bool | Unset = True
    file_name: None | str | Unset = UNSET
    export_computed_metrics_only: bool | None | Unset = UNSET
    include_code_metric_metadata: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.log_records_boolean_filter import LogRecordsBooleanFilter
        from ..models.log_records_collection_filter import LogRecordsCollectionFilter
        from ..models.log_records_date_filter import LogRecordsDateFilter
        from ..models.log_records_id_filter import LogRecordsIDFilter
        from ..models.log_records_number_filter import LogRecordsNumberFilter
        from ..models.log_records_sort_clause import LogRecordsSortClause

        root_type = self.root_type.value

        log_stream_id: None | str | Unset
        if isinstance(self.log_stream_id, Unset):
            log_stream_id = UNSET
        elif isinstance(self.log_stream_id, UUID):
            log_stream_id = str(self.log_stream_id)
        else:
            log_stream_id = self.log_stream_id

        experiment_id: None | str | Unset
        if isinstance(self.experiment_id, Unset):
            experiment_id = UNSET
        elif isinstance(self.experiment_id, UUID):
            experiment_id = str(self.experiment_id)
        else:
            experiment_id = self.experiment_id

        metrics_testing_id: None | str | Unset
        if isinstance(self.metrics_testing_id, Unset):
            metrics_testing_id = UNSET
        elif isinstance(self.metrics_testing_id, UUID):
            metrics_testing_id = str(self.metrics_testing_id)
        else:
            metrics_testing_id = self.metrics_testing_id

        filters: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.filters, Unset):
            filters = []
            for filters_item_data in self.filters:
                filters_item: dict[str, Any]
                if (
                    isinstance(filters_item_data, LogRecordsIDFilter)
                    or isinstance(filters_item_data, LogRecordsDateFilter)
                    or isinstance(filters_item_data, LogRecordsNumberFilter)
                    or isinstance(filters_item_data, LogRecordsBooleanFilter)
                    or isinstance(filters_item_data, LogRecordsCollectionFilter)
                ):
                    filters_item = filters_item_data.to_dict()
                else:
                    filters_item = filters_item_data.to_dict()

                filters.append(filters_item)

        sort: dict[str, Any] | None | Unset
        if isinstance(self.sort, Unset):
            sort = UNSET
        elif isinstance(self.sort, LogRecordsSortClause):
            sort = self.sort.to_dict()
        else:
            sort = self.sort

        column_ids: list[str] | None | Unset
        if isinstance(self.column_ids, Unset):
            column_ids = UNSET
        elif isinstance(self.column_ids, list):
            column_ids = self.column_ids

        else:
            column_ids = self.column_ids

        export_format: str | Unset = UNSET
        if not isinstance(self.export_format, Unset):
            export_format = self.export_format.value

        redact = self.redact

        file_name: None | str | Unset
        if isinstance(self.file_name, Unset):
            file_name = UNSET
        else:
            file_name = self.file_name

        export_computed_metrics_only: bool | None | Unset
        if isinstance(self.export_computed_metrics_only, Unset):
            export_computed_metrics_only = UNSET
        else:
            export_computed_metrics_only = self.export_computed_metrics_only

        include_code_metric_metadata: bool | None | Unset
        if isinstance(self.include_code_metric_metadata, Unset):
            include_code_metric_metadata = UNSET
        else:
            include_code_metric_metadata = self.include_code_metric_metadata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "root_type": root_type,
            }
        )
        if log_stream_id is not UNSET:
            field_dict["log_stream_id"] = log_stream_id
        if experiment_id is not UNSET:
            field_dict["experiment_id"] = experiment_id
        if metrics_testing_id is not UNSET:
            field_dict["metrics_testing_id"] = metrics_testing_id
        if filters is not UNSET:
            field_dict["filters"] = filters
        if sort is not UNSET:
            field_dict["sort"] = sort
        if column_ids is not UNSET:
            field_dict["column_ids"] = column_ids
        if export_format is not UNSET:
            field_dict["export_format"] = export_format
        if redact is not UNSET:
            field_dict["redact"] = redact
        if file_name is not UNSET:
            field_dict["file_name"] = file_name
        if export_computed_metrics_only is not UNSET:
            field_dict["export_computed_metrics_only"] = export_computed_metrics_only
        if include_code_metric_metadata is not UNSET:
            field_dict["include_code_metric_metadata"] = include_code_metric_metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.log_records_boolean_filter import LogRecordsBooleanFilter
        from ..models.log_records_collection_filter import LogRecordsCollectionFilter
        from ..models.log_records_date_filter import LogRecordsDateFilter
        from ..models.log_records_id_filter import LogRecordsIDFilter
        from ..models.log_records_number_filter import LogRecordsNumberFilter
        from ..models.log_records_sort_clause import LogRecordsSortClause
        from ..models.log_records_text_filter import LogRecordsTextFilter

        d = dict(src_dict)
        root_type = ExportRecordsRequestRootType(d.pop("root_type"))

        def _parse_log_stream_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                log_stream_id_type_0 = UUID(data)

                return log_stream_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        log_stream_id = _parse_log_stream_id(d.pop("log_stream_id", UNSET))

        def _parse_experiment_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                experiment_id_type_0 = UUID(data)

                return experiment_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        experiment_id = _parse_experiment_id(d.pop("experiment_id", UNSET))

        def _parse_metrics_testing_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                metrics_testing_id_type_0 = UUID(data)

                return metrics_testing_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        metrics_testing_id = _parse_metrics_testing_id(d.pop("metrics_testing_id", UNSET))

        _filters = d.pop("filters", UNSET)
        filters: (
            list[
                LogRecordsBooleanFilter
                | LogRecordsCollectionFilter
                | LogRecordsDateFilter
                | LogRecordsIDFilter
                | LogRecordsNumberFilter
                | LogRecordsTextFilter
            ]
            | Unset
        ) = UNSET
        if _filters is not UNSET:
            filters = []
            for filters_item_data in _filters:

                def _parse_filters_item(
                    data: object,
                ) -> (
                    LogRecordsBooleanFilter
                    | LogRecordsCollectionFilter
                    | LogRecordsDateFilter
                    | LogRecordsIDFilter
                    | LogRecordsNumberFilter
                    | LogRecordsTextFilter
                ):
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        filters_item_type_0 = LogRecordsIDFilter.from_dict(data)

                        return filters_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        filters_item_type_1 = LogRecordsDateFilter.from_dict(data)

                        return filters_item_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        filters_item_type_2 = LogRecordsNumberFilter.from_dict(data)

                        return filters_item_type_2
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        filters_item_type_3 = LogRecordsBooleanFilter.from_dict(data)

                        return filters_item_type_3
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        filters_item_type_4 = LogRecordsCollectionFilter.from_dict(data)

                        return filters_item_type_4
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    filters_item_type_5 = LogRecordsTextFilter.from_dict(data)

                    return filters_item_type_5

                filters_item = _parse_filters_item(filters_item_data)

                filters.append(filters_item)

        def _parse_sort(data: object) -> LogRecordsSortClause | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                sort_type_0 = LogRecordsSortClause.from_dict(data)

                return sort_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LogRecordsSortClause | None | Unset, data)

        sort = _parse_sort(d.pop("sort", UNSET))

        def _parse_column_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                column_ids_type_0 = cast(list[str], data)

                return column_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        column_ids = _parse_column_ids(d.pop("column_ids", UNSET))

        _export_format = d.pop("export_format", UNSET)
        export_format: ExportRecordsRequestExportFormat | Unset
        if isinstance(_export_format, Unset):
            export_format = UNSET
        else:
            export_format = ExportRecordsRequestExportFormat(_export_format)

        redact = d.pop("redact", UNSET)

        def _parse_file_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        file_name = _parse_file_name(d.pop("file_name", UNSET))

        def _parse_export_computed_metrics_only(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        export_computed_metrics_only = _parse_export_computed_metrics_only(d.pop("export_computed_metrics_only", UNSET))

        def _parse_include_code_metric_metadata(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        include_code_metric_metadata = _parse_include_code_metric_metadata(d.pop("include_code_metric_metadata", UNSET))

        export_records_request = cls(
            root_type=root_type,
            log_stream_id=log_stream_id,
            experiment_id=experiment_id,
            metrics_testing_id=metrics_testing_id,
            filters=filters,
            sort=sort,
            column_ids=column_ids,
            export_format=export_format,
            redact=redact,
            file_name=file_name,
            export_computed_metrics_only=export_computed_metrics_only,
            include_code_metric_metadata=include_code_metric_metadata,
        )

        export_records_request.additional_properties = d
        return export_records_request

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
