from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.log_records_number_filter_operator import LogRecordsNumberFilterOperator
from ..models.log_records_number_filter_type import LogRecordsNumberFilterType

T = TypeVar("T", bound="LogRecordsNumberFilter")


@_attrs_define
class LogRecordsNumberFilter:
    """Filter on a numeric column (for example a metric).

    Attributes:
        type_ (LogRecordsNumberFilterType):
        column_id (str): ID of the column to filter.
        operator (LogRecordsNumberFilterOperator):
        value (float | list[float]): A number, or `[low, high]` for `between`.
    """

    type_: LogRecordsNumberFilterType
    column_id: str
    operator: LogRecordsNumberFilterOperator
    value: float | list[float]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        column_id = self.column_id

        operator = self.operator.value

        value: float | list[float]
        if isinstance(self.value, list):
            value = self.value

        else:
            value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "column_id": column_id,
                "operator": operator,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = LogRecordsNumberFilterType(d.pop("type"))

        column_id = d.pop("column_id")

        operator = LogRecordsNumberFilterOperator(d.pop("operator"))

        def _parse_value(data: object) -> float | list[float]:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                value_type_1 = cast(list[float], data)

                return value_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | list[float], data)

        value = _parse_value(d.pop("value"))

        log_records_number_filter = cls(
            type_=type_,
            column_id=column_id,
            operator=operator,
            value=value,
        )

        log_records_number_filter.additional_properties = d
        return log_records_number_filter

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
