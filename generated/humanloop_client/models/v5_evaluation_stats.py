from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.v5_run_stats_response import V5RunStatsResponse


T = TypeVar("T", bound="V5EvaluationStats")


@_attrs_define
class V5EvaluationStats:
    """An Evaluation's statistics (an export's `evaluations/<id>/stats.json`).

    Attributes:
        run_stats (list[V5RunStatsResponse] | None | Unset):
        progress (None | str | Unset):
        report (None | str | Unset):
        status (None | str | Unset): Known values: pending, running, completed, cancelled.
    """

    run_stats: list[V5RunStatsResponse] | None | Unset = UNSET
    progress: None | str | Unset = UNSET
    report: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        run_stats: list[dict[str, Any]] | None | Unset
        if isinstance(self.run_stats, Unset):
            run_stats = UNSET
        elif isinstance(self.run_stats, list):
            run_stats = []
            for run_stats_type_0_item_data in self.run_stats:
                run_stats_type_0_item = run_stats_type_0_item_data.to_dict()
                run_stats.append(run_stats_type_0_item)

        else:
            run_stats = self.run_stats

        progress: None | str | Unset
        if isinstance(self.progress, Unset):
            progress = UNSET
        else:
            progress = self.progress

        report: None | str | Unset
        if isinstance(self.report, Unset):
            report = UNSET
        else:
            report = self.report

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if run_stats is not UNSET:
            field_dict["run_stats"] = run_stats
        if progress is not UNSET:
            field_dict["progress"] = progress
        if report is not UNSET:
            field_dict["report"] = report
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.v5_run_stats_response import V5RunStatsResponse

        d = dict(src_dict)

        def _parse_run_stats(data: object) -> list[V5RunStatsResponse] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                run_stats_type_0 = []
                _run_stats_type_0 = data
                for run_stats_type_0_item_data in _run_stats_type_0:
                    run_stats_type_0_item = V5RunStatsResponse.from_dict(run_stats_type_0_item_data)

                    run_stats_type_0.append(run_stats_type_0_item)

                return run_stats_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[V5RunStatsResponse] | None | Unset, data)

        run_stats = _parse_run_stats(d.pop("run_stats", UNSET))

        def _parse_progress(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        progress = _parse_progress(d.pop("progress", UNSET))

        def _parse_report(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        report = _parse_report(d.pop("report", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        v5_evaluation_stats = cls(
            run_stats=run_stats,
            progress=progress,
            report=report,
            status=status,
        )

        v5_evaluation_stats.additional_properties = d
        return v5_evaluation_stats

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
