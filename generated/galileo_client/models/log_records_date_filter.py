from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.log_records_date_filter_operator import LogRecordsDateFilterOperator
from ..models.log_records_date_filter_type import LogRecordsDateFilterType

T = TypeVar("T", bound="LogRecordsDateFilter")


@_attrs_define
class LogRecordsDateFilter:
    """Filter on a timestamp column (`created_at`, `updated_at`).

    Attributes:
        type_ (LogRecordsDateFilterType):
        column_id (str): ID of the column to filter.
        operator (LogRecordsDateFilterOperator):
        value (datetime.datetime):
    """

    type_: LogRecordsDateFilterType
    column_id: str
    operator: LogRecordsDateFilterOperator
    value: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        column_id = self.column_id

        operator = self.operator.value

        value = self.value.isoformat()

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
        type_ = LogRecordsDateFilterType(d.pop("type"))

        column_id = d.pop("column_id")

        operator = LogRecordsDateFilterOperator(d.pop("operator"))

        value = datetime.datetime.fromisoformat(d.pop("value"))

        log_records_date_filter = cls(
            type_=type_,
            column_id=column_id,
            operator=operator,
            value=value,
        )

        log_records_date_filter.additional_properties = d
        return log_records_date_filter

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
