from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.annotation_aggregate_aggregate_type_0 import AnnotationAggregateAggregateType0


T = TypeVar("T", bound="AnnotationAggregate")


@_attrs_define
class AnnotationAggregate:
    """Aggregate of the ratings on one annotation template.

    Attributes:
        aggregate (AnnotationAggregateAggregateType0 | None | Unset): Counts, averages or buckets, depending on
            `annotation_type` (like_dislike, star, score, tags, text, choice,
            tree_choice); kept as given.
    """

    aggregate: AnnotationAggregateAggregateType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.annotation_aggregate_aggregate_type_0 import AnnotationAggregateAggregateType0

        aggregate: dict[str, Any] | None | Unset
        if isinstance(self.aggregate, Unset):
            aggregate = UNSET
        elif isinstance(self.aggregate, AnnotationAggregateAggregateType0):
            aggregate = self.aggregate.to_dict()
        else:
            aggregate = self.aggregate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if aggregate is not UNSET:
            field_dict["aggregate"] = aggregate

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.annotation_aggregate_aggregate_type_0 import AnnotationAggregateAggregateType0

        d = dict(src_dict)

        def _parse_aggregate(data: object) -> AnnotationAggregateAggregateType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                aggregate_type_0 = AnnotationAggregateAggregateType0.from_dict(data)

                return aggregate_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AnnotationAggregateAggregateType0 | None | Unset, data)

        aggregate = _parse_aggregate(d.pop("aggregate", UNSET))

        annotation_aggregate = cls(
            aggregate=aggregate,
        )

        annotation_aggregate.additional_properties = d
        return annotation_aggregate

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
