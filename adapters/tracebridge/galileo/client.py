"""Galileo: ``POST /v2/projects/{project_id}/export_records``, one request streaming a whole export.

Records are parsed as their lines arrive and never buffered as a whole. A broken stream cannot be resumed, so it is
restarted and the records already delivered are skipped by position. To make position a sound key, the export is
pinned to a snapshot: a ``created_at <= start`` filter is added, so records logged while the export runs cannot shift
the order. The skipped prefix is checked against a fingerprint of what was delivered; if the server's order changed
anyway, the export stops with ``ExportChangedError`` rather than deliver a duplicate or skip a record.
"""

from __future__ import annotations

import asyncio
import logging
import os
import uuid
from collections.abc import AsyncIterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, Literal

from galileo_client.models import ExportRecordsRequest

from tracebridge.delivery.context import ExportContext
from tracebridge.delivery.delivered import Delivered
from tracebridge.delivery.export import Export
from tracebridge.delivery.kinds import RecordKind
from tracebridge.errors import StreamBrokenError
from tracebridge.galileo.connection import BASE_URL_ENVS, DEFAULT_BASE_URL, DEFAULT_KEY_HEADER, KEY_ENV
from tracebridge.galileo.kinds import GALILEO_RECORD, GalileoRecord, experiment_records
from tracebridge.galileo.stream import StreamReader
from tracebridge.secrets import ApiKey, redact_url_credentials
from tracebridge.transport.endpoint import Endpoint
from tracebridge.transport.retry import RetryPolicy
from tracebridge.transport.settings import ClientSettings

EXPORT_RECORDS = Endpoint("galileo", "v2", "POST", "/projects/{project_id}/export_records")
"""The one export endpoint: a whole export as one streamed response (``specs/galileo.yaml``)."""

log = logging.getLogger("tracebridge.galileo")

SAVE_EVERY = 500
"""Records between two checkpoint saves of a stream (each save is an fsync; a resume re-reads at most this many)."""
RootType = Literal["session", "trace", "span"]
ExportFormat = Literal["jsonl", "jsonl_flat", "csv"]


class GalileoClient:
    """Reads Galileo exports; the key header name is configurable (some deployments use ``Splunk-AO-API-Key``)."""

    def __init__(
        self,
        api_key: str | ApiKey | None = None,
        *,
        base_url: str | None = None,
        key_header: str = DEFAULT_KEY_HEADER,
        timeout: float = 300.0,
        retry: RetryPolicy | None = None,
    ) -> None:
        key = api_key if isinstance(api_key, ApiKey) else ApiKey(api_key) if api_key else ApiKey.from_env(KEY_ENV)
        if key is None:
            raise ValueError(f"no Galileo API key: pass api_key= or set {KEY_ENV}")
        env_url = next((os.environ[name] for name in BASE_URL_ENVS if os.environ.get(name)), None)
        self.settings = ClientSettings(
            base_url=base_url or env_url or DEFAULT_BASE_URL,
            api_key=key,
            key_header=key_header,
            concurrency=1,
            timeout=timeout,
            retry=retry or RetryPolicy(),
        )

    def __repr__(self) -> str:
        base_url = redact_url_credentials(self.settings.base_url)
        return f"GalileoClient(base_url={base_url!r}, api_key={self.settings.api_key!r})"

    def export_records(
        self,
        project_id: str,
        *,
        log_stream_id: str | None = None,
        experiment_id: str | None = None,
        metrics_testing_id: str | None = None,
        root_type: RootType = "trace",
        filters: Sequence[Mapping[str, Any]] = (),
        sort: Mapping[str, Any] | None = None,
        export_format: ExportFormat = "jsonl",
        redact: bool = True,
        column_ids: Sequence[str] | None = None,
        snapshot: bool = True,
        checkpoint: str | os.PathLike[str] | None = None,
        allow_partial: bool = False,
    ) -> Export[GalileoRecord]:
        """The records of one log stream, experiment or metrics-testing run (exactly one must be named).

        Raises ``ValueError`` before any request for a project id that is not a UUID, for none or several of the
        three ids, and for filters or a sort the spec does not allow.
        """
        uuid.UUID(project_id)
        named = {
            "log_stream_id": log_stream_id,
            "experiment_id": experiment_id,
            "metrics_testing_id": metrics_testing_id,
        }
        chosen = {key: value for key, value in named.items() if value}
        if len(chosen) != 1:
            raise ValueError(
                "name exactly one of log_stream_id, experiment_id, metrics_testing_id "
                f"(got {', '.join(chosen) or 'none'}): without one Galileo picks the project's oldest log stream"
            )
        body: dict[str, Any] = {"root_type": root_type, **chosen, "export_format": export_format, "redact": redact}
        if filters:
            body["filters"] = [dict(f) for f in filters]
        if sort is not None:
            body["sort"] = dict(sort)
        if column_ids is not None:
            body["column_ids"] = list(column_ids)
        ExportRecordsRequest.from_dict(body)  # validates operators and kinds before any request
        job = {"source": "galileo", "endpoint": "v2.export_records", "project_id": project_id, "snapshot": snapshot}
        job.update(body)
        path_params = {"project_id": project_id}
        kind = experiment_records(experiment_id) if experiment_id else GALILEO_RECORD
        source = _StreamSource(
            self.settings, EXPORT_RECORDS.where(path_params), path_params, body, snapshot=snapshot, kind=kind
        )
        return Export(
            source.read, description=source.where, job=job, checkpoint=checkpoint, allow_partial=allow_partial
        )


class _StreamSource:
    """One export request, read as a stream; a broken stream is restarted and its delivered prefix skipped.

    To make position a sound key for that skip, the export is pinned to a snapshot: a ``created_at <= start`` filter
    is added, so records logged while the export runs cannot shift the order.
    """

    def __init__(
        self,
        settings: ClientSettings,
        where: str,
        path_params: Mapping[str, str],
        body: Mapping[str, Any],
        *,
        snapshot: bool,
        kind: RecordKind,
    ) -> None:
        self.settings = settings
        self.kind = kind
        self.where = where
        self.path_params = path_params
        self.body = body
        self.snapshot = snapshot

    def request(self, snapshot_at: str) -> dict[str, Any]:
        pinned = dict(self.body)
        if snapshot_at:
            cutoff = {"type": "date", "column_id": "created_at", "operator": "lte", "value": snapshot_at}
            pinned["filters"] = [*self.body.get("filters", []), cutoff]
        return EXPORT_RECORDS.request(self.path_params, json=ExportRecordsRequest.from_dict(pinned).to_dict())

    async def read(self, context: ExportContext) -> AsyncIterator[list[Delivered]]:
        settings, checkpoint = self.settings, context.checkpoint
        # The snapshot time is part of the resume state, not of the job: a resumed export must ask for the very
        # same records as the run it continues, or skipping the delivered prefix would be unsound.
        snapshot_at = checkpoint.snapshot_at if checkpoint and checkpoint.snapshot_at else ""
        if self.snapshot and not snapshot_at:
            snapshot_at = datetime.now(UTC).isoformat()
            if checkpoint is not None:
                checkpoint.snapshot_at = snapshot_at
        request = self.request(snapshot_at)
        delivered = checkpoint.streamed if checkpoint else 0
        fingerprint = checkpoint.stream_fingerprint if checkpoint else ""
        export_format = str(self.body.get("export_format", "jsonl"))
        attempts = 0
        async with settings.transport() as http:
            while True:
                attempts += 1
                reader = StreamReader(
                    context,
                    self.where,
                    export_format,
                    skip=delivered,
                    fingerprint=fingerprint,
                    kind=self.kind,
                    line_timeout=settings.timeout,
                )
                try:
                    async with http.stream(self.where, request) as response:
                        async for units in reader.read(response):
                            yield units
                            delivered, fingerprint = reader.position()
                            if checkpoint is not None and delivered - checkpoint.streamed >= SAVE_EVERY:
                                checkpoint.streamed = delivered
                                checkpoint.stream_fingerprint = fingerprint
                                context.save()
                    reader.finish()
                    return
                except StreamBrokenError as exc:
                    delivered, fingerprint = reader.position()
                    if attempts >= settings.retry.max_attempts:
                        raise StreamBrokenError(f"{exc} (gave up after {attempts} attempts)") from exc
                    context.report.restarts += 1
                    log.warning("%s; restarting the export (attempt %d)", exc, attempts + 1)
                    await asyncio.sleep(settings.retry.delay(attempts, None))
