"""What one run of an export shares between its source and the ``Export`` that drives it.

The source counts into the report, drops repeats with the deduper, and saves the checkpoint when its consumer has
taken a unit of work; rejects wait here until they leave with the next batch. The checkpoint is saved together with
the state of the output the records went to (``DurableOutput``), so a resumed run cuts the output back to exactly the
point the checkpoint describes: one explicit interface instead of the output patching the checkpoint.

When records are mapped in worker processes, the export reads ahead of what it has written: the source has asked
for the next unit (and so saved) before the records of the last one are in the output. Saves are then *deferred*
(``defer_saves``): each is kept as a snapshot of what the source saved (its position, the committed ids, the counts)
and made durable, with the output's state, only once every unit read before it has been written
(``save_written``). Records withdrawn while mapping a unit (``withdrawn``) count in the snapshots taken before that
unit's records came back, so each checkpoint says what an in-process run would have said at the same point.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import attrs

from tracebridge.delivery.checkpoint import Checkpoint
from tracebridge.delivery.completeness import CompletenessReport
from tracebridge.delivery.dedupe import Deduper
from tracebridge.delivery.once import KeptOnce
from tracebridge.delivery.rejects import Reject

SAVE_EVERY_RECORDS = 1000
"""Records a source delivers between two checkpoint saves, at least (the first save is made at once). A save makes the
output's files and the checkpoint durable (an fsync of each), which cost about what a page of records did, so saving
after every page of 100 spent a tenth of an export's own time on saves. Counted in records, not seconds: where the
saves fall shapes some outputs (a Parquet part closes at each), and the files must be the same bytes on every run,
with any number of workers, and after a resume. A skipped save is folded into the next; a resumed run re-reads at
most this many records, plus the unit in hand (cut back to the last save, as after any interruption)."""

CARRIED_COUNTS = ("fetched", "duplicates", "rejected", "parts_rejected")
"""The record counts a checkpoint carries (``unique`` is the committed ids; ``expected`` the saved totals). Pages,
bytes and restarts describe this run's work, and stay this run's."""


class DurableOutput(Protocol):
    """Where the records go, as far as a checkpoint cares: a point that everything written so far is durable at."""

    def state(self) -> dict[str, Any]: ...


@attrs.define
class _Snapshot:
    """A save the source asked for, waiting until the units read before it are written."""

    after: int
    """How many units the export had received when the source saved: due once all of them are written."""
    new_ids: list[str]
    counted: dict[str, int]
    position: dict[str, Any]
    """The checkpoint fields a source moves (pages done, totals, stream position, inputs), copied."""


def _position(checkpoint: Checkpoint) -> dict[str, Any]:
    return {
        "pages_done": {key: list(pages) for key, pages in checkpoint.pages_done.items()},
        "totals": dict(checkpoint.totals),
        "streamed": checkpoint.streamed,
        "stream_fingerprint": checkpoint.stream_fingerprint,
        "snapshot_at": checkpoint.snapshot_at,
        "inputs": dict(checkpoint.inputs),
    }


class ExportContext:
    def __init__(
        self,
        checkpoint: Checkpoint | None,
        output: DurableOutput | None = None,
        *,
        save_every: int = SAVE_EVERY_RECORDS,
    ) -> None:
        self.report = CompletenessReport()
        self.checkpoint = checkpoint
        self.deduper = Deduper(checkpoint.committed_ids() if checkpoint else ())
        self.report.unique = len(self.deduper)
        self.kept_once = KeptOnce(checkpoint.kept_once if checkpoint else ())
        """The shared records (definitions, versions, experiments) written so far, by id."""
        self._output = output
        self._rejects: list[Reject] = []
        self._carried = False
        self._deferred: list[_Snapshot] | None = None
        self.units_received = 0
        """Units the export has taken from its source (deferred saves are placed by it)."""
        self._save_every = save_every
        self._saved_at: int | None = None
        """``report.fetched`` at the last save made (None before the first)."""
        self._postponed: _Snapshot | None = None
        """The saves skipped since the last one made (``SAVE_EVERY_RECORDS``), as one: their ids, and the counts and
        position of the latest."""
        self.records_as_text = False
        """Worker processes map this export (``delivery.workers``): a source may decode its records only as far as the
        intake needs (``RecordKind.probe``) and hand them over as their JSON text, which the workers decode."""

    def reject(self, reject: Reject) -> None:
        self.report.rejected += 1
        self._rejects.append(reject)

    def reject_part(self, reject: Reject) -> None:
        """A part of a delivered record (a nested child) rejected alone; the record itself stays delivered."""
        self.report.parts_rejected += 1
        self._rejects.append(reject)

    def withdraw(self, reject: Reject) -> None:
        """A record the intake accepted turned out unusable (it does not parse, or cannot be mapped): a reject."""
        self.report.unique -= 1
        self.reject(reject)

    @property
    def has_rejects(self) -> bool:
        return bool(self._rejects)

    def take_rejects(self) -> list[Reject]:
        """The rejects since the last call: they go out with the batch being handed over."""
        rejects, self._rejects = self._rejects, []
        return rejects

    def expect(self, count: int) -> None:
        self.report.expected = (self.report.expected or 0) + count

    def carry_counts(self) -> None:
        """Continue the counts of the run that saved the checkpoint (once), for a source that skips what that run
        delivered: a resumed export then reports fetched, duplicates and rejects of the whole export, as ``unique``
        (seeded from the committed ids) already does. Sources that re-read and replay count again instead."""
        if self._carried or self.checkpoint is None:
            return
        self._carried = True
        for name in CARRIED_COUNTS:
            setattr(self.report, name, getattr(self.report, name) + self.checkpoint.counted.get(name, 0))

    def save(self, new_ids: Sequence[str] = ()) -> None:
        """Checkpoint what the consumer has taken, with the output's durable state (a no-op without a checkpoint).

        The first save is made at once; later ones once ``save_every`` more records have been delivered, each
        skipped one folded into the next (its ids are committed then; the position and counts are the latest)."""
        if self.checkpoint is None:
            return
        fetched = self.report.fetched
        if self._postponed is not None:
            new_ids, self._postponed = [*self._postponed.new_ids, *new_ids], None
        if self._saved_at is not None and fetched - self._saved_at < self._save_every:
            # Its counts and position matter only to a save_postponed() that will be made (no output, no workers).
            made_later = self._output is None and self._deferred is None
            counted = {name: getattr(self.report, name) for name in CARRIED_COUNTS} if made_later else {}
            position = _position(self.checkpoint) if made_later else {}
            self._postponed = _Snapshot(self.units_received, list(new_ids), counted, position)
            return
        self._saved_at = fetched
        if self._deferred is not None:
            counted = {name: getattr(self.report, name) for name in CARRIED_COUNTS}
            snapshot = _Snapshot(self.units_received, list(new_ids), counted, _position(self.checkpoint))
            self._deferred.append(snapshot)
            return
        output_state = self._output.state() if self._output is not None else {}
        self.checkpoint.counted = {name: getattr(self.report, name) for name in CARRIED_COUNTS}
        self.checkpoint.kept_once = sorted(self.kept_once.kept)
        self.checkpoint.save(new_ids, output_state=output_state)

    def save_postponed(self) -> None:
        """Make the skipped save now, when nothing but the source's position depends on it: an export read without
        an output (a library caller stopping early, ``records()``), whose checkpoint then covers every unit it took.
        With an output it is not made: the output may hold part of a unit it was writing when the run stopped, so
        only a save made when the consumer asked for the next unit describes it; the run resumes from the last one."""
        postponed, self._postponed = self._postponed, None
        if postponed is not None and self._output is None and self._deferred is None:
            self._save_snapshot(postponed)

    # --- saves deferred while workers map (see the module) ---------------------------------------------------

    def defer_saves(self) -> None:
        if self._deferred is None:
            self._deferred = []

    def withdrawn(self, records: int, parts: int) -> None:
        """Count a unit's mapping rejects (``records`` withdrawn, ``parts`` rejected alone) in the report and in
        every save still waiting: those were taken before the unit came back, yet cover it."""
        if not records and not parts:
            return
        report = self.report
        report.unique -= records
        report.rejected += records
        report.parts_rejected += parts
        for snapshot in self._deferred or ():
            counted = snapshot.counted
            counted["rejected"] = counted.get("rejected", 0) + records
            counted["parts_rejected"] = counted.get("parts_rejected", 0) + parts

    def save_written(self, written: int) -> None:
        """Make durable, in order, each deferred save whose units are all written (the first ``written`` units)."""
        deferred = self._deferred
        while deferred and deferred[0].after <= written:
            self._save_snapshot(deferred.pop(0))

    def _save_snapshot(self, snapshot: _Snapshot) -> None:
        """The save the source asked for, as it would have been made then, with the output's state now (which holds
        exactly the units read before it). The live checkpoint keeps what the source set since (it reads it on)."""
        checkpoint = self.checkpoint
        assert checkpoint is not None
        output_state = self._output.state() if self._output is not None else {}
        saving = attrs.evolve(
            checkpoint, **snapshot.position, counted=snapshot.counted, kept_once=sorted(self.kept_once.kept)
        )
        saving.save(snapshot.new_ids, output_state=output_state)
        checkpoint.seen_count, checkpoint.seen_bytes = saving.seen_count, saving.seen_bytes
        checkpoint.sink_state, checkpoint.counted, checkpoint.kept_once = (
            saving.sink_state,
            saving.counted,
            saving.kept_once,
        )
