"""Humanloop v4 export logs and evaluation datapoint snapshots onto common records."""

from __future__ import annotations

import humanloop_client.models as hl
import pytest
from tracebridge.humanloop import v4 as humanloop_v4
from tracebridge.mapping.errors import MappingError
from tracebridge.mapping.ids import span_id_for, trace_id_for

from tests.fixture_files import FIXTURES, load
from tests.generated.spec_instances import InstanceBuilder, load_spec
from tests.mapping.fidelity import assert_valid, by_type, missing_leaves

SPEC = load_spec(FIXTURES.parents[1] / "specs" / "humanloop.yaml")


@pytest.fixture(scope="module")
def rich() -> list:
    return humanloop_v4.normalize_log(load("humanloop/v4-log-rich.json"))


def test_rich_log_is_lossless_and_valid(rich: list) -> None:
    assert_valid(rich)
    assert missing_leaves(load("humanloop/v4-log-rich.json"), rich) == []


def test_span_session_and_parent_links(rich: list) -> None:
    span = rich[0]
    assert span.trace_id == trace_id_for("humanloop", "sess_1")
    assert span.parent_span_id == span_id_for("humanloop", "data_0")
    assert span.attributes["session.id"] == span.attributes["gen_ai.conversation.id"] == "sess_1"
    (session,) = by_type(rich, "session")
    assert session.session_id == "sess_1"
    assert session.attributes["tracebridge.session.reference_id"] == "my-session-1"


def test_model_config_and_usage(rich: list) -> None:
    a = rich[0].attributes
    assert a["gen_ai.provider.name"] == "deepseek" and a["gen_ai.request.model"] == "deepseek-chat"
    assert a["gen_ai.request.stop_sequences"] == ["END"] and "gen_ai.request.max_tokens" not in a
    # Humanloop's -1 means "no limit": not an OTel value, kept under tracebridge.
    assert a["tracebridge.request.max_tokens"] == -1
    assert a["tracebridge.usage.total_tokens"] == 33 and a["gen_ai.response.model"] == "deepseek-chat-v3"
    assert a["gen_ai.response.finish_reasons"] == ["stop"]
    # created_at + duration (v4 has no end time), flagged as derived
    span = rich[0]
    assert span.end_time_unix_nano - span.start_time_unix_nano == 1_250_000_000 and span.timing_derived
    legacy_call = a["gen_ai.input.messages"][2]["parts"][0]
    assert legacy_call["name"] == "get_weather" and legacy_call["arguments"] == {"city": "Paris"}
    assert a["gen_ai.input.messages"][3]["role"] == "developer"


def test_evaluation_results_and_feedback(rich: list) -> None:
    evaluations = {e.evaluation_id: e for e in by_type(rich, "evaluation")}
    helpful = evaluations["evrl_1"]
    assert helpful.name == "Helpfulness" and helpful.experiment_id == "ev_1"
    assert helpful.attributes["gen_ai.evaluation.score.value"] == 1.0
    assert helpful.attributes["tracebridge.evaluation.annotator_kind"] == "LLM"
    assert helpful.span_id == rich[0].span_id and helpful.trace_id == rich[0].trace_id
    assert evaluations["evrl_2"].status == "error"
    assert evaluations["ann_1"].attributes["gen_ai.evaluation.score.label"] == "good"
    assert evaluations["ann_2"].attributes["gen_ai.evaluation.explanation"] == "It is sunny in Paris."
    assert evaluations["ann_3"].attributes["tracebridge.evaluation.labels"] == ["a", "b"]
    assert evaluations["ann_1"].attributes["tracebridge.evaluation.annotator_kind"] == "HUMAN"
    # the judge's own log is a span too
    assert any(s.provenance.source_id == "data_judge_1" for s in by_type(rich, "span"))


@pytest.mark.parametrize("source", load("humanloop/v4-config-kinds.json"), ids=lambda s: s["id"])
def test_every_config_kind(source: dict) -> None:
    records = humanloop_v4.normalize_log(source)
    assert_valid(records)
    assert missing_leaves(source, records) == []


def test_datapoint_snapshot() -> None:
    source = load("humanloop/v4-datapoint-snapshot-rich.json")
    records = humanloop_v4.normalize_datapoint_snapshot(source, evaluation_id="ev_100", evaluatee_id="evv_7")
    assert_valid(records)
    assert missing_leaves(source, records) == []
    (example,) = by_type(records, "dataset_example")
    assert (example.example_id, example.dataset_id) == ("dp_1", "ds_1")
    (item,) = by_type(records, "experiment_item")
    assert (item.experiment_id, item.example_id) == ("evv_7", "dp_1")
    assert item.span_id == span_id_for("humanloop", "data_5")
    tool = by_type(records, "span")[0]
    assert tool.attributes["gen_ai.operation.name"] == "execute_tool"


def test_a_result_listed_both_beside_and_on_the_log_is_written_once() -> None:
    result = {"id": "evr_9", "evaluator_id": "ev_1", "log_id": "data_5", "value": 0.5}
    log = {"id": "data_5", "config": {"type": "model", "model": "gpt-4o"}, "evaluation_results": [dict(result)]}
    source = {"datapoint": {"id": "dp_1"}, "log": log, "evaluation_results": [dict(result)]}
    records = humanloop_v4.normalize_datapoint_snapshot(source, evaluation_id="ev_100")
    assert [r.evaluation_id for r in by_type(records, "evaluation")] == ["evr_9"]


def test_a_result_id_repeated_with_other_content_is_kept_both_times() -> None:
    # Not the same judgment after all: writing one would lose the other's value.
    result = {"id": "evr_9", "evaluator_id": "ev_1", "log_id": "data_5", "value": 0.5}
    log = {"id": "data_5", "config": {"type": "model", "model": "gpt-4o"}, "evaluation_results": [dict(result)]}
    source = {"datapoint": {"id": "dp_1"}, "log": log, "evaluation_results": [{**result, "value": 0.9}]}
    records = humanloop_v4.normalize_datapoint_snapshot(source, evaluation_id="ev_100")
    scores = [r.attributes["gen_ai.evaluation.score.value"] for r in by_type(records, "evaluation")]
    assert scores == [0.5, 0.9]


def test_datapoint_snapshot_without_evaluation_keeps_envelope_on_example() -> None:
    records = humanloop_v4.normalize_datapoint_snapshot({"datapoint": {"id": "dp_2"}, "x": 1})
    assert [r.record_type for r in records] == ["dataset_example"]
    assert records[0].extra == {"datapoint_snapshot": {"x": 1}}


@pytest.mark.parametrize(
    ("fixture", "normalize", "model"),
    [
        ("humanloop-v4-projects-export.response.json", humanloop_v4.normalize_log, hl.V4LogResponse),
        (
            "humanloop-v4-evaluations-datapoints.response.json",
            humanloop_v4.normalize_datapoint_snapshot,
            hl.V4EvaluationDatapointSnapshotResponse,
        ),
    ],
)
def test_documentation_examples(fixture: str, normalize, model) -> None:
    for source in load(f"docs/{fixture}")["records"]:
        records = normalize(source)
        assert_valid(records)
        assert missing_leaves(source, records) == []
        parsed = model.from_dict(source)
        from_model = normalize(parsed)
        assert_valid(from_model)
        assert missing_leaves(parsed.to_dict(), from_model) == []


@pytest.mark.parametrize("variant", ["nulls", "drifted"])
@pytest.mark.parametrize(
    ("schema", "normalize"),
    [
        ("V4LogResponse", humanloop_v4.normalize_log),
        ("V4EvaluationDatapointSnapshotResponse", humanloop_v4.normalize_datapoint_snapshot),
    ],
)
def test_every_field_set_nulls_and_drift(variant: str, schema: str, normalize) -> None:
    source = InstanceBuilder(SPEC, variant=variant).build(schema)
    records = normalize(source)
    assert_valid(records)
    assert missing_leaves(source, records) == []


def test_missing_ids_are_mapping_errors() -> None:
    with pytest.raises(MappingError):
        humanloop_v4.normalize_log({"output": "x"})
    with pytest.raises(MappingError) as info:
        humanloop_v4.normalize_datapoint_snapshot({"datapoint": {"id": "dp"}, "evaluation_results": [{"value": 1}]})
    assert info.value.field_path == "evaluation_results[0].id"
