"""The documented Humanloop endpoints, declared as data: what ``HumanloopClient`` reads and writes.

Each listing is one declaration (method, path, page numbering, envelope, record kind) over the shared listing routine
(``tracebridge.transport.listing``); ``tests/test_endpoints.py`` checks every declaration against
``specs/humanloop.yaml``, the spec the generated models come from.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from tracebridge.delivery.kinds import RecordKind
from tracebridge.humanloop import kinds
from tracebridge.transport.endpoint import Endpoint
from tracebridge.transport.listing import PagedEndpoint
from tracebridge.transport.paging import ONE_BASED, ZERO_BASED


def _datapoint_snapshots(parameters: Mapping[str, Any]) -> RecordKind:
    return kinds.v4_datapoint_snapshot(parameters.get("id"), parameters.get("evaluatee_id"))


PROJECT_LOGS: Final = PagedEndpoint(
    endpoint=Endpoint("humanloop", "v4", "POST", "/projects/{id}/export"),
    pages=ZERO_BASED,
    kind=lambda _parameters: kinds.V4_LOG,
)
"""Every log of a project, newest first, with its evaluation results and feedback."""

EVALUATION_DATAPOINTS: Final = PagedEndpoint(
    endpoint=Endpoint("humanloop", "v4", "GET", "/evaluations/{id}/datapoints"),
    pages=ONE_BASED,
    kind=_datapoint_snapshots,
)
"""An evaluation's datapoints for one evaluatee (``evaluatee_id``; the first when none is named)."""

EVALUATION_LOGS: Final = PagedEndpoint(
    endpoint=Endpoint("humanloop", "v5", "GET", "/evaluations/{id}/logs"),
    pages=ONE_BASED,
    kind=lambda parameters: kinds.v5_evaluation_log(parameters.get("id")),
)
"""An evaluation's logs with their evaluator logs and datapoints, of the runs named by ``run_id`` (repeatable)."""

ADD_LOGS_TO_RUN: Final = Endpoint("humanloop", "v5", "POST", "/evaluations/{id}/runs/{run_id}/logs")
"""Adds logs to a run and answers with the run: the one write the documented API offers."""
