from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.v4_evaluator_config_response_type import V4EvaluatorConfigResponseType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.v4_config_common_other_type_0 import V4ConfigCommonOtherType0
    from ..models.v4_model_config_response import V4ModelConfigResponse
    from ..models.v4_user_response import V4UserResponse


T = TypeVar("T", bound="V4EvaluatorConfigResponse")


@_attrs_define
class V4EvaluatorConfigResponse:
    """
    Attributes:
        type_ (V4EvaluatorConfigResponseType):
        id (None | str | Unset): String ID of config. Starts with `config_`.
        name (None | str | Unset):
        description (None | str | Unset):
        other (None | Unset | V4ConfigCommonOtherType0): Other parameters that define the config.
        created_by (None | Unset | V4UserResponse):
        status (None | str | Unset): Whether the config is committed or not.
        evaluator_type (None | str | Unset): Known values: llm, python, human, external.
        model_config (None | Unset | V4ModelConfigResponse):
        code (None | str | Unset):
        arguments_type (None | str | Unset): Known values: target_free, target_required.
        return_type (None | str | Unset): Known values: boolean, number, select, multi_select, text.
    """

    type_: V4EvaluatorConfigResponseType
    id: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    other: None | Unset | V4ConfigCommonOtherType0 = UNSET
    created_by: None | Unset | V4UserResponse = UNSET
    status: None | str | Unset = UNSET
    evaluator_type: None | str | Unset = UNSET
    model_config: None | Unset | V4ModelConfigResponse = UNSET
    code: None | str | Unset = UNSET
    arguments_type: None | str | Unset = UNSET
    return_type: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.v4_config_common_other_type_0 import V4ConfigCommonOtherType0
        from ..models.v4_model_config_response import V4ModelConfigResponse
        from ..models.v4_user_response import V4UserResponse

        type_ = self.type_.value

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        other: dict[str, Any] | None | Unset
        if isinstance(self.other, Unset):
            other = UNSET
        elif isinstance(self.other, V4ConfigCommonOtherType0):
            other = self.other.to_dict()
        else:
            other = self.other

        created_by: dict[str, Any] | None | Unset
        if isinstance(self.created_by, Unset):
            created_by = UNSET
        elif isinstance(self.created_by, V4UserResponse):
            created_by = self.created_by.to_dict()
        else:
            created_by = self.created_by

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        evaluator_type: None | str | Unset
        if isinstance(self.evaluator_type, Unset):
            evaluator_type = UNSET
        else:
            evaluator_type = self.evaluator_type

        model_config: dict[str, Any] | None | Unset
        if isinstance(self.model_config, Unset):
            model_config = UNSET
        elif isinstance(self.model_config, V4ModelConfigResponse):
            model_config = self.model_config.to_dict()
        else:
            model_config = self.model_config

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        arguments_type: None | str | Unset
        if isinstance(self.arguments_type, Unset):
            arguments_type = UNSET
        else:
            arguments_type = self.arguments_type

        return_type: None | str | Unset
        if isinstance(self.return_type, Unset):
            return_type = UNSET
        else:
            return_type = self.return_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if other is not UNSET:
            field_dict["other"] = other
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if status is not UNSET:
            field_dict["status"] = status
        if evaluator_type is not UNSET:
            field_dict["evaluator_type"] = evaluator_type
        if model_config is not UNSET:
            field_dict["model_config"] = model_config
        if code is not UNSET:
            field_dict["code"] = code
        if arguments_type is not UNSET:
            field_dict["arguments_type"] = arguments_type
        if return_type is not UNSET:
            field_dict["return_type"] = return_type

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.v4_config_common_other_type_0 import V4ConfigCommonOtherType0
        from ..models.v4_model_config_response import V4ModelConfigResponse
        from ..models.v4_user_response import V4UserResponse

        d = dict(src_dict)
        type_ = V4EvaluatorConfigResponseType(d.pop("type"))

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_other(data: object) -> None | Unset | V4ConfigCommonOtherType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                other_type_0 = V4ConfigCommonOtherType0.from_dict(data)

                return other_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V4ConfigCommonOtherType0, data)

        other = _parse_other(d.pop("other", UNSET))

        def _parse_created_by(data: object) -> None | Unset | V4UserResponse:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_v4_user_response_or_null_type_0 = V4UserResponse.from_dict(data)

                return componentsschemas_v4_user_response_or_null_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V4UserResponse, data)

        created_by = _parse_created_by(d.pop("created_by", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_evaluator_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        evaluator_type = _parse_evaluator_type(d.pop("evaluator_type", UNSET))

        def _parse_model_config(data: object) -> None | Unset | V4ModelConfigResponse:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                model_config_type_0 = V4ModelConfigResponse.from_dict(data)

                return model_config_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V4ModelConfigResponse, data)

        model_config = _parse_model_config(d.pop("model_config", UNSET))

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_arguments_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        arguments_type = _parse_arguments_type(d.pop("arguments_type", UNSET))

        def _parse_return_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        return_type = _parse_return_type(d.pop("return_type", UNSET))

        v4_evaluator_config_response = cls(
            type_=type_,
            id=id,
            name=name,
            description=description,
            other=other,
            created_by=created_by,
            status=status,
            evaluator_type=evaluator_type,
            model_config=model_config,
            code=code,
            arguments_type=arguments_type,
            return_type=return_type,
        )

        v4_evaluator_config_response.additional_properties = d
        return v4_evaluator_config_response

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
