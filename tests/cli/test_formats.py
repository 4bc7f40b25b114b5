"""``--format`` through the real command: Parquet, DuckDB and CSV read back equal the JSONL output, row for row."""

from __future__ import annotations

from pathlib import Path

import duckdb
from tracebridge.sandbox import RunningSandbox
from tracebridge.sinks.layout import DUCKDB_FILE, TABLES

from tests.cli.conftest import read_jsonl, tracebridge
from tests.sinks.conftest import csv_view, read_csv, read_duckdb_table, read_parquet


def test_every_format_holds_the_same_rows(sandbox: RunningSandbox, galileo_env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "out"
    formats = [arg for fmt in ("jsonl", "parquet", "duckdb", "csv") for arg in ("--format", fmt)]
    result = tracebridge(
        "export", "galileo", sandbox.galileo_project_id, "--log-stream", sandbox.log_stream_id,
        "--root-type", "session", *formats, "--out", str(out), env=galileo_env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    connection = duckdb.connect(str(out / DUCKDB_FILE), read_only=True)
    try:
        for record_type, table in TABLES.items():
            expected = read_jsonl(out / f"{table}.jsonl")
            assert read_parquet(out / f"{table}.parquet") == expected, table
            assert read_duckdb_table(connection, record_type) == expected, table
            assert read_csv(out / f"{table}.csv", record_type) == [csv_view(row) for row in expected], table
        llm_calls = connection.execute("SELECT count(*) FROM llm_calls").fetchone()
        assert llm_calls is not None and llm_calls[0] > 0, "the Galileo log stream has LLM spans"
    finally:
        connection.close()
    spans = read_jsonl(out / "spans.jsonl")
    assert spans and read_jsonl(out / "sessions.jsonl")
