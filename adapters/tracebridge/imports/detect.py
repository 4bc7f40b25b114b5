"""Which format a path holds, told from its content (and a directory's layout), never from its file name.

Version and run files of a Humanloop export have no extension and users rename dumps freely, so the records decide,
by evidence: a sample of the file's records (not only the first) is weighed against every format's traits (envelopes,
the kind keys of the v5 unions, id prefixes such as ``data_`` and ``log_``, UUIDs, Galileo-only fields and record
types; ``imports.formats.weigh``), and the format with the most evidence wins. A record lacking a field its format
makes optional (a Galileo record without ``type``) is still counted for its format by the traits it has. When
nothing in the sample shows any format, or two formats weigh the same, the error says what was seen and the
``--from`` to use. ``from_format`` overrides detection, but a file that plainly holds another format is refused
rather than rejected record by record.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tracebridge.delivery.kinds import RecordKind, always
from tracebridge.delivery.shapes import FileShape
from tracebridge.galileo import formats as galileo_formats
from tracebridge.humanloop import export_directory
from tracebridge.humanloop.formats import EXPORT_DIRECTORY
from tracebridge.imports.errors import ImportFormatError, InputReadError, missing_input
from tracebridge.imports.formats import FORMATS, Evidence, ImportFormat, compatible, weigh
from tracebridge.imports.inputs import Pipe, Readable, is_pipe, name_of
from tracebridge.imports.json_records import envelope_records, is_page, json_records, looks_like_jsonl
from tracebridge.imports.shapes import SHAPES
from tracebridge.imports.tasks import FileTask, ImportPlan
from tracebridge.imports.textfile import first_lines, head
from tracebridge.json_codec import loads
from tracebridge.mapping.errors import MappingError

SNIFF_LINES = 20
"""Lines of a JSONL file sampled for detection (each may hold a page of records)."""
SAMPLE_RECORDS = 200
"""Records weighed at most to tell a file's format."""
EMPTY_PAGE = "the JSON holds no records"
_HEADER_CELL = re.compile(r"^[A-Za-z_][\w.\-/]*$")


def plan(paths: Sequence[Path], from_format: ImportFormat | None = None) -> ImportPlan:
    """Every file to read for ``paths``, in order; an ImportFormatError for a path that cannot be imported at all
    (an ``InputReadError`` for one that cannot be read)."""
    result = ImportPlan(tasks=[])
    try:
        for group, path in enumerate(paths):
            if _is_directory(path):
                _directory(path, from_format, group, result)
            elif from_format == EXPORT_DIRECTORY:
                raise ImportFormatError(path, "a humanloop-export is a directory (exports/<ts>/files/<file_id>/...)")
            else:
                result.tasks.append(_named_file(path, from_format, group))
    except BaseException:
        result.close()
        raise
    return result


def _is_directory(path: Path) -> bool:
    """Whether ``path`` is a directory; ``InputReadError`` when it does not exist or cannot be looked at."""
    try:
        if not path.exists():
            raise missing_input(path)
        return path.is_dir()
    except OSError as exc:  # a directory on the way that may not be searched
        raise InputReadError(path, exc) from None


def _named_file(path: Path, from_format: ImportFormat | None, group: int) -> FileTask:
    """A file the user named: read as a pipe when it is one (a FIFO, ``/dev/stdin``), which can be opened only once."""
    if not is_pipe(path):
        return file_task(path, from_format, group)
    pipe = Pipe(path)
    try:
        return file_task(pipe, from_format, group)
    except BaseException:
        pipe.close()
        raise


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


def file_task(source: Readable, from_format: ImportFormat | None, group: int = 0) -> FileTask:
    path, pipe = name_of(source), source if isinstance(source, Pipe) else None
    detected, seen = detect_file(source)
    if detected is None and seen == EMPTY_PAGE:
        # A listing's last page can be empty: nothing to map, but its ``total`` still counts.
        return FileTask(path, FileShape(from_format or "", "json", always(_UNKNOWN)), group, pipe=pipe)
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
    shape = SHAPES.get(chosen)
    if shape is None:  # humanloop-export: a directory, handled above
        raise ImportFormatError(path, f"{chosen} is not a file format")
    return FileTask(path, shape, group, pipe=pipe)


def _unreadable(_record: object) -> list[Any]:
    raise MappingError(
        "the file's first records were empty pages, which do not say its format", record_id=None, field_path=""
    )


def _no_model(record: object) -> object:
    raise ValueError("the file's format is unknown")


_UNKNOWN = RecordKind("record of an unknown format", _no_model, lambda _record: None, _unreadable)
"""The kind of records in a file whose first records were all empty pages (a listing's last page is empty)."""


def detect_file(path: Readable) -> tuple[str | None, str]:
    """The format of a file (None when unknown) and a short description of what was seen, for messages."""
    data = head(path)  # raises for empty and binary files
    start = data.lstrip()[:1]
    if start not in (b"{", b"[") and not looks_like_jsonl(path):  # one broken first line is a reject, not a CSV
        return _detect_csv(data)
    sample, where = _sample(path)
    if not sample:
        return None, where
    # Each record votes for the format it shows most evidence of; the most votes win (a few trait-rich records of
    # another format cannot outvote the file's own), then the most evidence.
    votes: dict[str, int] = {}
    weight: dict[str, int] = {}
    traits: dict[str, list[str]] = {}
    for record in sample:
        found = weigh(record)
        if not found:
            continue
        votes[found[0].format] = votes.get(found[0].format, 0) + 1
        for seen in found:
            weight[seen.format] = weight.get(seen.format, 0) + seen.score
            known = traits.setdefault(seen.format, [])
            known.extend(t for t in seen.traits if t not in known)
    if not votes:
        keys = sorted({key for record in sample for key in record})[:12]
        return None, f"none of the {len(sample)} records sampled ({where}) shows the traits of a format; keys {keys}"
    ranked = sorted(votes, key=lambda fmt: (-votes[fmt], -weight[fmt]))
    best = ranked[0]
    rivals = [fmt for fmt in ranked if votes[fmt] == votes[best]]
    if any(not compatible(rival, best) for rival in rivals):
        shown = " / ".join(Evidence(fmt, weight[fmt], tuple(traits[fmt])).describe() for fmt in rivals)
        return None, f"two formats weigh the same in {len(sample)} records sampled ({where}): {shown}"
    # Formats of one family (nested and flat Galileo lines) may share a file: the most evidence names it.
    described = Evidence(best, weight[best], tuple(traits[best])).describe()
    return best, f"{votes[best]} of {len(sample)} records sampled ({where}) look like {described}"


def _sample(path: Readable) -> tuple[list[dict[str, Any]], str]:
    """Up to ``SAMPLE_RECORDS`` JSON object records of the file (pages unwrapped), and where they were taken."""
    if looks_like_jsonl(path):
        found: list[dict[str, Any]] = []
        only_empty_pages = True
        lines = first_lines(path, count=SNIFF_LINES)
        for line in lines:
            try:
                value = loads(line.data)  # refuses absurd nesting, as every reader does
            except ValueError:
                only_empty_pages = False
                continue
            found.extend(_records_of(value))
            only_empty_pages = only_empty_pages and is_page(value) and not value["records"]
            if len(found) >= SAMPLE_RECORDS:
                break
        if found:
            return found[:SAMPLE_RECORDS], f"lines 1-{lines[-1].number}"
        if only_empty_pages:
            return [], EMPTY_PAGE
        return [], f"none of the first {SNIFF_LINES} lines is a JSON object record"
    found = []
    problem = None  # a broken record is a reject, not evidence: the document's other records tell its format
    for raw in json_records(path):
        if isinstance(raw.value, dict):
            found.append(raw.value)
            if len(found) >= SAMPLE_RECORDS:
                break
        elif raw.problem is not None and problem is None:
            problem = f"{raw.source}: {raw.problem}"
    if found:
        return found, "the document"
    return [], problem or EMPTY_PAGE


def _records_of(value: Any) -> list[dict[str, Any]]:
    """The object records of a JSONL line: a record, a page or listing of them, or an array."""
    unwrapped = envelope_records(value)
    if unwrapped is not None:
        value = unwrapped
    if isinstance(value, list):
        return [record for item in value for record in _records_of(item)]
    return [value] if isinstance(value, dict) else []


def _detect_csv(data: bytes) -> tuple[str | None, str]:
    first = data.split(b"\n", 1)[0].decode("utf-8", errors="replace").rstrip("\r")
    try:
        header = next(csv.reader([first]), [])
    except csv.Error:
        header = []
    if header and all(_HEADER_CELL.match(cell) for cell in header):
        for fmt, seen, _weight in galileo_formats.csv_evidence(header):
            return fmt, f"a CSV header with {seen}"
    return None, f"not JSON, JSONL or a CSV of a known export: it starts with {first[:60]!r}"
