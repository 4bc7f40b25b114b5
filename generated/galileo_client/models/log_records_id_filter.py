from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.log_records_id_filter_operator import LogRecordsIDFilterOperator
from ..models.log_records_id_filter_type import LogRecordsIDFilterType
from ..types import UNSET, Unset

T = TypeVar("T", bound="LogRecordsIDFilter")


@_attrs_define
class LogRecordsIDFilter:
    """
    Attributes:
        column_id (str): ID of the column to filter.
        value (list[str] | str): An id, or a list of ids for `one_of` / `not_in`.
        type_ (LogRecordsIDFilterType):
        operator (LogRecordsIDFilterOperator | Unset):  Default: LogRecordsIDFilterOperator.EQ.
    """

    column_id: str
    value: list[str] | str
    type_: LogRecordsIDFilterType
    operator: LogRecordsIDFilterOperator | Unset = LogRecordsIDFilterOperator.EQ
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        column_id = self.column_id

        value: list[str] | str
        if isinstance(self.value, list):
            value = self.value

        else:
            value = self.value

        type_ = self.type_.value

        operator: str | Unset = UNSET
        if not isinstance(self.operator, Unset):
            operator = self.operator.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "column_id": column_id,
                "value": value,
                "type": type_,
            }
        )
        if operator is not UNSET:
            field_dict["operator"] = operator

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        column_id = d.pop("column_id")

        def _parse_value(data: object) -> list[str] | str:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                value_type_1 = cast(list[str], data)

                return value_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str, data)

        value = _parse_value(d.pop("value"))

        type_ = LogRecordsIDFilterType(d.pop("type"))

        _operator = d.pop("operator", UNSET)
        operator: LogRecordsIDFilterOperator | Unset
        if isinstance(_operator, Unset):
            operator = UNSET
        else:
            operator = LogRecordsIDFilterOperator(_operator)

        log_records_id_filter = cls(
            column_id=column_id,
            value=value,
            type_=type_,
            operator=operator,
        )

        log_records_id_filter.additional_properties = d
        return log_records_id_filter

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
