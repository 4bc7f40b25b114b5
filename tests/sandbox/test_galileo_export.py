"""``POST /v2/projects/{id}/export_records`` over HTTP: a chunked stream in three formats, with the request honoured."""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from tracebridge.sandbox import RunningSandbox

from tests.sandbox.conftest import dechunk, export_lines, export_path, galileo_client, raw_request, walk

TRACES = 200  # the session sandbox's traces per run


def test_the_export_streams_in_chunks_of_whole_lines(sandbox: RunningSandbox) -> None:
    body = json.dumps({"root_type": "session", "log_stream_id": sandbox.log_stream_id}).encode()
    headers = {sandbox.galileo_key_header: sandbox.galileo_api_key, "Content-Type": "application/json"}
    raw = raw_request(sandbox.base_url, "POST", export_path(sandbox), headers, body)
    head, _, payload = raw.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200 ")
    assert b"Transfer-Encoding: chunked" in head and b"Content-Length" not in head
    assert b"Content-Type: application/x-ndjson" in head
    assert b'filename="export-sessions.jsonl"' in head
    chunks, complete = dechunk(payload)
    assert complete
    assert len(chunks) > 3  # sent as it is produced, in bounded pieces
    assert all(chunk.endswith(b"\n") and len(chunk) < 256 * 1024 for chunk in chunks)
    lines = b"".join(chunks).splitlines()
    assert all(json.loads(line)["type"] == "session" for line in lines)


def test_a_huge_export_starts_at_once(sandbox_factory: Callable[..., RunningSandbox]) -> None:
    """A million traces cannot be built before answering: the first lines come long before the export could end."""
    sandbox = sandbox_factory(records=1_000_000)
    with galileo_client(sandbox) as client:
        started = time.perf_counter()
        body = {"root_type": "trace", "log_stream_id": sandbox.log_stream_id}
        with client.stream("POST", export_path(sandbox), json=body) as response:
            first = next(response.iter_raw())
            elapsed = time.perf_counter() - started
    assert elapsed < 2.0
    trace = json.loads(first.split(b"\n")[0])
    assert trace["type"] == "trace" and trace["created_at"] > "2025-02-58"  # the newest of a million


@pytest.mark.parametrize(("root_type", "types"), [("session", {"session"}), ("trace", {"trace"})])
def test_jsonl_nests_children_under_their_roots(
    gal: httpx.Client, sandbox: RunningSandbox, root_type: str, types: set[str]
) -> None:
    roots = export_lines(gal, sandbox, root_type=root_type)
    assert {root["type"] for root in roots} == types
    traces = [node for root in roots for node in walk(root) if node["type"] == "trace"]
    assert len(traces) == TRACES
    spans = [node for root in roots for node in walk(root) if node["type"] not in ("session", "trace")]
    assert {span["type"] for span in spans} == {"llm", "tool", "retriever", "workflow", "agent", "control"}
    for root in roots:
        for node in walk(root):
            for child in node.get("spans") or node.get("traces") or ():
                assert child["parent_id" if child["type"] != "trace" else "session_id"] in (node["id"], None)


def test_jsonl_flat_is_one_node_per_line_parents_first(gal: httpx.Client, sandbox: RunningSandbox) -> None:
    nested = export_lines(gal, sandbox, root_type="session")
    flat = export_lines(gal, sandbox, root_type="session", export_format="jsonl_flat")
    assert [node["id"] for root in nested for node in walk(root)] == [node["id"] for node in flat]
    assert not any("traces" in node or "spans" in node for node in flat)
    seen: set[str] = set()
    for node in flat:
        if node["type"] not in ("session", "trace"):
            assert node["parent_id"] in seen
        seen.add(node["id"])


def test_span_roots_export_every_span_without_nesting(gal: httpx.Client, sandbox: RunningSandbox) -> None:
    traces = export_lines(gal, sandbox, root_type="trace")
    spans = export_lines(gal, sandbox, root_type="span")
    expected = [node["id"] for trace in traces for node in walk(trace) if node["type"] != "trace"]
    assert sorted(node["id"] for node in spans) == sorted(expected)
    assert not any("spans" in node for node in spans)


def test_default_order_is_newest_first_and_sort_is_honoured(gal: httpx.Client, sandbox: RunningSandbox) -> None:
    native = [t["created_at"] for t in export_lines(gal, sandbox, root_type="trace")]
    assert native == sorted(native, reverse=True)
    ascending = export_lines(gal, sandbox, root_type="trace", sort={"column_id": "created_at", "ascending": True})
    assert [t["created_at"] for t in ascending] == sorted(native)
    by_name = export_lines(gal, sandbox, root_type="trace", sort={"column_id": "name", "ascending": True})
    names = [t["name"] for t in by_name]
    assert names == sorted(names) and len(set(names)) > 1
    by_cost = export_lines(gal, sandbox, root_type="trace", sort={"column_id": "metrics/cost", "ascending": False})
    costs = [t["metrics"]["cost"] for t in by_cost]
    assert costs == sorted(costs, reverse=True)


def test_redact_serves_masked_input_and_output(gal: httpx.Client, sandbox: RunningSandbox) -> None:
    redacted = export_lines(gal, sandbox, root_type="trace")  # redact defaults to true
    clear = export_lines(gal, sandbox, root_type="trace", redact=False)
    assert all("@" not in node["input"] for trace in redacted for node in walk(trace) if isinstance(node["input"], str))
    assert any("<EMAIL_ADDRESS>" in trace["input"] for trace in redacted)
    assert any("@example" in trace["input"] for trace in clear)
    assert [t["id"] for t in redacted] == [t["id"] for t in clear]


def test_csv_has_a_header_and_one_row_per_root(gal: httpx.Client, sandbox: RunningSandbox) -> None:
    body = {"root_type": "trace", "log_stream_id": sandbox.log_stream_id, "export_format": "csv"}
    response = gal.post(export_path(sandbox), json=body)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert response.headers["transfer-encoding"] == "chunked"
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == TRACES
    assert {"id", "type", "created_at", "input", "metrics"} <= set(rows[0])
    assert isinstance(json.loads(rows[0]["metrics"]), dict)  # nested values as JSON text


def test_csv_column_ids_pick_the_columns(gal: httpx.Client, sandbox: RunningSandbox) -> None:
    columns = ["created_at", "id", "metrics/num_total_tokens", "tags"]
    body = {"root_type": "trace", "log_stream_id": sandbox.log_stream_id, "export_format": "csv", "column_ids": columns}
    rows = list(csv.reader(io.StringIO(gal.post(export_path(sandbox), json=body).text)))
    assert rows[0] == columns
    assert len(rows) == TRACES + 1
    assert all(int(row[2]) > 0 and json.loads(row[3]) for row in rows[1:])


def test_experiment_and_log_stream_are_different_runs(gal: httpx.Client, sandbox: RunningSandbox) -> None:
    stream = export_lines(gal, sandbox, root_type="trace")
    experiment = export_lines(gal, sandbox, root_type="trace", log_stream_id=None, experiment_id=sandbox.experiment_id)
    assert {t["run_id"] for t in stream} == {sandbox.log_stream_id}
    assert {t["run_id"] for t in experiment} == {sandbox.experiment_id}
    assert all(t["dataset_input"] is not None for t in experiment)
    default = export_lines(gal, sandbox, root_type="trace", log_stream_id=None)  # the oldest log stream
    assert [t["id"] for t in default] == [t["id"] for t in stream]


# ------------------------------------------------------------------------------------------------------ errors


@pytest.mark.parametrize(
    ("body", "loc", "kind"),
    [
        ({}, ["body", "root_type"], "missing"),
        ({"root_type": "tree"}, ["body", "root_type"], "enum"),
        ({"root_type": "trace", "export_format": "parquet"}, ["body", "export_format"], "enum"),
        ({"root_type": "trace", "log_stream_id": "not-a-uuid"}, ["body", "log_stream_id"], "uuid_parsing"),
        ({"root_type": "trace", "redact": "yes"}, ["body", "redact"], "bool_type"),
        ({"root_type": "trace", "filters": [{"type": "size"}]}, ["body", "filters", 0, "type"], "union_tag_invalid"),
        ({"root_type": "trace", "sort": {"column_id": "tags"}}, ["body", "sort", "column_id"], "value_error"),
    ],
)
def test_invalid_requests_get_422_with_the_detail_list(
    gal: httpx.Client, sandbox: RunningSandbox, body: dict[str, Any], loc: list[Any], kind: str
) -> None:
    response = gal.post(export_path(sandbox), json=body)
    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert (problem["loc"], problem["type"]) == (loc, kind)


def test_computed_metrics_only_with_jsonl_flat_gets_422_with_a_message(
    gal: httpx.Client, sandbox: RunningSandbox
) -> None:
    body = {"root_type": "trace", "export_format": "jsonl_flat", "export_computed_metrics_only": True}
    response = gal.post(export_path(sandbox), json=body)
    assert response.status_code == 422 and "jsonl_flat" in response.json()["detail"]


def test_computed_metrics_only_drops_metrics_not_computed(gal: httpx.Client, sandbox: RunningSandbox) -> None:
    every = export_lines(gal, sandbox, root_type="trace")
    computed = export_lines(gal, sandbox, root_type="trace", export_computed_metrics_only=True)
    statuses = {info["status_type"] for t in every for info in (t["metric_info"] or {}).values()}
    kept = {info["status_type"] for t in computed for info in (t["metric_info"] or {}).values()}
    assert statuses - {"success", "roll_up"} and kept <= {"success", "roll_up"}


def test_unknown_project_or_run_gets_404(gal: httpx.Client, sandbox: RunningSandbox) -> None:
    stranger = "00000000-0000-4000-8000-000000000000"
    answers = [
        gal.post(f"/v2/projects/{stranger}/export_records", json={"root_type": "trace"}),
        gal.post(export_path(sandbox), json={"root_type": "trace", "log_stream_id": stranger}),
        gal.post(export_path(sandbox), json={"root_type": "trace", "experiment_id": stranger}),
        gal.post(export_path(sandbox), json={"root_type": "trace", "metrics_testing_id": stranger}),
    ]
    assert [a.status_code for a in answers] == [404] * 4
    assert all(isinstance(a.json()["detail"], str) for a in answers)


@pytest.mark.parametrize("header", ["Galileo-API-Key", "Splunk-AO-API-Key"])
def test_wrong_key_gets_401_without_echoing_it(sandbox: RunningSandbox, header: str) -> None:
    with httpx.Client(base_url=sandbox.base_url, headers={header: "gal-wrong-key"}) as client:
        response = client.post(export_path(sandbox), json={"root_type": "trace"})
    assert response.status_code == 401
    assert set(response.json()) == {"detail"} and "wrong" not in response.text
    with httpx.Client(base_url=sandbox.base_url) as client:
        assert client.post(export_path(sandbox), json={"root_type": "trace"}).status_code == 401
    with httpx.Client(base_url=sandbox.base_url, headers={header: sandbox.galileo_api_key}) as client:
        assert client.post(export_path(sandbox), json={"root_type": "trace"}).status_code == 200


def test_the_key_header_is_configurable(sandbox_factory: Callable[..., RunningSandbox]) -> None:
    sandbox = sandbox_factory(galileo_key_header="X-Tenant-Key", galileo_api_key="tenant-secret", records=5)
    with httpx.Client(base_url=sandbox.base_url, headers={"X-Tenant-Key": "tenant-secret"}) as client:
        assert client.post(export_path(sandbox), json={"root_type": "trace"}).status_code == 200
    with httpx.Client(base_url=sandbox.base_url, headers={"Galileo-API-Key": "tenant-secret"}) as client:
        answer = client.post(export_path(sandbox), json={"root_type": "trace"})
        assert answer.status_code == 401 and "X-Tenant-Key" in answer.json()["detail"]
