"""Records drawn from the vendors' own schemas, written to files and imported as a user would: detected, none
rejected, nothing lost.

The schemas are the vendors' (copied from the published specs into ``tests/fixtures/reference/``, see its README):
Galileo's ``Extended*Record`` shapes from its export API, Humanloop v4's ``PaginatedData_*`` pages. The v5 shapes
come from ``specs/humanloop.yaml``, written from the final v5 SDK's models (the v5 API published no schema for them).
Anything a schema makes optional may be absent, unknown fields appear at any level, and every free-text value is
unique, so a value the import dropped cannot be found elsewhere by chance.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tracebridge.imports import open_import

from tests.mapping.fidelity import assert_valid, missing_leaves
from tests.mapping.spec_strategies import SpecStrategies, load_schemas
from tests.yaml_text import safe_load

REFERENCE = Path(__file__).resolve().parents[1] / "fixtures" / "reference"
GALILEO = SpecStrategies(
    safe_load((REFERENCE / "galileo-export-subset.yaml").read_text(encoding="utf-8"))["components"]["schemas"],
    max_depth=4,
)
HUMANLOOP_V4 = SpecStrategies(
    json.loads((REFERENCE / "humanloop-openapi-v4.0.1.json").read_text(encoding="utf-8"))["components"]["schemas"],
    max_depth=5,
)
HUMANLOOP_V5 = SpecStrategies(load_schemas("humanloop.yaml"), max_depth=5)

GALILEO_RECORDS = sorted(
    name for name in GALILEO.schemas if name.startswith("Extended") and name.endswith(("Record", "RecordWithChildren"))
)
SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)


def _import(path: Path, records: list[Any]) -> None:
    export = open_import([path])
    imported = list(export.records())
    assert not export.rejects, [r.reason for r in export.rejects]
    assert export.report.unique == len(records)
    assert_valid(imported)
    assert missing_leaves(records, imported) == []


@pytest.mark.parametrize("schema", GALILEO_RECORDS)
@SETTINGS
@given(data=st.data())
def test_galileo_export_records(schema: str, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory) -> None:
    records = data.draw(st.lists(GALILEO.for_schema(schema), min_size=1, max_size=3, unique_by=lambda r: r["id"]))
    path = tmp_path_factory.mktemp("galileo") / "export.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    _import(path, records)


@pytest.mark.parametrize("schema", ["PaginatedData_LogResponse_", "PaginatedData_EvaluationDatapointSnapshotResponse_"])
@SETTINGS
@given(data=st.data())
def test_humanloop_v4_pages(schema: str, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory) -> None:
    page = data.draw(HUMANLOOP_V4.for_schema(schema))
    records = page["records"]
    if not records or len({json.dumps(r.get("id") or r.get("datapoint"), sort_keys=True) for r in records}) != len(
        records
    ):
        return  # an empty page, or two records of one id (a repeat, rightly dropped): nothing to check here
    page["total"] = len(records)
    path = tmp_path_factory.mktemp("v4") / "page.json"
    path.write_text(json.dumps(page), encoding="utf-8")
    _import(path, records)


def _vendor_valid(schema: str, record: dict[str, Any]) -> bool:
    """What the v5 SDK's models require and ``specs/humanloop.yaml`` leaves optional (to parse what it can): every
    Log has an id; a run has its dataset and version."""
    if schema == "V5EvaluationRunResponse":
        return isinstance(record.get("dataset"), dict) and isinstance(record.get("version"), dict)
    logs = [record.get("log"), *(record.get("evaluator_logs") or [])]
    while logs:
        log = logs.pop()
        if not isinstance(log, dict) or not isinstance(log.get("id"), str):
            return False
        logs += [*(log.get("trace_children") or []), *(log.get("evaluator_logs") or [])]
        logs += [log["parent"]] if isinstance(log.get("parent"), dict) else []
    return True


@pytest.mark.parametrize("schema", ["V5EvaluationLogResponse", "V5EvaluationRunResponse"])
@SETTINGS
@given(data=st.data())
def test_humanloop_v5_records(schema: str, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory) -> None:
    record = data.draw(HUMANLOOP_V5.for_schema(schema).filter(lambda r: _vendor_valid(schema, r)))
    path = tmp_path_factory.mktemp("v5") / "records.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    _import(path, [record])
