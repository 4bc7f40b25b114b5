from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.v5_agent_log_response import V5AgentLogResponse
    from ..models.v5_agent_response import V5AgentResponse
    from ..models.v5_datapoint_response import V5DatapointResponse
    from ..models.v5_dataset_response import V5DatasetResponse
    from ..models.v5_evaluator_log_response import V5EvaluatorLogResponse
    from ..models.v5_evaluator_response import V5EvaluatorResponse
    from ..models.v5_flow_log_response import V5FlowLogResponse
    from ..models.v5_flow_response import V5FlowResponse
    from ..models.v5_prompt_log_response import V5PromptLogResponse
    from ..models.v5_prompt_response import V5PromptResponse
    from ..models.v5_tool_log_response import V5ToolLogResponse
    from ..models.v5_tool_response import V5ToolResponse
    from ..models.v5_unknown_file_version import V5UnknownFileVersion
    from ..models.v5_unknown_log_response import V5UnknownLogResponse


T = TypeVar("T", bound="V5LegacyEvaluationLogResponse")


@_attrs_define
class V5LegacyEvaluationLogResponse:
    """The pre-November-2024 record shape (`EvaluationReportLogResponse`): the evaluated file version instead of a
    run id. Exports made then still carry it.

        Attributes:
            log (V5AgentLogResponse | V5EvaluatorLogResponse | V5FlowLogResponse | V5PromptLogResponse | V5ToolLogResponse |
                V5UnknownLogResponse): A v5 Log. There is no type field: the kind is whichever of `prompt`, `tool`, `flow`,
                `agent`, `evaluator` is
                present. A Log of a kind this spec does not know parses as `V5UnknownLogResponse`.
            evaluated_version (None | Unset | V5AgentResponse | V5DatasetResponse | V5EvaluatorResponse | V5FlowResponse |
                V5PromptResponse | V5ToolResponse | V5UnknownFileVersion):
            datapoint (None | Unset | V5DatapointResponse):
            evaluator_logs (list[V5AgentLogResponse | V5EvaluatorLogResponse | V5FlowLogResponse | V5PromptLogResponse |
                V5ToolLogResponse | V5UnknownLogResponse] | None | Unset):
    """

    log: (
        V5AgentLogResponse
        | V5EvaluatorLogResponse
        | V5FlowLogResponse
        | V5PromptLogResponse
        | V5ToolLogResponse
        | V5UnknownLogResponse
    )
    evaluated_version: (
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
    datapoint: None | Unset | V5DatapointResponse = UNSET
    evaluator_logs: (
        list[
            V5AgentLogResponse
            | V5EvaluatorLogResponse
            | V5FlowLogResponse
            | V5PromptLogResponse
            | V5ToolLogResponse
            | V5UnknownLogResponse
        ]
        | None
        | Unset
    ) = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.v5_agent_log_response import V5AgentLogResponse
        from ..models.v5_agent_response import V5AgentResponse
        from ..models.v5_datapoint_response import V5DatapointResponse
        from ..models.v5_dataset_response import V5DatasetResponse
        from ..models.v5_evaluator_log_response import V5EvaluatorLogResponse
        from ..models.v5_evaluator_response import V5EvaluatorResponse
        from ..models.v5_flow_log_response import V5FlowLogResponse
        from ..models.v5_flow_response import V5FlowResponse
        from ..models.v5_prompt_log_response import V5PromptLogResponse
        from ..models.v5_prompt_response import V5PromptResponse
        from ..models.v5_tool_log_response import V5ToolLogResponse
        from ..models.v5_tool_response import V5ToolResponse
        from ..models.v5_unknown_file_version import V5UnknownFileVersion

        log: dict[str, Any]
        if (
            isinstance(self.log, V5PromptLogResponse)
            or isinstance(self.log, V5ToolLogResponse)
            or isinstance(self.log, V5FlowLogResponse)
            or isinstance(self.log, V5AgentLogResponse)
            or isinstance(self.log, V5EvaluatorLogResponse)
        ):
            log = self.log.to_dict()
        else:
            log = self.log.to_dict()

        evaluated_version: dict[str, Any] | None | Unset
        if isinstance(self.evaluated_version, Unset):
            evaluated_version = UNSET
        elif (
            isinstance(self.evaluated_version, V5PromptResponse)
            or isinstance(self.evaluated_version, V5ToolResponse)
            or isinstance(self.evaluated_version, V5EvaluatorResponse)
            or isinstance(self.evaluated_version, V5FlowResponse)
            or isinstance(self.evaluated_version, V5AgentResponse)
            or isinstance(self.evaluated_version, V5DatasetResponse)
            or isinstance(self.evaluated_version, V5UnknownFileVersion)
        ):
            evaluated_version = self.evaluated_version.to_dict()
        else:
            evaluated_version = self.evaluated_version

        datapoint: dict[str, Any] | None | Unset
        if isinstance(self.datapoint, Unset):
            datapoint = UNSET
        elif isinstance(self.datapoint, V5DatapointResponse):
            datapoint = self.datapoint.to_dict()
        else:
            datapoint = self.datapoint

        evaluator_logs: list[dict[str, Any]] | None | Unset
        if isinstance(self.evaluator_logs, Unset):
            evaluator_logs = UNSET
        elif isinstance(self.evaluator_logs, list):
            evaluator_logs = []
            for evaluator_logs_type_0_item_data in self.evaluator_logs:
                evaluator_logs_type_0_item: dict[str, Any]
                if (
                    isinstance(evaluator_logs_type_0_item_data, V5PromptLogResponse)
                    or isinstance(evaluator_logs_type_0_item_data, V5ToolLogResponse)
                    or isinstance(evaluator_logs_type_0_item_data, V5FlowLogResponse)
                    or isinstance(evaluator_logs_type_0_item_data, V5AgentLogResponse)
                    or isinstance(evaluator_logs_type_0_item_data, V5EvaluatorLogResponse)
                ):
                    evaluator_logs_type_0_item = evaluator_logs_type_0_item_data.to_dict()
                else:
                    evaluator_logs_type_0_item = evaluator_logs_type_0_item_data.to_dict()

                evaluator_logs.append(evaluator_logs_type_0_item)

        else:
            evaluator_logs = self.evaluator_logs

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "log": log,
            }
        )
        if evaluated_version is not UNSET:
            field_dict["evaluated_version"] = evaluated_version
        if datapoint is not UNSET:
            field_dict["datapoint"] = datapoint
        if evaluator_logs is not UNSET:
            field_dict["evaluator_logs"] = evaluator_logs

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.v5_agent_log_response import V5AgentLogResponse
        from ..models.v5_agent_response import V5AgentResponse
        from ..models.v5_datapoint_response import V5DatapointResponse
        from ..models.v5_dataset_response import V5DatasetResponse
        from ..models.v5_evaluator_log_response import V5EvaluatorLogResponse
        from ..models.v5_evaluator_response import V5EvaluatorResponse
        from ..models.v5_flow_log_response import V5FlowLogResponse
        from ..models.v5_flow_response import V5FlowResponse
        from ..models.v5_prompt_log_response import V5PromptLogResponse
        from ..models.v5_prompt_response import V5PromptResponse
        from ..models.v5_tool_log_response import V5ToolLogResponse
        from ..models.v5_tool_response import V5ToolResponse
        from ..models.v5_unknown_file_version import V5UnknownFileVersion
        from ..models.v5_unknown_log_response import V5UnknownLogResponse

        d = dict(src_dict)

        def _parse_log(
            data: object,
        ) -> (
            V5AgentLogResponse
            | V5EvaluatorLogResponse
            | V5FlowLogResponse
            | V5PromptLogResponse
            | V5ToolLogResponse
            | V5UnknownLogResponse
        ):
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_v5_log_response_type_0 = V5PromptLogResponse.from_dict(data)

                return componentsschemas_v5_log_response_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_v5_log_response_type_1 = V5ToolLogResponse.from_dict(data)

                return componentsschemas_v5_log_response_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_v5_log_response_type_2 = V5FlowLogResponse.from_dict(data)

                return componentsschemas_v5_log_response_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_v5_log_response_type_3 = V5AgentLogResponse.from_dict(data)

                return componentsschemas_v5_log_response_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_v5_log_response_type_4 = V5EvaluatorLogResponse.from_dict(data)

                return componentsschemas_v5_log_response_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_v5_log_response_type_5 = V5UnknownLogResponse.from_dict(data)

            return componentsschemas_v5_log_response_type_5

        log = _parse_log(d.pop("log"))

        def _parse_evaluated_version(
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

        evaluated_version = _parse_evaluated_version(d.pop("evaluated_version", UNSET))

        def _parse_datapoint(data: object) -> None | Unset | V5DatapointResponse:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                datapoint_type_0 = V5DatapointResponse.from_dict(data)

                return datapoint_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V5DatapointResponse, data)

        datapoint = _parse_datapoint(d.pop("datapoint", UNSET))

        def _parse_evaluator_logs(
            data: object,
        ) -> (
            list[
                V5AgentLogResponse
                | V5EvaluatorLogResponse
                | V5FlowLogResponse
                | V5PromptLogResponse
                | V5ToolLogResponse
                | V5UnknownLogResponse
            ]
            | None
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                evaluator_logs_type_0 = []
                _evaluator_logs_type_0 = data
                for evaluator_logs_type_0_item_data in _evaluator_logs_type_0:

                    def _parse_evaluator_logs_type_0_item(
                        data: object,
                    ) -> (
                        V5AgentLogResponse
                        | V5EvaluatorLogResponse
                        | V5FlowLogResponse
                        | V5PromptLogResponse
                        | V5ToolLogResponse
                        | V5UnknownLogResponse
                    ):
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_v5_log_response_type_0 = V5PromptLogResponse.from_dict(data)

                            return componentsschemas_v5_log_response_type_0
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_v5_log_response_type_1 = V5ToolLogResponse.from_dict(data)

                            return componentsschemas_v5_log_response_type_1
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_v5_log_response_type_2 = V5FlowLogResponse.from_dict(data)

                            return componentsschemas_v5_log_response_type_2
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_v5_log_response_type_3 = V5AgentLogResponse.from_dict(data)

                            return componentsschemas_v5_log_response_type_3
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_v5_log_response_type_4 = V5EvaluatorLogResponse.from_dict(data)

                            return componentsschemas_v5_log_response_type_4
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_v5_log_response_type_5 = V5UnknownLogResponse.from_dict(data)

                        return componentsschemas_v5_log_response_type_5

                    evaluator_logs_type_0_item = _parse_evaluator_logs_type_0_item(evaluator_logs_type_0_item_data)

                    evaluator_logs_type_0.append(evaluator_logs_type_0_item)

                return evaluator_logs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                list[
                    V5AgentLogResponse
                    | V5EvaluatorLogResponse
                    | V5FlowLogResponse
                    | V5PromptLogResponse
                    | V5ToolLogResponse
                    | V5UnknownLogResponse
                ]
                | None
                | Unset,
                data,
            )

        evaluator_logs = _parse_evaluator_logs(d.pop("evaluator_logs", UNSET))

        v5_legacy_evaluation_log_response = cls(
            log=log,
            evaluated_version=evaluated_version,
            datapoint=datapoint,
            evaluator_logs=evaluator_logs,
        )

        v5_legacy_evaluation_log_response.additional_properties = d
        return v5_legacy_evaluation_log_response

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
