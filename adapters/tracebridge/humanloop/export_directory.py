"""The directory the official ``humanloop-export`` tool writes, as the files to read, what each holds, and what the
directory itself says about its completeness.

Layout (``humanloop/humanloop-export``, ``export.py``): ``exports/<YYYYMMDD-HHMMSS>/export.log`` and
``exports/<ts>/files/<file_id>/`` per File, every kind side by side, holding ``file.json`` (the File with its default
version), ``versions/<version_id>`` (no extension), ``deployments.json``, for datasets ``datapoints/<dsv_id>/N.jsonl``,
for the others ``evaluations/<evaluation_id>/{evaluation.json, stats.json, runs/<run_id>, logs/N.jsonl}`` and, with
``EXPORT_LOGS=true`` only (the default is off), ``logs/N.jsonl``. JSONL files are numbered from 1. A File's folder gets
``.done`` last, when all of it was written: a folder without it is partial (the tool crashed there, e.g. on a version
without ``environments``), and errors are logged to ``export.log``, whose records span several lines.

Everything but ``deployments.json``, ``stats.json`` and ``export.log`` is read as records; those three are read here,
up front, because they describe the records: a version's deployments, a run's statistics and the counts the import
owes (each run's ``num_logs``, each dataset version's ``datapoints_count``), and what went wrong.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import attrs

from tracebridge.delivery.kinds import always
from tracebridge.delivery.shapes import FileShape
from tracebridge.humanloop import kinds
from tracebridge.humanloop.formats import EXPORT_DIRECTORY
from tracebridge.humanloop.nested import nested_log_identities
from tracebridge.json_codec import loads

FILE_DIR_MARKERS: Final = ("file.json", "logs", "evaluations", "datapoints", "versions", "deployments.json", ".done")
DONE: Final = ".done"
LOG_FILE: Final = "export.log"
_LOG_RECORD: Final = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \| (?P<level>[A-Z]+) *\| (?P<where>\S+) - ")


@attrs.frozen
class ExportFile:
    path: Path
    shape: FileShape
    owed_to: str | None = None
    """The count this file's records are part of (``datapoints of dataset version dsv_1``), if the export says one."""


@attrs.define
class ExportPlan:
    """What to read, what is owed, and what the export itself says went wrong."""

    files: list[ExportFile] = attrs.field(factory=list)
    owed: dict[str, int] = attrs.field(factory=dict)
    """Records each count promises (``stats.json``'s ``num_logs`` per evaluation, ``datapoints_count`` per version)."""
    problems: list[str] = attrs.field(factory=list)


def is_export_dir(path: Path) -> bool:
    return bool(file_dirs(path))


def file_dirs(root: Path) -> list[Path]:
    """The ``files/<file_id>`` directories under ``root``: the export root, ``exports``, one ``<ts>``, ``files``, or
    one file's directory."""
    if _is_file_dir(root):
        return [root]
    levels = [
        root / "files",
        *(d / "files" for d in _subdirs(root)),
        *(d / "files" for d in _subdirs(root / "exports")),
    ]
    if root.name == "files":
        levels.insert(0, root)
    found: list[Path] = []
    for level in levels:
        found.extend(d for d in _subdirs(level) if _is_file_dir(d) and d not in found)
    return found


def export_plan(root: Path) -> ExportPlan:
    """Every file of the export under ``root`` that holds records, with its shape and what it owes, in reading order:
    the Files and their versions first (so the definitions come from the files written for them, not from a copy
    embedded in a log), then evaluations and their runs, then logs, then evaluation logs, then datapoints."""
    plan = ExportPlan()
    folders = file_dirs(root)
    evaluations = [evaluation for folder in folders for evaluation in _subdirs(folder / "evaluations")]
    for folder in folders:
        _plan_definitions(folder, plan)
    owed_by = {evaluation: _plan_evaluation(evaluation, plan) for evaluation in evaluations}
    logs = FileShape(EXPORT_DIRECTORY, "json", kinds.v5_log_or_evaluation_log(), known_repeats=nested_log_identities)
    for folder in folders:
        plan.files.extend(ExportFile(page, logs) for page in _numbered(folder / "logs"))
    for evaluation, owed in owed_by.items():
        envelopes = FileShape(
            EXPORT_DIRECTORY,
            "json",
            kinds.v5_log_or_evaluation_log(evaluation.name),
            known_repeats=nested_log_identities,
        )
        plan.files.extend(ExportFile(page, envelopes, owed) for page in _numbered(evaluation / "logs"))
    for folder in folders:
        for version in _subdirs(folder / "datapoints"):
            datapoints = FileShape(EXPORT_DIRECTORY, "json", always(kinds.v5_datapoint(folder.name, version.name)))
            owed = _datapoints_owed(folder, version.name)
            plan.files.extend(ExportFile(page, datapoints, owed) for page in _numbered(version))
    _plan_completeness(folders, plan)
    return plan


def _plan_completeness(folders: list[Path], plan: ExportPlan) -> None:
    """Errors the tool logged, and File folders it did not finish (no ``.done``)."""
    logs = [log for log in sorted({folder.parent.parent / LOG_FILE for folder in folders}) if log.is_file()]
    for log in logs:
        plan.problems.extend(logged_errors(log))
    # The tool writes `.done` into every File folder it finished. An export with neither a `.done` nor an
    # `export.log` anywhere was not written (or not finished) by it, and says nothing about its completeness.
    if logs or any((folder / DONE).exists() for folder in folders):
        plan.problems.extend(
            f"{folder}: no {DONE} (the export tool did not finish this File)"
            for folder in folders
            if not (folder / DONE).exists()
        )


def _datapoints_owed(folder: Path, version_id: str) -> str:
    return f"datapoints of {folder.name} version {version_id}"


def _plan_definitions(file_dir: Path, plan: ExportPlan) -> None:
    deployments = _read_list(file_dir / "deployments.json", plan)
    kind = _kind_of_folder(file_dir)
    if (file_dir / "file.json").is_file():
        shape = FileShape(EXPORT_DIRECTORY, "document", always(kinds.v5_file("file", deployments, kind)))
        plan.files.append(ExportFile(file_dir / "file.json", shape))
    versions = FileShape(EXPORT_DIRECTORY, "document", always(kinds.v5_file("file_version", deployments, kind)))
    for version in _files(file_dir / "versions"):
        plan.files.append(ExportFile(version, versions))
        count = _read_document(version, plan).get("datapoints_count")
        if isinstance(count, int) and (file_dir / "datapoints" / version.name).is_dir():
            plan.owed[_datapoints_owed(file_dir, version.name)] = count


def _plan_evaluation(evaluation: Path, plan: ExportPlan) -> str:
    """Plan an evaluation's own files and runs; returns the name of the count its logs owe."""
    document = _read_document(evaluation / "evaluation.json", plan)
    stats = _read_document(evaluation / "stats.json", plan)
    run_stats = stats.get("run_stats")
    by_run = {
        entry["run_id"]: entry
        for entry in (run_stats if isinstance(run_stats, list) else [])
        if isinstance(entry, dict) and isinstance(entry.get("run_id"), str)
    }
    if (evaluation / "evaluation.json").is_file():
        shape = FileShape(EXPORT_DIRECTORY, "document", always(kinds.v5_evaluation(stats or None)))
        plan.files.append(ExportFile(evaluation / "evaluation.json", shape))
    name = document.get("name") if isinstance(document.get("name"), str) else None
    runs = FileShape(EXPORT_DIRECTORY, "document", always(kinds.v5_run(evaluation.name, name, by_run)))
    plan.files.extend(ExportFile(run, runs) for run in _files(evaluation / "runs"))
    owed = f"logs of evaluation {evaluation.name}"
    if (evaluation / "logs").is_dir():
        # With EXPORT_LOGS=true the folder exists (even empty), and each run's num_logs says how many it holds.
        counts = [entry.get("num_logs") for entry in by_run.values()]
        if counts and all(isinstance(count, int) for count in counts):
            plan.owed[owed] = sum(count for count in counts if isinstance(count, int))
    return owed


def logged_errors(log: Path) -> list[str]:
    """The ERROR records of an ``export.log``, one line each (a record spans lines: a traceback follows its head)."""
    problems: list[str] = []
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        match = _LOG_RECORD.match(line)
        if match and match.group("level") in ("ERROR", "CRITICAL"):
            problems.append(f"{log}: {line[match.end() :].strip()}")
    return problems


def _kind_of_folder(file_dir: Path) -> str | None:
    """The File's type, from ``file.json`` (the folder name is only an id)."""
    kind = _read_document(file_dir / "file.json", None).get("type")
    return kind if isinstance(kind, str) else None


def _read_document(path: Path, plan: ExportPlan | None) -> Mapping[str, Any]:
    """A small JSON document the plan needs up front; {} when it is missing or unreadable (a problem, when told)."""
    if not path.is_file():
        return {}
    try:
        value = loads(path.read_bytes())
    except ValueError as exc:
        if plan is not None:
            plan.problems.append(f"{path}: not valid JSON ({exc})")
        return {}
    return value if isinstance(value, dict) else {}


def _read_list(path: Path, plan: ExportPlan) -> list[dict[str, Any]]:
    if not path.is_file():
        return []
    try:
        value = loads(path.read_bytes())
    except ValueError as exc:
        plan.problems.append(f"{path}: not valid JSON ({exc})")
        return []
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _is_file_dir(path: Path) -> bool:
    return path.is_dir() and any((path / marker).exists() for marker in FILE_DIR_MARKERS)


def _subdirs(path: Path) -> list[Path]:
    if not path.is_dir():
        return []
    return sorted(child for child in path.iterdir() if child.is_dir() and not child.name.startswith("."))


def _files(path: Path) -> list[Path]:
    if not path.is_dir():
        return []
    return sorted(child for child in path.iterdir() if child.is_file() and not child.name.startswith("."))


def _numbered(path: Path) -> list[Path]:
    """``1.jsonl, 2.jsonl, ..., 10.jsonl`` in numeric order (then any other name)."""
    return sorted(
        (p for p in _files(path) if p.suffix in (".jsonl", ".json")),
        key=lambda p: (0, int(p.stem), "") if p.stem.isdigit() else (1, 0, p.name),
    )
