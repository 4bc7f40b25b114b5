"""The one error an adapter raises: a source record that truly cannot be mapped.

Unknown fields and unknown enum values never raise (they pass through to ``extra``). ``MappingError`` is for records
missing what a common record cannot exist without (e.g. a log with no id at all), and carries the source record id
and the field path so the caller can write the record to a rejects file and say why.
"""

from __future__ import annotations

from tracebridge.errors import PicklableError


class MappingError(PicklableError, ValueError):
    """A source record that cannot be mapped; the caller rejects it and carries on with the next one."""

    def __init__(self, message: str, *, record_id: str | None, field_path: str) -> None:
        super().__init__(f"{message} (record {record_id or '<no id>'}, field {field_path})")
        self.record_id = record_id
        self.field_path = field_path
        self.reason = message


class RejectedPart:
    """A part of a record that cannot be mapped (a nested child with no id), rejected alone: the adapter returns it
    among the record's common records instead of raising, so the parent and its other children are kept.

    Not an exception: a record may hold several, and each reaches the rejects with its JSON path.
    """

    __slots__ = ("field_path", "raw", "reason")

    def __init__(self, reason: str, *, field_path: str, raw: object) -> None:
        self.reason = reason
        self.field_path = field_path
        self.raw = raw
