"""An export as the caller sees it: records to iterate (sync or async), then a completeness report and the rejects.

Sources produce *batches* (a page, or a run of stream lines) from an async generator; this module flattens them for
both kinds of caller. Sync iteration drives the same async code on a private event loop, once per batch rather than
once per record, so the two paths share every line of retry, paging and dedupe logic and cost about the same.
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any, Generic, TypeVar

from tracebridge.delivery.checkpoint import Checkpoint
from tracebridge.delivery.completeness import CompletenessReport, Deduper
from tracebridge.delivery.rejects import Reject, RejectSink
from tracebridge.errors import IncompleteExportError
from tracebridge.mapping.errors import MappingError

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


class Delivered(Generic[M]):
    """One source record: its vendor model (parsed on first use) and the adapter that maps it.

    Sources may hand over the decoded JSON and a parser instead of a model: parsing into the generated models costs
    more than fetching, so a caller that only wants the vendor JSON (``raw()``) never pays for it, and a record that
    does not parse is rejected when it is consumed, with the rest of its page kept.
    """

    __slots__ = ("_model", "_parse", "_raw", "kind_name", "normalize", "raw_text", "source", "source_id")

    def __init__(
        self,
        model: M | None,
        normalize: Callable[[M], list[Any]],
        source: str,
        *,
        raw: Any = None,
        parse: Callable[[Any], M] | None = None,
        raw_text: str | None = None,
        source_id: str | None = None,
        kind_name: str | None = None,
    ) -> None:
        if model is None and parse is None:
            raise ValueError("a Delivered record needs a model or a parser")
        self._model = model
        self._parse = parse
        self._raw = raw
        self.normalize = normalize
        self.source = source
        """Where it came from, for a reject: endpoint and page, or file and line."""
        self.raw_text = raw_text
        self.source_id = source_id
        self.kind_name = kind_name
        """What the record was read as (e.g. ``v4 log``), for the reason of a reject."""

    @property
    def model(self) -> M:
        """The vendor model; raises whatever the parser raises for a record that does not fit the spec."""
        if self._parse is not None:
            self._model = self._parse(self._raw)
            self._parse = None
        return self._model  # type: ignore[return-value]

    def adapter_input(self) -> Any:
        """What the adapter maps: the decoded JSON if the record came as JSON (no model round trip), else the model."""
        return self._raw if self._raw is not None else self.model

    @property
    def raw(self) -> Any:
        """The record as the vendor sent it (decoded JSON, or a CSV row as a dict)."""
        return self._raw if self._raw is not None else to_raw(self._model)

    def raw_json(self) -> str:
        return self.raw_text if self.raw_text is not None else json.dumps(self.raw, ensure_ascii=False, default=str)


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
        checkpoint: str | os.PathLike[str] | None = None,
        allow_partial: bool = False,
        on_reject: RejectSink | None = None,
    ) -> None:
        self.description = description
        self.job = job
        self.rejects: list[Reject] = []
        self._batches = batches
        self._checkpoint_path = Path(checkpoint) if checkpoint is not None else None
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
            for model in self._models_of(batch):
                yield model

    async def arecords(self) -> AsyncIterator[Any]:
        async for batch in self.abatches():
            for record in self._records_of(batch):
                yield record

    async def araw(self) -> AsyncIterator[Any]:
        """The records as the vendor sent them (decoded JSON), deduped and in order, without parsing into models."""
        async for batch in self.abatches():
            for item in batch:
                yield item.raw

    # --- sync --------------------------------------------------------------------------------------------------

    def models(self) -> Iterator[M]:
        for batch in run_batches(self.abatches):
            yield from self._models_of(batch)

    def records(self) -> Iterator[Any]:
        for batch in run_batches(self.abatches):
            yield from self._records_of(batch)

    def record_batches(self) -> Iterator[list[Any]]:
        """The common records, one list per source batch (a page, or a run of stream lines).

        For writers (``tracebridge.pipeline``): a checkpoint is saved only when the next batch is asked for, so a
        writer that has written every record of a batch before asking again never loses or repeats one on resume.
        """
        for batch in run_batches(self.abatches):
            yield self._records_of(batch)

    def raw(self) -> Iterator[Any]:
        """Sync ``araw()``: the vendor JSON of each record, for archiving exactly what was received."""
        for batch in run_batches(self.abatches):
            for item in batch:
                yield item.raw

    def _parsed(self, item: Delivered[M]) -> bool:
        """Parse ``item``'s model; False (and a reject, with the raw text and reason) when it does not parse."""
        assert self._context is not None
        try:
            item.model  # noqa: B018 (parsing is the point)
        except Exception as exc:  # the generated parsers raise several types; each means "does not fit the spec"
            # A generated ``from_dict`` raises KeyError for a missing required field: name the field.
            field = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else None
            problem = f"missing required field {field!r}" if field is not None else f"{type(exc).__name__}: {exc}"
            self._context.report.unique -= 1
            self._context.reject(
                Reject(
                    source=item.source,
                    reason=f"does not parse as a {item.kind_name}: {problem}"
                    if item.kind_name
                    else f"does not parse: {problem}",
                    raw=item.raw_json(),
                    source_id=item.source_id,
                    field=field,
                )
            )
            return False
        return True

    def _models_of(self, batch: list[Delivered[M]]) -> list[M]:
        return [item.model for item in batch if self._parsed(item)]

    def _records_of(self, batch: list[Delivered[M]]) -> list[Any]:
        """The common records of a batch; a record that cannot be parsed or mapped is rejected with its reason.

        The adapters read the JSON shape (``normalize.lossless.as_mapping``), so a record that arrived as JSON is
        mapped from it directly: building the generated models only for the adapters to turn them back into dicts
        cost more than the mapping itself (1.1 ms of parsing per v5 log against 0.6 ms of mapping). The models are
        still the contract: a record the adapter cannot map is parsed then, so that one that does not fit the spec
        is rejected as such, with the parser's reason.
        """
        assert self._context is not None
        records: list[Any] = []
        for item in batch:
            try:
                records.extend(item.normalize(item.adapter_input()))
            except MappingError as exc:
                if self._parsed(item):
                    self._reject_unmapped(item, str(exc), exc.record_id, exc.field_path)
            except Exception as exc:  # an adapter bug on one record must not end a million-record export
                if self._parsed(item):
                    self._reject_unmapped(item, f"{type(exc).__name__}: {exc}", None, None)
        return records

    def _reject_unmapped(self, item: Delivered[M], reason: str, record_id: str | None, field: str | None) -> None:
        assert self._context is not None
        self._context.report.unique -= 1
        self._context.reject(
            Reject(
                source=item.source,
                reason=f"cannot be mapped: {reason}",
                raw=item.raw_json(),
                source_id=record_id or item.source_id,
                field=field,
            )
        )


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
            _cancel_pending_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            loop.close()


def _cancel_pending_tasks(loop: asyncio.AbstractEventLoop) -> None:
    """Cancel what is still in flight (page fetches, open streams) and let it unwind, as ``asyncio.run`` does.

    Without this, a caller that stops early (an error in its loop body, a closed pipe) leaves tasks suspended inside
    httpx's async generators, and closing the loop's generators then fails noisily with "already running".
    """
    pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
    for task in pending:
        task.cancel()
    if pending:
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
