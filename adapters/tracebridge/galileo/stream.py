"""Reading one attempt at a Galileo export stream: lines to records, the prefix of a restart skipped and verified.

A broken stream cannot be resumed, only restarted from its first record, so a restart skips the records delivered
before it by position. The skipped prefix is fingerprinted as it is read and compared with the fingerprint of what
was delivered; if the server's order changed anyway, the export stops with ``ExportChangedError`` rather than
deliver a duplicate or skip a record. Every record past the prefix goes through the intake like any other.
"""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator, Iterator

import attrs
import httpx

from tracebridge.acyclic import acyclic_allocations
from tracebridge.delivery.context import ExportContext
from tracebridge.delivery.delivered import Delivered
from tracebridge.delivery.intake import Intake
from tracebridge.delivery.kinds import RecordKind, always
from tracebridge.delivery.raw import RawRecord
from tracebridge.errors import ExportChangedError, FileLayoutError, StreamBrokenError
from tracebridge.galileo.csv_rows import CsvRowAssembler
from tracebridge.galileo.kinds import GALILEO_RECORD, GALILEO_ROW
from tracebridge.json_codec import check_depth, loads, probe
from tracebridge.transport.lines import stream_lines

UNIT_RECORDS = 128
"""Records the stream hands over at a time, at least (see ``StreamReader.read``)."""


class StreamReader:
    """One attempt at reading the stream; ``skip`` records were delivered by earlier attempts (or a killed run)."""

    def __init__(
        self,
        context: ExportContext,
        where: str,
        export_format: str,
        *,
        skip: int,
        fingerprint: str,
        kind: RecordKind = GALILEO_RECORD,
        line_timeout: float | None = None,
    ) -> None:
        self.context = context
        self.where = where
        self.line_timeout = line_timeout
        """Seconds of waiting within which the stream must complete a line (``ClientSettings.timeout`` says why)."""
        self.skip = skip
        self.expected_fingerprint = fingerprint
        self.seen = 0
        self.hasher = hashlib.blake2b(digest_size=16)
        self.intake = Intake(context)
        self.rows = CsvRowAssembler() if export_format == "csv" else None
        # A CSV of chosen columns may lack ids: its rows get derived ones (``GALILEO_ROW``).
        self.kind_of = always(GALILEO_ROW if self.rows is not None and kind is GALILEO_RECORD else kind)
        self.probe = kind.probe if self.rows is None else None
        self._line_number = 0

    def position(self) -> tuple[int, str]:
        """Records delivered so far (the prefix included) and the fingerprint of them: what a restart skips."""
        if self.seen >= self.skip:
            return self.seen, self.hasher.hexdigest()
        return self.skip, self.expected_fingerprint

    async def read(self, response: httpx.Response) -> AsyncIterator[list[Delivered]]:
        """The stream's records in units of at least ``UNIT_RECORDS`` (the last may hold fewer). A network read
        holds a few lines; a unit per read made every unit pay a trip through the event loop and, with workers, a
        task of its own: per-unit costs then outweighed the mapping (6,441 units for 20,000 traces)."""
        report = self.context.report
        units: list[Delivered] = []
        try:
            async for lines in stream_lines(response, self.where, line_timeout=self.line_timeout):
                report.bytes_received += sum(len(line) + 1 for line in lines)  # each line lost its newline
                with acyclic_allocations():  # a chunk of decoded lines: thousands of containers, no cycles
                    for line in lines:
                        for raw in self._records_of_line(line):
                            item = self._accept(raw)
                            if item is not None:
                                units.append(item)
                if len(units) >= UNIT_RECORDS:
                    yield units
                    units = []
        except StreamBrokenError:
            # A restart skips what was read (``position``): what was read must be delivered first.
            if units:
                yield units
            raise
        if units:
            yield units

    def finish(self) -> None:
        """The stream ended: check it ended cleanly and held at least the prefix delivered before."""
        if self.rows is not None and self.rows.unfinished:
            raise StreamBrokenError(f"{self.where}: the CSV stream ended inside a quoted field")
        if self.seen < self.skip:
            raise ExportChangedError(
                f"{self.where}: the restarted export holds {self.seen} records, fewer than the {self.skip} "
                "already delivered; start the export again"
            )

    def _records_of_line(self, line: bytes) -> Iterator[RawRecord]:
        """The records a line completes: one JSON record, or (CSV) the rows whose quotes it balances."""
        self._line_number += 1
        if self.rows is None:
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError as exc:
                # A line that is not UTF-8 is rejected alone, its bytes shown as they were (never silently replaced).
                problem = f"not UTF-8 text: byte 0x{line[exc.start]:02x} at byte {exc.start + 1} of the line"
                yield RawRecord("", None, text=line.decode("utf-8", "backslashreplace"), problem=problem)
                return
            if not text.strip():
                return
            try:
                yield self._decoded(line, text)
            except ValueError as exc:
                yield RawRecord("", None, text=text, problem=f"not valid JSON: {exc}")
            return
        # Bytes that are not UTF-8 as surrogate escapes (PEP 383): the row assembler rejects their row, naming them.
        text = line.decode("utf-8", "surrogateescape")
        try:
            for row in self.rows.feed(self._line_number, text):
                yield RawRecord("", row.cells, text=row.text, problem=row.problem)
        except FileLayoutError as exc:
            raise StreamBrokenError(f"{self.where}: {exc}") from None

    def _decoded(self, line: bytes, text: str) -> RawRecord:
        """A JSON line's record; when workers map the export, decoded only as far as the intake needs (they decode
        the text: ``RecordKind.probe``). Raises ``ValueError`` for a line that is not JSON, as ``loads`` does."""
        if self.context.records_as_text and self.probe is not None:
            check_depth(line)
            probed = probe(line, self.probe, utf8_checked=True)  # ``text`` is its decoding
            if probed is not None:
                return RawRecord("", probed, text=text, json_text=True, probed=True)
        return RawRecord("", loads(text), text=text, json_text=True)

    def _accept(self, raw: RawRecord) -> Delivered | None:
        index = self.seen
        self.seen += 1
        source_id = raw.value.get("id") if isinstance(raw.value, dict) else None
        self.hasher.update(f"{source_id or raw.raw_text()}\n".encode("utf-8", "surrogatepass"))
        if index < self.skip:
            if index + 1 == self.skip and self.hasher.hexdigest() != self.expected_fingerprint:
                raise ExportChangedError(
                    f"{self.where}: after a restart the first {self.skip} records are not the ones already "
                    "delivered (the data changed under the export); start the export again"
                )
            return None
        located = attrs.evolve(raw, source=f"{self.where} record {index + 1}")
        return self.intake.accept(located, self.kind_of)
