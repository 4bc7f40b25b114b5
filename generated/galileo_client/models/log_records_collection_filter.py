from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.log_records_collection_filter_operator import LogRecordsCollectionFilterOperator
from ..models.log_records_collection_filter_type import LogRecordsCollectionFilterType
from ..types import UNSET, Unset

T = TypeVar("T", bound="LogRecordsCollectionFilter")


@_attrs_define
class LogRecordsCollectionFilter:
    """Filter on a list column (for example `tags`).

    Attributes:
        type_ (LogRecordsCollectionFilterType):
        column_id (str): ID of the column to filter.
        operator (LogRecordsCollectionFilterOperator):
        value (list[str] | str): A value, or a list of values for `one_of` / `not_in`.
        case_sensitive (bool | Unset):  Default: True.
    """

    type_: LogRecordsCollectionFilterType
    column_id: str
    operator: LogRecordsCollectionFilterOperator
    value: list[str] | str
    case_sensitive: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        column_id = self.column_id

        operator = self.operator.value

        value: list[str] | str
        if isinstance(self.value, list):
            value = self.value

        else:
            value = self.value

        case_sensitive = self.case_sensitive

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
        if case_sensitive is not UNSET:
            field_dict["case_sensitive"] = case_sensitive

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = LogRecordsCollectionFilterType(d.pop("type"))

        column_id = d.pop("column_id")

        operator = LogRecordsCollectionFilterOperator(d.pop("operator"))

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

        case_sensitive = d.pop("case_sensitive", UNSET)

        log_records_collection_filter = cls(
            type_=type_,
            column_id=column_id,
            operator=operator,
            value=value,
            case_sensitive=case_sensitive,
        )

        log_records_collection_filter.additional_properties = d
        return log_records_collection_filter

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
