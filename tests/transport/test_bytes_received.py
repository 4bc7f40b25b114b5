"""``report.bytes_received``: what the progress line shows as bytes is what crossed the wire."""

from __future__ import annotations

import httpx
from tracebridge.galileo.client import GalileoClient
from tracebridge.humanloop.client import HumanloopClient
from tracebridge.sandbox import RunningSandbox


def test_paged_export_counts_every_page_body(sandbox: RunningSandbox) -> None:
    client = HumanloopClient(sandbox.humanloop_api_key, base_url=sandbox.base_url, page_size=50)
    export = client.export_project(sandbox.project_id)
    assert sum(1 for _ in export.raw()) == sandbox.config.records
    with httpx.Client(base_url=sandbox.base_url, headers={"X-API-KEY": sandbox.humanloop_api_key}) as plain:
        pages = [
            plain.post(f"/v4/projects/{sandbox.project_id}/export", params={"page": page, "size": 50}).content
            for page in range(sandbox.config.records // 50)
        ]
    assert export.report.bytes_received == sum(len(body) for body in pages)


def test_stream_counts_every_line(sandbox: RunningSandbox) -> None:
    client = GalileoClient(sandbox.galileo_api_key, base_url=sandbox.base_url)
    export = client.export_records(sandbox.galileo_project_id, log_stream_id=sandbox.log_stream_id, snapshot=False)
    list(export.raw())
    body = {"root_type": "trace", "log_stream_id": sandbox.log_stream_id, "export_format": "jsonl", "redact": True}
    headers = {sandbox.galileo_key_header: sandbox.galileo_api_key}
    with httpx.Client(base_url=sandbox.base_url, headers=headers, timeout=60) as plain:
        expected = plain.post(f"/v2/projects/{sandbox.galileo_project_id}/export_records", json=body).content
    assert export.report.bytes_received == len(expected)
