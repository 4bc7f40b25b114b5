"""Every record shape of the specs, with every field set at once (and with every optional field null), maps losslessly.

Each union member is built (a v5 Log of each kind, each Galileo record type, each metric status...), with unknown
enum values and an unknown field on every object in the ``drifted`` variant. Galileo records are checked both nested
(``jsonl``) and as the one-node-per-line ``jsonl_flat`` lines the same tree gives.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from tracebridge.galileo import mapping as galileo
from tracebridge.galileo.mapping import OPERATIONS
from tracebridge.humanloop import v4 as humanloop_v4
from tracebridge.humanloop import v5 as humanloop_v5
from tracebridge.mapping.errors import MappingError

from tests.mapping.fidelity import assert_valid, missing_leaves
from tests.mapping.spec_instances import GALILEO_SPEC, HUMANLOOP_SPEC, galileo_flat_lines, instances

Normalize = Callable[[Any], list[Any]]

CASES: list[tuple[dict[str, Any], str, Normalize]] = [
    (HUMANLOOP_SPEC, "V4LogResponse", humanloop_v4.normalize_log),
    (HUMANLOOP_SPEC, "V4EvaluationDatapointSnapshotResponse", humanloop_v4.normalize_datapoint_snapshot),
    (HUMANLOOP_SPEC, "V5EvaluationLogResponse", humanloop_v5.normalize_evaluation_log),
    (HUMANLOOP_SPEC, "V5LegacyEvaluationLogResponse", humanloop_v5.normalize_legacy_evaluation_log),
    (HUMANLOOP_SPEC, "V5EvaluationRunResponse", humanloop_v5.normalize_evaluation_run),
    (HUMANLOOP_SPEC, "V5LogResponse", humanloop_v5.normalize_log),
    (GALILEO_SPEC, "ExportRecord", galileo.normalize_record),
]

PARAMS = [
    pytest.param(instance, normalize, id=case_id)
    for spec, schema, normalize in CASES
    for case_id, instance in instances(spec, schema)
]


def _at(source: Any, path: str) -> Any:
    """The value at an error's field path (``log.id``, ``$.spans[0].id``, ``evaluator_logs[1].id``)."""
    value = source
    for step in re.findall(r"[^.\[\]$]+|\[\d+\]", path):
        if step.startswith("["):
            value = value[int(step[1:-1])]
            continue
        value = value.get(step) if isinstance(value, dict) else None
    return value


def _check(source: Any, normalize: Normalize) -> list[Any]:
    try:
        records = normalize(source)
    except MappingError as exc:
        # Only a record truly without the id a common record needs is rejected, and the error points at it.
        assert exc.field_path.endswith("id") and _at(source, exc.field_path) is None, exc
        return []
    assert records
    assert_valid(records)
    assert missing_leaves(source, records) == []
    return records


@pytest.mark.parametrize(("source", "normalize"), PARAMS)
def test_every_shape_maps_losslessly(source: Any, normalize: Normalize) -> None:
    _check(source, normalize)


GALILEO_RECORDS = instances(GALILEO_SPEC, "ExportRecord")


@pytest.mark.parametrize("source", [p[1] for p in GALILEO_RECORDS], ids=[p[0] for p in GALILEO_RECORDS])
def test_every_galileo_shape_maps_losslessly_as_flat_lines(source: Any) -> None:
    for line in galileo_flat_lines(source):
        _check(line, galileo.normalize_record)


def test_every_v5_log_kind_is_built_and_mapped() -> None:
    kinds = {
        records[0].provenance.record_type
        for _, source in instances(HUMANLOOP_SPEC, "V5LogResponse")
        for records in [_check(source, humanloop_v5.normalize_log)]
        if records
    }
    assert kinds == {"prompt_log", "tool_log", "flow_log", "agent_log", "evaluator_log", "unknown_log"}


def test_every_galileo_record_type_is_built_and_mapped() -> None:
    kinds = {
        record.provenance.record_type
        for _, source in GALILEO_RECORDS
        for line in galileo_flat_lines(source)
        for record in _check(line, galileo.normalize_record)
    }
    expected_nodes = {"session", "trace", "stub_trace"} | {
        f"{t}_span" for t in ("llm", "tool", "retriever", "workflow", "agent", "control")
    }
    assert expected_nodes <= kinds
    # a record of a type no spec knows still becomes a span, its type kept
    assert any(k.endswith("_span") and k.removesuffix("_span") not in OPERATIONS for k in kinds)
    # every metric status, feedback rating and annotation becomes an evaluation too
    assert {"scorer_metric", "feedback_rating", "annotation", "dataset_row"} <= kinds
