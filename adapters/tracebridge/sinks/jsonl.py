"""JSON Lines, the default format: standard library only, one object per line, exactly ``to_json_dict``.

Why it is the default: every tool reads it, it needs no extra dependency, and it is the format the other formats are
checked against (the tests compare Parquet, DuckDB and CSV with it row for row). Lines are encoded with one shared
compact encoder and written through a large buffer, since this runs once per record. A lone surrogate is written as
its six-character escape, as in every format (``tracebridge.sinks.text``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

from tracebridge.records import Record
from tracebridge.serialization import to_json_dict
from tracebridge.sinks.base import Encoded, Sink, SinkState
from tracebridge.sinks.manifest import Manifest
from tracebridge.sinks.staging import Move
from tracebridge.sinks.table_files import TableFilesSink
from tracebridge.sinks.text import json_line as encode_line

EXTENSION = ".jsonl"


def json_line(record: Record) -> bytes:
    """One record as one UTF-8 JSON line, newline included."""
    return encode_line(to_json_dict(record))


class JsonlSink(TableFilesSink):
    """``spans.jsonl``, ``evaluations.jsonl``, ... in ``out_dir``, staged under ``.partial/`` until ``close``.

    ``staging`` overrides where the partial files live (the DuckDB sink keeps its own JSONL journal there).
    """

    format: ClassVar[str] = "jsonl"
    extension: ClassVar[str] = EXTENSION
    encodings: ClassVar[frozenset[str]] = frozenset({"jsonl"})

    def write(self, records: Iterable[Record]) -> None:
        files = {record_type: staged.handle for record_type, staged in self._files.items()}
        rows = self._rows
        for record in records:
            record_type = record.record_type
            files[record_type].write(encode_line(to_json_dict(record)))
            rows[record_type] += 1

    def write_encoded(self, encoded: Encoded) -> None:
        assert encoded.lines is not None, "encoded without the jsonl encoding"
        files = {record_type: staged.handle for record_type, staged in self._files.items()}
        rows = self._rows
        for record_type, line in zip(encoded.types, encoded.lines, strict=True):
            files[record_type].write(line)
            rows[record_type] += 1

    def restore(self, state: Mapping[str, Any]) -> None:
        for record_type, staged in self._files.items():
            saved = state.get(record_type, {})
            staged.truncate(int(saved.get("bytes", 0)))
            self._rows[record_type] = int(saved.get("rows", 0))

    def flush(self) -> None:
        for staged in self._files.values():
            if not staged.closed:
                staged.flush()

    def partial_paths(self) -> dict[str, Path]:
        """The staged file of each record type (complete up to the last write once ``flush`` ran)."""
        return {record_type: staged.partial for record_type, staged in self._files.items()}

    def rows(self) -> dict[str, int]:
        return dict(self._rows)

    def current_paths(self) -> dict[str, Path]:
        """Each record type's staged file, flushed: complete up to the last write, also once ``finish`` closed it.

        The DuckDB sink loads from these when it shares this sink's files instead of keeping its own journal; the
        output publishes after every format finished, so they are still under ``.partial/`` then."""
        self.flush()
        return self.partial_paths()


class JsonlStreamSink(Sink):
    """``--out -``: every record as one JSONL stream on ``stream`` (stdout), told apart by ``record_type``.

    A pipe cannot be rewound, so a stream cannot be resumed: ``restore`` accepts only the empty state.
    """

    format: ClassVar[str] = "jsonl"
    encodings: ClassVar[frozenset[str]] = frozenset({"jsonl"})

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._rows = 0

    def write(self, records: Iterable[Record]) -> None:
        lines = [encode_line(to_json_dict(record)) for record in records]
        if lines:
            self._stream.write(b"".join(lines))
            self._rows += len(lines)

    def write_encoded(self, encoded: Encoded) -> None:
        assert encoded.lines is not None, "encoded without the jsonl encoding"
        if encoded.lines:
            self._stream.write(b"".join(encoded.lines))
            self._rows += len(encoded.lines)

    def state(self) -> SinkState:
        self._stream.flush()
        return {"rows": self._rows}

    def restore(self, state: Mapping[str, Any]) -> None:
        if int(state.get("rows", 0)) != self._rows:
            raise ValueError("output to stdout (--out -) cannot be resumed; write to a directory to use --resume")

    def finish(self, manifest: Manifest | None = None) -> list[Move]:
        self._stream.flush()
        return []

    def abort(self, *, discard: bool = False) -> None:
        self._stream.flush()

    def files(self) -> list[str]:
        return ["-"]
