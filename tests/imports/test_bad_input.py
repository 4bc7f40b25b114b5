"""Bad input: every good record still arrives; a bad one becomes a reject naming file, line and field; a file that
cannot be read at all is an ImportFormatError naming it and what was seen there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from humanloop_client.models import V4LogResponse
from tracebridge.humanloop import v4 as humanloop_v4
from tracebridge.imports import ImportFormatError, open_import
from tracebridge.serialization import to_json_dict

from tests.imports.vendor_data import rows

FIXTURES = Path(__file__).parents[1] / "fixtures" / "imports"


def test_malformed_missing_field_and_cut_last_line(tmp_path: Path) -> None:
    path = FIXTURES / "v4-logs-bad.jsonl"
    export = open_import([path])
    got = rows(export.records())

    good = [json.loads(line) for number, line in enumerate(path.read_text().splitlines(), 1) if number in (1, 4)]
    # Mapped from the JSON as read: values the model would re-serialize (timestamps) stay verbatim under ``extra``.
    assert got == rows(r for log in good for r in humanloop_v4.normalize_log(log))
    V4LogResponse.from_dict(good[0])  # and the good lines do fit the spec
    report = export.report
    assert (report.fetched, report.unique, report.rejected) == (5, 2, 3)
    by_line = {reject.source: reject for reject in export.rejects}
    assert set(by_line) == {f"{path}:2", f"{path}:3", f"{path}:5"}
    assert by_line[f"{path}:2"].reason.startswith("not valid JSON")
    assert "column" in by_line[f"{path}:2"].reason
    assert by_line[f"{path}:3"].field == "id"
    assert "missing required field 'id'" in by_line[f"{path}:3"].reason
    assert "cut off" in by_line[f"{path}:5"].reason
    lines = path.read_text().splitlines()
    assert [by_line[f"{path}:{n}"].raw for n in (2, 3, 5)] == [lines[1], lines[2], lines[4]]


def test_csv_cell_spanning_lines_is_one_record() -> None:
    path = FIXTURES / "galileo-multiline.csv"
    export = open_import([path])
    records = list(export.records())
    assert export.report.fetched == 3 and not export.rejects
    texts = json.dumps([to_json_dict(r) for r in records])
    assert 'first line of the question\\nsecond line, with \\"quotes\\", and a comma' in texts


def test_csv_broken_quoting_rejects_the_bad_rows_and_keeps_the_rest() -> None:
    path = FIXTURES / "galileo-broken-quoting.csv"
    export = open_import([path])
    got = rows(export.records())
    # The good rows are the three rows of the well-formed file: same records.
    assert got == rows(open_import([FIXTURES / "galileo-multiline.csv"]).records())
    assert [(r.source, r.reason.split(":")[0]) for r in export.rejects] == [
        (f"{path}:2", "broken CSV quoting"),
        (f"{path}:5", "broken CSV quoting"),
    ]
    assert "never closed" in export.rejects[1].reason
    assert export.rejects[0].raw.startswith('"468eb4a0')


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.jsonl", "empty.jsonl: the file is empty"),
        ("export.jsonl.gz", r"export.jsonl.gz: a gzip file whose data is corrupt"),
        ("not-an-export.json", r"not-an-export.json: cannot tell the format: .* keys \['items', 'name'\]; .*--from"),
        ("does-not-exist.jsonl", "does-not-exist.jsonl: no such file or directory"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_by_name(name: str, message: str) -> None:
    with pytest.raises(ImportFormatError, match=message):
        open_import([FIXTURES / name])


def test_a_file_that_is_not_what_it_is_named() -> None:
    with pytest.raises(ImportFormatError, match="named as galileo-csv, but it holds humanloop-v4-export"):
        open_import([FIXTURES / "v4-logs-bad.jsonl"], from_format="galileo-csv")
    with pytest.raises(ImportFormatError, match="a humanloop-export is a directory"):
        open_import([FIXTURES / "v4-logs-bad.jsonl"], from_format="humanloop-export")
    with pytest.raises(ImportFormatError, match="not a humanloop-export directory"):
        open_import([FIXTURES], from_format="humanloop-export")
    with pytest.raises(ValueError, match="unknown import format 'galileo-xml'"):
        open_import([FIXTURES / "v4-logs-bad.jsonl"], from_format="galileo-xml")


def test_a_broken_page_document_is_one_reject_naming_its_line(tmp_path: Path) -> None:
    source = json.loads(
        (Path(__file__).parents[1] / "fixtures/docs/humanloop-v4-projects-export.response.json").read_text()
    )
    good = tmp_path / "page-0.json"
    good.write_text(json.dumps(source, indent=2))
    broken = tmp_path / "page-1.json"
    text = json.dumps(source, indent=2)
    broken.write_text(text[: len(text) // 2])  # the download stopped half way
    export = open_import([good, broken], from_format="humanloop-v4-export")
    assert sum(rows(export.records()).values()) > 0
    (reject,) = export.rejects
    assert reject.source.startswith(f"{broken}:")
    assert reject.source == f"{broken}:3 record 0"  # the page's one record, cut off: read element by element
    assert "cut off" in reject.reason


def test_a_line_that_is_not_an_object(tmp_path: Path) -> None:
    path = tmp_path / "flat.jsonl"
    lines = (Path(__file__).parents[1] / "fixtures/galileo/export-flat.jsonl").read_text().splitlines()
    path.write_text("\n".join([lines[0], "[1, 2]", '"text"', *lines[1:]]) + "\n")
    export = open_import([path])
    list(export.records())
    # A line holding an array is read as an array of records (some dumps write a page's records as one line).
    assert [(r.source, r.reason) for r in export.rejects] == [
        (f"{path}:2 record 0", "a record must be a JSON object, not int"),
        (f"{path}:2 record 1", "a record must be a JSON object, not int"),
        (f"{path}:3", "a record must be a JSON object, not str"),
    ]
    assert export.report.unique == len(lines)


def test_a_file_that_switches_format_part_way(tmp_path: Path) -> None:
    # The generated v4 model needs little more than an id: a Galileo record would parse as a v4 log if let through.
    v4 = (FIXTURES / "v4-logs-bad.jsonl").read_text().splitlines()[0]
    galileo = (Path(__file__).parents[1] / "fixtures" / "galileo" / "export-flat.jsonl").read_text().splitlines()[1]
    path = tmp_path / "concatenated.jsonl"
    path.write_text(f"{v4}\n{galileo}\n{v4}\n")
    export = open_import([path])
    list(export.records())
    assert export.job["formats"] == {str(path): ["humanloop-v4-export"]}
    (reject,) = export.rejects
    assert reject.source == f"{path}:2"
    assert reject.reason.startswith("a galileo-jsonl-flat (type 'trace'; UUID id")
    assert reject.reason.endswith("record in a humanloop-v4-export file: the file mixes formats")
    assert (export.report.unique, export.report.duplicates) == (1, 1)
