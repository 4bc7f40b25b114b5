from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.metric_not_applicable_status_type import MetricNotApplicableStatusType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.standard_error import StandardError


T = TypeVar("T", bound="MetricNotApplicable")


@_attrs_define
class MetricNotApplicable:
    """
    Attributes:
        status_type (MetricNotApplicableStatusType):
        scorer_type (None | str | Unset): Known values: Luna, Plus.
        metric_key_alias (None | str | Unset): The metric's name, now that scorer metrics are keyed by UUID (since April
            2026).
        message (None | str | Unset):
        ems_error_code (int | None | Unset): EMS error code from the errors catalog.
        standard_error (None | StandardError | Unset):
    """

    status_type: MetricNotApplicableStatusType
    scorer_type: None | str | Unset = UNSET
    metric_key_alias: None | str | Unset = UNSET
    message: None | str | Unset = UNSET
    ems_error_code: int | None | Unset = UNSET
    standard_error: None | StandardError | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.standard_error import StandardError

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

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        ems_error_code: int | None | Unset
        if isinstance(self.ems_error_code, Unset):
            ems_error_code = UNSET
        else:
            ems_error_code = self.ems_error_code

        standard_error: dict[str, Any] | None | Unset
        if isinstance(self.standard_error, Unset):
            standard_error = UNSET
        elif isinstance(self.standard_error, StandardError):
            standard_error = self.standard_error.to_dict()
        else:
            standard_error = self.standard_error

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
        if message is not UNSET:
            field_dict["message"] = message
        if ems_error_code is not UNSET:
            field_dict["ems_error_code"] = ems_error_code
        if standard_error is not UNSET:
            field_dict["standard_error"] = standard_error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.standard_error import StandardError

        d = dict(src_dict)
        status_type = MetricNotApplicableStatusType(d.pop("status_type"))

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

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        def _parse_ems_error_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        ems_error_code = _parse_ems_error_code(d.pop("ems_error_code", UNSET))

        def _parse_standard_error(data: object) -> None | StandardError | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                standard_error_type_0 = StandardError.from_dict(data)

                return standard_error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StandardError | Unset, data)

        standard_error = _parse_standard_error(d.pop("standard_error", UNSET))

        metric_not_applicable = cls(
            status_type=status_type,
            scorer_type=scorer_type,
            metric_key_alias=metric_key_alias,
            message=message,
            ems_error_code=ems_error_code,
            standard_error=standard_error,
        )

        metric_not_applicable.additional_properties = d
        return metric_not_applicable

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
