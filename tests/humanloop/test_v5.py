"""Humanloop v5 evaluation logs (current and legacy), bare logs and runs onto common records."""

from __future__ import annotations

import itertools

import humanloop_client.models as hl
import pytest
from tracebridge.humanloop import v5 as humanloop_v5
from tracebridge.mapping.errors import MappingError
from tracebridge.mapping.ids import span_id_for, trace_id_for

from tests.fixture_files import FIXTURES, load
from tests.generated.spec_instances import InstanceBuilder, load_spec
from tests.mapping.fidelity import assert_valid, by_type, missing_leaves

SPEC = load_spec(FIXTURES.parents[1] / "specs" / "humanloop.yaml")


@pytest.fixture(scope="module")
def rich() -> list:
    return humanloop_v5.normalize_evaluation_log(load("humanloop/v5-evaluation-log-rich.json"))


def _span(records: list, source_id: str):
    return next(r for r in by_type(records, "span") if r.provenance.source_id == source_id)


def _evaluation(records: list, source_id: str):
    return next(r for r in by_type(records, "evaluation") if r.provenance.source_id == source_id)


def test_rich_record_is_lossless_and_valid(rich: list) -> None:
    source = load("humanloop/v5-evaluation-log-rich.json")
    assert_valid(rich)
    assert missing_leaves(source, rich) == []
    assert [r.record_type for r in rich].count("span") == 4


def test_trace_tree_is_rebuilt_from_trace_children(rich: list) -> None:
    flow, prompt, tool, agent = (_span(rich, i) for i in ("log_flow1", "log_prompt1", "log_tool1", "log_agent1"))
    assert {s.trace_id for s in (flow, prompt, tool, agent)} == {trace_id_for("humanloop", "log_flow1")}
    assert flow.parent_span_id is None
    assert prompt.parent_span_id == flow.span_id
    assert tool.parent_span_id == agent.parent_span_id == prompt.span_id
    assert flow.attributes["gen_ai.operation.name"] == "invoke_workflow"
    assert tool.attributes["gen_ai.operation.name"] == "execute_tool"
    assert agent.attributes["gen_ai.operation.name"] == "invoke_agent"
    assert agent.attributes["gen_ai.provider.name"] == "azure.ai.openai"
    assert agent.attributes["tracebridge.provider.source_name"] == "openai_azure"
    assert agent.status_code == "ERROR" and agent.status_message.startswith("RateLimitError")


def test_prompt_log_maps_onto_gen_ai_names(rich: list) -> None:
    span = _span(rich, "log_prompt1")
    a = span.attributes
    assert span.name == "chat claude-3-7-sonnet" and span.kind == "CLIENT"
    assert a["gen_ai.provider.name"] == "anthropic"
    assert a["gen_ai.request.temperature"] == 0.2 and a["gen_ai.request.stop_sequences"] == ["\n\n"]
    assert a["gen_ai.response.model"] == "claude-3-7-sonnet-20250219" and a["gen_ai.response.id"] == "msg_01"
    assert a["gen_ai.usage.input_tokens"] == 120 and a["gen_ai.usage.reasoning.output_tokens"] == 30
    assert a["tracebridge.cost.total_usd"] == pytest.approx(0.00054)
    # created_at + provider_latency, flagged as derived
    assert span.end_time_unix_nano - span.start_time_unix_nano == 1_500_000_000 and span.timing_derived
    user = a["gen_ai.input.messages"][1]["parts"]
    assert user[1] == {"type": "uri", "modality": "image", "uri": "https://example.com/cat.png", "detail": "high"}
    assert user[2]["type"] == "blob" and user[2]["mime_type"] == "image/png" and user[2]["content"] == "iVBORw0KGgo="
    assert user[3]["type"] == "input_audio"  # unknown part kept whole
    calls = a["gen_ai.input.messages"][2]["parts"]
    assert calls[0]["arguments"] == {"a": 2, "b": 2} and calls[1]["arguments"] == "{not json"
    assert a["gen_ai.input.messages"][3]["parts"][0] == {"type": "tool_call_response", "id": "call_1", "response": "4"}
    output = a["gen_ai.output.messages"][0]
    assert output["finish_reason"] == "end_turn"
    assert [p["type"] for p in output["parts"]] == ["reasoning", "redacted_thinking", "text"]


def test_flow_log_measured_timing_is_not_derived(rich: list) -> None:
    flow = _span(rich, "log_flow1")
    assert not flow.timing_derived
    assert flow.end_time_unix_nano - flow.start_time_unix_nano == 5_250_000_000


@pytest.mark.parametrize(
    ("source_id", "expected"),
    [
        ("log_eval_bool", {"gen_ai.evaluation.score.value": 1.0, "gen_ai.evaluation.score.label": "true"}),
        ("log_eval_num", {"gen_ai.evaluation.score.value": 0.75}),
        ("log_eval_select", {"gen_ai.evaluation.score.label": "good"}),
        ("log_eval_multi", {"tracebridge.evaluation.labels": ["concise", "polite"]}),
        ("log_eval_nested", {"gen_ai.evaluation.explanation": "Looks right to me"}),
        ("log_eval_err", {"tracebridge.evaluation.error": "Evaluator crashed: ZeroDivisionError"}),
        ("log_eval_future", {"tracebridge.evaluation.value": {"custom": "shape"}}),
    ],
)
def test_judgments_by_return_type(rich: list, source_id: str, expected: dict) -> None:
    evaluation = _evaluation(rich, source_id)
    assert expected.items() <= evaluation.attributes.items()
    assert evaluation.span_id == span_id_for("humanloop", "log_flow1")
    assert evaluation.trace_id == trace_id_for("humanloop", "log_flow1")
    assert evaluation.experiment_id == "run_rich1"


def test_evaluator_error_is_kept(rich: list) -> None:
    evaluation = _evaluation(rich, "log_eval_err")
    assert evaluation.status == "error" and evaluation.attributes["error.type"] == "_OTHER"


def test_dataset_example_and_experiment_item(rich: list) -> None:
    (example,) = by_type(rich, "dataset_example")
    assert example.example_id == "dp_1" and example.expected_output == {"answer": 4, "tolerance": 0.1}
    assert example.input["messages"][0]["parts"][0]["content"] == "What is 2+2?"
    (item,) = by_type(rich, "experiment_item")
    assert (item.experiment_id, item.example_id) == ("run_rich1", "dp_1")
    assert item.span_id == _span(rich, "log_flow1").span_id
    assert item.extra == {"x_unknown_envelope": {"kept": [1, 2]}}


def test_legacy_shape() -> None:
    source = load("humanloop/v5-evaluation-log-legacy.json")
    records = humanloop_v5.normalize_evaluation_log(source)
    assert_valid(records)
    assert missing_leaves(source, records) == []
    span = by_type(records, "span")[0]
    assert span.provenance.api_version == "v5-legacy"
    assert span.attributes["gen_ai.operation.name"] == "text_completion"
    (item,) = by_type(records, "experiment_item")
    assert item.experiment_id == "prv_9"
    assert item.attributes["tracebridge.experiment.subject.version_name"] == "baseline"
    assert by_type(records, "evaluation")[0].attributes["gen_ai.evaluation.score.label"] == "false"


def test_run_becomes_an_experiment() -> None:
    source = load("humanloop/v5-evaluation-run-rich.json")
    records = humanloop_v5.normalize_evaluation_run(source, evaluation_id="evr_1")
    assert_valid(records)
    assert missing_leaves(source, records) == []
    experiment = records[0]
    assert experiment.experiment_id == "run_rich1" and experiment.evaluation_id == "evr_1"
    assert (experiment.status, experiment.is_control) == ("completed", False)
    assert experiment.subject["type"] == "flow" and experiment.dataset_version_id == "dsv_1"
    assert [r.example_id for r in by_type(records, "dataset_example")] == ["dp_1", "dp_2"]


@pytest.mark.parametrize(
    ("fixture", "normalize", "model"),
    [
        (
            "humanloop-v5-evaluations-logs.response.json",
            humanloop_v5.normalize_evaluation_log,
            hl.V5EvaluationLogResponse,
        ),
        ("humanloop-v5-evaluations-add-logs.response.json", humanloop_v5.normalize_evaluation_run, None),
    ],
)
def test_documentation_examples(fixture: str, normalize, model) -> None:
    page = load(f"docs/{fixture}")
    for source in page.get("records", [page]):
        records = normalize(source)
        assert_valid(records)
        assert missing_leaves(source, records) == []
        if model is not None:
            parsed = model.from_dict(source)
            from_model = normalize(parsed)
            assert_valid(from_model)
            assert missing_leaves(parsed.to_dict(), from_model) == []


@pytest.mark.parametrize("variant", ["nulls", "drifted"])
@pytest.mark.parametrize(
    ("schema", "normalize"),
    [
        ("V5EvaluationLogResponse", humanloop_v5.normalize_evaluation_log),
        ("V5LegacyEvaluationLogResponse", humanloop_v5.normalize_legacy_evaluation_log),
        ("V5EvaluationRunResponse", humanloop_v5.normalize_evaluation_run),
    ],
)
def test_every_field_set_nulls_and_drift(variant: str, schema: str, normalize) -> None:
    source = InstanceBuilder(SPEC, variant=variant).build(schema)
    records = normalize(source)
    assert_valid(records)
    assert missing_leaves(source, records) == []


def test_log_without_id_is_a_mapping_error() -> None:
    with pytest.raises(MappingError) as info:
        humanloop_v5.normalize_evaluation_log({"run_id": "run_1", "log": {"prompt": {}}})
    assert info.value.field_path == "log.id"


def test_unknown_log_kind_still_becomes_a_span() -> None:
    records = humanloop_v5.normalize_log({"id": "log_x", "hologram": {"path": "x"}, "output": "o"})
    assert_valid(records)
    assert records[0].provenance.record_type == "unknown_log"
    assert records[0].extra == {"hologram": {"path": "x"}}


def test_same_input_same_ids() -> None:
    source = load("humanloop/v5-evaluation-log-rich.json")
    first = humanloop_v5.normalize_evaluation_log(source)
    assert first == humanloop_v5.normalize_evaluation_log(source)


def test_deep_trace_children_keep_every_link() -> None:
    """A Flow whose trace nests 60 levels (flow > agent > tool > ...), unknown fields on every level."""
    kinds = ("agent", "tool", "prompt")
    node: dict = {"id": "log_d60", "prompt": {"path": "p", "model": "m"}, "output": "leaf"}
    for level in range(59, 0, -1):
        kind = "flow" if level == 1 else kinds[level % 3]
        node = {
            "id": f"log_d{level}",
            kind: {"path": f"{kind}/{level}", "x_unknown_version_field": level},
            "x_unknown": {"level": level, "deeper": [{"still": level}]},
            "trace_children": [node],
        }
    source = {"run_id": "run_deep", "log": node, "datapoint": None, "evaluator_logs": []}
    records = humanloop_v5.normalize_evaluation_log(source)
    assert_valid(records)
    assert missing_leaves(source, records) == []
    spans = by_type(records, "span")
    assert len(spans) == 60 and {s.trace_id for s in spans} == {trace_id_for("humanloop", "log_d1")}
    assert spans[0].parent_span_id is None
    for parent, child in itertools.pairwise(spans):
        assert child.parent_span_id == parent.span_id


def test_every_evaluation_of_a_span_names_its_trace() -> None:
    # Evaluator Logs name only the Log they judge; when that Log is a trace child, its trace comes from the tree.
    source = load("humanloop/v5-evaluation-log-rich.json")
    first, second, *rest = source["evaluator_logs"]
    source["evaluator_logs"] = [{**first, "parent_id": "log_prompt1"}, {**second, "parent_id": first["id"]}, *rest]
    records = humanloop_v5.normalize_evaluation_log(source)
    of_child, of_evaluation = _evaluation(records, first["id"]), _evaluation(records, second["id"])
    flow_trace = trace_id_for("humanloop", "log_flow1")
    assert (of_child.target_type, of_child.span_id, of_child.trace_id) == (
        "span",
        span_id_for("humanloop", "log_prompt1"),
        flow_trace,
    )
    # An evaluation of an evaluation judges no span: it names the evaluation, in the judged span's trace.
    assert (of_evaluation.target_type, of_evaluation.span_id, of_evaluation.trace_id) == (
        "evaluation",
        None,
        flow_trace,
    )
    assert of_evaluation.attributes["tracebridge.evaluation.judged_evaluation_id"] == first["id"]
    assert all(e.trace_id == flow_trace for e in by_type(records, "evaluation"))


def test_a_bare_evaluator_log_takes_the_trace_of_the_log_it_embeds() -> None:
    source = load("humanloop/v5-evaluation-log-rich.json")
    judged = {**source["log"], "trace_children": []}
    evaluator_log = {**source["evaluator_logs"][0], "log_type": "evaluator", "parent": judged}
    records = humanloop_v5.normalize_log(evaluator_log)
    evaluation = _evaluation(records, evaluator_log["id"])
    assert evaluation.span_id == _span(records, "log_flow1").span_id
    assert evaluation.trace_id == _span(records, "log_flow1").trace_id == trace_id_for("humanloop", "log_flow1")
