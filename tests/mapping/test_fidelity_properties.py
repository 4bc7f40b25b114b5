"""The fidelity property: any record the specs allow maps without raising, validates, and loses no leaf value.

Shapes covered: Humanloop v4 export log, v4 evaluation datapoint snapshot, v5 evaluation log (current and the
pre-Nov-2024 legacy shape), v5 run, bare v5 Log of any kind; every Galileo record schema (session, trace, each span
type, stub trace, unknown type), each checked nested (``jsonl``) and as the flat lines of the same tree
(``jsonl_flat``). That the property can fail is shown by making an adapter drop one field: Hypothesis then finds a
record whose leaf is missing within a few examples (free-text leaves are unique per record, see spec_strategies).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import humanloop_client.models as hl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tracebridge.galileo import mapping as galileo
from tracebridge.humanloop import v4 as humanloop_v4
from tracebridge.humanloop import v5 as humanloop_v5
from tracebridge.mapping.errors import MappingError, RejectedPart

from tests.mapping.fidelity import assert_valid, leaves, missing_leaves
from tests.mapping.spec_instances import galileo_flat_lines
from tests.mapping.spec_strategies import SpecStrategies, load_schemas

HUMANLOOP = SpecStrategies(load_schemas("humanloop.yaml"))

CASES: list[tuple[str, Any, Callable[[Any], list[Any]]]] = [
    ("V4LogResponse", hl.V4LogResponse, humanloop_v4.normalize_log),
    (
        "V4EvaluationDatapointSnapshotResponse",
        hl.V4EvaluationDatapointSnapshotResponse,
        humanloop_v4.normalize_datapoint_snapshot,
    ),
    ("V5EvaluationLogResponse", hl.V5EvaluationLogResponse, humanloop_v5.normalize_evaluation_log),
    ("V5LegacyEvaluationLogResponse", hl.V5LegacyEvaluationLogResponse, humanloop_v5.normalize_legacy_evaluation_log),
    ("V5EvaluationRunResponse", hl.V5EvaluationRunResponse, humanloop_v5.normalize_evaluation_run),
    ("V5LogResponse", None, humanloop_v5.normalize_log),
]

PROPERTY_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


def _check(source: Any, normalize: Callable[[Any], list[Any]], leaves_of: dict[str, Any]) -> bool:
    """Normalize, validate, and check no leaf is lost; False when the record was (rightly) rejected."""
    try:
        records = normalize(source)
    except MappingError as exc:
        # Only a record without an id a common record needs may be rejected, and the error says where.
        assert exc.field_path.endswith("id")
        return False
    assert records
    # A nested child that cannot be mapped is rejected alone (with its path), the rest kept: its leaves reach the
    # rejects, not the records.
    parts = [item for item in records if isinstance(item, RejectedPart)]
    records = [item for item in records if not isinstance(item, RejectedPart)]
    assert all(part.field_path.endswith("id") or "[" in part.field_path for part in parts)
    assert_valid(records)
    rejected = [leaf for part in parts for _, leaf in leaves(part.raw)]
    assert [path for path in missing_leaves(leaves_of, records) if _leaf_at(leaves_of, path) not in rejected] == []
    return True


def _leaf_at(value: Any, path: str) -> Any:
    """The leaf of ``value`` at a ``$.a[0].b`` path (as ``missing_leaves`` names them)."""
    for step in re.findall(r"\.([^.\[]+)|\[(\d+)\]", path):
        value = value[step[0]] if step[0] else value[int(step[1])]
    return value


@pytest.mark.parametrize(("schema", "model", "normalize"), CASES, ids=[c[0] for c in CASES])
@PROPERTY_SETTINGS
@given(data=st.data())
def test_humanloop_records_map_losslessly(schema: str, model: Any, normalize: Any, data: st.DataObject) -> None:
    source = data.draw(HUMANLOOP.for_schema(schema))
    mapped = _check(source, normalize, source)
    if model is not None:
        # The same record as a generated model: the adapter reads it through to_dict(), nothing lost either.
        parsed = model.from_dict(source)
        assert _check(parsed, normalize, parsed.to_dict()) == mapped


GALILEO = SpecStrategies(load_schemas("galileo.yaml"), max_depth=4)


def _galileo_record_schemas() -> list[str]:
    schemas = load_schemas("galileo.yaml")
    return sorted(name for name in schemas if name.endswith("Record") or name.endswith("RecordWithChildren"))


@pytest.mark.parametrize("schema", _galileo_record_schemas())
@PROPERTY_SETTINGS
@given(data=st.data())
def test_galileo_records_from_the_spec_map_losslessly(schema: str, data: st.DataObject) -> None:
    source = data.draw(GALILEO.for_schema(schema))
    _check(source, galileo.normalize_record, source)  # nested, as `jsonl` sends it
    for line in galileo_flat_lines(source):  # the same tree as `jsonl_flat` lines
        _check(line, galileo.normalize_record, line)
