from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.log_records_sort_clause_sort_type import LogRecordsSortClauseSortType
from ..types import UNSET, Unset

T = TypeVar("T", bound="LogRecordsSortClause")


@_attrs_define
class LogRecordsSortClause:
    """Sort clause for the export.

    Attributes:
        column_id (str): ID of the column to sort.
        ascending (bool | Unset): Sort ascending (true) or descending (false). Default: True.
        sort_type (LogRecordsSortClauseSortType | Unset):  Default: LogRecordsSortClauseSortType.COLUMN.
    """

    column_id: str
    ascending: bool | Unset = True
    sort_type: LogRecordsSortClauseSortType | Unset = LogRecordsSortClauseSortType.COLUMN
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        column_id = self.column_id

        ascending = self.ascending

        sort_type: str | Unset = UNSET
        if not isinstance(self.sort_type, Unset):
            sort_type = self.sort_type.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "column_id": column_id,
            }
        )
        if ascending is not UNSET:
            field_dict["ascending"] = ascending
        if sort_type is not UNSET:
            field_dict["sort_type"] = sort_type

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        column_id = d.pop("column_id")

        ascending = d.pop("ascending", UNSET)

        _sort_type = d.pop("sort_type", UNSET)
        sort_type: LogRecordsSortClauseSortType | Unset
        if isinstance(_sort_type, Unset):
            sort_type = UNSET
        else:
            sort_type = LogRecordsSortClauseSortType(_sort_type)

        log_records_sort_clause = cls(
            column_id=column_id,
            ascending=ascending,
            sort_type=sort_type,
        )

        log_records_sort_clause.additional_properties = d
        return log_records_sort_clause

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
