from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.v4_chat_message import V4ChatMessage
    from ..models.v4_datapoint_response_inputs_type_0 import V4DatapointResponseInputsType0
    from ..models.v4_datapoint_response_target_type_0 import V4DatapointResponseTargetType0


T = TypeVar("T", bound="V4DatapointResponse")


@_attrs_define
class V4DatapointResponse:
    """
    Attributes:
        id (str): Starts with `dp_`.
        dataset_id (None | str | Unset):
        inputs (None | Unset | V4DatapointResponseInputsType0):
        messages (list[V4ChatMessage] | None | Unset):
        target (None | Unset | V4DatapointResponseTargetType0): Criteria an evaluator compares the output with (values
            of any JSON type).
    """

    id: str
    dataset_id: None | str | Unset = UNSET
    inputs: None | Unset | V4DatapointResponseInputsType0 = UNSET
    messages: list[V4ChatMessage] | None | Unset = UNSET
    target: None | Unset | V4DatapointResponseTargetType0 = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.v4_datapoint_response_inputs_type_0 import V4DatapointResponseInputsType0
        from ..models.v4_datapoint_response_target_type_0 import V4DatapointResponseTargetType0

        id = self.id

        dataset_id: None | str | Unset
        if isinstance(self.dataset_id, Unset):
            dataset_id = UNSET
        else:
            dataset_id = self.dataset_id

        inputs: dict[str, Any] | None | Unset
        if isinstance(self.inputs, Unset):
            inputs = UNSET
        elif isinstance(self.inputs, V4DatapointResponseInputsType0):
            inputs = self.inputs.to_dict()
        else:
            inputs = self.inputs

        messages: list[dict[str, Any]] | None | Unset
        if isinstance(self.messages, Unset):
            messages = UNSET
        elif isinstance(self.messages, list):
            messages = []
            for messages_type_0_item_data in self.messages:
                messages_type_0_item = messages_type_0_item_data.to_dict()
                messages.append(messages_type_0_item)

        else:
            messages = self.messages

        target: dict[str, Any] | None | Unset
        if isinstance(self.target, Unset):
            target = UNSET
        elif isinstance(self.target, V4DatapointResponseTargetType0):
            target = self.target.to_dict()
        else:
            target = self.target

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if dataset_id is not UNSET:
            field_dict["dataset_id"] = dataset_id
        if inputs is not UNSET:
            field_dict["inputs"] = inputs
        if messages is not UNSET:
            field_dict["messages"] = messages
        if target is not UNSET:
            field_dict["target"] = target

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.v4_chat_message import V4ChatMessage
        from ..models.v4_datapoint_response_inputs_type_0 import V4DatapointResponseInputsType0
        from ..models.v4_datapoint_response_target_type_0 import V4DatapointResponseTargetType0

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_dataset_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dataset_id = _parse_dataset_id(d.pop("dataset_id", UNSET))

        def _parse_inputs(data: object) -> None | Unset | V4DatapointResponseInputsType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                inputs_type_0 = V4DatapointResponseInputsType0.from_dict(data)

                return inputs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V4DatapointResponseInputsType0, data)

        inputs = _parse_inputs(d.pop("inputs", UNSET))

        def _parse_messages(data: object) -> list[V4ChatMessage] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                messages_type_0 = []
                _messages_type_0 = data
                for messages_type_0_item_data in _messages_type_0:
                    messages_type_0_item = V4ChatMessage.from_dict(messages_type_0_item_data)

                    messages_type_0.append(messages_type_0_item)

                return messages_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[V4ChatMessage] | None | Unset, data)

        messages = _parse_messages(d.pop("messages", UNSET))

        def _parse_target(data: object) -> None | Unset | V4DatapointResponseTargetType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                target_type_0 = V4DatapointResponseTargetType0.from_dict(data)

                return target_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V4DatapointResponseTargetType0, data)

        target = _parse_target(d.pop("target", UNSET))

        v4_datapoint_response = cls(
            id=id,
            dataset_id=dataset_id,
            inputs=inputs,
            messages=messages,
            target=target,
        )

        v4_datapoint_response.additional_properties = d
        return v4_datapoint_response

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
