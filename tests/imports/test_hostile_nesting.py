"""JSON nested absurdly deep is one reject, never a crash: the records around it are still read (issue #17)."""

from __future__ import annotations

import inspect
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from tracebridge.imports import open_import
from tracebridge.json_codec import MAX_DEPTH, NestingError, loads

from tests.imports.vendor_data import rows

FIXTURES = Path(__file__).parents[1] / "fixtures"
LOG = json.loads((FIXTURES / "humanloop" / "v4-log-rich.json").read_text())
DEEP = 100_000


def _log(number: int) -> dict[str, Any]:
    return dict(LOG, id=f"data_{number}")


def _nested_log(log_id: str, levels: int) -> str:
    """A v4 log whose metadata holds ``levels`` nested arrays, as text: the line is ``levels + 2`` levels deep."""
    text = json.dumps(dict(LOG, id=log_id, metadata={"nested": "HERE"}))
    return text.replace('"HERE"', "[" * levels + "]" * levels)


@pytest.mark.parametrize("deep_line", [1, 7, 40])
def test_a_line_nested_100000_deep_is_one_reject_and_the_other_39_are_read(tmp_path: Path, deep_line: int) -> None:
    good = [json.dumps(_log(n)) for n in range(38)]
    good.append(_nested_log("data_at_the_limit", MAX_DEPTH - 2))  # exactly MAX_DEPTH deep: still read
    lines = [*good]
    lines.insert(deep_line - 1, _nested_log("data_deep", DEEP))
    path = tmp_path / "logs.jsonl"
    path.write_text("\n".join(lines) + "\n")
    without = tmp_path / "good.jsonl"
    without.write_text("\n".join(good) + "\n")

    export = open_import([path])
    got = rows(export.records())

    assert (export.report.fetched, export.report.unique, export.report.rejected) == (40, 39, 1)
    assert got == rows(open_import([without]).records())
    (reject,) = export.rejects
    assert reject.source == f"{path}:{deep_line}"
    assert reject.reason.startswith(f"nested deeper than {MAX_DEPTH} levels ({DEEP + 2} levels)")
    assert reject.raw == lines[deep_line - 1]  # kept whole, as read


def test_a_record_nested_100000_deep_in_a_page_document_is_one_reject(tmp_path: Path) -> None:
    records = [json.dumps(_log(1), indent=2), _nested_log("data_deep", DEEP), json.dumps(_log(3), indent=2)]
    text = '{\n  "records": [\n' + ",\n".join(records) + '\n  ],\n  "page": 0,\n  "size": 3,\n  "total": 3\n}\n'
    path = tmp_path / "page.json"
    path.write_text(text)

    export = open_import([path])
    got = rows(export.records())

    assert got == rows(open_import([_page_of(tmp_path, [_log(1), _log(3)])]).records())
    (reject,) = export.rejects
    deep_line = text[: text.index('"data_deep"')].count("\n") + 1
    assert reject.source == f"{path}:{deep_line} record 1"
    assert reject.reason.startswith(f"nested deeper than {MAX_DEPTH} levels")
    # The page's total still counts: two records read and one rejected are all three it promised.
    assert (export.report.expected, export.report.unique, export.report.rejected) == (3, 2, 1)
    assert export.report.complete


def _page_of(tmp_path: Path, records: list[dict[str, Any]]) -> Path:
    path = tmp_path / "good-page.json"
    path.write_text(json.dumps({"records": records, "page": 0, "size": 3, "total": len(records)}, indent=2))
    return path


@pytest.mark.parametrize("as_bytes", [False, True])
def test_decoding_refuses_nesting_past_the_limit_as_a_value_error(as_bytes: bool) -> None:
    def text(levels: int) -> str | bytes:
        document = '{"a": ' + "[" * (levels - 1) + '"]{\\\\\\"["' + "]" * (levels - 1) + "}"
        return document.encode() if as_bytes else document

    assert loads(text(MAX_DEPTH)) is not None  # brackets inside strings do not count
    with pytest.raises(NestingError, match=f"nested deeper than {MAX_DEPTH} levels \\({MAX_DEPTH + 1} levels\\)"):
        loads(text(MAX_DEPTH + 1))
    with pytest.raises(ValueError, match="nested deeper"):
        loads(text(DEEP))


def test_decoding_near_the_stack_limit_is_refused_not_crashed() -> None:
    # Within the limit, but decoded from a stack already nearly as deep as the interpreter allows.
    def descend(levels: int) -> object:
        return descend(levels - 1) if levels else loads("[" * 300 + "]" * 300)

    with pytest.raises(NestingError):
        descend(sys.getrecursionlimit() - len(inspect.stack(0)) - 100)  # 100 frames left, 300 levels to decode
