"""``tracebridge send --to otlp``: the demo's spans reach a real receiver with their own ids, parents, times and
judgments; a second send sends nothing; requests fit the target; keys never show."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import read_jsonl, tracebridge
from tests.destinations.receiver import Received, receiving

STATUS = {0: "UNSET", 1: "OK", 2: "ERROR"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    cwd = tmp_path_factory.mktemp("send")
    assert tracebridge("demo", "--records", "20", "-q", cwd=cwd).returncode == 0
    return cwd / "tracebridge-demo"


def _copy(demo: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo output (each test its own ledger)."""
    target = tmp_path / "out"
    target.mkdir()
    for path in demo.iterdir():
        if path.is_file():
            (target / path.name).write_bytes(path.read_bytes())
    return target


def _rejects(out: Path) -> list[dict[str, Any]]:
    paths = (out / ".sent").glob("*.rejects.jsonl")
    return [json.loads(line) for path in paths for line in path.read_text().splitlines()]


def _value(any_value: Any) -> Any:
    kind = any_value.WhichOneof("value")
    if kind == "array_value":
        return [_value(v) for v in any_value.array_value.values]
    return getattr(any_value, kind) if kind else None


def test_every_span_arrives_once_as_it_was_with_its_judgments(demo: Path, tmp_path: Path) -> None:
    out = _copy(demo, tmp_path)
    spans = {row["span_id"]: row for row in read_jsonl(out / "spans.jsonl")}
    judged: dict[str, int] = {}
    for row in read_jsonl(out / "evaluations.jsonl"):
        if row["span_id"] and row["target_type"] == "span":
            judged[row["span_id"]] = judged.get(row["span_id"], 0) + 1
    with receiving() as receiver:
        result = tracebridge("send", str(out), "--to", "otlp", "--endpoint", f"{receiver.base_url}/v1/traces")
        assert result.returncode == 0, result.stderr
        received = receiver.spans()
        requests = receiver.to("/v1/traces")
    assert all(r.headers["content-type"] == "application/x-protobuf" for r in requests)
    assert all(r.headers["content-encoding"] == "gzip" for r in requests)
    by_id = {span.span_id.hex(): (resource, span) for resource, span in received}
    assert len(received) == len(by_id) == len(spans), "every span, once"
    for span_id, row in spans.items():
        resource, span = by_id[span_id]
        assert span.trace_id.hex() == row["trace_id"]
        assert (span.parent_span_id.hex() or None) == row["parent_span_id"]
        assert span.name == row["name"] and STATUS[span.status.code] == row["status_code"]
        start = row["start_time_unix_nano"] if row["start_time_unix_nano"] is not None else row["end_time_unix_nano"]
        assert span.start_time_unix_nano == start, "the original time, to the nanosecond"
        attributes = {kv.key: _value(kv.value) for kv in span.attributes}
        assert attributes["tracebridge.source.system"] == row["provenance"]["system"]
        assert attributes["tracebridge.source.id"] == row["provenance"]["source_id"]
        for key, value in row["attributes"].items():
            expected = value if isinstance(value, str | int | float | bool) or value is None else None
            if expected is not None:
                assert attributes[key] == expected, key
            elif isinstance(value, dict) or (isinstance(value, list) and any(isinstance(v, dict) for v in value)):
                assert json.loads(attributes[key]) == value, key
        events = [event for event in span.events if event.name == "gen_ai.evaluation.result"]
        assert len(events) == judged.get(span_id, 0)
        assert _value(resource["service.name"]) == "tracebridge"
    assert "already there nothing; no place for 96 dataset_example" in result.stderr


def test_a_second_send_sends_nothing_and_a_changed_target_starts_its_own_ledger(demo: Path, tmp_path: Path) -> None:
    out = _copy(demo, tmp_path)
    with receiving() as receiver:
        endpoint = f"{receiver.base_url}/v1/traces"
        assert tracebridge("send", str(out), "--to", "otlp", "--endpoint", endpoint).returncode == 0
        sent = len(receiver.to("/v1/traces"))
        again = tracebridge("send", str(out), "--to", "otlp", "--endpoint", endpoint)
        assert again.returncode == 0, again.stderr
        assert len(receiver.to("/v1/traces")) == sent, "nothing sent twice"
        assert "sent nothing" in again.stderr
        other = tracebridge("send", str(out), "--to", "otlp", "--endpoint", f"{receiver.base_url}/other/v1/traces")
        assert other.returncode == 0 and len(receiver.to("/other/")) == sent


def test_requests_fit_the_cap_and_a_413_splits_the_batch(demo: Path, tmp_path: Path) -> None:
    out = _copy(demo, tmp_path)
    total = len(read_jsonl(out / "spans.jsonl"))
    with receiving() as receiver:

        def at_most_20k(request: Received) -> tuple[int, dict[str, str], bytes]:
            return (413, {}, b'{"detail":"too large"}') if len(request.body) > 20_000 else (200, {}, b"")

        receiver.answers["/v1/traces"] = at_most_20k
        result = tracebridge(
            "send", str(out), "--to", "otlp", "--endpoint", f"{receiver.base_url}/v1/traces",
            "--max-request-bytes", "100000",
        )  # fmt: skip
        assert result.returncode in (0, 3), result.stderr
        accepted = [r for r in receiver.to("/v1/traces") if len(r.body) <= 20_000]
        assert all(len(r.body) <= 100_000 for r in receiver.to("/v1/traces"))
        delivered = {span.span_id.hex() for r in accepted for rs in r.otlp().resource_spans
                     for ss in rs.scope_spans for span in ss.spans}  # fmt: skip
    rejects = _rejects(out)
    assert len(delivered) + len(rejects) == total, "every span delivered or rejected with its reason"
    assert all("HTTP 413" in reject["reason"] for reject in rejects)


def test_a_span_too_large_for_any_request_is_rejected_with_its_size(demo: Path, tmp_path: Path) -> None:
    out = _copy(demo, tmp_path)
    with receiving() as receiver:
        result = tracebridge(
            "send", str(out), "--to", "otlp", "--endpoint", f"{receiver.base_url}/v1/traces",
            "--max-request-bytes", "1024",
        )  # fmt: skip
    assert result.returncode == 3, result.stderr
    assert "records refused; see" in result.stderr
    rejects = _rejects(out)
    assert rejects and all("more than one request may carry (1,024" in reject["reason"] for reject in rejects)
    assert all(json.loads(reject["raw"])["record_type"] == "span" for reject in rejects)


def test_headers_come_from_the_standard_variable_and_never_show(demo: Path, tmp_path: Path) -> None:
    out = _copy(demo, tmp_path)
    secret = "s3cr3t-token-value-0001"
    with receiving() as receiver:

        def echo(request: Received) -> tuple[int, dict[str, str], bytes]:
            return 401, {}, json.dumps({"detail": f"bad header {request.headers.get('authorization')}"}).encode()

        receiver.answers["/v1/traces"] = echo
        env = {
            "OTEL_EXPORTER_OTLP_HEADERS": f"Authorization=Bearer%20{secret}",
            "OTEL_EXPORTER_OTLP_ENDPOINT": receiver.base_url,
        }
        result = tracebridge("send", str(out), "--to", "otlp", "-v", env=env)
        assert receiver.to("/v1/traces")[0].headers["authorization"] == f"Bearer {secret}"
    assert result.returncode == 1 and "HTTP 401" in result.stderr
    assert secret not in result.stderr + result.stdout
