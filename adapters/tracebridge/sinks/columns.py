"""The columns of the tabular formats (CSV, Parquet, DuckDB), derived from the attrs record classes.

Derived rather than listed so a field added to a record shows up in every format with no second edit, in the class's
field order (stable across runs and versions). Each field gets one kind:

- ``string``, ``int``, ``bool``: scalar fields (``Literal`` enums are strings);
- ``provenance``: the ``Provenance`` object, a struct of strings where the format has structs;
- ``json``: everything free-form (``attributes``, ``extra``, ``input``, ``expected_output``, ...), as compact JSON
  text. Attribute maps are open-ended (any key, any JSON value), so no fixed struct could hold them without loss.

Integer ``*_unix_nano`` fields additionally get a time column named without the suffix (``start_time_unix_nano`` ->
``start_time``): a UTC timestamp in Parquet and DuckDB, ISO-8601 text in CSV. The raw integer stays, because it
carries the full nanosecond precision some engines drop.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, Literal

import attrs

from tracebridge.records import RECORD_CLASSES, Provenance, Record
from tracebridge.sinks.text import escape_text, json_text

Kind = Literal["string", "int", "bool", "json", "provenance"]

TIMESTAMP_SUFFIX = "_unix_nano"

PROVENANCE_FIELDS: tuple[str, ...] = tuple(f.name for f in attrs.fields(Provenance))
PROVENANCE_REQUIRED: frozenset[str] = frozenset(f.name for f in attrs.fields(Provenance) if f.default is attrs.NOTHING)


@attrs.frozen
class Column:
    name: str
    kind: Kind
    nullable: bool
    timestamp: str | None = None
    """For an integer ``*_unix_nano`` field: the name of its derived timestamp column."""


def _classify(annotation: Any) -> tuple[Kind, bool]:
    nullable = False
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        members = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        nullable = len(members) < len(typing.get_args(annotation))
        if len(members) != 1:
            return "json", True
        annotation = members[0]
    if annotation is Provenance:
        return "provenance", nullable
    if annotation is str or typing.get_origin(annotation) is Literal:
        return "string", nullable
    if annotation is bool:
        return "bool", nullable
    if annotation is int:
        return "int", nullable
    return "json", True


@cache
def columns(record_type: str) -> tuple[Column, ...]:
    """The columns of one record type, in field order."""
    cls = RECORD_CLASSES[record_type]
    hints = typing.get_type_hints(cls)
    out: list[Column] = []
    for field in attrs.fields(cls):
        kind, nullable = _classify(hints[field.name])
        timestamp = None
        if kind == "int" and field.name.endswith(TIMESTAMP_SUFFIX):
            timestamp = field.name.removesuffix(TIMESTAMP_SUFFIX)
        out.append(Column(field.name, kind, nullable, timestamp))
    return tuple(out)


def to_json_text(value: Any) -> str | None:
    """JSON text for a ``json`` column, lone surrogates escaped (``sinks.text``); None stays None (a SQL NULL, an
    empty CSV cell)."""
    return None if value is None else json_text(value)


def provenance_dict(provenance: Provenance) -> dict[str, str | None]:
    return {name: getattr(provenance, name) for name in PROVENANCE_FIELDS}


def escaped_strings(values: list[Any]) -> list[Any]:
    """``values`` with lone surrogates escaped in every string, for a writer whose plain encoding refused one."""
    return [escape_text(value) if isinstance(value, str) else value for value in values]


def _converter(kind: Kind) -> Callable[[Any], Any] | None:
    if kind == "json":
        return to_json_text
    if kind == "provenance":
        return provenance_dict
    return None


@cache
def _plan(record_type: str) -> tuple[tuple[str, Callable[[Any], Any] | None], ...]:
    return tuple((column.name, _converter(column.kind)) for column in columns(record_type))


def column_values(record: Record) -> list[Any]:
    """A record's values in column order: JSON columns as text, provenance as a dict, scalars as they are."""
    out: list[Any] = []
    for name, convert in _plan(record.record_type):
        value = getattr(record, name)
        out.append(value if convert is None else convert(value))
    return out
