from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.v5_evaluator_judgment_number_limit import V5EvaluatorJudgmentNumberLimit
    from ..models.v5_evaluator_judgment_option import V5EvaluatorJudgmentOption
    from ..models.v5_evaluator_spec_common_attributes_type_0 import V5EvaluatorSpecCommonAttributesType0


T = TypeVar("T", bound="V5EvaluatorSpecCommon")


@_attrs_define
class V5EvaluatorSpecCommon:
    """
    Attributes:
        arguments_type (None | str | Unset): Known values: target_free, target_required.
        return_type (None | str | Unset): Known values: boolean, number, select, multi_select, text.
        attributes (None | Unset | V5EvaluatorSpecCommonAttributesType0):
        options (list[V5EvaluatorJudgmentOption] | None | Unset):
        number_limits (None | Unset | V5EvaluatorJudgmentNumberLimit):
        number_valence (None | str | Unset): Known values: positive, negative, neutral.
    """

    arguments_type: None | str | Unset = UNSET
    return_type: None | str | Unset = UNSET
    attributes: None | Unset | V5EvaluatorSpecCommonAttributesType0 = UNSET
    options: list[V5EvaluatorJudgmentOption] | None | Unset = UNSET
    number_limits: None | Unset | V5EvaluatorJudgmentNumberLimit = UNSET
    number_valence: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.v5_evaluator_judgment_number_limit import V5EvaluatorJudgmentNumberLimit
        from ..models.v5_evaluator_spec_common_attributes_type_0 import V5EvaluatorSpecCommonAttributesType0

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

        attributes: dict[str, Any] | None | Unset
        if isinstance(self.attributes, Unset):
            attributes = UNSET
        elif isinstance(self.attributes, V5EvaluatorSpecCommonAttributesType0):
            attributes = self.attributes.to_dict()
        else:
            attributes = self.attributes

        options: list[dict[str, Any]] | None | Unset
        if isinstance(self.options, Unset):
            options = UNSET
        elif isinstance(self.options, list):
            options = []
            for options_type_0_item_data in self.options:
                options_type_0_item = options_type_0_item_data.to_dict()
                options.append(options_type_0_item)

        else:
            options = self.options

        number_limits: dict[str, Any] | None | Unset
        if isinstance(self.number_limits, Unset):
            number_limits = UNSET
        elif isinstance(self.number_limits, V5EvaluatorJudgmentNumberLimit):
            number_limits = self.number_limits.to_dict()
        else:
            number_limits = self.number_limits

        number_valence: None | str | Unset
        if isinstance(self.number_valence, Unset):
            number_valence = UNSET
        else:
            number_valence = self.number_valence

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if arguments_type is not UNSET:
            field_dict["arguments_type"] = arguments_type
        if return_type is not UNSET:
            field_dict["return_type"] = return_type
        if attributes is not UNSET:
            field_dict["attributes"] = attributes
        if options is not UNSET:
            field_dict["options"] = options
        if number_limits is not UNSET:
            field_dict["number_limits"] = number_limits
        if number_valence is not UNSET:
            field_dict["number_valence"] = number_valence

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.v5_evaluator_judgment_number_limit import V5EvaluatorJudgmentNumberLimit
        from ..models.v5_evaluator_judgment_option import V5EvaluatorJudgmentOption
        from ..models.v5_evaluator_spec_common_attributes_type_0 import V5EvaluatorSpecCommonAttributesType0

        d = dict(src_dict)

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

        def _parse_attributes(data: object) -> None | Unset | V5EvaluatorSpecCommonAttributesType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                attributes_type_0 = V5EvaluatorSpecCommonAttributesType0.from_dict(data)

                return attributes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V5EvaluatorSpecCommonAttributesType0, data)

        attributes = _parse_attributes(d.pop("attributes", UNSET))

        def _parse_options(data: object) -> list[V5EvaluatorJudgmentOption] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                options_type_0 = []
                _options_type_0 = data
                for options_type_0_item_data in _options_type_0:
                    options_type_0_item = V5EvaluatorJudgmentOption.from_dict(options_type_0_item_data)

                    options_type_0.append(options_type_0_item)

                return options_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[V5EvaluatorJudgmentOption] | None | Unset, data)

        options = _parse_options(d.pop("options", UNSET))

        def _parse_number_limits(data: object) -> None | Unset | V5EvaluatorJudgmentNumberLimit:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                number_limits_type_0 = V5EvaluatorJudgmentNumberLimit.from_dict(data)

                return number_limits_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V5EvaluatorJudgmentNumberLimit, data)

        number_limits = _parse_number_limits(d.pop("number_limits", UNSET))

        def _parse_number_valence(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        number_valence = _parse_number_valence(d.pop("number_valence", UNSET))

        v5_evaluator_spec_common = cls(
            arguments_type=arguments_type,
            return_type=return_type,
            attributes=attributes,
            options=options,
            number_limits=number_limits,
            number_valence=number_valence,
        )

        v5_evaluator_spec_common.additional_properties = d
        return v5_evaluator_spec_common

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
