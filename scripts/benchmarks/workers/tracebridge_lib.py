"""Contender: tracebridge as a library, exporting into its JSONL sink (common records, one file per record type).

Written and unique count the source records that reached the output, read from the common records themselves: one
primary record per source record (the span of a v4 log, the experiment item of a v5 evaluation log, the root span
of a Galileo trace), keyed by its provenance source id.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
if json.loads(sys.argv[1]).get("stdlib_json"):
    sys.modules["msgspec"] = None  # type: ignore[assignment]  # as installed without the `fast` extra

from tracebridge import Export, GalileoClient, HumanloopClient
from tracebridge.json_codec import CODEC_NAME, dumps_line
from tracebridge.sinks.jsonl import JsonlSink

from scripts.benchmarks.workers.common import Clock, Output, run

PRIMARY: dict[str, tuple[str, str]] = {
    "v4": ("span", "log"),
    "v5": ("experiment_item", "evaluation_log"),
    "galileo": ("span", "trace"),
}
"""Per scenario: the (record_type, provenance.record_type) of the one common record each source record yields."""


def identity(scenario: str) -> Callable[[Any], str | None]:
    record_type, source_type = PRIMARY[scenario]

    def key(record: Any) -> str | None:
        provenance = record.provenance
        if record.record_type != record_type or provenance.record_type != source_type:
            return None
        if scenario == "v5":
            return f"{record.experiment_id}/{provenance.source_id}"
        return str(provenance.source_id)

    return key


def open_export(spec: dict[str, Any]) -> Export[Any]:
    if spec["scenario"] == "galileo":
        return GalileoClient(base_url=spec["base_url"]).export_records(
            spec["galileo_project_id"], log_stream_id=spec["log_stream_id"]
        )
    client = HumanloopClient(
        base_url=spec["base_url"], concurrency=int(spec["concurrency"]), page_size=int(spec["page_size"])
    )
    if spec["scenario"] == "v4":
        return client.export_project(spec["project_id"])
    return client.evaluation_logs(spec["evaluation_id"])


def raw_identity(scenario: str, raw: Any) -> str:
    """The id the other contenders count a vendor record by (v5: its run and log, as the httpx loop does)."""
    if scenario == "v5":
        return f"{raw.get('run_id')}/{raw['log']['id']}"
    return str(raw["id"])


def write_raw(spec: dict[str, Any], export: Export[Any], clock: Clock, out: Output) -> dict[str, Any]:
    """``raw()``: the engine alone (fetch, retry, decode, dedupe, checkpoint-ready batches), no mapping: each vendor
    record written back as one JSON line with tracebridge's codec, as the SDK contenders write what they got."""
    with (Path(spec["out"]) / "raw.jsonl").open("wb") as lines:
        for n, raw in enumerate(export.raw()):
            lines.write(dumps_line(raw))
            out.count(raw_identity(spec["scenario"], raw))
            if n % 1000 == 0:
                clock.check()
    return {"codec": CODEC_NAME, "report": export.report.describe()}


def main(spec: dict[str, Any], clock: Clock, out: Output) -> dict[str, Any]:
    export = open_export(spec)
    if spec.get("raw"):
        return write_raw(spec, export, clock, out)
    key = identity(spec["scenario"])
    sink = JsonlSink(Path(spec["out"]) / "tracebridge")
    common = 0
    try:
        for batch in _batches(export.records(), 1000):
            sink.write(batch)
            common += len(batch)
            for record in batch:
                record_id = key(record)
                if record_id is not None:
                    out.count(record_id)
            clock.check()
    finally:
        sink.close()
    return {"common_records": common, "codec": CODEC_NAME, "report": export.report.describe()}


def _batches(records: Any, size: int) -> Any:
    batch: list[Any] = []
    for record in records:
        batch.append(record)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


if __name__ == "__main__":
    run(main)
