from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Metrics")


@_attrs_define
class Metrics:
    """Metrics associated with this trace or span: an open map. The named system metrics below plus any number of
    others (scorer metrics keyed by UUID since April 2026, custom metrics), all kept in `additional_properties`.

        Attributes:
            duration_ns (int | None | Unset): Duration of the trace or span in nanoseconds. Displayed as 'Latency' in
                Galileo.
            num_input_tokens (int | None | Unset): Number of input tokens (LLM spans).
            num_output_tokens (int | None | Unset): Number of output tokens (LLM spans).
            num_total_tokens (int | None | Unset): Total number of tokens (LLM spans).
            time_to_first_token_ns (int | None | Unset): Time until the first token was generated in nanoseconds (LLM
                spans).
            num_image_input_tokens (int | None | Unset): Number of image input tokens.
            num_audio_input_tokens (int | None | Unset): Number of audio input tokens.
            num_audio_output_tokens (int | None | Unset): Number of audio output tokens.
            num_image_output_tokens (int | None | Unset): Number of image output tokens.
    """

    duration_ns: int | None | Unset = UNSET
    num_input_tokens: int | None | Unset = UNSET
    num_output_tokens: int | None | Unset = UNSET
    num_total_tokens: int | None | Unset = UNSET
    time_to_first_token_ns: int | None | Unset = UNSET
    num_image_input_tokens: int | None | Unset = UNSET
    num_audio_input_tokens: int | None | Unset = UNSET
    num_audio_output_tokens: int | None | Unset = UNSET
    num_image_output_tokens: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        duration_ns: int | None | Unset
        if isinstance(self.duration_ns, Unset):
            duration_ns = UNSET
        else:
            duration_ns = self.duration_ns

        num_input_tokens: int | None | Unset
        if isinstance(self.num_input_tokens, Unset):
            num_input_tokens = UNSET
        else:
            num_input_tokens = self.num_input_tokens

        num_output_tokens: int | None | Unset
        if isinstance(self.num_output_tokens, Unset):
            num_output_tokens = UNSET
        else:
            num_output_tokens = self.num_output_tokens

        num_total_tokens: int | None | Unset
        if isinstance(self.num_total_tokens, Unset):
            num_total_tokens = UNSET
        else:
            num_total_tokens = self.num_total_tokens

        time_to_first_token_ns: int | None | Unset
        if isinstance(self.time_to_first_token_ns, Unset):
            time_to_first_token_ns = UNSET
        else:
            time_to_first_token_ns = self.time_to_first_token_ns

        num_image_input_tokens: int | None | Unset
        if isinstance(self.num_image_input_tokens, Unset):
            num_image_input_tokens = UNSET
        else:
            num_image_input_tokens = self.num_image_input_tokens

        num_audio_input_tokens: int | None | Unset
        if isinstance(self.num_audio_input_tokens, Unset):
            num_audio_input_tokens = UNSET
        else:
            num_audio_input_tokens = self.num_audio_input_tokens

        num_audio_output_tokens: int | None | Unset
        if isinstance(self.num_audio_output_tokens, Unset):
            num_audio_output_tokens = UNSET
        else:
            num_audio_output_tokens = self.num_audio_output_tokens

        num_image_output_tokens: int | None | Unset
        if isinstance(self.num_image_output_tokens, Unset):
            num_image_output_tokens = UNSET
        else:
            num_image_output_tokens = self.num_image_output_tokens

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if duration_ns is not UNSET:
            field_dict["duration_ns"] = duration_ns
        if num_input_tokens is not UNSET:
            field_dict["num_input_tokens"] = num_input_tokens
        if num_output_tokens is not UNSET:
            field_dict["num_output_tokens"] = num_output_tokens
        if num_total_tokens is not UNSET:
            field_dict["num_total_tokens"] = num_total_tokens
        if time_to_first_token_ns is not UNSET:
            field_dict["time_to_first_token_ns"] = time_to_first_token_ns
        if num_image_input_tokens is not UNSET:
            field_dict["num_image_input_tokens"] = num_image_input_tokens
        if num_audio_input_tokens is not UNSET:
            field_dict["num_audio_input_tokens"] = num_audio_input_tokens
        if num_audio_output_tokens is not UNSET:
            field_dict["num_audio_output_tokens"] = num_audio_output_tokens
        if num_image_output_tokens is not UNSET:
            field_dict["num_image_output_tokens"] = num_image_output_tokens

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_duration_ns(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duration_ns = _parse_duration_ns(d.pop("duration_ns", UNSET))

        def _parse_num_input_tokens(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        num_input_tokens = _parse_num_input_tokens(d.pop("num_input_tokens", UNSET))

        def _parse_num_output_tokens(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        num_output_tokens = _parse_num_output_tokens(d.pop("num_output_tokens", UNSET))

        def _parse_num_total_tokens(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        num_total_tokens = _parse_num_total_tokens(d.pop("num_total_tokens", UNSET))

        def _parse_time_to_first_token_ns(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        time_to_first_token_ns = _parse_time_to_first_token_ns(d.pop("time_to_first_token_ns", UNSET))

        def _parse_num_image_input_tokens(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        num_image_input_tokens = _parse_num_image_input_tokens(d.pop("num_image_input_tokens", UNSET))

        def _parse_num_audio_input_tokens(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        num_audio_input_tokens = _parse_num_audio_input_tokens(d.pop("num_audio_input_tokens", UNSET))

        def _parse_num_audio_output_tokens(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        num_audio_output_tokens = _parse_num_audio_output_tokens(d.pop("num_audio_output_tokens", UNSET))

        def _parse_num_image_output_tokens(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        num_image_output_tokens = _parse_num_image_output_tokens(d.pop("num_image_output_tokens", UNSET))

        metrics = cls(
            duration_ns=duration_ns,
            num_input_tokens=num_input_tokens,
            num_output_tokens=num_output_tokens,
            num_total_tokens=num_total_tokens,
            time_to_first_token_ns=time_to_first_token_ns,
            num_image_input_tokens=num_image_input_tokens,
            num_audio_input_tokens=num_audio_input_tokens,
            num_audio_output_tokens=num_audio_output_tokens,
            num_image_output_tokens=num_image_output_tokens,
        )

        metrics.additional_properties = d
        return metrics

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
