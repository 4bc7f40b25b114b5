from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.metric_roll_up_status_type import MetricRollUpStatusType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metric_critique import MetricCritique
    from ..models.metric_roll_up_roll_up_metrics_type_0 import MetricRollUpRollUpMetricsType0
    from ..models.metric_value_fields_metadata_type_0 import MetricValueFieldsMetadataType0


T = TypeVar("T", bound="MetricRollUp")


@_attrs_define
class MetricRollUp:
    """
    Attributes:
        status_type (MetricRollUpStatusType):
        scorer_type (None | str | Unset): Known values: Luna, Plus.
        metric_key_alias (None | str | Unset): The metric's name, now that scorer metrics are keyed by UUID (since April
            2026).
        value (Any | Unset): The metric value: a number, string, boolean, id, timestamp, a structured value (segment,
            document,
            feedback rating or aggregate), or nested lists of those.
        explanation (None | str | Unset):
        cost (float | None | Unset):
        model_alias (None | str | Unset):
        num_judges (int | None | Unset):
        multijudge_average (float | None | Unset):
        input_tokens (int | None | Unset):
        output_tokens (int | None | Unset):
        total_tokens (int | None | Unset):
        critique (MetricCritique | None | Unset):
        metadata (MetricValueFieldsMetadataType0 | None | Unset): Per-row context returned alongside the score by code-
            based scorers (only with
            `include_code_metric_metadata`).
        roll_up_metrics (MetricRollUpRollUpMetricsType0 | None | Unset): Roll up metrics, e.g. sum, average, min, max
            for numeric, and category_count for categorical metrics.
    """

    status_type: MetricRollUpStatusType
    scorer_type: None | str | Unset = UNSET
    metric_key_alias: None | str | Unset = UNSET
    value: Any | Unset = UNSET
    explanation: None | str | Unset = UNSET
    cost: float | None | Unset = UNSET
    model_alias: None | str | Unset = UNSET
    num_judges: int | None | Unset = UNSET
    multijudge_average: float | None | Unset = UNSET
    input_tokens: int | None | Unset = UNSET
    output_tokens: int | None | Unset = UNSET
    total_tokens: int | None | Unset = UNSET
    critique: MetricCritique | None | Unset = UNSET
    metadata: MetricValueFieldsMetadataType0 | None | Unset = UNSET
    roll_up_metrics: MetricRollUpRollUpMetricsType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.metric_critique import MetricCritique
        from ..models.metric_roll_up_roll_up_metrics_type_0 import MetricRollUpRollUpMetricsType0
        from ..models.metric_value_fields_metadata_type_0 import MetricValueFieldsMetadataType0

        status_type = self.status_type.value

        scorer_type: None | str | Unset
        if isinstance(self.scorer_type, Unset):
            scorer_type = UNSET
        else:
            scorer_type = self.scorer_type

        metric_key_alias: None | str | Unset
        if isinstance(self.metric_key_alias, Unset):
            metric_key_alias = UNSET
        else:
            metric_key_alias = self.metric_key_alias

        value = self.value

        explanation: None | str | Unset
        if isinstance(self.explanation, Unset):
            explanation = UNSET
        else:
            explanation = self.explanation

        cost: float | None | Unset
        if isinstance(self.cost, Unset):
            cost = UNSET
        else:
            cost = self.cost

        model_alias: None | str | Unset
        if isinstance(self.model_alias, Unset):
            model_alias = UNSET
        else:
            model_alias = self.model_alias

        num_judges: int | None | Unset
        if isinstance(self.num_judges, Unset):
            num_judges = UNSET
        else:
            num_judges = self.num_judges

        multijudge_average: float | None | Unset
        if isinstance(self.multijudge_average, Unset):
            multijudge_average = UNSET
        else:
            multijudge_average = self.multijudge_average

        input_tokens: int | None | Unset
        if isinstance(self.input_tokens, Unset):
            input_tokens = UNSET
        else:
            input_tokens = self.input_tokens

        output_tokens: int | None | Unset
        if isinstance(self.output_tokens, Unset):
            output_tokens = UNSET
        else:
            output_tokens = self.output_tokens

        total_tokens: int | None | Unset
        if isinstance(self.total_tokens, Unset):
            total_tokens = UNSET
        else:
            total_tokens = self.total_tokens

        critique: dict[str, Any] | None | Unset
        if isinstance(self.critique, Unset):
            critique = UNSET
        elif isinstance(self.critique, MetricCritique):
            critique = self.critique.to_dict()
        else:
            critique = self.critique

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, MetricValueFieldsMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        roll_up_metrics: dict[str, Any] | None | Unset
        if isinstance(self.roll_up_metrics, Unset):
            roll_up_metrics = UNSET
        elif isinstance(self.roll_up_metrics, MetricRollUpRollUpMetricsType0):
            roll_up_metrics = self.roll_up_metrics.to_dict()
        else:
            roll_up_metrics = self.roll_up_metrics

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status_type": status_type,
            }
        )
        if scorer_type is not UNSET:
            field_dict["scorer_type"] = scorer_type
        if metric_key_alias is not UNSET:
            field_dict["metric_key_alias"] = metric_key_alias
        if value is not UNSET:
            field_dict["value"] = value
        if explanation is not UNSET:
            field_dict["explanation"] = explanation
        if cost is not UNSET:
            field_dict["cost"] = cost
        if model_alias is not UNSET:
            field_dict["model_alias"] = model_alias
        if num_judges is not UNSET:
            field_dict["num_judges"] = num_judges
        if multijudge_average is not UNSET:
            field_dict["multijudge_average"] = multijudge_average
        if input_tokens is not UNSET:
            field_dict["input_tokens"] = input_tokens
        if output_tokens is not UNSET:
            field_dict["output_tokens"] = output_tokens
        if total_tokens is not UNSET:
            field_dict["total_tokens"] = total_tokens
        if critique is not UNSET:
            field_dict["critique"] = critique
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if roll_up_metrics is not UNSET:
            field_dict["roll_up_metrics"] = roll_up_metrics

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.metric_critique import MetricCritique
        from ..models.metric_roll_up_roll_up_metrics_type_0 import MetricRollUpRollUpMetricsType0
        from ..models.metric_value_fields_metadata_type_0 import MetricValueFieldsMetadataType0

        d = dict(src_dict)
        status_type = MetricRollUpStatusType(d.pop("status_type"))

        def _parse_scorer_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        scorer_type = _parse_scorer_type(d.pop("scorer_type", UNSET))

        def _parse_metric_key_alias(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        metric_key_alias = _parse_metric_key_alias(d.pop("metric_key_alias", UNSET))

        value = d.pop("value", UNSET)

        def _parse_explanation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        explanation = _parse_explanation(d.pop("explanation", UNSET))

        def _parse_cost(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        cost = _parse_cost(d.pop("cost", UNSET))

        def _parse_model_alias(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        model_alias = _parse_model_alias(d.pop("model_alias", UNSET))

        def _parse_num_judges(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        num_judges = _parse_num_judges(d.pop("num_judges", UNSET))

        def _parse_multijudge_average(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        multijudge_average = _parse_multijudge_average(d.pop("multijudge_average", UNSET))

        def _parse_input_tokens(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        input_tokens = _parse_input_tokens(d.pop("input_tokens", UNSET))

        def _parse_output_tokens(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        output_tokens = _parse_output_tokens(d.pop("output_tokens", UNSET))

        def _parse_total_tokens(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        total_tokens = _parse_total_tokens(d.pop("total_tokens", UNSET))

        def _parse_critique(data: object) -> MetricCritique | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                critique_type_0 = MetricCritique.from_dict(data)

                return critique_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MetricCritique | None | Unset, data)

        critique = _parse_critique(d.pop("critique", UNSET))

        def _parse_metadata(data: object) -> MetricValueFieldsMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = MetricValueFieldsMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MetricValueFieldsMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_roll_up_metrics(data: object) -> MetricRollUpRollUpMetricsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                roll_up_metrics_type_0 = MetricRollUpRollUpMetricsType0.from_dict(data)

                return roll_up_metrics_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MetricRollUpRollUpMetricsType0 | None | Unset, data)

        roll_up_metrics = _parse_roll_up_metrics(d.pop("roll_up_metrics", UNSET))

        metric_roll_up = cls(
            status_type=status_type,
            scorer_type=scorer_type,
            metric_key_alias=metric_key_alias,
            value=value,
            explanation=explanation,
            cost=cost,
            model_alias=model_alias,
            num_judges=num_judges,
            multijudge_average=multijudge_average,
            input_tokens=input_tokens,
            output_tokens=output_tokens,
            total_tokens=total_tokens,
            critique=critique,
            metadata=metadata,
            roll_up_metrics=roll_up_metrics,
        )

        metric_roll_up.additional_properties = d
        return metric_roll_up

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
