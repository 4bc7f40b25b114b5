"""Ray Data, for real, in local mode: read the files, ``map_batches(MapLines(...))``, write Parquet partitioned by
record type, query it with DuckDB: the records of ``tracebridge import`` of the same files, deduplicated alike.

Small batches (``batch_size``) put copies of one record in different calls, as a cluster would: what the import drops
within its one run, a distributed map leaves for ``dedupe_sql``.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
import ray
from tracebridge.sandbox import RunningSandbox
from tracebridge.scale import OUTPUT_SCHEMA, REJECT, MapLines, NestedRepeats, columns_of, rejects_of
from tracebridge.sinks.layout import TABLES
from tracebridge.sinks.parquet import arrow_schema

from tests.scale.support import (
    as_table,
    assert_same_rejects,
    by_type,
    canonical,
    deduped,
    differences,
    single_process,
    vendor_files,
)

# A local Ray starts in ~5 s (more beside other tests); the three maps take a few seconds more. One test worker
# runs all three, so the module's Ray starts once rather than once on each worker that took a case.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("ray")]


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    started = time.monotonic()
    ray.init(num_cpus=1, include_dashboard=False, log_to_driver=False, configure_logging=False)
    print(f"ray.init: {time.monotonic() - started:.1f} s")
    try:
        yield
    finally:
        ray.shutdown()


@pytest.fixture(scope="module")
def files(sandbox: RunningSandbox, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    return vendor_files(sandbox, tmp_path_factory.mktemp("dumps"))


@pytest.mark.parametrize("from_format", ["galileo-jsonl", "humanloop-v4-export", "humanloop-v5-logs"])
def test_ray_writes_the_records_of_the_import(local_ray, files, tmp_path: Path, from_format: str) -> None:
    paths = [str(path) for path in files[from_format]]
    out = tmp_path / "out"
    started = time.monotonic()

    lines = ray.data.read_text(paths, include_paths=True)  # columns text and path
    # humanloop-v5-logs: the first pass finds the Logs nested in others (the export tool writes them twice)
    repeats = lines.map_batches(NestedRepeats(from_format), batch_format="pyarrow").unique("identity")
    mapped = lines.map_batches(MapLines(from_format, known_repeats=repeats), batch_format="pyarrow", batch_size=16)
    mapped.write_parquet(str(out), partition_cols=["record_type"])
    print(f"{from_format}: read, map, write in {time.monotonic() - started:.1f} s")

    records, rejects = single_process(files[from_format], from_format)
    partitions = {record_type: f"read_parquet('{out}/record_type={record_type}/*.parquet')" for record_type in TABLES}
    written = {path.name.split("=", 1)[1] for path in out.iterdir()}
    got = canonical(deduped({kind: sql for kind, sql in partitions.items() if kind in written}))
    expected = canonical(deduped(by_type(as_table(records))))
    assert got == expected, differences(expected, got)

    reject_rows = (
        duckdb.sql(f"SELECT * FROM read_parquet('{out}/record_type={REJECT}/*.parquet')").to_arrow_table()
        if REJECT in written
        else None
    )
    distributed_rejects = list(rejects_of(reject_rows, REJECT)) if reject_rows is not None else []
    assert_same_rejects(rejects, distributed_rejects)
    assert all(reject.source.split(" ")[0] in paths for reject in distributed_rejects)  # Ray's path column

    # A partition holds what the import's Parquet file holds, in its columns and types (the others are null).
    span_files = sorted((out / "record_type=span").glob("*.parquet"))
    span_schema = pq.read_schema(span_files[0])
    for field in arrow_schema("span"):
        if field.name != "record_type":  # the partition's directory holds it
            assert span_schema.field(field.name).type == field.type
    assert set(span_schema.names) == set(OUTPUT_SCHEMA.names) - {"record_type"}
    query = f"SELECT {', '.join(columns_of('span')[1:])} FROM read_parquet('{out}/record_type=span/*.parquet')"
    assert duckdb.sql(query).fetchall()
