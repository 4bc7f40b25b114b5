"""Galileo export records (nested jsonl and flat jsonl_flat) onto common records."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from galileo_client.models import SessionRecord
from tracebridge.galileo import mapping as galileo
from tracebridge.mapping.errors import MappingError, RejectedPart
from tracebridge.mapping.ids import span_id_for
from tracebridge.records import Span

from tests.fixture_files import load_lines
from tests.mapping.fidelity import assert_valid, by_type, missing_leaves

TRACE = "7a7a7a7a-0000-4000-8000-000000000002"
LLM = "11111111-0000-4000-8000-000000000004"


@pytest.fixture(scope="module")
def nested() -> list:
    (session,) = load_lines("galileo/export-nested.jsonl")
    return galileo.normalize_record(session)


@pytest.fixture(scope="module")
def flat() -> list:
    return [r for line in load_lines("galileo/export-flat.jsonl") for r in galileo.normalize_record(line)]


def test_nested_is_lossless_and_valid(nested: list) -> None:
    (session,) = load_lines("galileo/export-nested.jsonl")
    assert_valid(nested)
    assert missing_leaves(session, nested) == []


@pytest.mark.parametrize("index", range(len(load_lines("galileo/export-flat.jsonl"))))
def test_every_flat_line_is_lossless_and_valid(index: int) -> None:
    line = load_lines("galileo/export-flat.jsonl")[index]
    records = galileo.normalize_record(line)
    assert_valid(records)
    assert missing_leaves(line, records) == []


def test_nested_and_flat_build_the_same_tree(nested: list, flat: list) -> None:
    def tree(records: list) -> set:
        return {(s.trace_id, s.span_id, s.parent_span_id) for s in by_type(records, "span")}

    assert tree(nested) <= tree(flat)
    assert len(by_type(nested, "span")) == 7


def test_session_and_trace_root(nested: list) -> None:
    (session,) = by_type(nested, "session")
    assert session.attributes["session.previous_id"] == "5e55e55e-0000-4000-8000-000000000000"
    spans = {s.provenance.source_id: s for s in by_type(nested, "span")}
    trace = spans[TRACE]
    assert trace.trace_id == TRACE.replace("-", "") and trace.parent_span_id is None
    assert trace.attributes["user.id"] == "u_9" and trace.attributes["tracebridge.tags"] == ["prod", "beta"]
    assert all(s.attributes["session.id"] == session.session_id for s in spans.values())
    assert spans[LLM].parent_span_id == span_id_for("galileo", "a9e11111-0000-4000-8000-000000000003")


def test_llm_span_usage_timing_and_messages(nested: list) -> None:
    llm = next(s for s in by_type(nested, "span") if s.provenance.source_id == LLM)
    a = llm.attributes
    assert (a["gen_ai.usage.input_tokens"], a["gen_ai.usage.output_tokens"]) == (40, 8)
    assert a["gen_ai.response.time_to_first_chunk"] == pytest.approx(0.12)
    assert llm.end_time_unix_nano - llm.start_time_unix_nano == 900_000 and llm.timing_derived
    file_part = a["gen_ai.input.messages"][1]["parts"][1]
    assert file_part["type"] == "file" and file_part["modality"] == "image" and file_part["mime_type"] == "image/png"
    assert a["gen_ai.input.messages"][2]["parts"][0]["arguments"] == {"q": "cats"}
    assert a["gen_ai.output.messages"][0]["finish_reason"] == "stop"


def test_scorer_metrics_are_evaluations_with_status(nested: list) -> None:
    evaluations = [e for e in by_type(nested, "evaluation") if e.provenance.parent_id == LLM]
    by_key = {e.attributes.get("tracebridge.evaluation.metric_key"): e for e in evaluations}
    # every non-usage metric, whatever its name, and none of the usage ones
    assert set(by_key) - {None} == {
        "3fa85f64-5717-4562-b3fc-2c963f66afa6",
        "toxicity",
        "future_metric",
        "instruction_adherence",
        "context_relevance",
        "chunk_util",
        "ground_truth",
        "new_status",
    }
    uuid_metric = by_key["3fa85f64-5717-4562-b3fc-2c963f66afa6"]
    assert uuid_metric.name == "correctness" and uuid_metric.attributes["gen_ai.evaluation.score.value"] == 0.91
    assert by_key["toxicity"].extra == {"metrics_value": 0.02}  # two differing values: both kept
    assert by_key["instruction_adherence"].status == "pending"
    assert by_key["context_relevance"].status == "failed"
    assert by_key["context_relevance"].attributes["error.type"] == "failed"
    assert by_key["chunk_util"].attributes["tracebridge.evaluation.error"] == "boom"
    assert by_key["new_status"].status == "teleported"


def test_feedback_and_annotations(nested: list) -> None:
    evaluations = {(e.provenance.record_type, e.name): e for e in by_type(nested, "evaluation")}
    assert evaluations[("feedback_rating", "thumbs")].attributes["gen_ai.evaluation.score.label"] == "false"
    assert evaluations[("feedback_rating", "labels")].attributes["tracebridge.evaluation.labels"] == ["short", "clear"]
    notes = evaluations[("feedback_rating", "notes")]
    assert notes.attributes["gen_ai.evaluation.explanation"] == "Good answer overall"
    annotation = evaluations[("annotation", "tmpl_quality")]
    assert annotation.attributes["tracebridge.evaluation.annotator_kind"] == "HUMAN"


def test_dataset_row_and_control_span(nested: list) -> None:
    (example,) = by_type(nested, "dataset_example")
    assert example.example_id == TRACE and example.expected_output == "Cats are great."
    control = next(s for s in by_type(nested, "span") if s.name == "pii-guard")
    assert control.status_code == "ERROR" and control.attributes["tracebridge.control.check_stage"] == "pre"
    assert control.attributes["tracebridge.control.result"]["action"] == "observe"


def test_generated_models_give_the_same_records() -> None:
    (line,) = load_lines("galileo/export-nested.jsonl")
    parsed = SessionRecord.from_dict(line)
    records = galileo.normalize_record(parsed)
    assert_valid(records)
    assert missing_leaves(parsed.to_dict(), records) == []


def test_record_without_id_is_a_mapping_error() -> None:
    with pytest.raises(MappingError) as info:
        galileo.normalize_record({"type": "trace", "spans": []})
    assert info.value.field_path == "$.id"


def test_a_nested_child_without_id_is_rejected_alone_with_its_path() -> None:
    # Galileo's own get-trace example nests an empty span: the trace and its other spans are kept, and linked.
    good = {"type": "llm", "id": "s2", "input": "q", "output": "a"}
    out = galileo.normalize_record({"id": "t", "type": "trace", "spans": [{"type": "llm"}, good, {}]})
    parts = [item for item in out if isinstance(item, RejectedPart)]
    assert [(p.field_path, p.raw) for p in parts] == [("$.spans[0].id", {"type": "llm"}), ("$.spans[2].id", {})]
    spans = {r.provenance.source_id: r for r in out if isinstance(r, Span)}
    assert set(spans) == {"t", "s2"} and spans["s2"].parent_span_id == spans["t"].span_id


def test_fixture_files_exist() -> None:
    assert Path(__file__).resolve().parents[1].joinpath("fixtures/galileo/export-flat.jsonl").exists()


def _deep_trace(depth: int) -> dict:
    """A trace whose spans nest ``depth`` levels (agent > workflow > agent ...), an LLM call at the bottom."""
    leaf: dict = {"type": "llm", "id": f"00000000-0000-4000-8000-{depth:012d}", "input": "q", "output": "a"}
    node = leaf
    for level in range(depth - 1, 0, -1):
        node = {
            "type": "agent" if level % 2 else "workflow",
            "id": f"00000000-0000-4000-8000-{level:012d}",
            "name": f"step {level}",
            "x_unknown": {"level": level, "deeper": {"still": [level]}},
            "spans": [node],
        }
    return {"type": "trace", "id": TRACE, "spans": [node]}


def test_deep_nesting_keeps_every_link() -> None:
    source = _deep_trace(60)
    records = galileo.normalize_record(source)
    assert_valid(records)
    assert missing_leaves(source, records) == []
    spans = by_type(records, "span")
    assert len(spans) == 61 and {s.trace_id for s in spans} == {TRACE.replace("-", "")}
    # nested children carry no parent_id of their own: the link comes from where they were found
    for parent, child in itertools.pairwise(spans):
        assert child.parent_span_id == parent.span_id


def test_evaluations_and_examples_carry_the_source_trace_and_session(nested: list) -> None:
    (session,) = by_type(nested, "session")
    judged = [r for r in nested if r.record_type in ("evaluation", "dataset_example") and r.provenance.parent_id == LLM]
    assert judged
    for record in judged:
        assert record.provenance.trace_id == TRACE and record.provenance.session_id == session.session_id


def test_count_metrics_stay_on_the_record_they_count() -> None:
    # A session's `num_traces` metric counts its traces: an attribute of the session, never a scorer's judgment.
    (line,) = load_lines("galileo/export-nested.jsonl")
    session = {**line, "traces": [], "metrics": {"num_traces": 3, "num_spans": 7, "num_llm_calls": 2}}
    records = galileo.normalize_record(session)
    assert by_type(records, "evaluation") == []
    (mapped,) = by_type(records, "session")
    assert {k: v for k, v in mapped.attributes.items() if k.startswith("tracebridge.metrics.")} == {
        "tracebridge.metrics.num_traces": 3,
        "tracebridge.metrics.num_spans": 7,
        "tracebridge.metrics.num_llm_calls": 2,
    }
