"""Every shape a Humanloop or Galileo user holds imports, detected by evidence, with nothing rejected that the vendor's
schema allows: records without Galileo's optional fields, non-UUID ids, CSVs of chosen columns, v4 datapoint
snapshots with and without their log, runs on their own and in listings, File versions on their own."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from tracebridge.galileo.kinds import DERIVED_ID
from tracebridge.imports import ImportFormatError, open_import
from tracebridge.records import Record

from tests.fixture_files import FIXTURES, load, load_lines
from tests.imports.vendor_data import rows, write_json, write_jsonl
from tests.mapping.fidelity import missing_leaves


def _imported(paths: list[Path], **options: Any) -> tuple[list[Record], Any]:
    export = open_import(paths, **options)
    return list(export.records()), export


def _strip(record: dict[str, Any], *keys: str) -> dict[str, Any]:
    out = {k: v for k, v in record.items() if k not in keys}
    for key in ("traces", "spans"):
        if isinstance(out.get(key), list):
            out[key] = [_strip(child, *keys) for child in out[key]]
    return out


def test_galileo_records_without_their_optional_type_are_galileo_records(tmp_path: Path) -> None:
    # `type` has a default in Galileo's schema: a file of retriever spans without it was read as a v4 export.
    spans = [_strip(line, "type") for line in load_lines("galileo/export-flat.jsonl")]
    records, export = _imported([write_jsonl(tmp_path / "spans.jsonl", spans)])
    assert export.job["formats"][str(tmp_path / "spans.jsonl")] == ["galileo-jsonl-flat"]
    assert not export.rejects and export.report.unique == len(spans)
    assert missing_leaves(spans, records) == []


def test_galileo_sdk_style_lines_without_project_run_or_uuid_ids(tmp_path: Path) -> None:
    # The shape of the vendor's SDK test exports: {id, input, output, ...}, ids like "1" or "trace-123".
    lines = [
        {"id": "1", "input": "What is the capital of France?", "output": "Paris"},
        {"id": "trace-123", "trace_id": "trace-123", "input": "hi", "output": "hello", "name": "greeting"},
    ]
    records, export = _imported([write_jsonl(tmp_path / "export.jsonl", lines)])
    assert export.job["formats"][str(tmp_path / "export.jsonl")] == ["galileo-jsonl-flat"]
    assert not export.rejects
    assert {r.provenance.source_id for r in records if r.record_type == "span"} == {"1", "trace-123"}
    assert missing_leaves(lines, records) == []


def test_a_galileo_csv_of_chosen_columns_gets_derived_flagged_ids(tmp_path: Path) -> None:
    # column_ids=["input", "output", "created_at"], as Galileo's docs show it: no id column.
    path = tmp_path / "export.csv"
    path.write_text(
        "input,output,created_at\n"
        '"Where is my order?",It shipped.,2025-03-01T10:00:00Z\n'
        "Hi,Hello!,2025-03-01T10:01:00Z\n"
    )
    records, export = _imported([path])
    assert not export.rejects and export.report.unique == 2
    spans = [r for r in records if r.record_type == "span"]
    assert len(spans) == 2 and all(span.attributes[DERIVED_ID] is True for span in spans)
    again, _ = _imported([path])
    assert rows(again) == rows(records), "the derived ids are the same in every import"
    assert {s.provenance.source_id for s in spans} == {s.provenance.source_id for s in again if s.record_type == "span"}


@pytest.mark.parametrize("with_log", [True, False], ids=["run", "not-run-yet"])
def test_a_v4_datapoint_page_is_read_as_snapshots(tmp_path: Path, with_log: bool) -> None:
    page = load("docs/humanloop-v4-evaluations-datapoints.response.json")
    if not with_log:
        for snapshot in page["records"]:
            snapshot.pop("log")  # `log` is optional: a datapoint not run yet
    records, export = _imported([write_json(tmp_path / "datapoints.json", page)])
    assert export.job["formats"][str(tmp_path / "datapoints.json")] == ["humanloop-v4-datapoints"]
    assert not export.rejects
    kinds = {r.record_type for r in records}
    assert {"dataset_example", "evaluation"} <= kinds
    assert ("span" in kinds) == with_log
    # The page does not say which evaluation it was read for, and the docs' example results do not either: no
    # experiment can be named (one is, below, once a result names its evaluation).
    assert "experiment" not in kinds
    assert all(r.name != "log" for r in records if r.record_type == "span"), "not misread as a v5 legacy log"
    assert missing_leaves(page["records"], records) == []
    page["records"][0]["evaluation_results"][0]["evaluation_id"] = "ev_1"
    named, _ = _imported([write_json(tmp_path / "named.json", page)])
    assert [r.experiment_id for r in named if r.record_type == "experiment"] == ["ev_1"]
    assert [r.experiment_id for r in named if r.record_type == "experiment_item"] == ["ev_1"]


def test_runs_alone_and_in_a_listing(tmp_path: Path) -> None:
    run = load("humanloop/v5-evaluation-run-rich.json")
    other = {**run, "id": "run_second"}
    one = write_json(tmp_path / "run_1", run)  # no extension, as the export tool writes them
    listing = write_json(tmp_path / "runs.json", {"runs": [run, other]})
    for path, expected in ((one, {run["id"]}), (listing, {run["id"], "run_second"})):
        records, export = _imported([path])
        assert export.job["formats"][str(path)] == ["humanloop-v5-runs"]
        assert {r.experiment_id for r in records if r.record_type == "experiment"} == expected
        assert not export.rejects
        assert missing_leaves(json.loads(path.read_text()), records) == []


def test_a_file_version_on_its_own(tmp_path: Path) -> None:
    version = load("humanloop/v5-evaluation-log-rich.json")["evaluator_logs"][0]["evaluator"]
    records, export = _imported([write_json(tmp_path / "prv_1", version)])
    assert export.job["formats"][str(tmp_path / "prv_1")] == ["humanloop-v5-files"]
    (definition,) = [r for r in records if r.record_type == "definition"]
    (kept,) = [r for r in records if r.record_type == "definition_version"]
    assert (definition.definition_id, kept.version_id) == (version["id"], version["version_id"])
    assert kept.definition_type == "evaluator" and kept.spec is not None and kept.spec["spec"] == version["spec"]
    assert missing_leaves(version, records) == []


def test_a_file_of_no_known_shape_names_what_was_seen_and_the_from_to_use(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "things.jsonl", [{"sku": "A-1", "qty": 2}, {"sku": "B-7", "qty": 1}])
    with pytest.raises(ImportFormatError) as info:
        open_import([path])
    message = str(info.value)
    assert "shows the traits of a format" in message and "'qty'" in message and "--from" in message


def test_two_formats_weighing_the_same_is_no_guess(tmp_path: Path) -> None:
    v4 = load("humanloop/v4-log-rich.json")
    galileo = {"id": "1", "input": "q", "output": "a", "user_metadata": {"k": "v"}}
    path = write_jsonl(tmp_path / "mixed.jsonl", [v4, galileo])
    with pytest.raises(ImportFormatError, match="two formats weigh the same"):
        open_import([path])
    # Named, the file is read as said; the record of the other format is rejected, not mis-mapped.
    records, export = _imported([path], from_format="humanloop-v4-export")
    assert [r.reason.split(" (")[0] for r in export.rejects] == ["a galileo-jsonl-flat"]
    assert {r.provenance.source_id for r in records if r.record_type == "span"} >= {v4["id"]}


def test_a_record_lacking_what_its_format_makes_optional_is_not_rejected(tmp_path: Path) -> None:
    # A sparse Galileo span (no type, no UUIDs: nothing but an input) among full ones stays with its file.
    lines = [*load_lines("galileo/export-flat.jsonl"), {"id": "s-9", "input": "just an input"}]
    _, export = _imported([write_jsonl(tmp_path / "spans.jsonl", lines)])
    assert not export.rejects and export.report.unique == len(lines)


def test_fixtures_directory_holds_the_documented_examples() -> None:
    assert (FIXTURES / "docs" / "humanloop-v4-evaluations-datapoints.response.json").exists()


def test_a_gzipped_export_reads_as_the_plain_one(tmp_path: Path) -> None:
    plain = FIXTURES / "galileo" / "export-flat.jsonl"
    packed = tmp_path / "export.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    records, export = _imported([packed])
    assert rows(records) == rows(open_import([plain]).records())
    assert export.job["formats"][str(packed)] == ["galileo-jsonl-flat"]
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(packed.read_bytes()[: len(packed.read_bytes()) // 2])
    with pytest.raises(ImportFormatError, match=r"cut.jsonl.gz: the gzip data is corrupt or cut off after line \d+"):
        list(open_import([cut]).records())
