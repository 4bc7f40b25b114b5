"""Humanloop v4 onto common records: project export logs and evaluation datapoint snapshots.

A v4 log ("logged datapoint", ids ``data_...``) becomes a span; its ``evaluation_results`` and ``feedback`` become
evaluations of that span, and the session it names becomes a session record. v4 has no trace ids: logs of one session
share one trace (so a session's tree stays together) and ``parent_id`` links a log to its parent span.
"""

from __future__ import annotations

from typing import Any, Final

import attrs

from tracebridge.humanloop.config import model_parameters, operation_for_model
from tracebridge.mapping.error_types import error_type
from tracebridge.mapping.errors import MappingError
from tracebridge.mapping.experiment_items import experiment_item
from tracebridge.mapping.ids import span_id_for, trace_id_for
from tracebridge.mapping.judgments import annotator_kind, judgment_attributes
from tracebridge.mapping.lossless import Fields, as_mapping, put, put_taken
from tracebridge.mapping.messages import text_of, to_otel_message, to_otel_messages
from tracebridge.mapping.timing import seconds_to_nano, span_times, to_unix_nano
from tracebridge.records import DatasetExample, Evaluation, Experiment, Provenance, Record, Session, Span

SYSTEM: Final = "humanloop"
API_VERSION = "v4"

FEEDBACK_TEXT_TYPES = frozenset({"correction", "comment"})
"""Feedback types whose value is free text (an explanation, not a label)."""


_LOG_ATTRIBUTES: Final = (
    ("tracebridge.log.config_id", Fields.take_str, "config_id"),
    ("tracebridge.project.name", Fields.take_str, "project"),
    ("tracebridge.project.id", Fields.take_str, "project_id"),
    ("tracebridge.prompt.variables", Fields.take_dict, "inputs"),
    ("tracebridge.log.source", Fields.take_str, "source"),
    ("tracebridge.metadata", Fields.take_dict, "metadata"),
    ("tracebridge.log.save", Fields.take_bool, "save"),
    ("tracebridge.dataset.example_id", Fields.take_str, "source_datapoint_id"),
    ("tracebridge.log.reference_id", Fields.take_str, "reference_id"),
    ("deployment.environment.name", Fields.take_str, "environment"),
    ("tracebridge.log.stdout", Fields.take_str, "stdout"),
    ("user.id", Fields.take_str, "user"),
    ("tracebridge.log.observability_status", Fields.take_str, "observability_status"),
    ("tracebridge.batches", Fields.take_list, "batch_ids"),
    ("tracebridge.log.tool_results", Fields.take_list, "tools"),
    ("tracebridge.request.tool_choice", Fields.take, "tool_choice"),
)
"""The v4 log fields that map one to one onto an attribute, in the order the attributes are written."""


def _provenance(record_type: str, source_id: str | None, **ids: str | None) -> Provenance:
    return Provenance(system=SYSTEM, api_version=API_VERSION, record_type=record_type, source_id=source_id, **ids)


def _take_time(f: Fields, key: str) -> int | None:
    """A timestamp as UTC ns; an unparseable value is left in extra as written."""
    value = to_unix_nano(f.get(key))
    if value is not None or f.get(key) is None:
        f.drop(key)
    return value


def _config(f: Fields, attributes: dict[str, Any]) -> tuple[str | None, str, str]:
    """Map the log's config by its ``type``; returns operation, span name and span kind."""
    config = f.child("config")
    config_type = config.take_str("type")
    put(attributes, "tracebridge.config.type", config_type)
    put(attributes, "tracebridge.config.id", config.take_str("id"))
    config_name = config.take_str("name")
    put(attributes, "tracebridge.config.name", config_name)
    put(attributes, "tracebridge.config.description", config.take_str("description"))
    put(attributes, "tracebridge.config.status", config.take_str("status"))
    if config_type == "model":
        model_parameters(config, attributes)
        put(attributes, "gen_ai.prompt.name", config_name)
        operation = operation_for_model(attributes)
        model = attributes.get("gen_ai.request.model")
        return operation, f"{operation} {model}" if model else operation, "CLIENT"
    if config_type == "tool":
        put(attributes, "gen_ai.tool.name", config_name)
        put(attributes, "gen_ai.tool.description", attributes.pop("tracebridge.config.description", None))
        put(attributes, "tracebridge.tool.parameters", config.take_dict("parameters"))
        attributes["gen_ai.tool.type"] = "function"
        return "execute_tool", f"execute_tool {config_name}" if config_name else "execute_tool", "INTERNAL"
    if config_type == "agent":
        put(attributes, "gen_ai.agent.name", config_name)
        put(attributes, "gen_ai.agent.id", attributes.get("tracebridge.config.id"))
        put(attributes, "gen_ai.tool.definitions", config.take_list("tools"))
        return "invoke_agent", f"invoke_agent {config_name}" if config_name else "invoke_agent", "INTERNAL"
    if config_type == "evaluator":
        put(attributes, "tracebridge.evaluation.evaluator_type", config.take_str("evaluator_type"))
        put(attributes, "tracebridge.evaluation.value_type", config.take_str("return_type"))
        return None, f"evaluator {config_name}" if config_name else "evaluator", "INTERNAL"
    if config_type is None and config.get("type") is not None:
        return None, "log", "INTERNAL"  # a non-string type stays in extra
    return None, config_name or config_type or "log", "INTERNAL"


def _feedback(item: Any, target: tuple[str, str], path: str, session_id: str | None) -> Evaluation:
    if not isinstance(item, dict):
        raise MappingError("a feedback item must be an object", record_id=None, field_path=path)
    f = Fields(item)
    feedback_id = f.take_str("id")
    if feedback_id is None:
        raise MappingError("a feedback item has no id", record_id=None, field_path=f"{path}.id")
    feedback_type = f.take_str("type")
    value = f.take("value")
    attributes: dict[str, Any] = {"gen_ai.evaluation.name": feedback_type or "feedback"}
    attributes.update(judgment_attributes(value, "text" if feedback_type in FEEDBACK_TEXT_TYPES else None))
    put(attributes, "tracebridge.evaluation.feedback_type", feedback_type)
    attributes["tracebridge.evaluation.annotator_kind"] = "HUMAN"
    put(attributes, "tracebridge.evaluation.annotator_id", f.take_str("user"))
    data_id = f.take_str("data_id")
    trace_id: str | None = target[0]
    span_id = target[1]
    if data_id is not None and span_id != span_id_for(SYSTEM, data_id):
        # Feedback about another log than the one it was found on: its trace is not known here.
        trace_id, span_id = None, span_id_for(SYSTEM, data_id)
    return Evaluation(
        evaluation_id=feedback_id,
        name=feedback_type or "feedback",
        target_type="span",
        trace_id=trace_id,
        span_id=span_id,
        session_id=session_id,
        time_unix_nano=_take_time(f, "created_at"),
        status="success" if value is not None else "pending",
        attributes=attributes,
        provenance=_provenance("feedback", feedback_id, parent_id=data_id, session_id=session_id),
        extra=f.rest(),
    )


def _evaluation_result(item: Any, target: tuple[str, str] | None, path: str, session_id: str | None) -> list[Record]:
    if not isinstance(item, dict):
        raise MappingError("an evaluation result must be an object", record_id=None, field_path=path)
    f = Fields(item)
    result_id = f.take_str("id")
    if result_id is None:
        raise MappingError("an evaluation result has no id", record_id=None, field_path=f"{path}.id")
    attributes: dict[str, Any] = {}
    records: list[Record] = []
    evaluator_id = f.take_str("evaluator_id")
    put(attributes, "tracebridge.evaluator.id", evaluator_id)
    put(attributes, "tracebridge.evaluator.version_id", f.take_str("evaluator_version_id"))
    put(attributes, "tracebridge.evaluator.config_version_id", f.take_str("version_id"))
    evaluation_id = f.take_str("evaluation_id")
    version = f.get("version")
    return_type: str | None = None
    name: str | None = None
    if isinstance(version, dict):
        # The evaluator version has no fixed shape in v4; read its name and return type, keep it whole.
        name = next((version[k] for k in ("name", "path") if isinstance(version.get(k), str)), None)
        return_type = version.get("return_type") if isinstance(version.get("return_type"), str) else None
        put(attributes, "tracebridge.evaluation.evaluator_type", version.get("evaluator_type"))
    name = name or evaluator_id or "evaluator"
    attributes["gen_ai.evaluation.name"] = name
    value = f.take("value")
    attributes.update(judgment_attributes(value, return_type))
    evaluator_type = attributes.get("tracebridge.evaluation.evaluator_type")
    put(attributes, "tracebridge.evaluation.annotator_kind", annotator_kind(evaluator_type))
    error = f.take_str("error")
    if error is not None:
        attributes["tracebridge.evaluation.error"] = error
        attributes["error.type"] = error_type(error)
    log_id = f.take_str("log_id")
    trace_id: str | None = None
    span_id: str | None = None
    if target is not None:
        trace_id, span_id = target
    log = f.get("log")
    if isinstance(log, dict):
        f.drop("log")
        log_records = normalize_log(log)
        records.extend(log_records)
        first = log_records[0]
        if isinstance(first, Span) and (log_id is None or first.provenance.source_id == log_id):
            trace_id, span_id = first.trace_id, first.span_id
    if log_id is not None and span_id != span_id_for(SYSTEM, log_id):
        trace_id, span_id = None, span_id_for(SYSTEM, log_id)
    evaluator_log = f.get("evaluator_log")
    if isinstance(evaluator_log, dict):
        f.drop("evaluator_log")
        judge_records = normalize_log(evaluator_log)
        records.extend(judge_records)
        if isinstance(judge_records[0], Span):
            attributes["tracebridge.evaluation.judge_span_id"] = judge_records[0].span_id
    if evaluation_id is not None:
        attributes["tracebridge.experiment.id"] = evaluation_id
    created = _take_time(f, "created_at")
    evaluation = Evaluation(
        evaluation_id=result_id,
        name=name,
        target_type="span",
        trace_id=trace_id,
        span_id=span_id,
        session_id=session_id,
        experiment_id=evaluation_id,
        time_unix_nano=created,
        status="error" if error is not None else ("success" if value is not None else "pending"),
        attributes=attributes,
        provenance=_provenance("evaluation_result", result_id, parent_id=log_id, session_id=session_id),
        extra=f.rest(),
    )
    return [evaluation, *records]


def normalize_log(record: Any) -> list[Record]:
    """A v4 export log (``V4LogResponse`` or the same JSON) as a span, its evaluations, and its session."""
    f = Fields(as_mapping(record))
    log_id = f.take_str("id")
    if log_id is None:
        raise MappingError("a v4 log has no id", record_id=None, field_path="id")
    attributes: dict[str, Any] = {}
    session_id = f.take_str("session_id")
    session_reference_id = f.take_str("session_reference_id")
    parent_id = f.take_str("parent_id")
    session_key = session_id or session_reference_id
    if session_key is not None:
        attributes["session.id"] = session_key
        attributes["gen_ai.conversation.id"] = session_key
    put(attributes, "tracebridge.session.reference_id", session_reference_id)
    put(attributes, "tracebridge.parent.reference_id", f.take_str("parent_reference_id"))
    trace_key = session_key or parent_id or log_id
    trace_id = trace_id_for(SYSTEM, trace_key)
    span_id = span_id_for(SYSTEM, log_id)

    created = _take_time(f, "created_at")
    put(attributes, "tracebridge.created_at_unix_nano", created)
    duration_s = f.take_number("duration")
    latency_s = f.take_number("provider_latency")
    put(attributes, "tracebridge.duration_s", duration_s)
    put(attributes, "tracebridge.latency.provider_s", latency_s)
    duration = seconds_to_nano(duration_s if duration_s is not None else latency_s)
    start, end, _ = span_times(created, None, duration)

    operation, name, span_kind = _config(f, attributes)
    put(attributes, "gen_ai.operation.name", operation)
    put_taken(attributes, f, _LOG_ATTRIBUTES)
    judgment = f.take("judgment")
    put(attributes, "tracebridge.log.judgment", judgment)
    put(attributes, "gen_ai.usage.input_tokens", f.take_int("prompt_tokens"))
    put(attributes, "gen_ai.usage.output_tokens", f.take_int("output_tokens"))
    put(attributes, "tracebridge.usage.total_tokens", f.take_int("tokens"))
    input_cost, output_cost = f.take_number("prompt_cost"), f.take_number("output_cost")
    put(attributes, "tracebridge.cost.input_usd", input_cost)
    put(attributes, "tracebridge.cost.output_usd", output_cost)
    if input_cost is not None or output_cost is not None:
        attributes["tracebridge.cost.total_usd"] = (input_cost or 0) + (output_cost or 0)
    response = f.get("provider_response")
    if isinstance(response, dict):
        if isinstance(response.get("model"), str):
            attributes["gen_ai.response.model"] = response["model"]
        if isinstance(response.get("id"), str):
            attributes["gen_ai.response.id"] = response["id"]
    finish_reason = f.take_str("finish_reason")
    if finish_reason is not None:
        attributes["gen_ai.response.finish_reasons"] = [finish_reason]
    messages = f.take_list("messages")
    if messages is not None:
        attributes["gen_ai.input.messages"] = to_otel_messages(messages)
    output_message = f.take("output_message")
    output = f.get("output")
    if output_message is not None:
        converted = to_otel_message(output_message)
        put(converted, "finish_reason", finish_reason)
        attributes["gen_ai.output.messages"] = [converted]
        if output is None or output == text_of(converted):
            f.drop("output")
    elif isinstance(output, str):
        f.drop("output")
        message: dict[str, Any] = {"role": "assistant", "parts": [{"type": "text", "content": output}]}
        put(message, "finish_reason", finish_reason)
        attributes["gen_ai.output.messages"] = [message]
    else:
        f.take_str("output")
    error = f.take_str("error")
    if error is not None:
        attributes["error.type"] = error_type(error, f.get("provider_response"))

    records: list[Record] = []
    target = (trace_id, span_id)
    for i, item in enumerate(f.take_list("evaluation_results") or ()):
        records.extend(_evaluation_result(item, target, f"evaluation_results[{i}]", session_key))
    for i, item in enumerate(f.take_list("feedback") or ()):
        records.append(_feedback(item, target, f"feedback[{i}]", session_key))
    if session_key is not None:
        session_attributes: dict[str, Any] = {"session.id": session_key}
        put(session_attributes, "tracebridge.session.reference_id", session_reference_id)
        records.append(
            Session(
                session_id=session_key,
                attributes=session_attributes,
                provenance=_provenance("session", session_key, session_id=session_key),
            )
        )
    span = Span(
        trace_id=trace_id,
        span_id=span_id,
        parent_span_id=span_id_for(SYSTEM, parent_id) if parent_id else None,
        name=name,
        kind=span_kind,  # type: ignore[arg-type]
        start_time_unix_nano=start,
        end_time_unix_nano=end,
        timing_derived=start is not None,
        status_code="ERROR" if error is not None else "UNSET",
        status_message=error,
        attributes=attributes,
        provenance=_provenance("log", log_id, parent_id=parent_id, session_id=session_key),
        extra=f.rest(),
    )
    return [span, *records]


def normalize_datapoint_snapshot(
    record: Any, *, evaluation_id: str | None = None, evaluatee_id: str | None = None
) -> list[Record]:
    """A v4 evaluation datapoint snapshot (``{datapoint, log, evaluation_results}``) as records.

    The endpoint is per evaluation and evaluatee, which the record itself does not repeat: pass them so the experiment
    item can name its experiment (the evaluatee when given, else the evaluation). Without either, the evaluation id of
    the first evaluation result is used; with none at all no experiment item is written.
    """
    f = Fields(as_mapping(record))
    records: list[Record] = []
    datapoint = f.get("datapoint")
    if not isinstance(datapoint, dict):
        raise MappingError("a datapoint snapshot has no datapoint", record_id=None, field_path="datapoint")
    f.drop("datapoint")
    d = Fields(datapoint)
    example_id = d.take_str("id")
    if example_id is None:
        raise MappingError("a datapoint has no id", record_id=None, field_path="datapoint.id")
    example_input: dict[str, Any] = {}
    put(example_input, "inputs", d.take_dict("inputs"))
    messages = d.take_list("messages")
    if messages is not None:
        example_input["messages"] = to_otel_messages(messages)
    example = DatasetExample(
        example_id=example_id,
        dataset_id=d.take_str("dataset_id"),
        input=example_input or None,
        expected_output=d.take_dict("target"),
        provenance=_provenance("datapoint", example_id),
        extra=d.rest(),
    )
    records.append(example)
    span: Span | None = None
    log = f.get("log")
    if isinstance(log, dict):
        f.drop("log")
        log_records = normalize_log(log)
        first = log_records[0]
        span = first if isinstance(first, Span) else None
        records.extend(log_records)
    elif log is None:
        f.drop("log")
    target = (span.trace_id, span.span_id) if span is not None else None
    session_id = span.attributes.get("session.id") if span is not None else None
    results = f.take_list("evaluation_results") or []
    # The snapshot lists this evaluation's results beside the log, whose own ``evaluation_results`` may hold the same
    # ones: a result already mapped from the log, equal in every field, is the same judgment and is written once.
    from_log = {r.evaluation_id: r for r in records if isinstance(r, Evaluation)}
    for i, item in enumerate(results):
        mapped = _evaluation_result(item, target, f"evaluation_results[{i}]", session_id)
        evaluation = mapped[0]
        if isinstance(evaluation, Evaluation) and from_log.get(evaluation.evaluation_id) == evaluation:
            mapped = mapped[1:]
        records.extend(mapped)
    experiment_id = evaluatee_id or evaluation_id
    if experiment_id is None:
        experiment_id = next(
            (r["evaluation_id"] for r in results if isinstance(r, dict) and isinstance(r.get("evaluation_id"), str)),
            None,
        )
    if experiment_id is not None:
        # The experiment itself (the evaluatee's run of the evaluation): named by every snapshot, kept once.
        records.append(
            Experiment(
                experiment_id=experiment_id,
                evaluation_id=evaluation_id,
                provenance=_provenance("evaluatee" if evaluatee_id else "evaluation", experiment_id),
            )
        )
        item_attributes: dict[str, Any] = {}
        put(item_attributes, "tracebridge.experiment.evaluation_id", evaluation_id)
        put(item_attributes, "tracebridge.experiment.evaluatee_id", evaluatee_id)
        records.append(
            experiment_item(
                experiment_id=experiment_id,
                example_id=example_id,
                span=span,
                attributes=item_attributes,
                provenance=_provenance("datapoint_snapshot", example_id),
                extra=f.rest(),
            )
        )
    else:
        leftover = f.rest()
        if leftover:
            # No experiment item to carry the envelope's unknown fields: keep them on the example.
            records[0] = attrs.evolve(example, extra={**example.extra, "datapoint_snapshot": leftover})
    return records
