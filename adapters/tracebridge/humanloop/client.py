"""Humanloop: the v4 project export, v4 evaluation datapoints, v5 evaluation logs, and adding logs to a run.

The platform shut down on 2025-09-08, so in practice this talks to the tracebridge sandbox or a compatible server.
Each public method is a few lines over the endpoint declarations (``tracebridge.humanloop.endpoints``) and the one
listing routine (``tracebridge.transport.listing``), in the way openai-python's resources sit on ``_get_api_list``.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Sequence
from typing import Any

from humanloop_client.models import (
    V4EvaluationDatapointSnapshotResponse,
    V4LogResponse,
    V5AddLogsToRunRequest,
    V5EvaluationRunResponse,
)

from tracebridge.delivery.context import ExportContext
from tracebridge.delivery.delivered import Delivered
from tracebridge.delivery.export import Export
from tracebridge.errors import ApiError
from tracebridge.humanloop import endpoints
from tracebridge.humanloop.connection import BASE_URL_ENV, DEFAULT_BASE_URL, KEY_ENV, KEY_HEADER
from tracebridge.humanloop.kinds import EvaluationLog
from tracebridge.secrets import ApiKey, redact_url_credentials
from tracebridge.transport.listing import Listing, read_listing
from tracebridge.transport.retry import RetryPolicy
from tracebridge.transport.settings import ClientSettings


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
        base_url = redact_url_credentials(self.settings.base_url)
        return f"HumanloopClient(base_url={base_url!r}, api_key={self.settings.api_key!r})"

    def export_project(
        self, project_id: str, *, checkpoint: str | os.PathLike[str] | None = None, allow_partial: bool = False
    ) -> Export[V4LogResponse]:
        """Every log of a project (v4 ``POST /projects/{id}/export``, 0-based pages, newest first)."""
        listing = Listing("project", endpoints.PROJECT_LOGS, {"id": project_id})
        job = {"source": "humanloop", "endpoint": "v4.export_project", "project_id": project_id}
        return self._export([listing], job, checkpoint, allow_partial)

    def evaluation_datapoints(
        self,
        evaluation_id: str,
        *,
        evaluatee_ids: Sequence[str] | None = None,
        checkpoint: str | os.PathLike[str] | None = None,
        allow_partial: bool = False,
    ) -> Export[V4EvaluationDatapointSnapshotResponse]:
        """The datapoints of an evaluation for each evaluatee (v4; one listing per ``evv_`` id).

        The endpoint serves one evaluatee per request and the first one when none is named, so pass every evaluatee
        id for a full export; without ids only the default evaluatee is read.
        """
        evaluatees: list[str | None] = list(evaluatee_ids) if evaluatee_ids else [None]
        listings = [
            Listing(
                f"evaluatee:{evaluatee or 'default'}",
                endpoints.EVALUATION_DATAPOINTS,
                {"id": evaluation_id},
                {"evaluatee_id": evaluatee},
                label=f"evaluatee {evaluatee or '(default)'}",
            )
            for evaluatee in evaluatees
        ]
        job = {
            "source": "humanloop",
            "endpoint": "v4.evaluation_datapoints",
            "evaluation_id": evaluation_id,
            "evaluatee_ids": [e for e in evaluatees if e],
        }
        return self._export(listings, job, checkpoint, allow_partial)

    def evaluation_logs(
        self,
        evaluation_id: str,
        *,
        run_ids: Sequence[str] | None = None,
        checkpoint: str | os.PathLike[str] | None = None,
        allow_partial: bool = False,
    ) -> Export[EvaluationLog]:
        """The logs of an evaluation, of the given runs or of all (v5 ``GET /evaluations/{id}/logs``)."""
        runs = list(run_ids or [])
        listing = Listing("logs", endpoints.EVALUATION_LOGS, {"id": evaluation_id}, {"run_id": runs or None})
        job = {"source": "humanloop", "endpoint": "v5.evaluation_logs", "evaluation_id": evaluation_id, "run_ids": runs}
        return self._export([listing], job, checkpoint, allow_partial)

    async def aadd_logs_to_run(
        self, evaluation_id: str, run_id: str, log_ids: Sequence[str]
    ) -> V5EvaluationRunResponse:
        path_params = {"id": evaluation_id, "run_id": run_id}
        where = endpoints.ADD_LOGS_TO_RUN.where(path_params)
        body = V5AddLogsToRunRequest(log_ids=list(log_ids)).to_dict()
        async with self.settings.transport() as http:
            answer = await http.send_json(where, endpoints.ADD_LOGS_TO_RUN.request(path_params, json=body))
        if not isinstance(answer, dict):
            raise ApiError(where, 200, f"expected an EvaluationRun object, got {type(answer).__name__}")
        return V5EvaluationRunResponse.from_dict(answer)

    def add_logs_to_run(self, evaluation_id: str, run_id: str, log_ids: Sequence[str]) -> V5EvaluationRunResponse:
        """Add logs to a run and return the run (v5); a later ``evaluation_logs`` shows them."""
        return asyncio.run(self.aadd_logs_to_run(evaluation_id, run_id, log_ids))

    def _export(
        self,
        listings: Sequence[Listing],
        job: dict[str, Any],
        checkpoint: str | os.PathLike[str] | None,
        allow_partial: bool,
    ) -> Export[Any]:
        """The export of ``listings``, read one after another over one connection pool."""
        settings = self.settings

        async def source(context: ExportContext) -> AsyncIterator[list[Delivered]]:
            async with settings.transport() as http:
                for listing in listings:
                    async for units in read_listing(
                        context, http, listing, page_size=settings.page_size, concurrency=settings.concurrency
                    ):
                        yield units

        description = listings[0].endpoint.endpoint.where(listings[0].path_params)
        return Export(source, description=description, job=job, checkpoint=checkpoint, allow_partial=allow_partial)
