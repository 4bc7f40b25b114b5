"""Integers every format can hold: a record with an integer field outside int64 is rejected whole, with the reason.

JSONL and CSV write any integer; Parquet (``OverflowError``) and DuckDB (a cast error when the database is built)
cannot hold one beyond 64 bits, and OTLP's times are fixed64. The adapters never produce such a value
(``tracebridge.mapping.timing`` keeps every time in range and leaves an out-of-range one in ``extra``), but a library
user building records by hand can. The formats of one output must hold the same records, so ``MultiSink`` checks once,
before a batch reaches any format, and sends such a record to ``rejects.jsonl`` (the whole record as JSON, the field,
and why) rather than crash the run or drop the value. A format sink used on its own raises ``IntegerOutOfRangeError``
naming the field instead.
"""

from __future__ import annotations

from functools import cache

from tracebridge.delivery.rejects import Reject
from tracebridge.mapping.timing import MAX_UNIX_NANO, MIN_UNIX_NANO
from tracebridge.records import Record
from tracebridge.serialization import to_json_dict
from tracebridge.sinks.columns import TIMESTAMP_SUFFIX, columns
from tracebridge.sinks.text import json_text

SOURCE = "tracebridge output check"
"""The ``source`` of a reject made here: not a vendor endpoint or file line, but the output refusing the record."""


class IntegerOutOfRangeError(ValueError):
    """A record reached a format sink with an integer field its int64 column cannot hold."""


@cache
def integer_fields(record_type: str) -> tuple[str, ...]:
    return tuple(column.name for column in columns(record_type) if column.kind == "int")


def out_of_range_field(record: Record) -> str | None:
    """The first integer field of ``record`` outside int64, or None (the common case, checked cheaply)."""
    for name in integer_fields(record.record_type):
        value = getattr(record, name)
        if value is not None and not MIN_UNIX_NANO <= value <= MAX_UNIX_NANO:
            return name
    return None


def describe(record: Record, field: str) -> str:
    """Why the record cannot be written, naming the field and its value."""
    value = getattr(record, field)
    what = "a time before 1677-09-21 or after 2262-04-11" if field.endswith(TIMESTAMP_SUFFIX) else "an integer"
    return (
        f"{record.record_type} field {field} = {value} is {what} outside the signed 64-bit range "
        f"({MIN_UNIX_NANO}..{MAX_UNIX_NANO}) that OTLP, Parquet and DuckDB hold; the whole record is kept here instead"
    )


def reject_for(record: Record, field: str) -> Reject:
    """The reject that keeps ``record`` whole when ``field`` does not fit."""
    provenance = record.provenance
    return Reject(
        source=SOURCE,
        reason=describe(record, field),
        raw=json_text(to_json_dict(record)),
        source_id=provenance.source_id,
        field=field,
    )


def check(record: Record) -> None:
    """Raise ``IntegerOutOfRangeError`` if ``record`` has an integer field outside int64."""
    field = out_of_range_field(record)
    if field is not None:
        raise IntegerOutOfRangeError(describe(record, field))
