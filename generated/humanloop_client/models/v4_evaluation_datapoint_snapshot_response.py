from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.v4_datapoint_response import V4DatapointResponse
    from ..models.v4_evaluation_result_response import V4EvaluationResultResponse
    from ..models.v4_log_response import V4LogResponse


T = TypeVar("T", bound="V4EvaluationDatapointSnapshotResponse")


@_attrs_define
class V4EvaluationDatapointSnapshotResponse:
    """
    Attributes:
        datapoint (V4DatapointResponse):
        log (None | Unset | V4LogResponse):
        evaluation_results (list[V4EvaluationResultResponse] | None | Unset):
    """

    datapoint: V4DatapointResponse
    log: None | Unset | V4LogResponse = UNSET
    evaluation_results: list[V4EvaluationResultResponse] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.v4_log_response import V4LogResponse

        datapoint = self.datapoint.to_dict()

        log: dict[str, Any] | None | Unset
        if isinstance(self.log, Unset):
            log = UNSET
        elif isinstance(self.log, V4LogResponse):
            log = self.log.to_dict()
        else:
            log = self.log

        evaluation_results: list[dict[str, Any]] | None | Unset
        if isinstance(self.evaluation_results, Unset):
            evaluation_results = UNSET
        elif isinstance(self.evaluation_results, list):
            evaluation_results = []
            for evaluation_results_type_0_item_data in self.evaluation_results:
                evaluation_results_type_0_item = evaluation_results_type_0_item_data.to_dict()
                evaluation_results.append(evaluation_results_type_0_item)

        else:
            evaluation_results = self.evaluation_results

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "datapoint": datapoint,
            }
        )
        if log is not UNSET:
            field_dict["log"] = log
        if evaluation_results is not UNSET:
            field_dict["evaluation_results"] = evaluation_results

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.v4_datapoint_response import V4DatapointResponse
        from ..models.v4_evaluation_result_response import V4EvaluationResultResponse
        from ..models.v4_log_response import V4LogResponse

        d = dict(src_dict)
        datapoint = V4DatapointResponse.from_dict(d.pop("datapoint"))

        def _parse_log(data: object) -> None | Unset | V4LogResponse:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                log_type_0 = V4LogResponse.from_dict(data)

                return log_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V4LogResponse, data)

        log = _parse_log(d.pop("log", UNSET))

        def _parse_evaluation_results(data: object) -> list[V4EvaluationResultResponse] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                evaluation_results_type_0 = []
                _evaluation_results_type_0 = data
                for evaluation_results_type_0_item_data in _evaluation_results_type_0:
                    evaluation_results_type_0_item = V4EvaluationResultResponse.from_dict(
                        evaluation_results_type_0_item_data
                    )

                    evaluation_results_type_0.append(evaluation_results_type_0_item)

                return evaluation_results_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[V4EvaluationResultResponse] | None | Unset, data)

        evaluation_results = _parse_evaluation_results(d.pop("evaluation_results", UNSET))

        v4_evaluation_datapoint_snapshot_response = cls(
            datapoint=datapoint,
            log=log,
            evaluation_results=evaluation_results,
        )

        v4_evaluation_datapoint_snapshot_response.additional_properties = d
        return v4_evaluation_datapoint_snapshot_response

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
