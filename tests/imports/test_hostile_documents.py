"""A JSON document with one broken record loses only that record: the others are read element by element, the
page's ``total`` still counts, and the reject names the record's line and the decoder's message (issue #17)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tracebridge.imports import open_import

from tests.imports.vendor_data import rows

FIXTURES = Path(__file__).parents[1] / "fixtures"
LOG = json.loads((FIXTURES / "humanloop" / "v4-log-rich.json").read_text())


def _logs(*numbers: int) -> list[dict[str, Any]]:
    return [dict(LOG, id=f"data_{n}") for n in numbers]


def _reference(tmp_path: Path, records: list[dict[str, Any]]) -> Path:
    """The same records in a well-formed page: what the broken document's good records must map to."""
    path = tmp_path / "reference.json"
    path.write_text(json.dumps({"records": records, "page": 0, "size": 100, "total": len(records)}))
    return path


def _break(text: str, marker: str, broken: str) -> tuple[str, int]:
    """``text`` with the first ``marker`` replaced by ``broken``, and the line it is on."""
    at = text.index(marker)
    return text[:at] + broken + text[at + len(marker) :], text[:at].count("\n") + 1


def _start_line(text: str, record_id: str) -> int:
    """The line on which the pretty-printed record with ``record_id`` opens (its ``{``)."""
    return text[: text.rindex("{", 0, text.index(f'"id": "{record_id}"'))].count("\n") + 1


@pytest.mark.parametrize("total_first", [False, True], ids=["total-after", "total-before"])
def test_a_page_with_one_broken_record_keeps_the_others_and_its_total(tmp_path: Path, total_first: bool) -> None:
    page = {"records": _logs(1, 2, 3), "page": 0, "size": 100, "total": 3}
    if total_first:
        page = {"total": 3, **page}
    text, line = _break(json.dumps(page, indent=2), '"save": true,', '"save": true true,')
    path = tmp_path / "page.json"
    path.write_text(text)

    export = open_import([path])
    got = rows(export.records())

    assert got == rows(open_import([_reference(tmp_path, _logs(2, 3))]).records())
    (reject,) = export.rejects
    assert reject.source == f"{path}:{_start_line(text, 'data_1')} record 0"
    column = text.splitlines()[line - 1].index("true true") + len("true ") + 1
    assert reject.reason == f"not valid JSON: Expecting ',' delimiter (line {line} column {column})"
    assert reject.raw.startswith("{") and '"data_1"' in reject.raw and reject.raw.endswith("}")
    assert (export.report.expected, export.report.unique, export.report.rejected) == (3, 2, 1)
    assert export.report.complete


def test_an_array_of_records_with_a_broken_one(tmp_path: Path) -> None:
    text = json.dumps(_logs(1, 2, 3, 4), indent=2)
    text, line = _break(text, '"id": "data_3"', '"id": "data_3" "oops"')
    path = tmp_path / "logs.json"
    path.write_text(text)

    export = open_import([path])
    got = rows(export.records())

    assert got == rows(open_import([_reference(tmp_path, _logs(1, 2, 4))]).records())
    (reject,) = export.rejects
    assert reject.source == f"{path}:{_start_line(text, 'data_3')} record 2"
    assert reject.reason.startswith(f"not valid JSON: Expecting ',' delimiter (line {line} column ")


def test_a_string_left_open_costs_only_its_record(tmp_path: Path) -> None:
    # A quote lost to a hand edit: in a pretty-printed document, a JSON string cannot run past its line.
    text, _ = _break(json.dumps(_logs(1, 2, 3), indent=2), '"reference_id": "ref-1"', '"reference_id": "ref-1')
    path = tmp_path / "logs.json"
    path.write_text(text)

    export = open_import([path])
    got = rows(export.records())

    assert got == rows(open_import([_reference(tmp_path, _logs(2, 3))]).records())
    (reject,) = export.rejects
    assert reject.source == f"{path}:{_start_line(text, 'data_1')} record 0"
    assert '"data_1"' in reject.raw and '"data_2"' not in reject.raw


def test_an_array_of_pages_with_a_broken_page(tmp_path: Path) -> None:
    pages = [
        {"records": _logs(1, 2), "page": 0, "size": 2, "total": 4},
        {"records": _logs(3, 4), "page": 1, "size": 2, "total": 4},
    ]
    text, _ = _break(json.dumps(pages, indent=2), '"id": "data_4"', '"id": "data_4",,')
    path = tmp_path / "pages.json"
    path.write_text(text)

    export = open_import([path])
    got = rows(export.records())

    assert got == rows(open_import([_reference(tmp_path, _logs(1, 2, 3))]).records())
    assert [reject.source for reject in export.rejects] == [f"{path}:{_start_line(text, 'data_4')} page 1 record 1"]
    assert export.report.complete  # the broken page's total still read: 3 records and 1 reject of 4


def test_documents_in_a_row_are_all_read(tmp_path: Path) -> None:
    # ``jq . page-0.json page-1.json > pages.json`` writes the pages one after another, not in an array.
    first = json.dumps({"records": _logs(1, 2), "page": 0, "size": 2, "total": 3}, indent=2)
    second = json.dumps({"records": _logs(3), "page": 1, "size": 2, "total": 3}, indent=2)
    path = tmp_path / "pages.json"
    path.write_text(f"{first}\n{second}\n")

    export = open_import([path])
    got = rows(export.records())

    assert got == rows(open_import([_reference(tmp_path, _logs(1, 2, 3))]).records())
    assert not export.rejects
    assert export.report.complete


def test_a_page_cut_off_keeps_the_records_before_the_cut_and_says_what_is_missing(tmp_path: Path) -> None:
    text = json.dumps({"total": 4, "page": 0, "size": 4, "records": _logs(1, 2, 3, 4)}, indent=2)
    text = text[: text.index('"data_3"') + 20]  # the download stopped in the third record
    path = tmp_path / "page.json"
    path.write_text(text)

    export = open_import([path], allow_partial=True)
    got = rows(export.records())

    assert got == rows(open_import([_reference(tmp_path, _logs(1, 2))]).records())
    (reject,) = export.rejects
    assert reject.source == f"{path}:{_start_line(text, 'data_3')} record 2"
    assert "cut off" in reject.reason
    assert (export.report.expected, export.report.missing) == (4, 1)  # the fourth never arrived


def test_a_jsonl_line_holding_a_page_with_a_broken_record(tmp_path: Path) -> None:
    page = json.dumps({"records": _logs(1, 2, 3), "page": 0, "size": 3, "total": 3})
    line, _ = _break(page, '"save": true', '"save": tru')
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps({"records": _logs(4), "page": 1, "size": 3, "total": 4}) + "\n" + line + "\n")

    export = open_import([path])
    got = rows(export.records())

    assert got == rows(open_import([_reference(tmp_path, _logs(2, 3, 4))]).records())
    (reject,) = export.rejects
    assert reject.source == f"{path}:2 record 0"
    assert reject.reason.startswith("not valid JSON: Expecting value (column ")


def test_a_last_jsonl_line_holding_a_page_cut_off_keeps_its_whole_records(tmp_path: Path) -> None:
    first = json.dumps({"total": 4, "page": 0, "size": 3, "records": _logs(4)})
    last = json.dumps({"total": 4, "page": 1, "size": 3, "records": _logs(1, 2, 3)})
    path = tmp_path / "pages.jsonl"
    path.write_text(first + "\n" + last[: last.index('"data_3"') + 20])  # the download stopped in the third record

    export = open_import([path])
    got = rows(export.records())

    assert got == rows(open_import([_reference(tmp_path, _logs(4, 1, 2))]).records())
    (reject,) = export.rejects
    assert (reject.source, reject.reason) == (
        f"{path}:2 record 2",
        "the file ends in the middle of this record (it was cut off)",
    )
    assert (export.report.expected, export.report.missing) == (4, 0)  # the cut record is a reject: all accounted
