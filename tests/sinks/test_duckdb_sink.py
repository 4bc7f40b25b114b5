"""DuckDB: one database file whose tables hold the same rows as the JSONL output, typed, built atomically."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import duckdb
import pytest
from tracebridge.records import Record, Span
from tracebridge.sinks import Manifest, duckdb_sink, open_output
from tracebridge.sinks.duckdb_sink import DuckDbSink
from tracebridge.sinks.layout import TABLES

from tests.sinks.conftest import read_duckdb_table, read_jsonl


def test_tables_match_jsonl_row_for_row(written: Path) -> None:
    with duckdb.connect(str(written / "tracebridge.duckdb"), read_only=True) as connection:
        for record_type, stem in TABLES.items():
            assert read_duckdb_table(connection, record_type) == read_jsonl(written / f"{stem}.jsonl"), stem


def test_columns_are_typed(written: Path) -> None:
    with duckdb.connect(str(written / "tracebridge.duckdb"), read_only=True) as connection:
        types = dict(
            connection.execute(
                "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'spans'"
            ).fetchall()
        )
        nullable = dict(
            connection.execute(
                "SELECT column_name, is_nullable FROM duckdb_columns() WHERE table_name = 'spans'"
            ).fetchall()
        )
    assert types["start_time"] == "TIMESTAMP WITH TIME ZONE"
    assert types["start_time_unix_nano"] == "BIGINT"
    assert types["attributes"] == "JSON"
    assert types["provenance"].startswith("STRUCT(")
    assert types["timing_derived"] == "BOOLEAN"
    assert not nullable["span_id"] and nullable["parent_span_id"]


def test_attributes_are_queryable_by_dotted_name(written: Path) -> None:
    with duckdb.connect(str(written / "tracebridge.duckdb"), read_only=True) as connection:
        models = connection.execute(
            """SELECT DISTINCT attributes->>'$."gen_ai.request.model"' FROM spans WHERE provenance.system = 'humanloop'
            AND attributes->>'$."gen_ai.request.model"' IS NOT NULL ORDER BY 1"""
        ).fetchall()
    expected = sorted(
        {
            row["attributes"]["gen_ai.request.model"]
            for row in read_jsonl(written / "spans.jsonl")
            if row["provenance"]["system"] == "humanloop" and "gen_ai.request.model" in row["attributes"]
        }
    )
    assert [m for (m,) in models] == expected and expected


def test_database_appears_only_on_close(records: list[Record], tmp_path: Path) -> None:
    sink = DuckDbSink(tmp_path)
    sink.write(records)
    sink.state()
    assert not (tmp_path / "tracebridge.duckdb").exists()
    sink.close()
    assert (tmp_path / "tracebridge.duckdb").is_file()
    assert not (tmp_path / ".partial").exists() or not any((tmp_path / ".partial").rglob("*.jsonl"))


def test_empty_database_has_every_table_and_view(tmp_path: Path) -> None:
    DuckDbSink(tmp_path).close()
    with duckdb.connect(str(tmp_path / "tracebridge.duckdb"), read_only=True) as connection:
        for table in [*TABLES.values(), "llm_calls", "evaluation_scores", "scores"]:
            assert connection.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,), table
        columns = [d[0] for d in connection.execute("SELECT * FROM scores").description]
    assert columns == ["trace_id", "span_id"]


def test_with_jsonl_the_database_loads_from_the_jsonl_files(records: list[Record], tmp_path: Path) -> None:
    shared, alone = tmp_path / "shared", tmp_path / "alone"
    for out, formats in ((shared, ["duckdb", "jsonl"]), (alone, ["duckdb"])):
        sink = open_output(out, formats)
        sink.write(records)
        sink.state()
        if out == shared:
            assert not (out / ".partial" / "duckdb").exists(), "no second copy of every record"
        sink.close(Manifest(source="x"))
    with (
        duckdb.connect(str(shared / "tracebridge.duckdb"), read_only=True) as a,
        duckdb.connect(str(alone / "tracebridge.duckdb"), read_only=True) as b,
    ):
        for record_type in TABLES:
            assert read_duckdb_table(a, record_type) == read_duckdb_table(b, record_type)
            assert read_duckdb_table(a, record_type), "non-empty"


def test_the_build_gets_room_for_the_longest_line_and_a_memory_limit_that_does_not_grow_with_rows(
    tmp_path: Path,
) -> None:
    short, long = tmp_path / "short.jsonl", tmp_path / "long.jsonl"
    short.write_bytes(b'{"a": 1}\n' * 10_000)
    long.write_bytes(b'{"a": 1}\n' + b'{"b": "' + b"x" * (20 << 20) + b'"}\n')
    assert duckdb_sink.longest_line(short) == 9
    # Many short lines: DuckDB's default reader size, and the same limit whatever the number of rows.
    object_bytes, memory = duckdb_sink.load_settings([short])
    assert object_bytes == 16 << 20 and memory == duckdb_sink.LOAD_MEMORY_BYTES + (32 << 20) + 8 * 16
    assert duckdb_sink.load_settings([short] * 3) == (object_bytes, memory)
    # One long line, whichever journal holds it: room for it, twice (the reader's buffer), and for parsing it.
    object_bytes, memory = duckdb_sink.load_settings([short, long])
    assert object_bytes == (20 << 20) + 11
    assert memory == duckdb_sink.LOAD_MEMORY_BYTES + 2 * object_bytes + 8 * (32 << 20)


def test_a_record_larger_than_duckdbs_default_object_size_loads_under_the_memory_limit(
    records: list[Record], tmp_path: Path
) -> None:
    span = next(r for r in records if isinstance(r, Span))
    big = attrs.evolve(span, attributes={**span.attributes, "tracebridge.big": "x" * (17 << 20)})
    sink = DuckDbSink(tmp_path)
    sink.write([span, big])
    sink.close()
    with duckdb.connect(str(tmp_path / "tracebridge.duckdb"), read_only=True) as connection:
        sizes = connection.execute(
            """SELECT length(attributes->>'$."tracebridge.big"') FROM spans ORDER BY 1 NULLS FIRST"""
        ).fetchall()
    assert sizes == [(None,), (17 << 20,)]


def test_rows_too_wide_for_every_memory_limit_are_loaded_again_under_larger_ones_then_none_into_the_same_tables(
    records: list[Record], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bounded, unbounded = tmp_path / "bounded", tmp_path / "unbounded"
    for out in (bounded, unbounded):
        sink = DuckDbSink(out)
        sink.write(records)
        sink.close()
    attempts: list[list[str]] = []
    connect = duckdb.connect

    def recording(*args: Any, **kwargs: Any) -> Any:
        attempts.append([])
        return _RecordingConnection(connect(*args, **kwargs), attempts[-1])

    # Not even the reader's buffer fits, nor 6.4 times it: every bounded load fails.
    monkeypatch.setattr(duckdb_sink, "LOAD_MEMORY_BYTES", 0)
    monkeypatch.setattr(duckdb_sink, "MIN_OBJECT_BYTES", 0)
    monkeypatch.setattr(duckdb_sink.duckdb, "connect", recording)
    unbounded.joinpath("tracebridge.duckdb").unlink()
    sink = DuckDbSink(unbounded)
    sink.write(records)
    sink.close()
    monkeypatch.undo()
    assert len(attempts) == 1, "one connection: a table too wide is loaded again, not the whole database"
    with duckdb.connect(str(bounded / "tracebridge.duckdb"), read_only=True) as a:
        tables = [TABLES[record_type] for record_type in TABLES if read_duckdb_table(a, record_type)]
    # Each table's statements, from its CREATE TABLE to the next: the build's limit and each multiple of it, rising
    # (a load runs only under a limit DuckDB could lower itself to: it holds the tables loaded before), then none.
    tries = len(duckdb_sink.RETRY_FACTORS) + 1
    created = [n for n, sql in enumerate(attempts[0]) if sql.startswith("CREATE TABLE")]
    loaded = []
    for start, end in zip(created, [*created[1:], len(attempts[0])], strict=True):
        statements = attempts[0][start:end]
        limits = [sql for sql in statements if "memory_limit" in sql]
        if not limits:
            continue  # an empty journal: nothing to load
        loaded.append(statements[0].split('"')[1])
        set_bytes = [int(sql.split("'")[1].removesuffix("B")) for sql in limits[:-1]]
        assert len(set_bytes) == tries and set_bytes == sorted(set(set_bytes)), set_bytes
        assert limits[-1] == "RESET memory_limit", limits
        assert statements[statements.index(limits[-1]) + 1].startswith("INSERT INTO"), statements
    assert loaded == tables, "every table with rows, each loaded at last without a limit"
    with (
        duckdb.connect(str(bounded / "tracebridge.duckdb"), read_only=True) as a,
        duckdb.connect(str(unbounded / "tracebridge.duckdb"), read_only=True) as b,
    ):
        for record_type in TABLES:
            assert read_duckdb_table(a, record_type) == read_duckdb_table(b, record_type), record_type


class _RecordingConnection:
    """A DuckDB connection that notes each statement it runs (to see which memory limit a load ran under)."""

    def __init__(self, connection: Any, statements: list[str]) -> None:
        self._connection = connection
        self._statements = statements

    def execute(self, sql: str, *args: Any) -> Any:
        self._statements.append(sql)
        return self._connection.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._connection, name)


def test_spans_with_long_messages_load_under_a_larger_limit_not_without_one(
    records: list[Record], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Spans with a 13 KB message each, as real conversations are: too wide for the build's limit. DuckDB without a
    # limit takes what it finds (docs/benchmarks.md); the load must end under some limit.
    span = next(r for r in records if isinstance(r, Span))
    message = "lorem ipsum dolor sit amet, " * 470
    wide = [
        attrs.evolve(
            span, span_id=f"{n + 1:016x}", attributes={**span.attributes, "tracebridge.note": f"{n} {message}"}
        )
        for n in range(3000)
    ]
    attempts: list[list[str]] = []
    connect = duckdb.connect

    def recording(*args: Any, **kwargs: Any) -> Any:
        attempts.append([])
        return _RecordingConnection(connect(*args, **kwargs), attempts[-1])

    monkeypatch.setattr(duckdb_sink.duckdb, "connect", recording)
    sink = DuckDbSink(tmp_path)
    sink.write(wide)
    sink.close()
    monkeypatch.undo()
    assert attempts and any(sql.startswith("SET memory_limit") for sql in attempts[-1]), [
        [sql for sql in statements if sql.startswith("SET")] for statements in attempts
    ]
    with duckdb.connect(str(tmp_path / "tracebridge.duckdb"), read_only=True) as connection:
        assert connection.execute("SELECT count(*) FROM spans").fetchone() == (3000,)
