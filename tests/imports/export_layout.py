"""Lay out v5 data as the official ``humanloop-export`` tool writes it, with the quirks an importer must survive.

The layout follows the tool's code (``humanloop/humanloop-export``, ``export.py``; the facts are summarized in
``tests/fixtures/imports/README.md``): ``exports/<YYYYMMDD-HHMMSS>/export.log`` and, per File,
``exports/<ts>/files/<file_id>/{file.json, versions/<version_id>, deployments.json, logs/N.jsonl, evaluations/<id>/
{evaluation.json, stats.json, runs/<run_id>, logs/N.jsonl}, datapoints/<dsv_id>/N.jsonl, .done}``. JSON files are
written with ``json.dumps`` defaults and no final newline; version and run files have no extension; JSONL files are
numbered from 1 and the first holds 1001 records; records are out of order (completion order); every child log is
written both nested in its parent and again on its own line in its own File's logs.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
from tracebridge.humanloop.formats import log_kind

from tests.imports.vendor_data import write_jsonl

TIMESTAMP = "20250905-093000"
FIRST_FILE_LINES = 1001
LATER_FILE_LINES = 1000
DONE_TEXT = "Export completed successfully.\n"


@attrs.define
class Layout:
    root: Path
    standalone_copies: int = 0
    """Lines that repeat a log already nested in another record (the importer must drop them)."""
    log_files: list[Path] = attrs.field(factory=list)
    file_dirs: list[Path] = attrs.field(factory=list)

    @property
    def export_dir(self) -> Path:
        return self.root / "exports" / TIMESTAMP


def nested_logs(log: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for key in ("trace_children", "evaluator_logs"):
        for child in log.get(key) or ():
            yield child
            yield from nested_logs(child)


def write_document(path: Path, value: Any) -> Path:
    """As the tool writes a JSON file: ``json.dumps`` defaults, no trailing newline."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value), encoding="utf-8")
    return path


def _file_of(log: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    version = log.get(log_kind(log) or "") or {}
    return str(version.get("id") or "fi_unknown"), version


def write_file(files: Path, file_id: str, version: dict[str, Any], layout: Layout) -> Path:
    """A File's folder: ``file.json`` (the File with its version's fields), ``versions/<id>``, ``deployments.json``."""
    file_dir = files / file_id
    if file_dir not in layout.file_dirs:
        layout.file_dirs.append(file_dir)
        write_document(file_dir / "file.json", version)
        deployments = [
            {
                "version_id": version.get("version_id"),
                "environment_id": environment.get("id"),
                "environment_name": environment.get("name"),
                "environment_tag": environment.get("tag"),
            }
            for environment in version.get("environments") or ()
        ]
        write_document(file_dir / "deployments.json", deployments)
    if version.get("version_id"):
        write_document(file_dir / "versions" / str(version["version_id"]), version)
    return file_dir


def write_jsonl_files(directory: Path, records: Sequence[dict[str, Any]]) -> list[Path]:
    """``1.jsonl`` with the first 1001 records, then 1000 a file, as the tool's counter splits them."""
    paths: list[Path] = []
    start, number = 0, 1
    while start < len(records):
        size = FIRST_FILE_LINES if number == 1 else LATER_FILE_LINES
        paths.append(write_jsonl(directory / f"{number}.jsonl", records[start : start + size]))
        start += size
        number += 1
    return paths


def write_logs(
    files: Path,
    placed: Sequence[tuple[str | None, dict[str, Any]]],
    layout: Layout,
    rng: random.Random,
    *,
    export_logs: bool = True,
) -> None:
    """Bare logs in their File's folder (or the one named with them), shuffled (completion order); each File's
    folder holds its own versions. Without ``export_logs`` (the tool's default) only the Files are written."""
    by_file: dict[str, list[dict[str, Any]]] = {}
    for into, log in placed:
        file_id, version = _file_of(log)
        write_file(files, file_id, version, layout)
        by_file.setdefault(into or file_id, []).append(log)
    if not export_logs:
        return
    for file_id, group in by_file.items():
        rng.shuffle(group)
        layout.log_files.extend(write_jsonl_files(files / file_id / "logs", group))


def lay_out(
    root: Path,
    *,
    roots: Sequence[dict[str, Any]],
    envelopes: Sequence[dict[str, Any]] = (),
    runs: Sequence[dict[str, Any]] = (),
    evaluation_id: str | None = None,
    evaluation_name: str = "Support answers",
    seed: int = 0,
    export_logs: bool = True,
) -> Layout:
    """The export of ``roots`` (bare logs) and an evaluation (``envelopes`` of ``runs``); ``export_logs=False`` is
    the tool's default, ``EXPORT_LOGS`` unset: Files, versions, evaluations, runs, stats and datapoints, no logs."""
    rng = random.Random(seed)
    layout = Layout(root)
    files = layout.export_dir / "files"
    children = [child for log in roots for child in nested_logs(log)]
    # Envelope logs (and everything nested in them) appear again as bare logs of their files.
    envelope_logs = [envelope["log"] for envelope in envelopes]
    envelope_nested = [
        child for envelope in envelopes for child in [*nested_logs(envelope["log"]), *envelope["evaluator_logs"]]
    ]
    copies = [*children, *envelope_logs, *envelope_nested]
    layout.standalone_copies = len(copies)
    home = _file_of(roots[0])[0] if roots else None  # the roots all in one file: its first JSONL holds 1001
    placed = [*((home, log) for log in roots), *((None, log) for log in copies)]
    write_logs(files, placed, layout, rng, export_logs=export_logs)
    if envelopes:
        assert evaluation_id is not None and runs
        _write_evaluation(files, envelopes, runs, evaluation_id, evaluation_name, layout, rng, export_logs=export_logs)
    for file_dir in layout.file_dirs:
        (file_dir / ".done").write_text(DONE_TEXT, encoding="utf-8")
    (layout.export_dir / "export.log").write_text(
        f"2025-09-05 09:30:00.101 | INFO     | __main__:main:101 - Logging to {layout.export_dir}/export.log\n"
        f"2025-09-05 09:30:00.102 | INFO     | __main__:main:103 - EXPORT_LOGS: {export_logs}\n"
        f"2025-09-05 09:30:09.870 | INFO     | __main__:main:143 - {len(layout.file_dirs)} Files successfully "
        "exported; 0 Files failed.\n",
        encoding="utf-8",
    )
    return layout


def _write_evaluation(
    files: Path,
    envelopes: Sequence[dict[str, Any]],
    runs: Sequence[dict[str, Any]],
    evaluation_id: str,
    evaluation_name: str,
    layout: Layout,
    rng: random.Random,
    *,
    export_logs: bool,
) -> None:
    version = runs[0]["version"]
    file_dir = write_file(files, str(version["id"]), version, layout)
    evaluation_dir = file_dir / "evaluations" / evaluation_id
    evaluators = {
        str(log["evaluator"]["version_id"]): log["evaluator"]
        for envelope in envelopes
        for log in envelope["evaluator_logs"]
        if isinstance(log.get("evaluator"), dict)
    }
    write_document(
        evaluation_dir / "evaluation.json",
        {
            "id": evaluation_id,
            "runs_count": len(runs),
            "evaluators": [
                {"version": evaluator, "orchestrated": True, "added_at": "2025-08-01T10:00:00Z"}
                for evaluator in evaluators.values()
            ],
            "name": evaluation_name,
            "file_id": version["id"],
            "created_at": "2025-08-01T10:00:00Z",
            "created_by": {"id": "usr_1", "email_address": "ada@example.com", "full_name": "Ada"},
            "updated_at": "2025-08-01T10:05:00Z",
            "url": f"https://app.humanloop.com/evaluations/{evaluation_id}",
        },
    )
    per_run = {run["id"]: sum(1 for e in envelopes if e.get("run_id") == run["id"]) for run in runs}
    write_document(
        evaluation_dir / "stats.json",
        {
            "run_stats": [
                {"run_id": run_id, "num_logs": count, "evaluator_stats": [], "status": "completed"}
                for run_id, count in per_run.items()
            ],
            "progress": f"{len(envelopes)}/{len(envelopes)}",
            "report": "Evaluation completed.",
            "status": "completed",
        },
    )
    for run in runs:
        write_document(evaluation_dir / "runs" / run["id"], run)
    if export_logs:
        shuffled = list(envelopes)
        rng.shuffle(shuffled)
        layout.log_files.extend(write_jsonl_files(evaluation_dir / "logs", shuffled))
    dataset = {key: value for key, value in runs[0]["dataset"].items() if key != "datapoints"}
    datapoints = {e["datapoint"]["id"]: e["datapoint"] for e in envelopes if e.get("datapoint")}
    dataset_dir = write_file(
        files, str(dataset["id"]), {**dataset, "type": "dataset", "datapoints_count": len(datapoints)}, layout
    )
    write_jsonl_files(dataset_dir / "datapoints" / str(dataset["version_id"]), list(datapoints.values()))
