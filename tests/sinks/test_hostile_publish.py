"""Issue #17, finding 5: publishing is one step. A run that fails while building its final files (the DuckDB
database) or while renaming them leaves the directory as it was: the previous run's files with their manifest, and
nothing final-named of its own; its staged files stay under ``.partial/``."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from tracebridge.records import Record
from tracebridge.sinks import Manifest, open_output
from tracebridge.sinks import duckdb_sink as duckdb_sink_module
from tracebridge.sinks.layout import PARTIAL_DIR

from tests.sinks.conftest import ALL_FORMATS


def _run(out: Path, records: list[Record], system: str) -> None:
    with open_output(out, ALL_FORMATS) as sink:
        sink.write(records)
        sink.state()
        sink.close(Manifest(source={"system": system}))


def _final_files(out: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in out.iterdir() if path.is_file()}


@pytest.fixture
def previous(records: list[Record], tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """An output directory holding a finished run (half the records), and its files' bytes."""
    out = tmp_path / "out"
    _run(out, records[: len(records) // 2], "previous")
    return out, _final_files(out)


def _fail_when(predicate: Callable[[Path, Path], bool], monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Make the first rename for which ``predicate`` holds fail, as a disk does (EIO); the renames after it (those
    that undo the others) work. Returns the targets renamed."""
    replace = os.replace
    done: list[Path] = []
    failed: list[Path] = []

    def flaky(source: os.PathLike[str] | str, target: os.PathLike[str] | str) -> None:
        if not failed and predicate(Path(source), Path(target)):
            failed.append(Path(target))
            raise OSError(errno.EIO, "Input/output error", str(target))
        replace(source, target)
        done.append(Path(target))

    monkeypatch.setattr(os, "replace", flaky)
    return done


def test_a_rename_that_fails_midway_puts_everything_back(
    previous: tuple[Path, dict[str, bytes]], records: list[Record], monkeypatch: pytest.MonkeyPatch
) -> None:
    out, before = previous
    done = _fail_when(lambda source, target: target.name == "spans.parquet", monkeypatch)
    with pytest.raises(OSError, match="Input/output error"):
        _run(out, records, "new")
    monkeypatch.undo()
    assert any(path.name.endswith(".jsonl") and path.parent == out for path in done), "some files were renamed first"
    assert _final_files(out) == before, "the previous run's files and manifest, byte for byte"
    assert not (out / PARTIAL_DIR / "replaced").exists()
    assert (out / PARTIAL_DIR / "spans.jsonl").is_file(), "the new run's staged files are back under .partial/"


def test_a_failed_manifest_rename_undoes_the_files(
    previous: tuple[Path, dict[str, bytes]], records: list[Record], monkeypatch: pytest.MonkeyPatch
) -> None:
    out, before = previous
    _fail_when(lambda source, target: target == out / "manifest.json", monkeypatch)  # the last rename
    with pytest.raises(OSError):
        _run(out, records, "new")
    monkeypatch.undo()
    assert _final_files(out) == before


def test_a_database_that_cannot_be_built_changes_no_final_name(
    previous: tuple[Path, dict[str, bytes]], records: list[Record], monkeypatch: pytest.MonkeyPatch
) -> None:
    out, before = previous

    def no_space(target: Path, journals: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(duckdb_sink_module, "build_database", no_space)
    with pytest.raises(OSError, match="No space left"):
        _run(out, records, "new")
    monkeypatch.undo()
    assert _final_files(out) == before, "the manifest too: the directory still holds the previous run"
    _run(out, records, "new")  # once there is space, the same run publishes
    assert _final_files(out) != before


def test_a_first_run_that_fails_to_publish_leaves_no_final_name(
    records: list[Record], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    _fail_when(lambda source, target: target.name == "tracebridge.duckdb", monkeypatch)
    with pytest.raises(OSError):
        _run(out, records, "first")
    monkeypatch.undo()
    assert _final_files(out) == {}
