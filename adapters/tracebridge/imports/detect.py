"""Which format a path holds, told from its content (and a directory's layout), never from its file name.

Version and run files of a Humanloop export have no extension and users rename dumps freely, so the first record
decides: a Galileo record has a Galileo ``type`` and a ``project_id``; a v5 evaluation log wraps a ``log``; a v5 Log
has one of ``prompt|tool|flow|agent|evaluator``; a v4 log has its ``config`` or ``project_id``. ``from_format``
overrides detection, but a file that plainly holds another format is refused rather than rejected line by line.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tracebridge.galileo.csv_rows import csv_records
from tracebridge.humanloop import export_directory as humanloop_export
from tracebridge.imports import kinds
from tracebridge.imports.classify import classify, compatible
from tracebridge.imports.errors import ImportFormatError
from tracebridge.imports.formats import FORMATS, ImportFormat
from tracebridge.imports.json_records import is_page, json_records, looks_like_jsonl
from tracebridge.imports.tasks import FileTask
from tracebridge.imports.textfile import first_lines, head

SNIFF_LINES = 20
"""Lines tried for a first record when the first ones are broken."""
EMPTY_PAGE = "the JSON holds no records"
_HEADER_CELL = re.compile(r"^[A-Za-z_][\w.\-]*$")


def plan(paths: Sequence[Path], from_format: ImportFormat | None = None) -> list[FileTask]:
    """Every file to read for ``paths``, in order; an ImportFormatError for a path that cannot be imported at all."""
    tasks: list[FileTask] = []
    for group, path in enumerate(paths):
        if not path.exists():
            raise ImportFormatError(path, "no such file or directory")
        if path.is_dir():
            tasks.extend(_directory(path, from_format, group))
        elif from_format == humanloop_export.FORMAT:
            raise ImportFormatError(path, "a humanloop-export is a directory (exports/<ts>/files/<file_id>/...)")
        else:
            tasks.append(file_task(path, from_format, group))
    return tasks


def _directory(path: Path, from_format: ImportFormat | None, group: int) -> list[FileTask]:
    if from_format in (None, humanloop_export.FORMAT) and humanloop_export.is_export_dir(path):
        return humanloop_export.export_tasks(path, group=group)
    if from_format == humanloop_export.FORMAT:
        raise ImportFormatError(
            path,
            "not a humanloop-export directory: found no exports/<ts>/files/<file_id>/ with logs, evaluations or "
            "datapoints",
        )
    files = sorted(p for p in path.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.parts))
    if not files:
        raise ImportFormatError(path, "the directory holds no files to import")
    return [file_task(file, from_format, group) for file in files]


def file_task(path: Path, from_format: ImportFormat | None, group: int = 0) -> FileTask:
    detected, seen = detect_file(path)
    if detected is None and seen == EMPTY_PAGE:
        # A listing's last page can be empty: nothing to map, but its ``total`` still counts.
        return FileTask(path, from_format or "", json_records, kinds.always(kinds.V4_LOG), group)
    if from_format is None:
        if detected is None:
            raise ImportFormatError(
                path, f"cannot tell the format: {seen}; name it with --from (one of {', '.join(FORMATS[1:])})"
            )
        chosen: str = detected
    else:
        if detected is not None and not compatible(detected, from_format):
            raise ImportFormatError(path, f"named as {from_format}, but it holds {detected} ({seen})")
        chosen = from_format
    return _task_for(path, chosen, group)


def _task_for(path: Path, fmt: str, group: int) -> FileTask:
    if fmt == "galileo-csv":
        return FileTask(path, fmt, lambda p, _t: csv_records(p), kinds.always(kinds.GALILEO_RECORD), group)
    if fmt in ("galileo-jsonl", "galileo-jsonl-flat"):
        return FileTask(path, fmt, json_records, kinds.always(kinds.GALILEO_RECORD), group)
    if fmt == "humanloop-v4-export":
        return FileTask(path, fmt, json_records, kinds.always(kinds.V4_LOG), group)
    if fmt == "humanloop-v5-evaluation-logs":
        return FileTask(path, fmt, json_records, kinds.v5_log_or_evaluation_log, group)
    if fmt == "humanloop-v5-logs":
        return FileTask(path, fmt, json_records, kinds.v5_log_or_evaluation_log, group, nested_logs=True)
    raise ImportFormatError(path, f"{fmt} is not a file format")  # humanloop-export: a directory, handled above


def detect_file(path: Path) -> tuple[ImportFormat | None, str]:
    """The format of a file (None when unknown) and a short description of what was seen, for messages."""
    data = head(path)  # raises for empty and binary files
    start = data.lstrip()[:1]
    if start not in (b"{", b"["):
        return _detect_csv(data)
    sample, where = _first_record(path)
    if sample is None:
        return None, where
    return classify(sample), f"{where} has keys {sorted(sample)[:10]}"


def _first_record(path: Path) -> tuple[dict[str, Any] | None, str]:
    """The first JSON object record of the file (a page's first record), and where it was."""
    if looks_like_jsonl(path):
        only_empty_pages = True
        for line in first_lines(path, count=SNIFF_LINES):
            try:
                value = json.loads(line.data)
            except ValueError:
                only_empty_pages = False
                continue
            record = _first_of(value)
            if record is not None:
                return record, f"the first record (line {line.number})"
            only_empty_pages = only_empty_pages and is_page(value)
        if only_empty_pages:
            return None, EMPTY_PAGE
        return None, f"none of the first {SNIFF_LINES} lines is a JSON object record"
    for raw in json_records(path):
        if isinstance(raw.value, dict):
            return raw.value, f"the first record ({raw.source})"
        if raw.problem is not None:
            return None, f"{raw.source}: {raw.problem}"
    return None, EMPTY_PAGE


def _first_of(value: Any) -> dict[str, Any] | None:
    if is_page(value):
        value = value["records"]
    if isinstance(value, list):
        for item in value:
            found = _first_of(item)
            if found is not None:
                return found
        return None
    return value if isinstance(value, dict) else None


def _detect_csv(data: bytes) -> tuple[ImportFormat | None, str]:
    first = data.split(b"\n", 1)[0].decode("utf-8", errors="replace").rstrip("\r")
    try:
        header = next(csv.reader([first]), [])
    except csv.Error:
        header = []
    if len(header) >= 2 and all(_HEADER_CELL.match(cell) for cell in header) and "id" in header:
        return "galileo-csv", f"a CSV header {header[:6]}"
    return None, f"not JSON, JSONL or a CSV with an id column: it starts with {first[:60]!r}"
