"""Issue #17, finding 6: a full disk while the DuckDB database is built is an ``OSError`` naming the path, which the
CLI prints as "the disk is full" with what to do, not as an internal error."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import duckdb
import pytest
from tracebridge.cli import main
from tracebridge.records import Record
from tracebridge.sandbox import RunningSandbox
from tracebridge.sinks import Manifest, open_output
from tracebridge.sinks import duckdb_sink as duckdb_sink_module
from tracebridge.sinks.duckdb_sink import build_database

DUCKDB_SAYS = 'IO Error: Could not write all bytes to file "{path}": No space left on device'
"""What DuckDB 1.x/2.x raises when a write to its database file meets ENOSPC."""


class _FullDisk:
    """A DuckDB connection on a disk that fills up at the first bulk load."""

    def __init__(self, path: str) -> None:
        self.path = path

    def execute(self, sql: str) -> None:
        if sql.startswith("INSERT"):
            raise duckdb.IOException(DUCKDB_SAYS.format(path=self.path))

    def close(self) -> None:
        pass


def _full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    def connect(path: str, *args: Any, **kwargs: Any) -> _FullDisk:
        Path(path).touch()  # DuckDB creates the file before it runs out of room
        return _FullDisk(path)

    monkeypatch.setattr(duckdb_sink_module.duckdb, "connect", connect)


def test_a_full_disk_during_the_build_is_an_os_error_naming_the_path(
    records: list[Record], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = tmp_path / "spans.jsonl"
    journal.write_text('{"record_type": "span"}\n')
    target = tmp_path / "tracebridge.duckdb.tmp"
    _full_disk(monkeypatch)
    with pytest.raises(OSError) as raised:
        build_database(target, {"span": journal})
    assert raised.value.errno == errno.ENOSPC
    assert raised.value.filename == str(target)
    assert "No space left on device while building the DuckDB database" in str(raised.value.strerror)
    assert isinstance(raised.value.__cause__, duckdb.IOException), "DuckDB's own words are kept as the cause"
    assert not target.exists(), "the half-built file does not stay to fill the disk further"


def test_a_database_that_cannot_be_created_is_an_os_error_and_other_errors_stay_what_they_are(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "gone" / "tracebridge.duckdb"
    with pytest.raises(OSError) as raised:
        build_database(target, {})  # real DuckDB, its real error: the directory is not there
    assert raised.value.errno == errno.ENOENT and raised.value.filename == str(target)

    class Broken(_FullDisk):
        def execute(self, sql: str) -> None:
            raise duckdb.BinderException("Binder Error: column x not found")

    monkeypatch.setattr(duckdb_sink_module.duckdb, "connect", lambda path, *a, **k: Broken(path))
    with pytest.raises(duckdb.BinderException):  # a bug stays a bug: reported as one, not as a disk problem
        build_database(tmp_path / "x.duckdb", {})


def test_the_output_fails_with_the_disk_full_error(
    records: list[Record], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _full_disk(monkeypatch)
    with pytest.raises(OSError) as raised, open_output(tmp_path, ["jsonl", "duckdb"]) as sink:
        sink.write(records)
        sink.close(Manifest(source={"system": "fixtures"}))
    assert raised.value.errno == errno.ENOSPC
    assert not (tmp_path / "spans.jsonl").exists(), "nothing published"


def test_the_cli_says_the_disk_is_full_and_what_to_do(
    sandbox: RunningSandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HUMANLOOP_API_KEY", sandbox.humanloop_api_key)
    monkeypatch.setenv("HUMANLOOP_BASE_URL", sandbox.base_url)
    _full_disk(monkeypatch)
    out = tmp_path / "out"
    code = main(["export", "humanloop", "project", sandbox.project_id, "--format", "duckdb", "--out", str(out), "-q"])
    stderr = capsys.readouterr().err
    assert code == 1, stderr
    first, hint = stderr.splitlines()[:2]
    staged = out / ".partial" / "duckdb" / "tracebridge.duckdb.tmp"
    assert first.startswith(f"tracebridge export humanloop project: {staged}: No space left on device while building")
    assert hint == "hint: the disk is full: free some space, or choose an --out on another disk, then add --resume"
    assert "bug" not in stderr and "IOException" not in first.split("(DuckDB:")[0]
