"""An export as the caller sees it: records to iterate (sync or async), then a completeness report and the rejects.

Sources produce *batches* (a page, or a run of stream lines) from an async generator; this module flattens them for
both kinds of caller. Sync iteration drives the same async code on a private event loop, once per batch rather than
once per record, so the two paths share every line of retry, paging and dedupe logic and cost about the same.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any, Generic, TypeVar

import attrs
from tracebridge.errors import IncompleteExportError
from tracebridge.export.checkpoint import Checkpoint
from tracebridge.export.completeness import CompletenessReport, Deduper
from tracebridge.export.rejects import Reject, RejectSink
from tracebridge.normalize.errors import MappingError

M = TypeVar("M")
T = TypeVar("T")


class ExportContext:
    """The state one export run shares between its source and its caller."""

    def __init__(self, checkpoint: Checkpoint | None, on_reject: RejectSink) -> None:
        self.report = CompletenessReport()
        self.checkpoint = checkpoint
        self.deduper = Deduper(checkpoint.committed_ids() if checkpoint else ())
        self.report.unique = len(self.deduper)
        self._on_reject = on_reject

    def reject(self, reject: Reject) -> None:
        self.report.rejected += 1
        self._on_reject(reject)

    def expect(self, count: int) -> None:
        self.report.expected = (self.report.expected or 0) + count


@attrs.frozen
class Delivered(Generic[M]):
    """One source record: its vendor model and the adapter that maps it (which may depend on its listing)."""

    model: M
    normalize: Callable[[M], list[Any]]
    source: str
    """Where it came from, for a reject: endpoint and page, or file and line."""


Batches = Callable[[ExportContext], AsyncIterator[list[Delivered[M]]]]


class Export(Generic[M]):
    """The records of one export, iterable once.

    ``models()`` yields the vendor models; ``records()`` the common records the adapters map them to. After the
    iteration ends, ``report`` says how complete it was; when records are missing and ``allow_partial`` is False, the
    iteration ends by raising ``IncompleteExportError`` (every record that did arrive was yielded first).
    """

    def __init__(
        self,
        batches: Batches[M],
        *,
        description: str,
        job: dict[str, Any],
        checkpoint: Path | None = None,
        allow_partial: bool = False,
        on_reject: RejectSink | None = None,
    ) -> None:
        self.description = description
        self.job = job
        self.rejects: list[Reject] = []
        self._batches = batches
        self._checkpoint_path = checkpoint
        self._allow_partial = allow_partial
        self._on_reject = on_reject or self.rejects.append
        self._context: ExportContext | None = None
        self.checkpoint: Checkpoint | None = None

    def __repr__(self) -> str:
        return f"Export({self.description!r})"

    @property
    def report(self) -> CompletenessReport:
        return self._context.report if self._context else CompletenessReport()

    # --- async -------------------------------------------------------------------------------------------------

    async def abatches(self) -> AsyncGenerator[list[Delivered[M]], None]:
        if self._context is not None:
            raise RuntimeError(f"{self.description}: an export can be iterated once; start a new one")
        if self._checkpoint_path is not None:
            self.checkpoint = Checkpoint.load_or_new(self._checkpoint_path, self.job)
        context = self._context = ExportContext(self.checkpoint, self._on_reject)
        async for batch in self._batches(context):
            if batch:
                yield batch
        report = context.report
        if not report.complete and not self._allow_partial:
            raise IncompleteExportError(f"{self.description}: incomplete export: {report.describe()}", report)
        if self.checkpoint is not None:
            self.checkpoint.remove()

    async def amodels(self) -> AsyncIterator[M]:
        async for batch in self.abatches():
            for item in batch:
                yield item.model

    async def arecords(self) -> AsyncIterator[Any]:
        async for batch in self.abatches():
            for record in self._records_of(batch):
                yield record

    # --- sync --------------------------------------------------------------------------------------------------

    def models(self) -> Iterator[M]:
        for batch in run_batches(self.abatches):
            for item in batch:
                yield item.model

    def records(self) -> Iterator[Any]:
        for batch in run_batches(self.abatches):
            yield from self._records_of(batch)

    def record_batches(self) -> Iterator[list[Any]]:
        """The common records, one list per source batch (a page, or a run of stream lines).

        For writers: a checkpoint is saved only when the next batch is asked for, so a writer that has written (and
        made durable) every record of a batch before asking again can never lose or repeat a record on resume.
        """
        for batch in run_batches(self.abatches):
            yield self._records_of(batch)

    def _records_of(self, batch: list[Delivered[M]]) -> list[Any]:
        """The common records of a batch; a record the adapter cannot map is rejected with its reason, not raised."""
        assert self._context is not None
        records: list[Any] = []
        for item in batch:
            try:
                records.extend(item.normalize(item.model))
            except MappingError as exc:
                self._context.reject(
                    Reject(
                        source=item.source,
                        reason=f"cannot be mapped: {exc}",
                        raw=json.dumps(to_raw(item.model), ensure_ascii=False, default=str),
                        source_id=exc.record_id,
                        field=exc.field_path,
                    )
                )
        return records


def to_raw(model: object) -> Any:
    to_dict = getattr(model, "to_dict", None)
    return to_dict() if callable(to_dict) else model


def run_batches(make: Callable[[], AsyncGenerator[T, None]]) -> Iterator[T]:
    """Drive an async generator from sync code on a private event loop, one step per batch.

    Page fetches in flight keep progressing whenever the loop runs, which is whenever the caller asks for the next
    batch; closing the iterator early closes the generator, which cancels those fetches.
    """
    loop = asyncio.new_event_loop()
    generator = make()
    try:
        while True:
            try:
                item = loop.run_until_complete(anext(generator))
            except StopAsyncIteration:
                return
            yield item
    finally:
        try:
            loop.run_until_complete(generator.aclose())
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            loop.close()
