"""Normalizing an export file already on disk: tracebridge's import, or the floor of parsing and re-serializing it.

``mode=tracebridge``: ``open_import`` of a Galileo ``jsonl_flat`` file into the JSONL sink (the work of
``tracebridge import``). ``mode=json``: ``json.loads`` and ``json.dumps`` of every line, the cost any tool pays to
read and write the same bytes. Both stream, so peak memory should not grow with the file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from tracebridge.imports import open_import
from tracebridge.sinks.jsonl import JsonlSink

from scripts.benchmarks.workers.common import Clock, Output, run


def floor(spec: dict[str, Any], clock: Clock, out: Output) -> None:
    with Path(spec["input"]).open("rb") as source:
        for n, line in enumerate(source):
            record = json.loads(line)
            out.write(record, record["id"])
            if n % 10_000 == 0:
                clock.check()


def tracebridge(spec: dict[str, Any], clock: Clock, out: Output) -> dict[str, Any]:
    export = open_import([spec["input"]], from_format="galileo-jsonl-flat")
    sink = JsonlSink(Path(spec["out"]) / "tracebridge")
    common = 0
    try:
        batch: list[Any] = []
        for record in export.records():
            batch.append(record)
            if record.record_type == "span":
                out.count(str(record.provenance.source_id))
            if len(batch) >= 1000:
                sink.write(batch)
                common += len(batch)
                batch = []
                clock.check()
        sink.write(batch)
        common += len(batch)
    finally:
        sink.close()
    return {"common_records": common, "report": export.report.describe()}


def main(spec: dict[str, Any], clock: Clock, out: Output) -> dict[str, Any] | None:
    if spec["mode"] == "json":
        floor(spec, clock, out)
        return None
    return tracebridge(spec, clock, out)


if __name__ == "__main__":
    run(main)
