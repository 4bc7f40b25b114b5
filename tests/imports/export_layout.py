"""Lay out v5 data as the official ``humanloop-export`` tool wrote it, with the quirks an importer must survive.

``exports/<ts>/files/<file_id>/{file.json, deployments.json, versions/<version_id>, logs/N.jsonl,
evaluations/<evr_id>/{evaluation.json, stats.json, runs/<run_id>, logs/N.jsonl}, datapoints/<dsv_id>/N.jsonl}``:
version and run files without extension, a first JSONL file of 1001 records, records out of order, and every child
log both nested in its parent and again on its own line in its own file.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
from tracebridge.humanloop.formats import log_kind

from tests.imports.vendor_data import write_json, write_jsonl

TIMESTAMP = "2025-09-05T09-30-00"
FIRST_FILE_LINES = 1001


@attrs.define
class Layout:
    root: Path
    standalone_copies: int = 0
    """Lines that repeat a log already nested in another record (the importer must drop them)."""
    log_files: list[Path] = attrs.field(factory=list)


def nested_logs(log: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for key in ("trace_children", "evaluator_logs"):
        for child in log.get(key) or ():
            yield child
            yield from nested_logs(child)


def _file_of(log: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    version = log.get(log_kind(log) or "") or {}
    return str(version.get("id") or "fi_unknown"), version


def write_logs(
    files: Path, placed: Sequence[tuple[str | None, dict[str, Any]]], layout: Layout, rng: random.Random
) -> None:
    """Bare logs in their file's directory (or the one named with them), shuffled, in JSONL files of 1001 lines then
    the rest."""
    by_file: dict[str, list[dict[str, Any]]] = {}
    for into, log in placed:
        file_id, version = _file_of(log)
        file_id = into or file_id
        by_file.setdefault(file_id, []).append(log)
        file_dir = files / file_id
        if not (file_dir / "file.json").exists():
            write_json(file_dir / "file.json", {"id": file_id, "path": version.get("path"), "type": log_kind(log)})
            write_json(file_dir / "deployments.json", [])
        if version.get("version_id"):
            # No extension, as the tool wrote them.
            write_json(file_dir / "versions" / str(version["version_id"]), version, indent=None)
    for file_id, group in by_file.items():
        rng.shuffle(group)
        for number, start in enumerate(range(0, len(group), FIRST_FILE_LINES)):
            path = write_jsonl(files / file_id / "logs" / f"{number}.jsonl", group[start : start + FIRST_FILE_LINES])
            layout.log_files.append(path)


def lay_out(
    root: Path,
    *,
    roots: Sequence[dict[str, Any]],
    envelopes: Sequence[dict[str, Any]] = (),
    runs: Sequence[dict[str, Any]] = (),
    evaluation_id: str | None = None,
    seed: int = 0,
) -> Layout:
    rng = random.Random(seed)
    layout = Layout(root)
    files = root / "exports" / TIMESTAMP / "files"
    children = [child for log in roots for child in nested_logs(log)]
    # Envelope logs (and everything nested in them) appear again as bare logs of their files.
    envelope_logs = [envelope["log"] for envelope in envelopes]
    envelope_nested = [
        child for envelope in envelopes for child in [*nested_logs(envelope["log"]), *envelope["evaluator_logs"]]
    ]
    copies = [*children, *envelope_logs, *envelope_nested]
    layout.standalone_copies = len(copies)
    home = _file_of(roots[0])[0] if roots else None  # the roots all in one file: its first JSONL holds 1001
    write_logs(files, [*((home, log) for log in roots), *((None, log) for log in copies)], layout, rng)
    if envelopes:
        assert evaluation_id is not None and runs
        evaluation_dir = files / str(runs[0]["version"]["id"]) / "evaluations" / evaluation_id
        write_json(evaluation_dir / "evaluation.json", {"id": evaluation_id, "runs": [run["id"] for run in runs]})
        write_json(evaluation_dir / "stats.json", {"overall_stats": {"num_logs": len(envelopes)}})
        for run in runs:
            write_json(evaluation_dir / "runs" / run["id"], run)
        shuffled = list(envelopes)
        rng.shuffle(shuffled)
        layout.log_files.append(write_jsonl(evaluation_dir / "logs" / "0.jsonl", shuffled))
        dataset = runs[0]["dataset"]
        datapoints = {e["datapoint"]["id"]: e["datapoint"] for e in envelopes if e.get("datapoint")}
        write_jsonl(files / dataset["id"] / "datapoints" / dataset["version_id"] / "0.jsonl", datapoints.values())
    return layout
