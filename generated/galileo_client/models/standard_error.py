from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.standard_error_context_type_0 import StandardErrorContextType0


T = TypeVar("T", bound="StandardError")


@_attrs_define
class StandardError:
    """Structured error from Galileo's error catalog.

    Attributes:
        error_code (int | None | Unset):
        error_type (None | str | Unset):
        error_group (None | str | Unset):
        severity (None | str | Unset):
        message (None | str | Unset):
        user_action (None | str | Unset):
        documentation_link (None | str | Unset):
        retriable (bool | None | Unset):
        blocking (bool | None | Unset):
        http_status_code (int | None | Unset):
        source_service (None | str | Unset):
        context (None | StandardErrorContextType0 | Unset):
    """

    error_code: int | None | Unset = UNSET
    error_type: None | str | Unset = UNSET
    error_group: None | str | Unset = UNSET
    severity: None | str | Unset = UNSET
    message: None | str | Unset = UNSET
    user_action: None | str | Unset = UNSET
    documentation_link: None | str | Unset = UNSET
    retriable: bool | None | Unset = UNSET
    blocking: bool | None | Unset = UNSET
    http_status_code: int | None | Unset = UNSET
    source_service: None | str | Unset = UNSET
    context: None | StandardErrorContextType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.standard_error_context_type_0 import StandardErrorContextType0

        error_code: int | None | Unset
        if isinstance(self.error_code, Unset):
            error_code = UNSET
        else:
            error_code = self.error_code

        error_type: None | str | Unset
        if isinstance(self.error_type, Unset):
            error_type = UNSET
        else:
            error_type = self.error_type

        error_group: None | str | Unset
        if isinstance(self.error_group, Unset):
            error_group = UNSET
        else:
            error_group = self.error_group

        severity: None | str | Unset
        if isinstance(self.severity, Unset):
            severity = UNSET
        else:
            severity = self.severity

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        user_action: None | str | Unset
        if isinstance(self.user_action, Unset):
            user_action = UNSET
        else:
            user_action = self.user_action

        documentation_link: None | str | Unset
        if isinstance(self.documentation_link, Unset):
            documentation_link = UNSET
        else:
            documentation_link = self.documentation_link

        retriable: bool | None | Unset
        if isinstance(self.retriable, Unset):
            retriable = UNSET
        else:
            retriable = self.retriable

        blocking: bool | None | Unset
        if isinstance(self.blocking, Unset):
            blocking = UNSET
        else:
            blocking = self.blocking

        http_status_code: int | None | Unset
        if isinstance(self.http_status_code, Unset):
            http_status_code = UNSET
        else:
            http_status_code = self.http_status_code

        source_service: None | str | Unset
        if isinstance(self.source_service, Unset):
            source_service = UNSET
        else:
            source_service = self.source_service

        context: dict[str, Any] | None | Unset
        if isinstance(self.context, Unset):
            context = UNSET
        elif isinstance(self.context, StandardErrorContextType0):
            context = self.context.to_dict()
        else:
            context = self.context

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if error_code is not UNSET:
            field_dict["error_code"] = error_code
        if error_type is not UNSET:
            field_dict["error_type"] = error_type
        if error_group is not UNSET:
            field_dict["error_group"] = error_group
        if severity is not UNSET:
            field_dict["severity"] = severity
        if message is not UNSET:
            field_dict["message"] = message
        if user_action is not UNSET:
            field_dict["user_action"] = user_action
        if documentation_link is not UNSET:
            field_dict["documentation_link"] = documentation_link
        if retriable is not UNSET:
            field_dict["retriable"] = retriable
        if blocking is not UNSET:
            field_dict["blocking"] = blocking
        if http_status_code is not UNSET:
            field_dict["http_status_code"] = http_status_code
        if source_service is not UNSET:
            field_dict["source_service"] = source_service
        if context is not UNSET:
            field_dict["context"] = context

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.standard_error_context_type_0 import StandardErrorContextType0

        d = dict(src_dict)

        def _parse_error_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        error_code = _parse_error_code(d.pop("error_code", UNSET))

        def _parse_error_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_type = _parse_error_type(d.pop("error_type", UNSET))

        def _parse_error_group(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_group = _parse_error_group(d.pop("error_group", UNSET))

        def _parse_severity(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        severity = _parse_severity(d.pop("severity", UNSET))

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        def _parse_user_action(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_action = _parse_user_action(d.pop("user_action", UNSET))

        def _parse_documentation_link(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        documentation_link = _parse_documentation_link(d.pop("documentation_link", UNSET))

        def _parse_retriable(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        retriable = _parse_retriable(d.pop("retriable", UNSET))

        def _parse_blocking(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        blocking = _parse_blocking(d.pop("blocking", UNSET))

        def _parse_http_status_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        http_status_code = _parse_http_status_code(d.pop("http_status_code", UNSET))

        def _parse_source_service(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_service = _parse_source_service(d.pop("source_service", UNSET))

        def _parse_context(data: object) -> None | StandardErrorContextType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                context_type_0 = StandardErrorContextType0.from_dict(data)

                return context_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StandardErrorContextType0 | Unset, data)

        context = _parse_context(d.pop("context", UNSET))

        standard_error = cls(
            error_code=error_code,
            error_type=error_type,
            error_group=error_group,
            severity=severity,
            message=message,
            user_action=user_action,
            documentation_link=documentation_link,
            retriable=retriable,
            blocking=blocking,
            http_status_code=http_status_code,
            source_service=source_service,
            context=context,
        )

        standard_error.additional_properties = d
        return standard_error

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
