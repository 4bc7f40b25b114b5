"""Raw vendor data fetched from the sandbox over HTTP, and laid out as users' export files are.

The import tests compare what a file yields with what the API source yields for the very same data, so the files
are built from the bodies the (real, local) server sends, not written by hand.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import httpx
from tracebridge.delivery.once import KEYS
from tracebridge.records import Record
from tracebridge.sandbox import RunningSandbox
from tracebridge.serialization import to_json_dict


def humanloop_pages(sandbox: RunningSandbox, kind: str, size: int = 100) -> list[dict[str, Any]]:
    """Every page of the v4 project export (``kind="v4"``) or the v5 evaluation logs (``kind="v5"``), as served."""
    headers = {"X-API-KEY": sandbox.humanloop_api_key}
    pages: list[dict[str, Any]] = []
    number = 0 if kind == "v4" else 1
    with httpx.Client(base_url=sandbox.base_url, headers=headers, timeout=30) as client:
        while True:
            if kind == "v4":
                response = client.post(
                    f"/v4/projects/{sandbox.project_id}/export", params={"page": number, "size": size}
                )
            else:
                url = f"/v5/evaluations/{sandbox.evaluation_id}/logs"
                response = client.get(url, params={"page": number, "size": size})
            response.raise_for_status()
            page = response.json()
            pages.append(page)
            if len(page["records"]) < size:
                return pages
            number += 1


def galileo_body(sandbox: RunningSandbox, export_format: str, root_type: str = "trace") -> bytes:
    """One Galileo export stream, whole, exactly as the server sends it (what a user saves to a file)."""
    body = {"root_type": root_type, "log_stream_id": sandbox.log_stream_id, "export_format": export_format}
    headers = {sandbox.galileo_key_header: sandbox.galileo_api_key}
    url = f"{sandbox.base_url}/v2/projects/{sandbox.galileo_project_id}/export_records"
    response = httpx.post(url, json=body, headers=headers, timeout=60)
    response.raise_for_status()
    return response.content


def run_body(sandbox: RunningSandbox, run_id: str) -> dict[str, Any]:
    """A run as ``POST .../runs/{run_id}/logs`` answers it (adding no log changes nothing)."""
    url = f"{sandbox.base_url}/v5/evaluations/{sandbox.evaluation_id}/runs/{run_id}/logs"
    response = httpx.post(url, json={"log_ids": []}, headers={"X-API-KEY": sandbox.humanloop_api_key}, timeout=30)
    response.raise_for_status()
    body: dict[str, Any] = response.json()
    return body


def write_jsonl(path: Path, records: Iterable[Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def write_json(path: Path, value: Any, *, indent: int | None = 2) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, ensure_ascii=False, indent=indent), encoding="utf-8")
    return path


def rows(records: Iterable[Record]) -> Counter[str]:
    """Records as a multiset of canonical JSON rows: equal when the same records came out, whatever the order."""
    return Counter(json.dumps(to_json_dict(record), sort_keys=True) for record in records)


def own_rows(records: Iterable[Record]) -> Counter[str]:
    """The rows of the records each source record has alone (not the definitions, versions and experiments that
    several carry, which an export keeps once, whichever copy came first)."""
    return rows(record for record in records if record.record_type not in KEYS)


def shared_ids(records: Iterable[Record]) -> Counter[tuple[str, str]]:
    """The shared records by type and id: an export holds each once."""
    return Counter(
        (record.record_type, getattr(record, KEYS[record.record_type]))
        for record in records
        if record.record_type in KEYS
    )
