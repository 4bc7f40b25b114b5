from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metric_critique_critique_info_type_0 import MetricCritiqueCritiqueInfoType0


T = TypeVar("T", bound="MetricCritique")


@_attrs_define
class MetricCritique:
    """A human critique of an LLM-judged metric value.

    Attributes:
        id (None | str | Unset):
        is_computed (bool | None | Unset):
        revised_explanation (None | str | Unset):
        critique_info (MetricCritiqueCritiqueInfoType0 | None | Unset): `{critique, intended_value,
            original_explanation}`.
    """

    id: None | str | Unset = UNSET
    is_computed: bool | None | Unset = UNSET
    revised_explanation: None | str | Unset = UNSET
    critique_info: MetricCritiqueCritiqueInfoType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.metric_critique_critique_info_type_0 import MetricCritiqueCritiqueInfoType0

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        is_computed: bool | None | Unset
        if isinstance(self.is_computed, Unset):
            is_computed = UNSET
        else:
            is_computed = self.is_computed

        revised_explanation: None | str | Unset
        if isinstance(self.revised_explanation, Unset):
            revised_explanation = UNSET
        else:
            revised_explanation = self.revised_explanation

        critique_info: dict[str, Any] | None | Unset
        if isinstance(self.critique_info, Unset):
            critique_info = UNSET
        elif isinstance(self.critique_info, MetricCritiqueCritiqueInfoType0):
            critique_info = self.critique_info.to_dict()
        else:
            critique_info = self.critique_info

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if is_computed is not UNSET:
            field_dict["is_computed"] = is_computed
        if revised_explanation is not UNSET:
            field_dict["revised_explanation"] = revised_explanation
        if critique_info is not UNSET:
            field_dict["critique_info"] = critique_info

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.metric_critique_critique_info_type_0 import MetricCritiqueCritiqueInfoType0

        d = dict(src_dict)

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_is_computed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_computed = _parse_is_computed(d.pop("is_computed", UNSET))

        def _parse_revised_explanation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        revised_explanation = _parse_revised_explanation(d.pop("revised_explanation", UNSET))

        def _parse_critique_info(data: object) -> MetricCritiqueCritiqueInfoType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                critique_info_type_0 = MetricCritiqueCritiqueInfoType0.from_dict(data)

                return critique_info_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MetricCritiqueCritiqueInfoType0 | None | Unset, data)

        critique_info = _parse_critique_info(d.pop("critique_info", UNSET))

        metric_critique = cls(
            id=id,
            is_computed=is_computed,
            revised_explanation=revised_explanation,
            critique_info=critique_info,
        )

        metric_critique.additional_properties = d
        return metric_critique

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
