"""The directory the official ``humanloop-export`` tool wrote, as the list of files to read and what each holds.

Layout: ``exports/<ts>/files/<file_id>/{file.json, deployments.json, versions/<version_id>, logs/N.jsonl,
evaluations/<evr_id>/{evaluation.json, stats.json, runs/<run_id>, logs/N.jsonl}, datapoints/<dsv_id>/N.jsonl}``.
Version and run files have no extension. Logs, evaluation logs, runs and datapoints become records; the file,
version, deployment, evaluation and stats documents describe configuration, which the common schema does not hold.
Files are listed in a fixed order (numbered JSONL files by number), each with its shape; the reader dedupes by id,
since the tool wrote child logs both inside their parent and in their own file.
"""

from __future__ import annotations

from pathlib import Path

from tracebridge.delivery.kinds import always
from tracebridge.delivery.shapes import FileShape
from tracebridge.humanloop import kinds
from tracebridge.humanloop.formats import EXPORT_DIRECTORY
from tracebridge.humanloop.nested import nested_log_identities

FILE_DIR_MARKERS = ("file.json", "logs", "evaluations", "datapoints", "versions")
LOGS = FileShape(EXPORT_DIRECTORY, "json", kinds.v5_log_or_evaluation_log, known_repeats=nested_log_identities)
"""``logs/N.jsonl`` of a file or of an evaluation: bare Logs or evaluation-log envelopes, nested ones repeated."""


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


def export_files(root: Path) -> list[tuple[Path, FileShape]]:
    """Every file of the export under ``root`` that holds records, in reading order, with its shape."""
    files: list[tuple[Path, FileShape]] = []
    for file_dir in file_dirs(root):
        files.extend((page, LOGS) for page in _numbered(file_dir / "logs"))
        for evaluation in _subdirs(file_dir / "evaluations"):
            runs = FileShape(EXPORT_DIRECTORY, "document", always(kinds.v5_run(evaluation.name)))
            files.extend((run, runs) for run in _files(evaluation / "runs"))
            files.extend((page, LOGS) for page in _numbered(evaluation / "logs"))
        for version in _subdirs(file_dir / "datapoints"):
            datapoints = FileShape(EXPORT_DIRECTORY, "json", always(kinds.v5_datapoint(file_dir.name, version.name)))
            files.extend((page, datapoints) for page in _numbered(version))
    return files


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
    """``0.jsonl, 1.jsonl, ..., 10.jsonl`` in numeric order (then any other name)."""
    return sorted(
        (p for p in _files(path) if p.suffix in (".jsonl", ".json")),
        key=lambda p: (0, int(p.stem), "") if p.stem.isdigit() else (1, 0, p.name),
    )
