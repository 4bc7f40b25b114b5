"""CSV, for spreadsheets and tools that read nothing else: one file per record type, one column per record field.

Columns follow the record classes' field order (``tracebridge.sinks.columns``), with a header row. Scalars are
written plainly (booleans as ``true``/``false``, timestamps as the integer nanoseconds); ``provenance`` and every
free-form field (``attributes``, ``extra``, ...) are compact JSON text in one cell. A null is an empty cell; CSV has no
other way to say it, so an empty string is also an empty cell (the one thing CSV cannot round-trip; the other formats
keep it).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, ClassVar

from tracebridge.records import Record
from tracebridge.sinks.columns import Column, columns, provenance_dict, to_json_text
from tracebridge.sinks.layout import TABLES
from tracebridge.sinks.table_files import TableFilesSink

EXTENSION = ".csv"


def _cell_writer(column: Column) -> Callable[[Any], str | None]:
    if column.kind == "json":
        return to_json_text
    if column.kind == "provenance":
        return lambda value: to_json_text(provenance_dict(value))
    if column.kind == "bool":
        return lambda value: None if value is None else ("true" if value else "false")
    return lambda value: value  # str, int or None: the csv module writes None as an empty cell


def _encode(rows: list[list[Any]]) -> bytes:
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    return text.getvalue().encode("utf-8")


class CsvSink(TableFilesSink):
    format: ClassVar[str] = "csv"
    extension: ClassVar[str] = EXTENSION

    def __init__(self, out_dir: Path, *, resume: bool = False) -> None:
        super().__init__(out_dir, resume=resume)
        self._plans = {
            record_type: tuple((column.name, _cell_writer(column)) for column in columns(record_type))
            for record_type in TABLES
        }
        self._headers = {
            record_type: _encode([[name for name, _ in plan]]) for record_type, plan in self._plans.items()
        }
        if not resume:
            for record_type, staged in self._files.items():
                staged.write(self._headers[record_type])

    def write(self, records: Iterable[Record]) -> None:
        batches: dict[str, list[list[Any]]] = {}
        for record in records:
            record_type = record.record_type
            plan = self._plans[record_type]
            batches.setdefault(record_type, []).append([cell(getattr(record, name)) for name, cell in plan])
        for table, rows in batches.items():
            self._files[table].write(_encode(rows))
            self._rows[table] += len(rows)

    def restore(self, state: Mapping[str, Any]) -> None:
        for record_type, staged in self._files.items():
            saved = state.get(record_type)
            if saved is None:  # nothing was checkpointed: start over from the header
                staged.truncate(0)
                staged.write(self._headers[record_type])
                self._rows[record_type] = 0
            else:
                staged.truncate(int(saved["bytes"]))
                self._rows[record_type] = int(saved["rows"])
