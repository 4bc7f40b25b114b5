from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.log_records_boolean_filter_operator import LogRecordsBooleanFilterOperator
from ..models.log_records_boolean_filter_type import LogRecordsBooleanFilterType
from ..types import UNSET, Unset

T = TypeVar("T", bound="LogRecordsBooleanFilter")


@_attrs_define
class LogRecordsBooleanFilter:
    """Filter on a boolean column.

    Attributes:
        type_ (LogRecordsBooleanFilterType):
        column_id (str): ID of the column to filter.
        value (bool):
        operator (LogRecordsBooleanFilterOperator | Unset):  Default: LogRecordsBooleanFilterOperator.EQ.
    """

    type_: LogRecordsBooleanFilterType
    column_id: str
    value: bool
    operator: LogRecordsBooleanFilterOperator | Unset = LogRecordsBooleanFilterOperator.EQ
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        column_id = self.column_id

        value = self.value

        operator: str | Unset = UNSET
        if not isinstance(self.operator, Unset):
            operator = self.operator.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "column_id": column_id,
                "value": value,
            }
        )
        if operator is not UNSET:
            field_dict["operator"] = operator

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = LogRecordsBooleanFilterType(d.pop("type"))

        column_id = d.pop("column_id")

        value = d.pop("value")

        _operator = d.pop("operator", UNSET)
        operator: LogRecordsBooleanFilterOperator | Unset
        if isinstance(_operator, Unset):
            operator = UNSET
        else:
            operator = LogRecordsBooleanFilterOperator(_operator)

        log_records_boolean_filter = cls(
            type_=type_,
            column_id=column_id,
            value=value,
            operator=operator,
        )

        log_records_boolean_filter.additional_properties = d
        return log_records_boolean_filter

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
