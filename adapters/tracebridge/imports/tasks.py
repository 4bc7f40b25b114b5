"""One file to read, with its shape, and reading it into raw records by the shape's layout."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import attrs

from tracebridge.delivery.raw import RawRecord
from tracebridge.delivery.shapes import FileShape
from tracebridge.errors import FileLayoutError
from tracebridge.imports.errors import ImportFormatError
from tracebridge.imports.inputs import Pipe, Readable
from tracebridge.imports.json_records import TotalSink, document_records, json_records
from tracebridge.imports.textfile import escaped, read_lines


@attrs.frozen
class ImportPlan:
    """What an import reads, the counts its files promise, and what they already say went wrong."""

    tasks: list[FileTask]
    owed: dict[str, int] = attrs.field(factory=dict)
    problems: list[str] = attrs.field(factory=list)

    def close(self) -> None:
        """Let go of the pipes read (their spools): once the import has read them, or when it cannot start."""
        for task in self.tasks:
            if task.pipe is not None:
                task.pipe.close()


@attrs.frozen
class FileTask:
    path: Path
    shape: FileShape
    group: int = 0
    """Which of the paths the caller named it came from (the job lists the formats found per named path)."""
    owed_to: str | None = None
    """The count its records are part of, when its source says one (an export's ``datapoints_count``...)."""
    pipe: Pipe | None = None
    """When ``path`` is a pipe (a FIFO, ``/dev/stdin``): the one reading of it, which every pass replays."""

    @property
    def input(self) -> Readable:
        """What to read: the pipe, or the file at ``path``."""
        return self.pipe if self.pipe is not None else self.path

    def read(self, on_total: TotalSink | None = None) -> Iterator[RawRecord]:
        """The file's records in order; page totals (``json`` layouts) go to ``on_total``."""
        shape, path = self.shape, self.path
        if shape.layout == "document":
            yield from document_records(self.input)
        elif shape.layout == "json":
            yield from json_records(self.input, on_total)
        else:
            if shape.line_records is None:
                raise ImportFormatError(path, f"the {shape.format} shape reads lines but says not how")
            # Bytes that are not UTF-8 arrive as surrogate escapes: the row holding them is rejected, showing them.
            lines = ((line.number, escaped(line.data)) for line in read_lines(self.input))
            try:
                yield from shape.line_records(str(path), lines)
            except FileLayoutError as exc:
                raise ImportFormatError(path, str(exc)) from None
