"""Source -> adapter -> sink: drive exports into an output, with checkpoints, progress and the manifest.

This is the one place that knows the order of operations that makes an output safe to trust:

1. the output directory is locked (one run at a time) and claimed (one run's files), then opened (a resumed one cut
   back to the state its checkpoint saved), before any record is read;
2. records and rejects are written batch by batch; the export saves its checkpoint when the next batch is asked for,
   storing the output's state (``Export.batches(output)``), so a killed run resumes exactly where its files were
   last made durable;
3. files are published under their final names only when every export has ended, all in one step with
   ``manifest.json`` last, or none;
4. an export that fails leaves its partial files and checkpoint in place for ``--resume``; one that ends with records
   missing is still published (what arrived is correct), but its manifest and result say it is incomplete.

``run`` is the whole of it for a command (the CLI only wires arguments to it and prints); ``write_exports`` is the
part after the output is open, for library users who open their own (``tracebridge.sinks.open_output``).
"""

from __future__ import annotations

import contextlib
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

import attrs

from tracebridge.delivery.checkpoint import Checkpoint
from tracebridge.delivery.completeness import CompletenessReport
from tracebridge.delivery.export import Export, UnitMapper
from tracebridge.delivery.rejects import Reject
from tracebridge.delivery.workers import Workers
from tracebridge.destinations.live import SendResult, SendTo
from tracebridge.errors import IncompleteExportError
from tracebridge.records import Record
from tracebridge.sinks import ownership
from tracebridge.sinks.layout import STDOUT, partial_dir
from tracebridge.sinks.lock import lock_output
from tracebridge.sinks.manifest import Manifest
from tracebridge.sinks.multi import MultiSink
from tracebridge.sinks.output import check_formats, check_out_dir, open_output
from tracebridge.sinks.ownership import RunIdentity

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
    sent: SendResult | None = None
    """With ``send``: what the destination took, refused, and where its ledger and rejects are."""

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


MakeExports = Callable[[Path | None], Sequence[Export[Any]]]
"""Builds the exports of a run, given the checkpoint path beside the output (None when it cannot resume: stdout)."""


def run(
    make_exports: MakeExports,
    *,
    out: str | Path | None,
    formats: Sequence[str] = ("jsonl",),
    source: dict[str, Any],
    parameters: dict[str, Any],
    settings: dict[str, Any] | None = None,
    resume: bool = False,
    overwrite: bool = False,
    progress: Progress | None = None,
    workers: int = 1,
    send: SendTo | None = None,
) -> RunResult:
    """Open the output ``out`` (a directory, or ``"-"`` for JSONL on stdout) in ``formats``, write every record of
    the exports it is given into it, and publish it with a manifest naming ``source``, ``parameters`` (what was read:
    they name the run) and ``settings`` (how: page size, concurrency; they do not).

    The directory is locked for the whole run (``tracebridge.sinks.lock``): while another run writes it,
    ``OutputLockedError`` names that run and nothing is touched. It must hold nothing of another run's
    (``tracebridge.sinks.ownership``): ``OutputInUseError`` says whose it is; ``overwrite=True`` replaces it. A fresh
    run forgets any checkpoint an earlier, killed run of the same source left; ``resume=True`` continues from it.
    Errors propagate with the partial files kept (``resumable(out)`` then says whether ``--resume`` can continue).
    ``workers`` maps in that many processes (see ``write_exports``).

    ``send`` also sends every record to a destination as it arrives (``tracebridge.destinations.live``), beside the
    files; with ``out=None`` only there, with no directory (and no checkpoint: a run again re-reads the source and
    the ledger keeps what the target has from being sent twice).
    """
    chosen = check_formats(formats)
    manifest = Manifest(source=source, parameters=parameters, settings=settings or {}, formats=chosen)
    if out is None or str(out) == STDOUT:
        if out is None and (send is None or resume):
            raise ValueError("no output directory: only a run that sends (and does not resume) can go without one")
        return _run(
            make_exports, out, chosen, manifest, None, resume=resume, progress=progress, workers=workers, send=send
        )
    out_dir = Path(out)
    check_out_dir(out_dir)
    # Locked before the claim: the claim reads and writes .partial/, which a run still writing must keep to itself.
    with lock_output(out_dir):
        claim = ownership.claim(out_dir, RunIdentity.of(source, parameters), resume=resume, overwrite=overwrite)
        return _run(
            make_exports, out, chosen, manifest, claim, resume=resume, progress=progress, workers=workers, send=send
        )


def _run(
    make_exports: MakeExports,
    out: str | Path | None,
    formats: list[str],
    manifest: Manifest,
    claim: ownership.Claim | None,
    *,
    resume: bool,
    progress: Progress | None,
    workers: int = 1,
    send: SendTo | None = None,
) -> RunResult:
    """``run`` once the directory is locked and claimed (``claim`` None: stdout, or no output at all)."""
    try:
        files = open_output(out, formats, resume=resume) if out is not None else None
        out_dir = None if out is None or str(out) == STDOUT else Path(out)
        live = send.open(files, out_dir=out_dir, resume=resume) if send is not None else None
        output: Output | None = live if live is not None else files
        assert output is not None, "run() gives a destination when there is no output"
        checkpoint = None if out_dir is None else checkpoint_path(out_dir)
        if checkpoint is not None and not resume:
            discard_checkpoint(checkpoint)
        try:
            exports = make_exports(checkpoint)
        except BaseException:
            output.abort()
            raise
        result = write_exports(exports, output, manifest, resume=resume, progress=progress, workers=workers)
        result.sent = live.result if live is not None else None
    except BaseException:
        if claim is not None and not resumable(out):
            claim.abandon()  # nothing to resume: the next run, whichever, may have the directory
        raise
    if claim is not None:
        claim.release(name for files in manifest.files.values() for name in files)
    return result


def resumable(out: str | Path | None) -> bool:
    """True when ``out`` holds an interrupted run that ``resume=True`` can continue."""
    return out is not None and str(out) != STDOUT and checkpoint_path(Path(out)).exists()


def write_exports(
    exports: Sequence[Export[Any]],
    output: Output,
    manifest: Manifest | None = None,
    *,
    resume: bool = False,
    progress: Progress | None = None,
    workers: int = 1,
) -> RunResult:
    """Write every record of ``exports``, in order, to ``output``; publish it with ``manifest`` (by default one naming
    the exports); return what was written.

    ``workers`` above 1 maps the records in that many processes (``tracebridge.delivery.workers``), started only once
    an export has passed ``worker_defaults.START_AFTER`` records; the files are the same bytes. An output other than a
    ``MultiSink`` (``open_output``), or one with a format that takes records only, is mapped in this process. The
    workers start as ``multiprocessing`` starts processes (forkserver, else spawn): a script that passes ``workers``
    guards its entry point with ``if __name__ == "__main__":``.

    Only a single export can be resumed (its checkpoint holds the output's state); several exports into one output
    (the demo) start from scratch. Errors other than an incomplete export propagate after ``output.abort()``, which
    keeps the partial files so the same command with ``--resume`` continues.
    """
    if resume and len(exports) != 1:
        raise ValueError("only a single export can be resumed")
    if manifest is None:
        manifest = Manifest(source={"exports": [export.description for export in exports]})
    result = RunResult()
    started = time.monotonic()
    encode = output.encoder() if workers > 1 and isinstance(output, MultiSink) else None
    try:
        with Workers(workers, encode) if encode is not None else contextlib.nullcontext() as pool:
            for export in exports:
                mapper = pool.mapper() if pool is not None else None
                _write_one(export, output, result, resume=resume, progress=progress, mapper=mapper)
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
    export: Export[Any],
    output: Output,
    result: RunResult,
    *,
    resume: bool,
    progress: Progress | None,
    mapper: UnitMapper | None = None,
) -> None:
    if resume:
        # Cut the output back to the state saved with the checkpoint, before the first new record is written. A
        # source without a checkpoint cannot continue half-way: resuming it starts the output over.
        output.restore(export.saved_output_state())
    written_before = result.written
    try:
        for batch in export.batches(output, mapper):
            if batch.encoded is not None:
                assert isinstance(output, MultiSink)
                output.write_encoded(batch.encoded)
                result.counts.update(batch.encoded.record_types())
            if batch.records:
                output.write(batch.records)
                result.counts.update(record.record_type for record in batch.records)
            for reject in batch.rejects:
                output.reject(reject)
            if progress is not None:
                progress(export.report, result.written - written_before)
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
