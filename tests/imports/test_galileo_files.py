"""Galileo export files (jsonl, jsonl_flat, csv) yield the records the streaming API source yields."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from tracebridge.galileo.client import GalileoClient
from tracebridge.imports import open_import
from tracebridge.sandbox import RunningSandbox
from tracebridge.serialization import to_json_dict

from tests.imports.vendor_data import galileo_body, rows


def api_rows(sandbox: RunningSandbox, export_format: str, root_type: str = "trace"):
    galileo = GalileoClient(sandbox.galileo_api_key, base_url=sandbox.base_url, key_header=sandbox.galileo_key_header)
    export = galileo.export_records(
        sandbox.galileo_project_id,
        log_stream_id=sandbox.log_stream_id,
        root_type=root_type,  # type: ignore[arg-type]
        export_format=export_format,  # type: ignore[arg-type]
        snapshot=False,
    )
    return rows(export.records()), export.report


@pytest.mark.parametrize(
    ("export_format", "root_type", "detected"),
    [
        ("jsonl", "trace", "galileo-jsonl"),
        ("jsonl", "session", "galileo-jsonl"),
        ("jsonl_flat", "trace", "galileo-jsonl-flat"),
        ("csv", "trace", "galileo-csv"),
    ],
)
def test_a_saved_export_matches_the_api(
    tmp_path: Path, sandbox: RunningSandbox, export_format: str, root_type: str, detected: str
) -> None:
    saved = tmp_path / "export.data"  # the name says nothing: the content decides
    saved.write_bytes(galileo_body(sandbox, export_format, root_type))
    expected, api_report = api_rows(sandbox, export_format, root_type)
    export = open_import([saved])
    assert rows(export.records()) == expected
    assert export.job["formats"] == {str(saved): [detected]}
    assert export.report.unique == api_report.unique
    assert export.report.fetched == api_report.fetched
    assert not export.rejects


def test_from_format_names_flat_or_nested_alike(tmp_path: Path, sandbox: RunningSandbox) -> None:
    saved = tmp_path / "flat.jsonl"
    saved.write_bytes(galileo_body(sandbox, "jsonl_flat"))
    expected, _ = api_rows(sandbox, "jsonl_flat")
    assert rows(open_import([saved], from_format="galileo-jsonl").records()) == expected


def test_a_csv_cell_longer_than_the_csv_modules_default_limit(tmp_path: Path) -> None:
    fixture = Path(__file__).parents[1] / "fixtures" / "imports" / "galileo-multiline.csv"
    header, first, *rest = list(csv.reader(fixture.open(newline="")))
    first[header.index("output")] = "y" * 300_000  # a long answer: past csv's default 128 KiB field limit
    path = tmp_path / "long.csv"
    with path.open("w", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([header, first, *rest])
    export = open_import([path])
    records = list(export.records())
    assert not export.rejects and export.report.unique == 1 + len(rest)
    assert any("y" * 300_000 in json.dumps(to_json_dict(record)) for record in records)
