"""``POST /v2/projects/{project_id}/export_records``: the request, validated, and the export it streams.

The export is produced root by root and sent in chunks of complete lines, so neither the export nor any buffer grows
with its size: a million-trace export runs in the memory of one session tree. The native order (``created_at``, newest
first) and its reverse follow generation order; sorting by another column holds one small key per matching root (not
the records) and regenerates the records in sorted order.

Formats: ``jsonl`` (one root per line, children nested: sessions hold ``traces``, traces and agent/workflow spans hold
``spans``), ``jsonl_flat`` (every node on its own line, parents first, without the nested lists) and ``csv`` (one row
per root; ``column_ids`` picks the columns, nested values as JSON text). ``redact`` (default true) serves the masked
``redacted_input`` / ``redacted_output`` in place of ``input`` / ``output``.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import attrs

from tracebridge.sandbox.galileo_data import GalileoData
from tracebridge.sandbox.galileo_filters import Filter, Sort, column_value, matches_all, parse_filters, parse_sort
from tracebridge.sandbox.responses import Response, error, not_found, unprocessable
from tracebridge.sandbox.validation import Problem

CHUNK_BYTES = 64 * 1024
ROOT_TYPES = ("session", "trace", "span")
FORMATS = ("jsonl", "jsonl_flat", "csv")
CONTENT_TYPES = {"jsonl": "application/x-ndjson", "jsonl_flat": "application/x-ndjson", "csv": "text/csv"}
DEFAULT_CSV_COLUMNS = (
    "id",
    "type",
    "name",
    "created_at",
    "updated_at",
    "project_id",
    "run_id",
    "session_id",
    "trace_id",
    "parent_id",
    "input",
    "output",
    "status_code",
    "tags",
    "user_metadata",
    "metrics",
    "metric_info",
    "feedback_rating_info",
    "annotations",
    "has_children",
)
COMPUTED = frozenset({"success", "roll_up"})
CHILD_KEYS = ("traces", "spans")

Drift = Callable[[dict[str, Any], int], dict[str, Any]] | None


@attrs.frozen
class ExportRequest:
    root_type: str
    run: str
    """``log_stream`` or ``experiment``."""
    filters: tuple[Filter, ...]
    sort: Sort
    export_format: str
    redact: bool
    column_ids: tuple[str, ...] | None
    file_name: str | None
    computed_metrics_only: bool
    include_code_metric_metadata: bool


def _enum(value: Any, allowed: Sequence[str], loc: tuple[str | int, ...], problems: list[Problem]) -> None:
    if value not in allowed:
        expected = ", ".join(f"'{v}'" for v in allowed[:-1]) + f" or '{allowed[-1]}'"
        problems.append(Problem(loc, f"Input should be {expected}", "enum", value))


def _uuid(value: Any, loc: tuple[str | int, ...], problems: list[Problem]) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        problems.append(Problem(loc, "UUID input should be a string, bytes or UUID object", "uuid_type", value))
        return None
    try:
        return str(uuid.UUID(value))
    except ValueError:
        problems.append(
            Problem(loc, "Input should be a valid UUID, invalid character or length", "uuid_parsing", value)
        )
        return None


def _bool(payload: dict[str, Any], name: str, default: bool, problems: list[Problem]) -> bool:
    value = payload.get(name, default)
    if not isinstance(value, bool):
        problems.append(Problem(("body", name), "Input should be a valid boolean", "bool_type", value))
        return default
    return value


def parse_request(data: GalileoData, project_id: str, body: bytes) -> ExportRequest | Response:
    """The export request, or the 422 / 404 answer it gets."""
    problems: list[Problem] = []
    project = _uuid(project_id, ("path", "project_id"), problems)
    try:
        payload = json.loads(body) if body else None
    except ValueError as exc:
        problems.append(
            Problem(("body", 0), f"JSON decode error: {exc}", "json_invalid", body.decode(errors="replace"))
        )
        return unprocessable(problems)
    if not isinstance(payload, dict):
        problems.append(
            Problem(("body",), "Input should be a valid dictionary or object", "model_attributes_type", payload)
        )
        return unprocessable(problems)
    root_type = payload.get("root_type")
    if "root_type" not in payload:
        problems.append(Problem(("body", "root_type"), "Field required", "missing", payload))
    else:
        _enum(root_type, ROOT_TYPES, ("body", "root_type"), problems)
    export_format = payload.get("export_format", "jsonl")
    _enum(export_format, FORMATS, ("body", "export_format"), problems)
    ids = {
        name: _uuid(payload.get(name), ("body", name), problems)
        for name in ("log_stream_id", "experiment_id", "metrics_testing_id")
    }
    if sum(1 for name in ids if payload.get(name) is not None) > 1:
        problems.append(
            Problem(
                ("body",),
                "Value error, name at most one of log_stream_id, experiment_id, metrics_testing_id",
                "value_error",
                {name: payload.get(name) for name in ids},
            )
        )
    filters = parse_filters(payload.get("filters"), problems)
    sort = parse_sort(payload.get("sort"), problems)
    column_ids = payload.get("column_ids")
    if column_ids is not None and not (isinstance(column_ids, list) and all(isinstance(c, str) for c in column_ids)):
        problems.append(
            Problem(("body", "column_ids"), "Input should be a valid list of strings", "list_type", column_ids)
        )
        column_ids = None
    file_name = payload.get("file_name")
    if file_name is not None and not isinstance(file_name, str):
        problems.append(Problem(("body", "file_name"), "Input should be a valid string", "string_type", file_name))
        file_name = None
    redact = _bool(payload, "redact", True, problems)
    computed_only = _bool(payload, "export_computed_metrics_only", False, problems)
    include_metadata = _bool(payload, "include_code_metric_metadata", False, problems)
    if problems:
        return unprocessable(problems)
    if computed_only and export_format == "jsonl_flat":  # documented: this one comes as a plain string
        return error(422, "export_computed_metrics_only is not supported with export_format=jsonl_flat")
    if project != data.project_id:
        return not_found(f"Project {project_id}")
    if ids["experiment_id"] is not None:
        if ids["experiment_id"] != data.experiment_id:
            return not_found(f"Experiment {ids['experiment_id']}")
        run = "experiment"
    elif ids["metrics_testing_id"] is not None:
        return not_found(f"Metrics testing run {ids['metrics_testing_id']}")
    elif ids["log_stream_id"] is not None and ids["log_stream_id"] != data.log_stream_id:
        return not_found(f"Log stream {ids['log_stream_id']}")
    else:
        run = "log_stream"  # named, or the project's oldest log stream when none is named
    return ExportRequest(
        root_type=str(root_type),
        run=run,
        filters=tuple(filters),
        sort=sort,
        export_format=str(export_format),
        redact=redact,
        column_ids=tuple(column_ids) if column_ids is not None else None,
        file_name=file_name,
        computed_metrics_only=computed_only,
        include_code_metric_metadata=include_metadata,
    )


class Exporter:
    """Produces the lines of one export."""

    def __init__(self, data: GalileoData, request: ExportRequest, drift: Drift = None) -> None:
        self.data = data
        self.request = request
        self.drift = drift
        self.matches = matches_all(request.filters)

    # --- roots in order ------------------------------------------------------------------------------------------

    def _count(self) -> int:
        if self.request.root_type == "session":
            return self.data.session_count()
        return self.data.records

    def _build(self, index: int) -> dict[str, Any]:
        if self.request.root_type == "session":
            return self.data.session(self.request.run, index)
        return self.data.trace(self.request.run, index)

    def _native(self, ascending: bool) -> Iterator[dict[str, Any]]:
        """Roots in created_at order, generated one at a time."""
        indices = range(self._count()) if ascending else range(self._count() - 1, -1, -1)
        for index in indices:
            if self.request.root_type == "span":
                spans = list(self.data.spans_of(self.data.trace(self.request.run, index)))
                yield from spans if ascending else reversed(spans)
            else:
                yield self._build(index)

    def roots(self) -> Iterator[dict[str, Any]]:
        """The matching roots in the requested order."""
        sort = self.request.sort
        if sort.is_native:
            yield from (root for root in self._native(sort.ascending) if self.matches(root))
            return
        keys: list[tuple[tuple[int, Any], int, int]] = []
        for index in range(self._count()):
            if self.request.root_type == "span":
                for step, span in enumerate(self.data.spans_of(self.data.trace(self.request.run, index))):
                    if self.matches(span):
                        keys.append((sort.key(span), index, step))
            else:
                root = self._build(index)
                if self.matches(root):
                    keys.append((sort.key(root), index, 0))
        keys.sort(key=lambda item: item[0], reverse=not sort.ascending)
        cached: tuple[int, list[dict[str, Any]]] | None = None
        for _, index, step in keys:
            if self.request.root_type != "span":
                yield self._build(index)
                continue
            if cached is None or cached[0] != index:
                cached = (index, list(self.data.spans_of(self.data.trace(self.request.run, index))))
            yield cached[1][step]

    # --- records as served -----------------------------------------------------------------------------------

    def _serve(self, node: dict[str, Any]) -> dict[str, Any]:
        request = self.request
        if request.redact:
            for field in ("input", "output"):
                if f"redacted_{field}" in node:
                    node[field] = node[f"redacted_{field}"]
        info = node.get("metric_info")
        if isinstance(info, dict):
            metrics = node.get("metrics") or {}
            for key, status in list(info.items()):
                if request.computed_metrics_only and status.get("status_type") not in COMPUTED:
                    del info[key]
                    metrics.pop(key, None)
                elif not request.include_code_metric_metadata:
                    status.pop("metadata", None)
        for key in CHILD_KEYS:
            for child in node.get(key) or ():
                self._serve(child)
        return node

    def _served(self, root: dict[str, Any]) -> dict[str, Any]:
        """A root as served, drifted when the drift fault is on.

        Drift rewrites a record in place, and generated records share constant parts (tool schemas, conversations)
        with every other record; it works on a private copy, so no drift leaks into the next record or request.
        """
        node = self._serve(root)
        if self.drift is None:
            return node
        private: dict[str, Any] = json.loads(json.dumps(node))
        return self.drift(private, int(node["id"].replace("-", "")[:15], 16))

    def lines(self) -> Iterator[bytes]:
        request = self.request
        if request.export_format == "csv":
            yield from self._csv_lines()
            return
        flat = request.export_format == "jsonl_flat" or request.root_type == "span"
        for root in self.roots():
            served = (
                {key: value for key, value in root.items() if key != "spans"} if request.root_type == "span" else root
            )
            node = self._served(served)
            if flat:
                yield from (_line(n) for n in _flatten(node))
            else:
                yield _line(node)

    def _csv_lines(self) -> Iterator[bytes]:
        columns = self.request.column_ids or DEFAULT_CSV_COLUMNS
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        for root in self.roots():
            node = self._served(root)
            writer.writerow([_cell(column_value(node, column)) for column in columns])
            if buffer.tell() >= 4096:
                yield buffer.getvalue().encode()
                buffer.seek(0)
                buffer.truncate()
        if buffer.tell():
            yield buffer.getvalue().encode()

    def content_type(self) -> str:
        return CONTENT_TYPES[self.request.export_format]

    def file_name(self) -> str:
        extension = "csv" if self.request.export_format == "csv" else "jsonl"
        return self.request.file_name or f"export-{self.request.root_type}s.{extension}"


def _line(node: dict[str, Any]) -> bytes:
    return json.dumps(node, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


def _flatten(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    children: list[dict[str, Any]] = []
    for key in CHILD_KEYS:
        children.extend(node.pop(key, None) or ())
    yield node
    for child in children:
        yield from _flatten(child)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def chunked(lines: Iterator[bytes], *, cut_after: int | None = None) -> Iterator[bytes]:
    """Group lines into chunks of about ``CHUNK_BYTES``; with ``cut_after``, stop inside the line after that many.

    A cut stream ends with half a line (the last line, if the export is shorter), as a connection dropped mid-export
    leaves it.
    """
    batch: list[bytes] = []
    size = 0
    for sent, line in enumerate(lines):
        if cut_after is not None and sent >= cut_after:
            batch.append(line[: max(1, len(line) // 2)])
            yield b"".join(batch)
            return
        batch.append(line)
        size += len(line)
        if size >= CHUNK_BYTES:
            yield b"".join(batch)
            batch, size = [], 0
    if cut_after is not None and batch:
        batch[-1] = batch[-1][: max(1, len(batch[-1]) // 2)]
    if batch:
        yield b"".join(batch)


def export_response(
    data: GalileoData, request: ExportRequest, *, drift: Drift = None, cut_after: int | None = None
) -> Response:
    exporter = Exporter(data, request, drift)
    return Response(
        200,
        content_type=exporter.content_type(),
        headers=(("Content-Disposition", f'attachment; filename="{exporter.file_name()}"'),),
        stream=chunked(exporter.lines(), cut_after=cut_after),
        cut=cut_after is not None,
    )
