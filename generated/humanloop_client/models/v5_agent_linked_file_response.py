from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.v5_agent_linked_file_response_type import V5AgentLinkedFileResponseType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.v5_agent_response import V5AgentResponse
    from ..models.v5_dataset_response import V5DatasetResponse
    from ..models.v5_evaluator_response import V5EvaluatorResponse
    from ..models.v5_flow_response import V5FlowResponse
    from ..models.v5_linked_file import V5LinkedFile
    from ..models.v5_prompt_response import V5PromptResponse
    from ..models.v5_tool_response import V5ToolResponse
    from ..models.v5_unknown_file_version import V5UnknownFileVersion


T = TypeVar("T", bound="V5AgentLinkedFileResponse")


@_attrs_define
class V5AgentLinkedFileResponse:
    """
    Attributes:
        type_ (V5AgentLinkedFileResponseType):
        link (None | Unset | V5LinkedFile):
        on_agent_call (None | str | Unset): Known values: stop, continue.
        file (None | Unset | V5AgentResponse | V5DatasetResponse | V5EvaluatorResponse | V5FlowResponse |
            V5PromptResponse | V5ToolResponse | V5UnknownFileVersion):
    """

    type_: V5AgentLinkedFileResponseType
    link: None | Unset | V5LinkedFile = UNSET
    on_agent_call: None | str | Unset = UNSET
    file: (
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.v5_agent_response import V5AgentResponse
        from ..models.v5_dataset_response import V5DatasetResponse
        from ..models.v5_evaluator_response import V5EvaluatorResponse
        from ..models.v5_flow_response import V5FlowResponse
        from ..models.v5_linked_file import V5LinkedFile
        from ..models.v5_prompt_response import V5PromptResponse
        from ..models.v5_tool_response import V5ToolResponse
        from ..models.v5_unknown_file_version import V5UnknownFileVersion

        type_ = self.type_.value

        link: dict[str, Any] | None | Unset
        if isinstance(self.link, Unset):
            link = UNSET
        elif isinstance(self.link, V5LinkedFile):
            link = self.link.to_dict()
        else:
            link = self.link

        on_agent_call: None | str | Unset
        if isinstance(self.on_agent_call, Unset):
            on_agent_call = UNSET
        else:
            on_agent_call = self.on_agent_call

        file: dict[str, Any] | None | Unset
        if isinstance(self.file, Unset):
            file = UNSET
        elif (
            isinstance(self.file, V5PromptResponse)
            or isinstance(self.file, V5ToolResponse)
            or isinstance(self.file, V5EvaluatorResponse)
            or isinstance(self.file, V5FlowResponse)
            or isinstance(self.file, V5AgentResponse)
            or isinstance(self.file, V5DatasetResponse)
            or isinstance(self.file, V5UnknownFileVersion)
        ):
            file = self.file.to_dict()
        else:
            file = self.file

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if link is not UNSET:
            field_dict["link"] = link
        if on_agent_call is not UNSET:
            field_dict["on_agent_call"] = on_agent_call
        if file is not UNSET:
            field_dict["file"] = file

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.v5_agent_response import V5AgentResponse
        from ..models.v5_dataset_response import V5DatasetResponse
        from ..models.v5_evaluator_response import V5EvaluatorResponse
        from ..models.v5_flow_response import V5FlowResponse
        from ..models.v5_linked_file import V5LinkedFile
        from ..models.v5_prompt_response import V5PromptResponse
        from ..models.v5_tool_response import V5ToolResponse
        from ..models.v5_unknown_file_version import V5UnknownFileVersion

        d = dict(src_dict)
        type_ = V5AgentLinkedFileResponseType(d.pop("type"))

        def _parse_link(data: object) -> None | Unset | V5LinkedFile:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                link_type_0 = V5LinkedFile.from_dict(data)

                return link_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V5LinkedFile, data)

        link = _parse_link(d.pop("link", UNSET))

        def _parse_on_agent_call(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        on_agent_call = _parse_on_agent_call(d.pop("on_agent_call", UNSET))

        def _parse_file(
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

        file = _parse_file(d.pop("file", UNSET))

        v5_agent_linked_file_response = cls(
            type_=type_,
            link=link,
            on_agent_call=on_agent_call,
            file=file,
        )

        v5_agent_linked_file_response.additional_properties = d
        return v5_agent_linked_file_response

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
