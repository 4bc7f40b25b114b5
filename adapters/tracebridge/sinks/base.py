"""The interface every output format implements, so the CLI drives one, or several at once, the same way.

The life of a sink: ``write`` batches of records (and ``reject`` what could not be mapped); ``state`` whenever the
export checkpoints; then ``close`` to publish the files, or ``abort`` when the run fails. Nothing appears under its
final name before ``close``. ``close`` is ``finish`` (build every final file under ``.partial/``: the DuckDB database,
the joined Parquet files), one publishing step (``tracebridge.sinks.publish``), then ``cleanup``; ``MultiSink`` calls
the three itself, so that all formats publish in one step with the manifest, or none does. A resumed run opens the
sink with ``resume=True`` and calls ``restore`` with the state the checkpoint saved, which cuts away whatever the
killed run wrote after that checkpoint, so no record is written twice and none is lost.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from types import TracebackType
from typing import Any, ClassVar, Protocol, Self

from tracebridge.delivery.rejects import Reject
from tracebridge.records import Record
from tracebridge.sinks.manifest import Manifest
from tracebridge.sinks.publish import publish_together
from tracebridge.sinks.staging import Move

SinkState = dict[str, Any]
"""JSON-ready (the checkpoint stores it as JSON): per-file byte offsets, row counts, part lists."""


class Encoded(Protocol):
    """Rows already encoded by the process that mapped them (``tracebridge.sinks.encoded.EncodedRecords``): each
    row's record type, JSONL line and CSV row, and per record type its Arrow record batches."""

    types: list[str]
    lines: list[bytes] | None
    csv_rows: list[bytes] | None
    arrow: dict[str, list[Any]] | None


class Sink(ABC):
    format: ClassVar[str]
    """The ``--format`` name: jsonl, csv, parquet or duckdb."""
    encodings: ClassVar[frozenset[str]] = frozenset()
    """What ``write_encoded`` reads of encoded rows: ``jsonl`` lines, ``csv`` rows, ``arrow`` batches."""

    @abstractmethod
    def write(self, records: Iterable[Record]) -> None:
        """Append records; each goes to its record type's file or table."""

    def write_encoded(self, encoded: Encoded) -> None:
        """Append rows encoded elsewhere (``encodings`` says which encodings they must carry): the same bytes
        ``write`` would write for their records."""
        raise NotImplementedError(f"the {self.format} sink takes records only")

    def reject(self, reject: Reject) -> None:  # noqa: B027 - optional hook, a no-op by design
        """Record a reject. Format sinks ignore it: ``MultiSink`` writes the one ``rejects.jsonl`` for all formats."""

    @abstractmethod
    def state(self) -> SinkState:
        """A durable point to come back to: everything written so far is on disk when this returns."""

    @abstractmethod
    def restore(self, state: Mapping[str, Any]) -> None:
        """Drop everything written after ``state`` (``{}``: everything), so writing continues from there."""

    @abstractmethod
    def finish(self, manifest: Manifest | None = None) -> list[Move]:
        """Build every final file under ``.partial/`` and say where each goes; nothing final-named changes yet.

        The sink takes no more records afterwards. If publishing then fails, ``abort`` still keeps the staged files."""

    def cleanup(self) -> None:  # noqa: B027 - optional hook, a no-op by design
        """After the files were published: remove what is left of the sink's staging (parts, its own journal)."""

    def close(self, manifest: Manifest | None = None) -> None:
        """Finish and publish the files under their final names, as one step. The sink cannot be used afterwards."""
        publish_together(self.finish(manifest))
        self.cleanup()

    @abstractmethod
    def abort(self, *, discard: bool = False) -> None:
        """Stop without publishing. Partial files stay (for ``--resume``) unless ``discard``."""

    @abstractmethod
    def files(self) -> list[str]:
        """The final file names this sink publishes, relative to the output directory."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        """On an exception, abort (keeping the partial files for a resume); a sink left unclosed is aborted too."""
        self.abort()
