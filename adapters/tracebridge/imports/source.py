"""``open_import``: export files a user already holds, as the same ``Export`` an API source returns.

The CLI and library callers treat both alike: ``records()`` / ``batches()``, ``report``, ``rejects``. Files are
planned (formats detected) when the import is opened, so a path that cannot be read at all fails before anything is
written; records then stream file by file in batches, and bad records become rejects while the good ones flow on.
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Iterator, Sequence
from os import PathLike
from pathlib import Path
from typing import Any

from tracebridge.delivery.context import ExportContext
from tracebridge.delivery.delivered import Delivered
from tracebridge.delivery.export import Export
from tracebridge.delivery.intake import Intake
from tracebridge.imports.detect import plan
from tracebridge.imports.formats import check_format, misfit
from tracebridge.imports.identity import check_unchanged, identities
from tracebridge.imports.inputs import Readable
from tracebridge.imports.tasks import FileTask
from tracebridge.imports.textfile import read_lines

BATCH_SIZE = 1000
"""Records per batch: the unit of progress and of checkpoint saves."""
BATCH_TEXT = 2 * 1024 * 1024
"""... and at most about this much record text per batch: small records fill a batch by count, large ones (Humanloop
evaluation logs, Galileo traces) by text. Why: the process that maps a batch holds all of it, decoded and mapped, and
with workers several batches are in flight; a thousand large records held that way made an import's memory many
times an API export's, and outgrew the CPU's caches. A batch about the size of an API page keeps both down
(``docs/benchmarks.md``, ninth pass)."""


def open_import(
    paths: Sequence[str | PathLike[str]],
    *,
    from_format: str | None = None,
    allow_partial: bool = False,
    checkpoint: Path | None = None,
    batch_size: int = BATCH_SIZE,
) -> Export[Any]:
    """The records of export files and directories, formats detected from content unless ``from_format`` names one.

    Raises ``ImportFormatError`` now for a path that cannot be imported at all (missing, empty, binary, unknown
    format, or plainly not ``from_format``), and ``ValueError`` for an unknown ``from_format``. Page dumps that carry
    ``total`` set the report's expected count, so records missing from a dump make the import incomplete;
    ``allow_partial`` accepts that, as for the API sources. Pages of one listing are saved side by side, so the
    expected count is the largest total per folder (``page-000.json`` ... ``page-099.json`` all say ``total:
    10000``), summed over folders (two projects' dumps in two folders). Not per format: an empty last page cannot
    tell a v4 export from v5 logs, yet belongs to its neighbours' listing.
    """
    if not paths:
        raise ValueError("name at least one file or directory to import")
    fmt = check_format(from_format) if from_format is not None else None
    named = [Path(p) for p in paths]
    planned = plan(named, fmt)
    tasks = planned.tasks
    formats = {
        str(path): sorted({t.shape.format for t in tasks if t.group == i and t.shape.format})
        for i, path in enumerate(named)
    }

    async def source(context: ExportContext) -> AsyncIterator[list[Delivered]]:
        state = context.checkpoint
        try:
            if state is not None:
                # Resuming skips by position: only sound over the very files the interrupted run read.
                current = identities(task.path for task in tasks)
                if state.inputs:
                    check_unchanged(state.inputs, current)
                state.inputs = current
            intake = Intake(context, replay=state.streamed if state is not None else 0)
            for identity in _known_repeats(tasks):
                context.deduper.first_time(identity)
            context.report.problems.extend(planned.problems)
            tally = _Tally(dict(planned.owed))
            units: list[Delivered] = []
            held = 0  # the text of the records in ``units`` (characters or bytes): ``BATCH_TEXT``
            for task in tasks:
                rule = functools.partial(misfit, task.shape.format) if task.shape.format else None
                before = _accounted(context)
                paged: list[int] = []
                for raw in task.read(paged.append):
                    item = intake.accept(raw, task.shape.kind_of, rule)
                    if item is not None:
                        units.append(item)
                        held += len(item.raw_text or item.encoded or "")
                    if len(units) >= batch_size or held >= BATCH_TEXT:
                        yield units
                        units = []
                        held = 0
                        _save(context, intake)
                context.report.pages += 1
                tally.add(task, paged, _accounted(context) - before)
            if units:
                yield units
                _save(context, intake)
            tally.settle(context)
        finally:
            planned.close()

    return Export(
        source,
        description=f"import {_describe_paths(named)}",
        job={"source": "files", "from_format": from_format, "paths": [str(p) for p in named], "formats": formats},
        checkpoint=checkpoint,
        allow_partial=allow_partial,
    )


def _accounted(context: ExportContext) -> int:
    """Records accounted for so far: delivered once, or rejected (a duplicate is neither: it was counted already)."""
    return context.report.unique + context.report.rejected


class _Tally:
    """What each count a source promises got: page totals (per folder: pages of one listing are saved side by side,
    each saying the listing's total) and the counts an export tool's files state (``owed``)."""

    def __init__(self, owed: dict[str, int]) -> None:
        self.owed = owed
        self.found: dict[str, int] = {}

    def add(self, task: FileTask, totals: list[int], accounted: int) -> None:
        if totals:
            key = f"pages in {task.path.parent}"
            self.owed[key] = max(self.owed.get(key, 0), *totals)
        else:
            key = task.owed_to or ""
        if key:
            self.found[key] = self.found.get(key, 0) + accounted

    def settle(self, context: ExportContext) -> None:
        """What is missing, as the report's expected count and, per count, a problem naming it."""
        if not self.owed:
            return
        report = context.report
        short = {key: owed - self.found.get(key, 0) for key, owed in self.owed.items() if owed > self.found.get(key, 0)}
        report.problems.extend(f"{key}: {self.found.get(key, 0)} of {self.owed[key]}" for key in short)
        context.expect(report.unique + report.rejected + sum(short.values()))


def _describe_paths(paths: Sequence[Path], shown: int = 3) -> str:
    """The paths for messages: a shell glob can name thousands of files, and an error must stay one readable line."""
    names = ", ".join(str(p) for p in paths[:shown])
    return f"{names} and {len(paths) - shown} more" if len(paths) > shown else names


def _save(context: ExportContext, intake: Intake) -> None:
    """After the caller took a whole batch: a resumed import replays (skips) the records taken so far."""
    if context.checkpoint is not None:
        context.checkpoint.streamed = intake.position
        context.save()


def _known_repeats(tasks: Sequence[FileTask]) -> Iterator[str]:
    """The identities each shape knows its files hold twice (nested and standalone), read before any record."""
    by_finder: dict[Any, list[Readable]] = {}
    for task in tasks:
        if task.shape.known_repeats is not None:
            by_finder.setdefault(task.shape.known_repeats, []).append(task.input)
    for finder, inputs in by_finder.items():
        yield from finder(line.data for source in inputs for line in read_lines(source))
