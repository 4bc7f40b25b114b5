"""One directory, every format: atomic publication, resume after a kill, empty outputs, the manifest."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from tracebridge.delivery.rejects import Reject
from tracebridge.records import Record
from tracebridge.secrets import ApiKey
from tracebridge.sinks import Manifest, MultiSink, ResumeMismatchError, multi, open_output
from tracebridge.sinks.layout import TABLES

from tests.sinks.conftest import ALL_FORMATS, read_duckdb_table

REPO = Path(__file__).resolve().parents[2]
BATCH = 10


def final_files() -> set[str]:
    names = {"rejects.jsonl", "manifest.json", "tracebridge.duckdb"}
    for stem in TABLES.values():
        names |= {f"{stem}.jsonl", f"{stem}.csv", f"{stem}.parquet"}
    return names


def reject_for(index: int) -> Reject:
    return Reject(source=f"fixtures:{index}", reason="not a record", raw=f'{{"n": {index}', field="n")


def write_run(sink: MultiSink, records: list[Record], start: int = 0) -> None:
    """Batches with a checkpoint after each; a reject every fourth batch, like an export meeting bad lines."""
    for begin in range(start, len(records), BATCH):
        sink.write(records[begin : begin + BATCH])
        if (begin // BATCH) % 4 == 0:
            sink.reject(reject_for(begin))
        sink.state()


def assert_same_output(got: Path, want: Path, formats: tuple[str, ...]) -> None:
    assert {p.name for p in got.iterdir()} == {p.name for p in want.iterdir()}
    for stem in TABLES.values():
        for ext in ("jsonl", "csv"):
            if ext in formats:
                assert (got / f"{stem}.{ext}").read_bytes() == (want / f"{stem}.{ext}").read_bytes(), f"{stem}.{ext}"
        assert pq.read_table(got / f"{stem}.parquet").equals(pq.read_table(want / f"{stem}.parquet")), stem
    assert (got / "rejects.jsonl").read_bytes() == (want / "rejects.jsonl").read_bytes()
    with (
        duckdb.connect(str(got / "tracebridge.duckdb"), read_only=True) as a,
        duckdb.connect(str(want / "tracebridge.duckdb"), read_only=True) as b,
    ):
        for record_type in TABLES:
            assert read_duckdb_table(a, record_type) == read_duckdb_table(b, record_type), record_type
        for view in ("llm_calls", "scores"):
            query = f"SELECT * FROM {view} ORDER BY ALL"
            assert a.execute(query).fetchall() == b.execute(query).fetchall(), view
    manifests = [json.loads((d / "manifest.json").read_text()) for d in (got, want)]
    for key in ("counts", "rejects", "formats", "files"):
        assert manifests[0][key] == manifests[1][key], key


KILLED_RUN = textwrap.dedent(
    """
    import json, os, signal, sys
    from pathlib import Path
    from tests.sinks.conftest import fixture_records
    from tests.sinks.test_multi import BATCH, reject_for
    from tracebridge.sinks import open_output, parquet

    parquet.ROW_GROUP_ROWS = 1  # every batch goes to disk at once, so the kill leaves a Parquet part without footer
    out, state_file, cut, formats = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4].split(",")
    records = fixture_records()
    sink = open_output(out, formats)
    for begin in range(0, cut, BATCH):
        sink.write(records[begin : begin + BATCH])
        if (begin // BATCH) % 4 == 0:
            sink.reject(reject_for(begin))
        state = sink.state()
    state_file.write_text(json.dumps(state))  # the checkpoint: everything up to `cut` is delivered
    # The run goes on after its last checkpoint: synced to disk (a later page whose checkpoint never got saved)...
    sink.write(records[cut : cut + BATCH])
    sink.reject(reject_for(cut))
    sink.state()
    # ...then more records half-written (an open Parquet part, buffered lines), and the process is killed mid-page.
    sink.write(records[cut + BATCH : cut + 3 * BATCH])
    sink._flush()
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


@pytest.mark.parametrize(
    "formats",
    [ALL_FORMATS, ("duckdb", "parquet", "csv")],
    ids=["all-formats", "duckdb-with-its-own-journal"],
)
def test_killed_run_resumes_to_exactly_the_uninterrupted_output(
    formats: tuple[str, ...], records: list[Record], tmp_path: Path
) -> None:
    reference, resumed = tmp_path / "reference", tmp_path / "resumed"
    with open_output(reference, formats) as sink:
        write_run(sink, records)
        sink.close(Manifest(source={"system": "fixtures"}))

    cut = 4 * BATCH
    assert len(records) > cut + 3 * BATCH
    state_file = tmp_path / "state.json"
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_RUN, str(resumed), str(state_file), str(cut), ",".join(formats)],
        cwd=REPO,
        check=False,
    )
    assert killed.returncode == -9
    # Killed: nothing under a final name, so nothing looks complete; the work is under .partial/.
    assert not final_files() & {p.name for p in resumed.iterdir()}
    listed = json.loads(state_file.read_text())["formats"]["parquet"]["span"]["parts"]
    on_disk = list((resumed / ".partial" / "parquet").glob("spans-*"))
    assert len(on_disk) > listed, "parts written after the checkpoint, one cut short by the kill"

    with open_output(resumed, formats, resume=True) as sink:
        sink.restore(json.loads(state_file.read_text()))
        write_run(sink, records, start=cut)
        sink.close(Manifest(source={"system": "fixtures"}))
    assert_same_output(resumed, reference, formats)
    assert not (resumed / ".partial").exists()


def test_aborted_run_publishes_nothing_and_keeps_partials(records: list[Record], tmp_path: Path) -> None:
    with open_output(tmp_path, ALL_FORMATS) as sink:
        sink.write(records)
        sink.state()
        sink.close(Manifest(source="first run"))
    first = (tmp_path / "spans.jsonl").read_bytes()

    manifest = (tmp_path / "manifest.json").read_bytes()
    with pytest.raises(RuntimeError), open_output(tmp_path, ALL_FORMATS) as sink:
        # A second run into the same directory that fails before publishing leaves the first one whole.
        sink.write(records[:5])
        sink.state()
        raise RuntimeError("the export failed")
    assert (tmp_path / "manifest.json").read_bytes() == manifest, "the earlier run still describes its files"
    assert (tmp_path / "spans.jsonl").read_bytes() == first, "the earlier run's file was not touched"
    assert (tmp_path / ".partial" / "spans.jsonl").stat().st_size > 0, "kept for --resume"

    fresh = tmp_path / "fresh"
    with pytest.raises(RuntimeError), open_output(fresh, ALL_FORMATS) as sink:
        sink.write(records)
        sink.state()
        raise RuntimeError("the export failed")
    assert not final_files() & {p.name for p in fresh.iterdir()}


def test_abort_with_discard_leaves_nothing(records: list[Record], tmp_path: Path) -> None:
    sink = open_output(tmp_path, ALL_FORMATS)
    sink.write(records)
    sink.state()
    sink.abort(discard=True)
    assert list(tmp_path.iterdir()) == []


def test_empty_output_has_every_file(tmp_path: Path) -> None:
    open_output(tmp_path, ALL_FORMATS).close(Manifest(source="nothing"))
    assert {p.name for p in tmp_path.iterdir()} == final_files()
    for stem in TABLES.values():
        assert (tmp_path / f"{stem}.jsonl").read_bytes() == b""
        assert len((tmp_path / f"{stem}.csv").read_text().splitlines()) == 1, "header only"
        assert pq.read_table(tmp_path / f"{stem}.parquet").num_rows == 0
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["counts"] == dict.fromkeys(TABLES, 0) and manifest["rejects"] == 0


def test_manifest_counts_and_no_secrets(records: list[Record], tmp_path: Path) -> None:
    secret = "hl_sk_0123456789abcdef"
    with open_output(tmp_path, ["jsonl", "duckdb"]) as sink:
        sink.write(records)
        sink.reject(reject_for(1))
        sink.close(
            Manifest(
                source={"system": "humanloop", "endpoint": "v5 evaluation logs", "api_key": secret},
                parameters={"evaluation_id": "ev_1", "key": ApiKey(secret), "headers": {"X-API-KEY": secret}},
            )
        )
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    counts = {t: sum(r.record_type == t for r in records) for t in TABLES}
    assert manifest["counts"] == counts and manifest["rejects"] == 1
    assert manifest["formats"] == ["jsonl", "duckdb"]
    assert manifest["files"]["duckdb"] == ["tracebridge.duckdb"] and manifest["files"]["rejects"] == ["rejects.jsonl"]
    assert manifest["parameters"] == {"evaluation_id": "ev_1", "headers": {}}
    assert manifest["source"] == {"system": "humanloop", "endpoint": "v5 evaluation logs"}
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert secret.encode() not in path.read_bytes(), path
    assert sum(1 for _ in (tmp_path / "rejects.jsonl").open()) == 1


def test_rejects_file_is_written_once_for_all_formats(records: list[Record], tmp_path: Path) -> None:
    with open_output(tmp_path, ALL_FORMATS) as sink:
        sink.reject(reject_for(7))
        sink.close(Manifest(source="x"))
    assert [json.loads(line) for line in (tmp_path / "rejects.jsonl").read_text().splitlines()] == [
        reject_for(7).to_dict()
    ]
    assert not list(tmp_path.rglob("rejects*.csv")) and not list(tmp_path.rglob("*.tmp"))


def test_resume_with_other_formats_is_refused(records: list[Record], tmp_path: Path) -> None:
    sink = open_output(tmp_path, ["jsonl"])
    sink.write(records)
    state = sink.state()
    sink.abort()
    resumed = open_output(tmp_path, ["jsonl", "csv"], resume=True)
    with pytest.raises(ResumeMismatchError, match="same --format"):
        resumed.restore(state)
    resumed.abort(discard=True)


def test_a_resumed_output_is_cut_back_before_anything_is_written(records: list[Record], tmp_path: Path) -> None:
    sink = open_output(tmp_path, ["jsonl"])
    sink.write(records[:5])
    sink.reject(reject_for(1))
    state = sink.state()
    sink.reject(reject_for(2))  # after the checkpoint: the killed run's tail
    sink.state()
    sink.abort()

    resumed = open_output(tmp_path, ["jsonl"], resume=True)
    with pytest.raises(ValueError, match="must be restored"):
        resumed.write(records[5:6])
    with pytest.raises(ValueError, match="must be restored"):
        resumed.reject(reject_for(3))
    resumed.restore(state)
    resumed.reject(reject_for(3))
    resumed.write(records[5:])
    resumed.close(Manifest(source="x"))
    lines = (tmp_path / "rejects.jsonl").read_text().splitlines()
    assert [json.loads(line)["source"] for line in lines] == ["fixtures:1", "fixtures:3"]
    assert json.loads((tmp_path / "manifest.json").read_text())["rejects"] == 2
    assert len((tmp_path / "spans.jsonl").read_text().splitlines()) == sum(r.record_type == "span" for r in records)


def test_records_written_one_at_a_time_all_arrive(
    records: list[Record], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(multi, "BATCH_SIZE", 7)  # several buffer flushes within one write call
    sink = open_output(tmp_path, ["jsonl", "parquet"])
    sink.write(iter(records))
    for record in records:
        sink.write_one(record)
    sink.close(Manifest(source="x"))
    expected = {t: 2 * sum(r.record_type == t for r in records) for t in TABLES}
    assert json.loads((tmp_path / "manifest.json").read_text())["counts"] == expected
    for record_type, stem in TABLES.items():
        assert len((tmp_path / f"{stem}.jsonl").read_text().splitlines()) == expected[record_type]
        assert pq.ParquetFile(tmp_path / f"{stem}.parquet").metadata.num_rows == expected[record_type]
