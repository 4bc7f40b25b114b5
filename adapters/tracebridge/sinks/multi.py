"""One output directory in several formats at once: the object the CLI writes to.

Why one object over the format sinks rather than a list the CLI loops over: the things that must happen exactly once
per directory live here. ``rejects.jsonl`` is written once whatever the formats; records are counted once per type for
the manifest; a record one format would refuse and another keep (an integer beyond 64 bits, ``int_range``) is
rejected here, for all of them; ``close`` publishes every format's files and ``manifest.json`` in one step, the
manifest last, or nothing at all (``tracebridge.sinks.publish``), so its presence means the whole directory is one
finished run; and the checkpoint state of all formats is taken and restored together, so a resumed run cuts every file
back to the same record.

A resumed output (``resume=True``) must be cut back with ``restore`` before the first record or reject is written.

Records may be written one at a time: they are buffered and handed to the format sinks in batches (the columnar sinks
convert a batch at a time), and ``state`` flushes the buffer first, so a checkpoint never claims a record still in
memory. Records mapped in worker processes arrive already encoded (``write_encoded``, with the ``encoder`` this
output gives them): buffered and flushed at the same points, so the files are the same bytes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TextIO

from tracebridge.delivery.rejects import Reject
from tracebridge.records import Record
from tracebridge.sinks.base import Sink, SinkState
from tracebridge.sinks.encoded import EncodedRecords, RecordEncoder
from tracebridge.sinks.int_range import out_of_range_field, reject_for
from tracebridge.sinks.layout import MANIFEST_FILE, REJECTS_FILE, TABLES, partial_dir
from tracebridge.sinks.manifest import Manifest, stage_manifest
from tracebridge.sinks.publish import publish_together
from tracebridge.sinks.staging import Move, StagedFile
from tracebridge.sinks.text import json_line

BATCH_SIZE = 4096
"""Records buffered before they go to the format sinks: large enough to amortise a columnar conversion, small enough
to keep memory flat."""

STATE_VERSION = 2
"""2: CSV gained ISO time columns and Parquet's JSON columns became plain strings; files staged by an older run
cannot be continued into the new layout (a resume says so and starts over with --overwrite)."""


class ResumeMismatchError(ValueError):
    """The checkpoint's sink state does not fit this output (another set of formats, or files that were changed)."""


class MultiSink:
    """Several format sinks writing one output directory (or, with ``out_dir=None``, one stream).

    ``reject_stream`` is where rejects go when there is no directory (``--out -``): one JSON object per line.
    """

    def __init__(
        self,
        out_dir: Path | None,
        sinks: Sequence[Sink],
        *,
        resume: bool = False,
        reject_stream: TextIO | None = None,
    ) -> None:
        if not sinks:
            raise ValueError("at least one output format is needed")
        self.out_dir = out_dir
        self.sinks = list(sinks)
        self.counts: dict[str, int] = dict.fromkeys(TABLES, 0)
        self.rejected = 0
        self._buffer: list[Record] = []
        self._encoded: list[EncodedRecords] = []
        self._encoded_rows = 0
        self._reject_stream = reject_stream
        self._rejects: StagedFile | None = None
        self._open = True
        self._awaiting_restore = resume
        if out_dir is not None:
            self._rejects = StagedFile(partial_dir(out_dir) / REJECTS_FILE, out_dir / REJECTS_FILE, resume=resume)

    @property
    def formats(self) -> list[str]:
        return [sink.format for sink in self.sinks]

    def encoder(self) -> RecordEncoder | None:
        """What a process that maps records encodes them with for ``write_encoded``: the encodings of every format
        of this output (None if one of them takes records only)."""
        if any(type(sink).write_encoded is Sink.write_encoded for sink in self.sinks):
            return None
        return RecordEncoder(frozenset().union(*(sink.encodings for sink in self.sinks)))

    def write_encoded(self, encoded: EncodedRecords) -> None:
        """Append rows ``encoder()`` encoded (in a worker process); buffered and flushed as ``write``'s records."""
        self._check_open()
        self._check_restored()
        if self._buffer:  # keep the order of records written before
            self._flush()
        self._encoded.append(encoded)
        self._encoded_rows += len(encoded)
        if self._encoded_rows >= BATCH_SIZE:
            self._flush()

    def write(self, records: Iterable[Record]) -> None:
        """Append records (any iterable, one record is fine); they reach the files by the next ``state``/``close``."""
        self._check_open()
        self._check_restored()
        if self._encoded:  # keep the order of rows written encoded before
            self._flush()
        if isinstance(records, list | tuple):  # a page's records (the pipeline's case): one extend, not an append each
            self._buffer.extend(records)
            if len(self._buffer) >= BATCH_SIZE:
                self._flush()
            return
        for record in records:  # any other iterable may be long or endless: buffer it a batch at a time
            # Not a local alias of the buffer: ``_flush`` replaces it, and appends to the old list would be lost.
            self._buffer.append(record)
            if len(self._buffer) >= BATCH_SIZE:
                self._flush()

    def write_one(self, record: Record) -> None:
        self.write((record,))

    def _flush(self) -> None:
        if self._encoded:
            self._flush_encoded()
        if not self._buffer:
            return
        batch, self._buffer = self._buffer, []
        for index, record in enumerate(batch):
            if out_of_range_field(record) is not None:
                batch = self._reject_out_of_range(batch, index)
                break
        for sink in self.sinks:
            sink.write(batch)
        counts = self.counts
        for record in batch:
            counts[record.record_type] += 1

    def _flush_encoded(self) -> None:
        chunks, self._encoded, self._encoded_rows = self._encoded, [], 0
        rows = EncodedRecords.concat(chunks)
        if rows.refused:  # as ``_reject_out_of_range``: each refused row to the rejects, in order, none to a format
            refused = rows.refused
            for index in sorted(refused):
                self.reject(refused[index])
            rows = rows.select([index not in refused for index in range(len(rows))])
        for sink in self.sinks:
            sink.write_encoded(rows)
        counts = self.counts
        for record_type in rows.types:
            counts[record_type] += 1

    def _reject_out_of_range(self, batch: list[Record], first: int) -> list[Record]:
        """``batch`` without the records from ``first`` on that no format could hold; those go to the rejects."""
        kept = batch[:first]
        for record in batch[first:]:
            field = out_of_range_field(record)
            if field is None:
                kept.append(record)
            else:
                self.reject(reject_for(record, field))
        return kept

    def reject(self, reject: Reject) -> None:
        """Keep a record that could not be parsed or mapped, with its raw text and the reason."""
        self._check_open()
        self._check_restored()
        line = json_line(reject.to_dict())
        if self._rejects is not None:
            self._rejects.write(line)
        elif self._reject_stream is not None:
            self._reject_stream.write(line.decode("utf-8"))
        self.rejected += 1

    def state(self) -> SinkState:
        """Everything written so far, flushed and fsynced; the JSON the checkpoint stores."""
        self._check_open()
        self._check_restored()
        self._flush()
        return {
            "version": STATE_VERSION,
            "counts": dict(self.counts),
            "rejected": self.rejected,
            "rejects_bytes": self._rejects.sync() if self._rejects is not None else None,
            "formats": {sink.format: sink.state() for sink in self.sinks},
        }

    def restore(self, state: Mapping[str, Any]) -> None:
        """Cut every file back to ``state`` (``{}``: to nothing), dropping what a killed run wrote after it."""
        self._check_open()
        self._buffer.clear()
        self._encoded, self._encoded_rows = [], 0
        self._restore(state)
        self._awaiting_restore = False

    def _restore(self, state: Mapping[str, Any]) -> None:
        if not state:
            for sink in self.sinks:
                sink.restore({})
            if self._rejects is not None:
                self._rejects.truncate(0)
            self.counts = dict.fromkeys(TABLES, 0)
            self.rejected = 0
            return
        if state.get("version") != STATE_VERSION:
            raise ResumeMismatchError(
                f"the interrupted run staged its files in layout {state.get('version')!r}, this tracebridge writes "
                f"layout {STATE_VERSION}: finish it with the version that started it, or start over with --overwrite"
            )
        saved: Mapping[str, Any] = state.get("formats", {})
        if sorted(saved) != sorted(self.formats):
            raise ResumeMismatchError(
                f"the interrupted run wrote formats {sorted(saved)}, this one asks for {sorted(self.formats)}: "
                "resume with the same --format options, or start over without --resume"
            )
        for sink in self.sinks:
            sink.restore(saved[sink.format])
        if self._rejects is not None:
            self._rejects.truncate(int(state.get("rejects_bytes") or 0))
        self.counts = {record_type: int(state.get("counts", {}).get(record_type, 0)) for record_type in TABLES}
        self.rejected = int(state.get("rejected", 0))

    def files(self) -> dict[str, list[str]]:
        """Published file names per format (and ``rejects``), relative to the output directory."""
        out = {sink.format: sink.files() for sink in self.sinks}
        if self._rejects is not None:
            out["rejects"] = [REJECTS_FILE]
        return out

    def close(self, manifest: Manifest | None = None) -> Path | None:
        """Publish every format's files, ``rejects.jsonl`` and ``manifest.json`` (last) in one step; returns its path.

        First every format builds its final files under ``.partial/`` (``Sink.finish``: the DuckDB database, the
        joined Parquet files) and the manifest is written there too; until then no final name changes, so a failure
        (the DuckDB build, a full disk) leaves the previous run's files and manifest as they were. Then everything is
        renamed into place, the manifest last, and a rename that fails undoes the others. On failure the output is
        aborted with its staged files kept. With no ``manifest`` given a minimal one is written (source unknown); the
        CLI passes the real one.
        """
        if not self._open:
            return None
        self._check_restored()
        try:
            self._flush()
            moves = [move for sink in self.sinks for move in sink.finish(manifest)]
            if self._rejects is not None:
                moves.append(self._rejects.finish())
            seal = self._stage_manifest(manifest)
            publish_together(moves, seal=seal)
        except BaseException:
            self.abort()
            raise
        self._open = False
        for sink in self.sinks:
            sink.cleanup()
        if self.out_dir is None or seal is None:
            return None
        _remove_if_empty(partial_dir(self.out_dir))
        return seal.final

    def _stage_manifest(self, manifest: Manifest | None) -> Move | None:
        """The manifest, complete with counts and file names, written under ``.partial/`` to be published last."""
        if self.out_dir is None:
            return None
        manifest = manifest if manifest is not None else Manifest(source="unknown")
        manifest.counts = dict(self.counts)
        manifest.rejects = self.rejected
        manifest.formats = self.formats
        manifest.files = self.files()
        if manifest.finished_at is None:
            manifest.finished_at = dt.datetime.now(dt.UTC)
        staged = partial_dir(self.out_dir) / MANIFEST_FILE
        stage_manifest(staged, manifest)
        return Move(staged, self.out_dir / MANIFEST_FILE)

    def abort(self, *, discard: bool = False) -> None:
        """Stop without publishing anything. The staged files stay under ``.partial/`` for ``--resume``, unless
        ``discard``. Records still buffered are dropped: they were never covered by a checkpoint."""
        if not self._open:
            return
        self._buffer.clear()
        self._encoded, self._encoded_rows = [], 0
        for sink in self.sinks:
            sink.abort(discard=discard)
        if self._rejects is not None:
            self._rejects.discard() if discard else self._rejects.close()
        if self.out_dir is not None:
            (partial_dir(self.out_dir) / MANIFEST_FILE).unlink(missing_ok=True)  # staged for a publish that failed
        self._open = False
        if discard and self.out_dir is not None:
            _remove_if_empty(partial_dir(self.out_dir))

    def _check_open(self) -> None:
        if not self._open:
            raise ValueError("the output is already closed")

    def _check_restored(self) -> None:
        if self._awaiting_restore:
            raise ValueError("a resumed output must be restored (restore(checkpoint state), or {}) before writing")

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        """Leaving the block without ``close`` (an exception, a kill) aborts, keeping the partial files."""
        self.abort()


def _remove_if_empty(directory: Path) -> None:
    """Remove the staging tree if nothing is left in it (another tool's or a checkpoint's files keep it)."""
    if not directory.is_dir():
        return
    for path in sorted(directory.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        if path.is_dir():
            with contextlib.suppress(OSError):
                path.rmdir()
    with contextlib.suppress(OSError):
        directory.rmdir()
