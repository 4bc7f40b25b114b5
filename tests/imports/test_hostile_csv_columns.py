"""A Galileo CSV header that names a column twice keeps both columns: the later one as ``name (2)`` (issue #17)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tracebridge.galileo.csv_rows import CsvRowAssembler, unique_names
from tracebridge.imports import open_import
from tracebridge.serialization import to_json_dict

SOURCE = Path(__file__).parents[1] / "fixtures" / "imports" / "galileo-multiline.csv"


def _with_columns(path: Path, extra: dict[str, list[str]]) -> Path:
    """The fixture's rows with ``extra`` columns appended (several may share a name), written as a CSV file."""
    header, *rows = list(csv.reader(io.StringIO(SOURCE.read_text(), newline="")))
    names = [name for name, values in extra.items() for _ in values]
    cells = [value for values in extra.values() for value in values]
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*header, *names])
    writer.writerows([*row, *(f"{cell}-{number}" for cell in cells)] for number, row in enumerate(rows))
    path.write_text(out.getvalue())
    return path


def test_a_repeated_column_keeps_both_cells(tmp_path: Path) -> None:
    # ``name`` is a field of the export; a custom column of the same name, pasted after it, must not replace it.
    path = _with_columns(tmp_path / "export.csv", {"name": ["custom name"]})
    header = path.read_text().splitlines()[0].split(",")
    assert header.count("name") == 2

    raw = list(open_import([path]).raw())
    original = list(open_import([SOURCE]).raw())

    assert [record["name"] for record in raw] == [record["name"] for record in original]
    assert [record["name (2)"] for record in raw] == [f"custom name-{n}" for n in range(len(original))]
    records = json.dumps([to_json_dict(record) for record in open_import([path]).records()])
    for number in range(len(original)):
        assert f"custom name-{number}" in records  # mapped too: kept in the record's extra


def test_renamed_repeats_never_take_a_name_the_header_has() -> None:
    assert unique_names(["a", "b", "a", "a (2)", "a", "b"]) == ["a", "b", "a (3)", "a (2)", "a (4)", "b (2)"]


def test_the_api_stream_assembles_rows_the_same_way() -> None:
    # The streamed CSV export and files share the one assembler.
    assembler = CsvRowAssembler()
    rows = [row for number, line in enumerate(["id,x,x", "1,first,second"], 1) for row in assembler.feed(number, line)]
    assert [row.cells for row in rows] == [{"id": "1", "x": "first", "x (2)": "second"}]
