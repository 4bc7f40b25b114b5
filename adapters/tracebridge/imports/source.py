"""``open_import``: export files a user already holds, as the same ``Export`` an API source returns.

The CLI and library callers treat both alike: ``records()`` / ``record_batches()``, ``report``, ``rejects``. Files are
planned (formats detected) when the import is opened, so a path that cannot be read at all fails before anything is
written; records then stream file by file in batches, and bad records become rejects while the good ones flow on.
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Sequence
from os import PathLike
from pathlib import Path
from typing import Any

from tracebridge.delivery.export import Delivered, Export, ExportContext
from tracebridge.delivery.rejects import RejectSink
from tracebridge.humanloop.nested import nested_log_ids
from tracebridge.imports.detect import plan
from tracebridge.imports.formats import check_format
from tracebridge.imports.intake import Intake
from tracebridge.imports.kinds import v5_log_identity

BATCH_SIZE = 1000
"""Records per batch: the unit of progress and of checkpoint saves."""


def open_import(
    paths: Sequence[str | PathLike[str]],
    *,
    from_format: str | None = None,
    on_reject: RejectSink | None = None,
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
    tasks = plan(named, fmt)
    formats = {
        str(path): sorted({t.format for t in tasks if t.group == i and t.format}) for i, path in enumerate(named)
    }

    async def batches(context: ExportContext) -> AsyncIterator[list[Delivered[Any]]]:
        state = context.checkpoint
        intake = Intake(context, replay=state.streamed if state is not None else 0)
        for log_id in nested_log_ids(t.path for t in tasks if t.nested_logs):
            context.deduper.first_time(v5_log_identity(log_id))
        totals: dict[Path, int] = {}
        batch: list[Delivered[Any]] = []
        for task in tasks:
            for raw in task.read(task.path, functools.partial(_note_total, totals, task.path.parent)):
                item = intake.accept(raw, task.kind_of, task.format)
                if item is not None:
                    batch.append(item)
                if len(batch) >= batch_size:
                    yield batch
                    batch = []
                    _save(context, intake)
            context.report.pages += 1
        if batch:
            yield batch
            _save(context, intake)
        for total in totals.values():
            context.expect(total)

    return Export(
        batches,
        description=f"import {_describe_paths(named)}",
        job={"source": "files", "from_format": from_format, "paths": [str(p) for p in named], "formats": formats},
        checkpoint=checkpoint,
        allow_partial=allow_partial,
        on_reject=on_reject,
    )


def _note_total(totals: dict[Path, int], folder: Path, total: int) -> None:
    totals[folder] = max(totals.get(folder, 0), total)


def _describe_paths(paths: Sequence[Path], shown: int = 3) -> str:
    """The paths for messages: a shell glob can name thousands of files, and an error must stay one readable line."""
    names = ", ".join(str(p) for p in paths[:shown])
    return f"{names} and {len(paths) - shown} more" if len(paths) > shown else names


def _save(context: ExportContext, intake: Intake) -> None:
    """After the caller took a whole batch: a resumed import replays (skips) the records taken so far."""
    if context.checkpoint is not None:
        context.checkpoint.streamed = intake.position
        context.checkpoint.save()
