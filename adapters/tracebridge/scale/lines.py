"""Raw vendor JSON lines to common records, an Arrow batch at a time: the one function Ray and Spark both run.

``MapLines(from_format)`` is a plain picklable callable. Given a ``pyarrow.RecordBatch`` or ``Table`` (what Ray Data's
``map_batches(..., batch_format="pyarrow")`` passes), it returns one ``Table``; given an iterator of record batches
(what Spark's ``mapInArrow`` passes, one per partition), it returns an iterator of record batches. Either way every
batch has ``OUTPUT_SCHEMA`` (``tracebridge.scale.schema``).

Each line goes exactly the way a line of ``tracebridge import --from FORMAT`` goes: ``imports.json_records`` reads it
(a record, a page of records, or a reject saying why not), the intake rejects what is not a JSON object or plainly of
another format and drops a record seen before, the vendor's record kind maps it, and a record (or a nested part) that
cannot be parsed or mapped becomes a reject with its reason; these are the same objects the import uses
(``delivery.export.Export`` over a source of lines). What differs is only what one call can see: duplicates are
dropped, and records many source records carry built once, within one call (Ray: one batch; Spark: one partition),
not across the whole run (``tracebridge.scale.rows.dedupe_sql`` finishes that).

One format needs a first pass: the Humanloop export tool writes every nested Log (a trace child, an Evaluator Log)
both inside its parent and again on its own line, in its own File's ``logs/N.jsonl`` (``humanloop-v5-logs``). The
import finds the nested ones before reading any record and drops the standalone copies, which lack what the parent
gives them (its trace, its run). ``NestedRepeats`` is that first pass over the same lines, as a map of its own;
``MapLines(..., known_repeats=...)`` takes what it found. Within one call both copies are recognised without it.

Not every format is made of lines: ``galileo-csv`` rows may span lines (a quoted cell with a newline) and a
``humanloop-export`` directory is told apart by its folders, so both are refused here; a pretty-printed JSON document
must be made one record or page per line first (``jq -c``).
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any, Final

import pyarrow as pa  # type: ignore[import-untyped]

from tracebridge.delivery.context import ExportContext
from tracebridge.delivery.dedupe import Deduper
from tracebridge.delivery.delivered import Delivered
from tracebridge.delivery.export import Export
from tracebridge.delivery.intake import Intake, Misfit
from tracebridge.delivery.shapes import FileShape
from tracebridge.imports.formats import FORMATS, check_format, misfit
from tracebridge.imports.json_records import line_records
from tracebridge.imports.shapes import SHAPES
from tracebridge.imports.textfile import Line
from tracebridge.scale.rows import long_batches
from tracebridge.scale.schema import OUTPUT_SCHEMA

LINE_COLUMNS: Final = ("line", "text", "value")
"""Where the lines are looked for, unless named: ``text`` is Ray's ``read_text`` column, ``value`` Spark's
``spark.read.text``; a batch of one column is read from that column whatever its name."""
SOURCE_COLUMNS: Final = ("source", "path")
"""Where a line was, for its rejects (``file:line``, or Ray's ``read_text(..., include_paths=True)`` path)."""

UTF8_BOM: Final = b"\xef\xbb\xbf"
"""Dropped where a line starts with it: engines hand a file's byte-order mark over as part of its first line."""

LINE_FORMATS: Final[tuple[str, ...]] = tuple(
    name for name in FORMATS if name in SHAPES and SHAPES[name].layout == "json"
)
"""The ``--from`` formats whose files are JSON lines (a record or a page per line): every format but the CSV and the
export directory."""


def _line_format(from_format: str) -> str:
    name = check_format(from_format)
    if name not in LINE_FORMATS:
        raise ValueError(
            f"{from_format} is not read line by line (a CSV row may span lines; an export directory is told by its "
            f"folders): import it with tracebridge import, or name one of {', '.join(LINE_FORMATS)}"
        )
    return name


class _Lines:
    """Reads the lines of an input batch: the column holding them, and the one saying where each was."""

    def __init__(self, from_format: str, *, line_column: str | None = None, source_column: str | None = None) -> None:
        self.from_format = _line_format(from_format)
        self.line_column = line_column
        self.source_column = source_column

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.from_format!r})"

    def lines(self, data: Any) -> Iterator[tuple[str, Line]]:
        """The non-blank lines of a batch, each with where it was."""
        names = data.schema.names
        column = self.line_column or next((name for name in LINE_COLUMNS if name in names), None)
        if column is None and len(names) == 1:
            column = names[0]
        if column is None or column not in names:
            raise ValueError(f"no column of JSON lines among {names}: name it with line_column=")
        values = data.column(column)
        if pa.types.is_large_string(values.type):
            values = values.cast(pa.large_binary())
        elif pa.types.is_string(values.type):
            values = values.cast(pa.binary())
        elif not (pa.types.is_binary(values.type) or pa.types.is_large_binary(values.type)):
            raise ValueError(f"column {column} holds {values.type}, not lines of text (string or binary)")
        source = self.source_column or next((name for name in SOURCE_COLUMNS if name in names), None)
        sources = data.column(source).to_pylist() if source is not None else None
        for index, text in enumerate(values.to_pylist()):
            if text is None:
                continue
            body = text[:-1] if text.endswith(b"\r") else text
            if body.startswith(UTF8_BOM):  # a file's first line, when the file starts with a byte-order mark
                body = body[len(UTF8_BOM) :]
            if not body.strip():
                continue
            where = sources[index] if sources is not None and sources[index] else f"row {index} of an input batch"
            yield str(where), Line(number=index + 1, data=body, terminated=True, offset=0, end=len(text))


class _KnownRepeats(Deduper):
    """A deduper that has seen the first pass's identities, without copying them: a call costs the same however many
    the whole input holds (the import adds them to its deduper once per run; here a run is one call)."""

    def __init__(self, known: frozenset[str]) -> None:
        super().__init__()
        self.known = known

    def first_time(self, source_id: str) -> bool:
        return source_id not in self.known and super().first_time(source_id)

    def __contains__(self, source_id: object) -> bool:
        return source_id in self.known or super().__contains__(source_id)


class MapLines(_Lines):
    """Raw JSON lines of ``from_format`` (a ``tracebridge import --from`` name) to rows of ``OUTPUT_SCHEMA``.

    ``line_column`` names the column holding the lines (string or binary; default: the first of ``LINE_COLUMNS``
    present, or the only column); ``source_column`` the one saying where each line was (default: the first of
    ``SOURCE_COLUMNS`` present), which rejects then name; without one a reject names its row in the batch.
    ``known_repeats``: the identities ``NestedRepeats`` found in the whole input, dropped wherever they stand alone.
    """

    def __init__(
        self,
        from_format: str,
        *,
        line_column: str | None = None,
        source_column: str | None = None,
        known_repeats: Iterable[str] = (),
    ) -> None:
        super().__init__(from_format, line_column=line_column, source_column=source_column)
        self.known_repeats = frozenset(known_repeats)

    def __call__(self, data: Any) -> Any:
        """A ``Table`` for a batch or table (Ray); an iterator of record batches for an iterator of them (Spark)."""
        if isinstance(data, pa.RecordBatch | pa.Table):
            return self.table(data)
        return self.batches(data)

    def table(self, data: Any) -> Any:
        """The rows of one batch (or table) of lines, as one ``Table``."""
        return pa.Table.from_batches(list(self.batches([data])), schema=OUTPUT_SCHEMA)

    def batches(self, inputs: Iterable[Any]) -> Iterator[Any]:
        """The rows of each batch of lines in turn, dropping repeats across all of them (one Spark partition)."""
        shape = SHAPES[self.from_format]
        pending = iter(inputs)

        async def source(context: ExportContext) -> AsyncIterator[list[Delivered]]:
            context.deduper = _KnownRepeats(self.known_repeats)
            intake = Intake(context)
            rule = functools.partial(misfit, shape.format)
            for data in pending:
                yield self._accept(data, shape, context, intake, rule)

        export: Export[Any] = Export(
            source, description=f"map {self.from_format} lines", job={"source": "lines", "from": self.from_format}
        )
        for batch in export.batches():
            yield from long_batches(batch.records, batch.rejects)

    def _accept(
        self, data: Any, shape: FileShape, context: ExportContext, intake: Intake, rule: Misfit
    ) -> list[Delivered]:
        lines = list(self.lines(data))
        if shape.known_repeats is not None:
            # The copies of nested records within this call, as the import's first pass finds them in all files.
            for identity in shape.known_repeats(line.data for _, line in lines):
                context.deduper.first_time(identity)
        accepted: list[Delivered] = []
        for where, line in lines:
            for raw in line_records(line, where):
                item = intake.accept(raw, shape.kind_of, rule)
                if item is not None:
                    accepted.append(item)
        return accepted


IDENTITY_SCHEMA: Final[Any] = pa.schema([pa.field("identity", pa.string(), nullable=False)])
"""What ``NestedRepeats`` returns: one identity per row (repeated when found in several lines)."""


class NestedRepeats(_Lines):
    """The first pass of ``humanloop-v5-logs``: the identities of the Logs held nested in another record of the lines,
    for ``MapLines(..., known_repeats=...)``. Called like ``MapLines`` (a batch gives a ``Table``, an iterator of
    batches an iterator of them), with rows of ``IDENTITY_SCHEMA``; none for a format without such copies."""

    def __call__(self, data: Any) -> Any:
        if isinstance(data, pa.RecordBatch | pa.Table):
            return pa.Table.from_batches([self._identities(data)], schema=IDENTITY_SCHEMA)
        return (self._identities(batch) for batch in data)

    def _identities(self, data: Any) -> Any:
        finder = SHAPES[self.from_format].known_repeats
        found = list(finder(line.data for _, line in self.lines(data))) if finder is not None else []
        return pa.RecordBatch.from_arrays([pa.array(found, pa.string())], schema=IDENTITY_SCHEMA)
