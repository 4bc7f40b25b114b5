"""``--format otlp-json``: the spans as OTLP JSON lines, for backends fed from files (``traces.otlp.jsonl``).

The file is what the OpenTelemetry Collector's file exporter writes and its ``otlpjsonfilereceiver`` reads: one
``ExportTraceServiceRequest`` a line, as protobuf JSON (camelCase names, enums as integers, 64-bit integers as decimal
strings), trace and span ids as hex as the OTLP/JSON spec asks. The spans are encoded as ``tracebridge send --to otlp``
sends them (``tracebridge.otlp.encoding``): their own ids, parents and times, the record's attributes, where it came
from (``tracebridge.source.*``), and each evaluation that judges the span as a ``gen_ai.evaluation.result`` event on it.

OTLP traces hold spans only: the other record types (sessions, datasets, experiments, definitions) and evaluations of
anything but a span of this output are not in the file; the other ``--format``s of the same run hold them. A span with
no time at all cannot be an OTLP span and is left out (logged); every other format keeps it.

Evaluations may arrive before or after the span they judge, so nothing is encoded until ``finish``: spans and span
judgments are appended to two staged files under ``.partial/otlp-json/`` as they arrive (their byte offsets are the
checkpoint state, so ``--resume`` cuts them back like any other file), and ``finish`` indexes the judgments by span id
in an SQLite file beside them and reads the spans back in order, into lines of at most ``MAX_LINE_BYTES``. Memory
stays flat however large the run; the disk holds one more copy of the spans and judgments until the output is
published.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, ClassVar, Final

from tracebridge.json_codec import dumps_line, dumps_text, loads
from tracebridge.otlp.encoding import (
    SpanEncodingError,
    default_resource,
    proto_span,
    request_line,
    source_attributes,
    span_document,
)
from tracebridge.records import Evaluation, Record, Span
from tracebridge.serialization import from_json_dict, to_json_dict
from tracebridge.sinks.base import Sink, SinkState
from tracebridge.sinks.layout import partial_dir
from tracebridge.sinks.manifest import Manifest
from tracebridge.sinks.staging import Move, StagedFile

FILE_NAME: Final = "traces.otlp.jsonl"
STAGING: Final = "otlp-json"

MAX_LINE_BYTES: Final = 900 << 10
"""The JSON of the spans a line holds: the collector's file reader takes lines up to 1 MiB by default
(``max_log_size``). A span larger than this alone still gets a line of its own."""
READ_SPANS: Final = 500
"""Spans read back, and their judgments looked up, at once."""

logger = logging.getLogger(__name__)


def judges_a_span(record: Record) -> bool:
    return isinstance(record, Evaluation) and record.target_type == "span" and record.span_id is not None


class OtlpJsonSink(Sink):
    """``traces.otlp.jsonl`` in ``out_dir`` (see the module)."""

    format: ClassVar[str] = "otlp-json"

    def __init__(self, out_dir: Path, *, resume: bool = False) -> None:
        self.out_dir = out_dir
        self._staging = partial_dir(out_dir) / STAGING
        self._spans = StagedFile(self._staging / "spans.jsonl", self._staging / "spans.done", resume=resume)
        self._judgments = StagedFile(self._staging / "judgments.jsonl", self._staging / "judgments.done", resume=resume)
        self._rows = {"spans": 0, "judgments": 0}
        self._final = StagedFile(partial_dir(out_dir) / FILE_NAME, out_dir / FILE_NAME)
        self.left_out = 0
        """Spans with no time, not in the file."""

    def write(self, records: Iterable[Record]) -> None:
        for record in records:
            if isinstance(record, Span):
                self._spans.write(dumps_line(to_json_dict(record)))
                self._rows["spans"] += 1
            elif judges_a_span(record):
                self._judgments.write(dumps_line(to_json_dict(record)))
                self._rows["judgments"] += 1

    def state(self) -> SinkState:
        return {
            "spans": {"bytes": self._spans.sync(), "rows": self._rows["spans"]},
            "judgments": {"bytes": self._judgments.sync(), "rows": self._rows["judgments"]},
        }

    def restore(self, state: Mapping[str, Any]) -> None:
        for name, staged in (("spans", self._spans), ("judgments", self._judgments)):
            saved = state.get(name, {})
            staged.truncate(int(saved.get("bytes", 0)))
            self._rows[name] = int(saved.get("rows", 0))

    def finish(self, manifest: Manifest | None = None) -> list[Move]:
        """Join the judgments to their spans and write the final file under ``.partial/`` (see the module)."""
        self._spans.finish()
        self._judgments.finish()
        index = self._staging / "judgments.sqlite"
        index.unlink(missing_ok=True)
        self._final.truncate(0)
        line = _Line()
        with contextlib.closing(sqlite3.connect(index)) as connection:
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            connection.execute("CREATE TABLE judgments (span_id TEXT NOT NULL, line BLOB NOT NULL)")
            connection.executemany("INSERT INTO judgments VALUES (?, ?)", _judgment_rows(self._judgments.partial))
            connection.execute("CREATE INDEX by_span ON judgments (span_id)")
            for spans in _span_batches(self._spans.partial):
                judgments = _judgments_of(connection, spans)
                for span in spans:
                    try:
                        message = proto_span(
                            span, {**span.attributes, **source_attributes(span)}, judgments.get(span.span_id, ())
                        )
                    except SpanEncodingError:
                        self.left_out += 1
                        continue
                    document = span_document(message)
                    size = len(dumps_line(document))
                    if line.size and line.size + size > MAX_LINE_BYTES:
                        self._final.write(line.take())
                    line.add(default_resource(span), document, size)
        if line.size:
            self._final.write(line.take())
        if self.left_out:
            logger.warning("%d spans have no start or end time and are not in %s", self.left_out, FILE_NAME)
        return [self._final.finish()]

    def cleanup(self) -> None:
        for name in ("spans.jsonl", "judgments.jsonl", "judgments.sqlite"):
            (self._staging / name).unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            self._staging.rmdir()

    def abort(self, *, discard: bool = False) -> None:
        for staged in (self._spans, self._judgments, self._final):
            staged.discard() if discard else staged.close()
        if discard:
            self.cleanup()

    def files(self) -> list[str]:
        return [FILE_NAME]


class _Line:
    """The spans of the line being filled, by resource, and their JSON size."""

    def __init__(self) -> None:
        self.by_resource: dict[str, tuple[dict[str, Any], list[dict[str, Any]]]] = {}
        self.size = 0

    def add(self, resource: dict[str, Any], span: dict[str, Any], size: int) -> None:
        self.by_resource.setdefault(dumps_text(resource), (resource, []))[1].append(span)
        self.size += size

    def take(self) -> bytes:
        line = request_line(self.by_resource.values())
        self.by_resource, self.size = {}, 0
        return line


def _judgments_of(connection: sqlite3.Connection, spans: list[Span]) -> dict[str, list[Evaluation]]:
    ids = [span.span_id for span in spans]
    found: dict[str, list[Evaluation]] = {}
    marks = ", ".join("?" * len(ids))
    for span_id, line in connection.execute(
        f"SELECT span_id, line FROM judgments WHERE span_id IN ({marks}) ORDER BY rowid", ids
    ):
        evaluation = from_json_dict(loads(line))
        assert isinstance(evaluation, Evaluation)
        found.setdefault(span_id, []).append(evaluation)
    return found


def _judgment_rows(path: Path) -> Iterator[tuple[str, bytes]]:
    with path.open("rb") as lines:
        for line in lines:
            span_id = loads(line).get("span_id")
            yield str(span_id), line


def _span_batches(path: Path) -> Iterator[list[Span]]:
    """The staged spans in order, ``READ_SPANS`` at a time."""
    batch: list[Span] = []
    with path.open("rb") as lines:
        for line in lines:
            span = from_json_dict(loads(line))
            assert isinstance(span, Span)
            batch.append(span)
            if len(batch) >= READ_SPANS:
                yield batch
                batch = []
    if batch:
        yield batch
