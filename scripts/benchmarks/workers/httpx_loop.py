"""Contender: a plain sequential httpx loop, as someone would write in ten minutes (no retries, no concurrency).

Humanloop: request page after page until one comes back short. Galileo: one streamed request, a line at a time.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from scripts.benchmarks.workers.common import Clock, Output, run


def humanloop(spec: dict[str, Any], clock: Clock, out: Output) -> None:
    size = int(spec["page_size"])
    headers = {"X-API-KEY": os.environ["HUMANLOOP_API_KEY"]}
    with httpx.Client(base_url=spec["base_url"], headers=headers, timeout=60) as client:
        page = 0 if spec["scenario"] == "v4" else 1
        while True:
            if spec["scenario"] == "v4":
                response = client.post(f"/v4/projects/{spec['project_id']}/export", params={"page": page, "size": size})
            else:
                path = f"/v5/evaluations/{spec['evaluation_id']}/logs"
                response = client.get(path, params={"page": page, "size": size})
            response.raise_for_status()
            records = response.json()["records"]
            for record in records:
                if spec["scenario"] == "v4":
                    out.write(record, record["id"])
                else:
                    out.write(record, f"{record.get('run_id')}/{record['log']['id']}")
            if len(records) < size:
                return
            page += 1
            clock.check()


def galileo(spec: dict[str, Any], clock: Clock, out: Output) -> None:
    headers = {"Galileo-API-Key": os.environ["GALILEO_API_KEY"]}
    body = {"root_type": "trace", "log_stream_id": spec["log_stream_id"], "export_format": "jsonl"}
    path = f"/v2/projects/{spec['galileo_project_id']}/export_records"
    with (
        httpx.Client(base_url=spec["base_url"], headers=headers, timeout=300) as client,
        client.stream("POST", path, json=body) as response,
    ):
        response.raise_for_status()
        for n, line in enumerate(response.iter_lines()):
            if line:
                record = json.loads(line)
                out.write(record, record["id"])
            if n % 1000 == 0:
                clock.check()


def main(spec: dict[str, Any], clock: Clock, out: Output) -> None:
    (galileo if spec["scenario"] == "galileo" else humanloop)(spec, clock, out)


if __name__ == "__main__":
    run(main)
