"""``--send-to``: records to a destination as an export or import delivers them, with no directory in between.

``LiveSend`` is an output the pipeline writes to like the file output (``pipeline.Output``), alone or in front of it
(then it hands every record and reject on as well). It sends in the order ``tracebridge send`` does, as far as a
stream allows:

- the records others refer to (definitions, versions, dataset examples, experiments, sessions) go before the spans of
  the same flush;
- spans go in batches of ``BATCH`` as they arrive (the destination cuts its requests to size), each with the
  evaluations that judge it: judgments that arrived before their span wait for it, those in the same batch ride with
  it;
- experiment items (which link runs, examples and spans) go at the end, after every span, and last the evaluations of
  anything but a span, of spans that never arrived, and of spans already sent when they came (Phoenix and Langfuse
  attach those to the span by id; OTLP cannot add an event to a span it has sent and counts them under "no place for").

A destination that must see some records before any span (``Prepares``: Langfuse, which puts experiment items on the
spans of their traces) gets everything at the end, in ``send``'s order, after ``prepare``.

Memory stays flat: what waits (records before a flush, judgments before their span, items and leftovers until the
end) is kept in an SQLite spool on disk, under ``OUT/.partial/`` when there is an output directory (committed with
each checkpoint, so ``--resume`` continues it), else in a temporary directory removed at the end.

Exactly once across runs: the ledger (``destinations.ledger``) lists what the target accepted. With an output
directory it is the one ``tracebridge send`` keeps (``OUT/.sent/<target>.jsonl``), so either command continues the
other; without one it lives in a state directory (``--state-dir``, default ``$XDG_STATE_HOME/tracebridge/sent``),
named by the target, so re-running an export or import sends nothing that target already took. Records the target
refused, and without an output directory the source records that could not be mapped, go to
``<ledger>.rejects.jsonl`` beside the ledger.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Coroutine, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Final, Protocol, TypeVar

import attrs

from tracebridge.delivery.rejects import Reject
from tracebridge.destinations.base import BEFORE_SPANS, Destination, Prepares, SendReport, SpanGroup
from tracebridge.destinations.ledger import Ledger, RejectsFile, ledger_name, ledger_path, rejects_path, span_entry
from tracebridge.errors import TracebridgeError
from tracebridge.json_codec import dumps, loads
from tracebridge.records import Evaluation, Record, Span
from tracebridge.serialization import from_json_dict, to_json_dict
from tracebridge.sinks.layout import partial_dir

BATCH: Final = 1_000
"""Spans (or records sent before them) gathered before they go; the destination cuts its own requests to size."""
_IN_CLAUSE: Final = 500
"""Span ids looked up in one query (below SQLite's oldest limit of 999 parameters)."""
SPOOL_FILE: Final = "send-spool.sqlite"
STATE_KEY: Final = "send_spool"
"""The spool's last row at a checkpoint, kept in the checkpoint beside the files' state."""

T = TypeVar("T")


class Inner(Protocol):
    """The file output behind a ``LiveSend`` (``sinks.MultiSink``): what ``pipeline.Output`` asks of it."""

    def write(self, records: Sequence[Record]) -> None: ...
    def reject(self, reject: Reject) -> None: ...
    def state(self) -> dict[str, Any]: ...
    def restore(self, state: dict[str, Any]) -> None: ...
    def close(self, manifest: Any = None) -> object: ...
    def abort(self, *, discard: bool = False) -> None: ...


def default_state_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """``$XDG_STATE_HOME/tracebridge/sent`` (``~/.local/state/tracebridge/sent``): ledgers of runs with no ``--out``."""
    base = environ.get("XDG_STATE_HOME", "").strip()
    root = Path(base) if base else Path.home() / ".local" / "state"
    return root / "tracebridge" / "sent"


def ledger_for(target: str, *, out_dir: Path | None, state_dir: Path | None) -> Path:
    """Where the ledger of ``target`` lives (see the module): ``state_dir`` if given, else beside ``out_dir``, else
    in the default state directory."""
    if state_dir is not None:
        return state_dir / ledger_name(target)
    if out_dir is not None:
        return ledger_path(out_dir, target)
    return default_state_dir() / ledger_name(target)


@attrs.define
class SendResult:
    """What a ``LiveSend`` did: the destination's report, where its ledger and rejects are, and what came late."""

    target: str
    report: SendReport
    ledger: Path
    rejects: Path
    source_rejects: int = 0
    """Source records that could not be mapped, written to ``rejects`` (only when there is no output directory)."""
    late: int = 0
    """Judgments that arrived after this run had sent their span: sent on their own (OTLP has no place for them)."""

    @property
    def refused(self) -> int:
        return sum(self.report.rejected.values())


class SendError(TracebridgeError):
    """The destination could not be reached or kept failing: says which, and that a run again continues."""


class _Loop:
    """An event loop on a thread of its own: the destination's HTTP pool lives in one loop for the whole run, and the
    pipeline (which may run loops of its own to read pages) calls it from plain code."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="tracebridge-send", daemon=True)
        self.thread.start()

    def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result()

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join()
        self.loop.close()


class _Spool:
    """Records waiting to be sent, on disk: ``role`` says why (``before``, ``span``, ``judgment``, ``item``,
    ``later``), ``span_id`` which span a judgment waits for."""

    def __init__(self, path: Path, *, keep: bool) -> None:
        if not keep:
            path.unlink(missing_ok=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(path, check_same_thread=False)
        self.db.execute("PRAGMA synchronous = NORMAL")
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS spool (seq INTEGER PRIMARY KEY, role TEXT NOT NULL, record_type TEXT NOT NULL,"
            " span_id TEXT, body BLOB NOT NULL)"
        )
        self.db.execute("CREATE INDEX IF NOT EXISTS by_role ON spool (role, span_id)")
        self.db.execute("CREATE TABLE IF NOT EXISTS sent (span_id TEXT PRIMARY KEY) WITHOUT ROWID")
        self.db.commit()

    def sent(self, span_ids: Iterable[str]) -> None:
        """Remember spans sent by this run (a judgment of one that comes later is late, not already there)."""
        self.db.executemany("INSERT OR IGNORE INTO sent VALUES (?)", ((span_id,) for span_id in span_ids))

    def was_sent(self, span_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM sent WHERE span_id = ?", (span_id,)).fetchone() is not None

    def add(self, rows: Iterable[tuple[str, Record, str | None]]) -> None:
        self.db.executemany(
            "INSERT INTO spool (role, record_type, span_id, body) VALUES (?, ?, ?, ?)",
            ((role, record.record_type, span_id, dumps(to_json_dict(record))) for role, record, span_id in rows),
        )

    def count(self, role: str) -> int:
        (found,) = self.db.execute("SELECT count(*) FROM spool WHERE role = ?", (role,)).fetchone()
        return int(found)

    def last(self) -> int:
        (found,) = self.db.execute("SELECT coalesce(max(seq), 0) FROM spool").fetchone()
        return int(found)

    def records(self, role: str, record_type: str | None = None) -> Iterator[tuple[int, Record]]:
        """The rows of ``role`` (and ``record_type``) in arrival order, read a page at a time."""
        after = 0
        while True:
            query = "SELECT seq, body FROM spool WHERE role = ? AND seq > ?"
            parameters: list[Any] = [role, after]
            if record_type is not None:
                query += " AND record_type = ?"
                parameters.append(record_type)
            rows = self.db.execute(query + " ORDER BY seq LIMIT ?", [*parameters, BATCH]).fetchall()
            if not rows:
                return
            for seq, body in rows:
                yield seq, from_json_dict(loads(body))
            after = rows[-1][0]

    def take_judgments(self, span_ids: Sequence[str]) -> dict[str, list[Evaluation]]:
        """The judgments waiting for these spans, removed from the spool."""
        found: dict[str, list[Evaluation]] = {}
        for start in range(0, len(span_ids), _IN_CLAUSE):
            chunk = list(span_ids[start : start + _IN_CLAUSE])
            marks = ", ".join("?" * len(chunk))
            where = f"role = 'judgment' AND span_id IN ({marks})"
            for span_id, body in self.db.execute(f"SELECT span_id, body FROM spool WHERE {where} ORDER BY seq", chunk):
                evaluation = from_json_dict(loads(body))
                assert isinstance(evaluation, Evaluation)
                found.setdefault(span_id, []).append(evaluation)
            self.db.execute(f"DELETE FROM spool WHERE {where}", chunk)
        return found

    def remove(self, seqs: Sequence[int]) -> None:
        self.db.executemany("DELETE FROM spool WHERE seq = ?", ((seq,) for seq in seqs))

    def cut_back(self, last: int) -> None:
        """Forget what was spooled after the checkpoint that saw row ``last`` (its records are read again)."""
        self.db.execute("DELETE FROM spool WHERE seq > ?", (last,))
        self.db.commit()

    def commit(self) -> None:
        self.db.commit()

    def close(self, *, remove: bool) -> None:
        self.db.close()
        if remove:
            self.path.unlink(missing_ok=True)


class LiveSend:
    """Sends what the pipeline writes to ``destination`` (see the module), in front of ``inner`` (the files) if any.

    ``spool_dir``: where the spool lives (``OUT/.partial/`` for an output directory; None: a temporary directory);
    ``resume``: keep the spool an interrupted run left there, for ``restore`` to cut back to its checkpoint.
    """

    def __init__(
        self,
        destination: Destination,
        ledger: Path,
        *,
        inner: Inner | None = None,
        spool_dir: Path | None = None,
        resume: bool = False,
        batch: int = BATCH,
    ) -> None:
        self.destination = destination
        self.inner = inner
        self.batch = batch
        self.ledger = Ledger(ledger)
        self.result = SendResult(destination.target, SendReport(), ledger, rejects_path(ledger))
        self._rejects_file = RejectsFile(self.result.rejects)
        self._streaming = not isinstance(destination, Prepares)
        self._temporary = spool_dir is None
        directory = Path(tempfile.mkdtemp(prefix="tracebridge-send-")) if spool_dir is None else spool_dir
        self._spool = _Spool(directory / SPOOL_FILE, keep=resume and spool_dir is not None)
        self._pending_spans = self._spooled_spans()
        self._loop = _Loop()
        self._open = True
        try:
            self._call(destination.open())
        except BaseException:
            self._shutdown(remove=self._temporary)
            raise

    # The pipeline's Output

    def write(self, records: Sequence[Record]) -> None:
        if self.inner is not None:
            self.inner.write(records)
        rows: list[tuple[str, Record, str | None]] = []
        for record in records:
            if isinstance(record, Span):
                rows.append(("span", record, record.span_id))
                if self._streaming:
                    self._pending_spans.add(record.span_id)
            elif isinstance(record, Evaluation):
                span_id = record.span_id if record.target_type == "span" else None
                if span_id is None:
                    rows.append(("later", record, None))
                elif span_id in self._pending_spans or span_entry(span_id) not in self.ledger:
                    rows.append(("judgment", record, span_id))
                else:
                    # Its span went before (this run: late; an earlier one: the destination knows if it has it).
                    if self._streaming and self._spool.was_sent(span_id):
                        self.result.late += 1
                    rows.append(("later", record, span_id))
            elif record.record_type in BEFORE_SPANS:
                rows.append(("before", record, None))
            else:
                rows.append(("item", record, None))
        self._spool.add(rows)
        if self._streaming and (len(self._pending_spans) >= self.batch or self._spool.count("before") >= self.batch):
            self._flush()
        self._spool.commit()

    def reject(self, reject: Reject) -> None:
        if self.inner is not None:
            self.inner.reject(reject)
        else:
            self.result.source_rejects += self._rejects_file.append([reject])

    def state(self) -> dict[str, Any]:
        state = self.inner.state() if self.inner is not None else {}
        self._spool.commit()
        return {**state, STATE_KEY: self._spool.last()}

    def restore(self, state: dict[str, Any]) -> None:
        if self.inner is not None:
            self.inner.restore({key: value for key, value in state.items() if key != STATE_KEY})
        self._spool.cut_back(int(state.get(STATE_KEY, 0)))
        self._pending_spans = self._spooled_spans()

    def encoder(self) -> None:
        """Records mapped in worker processes must reach this output as records (it sends them): no encoder."""
        return None

    def close(self, manifest: Any = None) -> object:
        """Send everything still waiting (see the module), then publish the files; the ledger and rejects are kept."""
        if not self._open:
            return None
        try:
            if not self._streaming:
                assert isinstance(self.destination, Prepares)
                self.destination.prepare(self._read_all)
            self._flush()
            self._send_role("item")  # AFTER_SPANS: the experiment items
            self._send_role("judgment")
            self._send_role("later")
            self._call(self.destination.close())
        except BaseException:
            self.abort()
            raise
        finally:
            self._rejects_file.append(self.result.report.rejects)
            self.result.report.rejects.clear()
        self._shutdown(remove=True)
        return self.inner.close(manifest) if self.inner is not None else None

    def abort(self, *, discard: bool = False) -> None:
        if self.inner is not None:
            self.inner.abort(discard=discard)
        if not self._open:
            return
        with contextlib.suppress(Exception):
            self._loop.run(self.destination.close())
        self._rejects_file.append(self.result.report.rejects)
        self.result.report.rejects.clear()
        self._shutdown(remove=discard or self._temporary)

    # Sending

    def _flush(self) -> None:
        """What is spooled before spans, then the spans with their judgments."""
        for record_type in BEFORE_SPANS:
            self._send_role("before", (record_type,))
        batch: list[tuple[int, Span]] = []
        for seq, span in self._spool.records("span"):
            assert isinstance(span, Span)
            batch.append((seq, span))
            if len(batch) >= self.batch:
                self._send_spans(batch)
                batch = []
        if batch:
            self._send_spans(batch)
        self._pending_spans.clear()
        self._spool.commit()

    def _send_spans(self, batch: list[tuple[int, Span]]) -> None:
        spans = [span for _, span in batch]
        judgments = self._spool.take_judgments([span.span_id for span in spans])
        groups = [SpanGroup(span, judgments.get(span.span_id, ())) for span in spans]
        self._call(self.destination.send_spans(groups, self.ledger, self.result.report))
        self._spool.sent(span.span_id for span in spans)
        self._spool.remove([seq for seq, _ in batch])
        self._spool.commit()

    def _send_role(self, role: str, record_types: Sequence[str] | None = None) -> None:
        for record_type in record_types or (None,):
            batch: list[tuple[int, Record]] = []
            for row in self._spool.records(role, record_type):
                batch.append(row)
                if len(batch) >= self.batch:
                    self._send_records(batch)
                    batch = []
            if batch:
                self._send_records(batch)

    def _send_records(self, batch: list[tuple[int, Record]]) -> None:
        self._call(self.destination.send_records([record for _, record in batch], self.ledger, self.result.report))
        self._spool.remove([seq for seq, _ in batch])
        self._spool.commit()

    def _spooled_spans(self) -> set[str]:
        """The spans waiting in the spool (a resumed run's), which judgments read later still wait for. A destination
        that gets everything at the end keeps no such set: every judgment waits."""
        if not self._streaming:
            return set()
        return {span.span_id for _, span in self._spool.records("span") if isinstance(span, Span)}

    def _call(self, coroutine: Coroutine[Any, Any, T]) -> T:
        """Run a call of the destination; its failure names the target (the command's own --base-url is not it)."""
        try:
            return self._loop.run(coroutine)
        except (TracebridgeError, OSError) as exc:
            taken = (
                f"what the target took is in the ledger {self.ledger.path}"
                if self.ledger.path is not None and self.ledger.path.exists()
                else "the target took nothing yet"
            )
            raise SendError(
                f"sending to {self.destination.target}: {exc} ({taken}: the same command again sends only the rest)"
            ) from exc

    def _read_all(self, record_type: str) -> Iterator[Record]:
        """Every spooled record of a type, for ``Prepares.prepare``."""
        rows = self._spool.db.execute("SELECT body FROM spool WHERE record_type = ? ORDER BY seq", (record_type,))
        return (from_json_dict(loads(body)) for (body,) in rows)

    def _shutdown(self, *, remove: bool) -> None:
        self._open = False
        self._loop.close()
        self._spool.close(remove=remove)
        if self._temporary:
            shutil.rmtree(self._spool.path.parent, ignore_errors=True)


@attrs.frozen
class SendTo:
    """``--send-to``: the destination and, if given, the state directory its ledger lives in (see the module)."""

    destination: Destination
    state_dir: Path | None = None

    def ledger(self, out_dir: Path | None) -> Path:
        return ledger_for(self.destination.target, out_dir=out_dir, state_dir=self.state_dir)

    def open(self, inner: Inner | None, *, out_dir: Path | None, resume: bool) -> LiveSend:
        """The output that sends, in front of ``inner`` (aborted if the destination cannot be opened)."""
        try:
            return LiveSend(
                self.destination,
                self.ledger(out_dir),
                inner=inner,
                spool_dir=partial_dir(out_dir) if out_dir is not None else None,
                resume=resume,
            )
        except BaseException:
            if inner is not None:
                inner.abort()
            raise
