from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.metric_computing import MetricComputing
    from ..models.metric_error import MetricError
    from ..models.metric_failed import MetricFailed
    from ..models.metric_not_applicable import MetricNotApplicable
    from ..models.metric_not_computed import MetricNotComputed
    from ..models.metric_pending import MetricPending
    from ..models.metric_roll_up import MetricRollUp
    from ..models.metric_success import MetricSuccess
    from ..models.metric_unknown_status import MetricUnknownStatus


T = TypeVar("T", bound="RecordCommonMetricInfoType0")


@_attrs_define
class RecordCommonMetricInfoType0:
    """Detailed information about the metrics associated with this trace or span: one `MetricInfo` per metric,
    keyed like `metrics` (scorer metrics by UUID).

    """

    additional_properties: dict[
        str,
        MetricComputing
        | MetricError
        | MetricFailed
        | MetricNotApplicable
        | MetricNotComputed
        | MetricPending
        | MetricRollUp
        | MetricSuccess
        | MetricUnknownStatus,
    ] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.metric_computing import MetricComputing
        from ..models.metric_error import MetricError
        from ..models.metric_failed import MetricFailed
        from ..models.metric_not_applicable import MetricNotApplicable
        from ..models.metric_not_computed import MetricNotComputed
        from ..models.metric_pending import MetricPending
        from ..models.metric_roll_up import MetricRollUp
        from ..models.metric_success import MetricSuccess

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            if (
                isinstance(prop, MetricSuccess)
                or isinstance(prop, MetricRollUp)
                or isinstance(prop, MetricError)
                or isinstance(prop, MetricFailed)
                or isinstance(prop, MetricPending)
                or isinstance(prop, MetricComputing)
                or isinstance(prop, MetricNotComputed)
                or isinstance(prop, MetricNotApplicable)
            ):
                field_dict[prop_name] = prop.to_dict()
            else:
                field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.metric_computing import MetricComputing
        from ..models.metric_error import MetricError
        from ..models.metric_failed import MetricFailed
        from ..models.metric_not_applicable import MetricNotApplicable
        from ..models.metric_not_computed import MetricNotComputed
        from ..models.metric_pending import MetricPending
        from ..models.metric_roll_up import MetricRollUp
        from ..models.metric_success import MetricSuccess
        from ..models.metric_unknown_status import MetricUnknownStatus

        d = dict(src_dict)
        record_common_metric_info_type_0 = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():

            def _parse_additional_property(
                data: object,
            ) -> (
                MetricComputing
                | MetricError
                | MetricFailed
                | MetricNotApplicable
                | MetricNotComputed
                | MetricPending
                | MetricRollUp
                | MetricSuccess
                | MetricUnknownStatus
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_metric_info_type_0 = MetricSuccess.from_dict(data)

                    return componentsschemas_metric_info_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_metric_info_type_1 = MetricRollUp.from_dict(data)

                    return componentsschemas_metric_info_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_metric_info_type_2 = MetricError.from_dict(data)

                    return componentsschemas_metric_info_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_metric_info_type_3 = MetricFailed.from_dict(data)

                    return componentsschemas_metric_info_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_metric_info_type_4 = MetricPending.from_dict(data)

                    return componentsschemas_metric_info_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_metric_info_type_5 = MetricComputing.from_dict(data)

                    return componentsschemas_metric_info_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_metric_info_type_6 = MetricNotComputed.from_dict(data)

                    return componentsschemas_metric_info_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_metric_info_type_7 = MetricNotApplicable.from_dict(data)

                    return componentsschemas_metric_info_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_metric_info_type_8 = MetricUnknownStatus.from_dict(data)

                return componentsschemas_metric_info_type_8

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        record_common_metric_info_type_0.additional_properties = additional_properties
        return record_common_metric_info_type_0

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(
        self, key: str
    ) -> (
        MetricComputing
        | MetricError
        | MetricFailed
        | MetricNotApplicable
        | MetricNotComputed
        | MetricPending
        | MetricRollUp
        | MetricSuccess
        | MetricUnknownStatus
    ):
        return self.additional_properties[key]

    def __setitem__(
        self,
        key: str,
        value: MetricComputing
        | MetricError
        | MetricFailed
        | MetricNotApplicable
        | MetricNotComputed
        | MetricPending
        | MetricRollUp
        | MetricSuccess
        | MetricUnknownStatus,
    ) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
