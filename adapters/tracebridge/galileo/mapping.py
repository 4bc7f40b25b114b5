"""Galileo export records (``jsonl`` nested and ``jsonl_flat``) onto common records.

A session record becomes a session; each trace becomes one OTel trace whose root span is the trace record itself;
every span record becomes a span under its ``parent_id``. Children arrive nested (``traces[]``, ``spans[]``) in the
``jsonl`` format and one per line in ``jsonl_flat``; the same function handles both because the tree is rebuilt from
the records' own ids, not from where they were found.

``metrics`` is an open map. Token, duration and cost metrics go onto ``gen_ai.usage.*`` and timing; *every other*
metric is a scorer result and becomes an evaluation, whatever its name (scorer metrics are keyed by UUID since
April 2026, with the old name in ``metric_key_alias``), so no scorer name is hard-coded. ``metric_info`` adds each
metric's status (pending, failed, error...), kept as the evaluation's status. Feedback ratings and annotations are
evaluations too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from tracebridge.galileo.formats import CHILD_KEYS
from tracebridge.mapping.errors import MappingError, RejectedPart
from tracebridge.mapping.ids import record_id_for, span_id_for, trace_id_for
from tracebridge.mapping.judgments import judgment_attributes
from tracebridge.mapping.lossless import Fields, as_mapping, put, put_taken
from tracebridge.mapping.messages import content_part, parse_arguments, to_otel_message
from tracebridge.mapping.providers import provider_from_model
from tracebridge.mapping.timing import span_times, to_unix_nano
from tracebridge.records import DatasetExample, Evaluation, Provenance, Record, Session, Span

SYSTEM: Final = "galileo"
API_VERSION = "v2"

USAGE_METRICS: dict[str, str] = {
    "num_input_tokens": "gen_ai.usage.input_tokens",
    "num_output_tokens": "gen_ai.usage.output_tokens",
    "num_total_tokens": "tracebridge.usage.total_tokens",
    "num_reasoning_tokens": "gen_ai.usage.reasoning.output_tokens",
    "num_cached_input_tokens": "gen_ai.usage.cache_read.input_tokens",
    "num_image_input_tokens": "tracebridge.usage.image_input_tokens",
    "num_audio_input_tokens": "tracebridge.usage.audio_input_tokens",
    "num_image_output_tokens": "tracebridge.usage.image_output_tokens",
    "num_audio_output_tokens": "tracebridge.usage.audio_output_tokens",
    "duration_ns": "tracebridge.duration_ns",
    "time_to_first_token_ns": "tracebridge.time_to_first_token_ns",
    "cost": "tracebridge.cost.total_usd",
    "total_cost": "tracebridge.cost.total_usd",
    "input_cost": "tracebridge.cost.input_usd",
    "output_cost": "tracebridge.cost.output_usd",
    "num_traces": "tracebridge.metrics.num_traces",
    "num_spans": "tracebridge.metrics.num_spans",
    "num_llm_calls": "tracebridge.metrics.num_llm_calls",
}
"""The token / duration / cost / count metrics: attributes of the record they describe (a session's ``num_traces``
stays on the session). Every other metric is a scorer result."""

OPERATIONS: dict[str, str] = {
    "llm": "chat",
    "tool": "execute_tool",
    "retriever": "retrieval",
    "agent": "invoke_agent",
    "workflow": "invoke_workflow",
    "trace": "invoke_workflow",
    "stub_trace": "invoke_workflow",
}
"""Galileo record type -> ``gen_ai.operation.name``; a control span (and any new type) has none."""

FEEDBACK_VALUE_TYPES: dict[str, str] = {
    "like_dislike": "boolean",
    "star": "number",
    "score": "number",
    "tags": "multi_select",
    "choice": "select",
    "text": "text",
}
"""Galileo feedback / annotation type -> the judgment kind its value is."""

ERROR_STATUSES = frozenset({"error", "failed"})
_METRIC_INFO_ATTRIBUTES: Final = (
    ("tracebridge.evaluation.display_value", Fields.take_str, "display_value"),
    ("tracebridge.evaluation.cost_usd", Fields.take_number, "cost"),
    ("tracebridge.evaluation.model", Fields.take_str, "model_alias"),
    ("tracebridge.evaluation.num_judges", Fields.take_int, "num_judges"),
    ("tracebridge.evaluation.multijudge_average", Fields.take_number, "multijudge_average"),
    ("gen_ai.usage.input_tokens", Fields.take_int, "input_tokens"),
    ("gen_ai.usage.output_tokens", Fields.take_int, "output_tokens"),
    ("tracebridge.usage.total_tokens", Fields.take_int, "total_tokens"),
    ("tracebridge.evaluation.critique", Fields.take, "critique"),
    ("tracebridge.evaluation.metadata", Fields.take, "metadata"),
    ("tracebridge.evaluation.roll_up_metrics", Fields.take, "roll_up_metrics"),
)
"""The ``metric_info`` fields that map one to one onto an attribute, in the order the attributes are written."""


def _provenance(record_type: str, source_id: str | None, **ids: str | None) -> Provenance:
    return Provenance(system=SYSTEM, api_version=API_VERSION, record_type=record_type, source_id=source_id, **ids)


def _looks_like_messages(value: list[Any]) -> bool:
    return bool(value) and all(isinstance(v, dict) and "role" in v for v in value)


def _looks_like_parts(value: list[Any]) -> bool:
    return bool(value) and all(isinstance(v, dict) and v.get("type") in ("text", "file") for v in value)


def _looks_like_documents(value: list[Any]) -> bool:
    return bool(value) and all(isinstance(v, dict) and "content" in v and "role" not in v for v in value)


def _input(f: Fields, record_type: str, attributes: dict[str, Any], files: Mapping[str, Any] | None) -> None:
    value = f.get("input")
    if value is None:
        f.drop("input")
        return
    if record_type == "tool":
        attributes["gen_ai.tool.call.arguments"] = parse_arguments(f.take("input"))
    elif record_type == "retriever" and isinstance(value, str):
        attributes["gen_ai.retrieval.query.text"] = f.take("input")
    elif isinstance(value, str):
        f.drop("input")
        if value:
            attributes["gen_ai.input.messages"] = [{"role": "user", "parts": [{"type": "text", "content": value}]}]
    elif isinstance(value, list) and _looks_like_messages(value):
        attributes["gen_ai.input.messages"] = [to_otel_message(m, files) for m in f.take("input")]
    elif isinstance(value, list) and _looks_like_parts(value):
        parts = [content_part(p, files) for p in f.take("input")]
        attributes["gen_ai.input.messages"] = [{"role": "user", "parts": parts}]
    elif isinstance(value, list) and not value:
        f.drop("input")
    else:
        attributes["tracebridge.input"] = f.take("input")


def _output(
    f: Fields, record_type: str, attributes: dict[str, Any], finish_reason: str | None, files: Mapping[str, Any] | None
) -> None:
    value = f.get("output")
    if value is None:
        f.drop("output")
        return
    message: dict[str, Any] | None = None
    if record_type == "tool":
        attributes["gen_ai.tool.call.result"] = f.take("output")
        return
    if isinstance(value, str):
        f.drop("output")
        message = {"role": "assistant", "parts": [{"type": "text", "content": value}]}
    elif isinstance(value, dict) and "role" in value:
        message = to_otel_message(f.take("output"), files)
    elif isinstance(value, dict) and ("action" in value or "matched" in value):
        attributes["tracebridge.control.result"] = f.take("output")
    elif isinstance(value, list) and _looks_like_documents(value):
        attributes["gen_ai.retrieval.documents"] = f.take("output")
    elif isinstance(value, list) and _looks_like_parts(value):
        message = {"role": "assistant", "parts": [content_part(p, files) for p in f.take("output")]}
    elif isinstance(value, list) and not value:
        f.drop("output")
    else:
        attributes["tracebridge.output"] = f.take("output")
    if message is not None:
        put(message, "finish_reason", finish_reason)
        attributes["gen_ai.output.messages"] = [message]


def _metric_evaluation(
    key: str,
    plain: Any,
    info: Fields | None,
    target: dict[str, Any],
    record_id: str,
    origin: dict[str, str | None],
    *,
    has_plain: bool,
) -> Evaluation:
    """One scorer metric: the value from ``metrics[key]`` and/or the detail from ``metric_info[key]``."""
    attributes: dict[str, Any] = {"tracebridge.evaluation.metric_key": key}
    status: str | None = "success" if has_plain else None
    value = plain
    extra: dict[str, Any] = {}
    name = key
    if info is not None:
        status_type = info.take_str("status_type")
        status = status_type or status
        alias = info.take_str("metric_key_alias")
        if alias:
            name = alias
            attributes["tracebridge.evaluation.metric_key_alias"] = alias
        scorer_type = info.take_str("scorer_type")
        put(attributes, "tracebridge.evaluation.scorer_type", scorer_type)
        if scorer_type is not None:
            attributes["tracebridge.evaluation.annotator_kind"] = "LLM"
        info_value = info.get("value")
        if info_value is not None:
            info.drop("value")
            if has_plain and plain != info_value:
                extra["metrics_value"] = plain  # two different values: keep both
            value = info_value
        else:
            info.drop("value")
        explanation = info.take_str("explanation")
        rationale = info.take_str("rationale")
        put(attributes, "gen_ai.evaluation.explanation", explanation or rationale)
        if explanation and rationale:
            attributes["tracebridge.evaluation.rationale"] = rationale
        put_taken(attributes, info, _METRIC_INFO_ATTRIBUTES)
        message = info.take_str("message")
        if message is not None:
            attributes[
                "tracebridge.evaluation.error" if status in ERROR_STATUSES else "tracebridge.evaluation.status_message"
            ] = message
        put(attributes, "tracebridge.evaluation.error_code", info.take("ems_error_code"))
        put(attributes, "tracebridge.evaluation.standard_error", info.take("standard_error"))
        if status in ERROR_STATUSES:
            attributes["error.type"] = status
        extra.update(info.rest())
    attributes["gen_ai.evaluation.name"] = name
    judged = judgment_attributes(value)
    judged.update(attributes)  # an explicit explanation wins over none
    return Evaluation(
        evaluation_id=record_id_for(SYSTEM, record_id, "metric", key),
        name=name,
        status=status,
        attributes=judged,
        provenance=_provenance("scorer_metric", key, **origin),
        extra=extra,
        **target,
    )


def _rating_evaluation(
    kind: str, name: str, rating: Any, target: dict[str, Any], record_id: str, origin: dict[str, str | None], *ids: str
) -> Evaluation:
    """A feedback rating or an annotation: ``{feedback_type | annotation_type, value, explanation}``."""
    f = Fields(rating if isinstance(rating, dict) else None)
    extra: dict[str, Any] = {} if isinstance(rating, dict) or rating is None else {"value": rating}
    type_key = "feedback_type" if kind == "feedback_rating" else "annotation_type"
    rating_type = f.take_str(type_key)
    value = f.take("value")
    attributes: dict[str, Any] = judgment_attributes(value, FEEDBACK_VALUE_TYPES.get(rating_type or ""))
    explanation = f.take_str("explanation")
    if explanation is not None:
        if "gen_ai.evaluation.explanation" in attributes:
            attributes["tracebridge.evaluation.comment"] = explanation
        else:
            attributes["gen_ai.evaluation.explanation"] = explanation
    attributes["gen_ai.evaluation.name"] = name
    put(attributes, f"tracebridge.evaluation.{type_key}", rating_type)
    attributes["tracebridge.evaluation.annotator_kind"] = "HUMAN"
    if kind == "annotation":
        attributes["tracebridge.evaluation.annotation_template_id"] = ids[0]
        attributes["tracebridge.evaluation.annotator_id"] = ids[1]
    extra.update(f.rest())
    return Evaluation(
        evaluation_id=record_id_for(SYSTEM, record_id, kind, *ids),
        name=name,
        status="success" if value is not None else "pending",
        attributes=attributes,
        provenance=_provenance(kind, ids[-1], **origin),
        extra=extra,
        **target,
    )


def _evaluations(
    f: Fields, target: dict[str, Any], record_id: str, origin: dict[str, str | None], usage: dict[str, Any]
) -> list[Record]:
    """Scorer metrics, feedback ratings and annotations of one record; usage metrics are collected into ``usage``."""
    out: list[Record] = []
    metrics = f.child("metrics")
    plain: dict[str, Any] = {}
    for key in _keys(f.get("metrics")):
        if key in USAGE_METRICS:
            value = metrics.get(key)
            if isinstance(value, int | float) and not isinstance(value, bool):
                usage[key] = metrics.take(key)
            elif value is None:
                metrics.drop(key)
        else:
            plain[key] = metrics.take(key)
    metric_info = f.child("metric_info")
    info_keys = [k for k in _keys(f.get("metric_info")) if k not in USAGE_METRICS]
    for key, value in plain.items():
        info = metric_info.child(key) if key in info_keys else None
        out.append(_metric_evaluation(key, value, info, target, record_id, origin, has_plain=True))
    for key in info_keys:
        if key not in plain:
            if metric_info.get(key) is None:
                metric_info.drop(key)
                continue
            out.append(
                _metric_evaluation(key, None, metric_info.child(key), target, record_id, origin, has_plain=False)
            )
    ratings = f.get("feedback_rating_info")
    if isinstance(ratings, dict):
        f.drop("feedback_rating_info")
        for key, rating in ratings.items():
            out.append(_rating_evaluation("feedback_rating", key, rating, target, record_id, origin, key))
    elif ratings is None:
        f.drop("feedback_rating_info")
    annotations = f.get("annotations")
    if isinstance(annotations, dict) and all(isinstance(v, dict) for v in annotations.values()):
        f.drop("annotations")
        for template_id, by_annotator in annotations.items():
            for annotator_id, rating in by_annotator.items():
                out.append(
                    _rating_evaluation(
                        "annotation", template_id, rating, target, record_id, origin, template_id, annotator_id
                    )
                )
    elif annotations is None:
        f.drop("annotations")
    return out


def _keys(value: Any) -> list[str]:
    return list(value) if isinstance(value, dict) else []


def _dataset_example(
    f: Fields, record_id: str, record_type: str, origin: dict[str, str | None]
) -> DatasetExample | None:
    dataset_input = f.take("dataset_input")
    dataset_output = f.take("dataset_output")
    metadata = f.get("dataset_metadata")
    if isinstance(metadata, dict) or metadata is None:
        f.drop("dataset_metadata")
    if dataset_input is None and dataset_output is None and not metadata:
        return None
    return DatasetExample(
        example_id=record_id,
        input={"text": dataset_input} if dataset_input is not None else None,
        expected_output=dataset_output,
        metadata=metadata if isinstance(metadata, dict) and metadata else None,
        attributes={"tracebridge.dataset.source_record_type": record_type},
        provenance=_provenance("dataset_row", record_id, **origin),
    )


class _Tree:
    """What a nested child inherits from its parent record (used only where the child does not say it itself)."""

    __slots__ = ("parent_id", "session_id", "trace_id")

    def __init__(
        self, session_id: str | None = None, trace_id: str | None = None, parent_id: str | None = None
    ) -> None:
        self.session_id = session_id
        self.trace_id = trace_id
        self.parent_id = parent_id  # the span or trace a nested span was found under


_Child = tuple[Any, _Tree, str]
"""A nested record still to map: the record, what it inherits, its JSON path."""


def _record(record: Any, tree: _Tree, path: str, out: list[Record | RejectedPart]) -> list[_Child]:
    """Map one record (not its children) into ``out``; its nested children, in document order, for the caller."""
    if not isinstance(record, dict):
        raise MappingError("a Galileo record must be an object", record_id=None, field_path=path)
    f = Fields(record)
    record_id = f.take_str("id")
    if record_id is None:
        raise MappingError("a Galileo record has no id", record_id=None, field_path=f"{path}.id")
    record_type = f.take_str("type")
    if record_type is None:
        # The jsonl_flat and nested shapes always carry `type`; without it a trace has trace_id == id.
        is_trace = record.get("trace_id") == record_id
        record_type = "trace" if is_trace else ("span" if "parent_id" in record else "record")
        provenance_type = "record"
    else:
        provenance_type = record_type if record_type in ("session", "trace", "stub_trace") else f"{record_type}_span"
    attributes: dict[str, Any] = {}
    source_session_id = f.take_str("session_id")
    session_id = source_session_id or tree.session_id
    if record_type == "session":
        session_id = record_id
    source_trace_id = f.take_str("trace_id")
    if record_type in ("trace", "stub_trace"):
        source_trace_id = source_trace_id or record_id
    trace_source = source_trace_id or tree.trace_id
    parent_id = f.take_str("parent_id")
    if parent_id is None and tree.parent_id is not None and record_type not in ("session", "trace", "stub_trace"):
        # A nested span that does not name its parent hangs under the record it was nested in.
        parent_id = tree.parent_id
        attributes["tracebridge.parent.inferred"] = True
    files = f.get("files") if isinstance(f.get("files"), dict) else None

    if session_id is not None:
        attributes["session.id"] = session_id
        attributes["gen_ai.conversation.id"] = session_id
    put(attributes, "tracebridge.project.id", f.take_str("project_id"))
    put(attributes, "tracebridge.run.id", f.take_str("run_id"))
    put(attributes, "tracebridge.external_id", f.take_str("external_id"))
    name = f.take_str("name") or None
    user_metadata = f.take_dict("user_metadata")
    if user_metadata:
        attributes["tracebridge.metadata"] = user_metadata
        if isinstance(user_metadata.get("user_id"), str):
            attributes["user.id"] = user_metadata["user_id"]
    tags = f.take_list("tags")
    if tags:
        attributes["tracebridge.tags"] = tags
    status_code = f.take_int("status_code")
    put(attributes, "tracebridge.status_code", status_code)
    error_message = f.get("error_message")
    if isinstance(error_message, str):
        f.drop("error_message")
    error = error_message if isinstance(error_message, str) and error_message else None
    is_error = error is not None or (status_code is not None and status_code >= 400)
    if is_error:
        attributes["error.type"] = str(status_code) if status_code is not None and status_code >= 400 else "_OTHER"
    created = to_unix_nano(f.get("created_at"))
    if created is not None or f.get("created_at") is None:
        f.drop("created_at")

    if record_type == "session":
        target: dict[str, Any] = {"target_type": "session", "session_id": record_id}
    else:
        trace_id = trace_id_for(SYSTEM, trace_source or parent_id or record_id)
        target = {
            "target_type": "trace" if record_type in ("trace", "stub_trace") else "span",
            "trace_id": trace_id,
            "span_id": span_id_for(SYSTEM, record_id),
            "session_id": session_id,
        }
    usage: dict[str, Any] = {}
    # Records judging (or drawn from) this one: their source parent is this record, in its trace and session.
    origin: dict[str, str | None] = {"parent_id": record_id, "trace_id": trace_source, "session_id": session_id}
    evaluations = _evaluations(f, target, record_id, origin, usage)
    for key, value in usage.items():
        attributes[USAGE_METRICS[key]] = value
    ttft = usage.get("time_to_first_token_ns")
    if ttft is not None:
        attributes["gen_ai.response.time_to_first_chunk"] = ttft / 1e9
    start, end, derived = span_times(created, None, usage.get("duration_ns"))
    example = _dataset_example(f, record_id, record_type, origin)
    if example is not None:
        attributes["tracebridge.dataset.example_id"] = record_id

    children = [(key, f.take_list(key)) for key in CHILD_KEYS]
    child_tree = (
        _Tree(session_id=session_id)
        if record_type == "session"
        else _Tree(session_id=session_id, trace_id=trace_source, parent_id=record_id)
    )

    if record_type == "session":
        put(attributes, "session.previous_id", f.take_str("previous_session_id"))
        put(attributes, "tracebridge.session.num_traces", f.take_int("num_traces"))
        _input(f, record_type, attributes, files)
        _output(f, record_type, attributes, None, files)
        out.append(
            Session(
                session_id=record_id,
                name=name,
                start_time_unix_nano=start,
                end_time_unix_nano=end,
                timing_derived=derived,
                status_code="ERROR" if is_error else "UNSET",
                status_message=error,
                attributes=attributes,
                provenance=_provenance(
                    "session", record_id, session_id=source_session_id or record_id, trace_id=source_trace_id
                ),
                extra=f.rest(),
            )
        )
    else:
        operation = OPERATIONS.get(record_type)
        put(attributes, "gen_ai.operation.name", operation)
        attributes["tracebridge.galileo.type"] = record_type
        span_kind = "INTERNAL"
        finish_reason = None
        if record_type == "llm":
            span_kind = "CLIENT"
            model_name = f.take_str("model")
            put(attributes, "gen_ai.request.model", model_name)
            if model_name is not None:
                # Galileo has no provider field; its model strings name the provider (``openai/gpt-4o``).
                put(attributes, "gen_ai.provider.name", provider_from_model(model_name))
            put(attributes, "gen_ai.request.temperature", f.take_number("temperature"))
            finish_reason = f.take_str("finish_reason")
            if finish_reason is not None:
                attributes["gen_ai.response.finish_reasons"] = [finish_reason]
            put(attributes, "gen_ai.tool.definitions", f.take_list("tools"))
            put(attributes, "tracebridge.llm.events", f.take_list("events"))
        elif record_type == "tool":
            put(attributes, "gen_ai.tool.name", name)
            put(attributes, "gen_ai.tool.call.id", f.take_str("tool_call_id"))
        elif record_type == "agent":
            put(attributes, "gen_ai.agent.name", name)
            put(attributes, "tracebridge.agent.type", f.take_str("agent_type"))
        elif record_type in ("workflow", "trace"):
            put(attributes, "gen_ai.workflow.name", name)
        elif record_type == "control":
            for key in ("control_id", "agent_name", "check_stage", "applies_to", "evaluator_name", "selector_path"):
                put(attributes, f"tracebridge.control.{key}", f.take(key))
        put(attributes, "tracebridge.step_number", f.take_int("step_number"))
        _input(f, record_type, attributes, files)
        _output(f, record_type, attributes, finish_reason, files)
        model = attributes.get("gen_ai.request.model")
        if operation == "chat":
            span_name = f"chat {model}" if model else (name or "chat")
        elif operation is not None:
            span_name = f"{operation} {name}" if name else operation
        else:
            span_name = name or record_type
        if name is not None:
            attributes["tracebridge.galileo.name"] = name
        out.append(
            Span(
                trace_id=target["trace_id"],
                span_id=target["span_id"],
                parent_span_id=span_id_for(SYSTEM, parent_id) if parent_id else None,
                name=span_name,
                kind=span_kind,  # type: ignore[arg-type]
                start_time_unix_nano=start,
                end_time_unix_nano=end,
                timing_derived=derived,
                status_code="ERROR" if is_error else "UNSET",
                status_message=error,
                attributes=attributes,
                provenance=_provenance(
                    provenance_type, record_id, parent_id=parent_id, trace_id=source_trace_id, session_id=session_id
                ),
                extra=f.rest(),
            )
        )
    out.extend(evaluations)
    if example is not None:
        out.append(example)
    return [(child, child_tree, f"{path}.{key}[{i}]") for key, items in children for i, child in enumerate(items or ())]


def normalize_record(record: Any) -> list[Record | RejectedPart]:
    """One Galileo export line (a session, trace or span record, nested or flat; a model or the same JSON) as records.

    Nested children (``traces``, ``spans``) are normalized too, in document order after their parent; a child that
    cannot be mapped is a ``RejectedPart`` in its place. The tree is walked with a stack, not recursion: an agent
    trace may nest spans as deep as its steps went, and however deep, it costs no stack frames.
    """
    out: list[Record | RejectedPart] = []
    pending: list[_Child] = [(as_mapping(record), _Tree(), "$")]
    while pending:
        item, tree, path = pending.pop()
        try:
            children = _record(item, tree, path, out)
        except MappingError as exc:
            if path == "$":
                raise
            # One malformed child (Galileo's own get-trace example nests `"spans": [{}]`) is rejected alone, with its
            # path: its parent and siblings are kept, and linked as if it were not there.
            out.append(RejectedPart(exc.reason, field_path=exc.field_path, raw=item))
            continue
        pending.extend(reversed(children))  # popped first-to-last: document order
    return out
