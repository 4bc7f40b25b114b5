"""The sandbox's Humanloop workspace: one project, one evaluation with several evaluatees and runs, all generated.

Every collection holds ``records`` records and record ``i`` is a pure function of ``(seed, i)``: archetype
``mix64(i) % ARCHETYPES`` rendered with ``i``'s own ids, timestamps and numbers. Nothing is materialised, so a
1,000,000-log project costs the same memory as a 10-log one, and any page can be served without the ones before it.

- v4 project logs (``data_`` ids): ``created_at`` grows with ``i``, so the export, newest first, serves ``i`` from the
  top down. Logs come in sessions of up to four: the first is the parent of the others (``session_id``,
  ``parent_id``).
- v4 evaluation datapoints: the same datapoints (``dp_`` ids) for every evaluatee (``evv_``), each with that
  evaluatee's own log and evaluation results.
- v5 evaluation logs: record ``i`` belongs to run ``i % len(run_ids)``; logs added with ``POST .../logs`` are kept
  (the only state the sandbox has) and listed first.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Sequence
from typing import Any

from tracebridge.sandbox.determinism import digest, iso_utc, json_stamp, mix64, stream_key, unmix64
from tracebridge.sandbox.humanloop_catalog import CREATED_AT_US, HumanloopCatalog, hl_id
from tracebridge.sandbox.humanloop_records import (
    v4_datapoint_snapshot,
    v4_log,
    v4_snapshot_results,
    v5_added_log,
    v5_evaluation_log,
)
from tracebridge.sandbox.listing import Listing, RoundRobin
from tracebridge.sandbox.templates import Template, inline, literal, slot

ARCHETYPES = 48
EVALUATEES = 3
RUNS = 3
LOOSE_LOGS = 3
_LOG_ID = re.compile(r"log_[0-9a-f]{16}")
SESSION_SIZE = 4
LOGS_START_US = 1_735_689_600_000_000
"""2025-01-01T00:00:00Z: the first generated log; the rest follow a few seconds apart, all in the past."""
GAP_US = 7_000_000
"""Average spacing of consecutive logs; each log's jitter stays inside its own gap, so order is strict."""
_K = (0x5851F42D4C957F2D, 0x14057B7EF767814F, 0x2545F4914F6CDD1D, 0x9E3779B97F4A7C15, 0xD6E8FEB86659FD93)

Drift = Callable[[dict[str, Any], int], dict[str, Any]]


def _hex(prefix: bytes, value: int) -> bytes:
    return b'"%b%016x"' % (prefix, value)


_stamp = json_stamp

# Numbers come from tables indexed by bits of the record's hash: formatting them per record was a third of the cost of
# a page. A cost and its token count share an index, so they stay consistent.
_PROMPT = [(40 + (n * 7919) % 1800) for n in range(2048)]
_OUTPUT = [(3 + (n * 104729) % 600) for n in range(1024)]
_PROMPT_B = [b"%d" % n for n in _PROMPT]
_OUTPUT_B = [b"%d" % n for n in _OUTPUT]
_PROMPT_COST_B = [b"%.8f" % (n * 2.5e-6) for n in _PROMPT]
_OUTPUT_COST_B = [b"%.8f" % (n * 1e-5) for n in _OUTPUT]
_REASONING_B = [b"%d" % ((n * 31) % 300) for n in range(256)]
_DURATION_MS = [150 + (n * 7793) % 9000 for n in range(4096)]
_DURATION_B = [b"%.3f" % (ms / 1000) for ms in _DURATION_MS]
_LATENCY_B = [b"%.3f" % (ms * 0.93 / 1000) for ms in _DURATION_MS]


def _ids_and_numbers(r: int, values: dict[str, bytes]) -> None:
    """The slots every Humanloop record has: its id hex digits (``h``..) and its token counts, costs and timings."""
    h = b"%016x" % r
    values["h"] = h
    values["h1"] = h[::-1]
    values["h2"] = h[8:] + h[:8]
    values["h3"] = h[4:] + h[:4]
    values["g"] = h[12:] + h[:12]
    p = r & 2047
    o = (r >> 11) & 1023
    d = (r >> 21) & 4095
    values["prompt_tokens"] = _PROMPT_B[p]
    values["output_tokens"] = _OUTPUT_B[o]
    values["reasoning_tokens"] = _REASONING_B[(r >> 33) & 255]
    values["tokens"] = b"%d" % (_PROMPT[p] + _OUTPUT[o])
    values["prompt_cost"] = _PROMPT_COST_B[p]
    values["output_cost"] = _OUTPUT_COST_B[o]
    values["duration"] = _DURATION_B[d]
    values["provider_latency"] = _LATENCY_B[d]


class HumanloopData:
    """Ids, records and listings of the generated Humanloop workspace, plus the logs added to runs."""

    def __init__(self, seed: int, records: int, *, small: bool = False) -> None:
        self.seed = seed
        self.records = records
        self.small = small
        self.catalog = HumanloopCatalog(seed)
        self.project_id = hl_id("pr_", seed, "project")
        self.project_name = "support-bot"
        self.evaluation_id = hl_id("ev_", seed, "evaluation")
        self.evaluatee_ids = tuple(hl_id("evv_", seed, "evaluatee", e) for e in range(EVALUATEES))
        self.run_ids = tuple(hl_id("run_", seed, "run", r) for r in range(RUNS))
        self.loose_log_ids = tuple(f"log_{mix64(stream_key(seed, 'loose-logs') ^ n):016x}" for n in range(LOOSE_LOGS))
        """Logs of the workspace in no run yet: what ``POST .../runs/{run_id}/logs`` can add besides the run logs."""
        self._v4_base = stream_key(seed, "v4-logs")
        self._dp_base = stream_key(seed, "datapoints")
        self._evaluatee_bases = tuple(stream_key(seed, f"evaluatee-{e}") for e in range(EVALUATEES))
        self._v5_base = stream_key(seed, "v5-logs")
        self._session_base = stream_key(seed, "sessions")
        catalog = self.catalog
        self._v4 = [
            Template(v4_log(catalog, k, project_name=self.project_name, project_id=self.project_id, evaluation_id=None))
            for k in range(ARCHETYPES)
        ]
        self._evaluatee_logs = [
            Template(
                v4_log(
                    catalog,
                    k,
                    project_name=self.project_name,
                    project_id=self.project_id,
                    evaluation_id=self.evaluation_id,
                    kind="model",
                )
            )
            for k in range(ARCHETYPES)
        ]
        self._snapshots = [Template(v4_datapoint_snapshot(catalog, k)) for k in range(ARCHETYPES)]
        self._snapshot_results = [
            Template(v4_snapshot_results(catalog, k, evaluation_id=self.evaluation_id)) for k in range(ARCHETYPES)
        ]
        self._v5 = [Template(v5_evaluation_log(catalog, k)) for k in range(ARCHETYPES)]
        self._added_template = Template(v5_added_log(catalog))
        prompt = catalog.prompt_for(0)
        self._small_v4_format = (
            b'{"id":"data_%016x","project_id":' + literal(self.project_id) + b',"created_at":%b,"output":"Done.",'
            b'"prompt_tokens":%b,"output_tokens":%b}'
        )
        """A small v4 log, formatted directly: the hot path of the paging benchmark."""
        self._small_snapshot = Template(
            {"datapoint": {"id": slot("datapoint_id")}, "log": slot("log"), "evaluation_results": []}
        )
        self._small_v5 = Template(
            {
                "run_id": slot("run_id"),
                "log": {
                    "id": "log_" + inline("h"),
                    "created_at": slot("created_at"),
                    "output": "Done.",
                    "prompt": {"id": prompt["id"], "path": prompt["path"], "version_id": prompt["version_id"]},
                },
            }
        )
        self._added: dict[str, dict[str, None]] = {run_id: {} for run_id in self.run_ids}
        self._lock = threading.Lock()
        self.run_created_us = tuple(CREATED_AT_US + (r + 10) * 86_400_000_000 for r in range(RUNS))

    # --- timestamps ---------------------------------------------------------------------------------------------

    @staticmethod
    def created_us(i: int, r: int) -> int:
        """When generated record ``i`` (with hash ``r``) was created: strictly increasing in ``i``."""
        return LOGS_START_US + i * GAP_US + r % GAP_US

    # --- v4 project logs ----------------------------------------------------------------------------------------

    def v4_log_id(self, i: int) -> str:
        return f"data_{mix64(self._v4_base ^ i):016x}"

    def v5_log_id(self, i: int) -> str:
        return f"log_{mix64(self._v5_base ^ i):016x}"

    def _v4_values(self, i: int, r: int, created: int) -> dict[str, bytes]:
        values: dict[str, bytes] = {
            "created_at": _stamp(created),
            "updated_at": _stamp(created + 2_000_000 + r % 50_000_000),
            "judged_at": _stamp(created + 60_000_000 + r % 900_000_000),
            "datapoint_id": _hex(b"dp_", mix64(self._dp_base ^ i)) if r % 5 == 0 else b"null",
            "reference_id": b'"ref-%d"' % i if r % 3 == 0 else b"null",
        }
        block, offset = divmod(i, SESSION_SIZE)
        session = mix64(self._session_base ^ block)
        if session % 4:
            values["session_id"] = _hex(b"sesh_", session)
            values["session_ref"] = b'"conversation-%d"' % block
            parent = block * SESSION_SIZE
            values["parent_id"] = _hex(b"data_", mix64(self._v4_base ^ parent)) if offset else b"null"
        else:
            values["session_id"] = values["session_ref"] = values["parent_id"] = b"null"
        _ids_and_numbers(r, values)
        return values

    @staticmethod
    def _small_values(r: int, created: int) -> dict[str, bytes]:
        return {"h": b"%016x" % r, "created_at": _stamp(created)}

    def _small_v4_log(self, r: int, created: int) -> bytes:
        return self._small_v4_format % (r, _stamp(created), _PROMPT_B[r & 2047], _OUTPUT_B[(r >> 11) & 1023])

    def v4_log(self, i: int, drift: Drift | None = None) -> bytes:
        """Project log ``i`` (0 = oldest) as JSON bytes."""
        r = mix64(self._v4_base ^ i)
        if self.small:
            body = self._small_v4_log(r, LOGS_START_US + i * GAP_US + r % GAP_US)
            return body if drift is None else _drifted(body, r, drift)
        body = self._v4[r % ARCHETYPES].render(self._v4_values(i, r, self.created_us(i, r)))
        return _drifted(body, r, drift)

    def project_listing(self, drift: Drift | None = None) -> Listing:
        return Listing(self.records, lambda i: self.v4_log(i, drift))

    # --- v4 evaluation datapoints -------------------------------------------------------------------------------

    def v4_snapshot(self, evaluatee: int, i: int, drift: Drift | None = None) -> bytes:
        """Datapoint ``i`` of the evaluation as evaluatee ``evaluatee`` ran it."""
        dp = mix64(self._dp_base ^ i)
        r = mix64(self._evaluatee_bases[evaluatee] ^ i)
        created = self.created_us(i, r)
        if self.small:
            small = self._small_values(r, created)
            small["datapoint_id"] = _hex(b"dp_", dp)
            small["log"] = self._small_v4_log(r, created)
            return _drifted(self._small_snapshot.render(small), r, drift)
        values = self._v4_values(i, r, created)
        values["datapoint_id"] = _hex(b"dp_", dp)
        values["session_id"] = values["session_ref"] = values["parent_id"] = b"null"
        pending = evaluatee == EVALUATEES - 1 and r % 5 == 4  # the last evaluatee has not run every datapoint yet
        values["log"] = b"null" if pending else self._evaluatee_logs[r % ARCHETYPES].render(values)
        values["evaluation_results"] = b"[]" if pending else self._snapshot_results[r % ARCHETYPES].render(values)
        body = self._snapshots[dp % ARCHETYPES].render(values)
        return _drifted(body, r, drift)

    def datapoint_listing(self, evaluatee: int, drift: Drift | None = None) -> Listing:
        return Listing(self.records, lambda i: self.v4_snapshot(evaluatee, i, drift))

    # --- v5 evaluation logs -------------------------------------------------------------------------------------

    def _v5_values(self, i: int, r: int, run_id: str) -> dict[str, bytes]:
        end = self.created_us(i, r)
        duration = _DURATION_MS[(r >> 21) & 4095] * 1000
        values: dict[str, bytes] = {
            "run_id": b'"%b"' % run_id.encode(),
            "datapoint_id": _hex(b"dp_", mix64(self._dp_base ^ i)),
            "t_start": _stamp(end - duration),
            "t_end": _stamp(end),
            "t_judged": _stamp(end + 30_000_000 + r % 600_000_000),
        }
        _ids_and_numbers(r, values)
        return values

    def v5_log(self, i: int, drift: Drift | None = None) -> bytes:
        """Evaluation log ``i`` (run ``i % RUNS``)."""
        r = mix64(self._v5_base ^ i)
        if self.small:
            small = self._small_values(r, self.created_us(i, r))
            small["run_id"] = b'"%b"' % self.run_ids[i % RUNS].encode()
            return _drifted(self._small_v5.render(small), r, drift)
        body = self._v5[r % ARCHETYPES].render(self._v5_values(i, r, self.run_ids[i % RUNS]))
        return _drifted(body, r, drift)

    def added_log(self, run_id: str, log_id: str) -> bytes:
        """The record of a log added to a run through the API."""
        r = digest(self.seed, "added", run_id, log_id)
        values = self._v5_values(self.records, r, run_id)
        values["log_id"] = literal(log_id)
        return self._added_template.render(values)

    def evaluation_listing(self, run_ids: Sequence[str], drift: Drift | None = None) -> Listing:
        """The evaluation's logs of the given runs (all when empty), added logs first."""
        selected = tuple(sorted({self.run_ids.index(run_id) for run_id in run_ids})) or tuple(range(RUNS))
        runs = RoundRobin(self.records, RUNS, selected)
        with self._lock:
            added = [
                (order, self.run_ids[run], log_id)
                for run in selected
                for order, log_id in enumerate(self._added[self.run_ids[run]])
            ]
        added.sort(key=lambda item: -item[0])
        prepended = [self.added_log(run_id, log_id) for _, run_id, log_id in added]
        return Listing(runs.count(), lambda g: self.v5_log(runs.index(g), drift), prepended)

    def log_exists(self, log_id: str) -> bool:
        """Whether the workspace holds this log: a loose one, or one of the evaluation's (found by undoing its id)."""
        if log_id in self.loose_log_ids:
            return True
        if not _LOG_ID.fullmatch(log_id):
            return False
        return unmix64(int(log_id.removeprefix("log_"), 16)) ^ self._v5_base < self.records

    def add_logs(self, run_id: str, log_ids: Sequence[str]) -> None:
        """Add logs to a run; adding a log the run already has is a no-op, as the vendor's is."""
        with self._lock:
            run = self._added[run_id]
            for log_id in log_ids:
                run.setdefault(log_id, None)

    def added_count(self, run_id: str) -> int:
        with self._lock:
            return len(self._added[run_id])

    def run(self, run_id: str) -> dict[str, Any]:
        """The run as ``POST .../runs/{run_id}/logs`` answers it."""
        index = self.run_ids.index(run_id)
        created = self.run_created_us[index]
        dataset = dict(self.catalog.dataset)
        dataset["datapoints_count"] = self.records
        return {
            "id": run_id,
            "orchestrated": index != RUNS - 1,
            "added_at": iso_utc(created + 60_000_000),
            "created_at": iso_utc(created),
            "status": ("completed", "running", "pending")[index % 3],
            "control": index == 0,
            "dataset": dataset,
            "version": self.catalog.prompt_for(index),
            "created_by": {
                "id": hl_id("usr_", self.seed, index),
                "email_address": "ada.lovelace@example.com",
                "full_name": "Ada Lovelace",
            },
        }


def _drifted(body: bytes, key: int, drift: Drift | None) -> bytes:
    if drift is None:
        return body
    record = json.loads(body)
    return json.dumps(drift(record, key), ensure_ascii=False, separators=(",", ":")).encode()
