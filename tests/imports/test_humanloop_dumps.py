"""Humanloop API dumps (v4 project export, v5 evaluation logs) yield the records the API source yields."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from tracebridge.errors import IncompleteExportError
from tracebridge.humanloop import v5 as humanloop_v5
from tracebridge.humanloop.client import HumanloopClient
from tracebridge.imports import open_import
from tracebridge.sandbox import RunningSandbox

from tests.imports.vendor_data import humanloop_pages, rows, write_json, write_jsonl

FIXTURES = Path(__file__).parents[1] / "fixtures"


def client(sandbox: RunningSandbox) -> HumanloopClient:
    return HumanloopClient(sandbox.humanloop_api_key, base_url=sandbox.base_url, page_size=50)


@pytest.fixture(scope="module")
def v4_pages(sandbox: RunningSandbox) -> list[dict]:
    return humanloop_pages(sandbox, "v4", size=50)


@pytest.fixture(scope="module")
def v4_api_rows(sandbox: RunningSandbox):
    return rows(client(sandbox).export_project(sandbox.project_id).records())


@pytest.fixture(scope="module")
def v5_pages(sandbox: RunningSandbox) -> list[dict]:
    return humanloop_pages(sandbox, "v5", size=50)


@pytest.fixture(scope="module")
def v5_api_rows(sandbox: RunningSandbox):
    # A dump of the endpoint's pages does not say which evaluation it was read from: its experiments cannot name it.
    records = client(sandbox).evaluation_logs(sandbox.evaluation_id).records()
    return rows(attrs.evolve(r, evaluation_id=None) if r.record_type == "experiment" else r for r in records)


def test_v4_page_files_match_the_api(tmp_path: Path, v4_pages, v4_api_rows) -> None:
    for page in v4_pages:  # one page per file, named as users name them; the directory is the path given
        write_json(tmp_path / "pages" / f"page-{page['page']:03d}.json", page)
    export = open_import([tmp_path / "pages"])
    assert rows(export.records()) == v4_api_rows
    assert export.job["formats"] == {str(tmp_path / "pages"): ["humanloop-v4-export"]}
    assert export.report.expected == v4_pages[0]["total"] == export.report.unique
    assert export.report.complete and not export.rejects


def test_v4_array_of_pages_and_jsonl_match_the_api(tmp_path: Path, v4_pages, v4_api_rows) -> None:
    array = write_json(tmp_path / "all-pages.json", v4_pages)
    lines = write_jsonl(tmp_path / "logs.jsonl", (r for page in v4_pages for r in page["records"]))
    assert rows(open_import([array]).records()) == v4_api_rows
    assert rows(open_import([lines]).records()) == v4_api_rows


def test_v4_overlapping_pages_are_deduped_and_a_missing_page_is_incomplete(tmp_path: Path, v4_pages) -> None:
    # Offset pages over a live listing repeat records; the dump of a skipped page is missing.
    repeated = [*v4_pages, v4_pages[1]]
    export = open_import([write_json(tmp_path / "repeated.json", repeated)])
    list(export.records())
    assert export.report.duplicates == len(v4_pages[1]["records"])
    assert export.report.complete

    partial = open_import([write_json(tmp_path / "partial.json", v4_pages[1:])])
    with pytest.raises(IncompleteExportError, match=f"missing {len(v4_pages[0]['records'])}"):
        list(partial.records())
    allowed = open_import([tmp_path / "partial.json"], allow_partial=True)
    assert sum(rows(allowed.records()).values()) > 0
    assert allowed.report.missing == len(v4_pages[0]["records"])


def test_v5_evaluation_log_pages_and_jsonl_match_the_api(tmp_path: Path, v5_pages, v5_api_rows) -> None:
    pages = write_json(tmp_path / "evaluation-logs.json", v5_pages)
    lines = write_jsonl(tmp_path / "evaluation-logs.jsonl", (r for page in v5_pages for r in page["records"]))
    for path in (pages, lines):
        export = open_import([path])
        assert rows(export.records()) == v5_api_rows
        assert export.job["formats"][str(path)] == ["humanloop-v5-evaluation-logs"]


def test_v5_legacy_shape_is_read_as_the_adapter_maps_it(tmp_path: Path) -> None:
    legacy = json.loads((FIXTURES / "humanloop" / "v5-evaluation-log-legacy.json").read_text())
    current = json.loads((FIXTURES / "humanloop" / "v5-evaluation-log-rich.json").read_text())
    mixed = write_jsonl(tmp_path / "mixed.jsonl", [legacy, current])
    export = open_import([mixed])
    expected = rows(
        [*humanloop_v5.normalize_legacy_evaluation_log(legacy), *humanloop_v5.normalize_evaluation_log(current)]
    )
    assert rows(export.records()) == expected
    assert any(record.provenance.api_version == "v5-legacy" for record in open_import([mixed]).records())
