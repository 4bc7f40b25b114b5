"""What one run of an export shares between its source and the ``Export`` that drives it.

The source counts into the report, drops repeats with the deduper, and saves the checkpoint when its consumer has
taken a unit of work; rejects wait here until they leave with the next batch. The checkpoint is saved together with
the state of the output the records went to (``DurableOutput``), so a resumed run cuts the output back to exactly the
point the checkpoint describes: one explicit interface instead of the output patching the checkpoint.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from tracebridge.delivery.checkpoint import Checkpoint
from tracebridge.delivery.completeness import CompletenessReport
from tracebridge.delivery.dedupe import Deduper
from tracebridge.delivery.once import KeptOnce
from tracebridge.delivery.rejects import Reject

CARRIED_COUNTS = ("fetched", "duplicates", "rejected", "parts_rejected")
"""The record counts a checkpoint carries (``unique`` is the committed ids; ``expected`` the saved totals). Pages,
bytes and restarts describe this run's work, and stay this run's."""


class DurableOutput(Protocol):
    """Where the records go, as far as a checkpoint cares: a point that everything written so far is durable at."""

    def state(self) -> dict[str, Any]: ...


class ExportContext:
    def __init__(self, checkpoint: Checkpoint | None, output: DurableOutput | None = None) -> None:
        self.report = CompletenessReport()
        self.checkpoint = checkpoint
        self.deduper = Deduper(checkpoint.committed_ids() if checkpoint else ())
        self.report.unique = len(self.deduper)
        self.kept_once = KeptOnce(checkpoint.kept_once if checkpoint else ())
        """The shared records (definitions, versions, experiments) written so far, by id."""
        self._output = output
        self._rejects: list[Reject] = []
        self._carried = False

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
        """Checkpoint what the consumer has taken, with the output's durable state (a no-op without a checkpoint)."""
        if self.checkpoint is not None:
            output_state = self._output.state() if self._output is not None else {}
            self.checkpoint.counted = {name: getattr(self.report, name) for name in CARRIED_COUNTS}
            self.checkpoint.kept_once = sorted(self.kept_once.kept)
            self.checkpoint.save(new_ids, output_state=output_state)
