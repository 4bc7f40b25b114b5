"""Issue #17, finding 1: a lone surrogate (an LLM reply cut mid-emoji, a file name that is not UTF-8) in any string
field is written by every format, under the one rule of ``tracebridge.sinks.text``: as its six-character escape."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import attrs
import duckdb
import pyarrow.json as pa_json
import pytest
from tracebridge.records import Record
from tracebridge.serialization import to_json_dict
from tracebridge.sinks import Manifest, open_output
from tracebridge.sinks.layout import TABLES

from tests.cli.conftest import tracebridge
from tests.sinks.conftest import ALL_FORMATS, csv_view, read_csv, read_duckdb_table, read_jsonl, read_parquet

CUT = "\ud83d"
"""The first half of 😀, alone."""
ESCAPED = "\\ud83d"
"""The six characters every format writes for it."""

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _as_written(value: Any) -> Any:
    """``value`` as the rule writes it, worked out without the code under test: in its JSON text, the lone half
    replaced by an escaped backslash and ``ud83d``, which decodes to the six characters."""
    return json.loads(json.dumps(value, ensure_ascii=False).replace(CUT, "\\\\ud83d"))


def test_the_rule_escapes_lone_halves_only() -> None:
    from tracebridge.sinks.text import escape_text, escape_value  # noqa: PLC0415 - the module the fix added

    assert escape_text(f"cut {CUT}") == f"cut {ESCAPED}"
    assert escape_text("\udcff.jsonl") == "\\udcff.jsonl"  # a byte that was not UTF-8, as Python decodes a file name
    assert escape_text("é😀 intact") == "é😀 intact"
    assert escape_text("\ud83d\ude00") == "😀", "a pair held as two halves is the character it encodes"
    value = {"ok": ["é", 1, None]}
    assert escape_value(value) is value, "nothing to escape: the same object, no copy"
    assert escape_value({f"k{CUT}": [f"v{CUT}", 1.5]}) == {f"k{ESCAPED}": [f"v{ESCAPED}", 1.5]}


def _hostile(records: list[Record]) -> list[Record]:
    """One record of each type with a lone surrogate in a name-like string column, an attribute value, an attribute
    key, and provenance (which then is in every record's string, JSON and struct columns at once)."""
    out: list[Record] = []
    for record_type in TABLES:
        record = next(r for r in records if r.record_type == record_type)
        changes: dict[str, Any] = {
            "attributes": {**record.attributes, f"key {CUT}": f"value {CUT}", "nested": {"list": [CUT]}},
            "provenance": attrs.evolve(record.provenance, source_id=f"file{CUT}.jsonl:1"),
        }
        for name in ("name", "status_message", "version_name", "description"):
            if hasattr(record, name):
                changes[name] = f"reply cut at {CUT}"
                break
        out.append(attrs.evolve(record, **changes))
    return out


def test_every_format_writes_a_lone_surrogate_in_any_column(records: list[Record], tmp_path: Path) -> None:
    hostile = _hostile(records)
    out = tmp_path / "out"
    with open_output(out, ALL_FORMATS) as sink:
        sink.write(hostile)
        sink.state()
        sink.close(Manifest(source={"system": "fixtures", "file": f"g{CUT}.jsonl"}))

    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["source"]["file"] == f"g{ESCAPED}.jsonl"
    connection = duckdb.connect(str(out / "tracebridge.duckdb"), read_only=True)
    for record in hostile:
        stem = TABLES[record.record_type]
        want = _as_written(to_json_dict(record))
        assert want["attributes"][f"key {ESCAPED}"] == f"value {ESCAPED}"
        assert want["provenance"]["source_id"] == f"file{ESCAPED}.jsonl:1"
        assert read_jsonl(out / f"{stem}.jsonl") == [want], stem
        assert read_parquet(out / f"{stem}.parquet") == [want], stem
        assert read_csv(out / f"{stem}.csv", record.record_type) == [csv_view(want)], stem
        assert read_duckdb_table(connection, record.record_type) == [want], stem
    connection.close()


def test_the_jsonl_is_read_by_the_json_readers_that_refuse_a_lone_surrogate_escape(
    records: list[Record], tmp_path: Path
) -> None:
    """DuckDB's and pyarrow's JSON readers refuse ``"\\ud83d"`` (the JSON escape of a lone half); the rule's text
    they read. ``tracebridge sql`` over a JSONL output is DuckDB reading it."""
    with open_output(tmp_path, ["jsonl"]) as sink:
        sink.write(_hostile(records))
        sink.close()
    spans = tmp_path / "spans.jsonl"
    assert pa_json.read_json(io.BytesIO(spans.read_bytes())).column("name").to_pylist() == [f"reply cut at {ESCAPED}"]
    rows = duckdb.sql(f"SELECT name FROM read_json('{spans}', format = 'newline_delimited')").fetchall()
    assert rows == [(f"reply cut at {ESCAPED}",)]


@pytest.mark.parametrize("fmt", ALL_FORMATS)
def test_the_cli_imports_a_cut_reply_from_a_file_whose_name_is_not_utf8(fmt: str, tmp_path: Path) -> None:
    lines = (FIXTURES / "galileo" / "export-flat.jsonl").read_text(encoding="utf-8").splitlines()
    # A JSON escape of a lone half, as a vendor's Python backend writes a reply cut by a token limit.
    lines[0] = (
        lines[0]
        .replace('"Cats are great."', '"Cats are \\ud83d"')
        .replace('"user_metadata": {}', '"user_metadata": {"k\\ud83d": "v\\ud83d"}', 1)
    )
    source = Path(os.fsdecode(bytes(tmp_path) + b"/galileo-\xff.jsonl"))  # the name is the byte 0xff, not UTF-8
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")

    out = tmp_path / "out"
    done = tracebridge("import", str(source), "--format", fmt, "--out", str(out), "-q")
    assert done.returncode == 0, done.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["parameters"]["paths"] == [f"{tmp_path}/galileo-\\udcff.jsonl"]
    # The same command again is the same run: its name, read back from the manifest, is escaped the same way.
    again = tracebridge("import", str(source), "--format", fmt, "--out", str(out), "-q")
    assert again.returncode == 0, again.stderr
    # Readable back through tracebridge sql (DuckDB over each format), the six characters in the attribute JSON.
    query = 'SELECT count(*) AS n FROM sessions WHERE attributes::VARCHAR LIKE \'%"k\\\\ud83d":"v\\\\ud83d"%\''
    queried = tracebridge("sql", query, "--out", str(out), "--format", "csv")
    assert queried.returncode == 0, queried.stderr
    assert queried.stdout.split() == ["n", "1"], queried.stdout
