"""A named pipe (FIFO) imports as the file written into it would: detection samples it, the same stream continues,
and a format read twice (the export tool's logs) is replayed from the spool, never sought (issue #17)."""

from __future__ import annotations

import gzip
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tracebridge.imports import open_import

from tests.cli.conftest import read_output, tracebridge
from tests.imports.vendor_data import rows

FIXTURES = Path(__file__).parents[1] / "fixtures"
EXPORT_LOGS = next((FIXTURES / "imports" / "humanloop-export").rglob("logs/1.jsonl"))


class Writer(threading.Thread):
    """Writes ``data`` into the FIFO in small pieces, as a slow producer (``zcat``, a download) would."""

    def __init__(self, fifo: Path, data: bytes) -> None:
        super().__init__(daemon=True)  # if the reader never opens the pipe, the test fails rather than hangs
        self.fifo, self.data = fifo, data

    def run(self) -> None:
        with self.fifo.open("wb") as handle:
            for start in range(0, len(self.data), 4096):
                handle.write(self.data[start : start + 4096])
                handle.flush()
                time.sleep(0.0005)


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "export.pipe"
    os.mkfifo(path)
    yield path


@pytest.mark.parametrize(
    ("source", "compress"),
    [
        (FIXTURES / "galileo" / "export-flat.jsonl", False),
        (FIXTURES / "imports" / "galileo-multiline.csv", True),
        (FIXTURES / "docs" / "humanloop-v4-projects-export.response.json", False),
        (EXPORT_LOGS, False),  # humanloop-v5-logs: read twice (the records it repeats, then the records)
    ],
    ids=["jsonl", "csv.gz", "json", "v5-logs"],
)
def test_a_fifo_imports_as_its_content_would(fifo: Path, source: Path, compress: bool) -> None:
    data = source.read_bytes()
    expected = open_import([source])
    writer = Writer(fifo, gzip.compress(data) if compress else data)
    writer.start()

    export = open_import([fifo])
    got = rows(export.records())
    writer.join(timeout=30)

    assert got == rows(expected.records())
    assert export.job["formats"] == {str(fifo): expected.job["formats"][str(source)]}
    assert export.report == expected.report


def test_the_command_imports_a_fifo(fifo: Path, tmp_path: Path) -> None:
    source = FIXTURES / "galileo" / "export-nested.jsonl"
    from_file = tracebridge("import", str(source), "--out", str(tmp_path / "from-file"), "--quiet")
    assert from_file.returncode == 0, from_file.stderr
    writer = Writer(fifo, source.read_bytes())
    writer.start()

    done = tracebridge("import", str(fifo), "--out", str(tmp_path / "from-fifo"), "--quiet")
    writer.join(timeout=30)

    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert read_output(tmp_path / "from-fifo") == read_output(tmp_path / "from-file")
