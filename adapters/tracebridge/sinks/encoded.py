"""Records already turned into what each format writes, by the process that mapped them.

Why: with ``--workers N`` the records are mapped in worker processes (``tracebridge.delivery.workers``), and what
crosses back to the writing process decides whether that pays. Pickling the typed records back costs as much as
mapping them (a Galileo span: 66 us to pickle and unpickle its three records, 64 us to map it; ``docs/benchmarks.md``),
so a worker returns its records encoded instead: one JSONL line per record (for JSONL, DuckDB's journal and stdout),
one CSV row (CSV), one Arrow record batch per record type (Parquet). The writing process then only appends bytes
(~2.5 us a Galileo span) and hands Arrow batches on.

The bytes are those the format sinks write from records (``RecordEncoder`` calls the same functions), so a file is
the same whichever process encoded it. An integer beyond int64 (which only a hand-built record can hold) is found
here too, and its reject made ready, so ``MultiSink`` refuses the record in every format as it does a typed one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from tracebridge.delivery.rejects import Reject
from tracebridge.records import Record
from tracebridge.serialization import to_json_dict
from tracebridge.sinks.int_range import out_of_range_field, reject_for
from tracebridge.sinks.text import json_line

JSONL = "jsonl"
CSV = "csv"
ARROW = "arrow"
ENCODINGS = frozenset({JSONL, CSV, ARROW})
CHUNK_RECORDS = 8
"""Source records mapped together before their records are encoded, for lines and rows (``RecordEncoder``)."""


class EncodedRecords:
    """Rows in order, each a record of ``types[i]``, encoded as the output's formats need.

    ``lines[i]`` / ``csv_rows[i]`` are row ``i``'s JSONL line and CSV row (None when no format needs them); ``arrow``
    holds, per record type, one Arrow record batch of that type's rows in order; ``refused`` names the rows no format
    can hold (an integer beyond int64), with the reject that keeps each.
    """

    __slots__ = ("arrow", "csv_rows", "lines", "refused", "types")

    def __init__(
        self,
        types: list[str],
        *,
        lines: list[bytes] | None = None,
        csv_rows: list[bytes] | None = None,
        arrow: dict[str, list[Any]] | None = None,
        refused: dict[int, Reject] | None = None,
    ) -> None:
        self.types = types
        self.lines = lines
        self.csv_rows = csv_rows
        self.arrow = arrow
        """Per record type, the record batches of its rows (one per encoded chunk; ``concat`` keeps them apart)."""
        self.refused = refused

    def __len__(self) -> int:
        return len(self.types)

    def __getstate__(self) -> tuple[Any, ...]:
        return (self.types, self.lines, self.csv_rows, self.arrow, self.refused)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self.types, self.lines, self.csv_rows, self.arrow, self.refused = state

    def record_types(self) -> list[str]:
        return self.types

    def select(self, keep: Sequence[bool]) -> EncodedRecords:
        """Only the rows whose ``keep`` is true (the shared records an export already wrote are dropped)."""
        if all(keep):
            return self
        indexes = [i for i, kept in enumerate(keep) if kept]
        arrow = None
        if self.arrow is not None:
            arrow = {}
            masks: dict[str, list[bool]] = {}
            refused_rows = self.refused or {}
            for index, (record_type, kept) in enumerate(zip(self.types, keep, strict=True)):
                if index not in refused_rows:  # a refused row has no Arrow row
                    masks.setdefault(record_type, []).append(kept)
            for record_type, batches in self.arrow.items():
                mask = masks.get(record_type, [])
                selected = _filter_batches(batches, mask)
                if selected:
                    arrow[record_type] = selected
        refused = None
        if self.refused:
            renumbered = {old: new for new, old in enumerate(indexes)}
            refused = {renumbered[i]: reject for i, reject in self.refused.items() if i in renumbered} or None
        return EncodedRecords(
            [self.types[i] for i in indexes],
            lines=None if self.lines is None else [self.lines[i] for i in indexes],
            csv_rows=None if self.csv_rows is None else [self.csv_rows[i] for i in indexes],
            arrow=arrow,
            refused=refused,
        )

    @classmethod
    def concat(cls, chunks: Sequence[EncodedRecords]) -> EncodedRecords:
        """One run of rows from several, in order (what ``MultiSink`` hands its format sinks at a flush)."""
        if len(chunks) == 1:
            return chunks[0]
        types: list[str] = []
        lines: list[bytes] | None = [] if chunks[0].lines is not None else None
        csv_rows: list[bytes] | None = [] if chunks[0].csv_rows is not None else None
        arrow: dict[str, list[Any]] | None = {} if chunks[0].arrow is not None else None
        refused: dict[int, Reject] = {}
        for chunk in chunks:
            if chunk.refused:
                refused.update({len(types) + i: reject for i, reject in chunk.refused.items()})
            types.extend(chunk.types)
            if lines is not None:
                lines.extend(chunk.lines or ())
            if csv_rows is not None:
                csv_rows.extend(chunk.csv_rows or ())
            if arrow is not None:
                for record_type, batches in (chunk.arrow or {}).items():
                    arrow.setdefault(record_type, []).extend(batches)
        return cls(types, lines=lines, csv_rows=csv_rows, arrow=arrow, refused=refused or None)


def _filter_batches(batches: list[Any], mask: list[bool]) -> list[Any]:
    import pyarrow as pa  # type: ignore[import-untyped]  # noqa: PLC0415 - only outputs with Parquet carry Arrow batches

    out: list[Any] = []
    start = 0
    for batch in batches:
        part = mask[start : start + batch.num_rows]
        start += batch.num_rows
        if all(part):
            out.append(batch)
        elif any(part):
            out.append(batch.filter(pa.array(part, pa.bool_())))
    return out


@attrs.frozen
class RecordEncoder:
    """Encodes records as ``needs`` says (``jsonl``, ``csv``, ``arrow``): picklable, so a worker process can hold it."""

    needs: frozenset[str]

    @property
    def chunk_records(self) -> int | None:
        """Source records a worker maps before encoding them (``delivery.workers.map_units``): a few for lines and
        rows, whose cost is per record; None (a whole unit) for Arrow, whose batches cost per batch and per column
        about what a few records cost to map (``docs/benchmarks.md``)."""
        return None if ARROW in self.needs else CHUNK_RECORDS

    def __call__(self, records: Sequence[Record]) -> EncodedRecords:
        types: list[str] = [record.record_type for record in records]
        refused: dict[int, Reject] = {}
        for index, record in enumerate(records):
            field = out_of_range_field(record)
            if field is not None:
                refused[index] = reject_for(record, field)
        lines = [json_line(to_json_dict(record)) for record in records] if JSONL in self.needs else None
        csv_rows = _csv_rows(records, types, refused) if CSV in self.needs else None
        arrow = _arrow(records, types, refused) if ARROW in self.needs else None
        return EncodedRecords(types, lines=lines, csv_rows=csv_rows, arrow=arrow, refused=refused or None)


def _by_type(records: Sequence[Record], types: list[str], refused: dict[int, Reject]) -> dict[str, list[Record]]:
    """Each type's records in order; a refused row stays out of the tabular encodings (no format writes it)."""
    grouped: dict[str, list[Record]] = {}
    for index, (record, record_type) in enumerate(zip(records, types, strict=True)):
        if index not in refused:
            grouped.setdefault(record_type, []).append(record)
    return grouped


def _csv_rows(records: Sequence[Record], types: list[str], refused: dict[int, Reject]) -> list[bytes]:
    from tracebridge.sinks.csv_sink import encode_rows  # noqa: PLC0415 - no cycle: csv_sink knows nothing of this

    grouped = _by_type(records, types, refused)
    encoded = {record_type: iter(encode_rows(record_type, group)) for record_type, group in grouped.items()}
    return [b"" if index in refused else next(encoded[record_type]) for index, record_type in enumerate(types)]


def _arrow(records: Sequence[Record], types: list[str], refused: dict[int, Reject]) -> dict[str, list[Any]]:
    from tracebridge.sinks.parquet import record_batch, table_schema  # noqa: PLC0415 - pyarrow only for Parquet

    return {
        record_type: [record_batch(record_type, group, table_schema(record_type))]
        for record_type, group in _by_type(records, types, refused).items()
    }
