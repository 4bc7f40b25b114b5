"""``--resume`` refuses input files that changed since the interrupted run, naming the file and what changed: skipping
the first N records of another file would leave records out and keep stale ones, silently (issue #17)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Generator
from pathlib import Path

import pytest
from tracebridge.errors import CheckpointMismatchError
from tracebridge.imports import open_import

from tests.cli.conftest import kill_once_saved, read_output, tracebridge

FIXTURES = Path(__file__).parents[1] / "fixtures"
LOG = json.loads((FIXTURES / "humanloop" / "v4-log-rich.json").read_text())


def _lines(numbers: range) -> list[str]:
    return [json.dumps(dict(LOG, id=f"data_{n}")) for n in numbers]


def _interrupted(path: Path, checkpoint: Path) -> None:
    """An import of ``path`` killed after taking its first batches: its checkpoint says where it was."""
    taken = open_import([path], checkpoint=checkpoint, batch_size=2).models()
    assert isinstance(taken, Generator)
    for _ in range(5):
        next(taken)
    taken.close()
    assert json.loads(checkpoint.read_text())["streamed"] == 4


def _grow(path: Path) -> str:
    path.write_text("\n".join(_lines(range(1, 13))) + "\n")
    return "size"


def _rewrite_in_place(path: Path) -> str:
    stat = path.stat()
    path.write_text(path.read_text().replace("data_1", "data_9"))  # same size, another export
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and its time put back, as cp -p or a restore would
    return "its first 64 KiB differ"


def _touch(path: Path) -> str:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    return "modified"


@pytest.mark.parametrize("change", [_grow, _rewrite_in_place, _touch], ids=["size", "content", "time"])
def test_a_changed_input_refuses_the_resume(tmp_path: Path, change: Callable[[Path], str]) -> None:
    path = tmp_path / "logs.jsonl"
    path.write_text("\n".join(_lines(range(1, 11))) + "\n")
    checkpoint = tmp_path / "out" / "checkpoint.json"
    _interrupted(path, checkpoint)
    size = path.stat().st_size
    seen = change(path)

    with pytest.raises(CheckpointMismatchError) as refused:
        list(open_import([path], checkpoint=checkpoint, batch_size=2).models())

    message = str(refused.value)
    assert message.startswith(f"{path} changed since the interrupted run (")
    assert seen in message
    if seen == "size":
        assert f"(size {size} -> {path.stat().st_size} bytes)" in message
    assert message.endswith("start over without --resume, or --overwrite")


def test_a_file_added_to_a_directory_refuses_the_resume(tmp_path: Path) -> None:
    folder = tmp_path / "dumps"
    folder.mkdir()
    (folder / "a.jsonl").write_text("\n".join(_lines(range(1, 11))) + "\n")
    checkpoint = tmp_path / "out" / "checkpoint.json"
    _interrupted(folder, checkpoint)
    (folder / "b.jsonl").write_text("\n".join(_lines(range(11, 21))) + "\n")

    with pytest.raises(CheckpointMismatchError, match=f"{folder / 'b.jsonl'} was not among the files the interrupted"):
        list(open_import([folder], checkpoint=checkpoint, batch_size=2).models())


def test_the_command_refuses_to_resume_over_a_changed_file(tmp_path: Path) -> None:
    path = tmp_path / "logs.jsonl"
    path.write_text("\n".join(_lines(range(3000))) + "\n")  # seconds of work: killed after its first batch
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "tracebridge", "import", str(path), "--out", str(out), "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    kill_once_saved(process, out / ".partial" / "checkpoint.json", "streamed")
    before = path.stat().st_size
    # A new export saved over the old one: its first 999 records gone, 1,000 new ones at the end.
    path.write_text("\n".join(_lines(range(999, 4000))) + "\n")

    resumed = tracebridge("import", str(path), "--out", str(out), "--resume", "--quiet")

    assert resumed.returncode == 1
    assert resumed.stderr.splitlines() == [
        f"tracebridge import: {path} changed since the interrupted run (size {before} -> {path.stat().st_size} "
        "bytes): the checkpoint's position would skip the wrong records; start over without --resume, or --overwrite"
    ]
    again = tracebridge("import", str(path), "--out", str(out), "--quiet")  # starting over, as it says
    fresh = tracebridge("import", str(path), "--out", str(tmp_path / "fresh"), "--quiet")
    assert (again.returncode, fresh.returncode) == (0, 0), again.stderr + fresh.stderr
    assert read_output(out) == read_output(tmp_path / "fresh")
