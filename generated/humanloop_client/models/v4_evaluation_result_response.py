from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.v4_log_response import V4LogResponse


T = TypeVar("T", bound="V4EvaluationResultResponse")


@_attrs_define
class V4EvaluationResultResponse:
    """One evaluator's result on one log.

    Attributes:
        id (str):
        evaluator_id (None | str | Unset):
        evaluator_version_id (None | str | Unset):
        evaluation_id (None | str | Unset):
        log_id (None | str | Unset): The evaluated log.
        log (None | Unset | V4LogResponse):
        version_id (None | str | Unset):
        version (Any | Unset): The evaluator version (any shape).
        value (bool | float | list[str] | None | str | Unset): A judgment or feedback value.
        error (None | str | Unset):
        updated_at (datetime.datetime | None | Unset):
        created_at (datetime.datetime | None | Unset):
        evaluator_log (None | Unset | V4LogResponse): The log the evaluator wrote while judging.
    """

    id: str
    evaluator_id: None | str | Unset = UNSET
    evaluator_version_id: None | str | Unset = UNSET
    evaluation_id: None | str | Unset = UNSET
    log_id: None | str | Unset = UNSET
    log: None | Unset | V4LogResponse = UNSET
    version_id: None | str | Unset = UNSET
    version: Any | Unset = UNSET
    value: bool | float | list[str] | None | str | Unset = UNSET
    error: None | str | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    evaluator_log: None | Unset | V4LogResponse = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.v4_log_response import V4LogResponse

        id = self.id

        evaluator_id: None | str | Unset
        if isinstance(self.evaluator_id, Unset):
            evaluator_id = UNSET
        else:
            evaluator_id = self.evaluator_id

        evaluator_version_id: None | str | Unset
        if isinstance(self.evaluator_version_id, Unset):
            evaluator_version_id = UNSET
        else:
            evaluator_version_id = self.evaluator_version_id

        evaluation_id: None | str | Unset
        if isinstance(self.evaluation_id, Unset):
            evaluation_id = UNSET
        else:
            evaluation_id = self.evaluation_id

        log_id: None | str | Unset
        if isinstance(self.log_id, Unset):
            log_id = UNSET
        else:
            log_id = self.log_id

        log: dict[str, Any] | None | Unset
        if isinstance(self.log, Unset):
            log = UNSET
        elif isinstance(self.log, V4LogResponse):
            log = self.log.to_dict()
        else:
            log = self.log

        version_id: None | str | Unset
        if isinstance(self.version_id, Unset):
            version_id = UNSET
        else:
            version_id = self.version_id

        version = self.version

        value: bool | float | list[str] | None | str | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        elif isinstance(self.value, list):
            value = self.value

        else:
            value = self.value

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        evaluator_log: dict[str, Any] | None | Unset
        if isinstance(self.evaluator_log, Unset):
            evaluator_log = UNSET
        elif isinstance(self.evaluator_log, V4LogResponse):
            evaluator_log = self.evaluator_log.to_dict()
        else:
            evaluator_log = self.evaluator_log

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if evaluator_id is not UNSET:
            field_dict["evaluator_id"] = evaluator_id
        if evaluator_version_id is not UNSET:
            field_dict["evaluator_version_id"] = evaluator_version_id
        if evaluation_id is not UNSET:
            field_dict["evaluation_id"] = evaluation_id
        if log_id is not UNSET:
            field_dict["log_id"] = log_id
        if log is not UNSET:
            field_dict["log"] = log
        if version_id is not UNSET:
            field_dict["version_id"] = version_id
        if version is not UNSET:
            field_dict["version"] = version
        if value is not UNSET:
            field_dict["value"] = value
        if error is not UNSET:
            field_dict["error"] = error
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if evaluator_log is not UNSET:
            field_dict["evaluator_log"] = evaluator_log

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.v4_log_response import V4LogResponse

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_evaluator_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        evaluator_id = _parse_evaluator_id(d.pop("evaluator_id", UNSET))

        def _parse_evaluator_version_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        evaluator_version_id = _parse_evaluator_version_id(d.pop("evaluator_version_id", UNSET))

        def _parse_evaluation_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        evaluation_id = _parse_evaluation_id(d.pop("evaluation_id", UNSET))

        def _parse_log_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        log_id = _parse_log_id(d.pop("log_id", UNSET))

        def _parse_log(data: object) -> None | Unset | V4LogResponse:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                log_type_0 = V4LogResponse.from_dict(data)

                return log_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V4LogResponse, data)

        log = _parse_log(d.pop("log", UNSET))

        def _parse_version_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        version_id = _parse_version_id(d.pop("version_id", UNSET))

        version = d.pop("version", UNSET)

        def _parse_value(data: object) -> bool | float | list[str] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_judgment_value_type_3 = cast(list[str], data)

                return componentsschemas_judgment_value_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | float | list[str] | None | str | Unset, data)

        value = _parse_value(d.pop("value", UNSET))

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

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

        def _parse_evaluator_log(data: object) -> None | Unset | V4LogResponse:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                evaluator_log_type_0 = V4LogResponse.from_dict(data)

                return evaluator_log_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V4LogResponse, data)

        evaluator_log = _parse_evaluator_log(d.pop("evaluator_log", UNSET))

        v4_evaluation_result_response = cls(
            id=id,
            evaluator_id=evaluator_id,
            evaluator_version_id=evaluator_version_id,
            evaluation_id=evaluation_id,
            log_id=log_id,
            log=log,
            version_id=version_id,
            version=version,
            value=value,
            error=error,
            updated_at=updated_at,
            created_at=created_at,
            evaluator_log=evaluator_log,
        )

        v4_evaluation_result_response.additional_properties = d
        return v4_evaluation_result_response

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
