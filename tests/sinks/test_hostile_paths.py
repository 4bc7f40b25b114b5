"""Issue #17, finding 3: an ``--out`` with a colon (``a:b``, ``s3:x``) is a directory, not a URI, in every format:
pyarrow is never given a path to parse, DuckDB only absolute ones."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from tracebridge.records import Record
from tracebridge.sandbox import RunningSandbox
from tracebridge.sinks import Manifest, open_output

from tests.cli.conftest import tracebridge
from tests.sinks.conftest import ALL_FORMATS, read_jsonl, read_parquet

OUTS = ("a:b", "s3:x")
"""pyarrow reads the start of a relative path as a URI scheme (``tmp/a:b`` was never taken for one)."""


@pytest.mark.parametrize("out", OUTS)
def test_every_format_writes_into_a_directory_named_like_a_uri(
    records: list[Record], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, out: str
) -> None:
    monkeypatch.chdir(tmp_path)  # relative, as typed: ``a:b/...`` is what pyarrow took for a URI
    with open_output(out, ALL_FORMATS) as sink:
        for start in range(0, len(records), 40):  # several checkpoints: several Parquet parts, joined at the end
            sink.write(records[start : start + 40])
            sink.state()
        sink.close(Manifest(source={"system": "fixtures"}))
    directory = tmp_path / out
    assert read_parquet(directory / "spans.parquet") == read_jsonl(directory / "spans.jsonl")
    with duckdb.connect(str(directory / "tracebridge.duckdb"), read_only=True) as connection:
        spans = connection.execute("SELECT count(*) FROM spans").fetchone()
    assert spans == (len(read_jsonl(directory / "spans.jsonl")),)


@pytest.mark.parametrize("out", ("a:b", "s3:x"))
def test_the_cli_exports_into_an_out_with_a_colon(
    sandbox: RunningSandbox, humanloop_env: dict[str, str], tmp_path: Path, out: str
) -> None:
    formats = [arg for fmt in ALL_FORMATS for arg in ("--format", fmt)]
    command = ["export", "humanloop", "project", sandbox.project_id, "--page-size", "50", *formats, "-q"]
    done = tracebridge(*command, "--out", out, env=humanloop_env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    manifest = json.loads((tmp_path / out / "manifest.json").read_text())
    assert pq.read_metadata(tmp_path / out / "spans.parquet").num_rows == manifest["counts"]["span"] > 0


@pytest.fixture
def humanloop_env(sandbox: RunningSandbox) -> dict[str, str]:
    return {"HUMANLOOP_API_KEY": sandbox.humanloop_api_key, "HUMANLOOP_BASE_URL": sandbox.base_url}
