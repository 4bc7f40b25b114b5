"""Mapping in worker processes: ``--workers N``.

Mapping (adapter plus encoding) is the CPU an export spends beyond fetching and decoding, and one process runs it on
one core. ``Workers`` maps the units of an export (a page, a batch of file lines) in a process pool and hands the
batches back *in the units' order*, so the output is the same bytes as mapping in-process:

- a worker returns its records encoded for the output (``encode``, given by the output: JSONL lines, CSV rows, Arrow
  batches), not pickled records: pickling records back costs as much as mapping them;
- the records kept once per export (definitions, versions, experiments) are decided in the export's process, in
  order: a worker says which of its records are shared (``tracebridge.delivery.once.Entry``) and the export keeps
  the first copy of each, as in-process;
- the export reads ahead of what is written, so the source's checkpoint saves are deferred until every unit read
  before them is written (``ExportContext.defer_saves``): a killed run resumes where its files were durable.
- records travel as JSON text (a line's own, a page's slice of it), and the export's process reads them only as far
  as counting and deduping need (``ExportContext.records_as_text``, ``RecordKind.probe``): with the mapping gone to
  the workers, decoding them whole there and encoding them back was what held the workers up.

The pool starts only once ``start_after`` records have gone by (they are mapped in this process with the same
code), or at once when the source says the export holds that many: a small export never pays for starting
processes. Units of a record kind that does not pickle (an adapter made as a closure) are mapped in this process too.
Workers ignore Ctrl-C; the pool's owner shuts them down.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import multiprocessing
import os
import pickle
import signal
import threading
import time
from collections import deque
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Iterable, Sequence
from concurrent.futures import Future
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol, Self

import attrs

from tracebridge.acyclic import acyclic_allocations
from tracebridge.delivery.context import ExportContext
from tracebridge.delivery.delivered import UNDECODED, Delivered
from tracebridge.delivery.export import Batch, mapped
from tracebridge.delivery.kinds import RecordKind
from tracebridge.delivery.once import Entry, key_of
from tracebridge.delivery.pool import Pool
from tracebridge.delivery.rejects import Reject
from tracebridge.delivery.worker_defaults import START_AFTER
from tracebridge.json_codec import CODEC_NAME, dumps
from tracebridge.mapping.carried import Carried
from tracebridge.records import Record


class Encoded(Protocol):
    """Records encoded for an output (``tracebridge.sinks.encoded.EncodedRecords``)."""

    def __len__(self) -> int: ...
    def select(self, keep: Sequence[bool]) -> Any: ...
    def record_types(self) -> list[str]: ...
    @classmethod
    def concat(cls, chunks: Sequence[Any]) -> Any: ...


Encode = Callable[[Sequence[Record]], Encoded]
"""Records to what the output writes (``MultiSink.encoder()``); picklable, as each worker holds one. An encoder may
say how many source records to map before encoding them (``chunk_records``, see ``map_units``; a whole unit when it
does not)."""


Item = tuple[int, str, Any, "str | None", "str | None", bool, "bytes | str | None"]


@attrs.frozen
class _Task:
    generation: int
    """Which export (a worker's ``built`` holds one export's shared records)."""
    kinds: tuple[tuple[str, Any, Any], ...]
    """(name, parse, normalize) of each kind the items name."""
    items: list[Item] | bytes
    """Per accepted record (kind index, source, raw or None when only its text was read, raw text, source id,
    whether the raw text is its JSON, its JSON as sent when that is not the raw text); pickled on their way to a
    worker, which unpickles them away from the cycle collector (``tracebridge.acyclic``: 2.5 to 4x cheaper)."""
    raw_as_json: bool = False
    """Whether each shipped item's raw is its JSON text (see ``shipped``)."""

    def shipped(self) -> _Task:
        """The task as bytes for a worker. With msgspec, each record's decoded JSON travels as JSON text: the text it
        was read from when there is one (a JSON line), else encoded again, which costs the export's process (the
        pool's bottleneck) a quarter of pickling the same dicts; decoding it costs the worker less than unpickling
        them. Values that text cannot carry (a hand-made raw holding a non-JSON type) are pickled as they are."""
        items = self.items
        if isinstance(items, bytes):
            return self
        if CODEC_NAME == "msgspec":
            try:
                wire = [
                    (index, source, _json_of(raw, text, json_text, encoded), text, sid, json_text, None)
                    for index, source, raw, text, sid, json_text, encoded in items
                ]
            except TypeError:
                pass
            else:
                return attrs.evolve(self, items=pickle.dumps(wire, protocol=5), raw_as_json=True)
        return attrs.evolve(self, items=pickle.dumps(items, protocol=5))


def _json_of(raw: Any, text: str | None, json_text: bool, encoded: bytes | str | None) -> bytes | str:
    """A record's JSON text for a worker: as the source sent it when it kept it, else encoded now."""
    if encoded is not None:
        return encoded
    if json_text and text is not None:
        return text
    return dumps(raw)


@attrs.frozen
class _Result:
    encoded: Encoded
    entries: list[Entry]
    rejects: list[Reject]
    withdrawn: int
    parts: int


class _Collected:
    """A worker's ``Rejecting``: rejects in order, with what they count."""

    def __init__(self) -> None:
        self.rejects: list[Reject] = []
        self.withdrawn = 0
        self.parts = 0

    def withdraw(self, reject: Reject) -> None:
        self.withdrawn += 1
        self.rejects.append(reject)

    def reject_part(self, reject: Reject) -> None:
        self.parts += 1
        self.rejects.append(reject)


def _no_identity(_raw: Any) -> str | None:
    return None  # identities were settled by the intake, in the export's process


def _expand(items: Sequence[Record | Carried], built: set[str], out: list[Record]) -> list[Entry]:
    """Each item's entry, the records to encode appended to ``out``: a ``Carried`` is built here the first time this
    worker meets its key (the export, deciding in order, can only need it then)."""
    entries: list[Entry] = []
    for item in items:
        if not isinstance(item, Carried):
            out.append(item)
            entries.append(key_of(item))
        elif item.key in built:
            entries.append((item.key, None, None))
        else:
            built.add(item.key)
            try:
                records = item.build()
            except Exception as exc:  # raised in the export's process only if the export needs it
                entries.append((item.key, None, exc))
                continue
            entries.append((item.key, _expand(records, built, out), None))
    return entries


def map_task(task: _Task, encode: Encode, built: set[str]) -> _Result:
    """One unit as a worker gets it, mapped and encoded."""
    kinds = [RecordKind(name, parse, _no_identity, normalize) for name, parse, normalize in task.kinds]
    items = task.items
    if isinstance(items, bytes):
        with acyclic_allocations():
            items = pickle.loads(items)  # this process's own data, from the export's process
        if task.raw_as_json:
            # Each record travelled as its JSON text, decoded when it is mapped (``map_units``), not all at once.
            items = [
                (index, source, None, text, sid, is_json, raw) for index, source, raw, text, sid, is_json, _ in items
            ]
    units = [
        # No raw: the record was sent as its text only (``ExportMapper._task``); it is decoded when mapped.
        Delivered(
            kinds[index],
            source,
            UNDECODED if raw is None and (json_text or encoded is not None) else raw,
            raw_text=raw_text,
            source_id=source_id,
            json_text=json_text,
            encoded=encoded,
        )
        for index, source, raw, raw_text, source_id, json_text, encoded in items
    ]
    return map_units(units, encode, built)


def map_units(units: Sequence[Delivered], encode: Encode, built: set[str]) -> _Result:
    """Records mapped and encoded (in a worker, or in the export's process with its own ``built``).

    A unit is mapped ``encode.chunk_records`` records at a time, each chunk encoded before the next is mapped, when the
    encoder says so: a whole unit decoded and mapped before any of it is encoded outgrows the CPU's caches (a page of
    v5 evaluation logs decodes to megabytes of objects), while a few records at a time reuse memory still cached.
    """
    collected = _Collected()
    entries: list[Entry] = []
    chunks: list[Encoded] = []
    step = getattr(encode, "chunk_records", None) or max(len(units), 1)
    for start in range(0, len(units), step):
        records: list[Record] = []
        entries += _expand(mapped(units[start : start + step], collected), built, records)
        chunks.append(encode(records))
    if not chunks:
        chunks.append(encode([]))
    encoded = chunks[0] if len(chunks) == 1 else type(chunks[0]).concat(chunks)
    return _Result(encoded, entries, collected.rejects, collected.withdrawn, collected.parts)


_worker: dict[str, Any] = {}
"""In a worker process: its ``encode``, and the shared records it built for the export it maps now."""


COLLECT_EVERY = 64
"""Units a worker maps between two runs of the cycle collector, which is otherwise off in a worker."""


OWNER_POLL_S = 1.0
"""How often a worker checks that the process owning the pool is still alive."""


def _exit_when_gone(owner: int) -> None:
    """Exit this worker once ``owner`` (the export's process) is gone. A worker's parent is the forkserver, not the
    export's process, and a worker idle in the call queue holds both ends of its pipe, so it never sees an EOF: an
    export killed with SIGKILL (no ``close()``) would otherwise leave its idle workers running for good."""
    while True:
        time.sleep(OWNER_POLL_S)
        try:
            os.kill(owner, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:  # the pid was reused by another user's process: ours is gone
            os._exit(1)


def _start_worker(encode: Encode, owner: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the export's process's to handle; it stops the pool
    threading.Thread(target=_exit_when_gone, args=(owner,), name="owner-watch", daemon=True).start()
    # A worker's heap is one unit's records, which hold no reference cycles: the collector, walking them every 700
    # allocations, would find nothing. Off, and run by count instead, so cyclic garbage (a caught exception's frames)
    # is still freed.
    gc.disable()
    _worker.update(encode=encode, generation=None, built=set(), units=0)


def _work(task: _Task) -> _Result:
    if _worker["generation"] != task.generation:
        _worker.update(generation=task.generation, built=set())
    _worker["units"] += 1
    if _worker["units"] % COLLECT_EVERY == 0:
        gc.collect()
    return map_task(task, _worker["encode"], _worker["built"])


def _context(preload: Iterable[str]) -> multiprocessing.context.BaseContext:
    """forkserver where there is one: a fork of this process (threads, open connections) is not safe.

    The fork server imports ``preload`` (the modules of what the workers run) once, before it forks them: each worker
    then starts with them loaded instead of importing them itself, on the same cores the export runs on. No effect on
    a fork server this process already started; ``__main__`` stays first, as multiprocessing preloads it by default.
    """
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["__main__", *sorted(preload)])
    return context


def _module_of(function: Any) -> str | None:
    """The module defining ``function`` (a ``functools.partial``'s function's); None when it names none."""
    module = getattr(getattr(function, "func", function), "__module__", None)
    return module if isinstance(module, str) else None


class Workers:
    """A pool of ``count`` processes mapping for one output (``encode``); a context manager that stops them.

    ``mapper()`` gives each export its own ``UnitMapper`` (``Export.batches(output, mapper)``).
    """

    def __init__(self, count: int, encode: Encode, *, start_after: int | None = None) -> None:
        if count < 2:
            raise ValueError("workers: at least 2 (1 maps in the export's process, without a pool)")
        self.count = count
        self.encode = encode
        self.start_after = START_AFTER if start_after is None else start_after
        self._executor: Pool | None = None
        self._generations = 0
        self._seen = 0
        self._picklable: dict[int, tuple[RecordKind, bool]] = {}

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers: what is not sent yet is dropped, what a worker holds is finished (a second at most)."""
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.close()

    @property
    def started(self) -> bool:
        return self._executor is not None

    def cpu_seconds(self) -> float:
        """CPU time the live workers have used (Linux; 0 elsewhere): how benchmarks tell mapping from waiting."""
        executor = self._executor
        ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
        total = 0.0
        for pid in executor.pids if executor is not None else ():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / ticks
        return total

    def mapper(self) -> ExportMapper:
        self._generations += 1
        return ExportMapper(self, self._generations)

    def _pool(self, expected: int, units: Sequence[Delivered]) -> Pool | None:
        if self._executor is None and max(self._seen, expected) >= self.start_after:
            kinds = {id(item.kind): item.kind for item in units}.values()
            functions = [self.encode, _work, *(f for kind in kinds for f in (kind.parse, kind.normalize))]
            preload = {module for module in map(_module_of, functions) if module is not None}
            self._executor = Pool(self.count, _context(preload), _start_worker, (self.encode, os.getpid()))
        return self._executor

    def _ships(self, kind: RecordKind) -> bool:
        """Whether ``kind``'s parser and adapter pickle (an adapter made as a closure does not)."""
        known = self._picklable.get(id(kind))
        if known is None or known[0] is not kind:
            try:
                pickle.dumps((kind.name, kind.parse, kind.normalize))
                ships = True
            except Exception:  # pickling raises several types (PicklingError, AttributeError, TypeError)
                ships = False
            known = self._picklable[id(kind)] = (kind, ships)
        return known[1]

    def submit(
        self, task: Callable[[list[Delivered]], _Task], units: list[Delivered], built: set[str], *, expected: int = 0
    ) -> Future[_Result] | _Result:
        """The unit mapped in a worker (a future; ``task`` makes what it is sent), or here when the pool has not
        started or the kinds do not ship.

        ``expected``: the records the source says the export holds, when it says so (a listing's total, on its
        first page): an export known to be large starts the pool at once, rather than after mapping its first
        ``start_after`` records here."""
        pool = self._pool(expected, units)
        self._seen += len(units)
        if pool is None or not all(self._ships(item.kind) for item in units):
            return map_units(units, self.encode, built)
        future: Future[_Result] = pool.submit(_work, task(units).shipped())
        return future


class ExportMapper:
    """The units of one export, mapped by the pool and handed back in order (``delivery.export.UnitMapper``)."""

    def __init__(self, workers: Workers, generation: int) -> None:
        self._workers = workers
        self._generation = generation
        self._built: set[str] = set()
        """The shared records this process built while mapping units itself."""

    def _task(self, units: list[Delivered]) -> _Task:
        kinds: dict[int, int] = {}
        refs: list[tuple[str, Any, Any]] = []
        items: list[Item] = []
        for item in units:
            kind = item.kind
            index = kinds.get(id(kind))
            if index is None:
                index = kinds[id(kind)] = len(refs)
                refs.append((kind.name, kind.parse, kind.normalize))
            # A record the intake decoded only as far as its identity travels as its text (``_Task.shipped``).
            raw = item.raw if item.decoded else None
            items.append((index, item.source, raw, item.raw_text, item.source_id, item.json_text, item.encoded))
        return _Task(self._generation, tuple(refs), items)

    async def abatches(self, units: AsyncIterator[list[Delivered]], context: ExportContext) -> AsyncGenerator[Batch]:
        """Each unit's batch, in order, while later units are read and mapped; saves wait for what they cover."""
        context.defer_saves()
        context.records_as_text = True
        window = 2 * self._workers.count
        pending: deque[tuple[Future[_Result] | _Result, list[Reject]]] = deque()
        written = 0
        exhausted = False
        try:
            while True:
                while not exhausted and len(pending) < window:
                    try:
                        unit = await anext(units)
                    except StopAsyncIteration:
                        exhausted = True
                        break
                    context.save_written(written)  # a save made before the first unit (due at once)
                    context.units_received += 1
                    rejects = context.take_rejects()
                    expected = context.report.expected or 0
                    job = self._workers.submit(self._task, unit, self._built, expected=expected)
                    pending.append((job, rejects))
                    head = pending[0][0]
                    if not isinstance(head, Future) or head.done():
                        break  # hand over what is ready before reading on
                if not pending:
                    return
                job, rejects = pending.popleft()
                result = job if isinstance(job, _Result) else await asyncio.wrap_future(job)
                context.withdrawn(result.withdrawn, result.parts)
                encoded = result.encoded
                keep = context.kept_once.keep_mask(result.entries)
                if keep is not None:
                    encoded = encoded.select(keep)
                yield Batch([], rejects + result.rejects, encoded)
                written += 1
                context.save_written(written)
        finally:
            for job, _ in pending:
                if isinstance(job, Future):
                    job.cancel()
            with contextlib.suppress(Exception):
                await units.aclose()  # type: ignore[attr-defined]
