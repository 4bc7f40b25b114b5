"""An export as its caller sees it: records to iterate (sync or async), then a completeness report and the rejects.

Every source (a paged listing, a stream, files) is an async generator of *units* (a page, a run of stream lines, a
batch of file records) of accepted records, given the run's ``ExportContext``. This module turns units into what a
caller asks for: vendor JSON (``raw()``), vendor models (``models()``), common records (``records()``), or, for a
writer, ``batches()``: the common records of one unit together with the rejects that arose with them.

A checkpoint is saved by the source after its consumer has taken a whole unit (the code after its ``yield`` runs
when the next unit is asked for), once every ``SAVE_EVERY_RECORDS`` records at most (``delivery.context``). A writer
passes its output to ``batches(output)``, and each save stores that output's durable state beside the source's
position, so a resumed run starts where the files were last made durable.
"""

from __future__ import annotations

import json
import os
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

import attrs

from tracebridge.delivery.checkpoint import Checkpoint
from tracebridge.delivery.completeness import CompletenessReport
from tracebridge.delivery.context import DurableOutput, ExportContext
from tracebridge.delivery.delivered import Delivered
from tracebridge.delivery.rejects import Reject
from tracebridge.delivery.sync import run_batches
from tracebridge.errors import IncompleteExportError
from tracebridge.mapping.carried import Carried
from tracebridge.mapping.errors import MappingError, RejectedPart
from tracebridge.records import Record

M = TypeVar("M")

Source = Callable[[ExportContext], AsyncIterator[list[Delivered]]]
"""A source: given the run's context, the accepted records of each unit of work, in order."""


@attrs.frozen
class Batch:
    """The common records of one unit of a source, and the records of it that were rejected (with their reasons).

    Records mapped in a worker process (``tracebridge.delivery.workers``) arrive already encoded for the output:
    ``records`` is then empty and ``encoded`` holds them (what the output's ``encoder()`` made of them)."""

    records: list[Record]
    rejects: list[Reject]
    encoded: Any = None


class UnitMapper(Protocol):
    """Maps the units of one export elsewhere (``tracebridge.delivery.workers``): batches in the units' order."""

    def abatches(self, units: AsyncIterator[list[Delivered]], context: ExportContext) -> AsyncIterator[Batch]: ...


class Rejecting(Protocol):
    """Where mapping puts what it rejects: an ``ExportContext``, or a worker's collector."""

    def withdraw(self, reject: Reject) -> None: ...
    def reject_part(self, reject: Reject) -> None: ...


class Export(Generic[M]):
    """The records of one export, iterable once.

    ``M`` is the vendor model ``models()`` yields. After the iteration ends, ``report`` says how complete it was; when
    records are missing and ``allow_partial`` is False, the iteration ends by raising ``IncompleteExportError`` (every
    record that did arrive was yielded first). ``rejects`` collects the rejects of ``records()``, ``models()`` and
    ``raw()``; ``batches()`` hands them to its caller instead.
    """

    def __init__(
        self,
        source: Source,
        *,
        description: str,
        job: dict[str, Any],
        checkpoint: str | os.PathLike[str] | None = None,
        allow_partial: bool = False,
    ) -> None:
        self.description = description
        self.job = job
        """What is exported (endpoint and parameters, never a key): a checkpoint resumes only the same job."""
        self.rejects: list[Reject] = []
        self._source = source
        self._checkpoint_path = Path(checkpoint) if checkpoint is not None else None
        self._checkpoint: Checkpoint | None = None
        self._allow_partial = allow_partial
        self._context: ExportContext | None = None

    def __repr__(self) -> str:
        return f"Export({self.description!r})"

    @property
    def report(self) -> CompletenessReport:
        return self._context.report if self._context else CompletenessReport()

    def saved_output_state(self) -> dict[str, Any]:
        """The output state saved with this export's checkpoint (``{}`` without one): where a resumed writer cuts back.

        Raises ``ValueError`` when the checkpoint belongs to another export (another job).
        """
        checkpoint = self._load_checkpoint()
        return dict(checkpoint.sink_state) if checkpoint is not None else {}

    # --- async -------------------------------------------------------------------------------------------------

    async def abatches(
        self, output: DurableOutput | None = None, mapper: UnitMapper | None = None
    ) -> AsyncGenerator[Batch, None]:
        """The common records of each unit with its rejects; checkpoints store ``output``'s state (see the module).
        ``mapper`` maps the units elsewhere (worker processes); the export ends once it has handed back every one."""
        if mapper is None:
            async for units in self._units(output):
                records = self._records_of(units)
                yield Batch(records, self._take_rejects())
            return
        stream = self._stream(output)
        assert self._context is not None
        async for batch in mapper.abatches(stream, self._context):
            yield batch
        self._finish()

    async def arecords(self) -> AsyncGenerator[Record, None]:
        async for batch in self.abatches():
            self.rejects.extend(batch.rejects)
            for record in batch.records:
                yield record

    async def amodels(self) -> AsyncGenerator[M, None]:
        async for models in self._model_units():
            for model in models:
                yield model

    async def araw(self) -> AsyncGenerator[Any, None]:
        """The records as the vendor sent them (decoded JSON), deduped and in order, without parsing into models."""
        async for raws in self._raw_units():
            for raw in raws:
                yield raw

    async def _model_units(self) -> AsyncGenerator[list[M], None]:
        async for units in self._units(None):
            models = self._models_of(units)
            self.rejects.extend(self._take_rejects())
            yield models

    async def _raw_units(self) -> AsyncGenerator[list[Any], None]:
        async for units in self._units(None):
            self.rejects.extend(self._take_rejects())
            yield [item.raw for item in units]

    # --- sync --------------------------------------------------------------------------------------------------

    def batches(self, output: DurableOutput | None = None, mapper: UnitMapper | None = None) -> Iterator[Batch]:
        """Sync ``abatches``: for writers (``tracebridge.pipeline``).

        A checkpoint is saved only when the next batch is asked for, so a writer that has written every record and
        reject of a batch before asking again never loses or repeats one on resume.
        """
        return run_batches(lambda: self.abatches(output, mapper))

    def records(self) -> Iterator[Record]:
        for batch in self.batches():
            self.rejects.extend(batch.rejects)
            yield from batch.records

    # The sync iterators step the event loop once per unit (a page, a block of lines), not once per record: a step
    # costs a task and a trip through the loop, as much as decoding a small record.

    def models(self) -> Iterator[M]:
        for models in run_batches(self._model_units):
            yield from models

    def raw(self) -> Iterator[Any]:
        """Sync ``araw()``: the vendor JSON of each record, for archiving exactly what was received."""
        for raws in run_batches(self._raw_units):
            yield from raws

    # --- the run -----------------------------------------------------------------------------------------------

    def _load_checkpoint(self) -> Checkpoint | None:
        if self._checkpoint is None and self._checkpoint_path is not None:
            self._checkpoint = Checkpoint.load_or_new(self._checkpoint_path, self.job)
        return self._checkpoint

    async def _units(self, output: DurableOutput | None) -> AsyncGenerator[list[Delivered], None]:
        """The source's units, each handed over with the rejects that came with it; the completeness check at the end.

        A unit with no accepted record but rejects is still handed over: its rejects must be written before the
        checkpoint that follows it is saved.
        """
        async for units in self._stream(output):
            yield units
        self._finish()

    def _stream(self, output: DurableOutput | None) -> AsyncGenerator[list[Delivered], None]:
        """``_units`` without its end: the context is made at once, the generator reads the source when iterated."""
        if self._context is not None:
            raise RuntimeError(f"{self.description}: an export can be iterated once; start a new one")
        self._context = ExportContext(self._load_checkpoint(), output)
        return self._read(self._context)

    async def _read(self, context: ExportContext) -> AsyncGenerator[list[Delivered], None]:
        try:
            async for units in self._source(context):
                if units or context.has_rejects:
                    yield units
            if context.has_rejects:
                yield []
        finally:
            context.save_postponed()  # a caller that stops early has taken every unit saved so far

    def _finish(self) -> None:
        """Once every unit is written: the completeness check, and the checkpoint is no longer needed."""
        assert self._context is not None
        report = self._context.report
        if not report.complete and not self._allow_partial:
            raise IncompleteExportError(f"{self.description}: incomplete export: {report.describe()}", report)
        if self._context.checkpoint is not None:
            self._context.checkpoint.remove()

    def _take_rejects(self) -> list[Reject]:
        assert self._context is not None
        return self._context.take_rejects()

    def _models_of(self, units: list[Delivered]) -> list[M]:
        assert self._context is not None
        return [item.model for item in units if parsed(item, self._context)]

    def _records_of(self, units: list[Delivered]) -> list[Record]:
        assert self._context is not None
        return self._context.kept_once.first_copies(mapped(units, self._context))


def parsed(item: Delivered, rejecting: Rejecting) -> bool:
    """Parse ``item``'s model; False (and a reject, with the raw text and reason) when it does not parse."""
    try:
        item.model  # noqa: B018 (parsing is the point)
    except Exception as exc:  # the generated parsers raise several types; each means "does not fit the spec"
        # A generated ``from_dict`` raises KeyError for a missing required field: name the field.
        field = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else None
        problem = f"missing required field {field!r}" if field is not None else f"{type(exc).__name__}: {exc}"
        rejecting.withdraw(
            Reject(
                source=item.source,
                reason=f"does not parse as a {item.kind.name}: {problem}",
                raw=item.raw_json(),
                source_id=item.source_id,
                field=field,
            )
        )
        return False
    return True


def mapped(units: Sequence[Delivered], rejecting: Rejecting) -> list[Record | Carried]:
    """The common records of a unit, those many records carry deferred; a record that cannot be parsed or mapped is
    rejected with its reason (to ``rejecting``). The same code maps in the export's process and in a worker's.

    The adapters map the decoded JSON directly (``mapping.lossless.as_mapping``): building the generated models
    only for the adapters to turn them back into dicts would cost more than the mapping itself. The models are
    still the contract: a record the adapter cannot map is parsed then, so that one that does not fit the spec
    is rejected as such, with the parser's reason.
    """
    records: list[Record | Carried] = []
    for item in units:
        try:
            for one in item.normalize():
                if isinstance(one, RejectedPart):
                    _reject_part(item, one, rejecting)
                else:
                    records.append(one)
        except MappingError as exc:
            if parsed(item, rejecting):
                _reject_unmapped(item, str(exc), exc.record_id, exc.field_path, rejecting)
        except Exception as exc:  # an adapter bug on one record must not end a million-record export
            if parsed(item, rejecting):
                _reject_unmapped(item, f"{type(exc).__name__}: {exc}", None, None, rejecting)
    return records


def _reject_part(item: Delivered, part: RejectedPart, rejecting: Rejecting) -> None:
    """A part of a record rejected alone: the record itself was delivered, so only the part is counted."""
    rejecting.reject_part(
        Reject(
            source=item.source,
            reason=f"a part cannot be mapped: {part.reason}",
            raw=json.dumps(part.raw, ensure_ascii=False, default=str),
            source_id=item.source_id,
            field=part.field_path,
        )
    )


def _reject_unmapped(
    item: Delivered, reason: str, record_id: str | None, field: str | None, rejecting: Rejecting
) -> None:
    rejecting.withdraw(
        Reject(
            source=item.source,
            reason=f"cannot be mapped: {reason}",
            raw=item.raw_json(),
            source_id=record_id or item.source_id,
            field=field,
        )
    )
