"""``--format otlp-json``: OTLP JSON lines that ``google.protobuf.json_format`` reads back into
``ExportTraceServiceRequest``s with the records' own ids, parents and times, and their judgments as events, whatever
order the judgments and spans arrived in."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest
from google.protobuf import json_format
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from tracebridge.serialization import from_json_dict
from tracebridge.sinks import open_output

from tests.cli.conftest import read_jsonl, tracebridge

ID_FIELDS = ("traceId", "spanId", "parentSpanId")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("otlp-json") / "demo"
    result = tracebridge(
        "demo", "--records", "20", "-q", "--out", str(out), "--format", "jsonl", "--format", "otlp-json"
    )
    assert result.returncode == 0, result.stderr
    return out


def parse_lines(path: Path) -> list[ExportTraceServiceRequest]:
    """Each line as the collector reads it: OTLP/JSON ids are hex, protobuf JSON's bytes are base64, so the ids are
    turned into base64 (and checked to be hex) before the standard parser reads the line."""
    requests = []
    for line in path.read_text(encoding="utf-8").splitlines():
        document = json.loads(line)
        for resource_spans in document["resourceSpans"]:
            for scope_spans in resource_spans["scopeSpans"]:
                for span in scope_spans["spans"]:
                    for field in ID_FIELDS:
                        if field in span:
                            raw = bytes.fromhex(span[field])  # hex, as the OTLP/JSON spec asks
                            span[field] = base64.b64encode(raw).decode()
        requests.append(json_format.Parse(json.dumps(document), ExportTraceServiceRequest()))
    return requests


def received_spans(path: Path) -> dict[str, Any]:
    spans = {}
    for request in parse_lines(path):
        for resource_spans in request.resource_spans:
            for scope_spans in resource_spans.scope_spans:
                for span in scope_spans.spans:
                    assert span.span_id.hex() not in spans, "every span once"
                    spans[span.span_id.hex()] = span
    return spans


def judged_counts(evaluations: list[dict[str, Any]], span_ids: set[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in evaluations:
        if row["target_type"] == "span" and row["span_id"] in span_ids:
            counts[row["span_id"]] = counts.get(row["span_id"], 0) + 1
    return counts


def check_against(spans: dict[str, Any], rows: list[dict[str, Any]], evaluations: list[dict[str, Any]]) -> None:
    assert len(spans) == len(rows)
    judged = judged_counts(evaluations, {row["span_id"] for row in rows})
    assert judged, "the demo judges some spans"
    for row in rows:
        span = spans[row["span_id"]]
        assert span.trace_id.hex() == row["trace_id"]
        assert (span.parent_span_id.hex() or None) == row["parent_span_id"]
        start = row["start_time_unix_nano"] if row["start_time_unix_nano"] is not None else row["end_time_unix_nano"]
        end = row["end_time_unix_nano"] if row["end_time_unix_nano"] is not None else start
        assert (span.start_time_unix_nano, span.end_time_unix_nano) == (start, end)
        assert span.name == row["name"]
        events = [event for event in span.events if event.name == "gen_ai.evaluation.result"]
        assert len(events) == judged.get(row["span_id"], 0), row["span_id"]
        names = {kv.key: kv.value.string_value for event in events for kv in event.attributes}
        if events:
            assert names["gen_ai.evaluation.name"]


def test_the_file_reads_back_as_export_requests_with_the_original_ids_times_and_judgments(demo: Path) -> None:
    path = demo / "traces.otlp.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines and all(len(line.encode()) <= 1 << 20 for line in lines), "each line within the collector's 1 MiB"
    first = json.loads(lines[0])["resourceSpans"][0]["scopeSpans"][0]["spans"][0]
    assert len(first["traceId"]) == 32 and len(first["spanId"]) == 16, "ids as hex"
    assert isinstance(first["kind"], int), "enums as integers"
    check_against(received_spans(path), read_jsonl(demo / "spans.jsonl"), read_jsonl(demo / "evaluations.jsonl"))
    manifest = json.loads((demo / "manifest.json").read_text())
    assert manifest["files"]["otlp-json"] == ["traces.otlp.jsonl"]
    assert not (demo / ".partial").exists()


def test_judgments_arriving_before_their_spans_and_a_restored_checkpoint(demo: Path, tmp_path: Path) -> None:
    spans = read_jsonl(demo / "spans.jsonl")
    evaluations = read_jsonl(demo / "evaluations.jsonl")
    out = tmp_path / "out"
    with open_output(out, ["otlp-json"]) as output:
        output.write([from_json_dict(row) for row in evaluations])  # judgments first, spans after
        half = len(spans) // 2
        output.write([from_json_dict(row) for row in spans[:half]])
        saved = output.state()
        output.write([from_json_dict(row) for row in spans[half:]])  # a killed run's tail, cut away below
        output.restore(saved)
        output.write([from_json_dict(row) for row in spans[half:]])
        output.close()
    check_against(received_spans(out / "traces.otlp.jsonl"), spans, evaluations)
    assert sorted(path.name for path in out.iterdir()) == ["manifest.json", "rejects.jsonl", "traces.otlp.jsonl"]
