"""The four Humanloop endpoints: query semantics, validation and envelopes, over ``HumanloopData``.

Page numbering differs per endpoint exactly as documented: the v4 export's ``page`` is a 0-based index (default 0),
the v4 datapoints' and v5 logs' ``page`` starts at 1. ``size`` defaults to 10 and 0 is allowed (an empty page that
still reports ``total``). ``run_id`` may repeat. Unknown ids answer 404 after the parameters validate, as FastAPI
resolves parameters before the handler looks anything up.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from tracebridge.sandbox.config import SandboxConfig
from tracebridge.sandbox.faults import FaultInjector
from tracebridge.sandbox.humanloop_data import HumanloopData
from tracebridge.sandbox.listing import Listing, envelope
from tracebridge.sandbox.responses import Response, json_response, not_found, unprocessable
from tracebridge.sandbox.validation import Problem, query_int

Query = Mapping[str, Sequence[str]]
Drift = Callable[[dict[str, Any], int], dict[str, Any]] | None


class HumanloopApi:
    def __init__(self, data: HumanloopData, config: SandboxConfig, faults: FaultInjector, drift: Drift) -> None:
        self.data = data
        self.config = config
        self.faults = faults
        self.drift = drift

    def _page(self, listing: Listing, key: str, *, page: int, first_page: int, size: int) -> Response:
        index = page - first_page
        shift = self.faults.repeat_shift(key, index, size)
        records = listing.window(index * size, size, shift) if size else []
        body = envelope(records, page=page, size=size, total=listing.total(shift))
        return Response(200, body, page=True)

    def _size(self, query: Query, problems: list[Problem]) -> int:
        return query_int(query, "size", default=10, minimum=0, maximum=self.config.max_page_size, problems=problems)

    def export_project(self, project_id: str, query: Query) -> Response:
        """``POST /v4/projects/{id}/export``: 0-based pages, newest first."""
        problems: list[Problem] = []
        page = query_int(query, "page", default=0, minimum=0, problems=problems)
        size = self._size(query, problems)
        if problems:
            return unprocessable(problems)
        if project_id != self.data.project_id:
            return not_found(f"Project {project_id}")
        listing = self.data.project_listing(self.drift)
        return self._page(listing, f"v4-export:{project_id}", page=page, first_page=0, size=size)

    def evaluation_datapoints(self, evaluation_id: str, query: Query) -> Response:
        """``GET /v4/evaluations/{id}/datapoints``: 1-based pages, one evaluatee (default: the first)."""
        problems: list[Problem] = []
        page = query_int(query, "page", default=1, minimum=1, problems=problems)
        size = self._size(query, problems)
        if problems:
            return unprocessable(problems)
        if evaluation_id != self.data.evaluation_id:
            return not_found(f"Evaluation {evaluation_id}")
        evaluatee_id = (query.get("evaluatee_id") or [self.data.evaluatee_ids[0]])[-1]
        if evaluatee_id not in self.data.evaluatee_ids:
            return not_found(f"Evaluatee {evaluatee_id} of evaluation {evaluation_id}")
        evaluatee = self.data.evaluatee_ids.index(evaluatee_id)
        listing = self.data.datapoint_listing(evaluatee, self.drift)
        return self._page(listing, f"v4-datapoints:{evaluatee_id}", page=page, first_page=1, size=size)

    def evaluation_logs(self, evaluation_id: str, query: Query) -> Response:
        """``GET /v5/evaluations/{id}/logs``: 1-based pages, optionally only some runs (``run_id`` repeated)."""
        problems: list[Problem] = []
        page = query_int(query, "page", default=1, minimum=1, problems=problems)
        size = self._size(query, problems)
        if problems:
            return unprocessable(problems)
        if evaluation_id != self.data.evaluation_id:
            return not_found(f"Evaluation {evaluation_id}")
        run_ids = [run_id for run_id in query.get("run_id", []) if run_id]
        unknown = [run_id for run_id in run_ids if run_id not in self.data.run_ids]
        if unknown:
            return not_found(f"Run {unknown[0]} of evaluation {evaluation_id}")
        listing = self.data.evaluation_listing(run_ids, self.drift)
        key = f"v5-logs:{','.join(sorted(set(run_ids)))}"
        return self._page(listing, key, page=page, first_page=1, size=size)

    def add_logs_to_run(self, evaluation_id: str, run_id: str, body: bytes) -> Response:
        """``POST /v5/evaluations/{id}/runs/{run_id}/logs``: the ``log_ids`` join the run, visible to later reads.

        Only logs the workspace holds can join (the evaluation's, and the loose ones the sandbox prints); an unknown
        id is a 404 naming it, never a log invented for it."""
        problems: list[Problem] = []
        log_ids: list[str] = []
        try:
            payload = json.loads(body) if body else None
        except ValueError as exc:
            problems.append(
                Problem(("body", 0), f"JSON decode error: {exc}", "json_invalid", body.decode(errors="replace"))
            )
            payload = None
        if not problems:
            if not isinstance(payload, dict):
                problems.append(
                    Problem(("body",), "Input should be a valid dictionary or object", "model_attributes_type", payload)
                )
            elif "log_ids" not in payload:
                problems.append(Problem(("body", "log_ids"), "Field required", "missing", payload))
            elif not isinstance(payload["log_ids"], list):
                problems.append(
                    Problem(("body", "log_ids"), "Input should be a valid list", "list_type", payload["log_ids"])
                )
            else:
                for index, log_id in enumerate(payload["log_ids"]):
                    if isinstance(log_id, str):
                        log_ids.append(log_id)
                    else:
                        problems.append(
                            Problem(("body", "log_ids", index), "Input should be a valid string", "string_type", log_id)
                        )
        if problems:
            return unprocessable(problems)
        if evaluation_id != self.data.evaluation_id:
            return not_found(f"Evaluation {evaluation_id}")
        if run_id not in self.data.run_ids:
            return not_found(f"Run {run_id} of evaluation {evaluation_id}")
        unknown = [log_id for log_id in log_ids if not self.data.log_exists(log_id)]
        if unknown:
            # As the vendor does: nothing is added when one id is unknown, and the answer names them.
            return not_found(f"Log{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}")
        self.data.add_logs(run_id, log_ids)
        return json_response(self.data.run(run_id))
