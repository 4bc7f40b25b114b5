"""Humanloop: the v4 project export, v4 evaluation datapoints, v5 evaluation logs, and adding logs to a run.

The platform shut down on 2025-09-08, so in practice this talks to the tracebridge sandbox or a compatible server;
the requests are exactly the documented ones, built by the generated client from ``specs/humanloop.yaml``.
"""

from __future__ import annotations

import asyncio
import functools
import os
from collections.abc import Sequence
from typing import Any

from humanloop_client.api.v4 import export_project_logs, list_evaluation_datapoints
from humanloop_client.api.v5 import add_logs_to_run, get_evaluation_logs
from humanloop_client.models import (
    V4EvaluationDatapointSnapshotResponse,
    V4LogResponse,
    V5AddLogsToRunRequest,
    V5EvaluationLogResponse,
    V5EvaluationRunResponse,
    V5LegacyEvaluationLogResponse,
)

from tracebridge.delivery.export import Export, ExportContext
from tracebridge.delivery.rejects import RejectSink
from tracebridge.errors import ApiError
from tracebridge.humanloop import v4 as humanloop_v4
from tracebridge.humanloop import v5 as humanloop_v5
from tracebridge.secrets import ApiKey
from tracebridge.transport.http import HttpTransport
from tracebridge.transport.listing import read_listing
from tracebridge.transport.paging import ONE_BASED, ZERO_BASED
from tracebridge.transport.retry import RetryPolicy
from tracebridge.transport.settings import ClientSettings

DEFAULT_BASE_URL = "https://api.humanloop.com"
KEY_HEADER = "X-API-KEY"
KEY_ENV = "HUMANLOOP_API_KEY"
BASE_URL_ENV = "HUMANLOOP_BASE_URL"

EvaluationLog = V5EvaluationLogResponse | V5LegacyEvaluationLogResponse


class HumanloopClient:
    """Reads a Humanloop workspace; one instance can run many exports, one after another or side by side."""

    def __init__(
        self,
        api_key: str | ApiKey | None = None,
        *,
        base_url: str | None = None,
        concurrency: int = 8,
        page_size: int = 100,
        timeout: float = 60.0,
        retry: RetryPolicy | None = None,
    ) -> None:
        key = api_key if isinstance(api_key, ApiKey) else ApiKey(api_key) if api_key else ApiKey.from_env(KEY_ENV)
        if key is None:
            raise ValueError(f"no Humanloop API key: pass api_key= or set {KEY_ENV}")
        self.settings = ClientSettings(
            base_url=base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL,
            api_key=key,
            key_header=KEY_HEADER,
            concurrency=concurrency,
            page_size=page_size,
            timeout=timeout,
            retry=retry or RetryPolicy(),
        )

    def __repr__(self) -> str:
        return f"HumanloopClient(base_url={self.settings.base_url!r}, api_key={self.settings.api_key!r})"

    def _transport(self) -> HttpTransport:
        return self.settings.transport()

    # --- v4 project export -------------------------------------------------------------------------------------

    def export_project(
        self,
        project_id: str,
        *,
        checkpoint: str | os.PathLike[str] | None = None,
        allow_partial: bool = False,
        on_reject: RejectSink | None = None,
    ) -> Export[V4LogResponse]:
        """Every log of a project (v4 ``POST /projects/{id}/export``, 0-based pages, newest first)."""
        settings = self.settings
        where = f"humanloop v4 POST /projects/{project_id}/export"

        async def batches(context: ExportContext) -> Any:
            async with self._transport() as http:

                async def fetch(page: int) -> Any:
                    request = export_project_logs._get_kwargs(project_id, page=page, size=settings.page_size)
                    body = await http.send_json(where, request)
                    context.report.bytes_received = http.bytes_received
                    return body

                async for batch in read_listing(
                    context,
                    listing="project",
                    fetch_body=fetch,
                    scheme=ZERO_BASED,
                    page_size=settings.page_size,
                    concurrency=settings.concurrency,
                    parse=V4LogResponse.from_dict,
                    identity=lambda raw: _str_or_none(raw.get("id")),
                    normalize=humanloop_v4.normalize_log,
                    where=where,
                ):
                    yield batch

        return Export(
            batches,
            description=where,
            job={"source": "humanloop", "endpoint": "v4.export_project", "project_id": project_id},
            checkpoint=checkpoint,
            allow_partial=allow_partial,
            on_reject=on_reject,
        )

    # --- v4 evaluation datapoints ------------------------------------------------------------------------------

    def evaluation_datapoints(
        self,
        evaluation_id: str,
        *,
        evaluatee_ids: Sequence[str] | None = None,
        checkpoint: str | os.PathLike[str] | None = None,
        allow_partial: bool = False,
        on_reject: RejectSink | None = None,
    ) -> Export[V4EvaluationDatapointSnapshotResponse]:
        """The datapoints of an evaluation for each evaluatee (v4; one listing per ``evv_`` id).

        The endpoint serves one evaluatee per request and the first one when none is named, so pass every evaluatee
        id for a full export; without ids only the default evaluatee is read.
        """
        settings = self.settings
        where = f"humanloop v4 GET /evaluations/{evaluation_id}/datapoints"
        evaluatees: list[str | None] = list(evaluatee_ids) if evaluatee_ids else [None]

        async def batches(context: ExportContext) -> Any:
            async with self._transport() as http:
                for evaluatee in evaluatees:

                    async def fetch(page: int, evaluatee: str | None = evaluatee) -> Any:
                        request = list_evaluation_datapoints._get_kwargs(
                            evaluation_id, page=page, size=settings.page_size, **_evaluatee_param(evaluatee)
                        )
                        body = await http.send_json(where, request)
                        context.report.bytes_received = http.bytes_received
                        return body

                    def identity(raw: dict[str, Any], evaluatee: str | None = evaluatee) -> str | None:
                        datapoint = raw.get("datapoint")
                        datapoint_id = datapoint.get("id") if isinstance(datapoint, dict) else None
                        return f"{evaluatee or 'default'}/{datapoint_id}" if datapoint_id else None

                    async for batch in read_listing(
                        context,
                        listing=f"evaluatee:{evaluatee or 'default'}",
                        fetch_body=fetch,
                        scheme=ONE_BASED,
                        page_size=settings.page_size,
                        concurrency=settings.concurrency,
                        parse=V4EvaluationDatapointSnapshotResponse.from_dict,
                        identity=identity,
                        normalize=functools.partial(
                            humanloop_v4.normalize_datapoint_snapshot,
                            evaluation_id=evaluation_id,
                            evaluatee_id=evaluatee,
                        ),
                        where=f"{where} evaluatee {evaluatee or '(default)'}",
                    ):
                        yield batch

        return Export(
            batches,
            description=where,
            job={
                "source": "humanloop",
                "endpoint": "v4.evaluation_datapoints",
                "evaluation_id": evaluation_id,
                "evaluatee_ids": [e for e in evaluatees if e],
            },
            checkpoint=checkpoint,
            allow_partial=allow_partial,
            on_reject=on_reject,
        )

    # --- v5 evaluation logs ------------------------------------------------------------------------------------

    def evaluation_logs(
        self,
        evaluation_id: str,
        *,
        run_ids: Sequence[str] | None = None,
        checkpoint: str | os.PathLike[str] | None = None,
        allow_partial: bool = False,
        on_reject: RejectSink | None = None,
    ) -> Export[EvaluationLog]:
        """The logs of an evaluation, of the given runs or of all (v5 ``GET /evaluations/{id}/logs``)."""
        settings = self.settings
        where = f"humanloop v5 GET /evaluations/{evaluation_id}/logs"
        runs = list(run_ids or [])

        async def batches(context: ExportContext) -> Any:
            async with self._transport() as http:

                async def fetch(page: int) -> Any:
                    request = get_evaluation_logs._get_kwargs(
                        evaluation_id, page=page, size=settings.page_size, **_run_id_param(runs)
                    )
                    body = await http.send_json(where, request)
                    context.report.bytes_received = http.bytes_received
                    return body

                async for batch in read_listing(
                    context,
                    listing="logs",
                    fetch_body=fetch,
                    scheme=ONE_BASED,
                    page_size=settings.page_size,
                    concurrency=settings.concurrency,
                    parse=parse_evaluation_log,
                    identity=_evaluation_log_identity,
                    normalize=normalize_evaluation_log,
                    where=where,
                ):
                    yield batch

        return Export(
            batches,
            description=where,
            job={
                "source": "humanloop",
                "endpoint": "v5.evaluation_logs",
                "evaluation_id": evaluation_id,
                "run_ids": runs,
            },
            checkpoint=checkpoint,
            allow_partial=allow_partial,
            on_reject=on_reject,
        )

    # --- v5 add logs to run ------------------------------------------------------------------------------------

    async def aadd_logs_to_run(
        self, evaluation_id: str, run_id: str, log_ids: Sequence[str]
    ) -> V5EvaluationRunResponse:
        where = f"humanloop v5 POST /evaluations/{evaluation_id}/runs/{run_id}/logs"
        request = add_logs_to_run._get_kwargs(evaluation_id, run_id, body=V5AddLogsToRunRequest(log_ids=list(log_ids)))
        async with self._transport() as http:
            body = await http.send_json(where, request)
        if not isinstance(body, dict):
            raise ApiError(where, 200, f"expected an EvaluationRun object, got {type(body).__name__}")
        return V5EvaluationRunResponse.from_dict(body)

    def add_logs_to_run(self, evaluation_id: str, run_id: str, log_ids: Sequence[str]) -> V5EvaluationRunResponse:
        """Add logs to a run and return the run (v5); a later ``evaluation_logs`` shows them."""
        return asyncio.run(self.aadd_logs_to_run(evaluation_id, run_id, log_ids))


def parse_evaluation_log(raw: dict[str, Any]) -> EvaluationLog:
    """Either record shape: the current one (with ``run_id``) or the pre-November-2024 one (``evaluated_version``)."""
    if "run_id" in raw:
        return V5EvaluationLogResponse.from_dict(raw)
    return V5LegacyEvaluationLogResponse.from_dict(raw)


def _evaluation_log_identity(raw: dict[str, Any]) -> str | None:
    log = raw.get("log")
    log_id = log.get("id") if isinstance(log, dict) else None
    if log_id is None:
        return None
    # One log can be evaluated in several runs; each (run, log) pair is its own record.
    return f"{raw.get('run_id') or '-'}/{log_id}"


def _evaluatee_param(evaluatee: str | None) -> dict[str, Any]:
    return {"evaluatee_id": evaluatee} if evaluatee else {}


def _run_id_param(runs: list[str]) -> dict[str, Any]:
    return {"run_id": runs} if runs else {}


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def normalize_evaluation_log(record: EvaluationLog) -> list[Any]:
    if isinstance(record, V5LegacyEvaluationLogResponse):
        return humanloop_v5.normalize_legacy_evaluation_log(record)
    return humanloop_v5.normalize_evaluation_log(record)
