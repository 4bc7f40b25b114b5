"""``open_import`` as the CLI uses it: several paths at once, detection by content, and resuming a killed import."""

from __future__ import annotations

import contextlib
import json
import math
from collections.abc import Iterator
from pathlib import Path

import pytest
from tracebridge.imports import json_records, open_import
from tracebridge.imports.source import BATCH_SIZE, BATCH_TEXT

from tests.imports.vendor_data import rows, write_jsonl

FIXTURES = Path(__file__).parents[1] / "fixtures"


def test_several_paths_of_several_formats(tmp_path: Path) -> None:
    v4 = json.loads((FIXTURES / "docs" / "humanloop-v4-projects-export.response.json").read_text())
    page = tmp_path / "project-export"  # no extension: the content decides
    page.write_text(json.dumps(v4))
    paths = [page, FIXTURES / "imports" / "galileo-multiline.csv", FIXTURES / "imports" / "humanloop-export"]
    together = open_import(paths)
    got = rows(together.records())

    separately = [open_import([path]) for path in paths]
    assert got == sum((rows(export.records()) for export in separately), start=rows([]))
    assert together.job["formats"] == {
        str(paths[0]): ["humanloop-v4-export"],
        str(paths[1]): ["galileo-csv"],
        str(paths[2]): ["humanloop-export"],
    }
    assert together.report.unique == sum(export.report.unique for export in separately)
    # Only the page states a total; the other files owe what they hold, so nothing is missing.
    assert together.report.expected == together.report.unique + together.report.rejected
    assert together.report.missing == 0


def test_a_first_line_longer_than_the_sniffed_head(tmp_path: Path) -> None:
    lines = (FIXTURES / "galileo" / "export-nested.jsonl").read_text().splitlines()
    big = json.loads(lines[0])
    big["user_metadata"] = {"notes": "x" * 200_000}  # a session with long texts: one line of 200 kB
    path = write_jsonl(tmp_path / "sessions.jsonl", [big, *map(json.loads, lines[1:])])
    export = open_import([path])
    records = list(export.records())
    assert export.job["formats"] == {str(path): ["galileo-jsonl"]}
    assert records and not export.rejects


def test_a_broken_first_line_does_not_hide_the_format(tmp_path: Path) -> None:
    log = json.loads((FIXTURES / "humanloop" / "v4-log-rich.json").read_text())
    path = tmp_path / "logs.jsonl"
    path.write_text('{"id": "data_cut", "config": {\n' + json.dumps(log) + "\n")
    export = open_import([path])
    assert len(list(export.records())) > 0
    assert export.job["formats"] == {str(path): ["humanloop-v4-export"]}
    assert [r.source for r in export.rejects] == [f"{path}:1"]


def test_a_killed_import_resumes_after_the_last_batch_taken(tmp_path: Path) -> None:
    source = FIXTURES / "galileo" / "export-flat.jsonl"
    everything = [model.id for model in open_import([source]).models()]
    checkpoint = tmp_path / "out" / "checkpoint.json"

    first = open_import([source], checkpoint=checkpoint, batch_size=2).models()
    taken = [next(first).id for _ in range(5)]  # batches 1-2 and half of 3: the checkpoint says 4 were taken
    first.close()  # killed
    assert checkpoint.exists()

    resumed = open_import([source], checkpoint=checkpoint, batch_size=2)
    rest = [model.id for model in resumed.models()]
    assert taken[:4] + rest == everything
    assert not checkpoint.exists()  # a finished import leaves no resume state


def test_a_resumed_import_reports_the_whole_import(tmp_path: Path) -> None:
    source = FIXTURES / "imports" / "v4-logs-bad.jsonl"  # line 1 good, 2-3 bad, 4 good, 5 cut off
    fresh = open_import([source])
    list(fresh.records())
    checkpoint = tmp_path / "checkpoint.json"

    interrupted = open_import([source], checkpoint=checkpoint, batch_size=1)
    first = interrupted.models()
    next(first)
    next(first)  # asking again commits line 1, then reads on: line 2 (bad JSON), 3 (no id: a reject), 4
    first.close()

    resumed = open_import([source], checkpoint=checkpoint, batch_size=1)
    models = list(resumed.models())
    assert [model.id for model in models] == [json.loads(source.read_text().splitlines()[3])["id"]]
    # Every reject is delivered once across the two runs: lines 2-3 by the interrupted one (its checkpoint covers
    # them), line 5 by the resumed one.
    assert [r.source for r in interrupted.rejects] == [f"{source}:2", f"{source}:3"]
    assert [r.source for r in resumed.rejects] == [f"{source}:5"]
    assert resumed.report == fresh.report


def test_raw_gives_back_the_vendor_json_as_the_file_held_it() -> None:
    source = FIXTURES / "galileo" / "export-flat.jsonl"
    assert list(open_import([source]).raw()) == [json.loads(line) for line in source.read_text().splitlines()]


def test_a_batch_holds_a_thousand_records_or_about_two_megabytes_of_their_text(tmp_path: Path) -> None:
    """Large records are batched by their text, so the process mapping a batch holds a page's worth, not 1,000 of
    them decoded (docs/benchmarks.md); small ones by count. Fails if either bound is ignored."""
    log = json.loads((FIXTURES / "humanloop" / "v4-log-rich.json").read_text())
    small_log = {key: value for key, value in log.items() if key not in ("evaluation_results", "feedback")}
    large = [{**log, "id": f"data_{n}", "inputs": {"notes": "x" * 300_000}} for n in range(24)]
    small = [{**small_log, "id": f"data_{n}"} for n in range(2 * BATCH_SIZE + 500)]
    page = tmp_path / "large-page.json"  # a saved page: its records' text is their slice of the page
    page.write_text(json.dumps({"records": large, "page": 1, "size": len(large), "total": len(large)}))
    for name, logs, by_count in (("large", large, False), ("small", small, True), ("page", large, False)):
        path = page if name == "page" else write_jsonl(tmp_path / f"{name}.jsonl", logs)
        per_batch = min(BATCH_SIZE, math.ceil(BATCH_TEXT / len(json.dumps(logs[-1], ensure_ascii=False))))
        assert (per_batch == BATCH_SIZE) is by_count, name
        export = open_import([path])
        spans = [sum(record.record_type == "span" for record in batch.records) for batch in export.batches()]
        per_log, odd = divmod(sum(spans), len(logs))  # each log the same number of spans (its own and its tool's)
        assert per_log and not odd
        whole, rest = divmod(len(logs), per_batch)
        assert spans == [per_batch * per_log] * whole + [rest * per_log] * bool(rest), name
        assert export.report.unique == len(logs)


def test_json_lines_are_decoded_a_megabyte_or_so_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A burst of decoded lines is held until the intake takes them all: bounded by text too, not only by count."""
    bursts: list[None] = []
    burst = json_records.acyclic_allocations

    @contextlib.contextmanager
    def noting() -> Iterator[None]:
        bursts.append(None)
        with burst():
            yield

    monkeypatch.setattr(json_records, "acyclic_allocations", noting)
    log = json.loads((FIXTURES / "humanloop" / "v4-log-rich.json").read_text())
    logs = [{**log, "id": f"data_{n}", "inputs": {"notes": "x" * 400_000}} for n in range(7)]
    path = write_jsonl(tmp_path / "large.jsonl", logs)
    per_burst = math.ceil(json_records.DECODED_TOGETHER_BYTES / len(json.dumps(logs[-1], ensure_ascii=False)))
    assert per_burst < len(logs)
    export = open_import([path])
    assert sum(1 for _ in export.records()) > 0
    assert export.report.unique == len(logs)
    assert len(bursts) == math.ceil(len(logs) / per_burst)


def test_a_saved_pages_records_keep_their_text_as_the_page_held_it(tmp_path: Path) -> None:
    """A page saved whole (a document, or one JSONL line) gives each record with its JSON text as the page held it,
    which bounds its batch and is what workers are sent; a page msgspec will not split (NaN) gives the values alone."""
    page = json.loads((FIXTURES / "docs" / "humanloop-v4-projects-export.response.json").read_text())
    document = tmp_path / "page.json"
    document.write_text(json.dumps(page, indent=2))
    line = write_jsonl(tmp_path / "pages.jsonl", [page, page])
    for path in (document, line):
        raws = list(json_records.json_records(path))
        assert raws and all(raw.encoded is not None for raw in raws), path
        assert [json.loads(raw.encoded) for raw in raws] == [raw.value for raw in raws]
        assert len(raws) == len(page["records"]) * (2 if path == line else 1)
    nan = tmp_path / "nan.json"
    nan.write_text(json.dumps({**page, "records": [{**page["records"][0], "score": float("nan")}]}))
    assert [raw.encoded for raw in json_records.json_records(nan)] == [None]
