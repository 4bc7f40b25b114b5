"""How Galileo records sit in files: the three ``export_format`` bodies, saved as files.

``jsonl`` and ``jsonl_flat`` files are read by ``tracebridge.imports`` as JSON lines; a CSV file is assembled into rows
by the same assembler the API stream uses, so a file yields exactly the records the stream would.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Final

from tracebridge.delivery.kinds import always
from tracebridge.delivery.raw import RawRecord
from tracebridge.delivery.shapes import FileShape
from tracebridge.galileo import formats
from tracebridge.galileo.csv_rows import csv_rows
from tracebridge.galileo.kinds import GALILEO_RECORD, GALILEO_ROW


def csv_file_records(name: str, lines: Iterable[tuple[int, str]]) -> Iterator[RawRecord]:
    """The records of a Galileo CSV file, one per row, located by the row's first line."""
    for row in csv_rows(lines):
        yield RawRecord(f"{name}:{row.line}", row.cells, text=row.text, problem=row.problem)


SHAPES: Final[dict[str, FileShape]] = {
    formats.JSONL: FileShape(formats.JSONL, "json", always(GALILEO_RECORD)),
    formats.JSONL_FLAT: FileShape(formats.JSONL_FLAT, "json", always(GALILEO_RECORD)),
    formats.CSV: FileShape(formats.CSV, "lines", always(GALILEO_ROW), line_records=csv_file_records),
}
