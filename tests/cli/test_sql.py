"""``tracebridge sql``: the same answers from every format, the demo's "try next" runs as printed, clear failures."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shlex
import sys
from pathlib import Path

import pytest
from tracebridge.sinks.layout import DUCKDB_FILE, TABLES

from tests.cli.conftest import tracebridge

FORMATS = ("jsonl", "parquet", "duckdb", "csv")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo output in every format, written once for the module."""
    cwd = tmp_path_factory.mktemp("sql")
    args = [arg for fmt in FORMATS for arg in ("--format", fmt)]
    result = tracebridge("demo", "--records", "40", *args, cwd=cwd)
    assert result.returncode == 0, result.stderr
    return cwd / "tracebridge-demo"


QUERIES = [
    # every column of every view, so a type that differs between formats shows up
    *(f"SELECT * FROM {table} ORDER BY ALL" for table in TABLES.values()),
    "SELECT * FROM llm_calls ORDER BY ALL",
    "SELECT * FROM evaluation_scores ORDER BY ALL",
    "SELECT * FROM scores ORDER BY ALL",
    "SELECT provenance.system, attributes->>'$.\"gen_ai.request.model\"' AS model, min(start_time) FROM spans "
    "GROUP BY ALL ORDER BY ALL",
]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.split(" FROM ")[1].split()[0])
def test_every_format_answers_the_same(demo: Path, query: str) -> None:
    answers = {}
    for fmt in FORMATS:
        result = tracebridge("sql", query, "--out", str(demo), "--read", fmt, "--format", "csv")
        assert result.returncode == 0, f"{fmt}: {result.stderr}"
        answers[fmt] = result.stdout
    rows = list(csv.reader(io.StringIO(answers["duckdb"])))
    assert len(rows) > 1, f"the demo should have rows for {query}"
    for fmt in FORMATS:
        assert answers[fmt] == answers["duckdb"], f"{fmt} differs from the DuckDB file"


def test_the_demo_prints_a_query_that_runs_as_printed(tmp_path: Path) -> None:
    result = tracebridge("demo", "--records", "40", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    printed = result.stderr.split("try next:\n", 1)[1].splitlines()[0].strip()
    argv = shlex.split(printed)  # as a POSIX shell splits it
    assert argv[0] == "tracebridge" and argv[1] == "sql"
    answer = tracebridge(*argv[1:], cwd=tmp_path)
    assert answer.returncode == 0, answer.stderr
    lines = answer.stdout.splitlines()
    assert [name.strip() for name in lines[0].split("|")][:3] == ["provider", "model", "calls"]
    providers = {line.split("|")[0].strip() for line in lines[2:-1]}
    assert {"openai", "anthropic"} <= providers
    assert lines[-1] == f"({len(lines) - 3} rows)"


def test_without_a_query_it_lists_the_views_and_their_rows(demo: Path) -> None:
    result = tracebridge("sql", "--out", str(demo), "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = {row["view"]: row["rows"] for row in json.loads(result.stdout)}
    manifest = json.loads((demo / "manifest.json").read_text())
    assert {table: rows[table] for table in TABLES.values()} == {
        table: manifest["counts"][record_type] for record_type, table in TABLES.items()
    }
    assert rows["rejects"] == manifest["rejects"] == 0
    assert 0 < rows["llm_calls"] < rows["spans"] and rows["scores"] > 0


def test_json_results_keep_json_columns_as_json_and_times_as_iso(demo: Path) -> None:
    query = "SELECT attributes, start_time, start_time_unix_nano FROM spans WHERE start_time IS NOT NULL LIMIT 5"
    result = tracebridge("sql", query, "--out", str(demo), "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) == 5
    for row in rows:
        assert isinstance(row["attributes"], dict) and any(key.startswith("gen_ai.") for key in row["attributes"])
        assert row["start_time"].endswith("+00:00")
        assert row["start_time"][:19] == _iso_seconds(row["start_time_unix_nano"])


def _iso_seconds(unix_nano: int) -> str:
    import datetime as dt  # noqa: PLC0415

    return dt.datetime.fromtimestamp(unix_nano // 1_000_000_000, dt.UTC).strftime("%Y-%m-%dT%H:%M:%S")


def test_queries_cannot_change_the_output(demo: Path) -> None:
    database = demo / DUCKDB_FILE
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    for statement in ("DELETE FROM tracebridge_output.main.spans", "DROP TABLE tracebridge_output.main.spans"):
        result = tracebridge("sql", statement, "--out", str(demo))
        assert result.returncode == 1 and "read-only" in result.stderr.lower(), result.stderr
    # A view dropped in the session is gone for that session only.
    assert tracebridge("sql", "DROP VIEW spans", "--out", str(demo)).returncode == 0
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    assert tracebridge("sql", "SELECT count(*) FROM spans", "--out", str(demo)).returncode == 0


def test_a_bad_query_names_the_views(demo: Path) -> None:
    result = tracebridge("sql", "SELECT * FROM span", "--out", str(demo))
    assert result.returncode == 1 and result.stdout == ""
    assert "span" in result.stderr.splitlines()[0]
    assert "hint: the views are spans, evaluations" in result.stderr


def test_directories_that_cannot_be_queried_say_why(tmp_path: Path, demo: Path) -> None:
    missing = tracebridge("sql", "SELECT 1", "--out", str(tmp_path / "nowhere"))
    assert missing.returncode == 1 and "no such directory" in missing.stderr
    (tmp_path / "killed" / ".partial").mkdir(parents=True)
    killed = tracebridge("sql", "SELECT 1", "--out", str(tmp_path / "killed"))
    assert killed.returncode == 1 and "no finished run" in killed.stderr and "--resume" in killed.stderr
    jsonl_only = tmp_path / "jsonl-only"
    assert tracebridge("demo", "--records", "5", "--format", "jsonl", "--out", str(jsonl_only)).returncode == 0
    not_written = tracebridge("sql", "SELECT 1", "--out", str(jsonl_only), "--read", "parquet")
    assert not_written.returncode == 1 and "has no parquet output (it has jsonl)" in not_written.stderr


def test_the_library_opens_the_same_views(demo: Path) -> None:
    from tracebridge.query import connect, format_to_read  # noqa: PLC0415

    assert format_to_read(demo) == "duckdb" and format_to_read(demo, "parquet") == "parquet"
    with connect(str(demo), read="parquet") as connection:
        (count,) = connection.execute("SELECT count(*) FROM llm_calls").fetchone() or (0,)
    result = tracebridge("sql", "SELECT count(*) AS n FROM llm_calls", "--out", str(demo), "--format", "csv")
    assert result.stdout.splitlines()[1] == str(count) and count > 0


def test_help_does_not_import_duckdb() -> None:
    import subprocess  # noqa: PLC0415

    code = "import sys; from tracebridge.cli import main\ntry:\n main(['sql', '--help'])\nexcept SystemExit: pass\n"
    code += "print('duckdb' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip().endswith("False")


def test_a_directory_named_like_a_url_is_read_as_a_directory(tmp_path: Path) -> None:
    args = [arg for fmt in ("parquet", "csv", "duckdb") for arg in ("--format", fmt)]
    assert tracebridge("demo", "--records", "5", *args, "--out", "s3:x", "-q", cwd=tmp_path).returncode == 0
    for fmt in ("duckdb", "parquet", "csv"):
        result = tracebridge("sql", "SELECT count(*) AS n FROM spans", "--out", "s3:x", "--read", fmt,
                             "--format", "csv", cwd=tmp_path)  # fmt: skip
        assert result.returncode == 0 and int(result.stdout.splitlines()[1]) > 0, (fmt, result.stderr)
