"""JSON Lines, the default format: standard library only, one object per line, exactly ``to_json_dict``.

Why it is the default: every tool reads it, it needs no extra dependency, and it is the format the other formats are
checked against (the tests compare Parquet, DuckDB and CSV with it row for row). Lines are encoded with one shared
compact encoder and written through a large buffer, since this runs once per record.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

from tracebridge.json_codec import dumps_line
from tracebridge.records import Record
from tracebridge.serialization import to_json_dict
from tracebridge.sinks.base import Sink, SinkState
from tracebridge.sinks.manifest import Manifest
from tracebridge.sinks.table_files import TableFilesSink

EXTENSION = ".jsonl"


def json_line(record: Record) -> bytes:
    """One record as one UTF-8 JSON line, newline included."""
    return dumps_line(to_json_dict(record))


class JsonlSink(TableFilesSink):
    """``spans.jsonl``, ``evaluations.jsonl``, ... in ``out_dir``, staged under ``.partial/`` until ``close``.

    ``staging`` overrides where the partial files live (the DuckDB sink keeps its own JSONL journal there).
    """

    format: ClassVar[str] = "jsonl"
    extension: ClassVar[str] = EXTENSION

    def write(self, records: Iterable[Record]) -> None:
        files = {record_type: staged.handle for record_type, staged in self._files.items()}
        rows = self._rows
        for record in records:
            record_type = record.record_type
            files[record_type].write(dumps_line(to_json_dict(record)))
            rows[record_type] += 1

    def restore(self, state: Mapping[str, Any]) -> None:
        for record_type, staged in self._files.items():
            saved = state.get(record_type, {})
            staged.truncate(int(saved.get("bytes", 0)))
            self._rows[record_type] = int(saved.get("rows", 0))

    def flush(self) -> None:
        for staged in self._files.values():
            staged.flush()

    def partial_paths(self) -> dict[str, Path]:
        """The staged file of each record type (complete up to the last write once ``flush`` ran)."""
        return {record_type: staged.partial for record_type, staged in self._files.items()}

    def rows(self) -> dict[str, int]:
        return dict(self._rows)

    def current_paths(self) -> dict[str, Path]:
        """Where each record type's lines are now: the staged file (flushed) while open, the final one once closed.

        The DuckDB sink loads from these when it shares this sink's files instead of keeping its own journal."""
        if self._open:
            self.flush()
            return self.partial_paths()
        return {record_type: staged.final for record_type, staged in self._files.items()}


class JsonlStreamSink(Sink):
    """``--out -``: every record as one JSONL stream on ``stream`` (stdout), told apart by ``record_type``.

    A pipe cannot be rewound, so a stream cannot be resumed: ``restore`` accepts only the empty state.
    """

    format: ClassVar[str] = "jsonl"

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._rows = 0

    def write(self, records: Iterable[Record]) -> None:
        lines = [dumps_line(to_json_dict(record)) for record in records]
        if lines:
            self._stream.write(b"".join(lines))
            self._rows += len(lines)

    def state(self) -> SinkState:
        self._stream.flush()
        return {"rows": self._rows}

    def restore(self, state: Mapping[str, Any]) -> None:
        if int(state.get("rows", 0)) != self._rows:
            raise ValueError("output to stdout (--out -) cannot be resumed; write to a directory to use --resume")

    def close(self, manifest: Manifest | None = None) -> None:
        self._stream.flush()

    def abort(self, *, discard: bool = False) -> None:
        self._stream.flush()

    def files(self) -> list[str]:
        return ["-"]
