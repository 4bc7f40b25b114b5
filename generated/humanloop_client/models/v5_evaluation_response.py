from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.v5_evaluation_evaluator_response import V5EvaluationEvaluatorResponse


T = TypeVar("T", bound="V5EvaluationResponse")


@_attrs_define
class V5EvaluationResponse:
    """An Evaluation (an export's `evaluations/<id>/evaluation.json`).

    Attributes:
        id (str):
        name (None | str | Unset):
        file_id (None | str | Unset): The File the Evaluation evaluates.
        runs_count (int | None | Unset):
        evaluators (list[V5EvaluationEvaluatorResponse] | None | Unset):
        created_at (datetime.datetime | None | Unset):
        updated_at (datetime.datetime | None | Unset):
        created_by (Any | Unset): The user who created the Evaluation (any shape).
        url (None | str | Unset):
    """

    id: str
    name: None | str | Unset = UNSET
    file_id: None | str | Unset = UNSET
    runs_count: int | None | Unset = UNSET
    evaluators: list[V5EvaluationEvaluatorResponse] | None | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    created_by: Any | Unset = UNSET
    url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        file_id: None | str | Unset
        if isinstance(self.file_id, Unset):
            file_id = UNSET
        else:
            file_id = self.file_id

        runs_count: int | None | Unset
        if isinstance(self.runs_count, Unset):
            runs_count = UNSET
        else:
            runs_count = self.runs_count

        evaluators: list[dict[str, Any]] | None | Unset
        if isinstance(self.evaluators, Unset):
            evaluators = UNSET
        elif isinstance(self.evaluators, list):
            evaluators = []
            for evaluators_type_0_item_data in self.evaluators:
                evaluators_type_0_item = evaluators_type_0_item_data.to_dict()
                evaluators.append(evaluators_type_0_item)

        else:
            evaluators = self.evaluators

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

        created_by = self.created_by

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if file_id is not UNSET:
            field_dict["file_id"] = file_id
        if runs_count is not UNSET:
            field_dict["runs_count"] = runs_count
        if evaluators is not UNSET:
            field_dict["evaluators"] = evaluators
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.v5_evaluation_evaluator_response import V5EvaluationEvaluatorResponse

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_file_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        file_id = _parse_file_id(d.pop("file_id", UNSET))

        def _parse_runs_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        runs_count = _parse_runs_count(d.pop("runs_count", UNSET))

        def _parse_evaluators(data: object) -> list[V5EvaluationEvaluatorResponse] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                evaluators_type_0 = []
                _evaluators_type_0 = data
                for evaluators_type_0_item_data in _evaluators_type_0:
                    evaluators_type_0_item = V5EvaluationEvaluatorResponse.from_dict(evaluators_type_0_item_data)

                    evaluators_type_0.append(evaluators_type_0_item)

                return evaluators_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[V5EvaluationEvaluatorResponse] | None | Unset, data)

        evaluators = _parse_evaluators(d.pop("evaluators", UNSET))

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

        created_by = d.pop("created_by", UNSET)

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        v5_evaluation_response = cls(
            id=id,
            name=name,
            file_id=file_id,
            runs_count=runs_count,
            evaluators=evaluators,
            created_at=created_at,
            updated_at=updated_at,
            created_by=created_by,
            url=url,
        )

        v5_evaluation_response.additional_properties = d
        return v5_evaluation_response

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
