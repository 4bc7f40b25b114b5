"""``send``: an output directory of any earlier run to a destination, in dependency order, each record once.

The order: what other records refer to goes first (definitions and their versions: the prompts; dataset examples;
experiments; sessions), then the spans, each with the evaluations that judge it (read first and indexed by span, so a
judgment rides on its span whatever file order the run wrote), then the experiment items that link runs, examples and
spans, and last the evaluations of anything but a span of this directory (a session, a trace, a span exported
elsewhere). Records are read from the directory's files (``query.records``: JSONL with no extra, any other format
through DuckDB) a batch at a time; only the evaluations of spans are held, by span id, while the spans go by.

The ledger (``destinations.ledger``) beside the directory makes a second ``send`` send nothing and a killed one resume;
records a destination refuses (too large, no time) go to ``OUT/.sent/<target>.rejects.jsonl`` with their reason.
"""

from __future__ import annotations

import asyncio
import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Final, TypeVar

from tracebridge.destinations.base import AFTER_SPANS, BEFORE_SPANS, Destination, Prepares, SendReport, SpanGroup
from tracebridge.destinations.ledger import Ledger, append_rejects, ledger_path, rejects_path
from tracebridge.query.records import read_records
from tracebridge.records import Evaluation, Record, Span

BATCH: Final = 1_000
"""Records handed to the destination at once; it cuts its own requests to size."""


Progress = Callable[[SendReport], None]
T = TypeVar("T")


def _batches(items: Iterable[T], size: int = BATCH) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


async def send_directory(
    out_dir: str | os.PathLike[str],
    destination: Destination,
    *,
    read: str | None = None,
    progress: Progress | None = None,
) -> SendReport:
    """Send every record of the finished run in ``out_dir`` to ``destination`` (see the module)."""
    directory = Path(out_dir)
    path = ledger_path(directory, destination.target)
    ledger = Ledger(path)
    report = SendReport()
    judging: dict[str, list[Evaluation]] = {}
    unattached: list[Evaluation] = []
    for evaluation in read_records(directory, "evaluation", read=read):
        assert isinstance(evaluation, Evaluation)
        if evaluation.span_id is not None and evaluation.target_type == "span":
            judging.setdefault(evaluation.span_id, []).append(evaluation)
        else:
            unattached.append(evaluation)
    if isinstance(destination, Prepares):
        destination.prepare(lambda record_type: read_records(directory, record_type, read=read))
    await destination.open()
    try:
        for record_type in BEFORE_SPANS:
            for records in _batches(read_records(directory, record_type, read=read)):
                await destination.send_records(records, ledger, report)
                _progress(progress, report)
        for spans in _batches(read_records(directory, "span", read=read)):
            groups = [_group(span, judging) for span in spans]
            await destination.send_spans(groups, ledger, report)
            _progress(progress, report)
        for record_type in AFTER_SPANS:
            for records in _batches(read_records(directory, record_type, read=read)):
                await destination.send_records(records, ledger, report)
                _progress(progress, report)
        # Judgments of spans that are not in this directory, and of sessions or traces.
        leftovers: list[Record] = [*unattached, *itertools.chain.from_iterable(judging.values())]
        for records in _batches(leftovers):
            await destination.send_records(records, ledger, report)
            _progress(progress, report)
    finally:
        await destination.close()
        append_rejects(rejects_path(path), report.rejects)
    return report


def _group(span: Record, judging: dict[str, list[Evaluation]]) -> SpanGroup:
    assert isinstance(span, Span)
    return SpanGroup(span, judging.pop(span.span_id, []))


def _progress(progress: Progress | None, report: SendReport) -> None:
    if progress is not None:
        progress(report)


def send(
    out_dir: str | os.PathLike[str],
    destination: Destination,
    *,
    read: str | None = None,
    progress: Progress | None = None,
) -> SendReport:
    """``send_directory`` for callers without an event loop."""
    return asyncio.run(send_directory(out_dir, destination, read=read, progress=progress))
