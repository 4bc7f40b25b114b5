from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.v5_run_stats_response_evaluator_stats_type_0_item import V5RunStatsResponseEvaluatorStatsType0Item


T = TypeVar("T", bound="V5RunStatsResponse")


@_attrs_define
class V5RunStatsResponse:
    """
    Attributes:
        run_id (None | str | Unset):
        version_id (None | str | Unset):
        batch_id (None | str | Unset):
        num_logs (int | None | Unset): The number of logs of the run.
        evaluator_stats (list[V5RunStatsResponseEvaluatorStatsType0Item] | None | Unset): One entry per evaluator
            (numeric, boolean, select or text statistics, told apart by keys).
        status (None | str | Unset):
    """

    run_id: None | str | Unset = UNSET
    version_id: None | str | Unset = UNSET
    batch_id: None | str | Unset = UNSET
    num_logs: int | None | Unset = UNSET
    evaluator_stats: list[V5RunStatsResponseEvaluatorStatsType0Item] | None | Unset = UNSET
    status: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        run_id: None | str | Unset
        if isinstance(self.run_id, Unset):
            run_id = UNSET
        else:
            run_id = self.run_id

        version_id: None | str | Unset
        if isinstance(self.version_id, Unset):
            version_id = UNSET
        else:
            version_id = self.version_id

        batch_id: None | str | Unset
        if isinstance(self.batch_id, Unset):
            batch_id = UNSET
        else:
            batch_id = self.batch_id

        num_logs: int | None | Unset
        if isinstance(self.num_logs, Unset):
            num_logs = UNSET
        else:
            num_logs = self.num_logs

        evaluator_stats: list[dict[str, Any]] | None | Unset
        if isinstance(self.evaluator_stats, Unset):
            evaluator_stats = UNSET
        elif isinstance(self.evaluator_stats, list):
            evaluator_stats = []
            for evaluator_stats_type_0_item_data in self.evaluator_stats:
                evaluator_stats_type_0_item = evaluator_stats_type_0_item_data.to_dict()
                evaluator_stats.append(evaluator_stats_type_0_item)

        else:
            evaluator_stats = self.evaluator_stats

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if run_id is not UNSET:
            field_dict["run_id"] = run_id
        if version_id is not UNSET:
            field_dict["version_id"] = version_id
        if batch_id is not UNSET:
            field_dict["batch_id"] = batch_id
        if num_logs is not UNSET:
            field_dict["num_logs"] = num_logs
        if evaluator_stats is not UNSET:
            field_dict["evaluator_stats"] = evaluator_stats
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.v5_run_stats_response_evaluator_stats_type_0_item import V5RunStatsResponseEvaluatorStatsType0Item

        d = dict(src_dict)

        def _parse_run_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        run_id = _parse_run_id(d.pop("run_id", UNSET))

        def _parse_version_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        version_id = _parse_version_id(d.pop("version_id", UNSET))

        def _parse_batch_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        batch_id = _parse_batch_id(d.pop("batch_id", UNSET))

        def _parse_num_logs(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        num_logs = _parse_num_logs(d.pop("num_logs", UNSET))

        def _parse_evaluator_stats(data: object) -> list[V5RunStatsResponseEvaluatorStatsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                evaluator_stats_type_0 = []
                _evaluator_stats_type_0 = data
                for evaluator_stats_type_0_item_data in _evaluator_stats_type_0:
                    evaluator_stats_type_0_item = V5RunStatsResponseEvaluatorStatsType0Item.from_dict(
                        evaluator_stats_type_0_item_data
                    )

                    evaluator_stats_type_0.append(evaluator_stats_type_0_item)

                return evaluator_stats_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[V5RunStatsResponseEvaluatorStatsType0Item] | None | Unset, data)

        evaluator_stats = _parse_evaluator_stats(d.pop("evaluator_stats", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        v5_run_stats_response = cls(
            run_id=run_id,
            version_id=version_id,
            batch_id=batch_id,
            num_logs=num_logs,
            evaluator_stats=evaluator_stats,
            status=status,
        )

        v5_run_stats_response.additional_properties = d
        return v5_run_stats_response

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
