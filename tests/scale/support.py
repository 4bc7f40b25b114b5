"""What the scale tests share: vendor files from the sandbox, and the comparison with the single-process import.

The claim under test: mapping the lines of some files with ``tracebridge.scale`` (split into batches in any way) and
deduplicating with ``dedupe_sql`` gives the records ``open_import`` gives for the same files, deduplicated the same
way. The one field allowed to differ is documented: a shared record's ``provenance.parent_id`` names the source record
it was found in, the first one read by the import, one of them after a distributed map.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
from tracebridge.delivery.once import KEYS as SHARED
from tracebridge.delivery.rejects import Reject
from tracebridge.imports import open_import
from tracebridge.records import Record
from tracebridge.sandbox import RunningSandbox
from tracebridge.scale import OUTPUT_SCHEMA, REJECT, dedupe_sql, long_batches, records_of
from tracebridge.serialization import to_json_dict
from tracebridge.sinks.layout import TABLES

from tests.imports.vendor_data import galileo_body, humanloop_pages, write_jsonl

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
EXPORT_LOGS = sorted((FIXTURES / "imports" / "humanloop-export").rglob("logs/*.jsonl"))
"""A humanloop-export's logs: every nested Log repeated on its own line, in its own File's logs."""
BAD_V4 = FIXTURES / "imports" / "v4-logs-bad.jsonl"
"""v4 logs: line 2 malformed, line 3 without an id, line 5 cut off."""


def vendor_files(sandbox: RunningSandbox, directory: Path) -> dict[str, list[Path]]:
    """Files of JSON lines by format, as users saved them: each format's records, some in two files (a repeat)."""
    directory.mkdir(parents=True, exist_ok=True)
    galileo = directory / "galileo.jsonl"
    galileo.write_bytes(galileo_body(sandbox, "jsonl", "session"))
    again = directory / "galileo-again.jsonl"  # a second dump overlapping the first: its records are repeats
    again.write_bytes(b"\n".join(galileo.read_bytes().splitlines()[:3]) + b"\n")
    v4 = write_jsonl(
        directory / "v4.jsonl", (r for page in humanloop_pages(sandbox, "v4", 100) for r in page["records"])
    )
    v5 = [r for page in humanloop_pages(sandbox, "v5", 100) for r in page["records"]]
    return {
        "galileo-jsonl": [galileo, again],
        "humanloop-v4-export": [v4, BAD_V4],
        "humanloop-v5-evaluation-logs": [write_jsonl(directory / "v5.jsonl", v5)],
        "humanloop-v5-logs": EXPORT_LOGS,
    }


def single_process(paths: Sequence[Path], from_format: str) -> tuple[list[Record], list[Reject]]:
    """What ``tracebridge import --from FORMAT paths`` maps (a file of pages with no total is no shortfall)."""
    export = open_import(paths, from_format=from_format, allow_partial=True)
    records = list(export.records())
    return records, export.rejects


def as_table(records: Iterable[Record], rejects: Iterable[Reject] = ()) -> pa.Table:
    return pa.Table.from_batches(long_batches(list(records), list(rejects)), schema=OUTPUT_SCHEMA)


def deduped(relations: dict[str, Any]) -> list[Record]:
    """The records of each record type's rows (a pyarrow table, or DuckDB SQL giving them), one per record
    (``dedupe_sql``)."""
    connection = duckdb.connect()
    found: list[Record] = []
    for record_type in TABLES:
        relation = relations.get(record_type)
        if relation is None:
            continue
        if isinstance(relation, pa.Table):
            connection.register(f"rows_{record_type}", relation)
            relation = f"rows_{record_type}"
        table = connection.sql(dedupe_sql(record_type, relation)).to_arrow_table()
        found.extend(records_of(table, record_type))
    connection.close()
    return found


def by_type(table: pa.Table) -> dict[str, pa.Table]:
    """The rows of a long table per record type."""
    kinds = table.column("record_type").to_pylist()
    return {kind: table.take([i for i, k in enumerate(kinds) if k == kind]) for kind in set(kinds) if kind != REJECT}


def canonical(records: Iterable[Record]) -> Counter[str]:
    """Records as a multiset of JSON rows, the shared records' ``provenance.parent_id`` left out."""
    rows: Counter[str] = Counter()
    for record in records:
        data = to_json_dict(record)
        if record.record_type in SHARED:
            data["provenance"] = {**data["provenance"], "parent_id": None}
        rows[json.dumps(data, sort_keys=True)] += 1
    return rows


def differences(single: Counter[str], distributed: Counter[str]) -> str:
    def show(rows: Counter[str]) -> list[str]:
        return [row[:300] for row in list(rows.elements())[:3]]

    return f"only single-process: {show(single - distributed)}; only distributed: {show(distributed - single)}"


CUT_OFF = "the file ends in the middle of a record (the last line is cut off)"
"""The one reject reason only a reader of whole files can give: an engine hands lines over without their newline."""


def assert_same_rejects(single: Sequence[Reject], distributed: Sequence[Reject]) -> None:
    """The same raw texts rejected, for the same reasons (a cut-off last line is, for an engine, broken JSON)."""
    assert Counter(reject.raw for reject in distributed) == Counter(reject.raw for reject in single)
    reasons = {reject.raw: reject.reason for reject in distributed}
    for reject in single:
        if reject.reason == CUT_OFF:
            assert reasons[reject.raw].startswith("not valid JSON"), reasons[reject.raw]
        else:
            assert reasons[reject.raw] == reject.reason
