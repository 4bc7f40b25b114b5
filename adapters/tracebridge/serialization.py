"""Common records to JSON-ready dicts and back.

The JSON form is the records' field names with ``provenance`` nested as an object: exactly what ``json_schema``
describes, so a JSONL line validates against ``tracebridge schema``. Field lists are computed once per class from the
attrs definitions (no per-record introspection), because the JSONL sink calls this for every record.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from tracebridge.records import RECORD_CLASSES, SCHEMA_VERSION, Provenance, Record

_FIELDS: dict[type[Any], tuple[str, ...]] = {
    cls: tuple(f.name for f in attrs.fields(cls)) for cls in (*RECORD_CLASSES.values(), Provenance)
}
_INIT_FIELDS: dict[type[Any], frozenset[str]] = {
    cls: frozenset(f.name for f in attrs.fields(cls) if f.init) for cls in (*RECORD_CLASSES.values(), Provenance)
}


def to_json_dict(record: Record) -> dict[str, Any]:
    """A record as a dict of JSON types (str, int, float, bool, None, list, dict), ready for ``json.dumps``."""
    out = {name: getattr(record, name) for name in _FIELDS[type(record)]}
    provenance = record.provenance
    out["provenance"] = {name: getattr(provenance, name) for name in _FIELDS[Provenance]}
    return out


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
