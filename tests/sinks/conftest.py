"""Records for the sink tests (every fixture file normalized by the real adapters) and readers for each format.

The readers turn every format back into the JSON form (``to_json_dict``) so the tests can compare formats with the
JSONL output row for row: JSON-text columns decoded, provenance as a dict, the derived timestamp columns (typed in
Parquet and DuckDB, ISO text in CSV) checked against their integers and then dropped.
"""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from tracebridge.galileo import mapping as galileo
from tracebridge.humanloop import v4 as humanloop_v4
from tracebridge.humanloop import v5 as humanloop_v5
from tracebridge.records import Record
from tracebridge.sinks import Manifest, open_output
from tracebridge.sinks.columns import columns
from tracebridge.sinks.layout import TABLES

from tests.fixture_files import load, load_lines

ALL_FORMATS = ("jsonl", "csv", "parquet", "duckdb")


def fixture_records() -> list[Record]:
    """Every record type, from the fixture files through the real adapters."""
    records: list[Record] = []
    for name in ("galileo/export-nested.jsonl", "galileo/export-flat.jsonl"):
        for line in load_lines(name):
            records += galileo.normalize_record(line)
    records += humanloop_v4.normalize_log(load("humanloop/v4-log-rich.json"))
    records += humanloop_v5.normalize_evaluation_log(load("humanloop/v5-evaluation-log-rich.json"))
    records += humanloop_v5.normalize_legacy_evaluation_log(load("humanloop/v5-evaluation-log-legacy.json"))
    records += humanloop_v5.normalize_evaluation_run(load("humanloop/v5-evaluation-run-rich.json"))
    return records


@pytest.fixture(scope="session")
def records() -> list[Record]:
    out = fixture_records()
    assert {r.record_type for r in out} == set(TABLES), "the fixtures must cover every record type"
    return out


def timestamp_columns(record_type: str) -> dict[str, str]:
    """Derived timestamp column -> its integer column."""
    return {c.timestamp: c.name for c in columns(record_type) if c.timestamp is not None}


def iso_of(nanos: int) -> str:
    """The ISO text the CSV sink should write for ``nanos``, computed another way (``timedelta`` for the seconds)."""
    seconds = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(seconds=nanos // 1_000_000_000)
    return f"{seconds:%Y-%m-%dT%H:%M:%S}.{nanos % 1_000_000_000:09d}Z"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def read_parquet(path: Path) -> list[dict[str, Any]]:
    table = pq.read_table(path)
    record_type = table.schema.metadata[b"tracebridge.record_type"].decode()
    for derived, source in timestamp_columns(record_type).items():
        # Microseconds: the integer floored to them (``//`` floors before 1970 too).
        expected = [None if nanos is None else nanos // 1000 for nanos in table.column(source).to_pylist()]
        assert table.column(derived).cast(pa.int64()).to_pylist() == expected, (path, derived)
        table = table.drop_columns([derived])
    rows = table.to_pylist()
    json_columns = [c.name for c in columns(record_type) if c.kind == "json"]
    for row in rows:
        for name in json_columns:
            row[name] = None if row[name] is None else json.loads(row[name])
    return rows


def read_duckdb_table(connection: Any, record_type: str) -> list[dict[str, Any]]:
    table = TABLES[record_type]
    derived = timestamp_columns(record_type)
    for column, source in derived.items():
        # TIMESTAMPTZ holds microseconds: the derived column is the integer floored to them (before 1970 too).
        pairs = connection.execute(f'SELECT epoch_us("{column}"), {source} FROM {table}').fetchall()
        assert all(us == (None if nanos is None else nanos // 1000) for us, nanos in pairs), (table, column)
    exclude = f" EXCLUDE ({', '.join(derived)})" if derived else ""
    result = connection.execute(f"SELECT *{exclude} FROM {table}")
    names = [d[0] for d in result.description]
    json_columns = {c.name for c in columns(record_type) if c.kind == "json"}
    rows = []
    for values in result.fetchall():
        row = dict(zip(names, values, strict=True))
        for name in json_columns:
            row[name] = None if row[name] is None else json.loads(row[name])
        rows.append(row)
    return rows


def csv_header(record_type: str) -> list[str]:
    """Every field in order, each integer timestamp followed by its ISO-text column."""
    header: list[str] = []
    for column in columns(record_type):
        header.append(column.name)
        if column.timestamp is not None:
            header.append(column.timestamp)
    return header


def read_csv(path: Path, record_type: str) -> list[dict[str, Any]]:
    kinds = {c.name: c.kind for c in columns(record_type)}
    derived = timestamp_columns(record_type)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        assert header == csv_header(record_type), path
        rows = []
        for cells in reader:
            row: dict[str, Any] = {}
            iso_cells: dict[str, str] = {}
            for name, cell in zip(header, cells, strict=True):
                if name in derived:
                    iso_cells[name] = cell
                    continue
                kind = kinds[name]
                if cell == "":
                    row[name] = None
                elif kind == "int":
                    row[name] = int(cell)
                elif kind == "bool":
                    assert cell in ("true", "false")
                    row[name] = cell == "true"
                elif kind in ("json", "provenance"):
                    row[name] = json.loads(cell)
                else:
                    row[name] = cell
            for name, cell in iso_cells.items():
                nanos = row[derived[name]]
                assert cell == ("" if nanos is None else iso_of(nanos)), (path, name, nanos, cell)
            rows.append(row)
    return rows


def csv_view(row: dict[str, Any]) -> dict[str, Any]:
    """A JSONL row as CSV can hold it: an empty top-level string is an empty cell, read back as null."""
    return {k: (None if v == "" else v) for k, v in row.items()}


@pytest.fixture(scope="session")
def written(records: list[Record], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture records written once in every format into one directory, in batches with checkpoints between."""
    out = tmp_path_factory.mktemp("all-formats")
    with open_output(out, ALL_FORMATS) as sink:
        for start in range(0, len(records), 17):
            sink.write(records[start : start + 17])
            sink.state()
        sink.close(Manifest(source={"system": "fixtures"}))
    return out
