from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.v5_evaluator_response import V5EvaluatorResponse


T = TypeVar("T", bound="V5EvaluationEvaluatorResponse")


@_attrs_define
class V5EvaluationEvaluatorResponse:
    """
    Attributes:
        version (None | Unset | V5EvaluatorResponse):
        orchestrated (bool | None | Unset):
        added_at (datetime.datetime | None | Unset):
    """

    version: None | Unset | V5EvaluatorResponse = UNSET
    orchestrated: bool | None | Unset = UNSET
    added_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.v5_evaluator_response import V5EvaluatorResponse

        version: dict[str, Any] | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        elif isinstance(self.version, V5EvaluatorResponse):
            version = self.version.to_dict()
        else:
            version = self.version

        orchestrated: bool | None | Unset
        if isinstance(self.orchestrated, Unset):
            orchestrated = UNSET
        else:
            orchestrated = self.orchestrated

        added_at: None | str | Unset
        if isinstance(self.added_at, Unset):
            added_at = UNSET
        elif isinstance(self.added_at, datetime.datetime):
            added_at = self.added_at.isoformat()
        else:
            added_at = self.added_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if version is not UNSET:
            field_dict["version"] = version
        if orchestrated is not UNSET:
            field_dict["orchestrated"] = orchestrated
        if added_at is not UNSET:
            field_dict["added_at"] = added_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.v5_evaluator_response import V5EvaluatorResponse

        d = dict(src_dict)

        def _parse_version(data: object) -> None | Unset | V5EvaluatorResponse:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                version_type_0 = V5EvaluatorResponse.from_dict(data)

                return version_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V5EvaluatorResponse, data)

        version = _parse_version(d.pop("version", UNSET))

        def _parse_orchestrated(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        orchestrated = _parse_orchestrated(d.pop("orchestrated", UNSET))

        def _parse_added_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                added_at_type_0 = datetime.datetime.fromisoformat(data)

                return added_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        added_at = _parse_added_at(d.pop("added_at", UNSET))

        v5_evaluation_evaluator_response = cls(
            version=version,
            orchestrated=orchestrated,
            added_at=added_at,
        )

        v5_evaluation_evaluator_response.additional_properties = d
        return v5_evaluation_evaluator_response

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
