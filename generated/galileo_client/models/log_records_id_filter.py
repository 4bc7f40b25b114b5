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
    """Filter on an id column (`id`, `trace_id`, `session_id`, `parent_id`, ...).

    Attributes:
        type_ (LogRecordsIDFilterType):
        column_id (str): ID of the column to filter.
        value (list[str] | str): An id, or a list of ids for `one_of` / `not_in`.
        operator (LogRecordsIDFilterOperator | Unset):  Default: LogRecordsIDFilterOperator.EQ.
    """

    type_: LogRecordsIDFilterType
    column_id: str
    value: list[str] | str
    operator: LogRecordsIDFilterOperator | Unset = LogRecordsIDFilterOperator.EQ
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        column_id = self.column_id

        value: list[str] | str
        if isinstance(self.value, list):
            value = self.value

        else:
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
        type_ = LogRecordsIDFilterType(d.pop("type"))

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

        _operator = d.pop("operator", UNSET)
        operator: LogRecordsIDFilterOperator | Unset
        if isinstance(_operator, Unset):
            operator = UNSET
        else:
            operator = LogRecordsIDFilterOperator(_operator)

        log_records_id_filter = cls(
            type_=type_,
            column_id=column_id,
            value=value,
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
