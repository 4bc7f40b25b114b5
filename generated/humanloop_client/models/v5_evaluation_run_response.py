from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.v5_agent_response import V5AgentResponse
    from ..models.v5_dataset_response import V5DatasetResponse
    from ..models.v5_evaluator_response import V5EvaluatorResponse
    from ..models.v5_flow_response import V5FlowResponse
    from ..models.v5_prompt_response import V5PromptResponse
    from ..models.v5_tool_response import V5ToolResponse
    from ..models.v5_unknown_file_version import V5UnknownFileVersion


T = TypeVar("T", bound="V5EvaluationRunResponse")


@_attrs_define
class V5EvaluationRunResponse:
    """A Run of an Evaluation.

    Attributes:
        id (str): Unique identifier for the Run.
        dataset (None | Unset | V5DatasetResponse): The Dataset used in the Run.
        version (None | Unset | V5AgentResponse | V5DatasetResponse | V5EvaluatorResponse | V5FlowResponse |
            V5PromptResponse | V5ToolResponse | V5UnknownFileVersion): The version used in the Run.
        orchestrated (bool | None | Unset): Whether the Run is orchestrated by Humanloop.
        added_at (datetime.datetime | None | Unset): When the Run was added to the Evaluation.
        created_at (datetime.datetime | None | Unset): When the Run was created.
        created_by (Any | Unset): The User who created the Run (any shape).
        status (None | str | Unset): The status of the Run. Known values: pending, running, completed, cancelled.
        control (bool | None | Unset): Stats for other Runs will be displayed in comparison to the control Run.
    """

    id: str
    dataset: None | Unset | V5DatasetResponse = UNSET
    version: (
        None
        | Unset
        | V5AgentResponse
        | V5DatasetResponse
        | V5EvaluatorResponse
        | V5FlowResponse
        | V5PromptResponse
        | V5ToolResponse
        | V5UnknownFileVersion
    ) = UNSET
    orchestrated: bool | None | Unset = UNSET
    added_at: datetime.datetime | None | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    created_by: Any | Unset = UNSET
    status: None | str | Unset = UNSET
    control: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.v5_agent_response import V5AgentResponse
        from ..models.v5_dataset_response import V5DatasetResponse
        from ..models.v5_evaluator_response import V5EvaluatorResponse
        from ..models.v5_flow_response import V5FlowResponse
        from ..models.v5_prompt_response import V5PromptResponse
        from ..models.v5_tool_response import V5ToolResponse
        from ..models.v5_unknown_file_version import V5UnknownFileVersion

        id = self.id

        dataset: dict[str, Any] | None | Unset
        if isinstance(self.dataset, Unset):
            dataset = UNSET
        elif isinstance(self.dataset, V5DatasetResponse):
            dataset = self.dataset.to_dict()
        else:
            dataset = self.dataset

        version: dict[str, Any] | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        elif (
            isinstance(self.version, V5PromptResponse)
            or isinstance(self.version, V5ToolResponse)
            or isinstance(self.version, V5EvaluatorResponse)
            or isinstance(self.version, V5FlowResponse)
            or isinstance(self.version, V5AgentResponse)
            or isinstance(self.version, V5DatasetResponse)
            or isinstance(self.version, V5UnknownFileVersion)
        ):
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

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        created_by = self.created_by

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        control: bool | None | Unset
        if isinstance(self.control, Unset):
            control = UNSET
        else:
            control = self.control

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if dataset is not UNSET:
            field_dict["dataset"] = dataset
        if version is not UNSET:
            field_dict["version"] = version
        if orchestrated is not UNSET:
            field_dict["orchestrated"] = orchestrated
        if added_at is not UNSET:
            field_dict["added_at"] = added_at
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if status is not UNSET:
            field_dict["status"] = status
        if control is not UNSET:
            field_dict["control"] = control

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.v5_agent_response import V5AgentResponse
        from ..models.v5_dataset_response import V5DatasetResponse
        from ..models.v5_evaluator_response import V5EvaluatorResponse
        from ..models.v5_flow_response import V5FlowResponse
        from ..models.v5_prompt_response import V5PromptResponse
        from ..models.v5_tool_response import V5ToolResponse
        from ..models.v5_unknown_file_version import V5UnknownFileVersion

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_dataset(data: object) -> None | Unset | V5DatasetResponse:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                dataset_type_0 = V5DatasetResponse.from_dict(data)

                return dataset_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V5DatasetResponse, data)

        dataset = _parse_dataset(d.pop("dataset", UNSET))

        def _parse_version(
            data: object,
        ) -> (
            None
            | Unset
            | V5AgentResponse
            | V5DatasetResponse
            | V5EvaluatorResponse
            | V5FlowResponse
            | V5PromptResponse
            | V5ToolResponse
            | V5UnknownFileVersion
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_v5_file_version_type_0 = V5PromptResponse.from_dict(data)

                return componentsschemas_v5_file_version_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_v5_file_version_type_1 = V5ToolResponse.from_dict(data)

                return componentsschemas_v5_file_version_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_v5_file_version_type_2 = V5EvaluatorResponse.from_dict(data)

                return componentsschemas_v5_file_version_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_v5_file_version_type_3 = V5FlowResponse.from_dict(data)

                return componentsschemas_v5_file_version_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_v5_file_version_type_4 = V5AgentResponse.from_dict(data)

                return componentsschemas_v5_file_version_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_v5_file_version_type_5 = V5DatasetResponse.from_dict(data)

                return componentsschemas_v5_file_version_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_v5_file_version_type_6 = V5UnknownFileVersion.from_dict(data)

                return componentsschemas_v5_file_version_type_6
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                None
                | Unset
                | V5AgentResponse
                | V5DatasetResponse
                | V5EvaluatorResponse
                | V5FlowResponse
                | V5PromptResponse
                | V5ToolResponse
                | V5UnknownFileVersion,
                data,
            )

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

        created_by = d.pop("created_by", UNSET)

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_control(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        control = _parse_control(d.pop("control", UNSET))

        v5_evaluation_run_response = cls(
            id=id,
            dataset=dataset,
            version=version,
            orchestrated=orchestrated,
            added_at=added_at,
            created_at=created_at,
            created_by=created_by,
            status=status,
            control=control,
        )

        v5_evaluation_run_response.additional_properties = d
        return v5_evaluation_run_response

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
