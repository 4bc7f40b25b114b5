"""Galileo: ``POST /v2/projects/{project_id}/export_records``, one request streaming a whole export.

Records are parsed as their lines arrive and never buffered as a whole. A broken stream cannot be resumed, so it is
restarted and the records already delivered are skipped by position. To make position a sound key, the export is
pinned to a snapshot: a ``created_at <= start`` filter is added, so records logged while the export runs cannot shift
the order. The skipped prefix is checked against a fingerprint of what was delivered; if the server's order changed
anyway, the export stops with ``ExportChangedError`` rather than deliver a duplicate or skip a record.
"""

from __future__ import annotations

import asyncio
import csv
import hashlib
import json
import logging
import os
import uuid
from collections.abc import AsyncIterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, Literal

from galileo_client.api.export import export_records
from galileo_client.models import (
    AgentSpanRecord,
    ControlSpanRecord,
    ExportRecordsRequest,
    LlmSpanRecord,
    RetrieverSpanRecord,
    SessionRecord,
    StubTraceRecord,
    ToolSpanRecord,
    TraceRecord,
    UnknownRecord,
    WorkflowSpanRecord,
)

from tracebridge.acyclic import acyclic_allocations
from tracebridge.delivery.export import Delivered, Export, ExportContext
from tracebridge.delivery.rejects import Reject, RejectSink
from tracebridge.errors import ExportChangedError, StreamBrokenError
from tracebridge.galileo import mapping as normalize_galileo
from tracebridge.json_codec import loads
from tracebridge.secrets import ApiKey
from tracebridge.transport.lines import stream_lines
from tracebridge.transport.retry import RetryPolicy
from tracebridge.transport.settings import ClientSettings

DEFAULT_BASE_URL = "https://api.galileo.ai"
DEFAULT_KEY_HEADER = "Galileo-API-Key"
KEY_ENV = "GALILEO_API_KEY"
BASE_URL_ENVS = ("GALILEO_API_URL", "GALILEO_CONSOLE_URL")

GalileoRecord = (
    SessionRecord
    | TraceRecord
    | LlmSpanRecord
    | ToolSpanRecord
    | RetrieverSpanRecord
    | WorkflowSpanRecord
    | AgentSpanRecord
    | ControlSpanRecord
    | StubTraceRecord
    | UnknownRecord
)
RECORD_MODELS: Mapping[str, type[GalileoRecord]] = {
    "session": SessionRecord,
    "trace": TraceRecord,
    "llm": LlmSpanRecord,
    "tool": ToolSpanRecord,
    "retriever": RetrieverSpanRecord,
    "workflow": WorkflowSpanRecord,
    "agent": AgentSpanRecord,
    "control": ControlSpanRecord,
    "stub_trace": StubTraceRecord,
}
log = logging.getLogger("tracebridge.galileo")

SAVE_EVERY = 500
"""Records between two checkpoint saves of a stream (each save is an fsync; a resume re-reads at most this many)."""
RootType = Literal["session", "trace", "span"]
ExportFormat = Literal["jsonl", "jsonl_flat", "csv"]


def parse_record(raw: Mapping[str, Any]) -> GalileoRecord:
    """The model for a record's ``type``; a type this version does not know parses as ``UnknownRecord``."""
    model = RECORD_MODELS.get(str(raw.get("type")), UnknownRecord)
    return model.from_dict(raw)


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
        return f"GalileoClient(base_url={self.settings.base_url!r}, api_key={self.settings.api_key!r})"

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
        on_reject: RejectSink | None = None,
    ) -> Export[GalileoRecord]:
        """The records of one log stream, experiment or metrics-testing run (exactly one must be named)."""
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
        where = f"galileo POST /v2/projects/{project_id}/export_records"
        body: dict[str, Any] = {"root_type": root_type, **chosen, "export_format": export_format, "redact": redact}
        if filters:
            body["filters"] = [dict(f) for f in filters]
        if sort is not None:
            body["sort"] = dict(sort)
        if column_ids is not None:
            body["column_ids"] = list(column_ids)
        ExportRecordsRequest.from_dict(body)  # validates operators and kinds before any request
        settings = self.settings
        job = {"source": "galileo", "endpoint": "v2.export_records", "project_id": project_id, "snapshot": snapshot}
        job.update(body)

        def build_request(snapshot_at: str) -> dict[str, Any]:
            pinned = dict(body)
            if snapshot_at:
                cutoff = {"type": "date", "column_id": "created_at", "operator": "lte", "value": snapshot_at}
                pinned["filters"] = [*body.get("filters", []), cutoff]
            return export_records._get_kwargs(uuid.UUID(project_id), body=ExportRecordsRequest.from_dict(pinned))

        async def batches(context: ExportContext) -> AsyncIterator[list[Delivered[GalileoRecord]]]:
            checkpoint_state = context.checkpoint
            # The snapshot time is part of the resume state, not of the job: a resumed export must ask for the very
            # same records as the run it continues, or skipping the delivered prefix would be unsound.
            snapshot_at = checkpoint_state.snapshot_at if checkpoint_state and checkpoint_state.snapshot_at else ""
            if snapshot and not snapshot_at:
                snapshot_at = datetime.now(UTC).isoformat()
                if checkpoint_state is not None:
                    checkpoint_state.snapshot_at = snapshot_at
            request = build_request(snapshot_at)
            delivered = checkpoint_state.streamed if checkpoint_state else 0
            fingerprint = checkpoint_state.stream_fingerprint if checkpoint_state else ""
            attempts = 0
            async with settings.transport() as http:
                while True:
                    attempts += 1
                    reader = _StreamReader(context, where, export_format, skip=delivered, fingerprint=fingerprint)
                    try:
                        async with http.stream(where, request) as response:
                            async for batch in reader.read(response):
                                yield batch
                                delivered, fingerprint = reader.position()
                                if checkpoint_state is not None and delivered - checkpoint_state.streamed >= SAVE_EVERY:
                                    checkpoint_state.streamed = delivered
                                    checkpoint_state.stream_fingerprint = fingerprint
                                    checkpoint_state.save()
                        reader.finish()
                        return
                    except StreamBrokenError as exc:
                        delivered, fingerprint = reader.position()
                        if attempts >= settings.retry.max_attempts:
                            raise StreamBrokenError(f"{exc} (gave up after {attempts} attempts)") from exc
                        context.report.restarts += 1
                        log.warning("%s; restarting the export (attempt %d)", exc, attempts + 1)
                        await asyncio.sleep(settings.retry.delay(attempts, None))

        return Export(
            batches,
            description=where,
            job=job,
            checkpoint=checkpoint,
            allow_partial=allow_partial,
            on_reject=on_reject,
        )


class _StreamReader:
    """One attempt at reading the stream: parses lines, skips the prefix delivered before a restart, verifies it."""

    def __init__(self, context: ExportContext, where: str, export_format: str, *, skip: int, fingerprint: str) -> None:
        self.context = context
        self.where = where
        self.csv = export_format == "csv"
        self.skip = skip
        self.expected_fingerprint = fingerprint
        self.seen = 0
        self.hasher = hashlib.blake2b(digest_size=16)
        self.header: list[str] | None = None
        self.pending_csv = ""

    def position(self) -> tuple[int, str]:
        return max(
            self.seen, self.skip
        ), self.hasher.hexdigest() if self.seen >= self.skip else self.expected_fingerprint

    async def read(self, response: Any) -> AsyncIterator[list[Delivered[GalileoRecord]]]:
        report = self.context.report
        async for lines in stream_lines(response, self.where):
            report.bytes_received += sum(len(line) + 1 for line in lines)  # each line lost its newline
            batch: list[Delivered[GalileoRecord]] = []
            with acyclic_allocations():  # a chunk of decoded lines: thousands of containers, no cycles
                for line in lines:
                    for raw_text, raw in self._records_of_line(line):
                        item = self._accept(raw_text, raw)
                        if item is not None:
                            batch.append(item)
            if batch:
                yield batch

    def finish(self) -> None:
        if self.pending_csv:
            raise StreamBrokenError(f"{self.where}: the CSV stream ended inside a quoted field")
        if self.seen < self.skip:
            raise ExportChangedError(
                f"{self.where}: the restarted export holds {self.seen} records, fewer than the {self.skip} "
                "already delivered; start the export again"
            )

    def _records_of_line(self, line: bytes) -> list[tuple[str, Any]]:
        text = line.decode("utf-8", errors="replace")
        if not self.csv:
            if not text.strip():
                return []
            try:
                return [(text, loads(text))]
            except ValueError as exc:
                return [(text, ValueError(f"not valid JSON: {exc}"))]
        # CSV: a quoted field may hold newlines, so a row is complete only when its quotes balance.
        self.pending_csv = f"{self.pending_csv}\n{text}" if self.pending_csv else text
        if self.pending_csv.count('"') % 2:
            return []
        row_text, self.pending_csv = self.pending_csv, ""
        row = next(csv.reader([row_text]), [])
        if self.header is None:
            self.header = row
            return []
        if len(row) != len(self.header):
            return [(row_text, ValueError(f"{len(row)} cells, the header has {len(self.header)}"))]
        return [(row_text, {name: csv_cell(value) for name, value in zip(self.header, row, strict=True)})]

    def _accept(self, raw_text: str, raw: Any) -> Delivered[GalileoRecord] | None:
        index = self.seen
        self.seen += 1
        source_id = raw.get("id") if isinstance(raw, dict) else None
        self.hasher.update(f"{source_id or raw_text}\n".encode())
        if index < self.skip:
            if index + 1 == self.skip and self.hasher.hexdigest() != self.expected_fingerprint:
                raise ExportChangedError(
                    f"{self.where}: after a restart the first {self.skip} records are not the ones already "
                    "delivered (the data changed under the export); start the export again"
                )
            return None
        report = self.context.report
        report.fetched += 1
        location = f"{self.where} record {index + 1}"
        if isinstance(raw, Exception) or not isinstance(raw, dict):
            reason = (
                str(raw) if isinstance(raw, Exception) else f"a record must be a JSON object, not {type(raw).__name__}"
            )
            self.context.reject(Reject(source=location, reason=reason, raw=raw_text))
            return None
        identity = str(source_id) if source_id else None
        if identity is not None and not self.context.deduper.first_time(identity):
            report.duplicates += 1
            return None
        report.unique += 1
        return Delivered(
            None,
            normalize_galileo.normalize_record,
            location,
            raw=raw,
            parse=parse_record,
            raw_text=raw_text,
            source_id=identity,
        )


def csv_cell(value: str) -> Any:
    """A CSV cell as the JSON value it stands for: empty is null, nested values are JSON text, the rest is text."""
    if value == "":
        return None
    if value[0] in "[{" or value in ("true", "false", "null"):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value
