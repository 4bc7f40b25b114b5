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

from tracebridge.delivery.kinds import RecordKind, always
from tracebridge.delivery.shapes import FileShape
from tracebridge.humanloop import export_directory
from tracebridge.humanloop.formats import EXPORT_DIRECTORY
from tracebridge.imports.errors import ImportFormatError
from tracebridge.imports.formats import FORMATS, ImportFormat, classify, compatible
from tracebridge.imports.json_records import is_page, json_records, looks_like_jsonl
from tracebridge.imports.shapes import SHAPES
from tracebridge.imports.tasks import FileTask, ImportPlan
from tracebridge.imports.textfile import first_lines, head
from tracebridge.mapping.errors import MappingError

SNIFF_LINES = 20
"""Lines tried for a first record when the first ones are broken."""
EMPTY_PAGE = "the JSON holds no records"
_HEADER_CELL = re.compile(r"^[A-Za-z_][\w.\-]*$")


def plan(paths: Sequence[Path], from_format: ImportFormat | None = None) -> ImportPlan:
    """Every file to read for ``paths``, in order; an ImportFormatError for a path that cannot be imported at all."""
    result = ImportPlan(tasks=[])
    for group, path in enumerate(paths):
        if not path.exists():
            raise ImportFormatError(path, "no such file or directory")
        if path.is_dir():
            _directory(path, from_format, group, result)
        elif from_format == EXPORT_DIRECTORY:
            raise ImportFormatError(path, "a humanloop-export is a directory (exports/<ts>/files/<file_id>/...)")
        else:
            result.tasks.append(file_task(path, from_format, group))
    return result


def _directory(path: Path, from_format: ImportFormat | None, group: int, result: ImportPlan) -> None:
    if from_format in (None, EXPORT_DIRECTORY) and export_directory.is_export_dir(path):
        export = export_directory.export_plan(path)
        result.tasks.extend(FileTask(f.path, f.shape, group, f.owed_to) for f in export.files)
        result.owed.update(export.owed)
        result.problems.extend(export.problems)
        return
    if from_format == EXPORT_DIRECTORY:
        raise ImportFormatError(
            path,
            "not a humanloop-export directory: found no exports/<ts>/files/<file_id>/ with logs, evaluations or "
            "datapoints",
        )
    files = sorted(p for p in path.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.parts))
    if not files:
        raise ImportFormatError(path, "the directory holds no files to import")
    result.tasks.extend(file_task(file, from_format, group) for file in files)


def file_task(path: Path, from_format: ImportFormat | None, group: int = 0) -> FileTask:
    detected, seen = detect_file(path)
    if detected is None and seen == EMPTY_PAGE:
        # A listing's last page can be empty: nothing to map, but its ``total`` still counts.
        return FileTask(path, FileShape(from_format or "", "json", always(_UNKNOWN)), group)
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
    shape = SHAPES.get(fmt)
    if shape is None:  # humanloop-export: a directory, handled above
        raise ImportFormatError(path, f"{fmt} is not a file format")
    return FileTask(path, shape, group)


def _unreadable(_record: object) -> list[Any]:
    raise MappingError(
        "the file's first records were empty pages, which do not say its format", record_id=None, field_path=""
    )


def _no_model(record: object) -> object:
    raise ValueError("the file's format is unknown")


_UNKNOWN = RecordKind("record of an unknown format", _no_model, lambda _record: None, _unreadable)
"""The kind of records in a file whose first records were all empty pages (a listing's last page is empty)."""


def detect_file(path: Path) -> tuple[str | None, str]:
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


def _detect_csv(data: bytes) -> tuple[str | None, str]:
    first = data.split(b"\n", 1)[0].decode("utf-8", errors="replace").rstrip("\r")
    try:
        header = next(csv.reader([first]), [])
    except csv.Error:
        header = []
    if len(header) >= 2 and all(_HEADER_CELL.match(cell) for cell in header) and "id" in header:
        return "galileo-csv", f"a CSV header {header[:6]}"
    return None, f"not JSON, JSONL or a CSV with an id column: it starts with {first[:60]!r}"
