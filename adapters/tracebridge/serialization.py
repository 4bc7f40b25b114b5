"""Common records to JSON-ready dicts and back.

The JSON form is the records' field names with ``provenance`` nested as an object: exactly what ``json_schema``
describes, so a JSONL line validates against ``tracebridge schema``. Field lists are computed once per class from the
attrs definitions (no per-record introspection), because the JSONL sink calls this for every record.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from tracebridge.records import RECORD_CLASSES, SCHEMA_VERSION, Provenance, Record

_FIELDS: dict[type[Any], tuple[str, ...]] = {
    cls: tuple(f.name for f in attrs.fields(cls)) for cls in (*RECORD_CLASSES.values(), Provenance)
}
_INIT_FIELDS: dict[type[Any], frozenset[str]] = {
    cls: frozenset(f.name for f in attrs.fields(cls) if f.init) for cls in (*RECORD_CLASSES.values(), Provenance)
}


def _compile_to_dict(cls: type[Any]) -> Callable[[Any], dict[str, Any]]:
    """``lambda r: {"field": r.field, ..., "provenance": {...}}`` for ``cls``, written out as one dict display.

    Generated once per record class (as attrs generates ``__init__``): a literal dict of attribute loads is several
    times faster than a comprehension of ``getattr`` calls (``docs/benchmarks.md``), and this runs for every record
    every sink writes.
    """
    for name in (*_FIELDS[cls], *_FIELDS[Provenance]):
        if not name.isidentifier():
            raise ValueError(f"{cls.__name__}.{name} is not an identifier")  # never true of attrs fields
    provenance = ", ".join(f"{name!r}: p.{name}" for name in _FIELDS[Provenance])
    fields = ", ".join(
        f"{name!r}: {{{provenance}}}" if name == "provenance" else f"{name!r}: r.{name}" for name in _FIELDS[cls]
    )
    source = f"def to_dict(r):\n    p = r.provenance\n    return {{{fields}}}\n"
    namespace: dict[str, Any] = {}
    exec(compile(source, f"<tracebridge to_json_dict {cls.__name__}>", "exec"), namespace)
    function: Callable[[Any], dict[str, Any]] = namespace["to_dict"]
    return function


_TO_DICT: dict[type[Any], Callable[[Any], dict[str, Any]]] = {
    cls: _compile_to_dict(cls) for cls in RECORD_CLASSES.values()
}


def to_json_dict(record: Record) -> dict[str, Any]:
    """A record as a dict of JSON types (str, int, float, bool, None, list, dict), ready for ``json.dumps``.

    Keys in field order, ``provenance`` where the class declares it, nested as an object."""
    return _TO_DICT[type(record)](record)


class RecordFormatError(ValueError):
    """A JSON object that is not a common record of a known type and schema version."""


def from_json_dict(data: Mapping[str, Any]) -> Record:
    """The record a ``to_json_dict`` output (or a line of a tracebridge JSONL file) describes."""
    record_type = data.get("record_type")
    cls = RECORD_CLASSES.get(record_type) if isinstance(record_type, str) else None
    if cls is None:
        raise RecordFormatError(f"unknown record_type {record_type!r}")
    if data.get("schema_version", SCHEMA_VERSION) != SCHEMA_VERSION:
        raise RecordFormatError(f"unsupported schema_version {data.get('schema_version')!r}")
    provenance = data.get("provenance")
    if not isinstance(provenance, Mapping):
        raise RecordFormatError("provenance must be an object")
    init = _INIT_FIELDS[cls]
    kwargs = {k: v for k, v in data.items() if k in init and k != "provenance"}
    prov_init = _INIT_FIELDS[Provenance]
    try:
        kwargs["provenance"] = Provenance(**{k: v for k, v in provenance.items() if k in prov_init})
        record: Record = cls(**kwargs)
    except TypeError as exc:
        raise RecordFormatError(str(exc)) from exc
    return record
