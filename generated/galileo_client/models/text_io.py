from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.text_or_any_type_2 import TextOrAnyType2


T = TypeVar("T", bound="TextIO")


@_attrs_define
class TextIO:
    """Input and output as sessions, traces and tool, workflow and agent spans carry them: usually text, sometimes
    messages, content parts, documents or a control result; kept as given.

        Attributes:
            input_ (list[Any] | None | str | TextOrAnyType2 | Unset): Usually a string; kept as given when a logger sent
                something else.
            redacted_input (list[Any] | None | str | TextOrAnyType2 | Unset): Usually a string; kept as given when a logger
                sent something else.
            output (list[Any] | None | str | TextOrAnyType2 | Unset): Usually a string; kept as given when a logger sent
                something else.
            redacted_output (list[Any] | None | str | TextOrAnyType2 | Unset): Usually a string; kept as given when a logger
                sent something else.
    """

    input_: list[Any] | None | str | TextOrAnyType2 | Unset = UNSET
    redacted_input: list[Any] | None | str | TextOrAnyType2 | Unset = UNSET
    output: list[Any] | None | str | TextOrAnyType2 | Unset = UNSET
    redacted_output: list[Any] | None | str | TextOrAnyType2 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.text_or_any_type_2 import TextOrAnyType2

        input_: dict[str, Any] | list[Any] | None | str | Unset
        if isinstance(self.input_, Unset):
            input_ = UNSET
        elif isinstance(self.input_, list):
            input_ = self.input_

        elif isinstance(self.input_, TextOrAnyType2):
            input_ = self.input_.to_dict()
        else:
            input_ = self.input_

        redacted_input: dict[str, Any] | list[Any] | None | str | Unset
        if isinstance(self.redacted_input, Unset):
            redacted_input = UNSET
        elif isinstance(self.redacted_input, list):
            redacted_input = self.redacted_input

        elif isinstance(self.redacted_input, TextOrAnyType2):
            redacted_input = self.redacted_input.to_dict()
        else:
            redacted_input = self.redacted_input

        output: dict[str, Any] | list[Any] | None | str | Unset
        if isinstance(self.output, Unset):
            output = UNSET
        elif isinstance(self.output, list):
            output = self.output

        elif isinstance(self.output, TextOrAnyType2):
            output = self.output.to_dict()
        else:
            output = self.output

        redacted_output: dict[str, Any] | list[Any] | None | str | Unset
        if isinstance(self.redacted_output, Unset):
            redacted_output = UNSET
        elif isinstance(self.redacted_output, list):
            redacted_output = self.redacted_output

        elif isinstance(self.redacted_output, TextOrAnyType2):
            redacted_output = self.redacted_output.to_dict()
        else:
            redacted_output = self.redacted_output

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if input_ is not UNSET:
            field_dict["input"] = input_
        if redacted_input is not UNSET:
            field_dict["redacted_input"] = redacted_input
        if output is not UNSET:
            field_dict["output"] = output
        if redacted_output is not UNSET:
            field_dict["redacted_output"] = redacted_output

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.text_or_any_type_2 import TextOrAnyType2

        d = dict(src_dict)

        def _parse_input_(data: object) -> list[Any] | None | str | TextOrAnyType2 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_text_or_any_type_1 = cast(list[Any], data)

                return componentsschemas_text_or_any_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_text_or_any_type_2 = TextOrAnyType2.from_dict(data)

                return componentsschemas_text_or_any_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Any] | None | str | TextOrAnyType2 | Unset, data)

        input_ = _parse_input_(d.pop("input", UNSET))

        def _parse_redacted_input(data: object) -> list[Any] | None | str | TextOrAnyType2 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_text_or_any_type_1 = cast(list[Any], data)

                return componentsschemas_text_or_any_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_text_or_any_type_2 = TextOrAnyType2.from_dict(data)

                return componentsschemas_text_or_any_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Any] | None | str | TextOrAnyType2 | Unset, data)

        redacted_input = _parse_redacted_input(d.pop("redacted_input", UNSET))

        def _parse_output(data: object) -> list[Any] | None | str | TextOrAnyType2 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_text_or_any_type_1 = cast(list[Any], data)

                return componentsschemas_text_or_any_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_text_or_any_type_2 = TextOrAnyType2.from_dict(data)

                return componentsschemas_text_or_any_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Any] | None | str | TextOrAnyType2 | Unset, data)

        output = _parse_output(d.pop("output", UNSET))

        def _parse_redacted_output(data: object) -> list[Any] | None | str | TextOrAnyType2 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_text_or_any_type_1 = cast(list[Any], data)

                return componentsschemas_text_or_any_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_text_or_any_type_2 = TextOrAnyType2.from_dict(data)

                return componentsschemas_text_or_any_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Any] | None | str | TextOrAnyType2 | Unset, data)

        redacted_output = _parse_redacted_output(d.pop("redacted_output", UNSET))

        text_io = cls(
            input_=input_,
            redacted_input=redacted_input,
            output=output,
            redacted_output=redacted_output,
        )

        text_io.additional_properties = d
        return text_io

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
