"""``--workers N``: records mapped in worker processes give the same files, byte for byte, as mapping in-process.

The pool starts at once here (``START_AFTER`` 0): by default it waits for 2,000 records, which these fixtures never
reach, and the tests would compare the in-process path with itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pytest
from tracebridge import pipeline
from tracebridge.cli import main
from tracebridge.delivery import workers
from tracebridge.delivery.workers import Workers
from tracebridge.imports import open_import
from tracebridge.records import Record
from tracebridge.sinks.output import open_output

from tests.fixture_files import FIXTURES

FORMATS = ("jsonl", "csv", "parquet", "duckdb")

IMPORTS = (
    "docs/humanloop-v4-projects-export.response.json",
    "imports/v4-logs-bad.jsonl",
    "imports/galileo-multiline.csv",
    "imports/galileo-broken-quoting.csv",
    "imports/humanloop-export",
    "galileo/export-flat.jsonl",
    "galileo/export-nested.jsonl",
)
"""Every fixture ``tracebridge import`` reads whole (rejects included: v4-logs-bad, the broken CSV)."""


@pytest.fixture(autouse=True)
def pool_at_once(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Start the pool for the first record, and note whether each run's pool really started."""
    monkeypatch.setattr(workers, "START_AFTER", 0)
    started: list[bool] = []
    close = Workers.close

    def noting(self: Workers) -> None:
        started.append(self.started)
        close(self)

    monkeypatch.setattr(Workers, "close", noting)
    return started


def duckdb_rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """A DuckDB file's tables, row by row in stored order (the file's own bytes differ from run to run)."""
    with duckdb.connect(str(path), read_only=True) as connection:
        tables = [row[0] for row in connection.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()]
        return {table: connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall() for table in tables}


def output_files(out: Path) -> dict[str, Any]:
    """Every file of an output: bytes, the manifest without its timings, DuckDB's tables by content."""
    files: dict[str, Any] = {}
    for path in sorted(out.iterdir()):
        if path.is_dir():
            continue
        if path.name == "manifest.json":
            manifest = json.loads(path.read_text())
            manifest.pop("timings")
            files[path.name] = manifest
        elif path.suffix == ".duckdb":
            files[path.name] = duckdb_rows(path)
        else:
            files[path.name] = path.read_bytes()
    return files


def cli(*args: str) -> int:
    return main([*args, "-q"])


def format_args(formats: Sequence[str] = FORMATS) -> list[str]:
    return [arg for name in formats for arg in ("--format", name)]


@pytest.mark.parametrize("name", IMPORTS)
def test_import_with_workers_writes_the_same_files(name: str, tmp_path: Path) -> None:
    path = FIXTURES / name
    one, two = tmp_path / "one", tmp_path / "two"
    assert cli("import", str(path), "--out", str(one), "--workers", "1", *format_args()) == 0
    assert cli("import", str(path), "--out", str(two), "--workers", "2", *format_args()) == 0
    assert output_files(two) == output_files(one)


def test_the_pool_really_maps(tmp_path: Path, pool_at_once: list[bool]) -> None:
    started = pool_at_once
    path = FIXTURES / "galileo/export-flat.jsonl"
    assert cli("import", str(path), "--out", str(tmp_path / "one"), "--workers", "1") == 0
    assert started == [], "1 worker: no pool at all"
    assert cli("import", str(path), "--out", str(tmp_path / "two"), "--workers", "2") == 0
    assert started == [True]


def test_small_runs_never_start_the_pool(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pool_at_once: list[bool]
) -> None:
    started = pool_at_once
    monkeypatch.setattr(workers, "START_AFTER", 2000)
    assert cli("import", str(FIXTURES / "imports/humanloop-export"), "--out", str(tmp_path), "--workers", "2") == 0
    assert started == [False]


def evaluation_logs(count: int) -> Iterator[dict[str, Any]]:
    """v5 evaluation logs whose prompt and evaluator versions many logs carry (kept once per export), in runs."""
    for n in range(count):
        log_id = f"log_{n:06d}"
        version = f"prv_{n % 7}"
        yield {
            "run_id": f"run_{n // 500}",
            "datapoint": {"id": f"dp_{n:06d}", "inputs": {"n": n}},
            "log": {
                "id": log_id,
                "prompt": {"id": "pr_1", "path": "p", "version_id": version, "model": "gpt-4o", "template": "t"},
                "created_at": "2025-03-01T10:00:00Z",
                "messages": [{"role": "user", "content": f"question {n}"}],
                "output": "answer",
            },
            "evaluator_logs": [
                {
                    "id": f"log_e{n:06d}",
                    "parent_id": log_id,
                    "judgment": n % 2 == 0,
                    "evaluator": {"id": "ev_1", "path": "e", "version_id": f"evv_{n % 3}"},
                }
            ],
        }


def write_lines(path: Path, rows: Iterator[dict[str, Any]], *, bad_every: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for index, row in enumerate(rows):
            handle.write(json.dumps(row) + "\n")
            if bad_every and index % bad_every == 0:
                handle.write('{"log": {"id": \n')  # a broken line: a reject between good records
    return path


@pytest.mark.parametrize("formats", [FORMATS, ("jsonl", "csv")], ids=["every-format", "lines-and-rows"])
def test_shared_records_are_kept_once_as_in_process(formats: Sequence[str], tmp_path: Path) -> None:
    """Versions carried by thousands of logs, over many units mapped by different workers: the first copy of each is
    written, where an in-process run writes it. Without Parquet, a worker maps and encodes a unit a few records at a
    time (``RecordEncoder.chunk_records``), so shared records and rejects fall in every chunk of a unit."""
    source = write_lines(tmp_path / "logs.jsonl", evaluation_logs(6000), bad_every=997)
    one, two = tmp_path / "one", tmp_path / "two"
    assert cli("import", str(source), "--out", str(one), "--workers", "1", *format_args(formats)) == 0
    assert cli("import", str(source), "--out", str(two), "--workers", "2", *format_args(formats)) == 0
    files = output_files(two)
    assert files == output_files(one)
    assert files["manifest.json"]["counts"]["definition_version"] == 7 + 3
    assert files["manifest.json"]["rejects"] == 7


def test_library_callers_pass_workers_to_write_exports(tmp_path: Path) -> None:
    source = write_lines(tmp_path / "logs.jsonl", evaluation_logs(3000))
    outputs = []
    for count in (1, 3):
        out = tmp_path / f"out{count}"
        output = open_output(out, ["jsonl", "parquet"])
        result = pipeline.write_exports([open_import([source])], output, workers=count)
        assert result.complete
        outputs.append(output_files(out))
    assert outputs[0] == outputs[1]


class Refuses(Exception):
    """Raised by ``refusing_encoder`` in a worker process; must reach the caller as itself."""


def refusing_encoder(records: Sequence[Record]) -> Any:
    raise Refuses(f"cannot encode {len(records)} records")


def test_an_error_in_a_worker_surfaces_as_in_process(tmp_path: Path) -> None:
    source = write_lines(tmp_path / "logs.jsonl", evaluation_logs(50))
    export = open_import([source])
    with Workers(2, refusing_encoder, start_after=0) as pool:
        batches = export.batches(None, pool.mapper())
        with pytest.raises(Refuses, match="cannot encode"):
            next(batches)
        batches.close()
        assert pool.started
    assert not pool.started, "closing the pool stops its processes"


def test_workers_must_be_two_or_more() -> None:
    with pytest.raises(ValueError, match="at least 2"):
        Workers(1, refusing_encoder)
