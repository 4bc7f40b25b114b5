"""The ground truth for export tests: the sandbox read with a plain, sequential httpx loop, no tracebridge code.

Comparing tracebridge's output with what this loop sees checks counts and ids against the server itself, not against
numbers copied into the tests.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import httpx
from tracebridge.sandbox import RunningSandbox

PAGE_SIZE = 100


def humanloop_pages(
    sandbox: RunningSandbox, method: str, path: str, *, first_page: int, params: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """Every record of a Humanloop listing, page by page until a short page."""
    records: list[dict[str, Any]] = []
    page = first_page
    with httpx.Client(base_url=sandbox.base_url, headers={"X-API-KEY": sandbox.humanloop_api_key}) as client:
        while True:
            query = {**(params or {}), "page": page, "size": PAGE_SIZE}
            body = client.request(method, path, params=query).raise_for_status().json()
            records.extend(body["records"])
            if len(body["records"]) < PAGE_SIZE:
                return records
            page += 1


def project_log_ids(sandbox: RunningSandbox) -> list[str]:
    records = humanloop_pages(sandbox, "POST", f"/v4/projects/{sandbox.project_id}/export", first_page=0)
    return [record["id"] for record in records]


def evaluation_log_ids(sandbox: RunningSandbox, run_ids: list[str] | None = None) -> list[str]:
    params = {"run_id": run_ids} if run_ids else None
    records = humanloop_pages(
        sandbox, "GET", f"/v5/evaluations/{sandbox.evaluation_id}/logs", first_page=1, params=params
    )
    return [f"{record.get('run_id') or '-'}/{record['log']['id']}" for record in records]


def datapoint_ids(sandbox: RunningSandbox, evaluatee_id: str) -> list[str]:
    records = humanloop_pages(
        sandbox,
        "GET",
        f"/v4/evaluations/{sandbox.evaluation_id}/datapoints",
        first_page=1,
        params={"evaluatee_id": evaluatee_id},
    )
    return [f"{evaluatee_id}/{record['datapoint']['id']}" for record in records]


def galileo_text(sandbox: RunningSandbox, body: dict[str, Any]) -> str:
    """One Galileo export, read whole (fine for a test-sized export)."""
    return (
        httpx.post(
            f"{sandbox.base_url}/v2/projects/{sandbox.galileo_project_id}/export_records",
            json=body,
            headers={sandbox.galileo_key_header: sandbox.galileo_api_key},
            timeout=60,
        )
        .raise_for_status()
        .text
    )


def galileo_ids(sandbox: RunningSandbox, body: dict[str, Any]) -> list[str]:
    text = galileo_text(sandbox, body)
    if body.get("export_format") == "csv":
        return [row["id"] for row in csv.DictReader(io.StringIO(text))]
    return [json.loads(line)["id"] for line in text.split("\n") if line]
