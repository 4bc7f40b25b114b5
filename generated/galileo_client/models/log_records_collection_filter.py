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
    """
    Attributes:
        column_id (str):
        operator (LogRecordsCollectionFilterOperator):
        value (list[str] | str):
        type_ (LogRecordsCollectionFilterType):
        case_sensitive (bool | Unset):  Default: True.
    """

    column_id: str
    operator: LogRecordsCollectionFilterOperator
    value: list[str] | str
    type_: LogRecordsCollectionFilterType
    case_sensitive: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        column_id = self.column_id

        operator = self.operator.value

        value: list[str] | str
        if isinstance(self.value, list):
            value = self.value

        else:
            value = self.value

        type_ = self.type_.value

        case_sensitive = self.case_sensitive

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "column_id": column_id,
                "operator": operator,
                "value": value,
                "type": type_,
            }
        )
        if case_sensitive is not UNSET:
            field_dict["case_sensitive"] = case_sensitive

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
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

        type_ = LogRecordsCollectionFilterType(d.pop("type"))

        case_sensitive = d.pop("case_sensitive", UNSET)

        log_records_collection_filter = cls(
            column_id=column_id,
            operator=operator,
            value=value,
            type_=type_,
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
