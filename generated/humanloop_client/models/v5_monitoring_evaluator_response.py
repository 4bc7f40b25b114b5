from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.v5_evaluator_response import V5EvaluatorResponse
    from ..models.v5_monitoring_evaluator_response_version_reference_type_0 import (
        V5MonitoringEvaluatorResponseVersionReferenceType0,
    )


T = TypeVar("T", bound="V5MonitoringEvaluatorResponse")


@_attrs_define
class V5MonitoringEvaluatorResponse:
    """
    Attributes:
        version_reference (None | Unset | V5MonitoringEvaluatorResponseVersionReferenceType0): The Evaluator version
            used, by deployment environment or by id.
        version (None | Unset | V5EvaluatorResponse):
        state (None | str | Unset): Known values: active, inactive.
        created_at (datetime.datetime | None | Unset):
        updated_at (datetime.datetime | None | Unset):
    """

    version_reference: None | Unset | V5MonitoringEvaluatorResponseVersionReferenceType0 = UNSET
    version: None | Unset | V5EvaluatorResponse = UNSET
    state: None | str | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.v5_evaluator_response import V5EvaluatorResponse
        from ..models.v5_monitoring_evaluator_response_version_reference_type_0 import (
            V5MonitoringEvaluatorResponseVersionReferenceType0,
        )

        version_reference: dict[str, Any] | None | Unset
        if isinstance(self.version_reference, Unset):
            version_reference = UNSET
        elif isinstance(self.version_reference, V5MonitoringEvaluatorResponseVersionReferenceType0):
            version_reference = self.version_reference.to_dict()
        else:
            version_reference = self.version_reference

        version: dict[str, Any] | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        elif isinstance(self.version, V5EvaluatorResponse):
            version = self.version.to_dict()
        else:
            version = self.version

        state: None | str | Unset
        if isinstance(self.state, Unset):
            state = UNSET
        else:
            state = self.state

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if version_reference is not UNSET:
            field_dict["version_reference"] = version_reference
        if version is not UNSET:
            field_dict["version"] = version
        if state is not UNSET:
            field_dict["state"] = state
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.v5_evaluator_response import V5EvaluatorResponse
        from ..models.v5_monitoring_evaluator_response_version_reference_type_0 import (
            V5MonitoringEvaluatorResponseVersionReferenceType0,
        )

        d = dict(src_dict)

        def _parse_version_reference(data: object) -> None | Unset | V5MonitoringEvaluatorResponseVersionReferenceType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                version_reference_type_0 = V5MonitoringEvaluatorResponseVersionReferenceType0.from_dict(data)

                return version_reference_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V5MonitoringEvaluatorResponseVersionReferenceType0, data)

        version_reference = _parse_version_reference(d.pop("version_reference", UNSET))

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

        def _parse_state(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        state = _parse_state(d.pop("state", UNSET))

        def _parse_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        v5_monitoring_evaluator_response = cls(
            version_reference=version_reference,
            version=version,
            state=state,
            created_at=created_at,
            updated_at=updated_at,
        )

        v5_monitoring_evaluator_response.additional_properties = d
        return v5_monitoring_evaluator_response

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
