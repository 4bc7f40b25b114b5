"""What a run of ``tracebridge`` produced, in a form that can be compared across versions of the code.

The golden outputs pin the product's observable output: the demo (both vendors, every endpoint, every output format)
and one import of each fixture under ``tests/fixtures/``. A refactor must leave them unchanged; a change of output is
made on purpose, in a commit that says why, by rewriting them with ``python -m tests.golden --write``.

What is compared, per output directory:
- JSONL files, ``rejects.jsonl`` and the CSV files byte for byte (their text for small runs, a SHA-256 for the demo);
- ``manifest.json`` without its ``timings`` (wall-clock times differ between runs);
- the Parquet files and the DuckDB database by content: a canonical dump of each table's schema and rows (their bytes
  hold writer versions and block layouts, which are not the product's output);
- the exit code and what the command printed on stderr, with run times and loopback ports masked.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
EXPECTED = Path(__file__).resolve().parent / "expected"
FORMATS = ("jsonl", "csv", "parquet", "duckdb")
NOT_INPUTS = ("otel", "reference")
"""Fixture folders that hold reference material the tests read, not vendor data to import."""

_SECONDS = re.compile(r"\b\d+\.\d+s\b")
_PORT = re.compile(r"127\.0\.0\.1:\d+")


def fixture_inputs() -> list[Path]:
    """Every fixture, relative to the repository: each file, except a humanloop-export tree, which is one input."""
    inputs: set[Path] = set()
    for path in sorted(FIXTURES.rglob("*")):
        if not path.is_file() or path.suffix == ".md":
            continue
        relative = path.relative_to(REPO)
        parts = relative.parts
        if parts[2] in NOT_INPUTS:
            continue
        if "humanloop-export" in parts:
            relative = Path(*parts[: parts.index("humanloop-export") + 1])
        inputs.add(relative)
    return sorted(inputs)


def slug(path: Path) -> str:
    return str(path.relative_to("tests/fixtures")).replace("/", "__")


@contextlib.contextmanager
def _in_repo() -> Iterator[None]:
    before = Path.cwd()
    os.chdir(REPO)
    try:
        yield
    finally:
        os.chdir(before)


def _mask(text: str, out_dir: Path) -> str:
    text = text.replace(str(out_dir), "<out>")
    text = _SECONDS.sub("<t>s", text)
    return _PORT.sub("127.0.0.1:<port>", text)


def run_import(path: Path, out_dir: Path) -> dict[str, Any]:
    """``tracebridge import PATH --out OUT`` in every format, in this process; what it wrote and printed."""
    from tracebridge.cli import main  # noqa: PLC0415 - the code under test, imported when the test runs

    stderr, stdout = io.StringIO(), io.StringIO()
    arguments = ["import", str(path), "--out", str(out_dir), *(f"--format={fmt}" for fmt in FORMATS)]
    with _in_repo(), contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(stdout):
        code = main(arguments)
    return {
        "exit_code": code,
        "stderr": _mask(stderr.getvalue(), out_dir),
        "files": directory_contents(out_dir, inline=True) if out_dir.is_dir() else {},
    }


def run_demo(out_dir: Path) -> dict[str, Any]:
    """``tracebridge demo --out OUT`` in every format, as a user runs it (a subprocess); what it wrote and printed."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HUMANLOOP_", "GALILEO_"))}
    arguments = ["demo", "--out", str(out_dir), *(f"--format={fmt}" for fmt in FORMATS)]
    done = subprocess.run(
        [sys.executable, "-m", "tracebridge", *arguments],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return {
        "exit_code": done.returncode,
        "stderr": _mask(done.stderr, out_dir),
        "files": directory_contents(out_dir, inline=False),
    }


def directory_contents(out_dir: Path, *, inline: bool) -> dict[str, Any]:
    """Every published file of an output directory, comparable: text (``inline``) or digests."""
    contents: dict[str, Any] = {}
    for path in sorted(p for p in out_dir.iterdir() if p.is_file()):
        name = path.name
        if name == "manifest.json":
            manifest = json.loads(path.read_text(encoding="utf-8"))
            manifest.pop("timings", None)
            contents[name] = manifest
        elif path.suffix == ".parquet":
            contents[name] = _digest(_parquet_dump(path))
        elif path.suffix == ".duckdb":
            contents[name] = _digest(_duckdb_dump(path))
        else:
            data = path.read_bytes()
            lines = data.count(b"\n")
            contents[name] = data.decode("utf-8") if inline else {"sha256": _digest(data), "lines": lines}
    return contents


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _parquet_dump(path: Path) -> bytes:
    import pyarrow.parquet as pq  # noqa: PLC0415 - the parquet extra, present in the test install

    table = pq.read_table(path)
    rows = json.dumps(table.to_pylist(), default=str, ensure_ascii=False)
    return f"{table.schema}\n{rows}".encode()


def _duckdb_dump(path: Path) -> bytes:
    import duckdb  # noqa: PLC0415 - the duckdb extra, present in the test install

    connection = duckdb.connect(str(path), read_only=True)
    try:
        names = [
            row[0]
            for row in connection.execute("SELECT table_name FROM information_schema.tables ORDER BY 1").fetchall()
        ]
        parts: list[str] = []
        for name in names:
            columns = connection.execute(f'DESCRIBE "{name}"').fetchall()
            # Loaded in parallel, a table's row order is not part of its content: rows are sorted.
            fetched = connection.execute(f'SELECT * FROM "{name}"').fetchall()
            rows = sorted(json.dumps(row, default=str, ensure_ascii=False) for row in fetched)
            parts.append(f"{name}\n{columns}\n" + "\n".join(rows))
        return "\n\n".join(parts).encode()
    finally:
        connection.close()


def expected_path(name: str) -> Path:
    return EXPECTED / f"{name}.json"


def read_expected(name: str) -> dict[str, Any]:
    return json.loads(expected_path(name).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def write_expected(name: str, result: dict[str, Any]) -> None:
    path = expected_path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
