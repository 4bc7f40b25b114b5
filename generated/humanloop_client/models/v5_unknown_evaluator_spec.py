from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="V5UnknownEvaluatorSpec")


@_attrs_define
class V5UnknownEvaluatorSpec:
    """An evaluator kind this spec does not know; every field is kept.

    Attributes:
        evaluator_type (None | str | Unset):
    """

    evaluator_type: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        evaluator_type: None | str | Unset
        if isinstance(self.evaluator_type, Unset):
            evaluator_type = UNSET
        else:
            evaluator_type = self.evaluator_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if evaluator_type is not UNSET:
            field_dict["evaluator_type"] = evaluator_type

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_evaluator_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        evaluator_type = _parse_evaluator_type(d.pop("evaluator_type", UNSET))

        v5_unknown_evaluator_spec = cls(
            evaluator_type=evaluator_type,
        )

        v5_unknown_evaluator_spec.additional_properties = d
        return v5_unknown_evaluator_spec

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
