"""Source -> adapter -> sink: drive exports into an output, with checkpoints, progress and the manifest.

This is the one place that knows the order of operations that makes an output safe to trust:

1. records are written batch by batch, and the export's checkpoint (saved when the next batch is asked for) stores the
   sink's state, so a killed run resumes exactly where its files were last made durable;
2. files are published under their final names only when every export has ended, and ``manifest.json`` last;
3. an export that fails leaves its partial files and checkpoint in place for ``--resume``; one that ends with records
   missing is still published (what arrived is correct), but its manifest and result say it is incomplete.

The CLI only wires arguments to this; library users can call it directly.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

import attrs

from tracebridge.delivery.checkpoint import Checkpoint
from tracebridge.delivery.completeness import CompletenessReport
from tracebridge.delivery.export import Export
from tracebridge.delivery.rejects import Reject
from tracebridge.errors import IncompleteExportError
from tracebridge.records import Record
from tracebridge.sinks.layout import partial_dir
from tracebridge.sinks.manifest import Manifest

CHECKPOINT_FILE = "checkpoint.json"


class Output(Protocol):
    """What the pipeline needs of an output: the ``Sink`` life cycle (one format, or several behind a MultiSink)."""

    def write(self, records: Sequence[Record]) -> None: ...
    def reject(self, reject: Reject) -> None: ...
    def state(self) -> dict[str, Any]: ...
    def restore(self, state: dict[str, Any]) -> None: ...
    def close(self, manifest: Manifest | None = None) -> object: ...
    def abort(self, *, discard: bool = False) -> None: ...


Progress = Callable[[CompletenessReport, int], None]
"""Called after each batch with the export's report so far and the records written so far."""


@attrs.define
class RunResult:
    """What a run produced: counts per record type, the combined completeness, and how long it took."""

    counts: Counter[str] = attrs.field(factory=Counter)
    report: CompletenessReport = attrs.field(factory=CompletenessReport)
    incomplete: list[str] = attrs.field(factory=list)
    """The message of each export that ended with records missing."""
    seconds: float = 0.0

    @property
    def complete(self) -> bool:
        return not self.incomplete

    @property
    def written(self) -> int:
        return sum(self.counts.values())


def checkpoint_path(out_dir: Path) -> Path:
    """Where an export into ``out_dir`` keeps its resume state: beside the partial files it describes."""
    return partial_dir(out_dir) / CHECKPOINT_FILE


def discard_checkpoint(path: Path) -> None:
    """Forget an earlier, killed run: a fresh (non ``--resume``) run must not skip the pages that run had done."""
    Checkpoint(path=path).remove()


def write_exports(
    exports: Sequence[Export[Any]],
    output: Output,
    manifest: Manifest,
    *,
    resume: bool = False,
    progress: Progress | None = None,
) -> RunResult:
    """Write every record of ``exports``, in order, to ``output``; publish it; return what was written.

    Only a single export can be resumed (its checkpoint holds the output's state); several exports into one output
    (the demo) start from scratch. Errors other than an incomplete export propagate after ``output.abort()``, which
    keeps the partial files so the same command with ``--resume`` continues.
    """
    if resume and len(exports) != 1:
        raise ValueError("only a single export can be resumed")
    result = RunResult()
    started = time.monotonic()
    try:
        for export in exports:
            _write_one(export, output, result, resume=resume, progress=progress)
    except BaseException:
        output.abort()
        raise
    result.seconds = time.monotonic() - started
    result.report = combined_report([export.report for export in exports])
    manifest.completeness = result.report
    output.close(manifest)
    if manifest.counts:
        # The output's own counts include what a resumed run kept from before the interruption.
        result.counts = Counter(manifest.counts)
    return result


def _write_one(
    export: Export[Any], output: Output, result: RunResult, *, resume: bool, progress: Progress | None
) -> None:
    restored = False

    def restore_once() -> None:
        # The export loads its checkpoint when iteration starts; the output must be cut back to the state saved with
        # it before the first new record is written, and from then on every checkpoint save records the output's state.
        # A source without a checkpoint (files) cannot continue half-way: resuming it starts the output over.
        nonlocal restored
        if restored:
            return
        restored = True
        checkpoint = export.checkpoint
        if resume:
            output.restore(dict(checkpoint.sink_state) if checkpoint is not None else {})
        if checkpoint is not None:
            checkpoint.sink_state_provider = output.state

    written_before = result.written
    try:
        for records in export.record_batches():
            restore_once()
            if records:
                output.write(records)
                result.counts.update(record.record_type for record in records)
            if progress is not None:
                progress(export.report, result.written - written_before)
        restore_once()
    except IncompleteExportError as exc:
        result.incomplete.append(str(exc))


def combined_report(reports: Sequence[CompletenessReport]) -> CompletenessReport:
    """One report for several exports; a single export's report is returned as it is."""
    if len(reports) == 1:
        return reports[0]
    # Every counter is a sum; derived from the class so a counter added to the report is never left out here.
    counters = [field.name for field in attrs.fields(CompletenessReport) if field.name != "expected"]
    total = CompletenessReport(expected=0)
    for part in reports:
        # A stream reports no total; counting what it delivered as its expected keeps ``missing`` the parts' sum.
        expected = part.expected if part.expected is not None else part.unique + part.rejected
        total.expected = (total.expected or 0) + expected
        for name in counters:
            setattr(total, name, getattr(total, name) + getattr(part, name))
    return total
