"""The shapes the vendors published (their docs' examples, their SDKs' test payloads), reproduced with our own values
in ``tests/fixtures/published-shapes/`` (SOURCES.md says where each was published): each imports with its format
detected, nothing rejected but what cannot be a record, and every string of the file in the output."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from tracebridge.imports import open_import

from tests.fixture_files import FIXTURES
from tests.mapping.fidelity import missing_leaves

SHAPES = FIXTURES / "published-shapes"
FILES = sorted(p for p in SHAPES.rglob("*") if p.is_file() and p.suffix != ".md")
REJECTED_ALONE = {"get-trace-empty-span.json": ["$.spans[0].id"]}
"""Parts no record can be made of (an empty object where a span should be): rejected with their path, alone."""


def _content(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in text.splitlines()]
    if path.suffix == ".csv":
        return list(csv.DictReader(text.splitlines()))
    return json.loads(text)


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(SHAPES)) for p in FILES])
def test_a_published_shape_imports_whole(path: Path) -> None:
    export = open_import([path])
    records = list(export.records())
    assert [reject.field for reject in export.rejects] == REJECTED_ALONE.get(path.name, [])
    assert records and export.report.complete
    content = _content(path)
    if isinstance(content, dict) and isinstance(content.get("records"), list):
        content = content["records"]  # a page's own numbers (page, size, total) are not data
    assert missing_leaves(content, records) == []
