"""Humanloop v5 onto common records: evaluation logs (current and pre-Nov-2024 shapes) and evaluation runs.

A v5 evaluation log record is one Log of one Run with the Evaluator Logs that judged it. It becomes: a span for the
Log (and one per nested ``trace_children`` Log), an evaluation per Evaluator Log, a dataset example for the Datapoint,
and the experiment item linking run x datapoint -> span. The v5 Log union has no type field: the kind is whichever of
``prompt | tool | flow | agent | evaluator`` is present; a Log of none of these kinds still becomes a span.
"""

from __future__ import annotations

import functools
from collections.abc import Generator, Mapping
from typing import Any, Final

import attrs

from tracebridge.humanloop.config import file_identity, model_parameters, operation_for_model
from tracebridge.humanloop.definitions import file_records
from tracebridge.humanloop.formats import log_kind
from tracebridge.mapping.carried import Carried
from tracebridge.mapping.error_types import error_type
from tracebridge.mapping.errors import MappingError
from tracebridge.mapping.experiment_items import experiment_item
from tracebridge.mapping.ids import span_id_for, trace_id_for
from tracebridge.mapping.judgments import annotator_kind, judgment_attributes
from tracebridge.mapping.lossless import Fields, as_mapping, put
from tracebridge.mapping.messages import parse_arguments, text_of, to_otel_message, to_otel_messages
from tracebridge.mapping.timing import seconds_to_nano, span_times, to_unix_nano
from tracebridge.mapping.walk import Child, walk
from tracebridge.records import (
    DatasetExample,
    Evaluation,
    Experiment,
    Provenance,
    Record,
    Span,
)

SYSTEM: Final = "humanloop"
API_VERSION = "v5"
ENVELOPE_KEY = "evaluation_log"
"""Where a log's ``extra`` keeps the fields of an envelope that produced no experiment item of its own."""


class _Context:
    """What a nested Log inherits from where it was found (a plain slotted class: built once per nested Log)."""

    __slots__ = (
        "api_version",
        "defer",
        "experiment_id",
        "judged_log_id",
        "judged_trace_id",
        "parent_log_id",
        "trace_key",
    )

    def __init__(
        self,
        *,
        trace_key: str | None = None,
        parent_log_id: str | None = None,
        judged_log_id: str | None = None,
        judged_trace_id: str | None = None,
        experiment_id: str | None = None,
        api_version: str = API_VERSION,
        defer: bool = False,
    ) -> None:
        self.trace_key = trace_key
        self.parent_log_id = parent_log_id  # the Log a nested span hangs under (trace_children)
        self.judged_log_id = judged_log_id  # the Log a nested Evaluator Log judges (evaluator_logs)
        self.judged_trace_id = judged_trace_id
        self.experiment_id = experiment_id
        self.api_version = api_version
        self.defer = defer  # embedded File versions as ``Carried`` (built only where kept), not as records


def _provenance(record_type: str, source_id: str | None, ctx: _Context, **ids: str | None) -> Provenance:
    return Provenance(system=SYSTEM, api_version=ctx.api_version, record_type=record_type, source_id=source_id, **ids)


def _output_messages(
    f: Fields, finish_reason: str | None, attributes: dict[str, Any], *, as_tool_result: bool = False
) -> None:
    """Map ``output_message`` / ``output``; ``output`` is dropped only when it is the output message's text."""
    message = f.take("output_message")
    output = f.get("output")
    if as_tool_result:
        if output is not None:
            attributes["gen_ai.tool.call.result"] = f.take("output")
        else:
            f.drop("output")
        if message is not None:
            attributes["gen_ai.output.messages"] = [to_otel_message(message)]
        return
    if message is not None:
        converted = to_otel_message(message)
        if finish_reason is not None:
            converted["finish_reason"] = finish_reason
        attributes["gen_ai.output.messages"] = [converted]
        if output is None or (isinstance(output, str) and output == text_of(converted)):
            f.drop("output")
    elif isinstance(output, str):
        f.drop("output")
        converted = {"role": "assistant", "parts": [{"type": "text", "content": output}]}
        if finish_reason is not None:
            converted["finish_reason"] = finish_reason
        attributes["gen_ai.output.messages"] = [converted]
    elif output is None:
        f.drop("output")


def _common_log_fields(f: Fields, attributes: dict[str, Any]) -> None:
    """Fields every v5 Log kind has and that mean the same for each."""
    put(attributes, "tracebridge.log.source", f.take_str("source"))
    put(attributes, "tracebridge.metadata", f.take_dict("metadata"))
    put(attributes, "tracebridge.log.status", f.take_str("log_status"))
    put(attributes, "tracebridge.dataset.example_id", f.take_str("source_datapoint_id"))
    put(attributes, "tracebridge.batches", f.take_list("batches"))
    put(attributes, "user.id", f.take_str("user"))
    put(attributes, "deployment.environment.name", f.take_str("environment"))
    put(attributes, "tracebridge.log.save", f.take_bool("save"))
    put(attributes, "tracebridge.log.stdout", f.take_str("stdout"))
    put(attributes, "tracebridge.trace.flow_id", f.take_str("trace_flow_id"))
    response = f.get("provider_response")
    if isinstance(response, dict):
        # Read, not taken: the raw provider payload stays whole in extra.
        if isinstance(response.get("model"), str):
            attributes["gen_ai.response.model"] = response["model"]
        if isinstance(response.get("id"), str):
            attributes["gen_ai.response.id"] = response["id"]


def _model_call_fields(f: Fields, attributes: dict[str, Any]) -> None:
    put(attributes, "gen_ai.usage.input_tokens", f.take_int("prompt_tokens"))
    put(attributes, "gen_ai.usage.output_tokens", f.take_int("output_tokens"))
    put(attributes, "gen_ai.usage.reasoning.output_tokens", f.take_int("reasoning_tokens"))
    input_cost = f.take_number("prompt_cost")
    output_cost = f.take_number("output_cost")
    put(attributes, "tracebridge.cost.input_usd", input_cost)
    put(attributes, "tracebridge.cost.output_usd", output_cost)
    if input_cost is not None or output_cost is not None:
        attributes["tracebridge.cost.total_usd"] = (input_cost or 0) + (output_cost or 0)
    tool_choice = f.take("tool_choice")
    put(attributes, "tracebridge.request.tool_choice", tool_choice)


def _timing(f: Fields, attributes: dict[str, Any]) -> tuple[int | None, int | None, bool]:
    start_raw, end_raw, created_raw = f.get("start_time"), f.get("end_time"), f.get("created_at")
    start, end, created = to_unix_nano(start_raw), to_unix_nano(end_raw), to_unix_nano(created_raw)
    # A timestamp that does not parse is left in extra as written.
    for key, value in (("start_time", start), ("end_time", end), ("created_at", created)):
        if value is not None or f.get(key) is None:
            f.drop(key)
    put(attributes, "tracebridge.created_at_unix_nano", created)
    latency_s = f.take_number("provider_latency")
    put(attributes, "tracebridge.latency.provider_s", latency_s)
    latency = seconds_to_nano(latency_s)
    derived = start is None and created is not None
    if start is None:
        start = created
    start, end, end_derived = span_times(start, end, latency)
    return start, end, derived or end_derived


def _kind_attributes(kind: str | None, f: Fields, attributes: dict[str, Any]) -> tuple[str | None, str, str]:
    """Operation name, span name and span kind for a Log of ``kind``; takes the kind's own fields."""
    if kind is None:
        return None, "log", "INTERNAL"
    file = f.child(kind)
    label = file_identity(file, kind, attributes)
    if kind in ("prompt", "agent"):
        model_parameters(file, attributes)
        if kind == "agent":
            put(attributes, "gen_ai.agent.name", label)
            put(attributes, "gen_ai.agent.id", attributes.get("tracebridge.file.id"))
            put(attributes, "gen_ai.agent.version", attributes.get("tracebridge.file.version_id"))
            return "invoke_agent", f"invoke_agent {label}" if label else "invoke_agent", "INTERNAL"
        put(attributes, "gen_ai.prompt.name", label)
        operation = operation_for_model(attributes)
        model = attributes.get("gen_ai.request.model")
        return operation, f"{operation} {model}" if model else operation, "CLIENT"
    if kind == "tool":
        function = file.child("function")
        tool_name = function.take_str("name") or label
        put(attributes, "gen_ai.tool.name", tool_name)
        put(attributes, "gen_ai.tool.description", function.take_str("description"))
        put(attributes, "tracebridge.tool.parameters", function.take_dict("parameters"))
        put(attributes, "tracebridge.tool.strict", function.take_bool("strict"))
        put(attributes, "tracebridge.tool.type", file.take_str("tool_type"))
        attributes["gen_ai.tool.type"] = "function"
        return "execute_tool", f"execute_tool {tool_name}" if tool_name else "execute_tool", "INTERNAL"
    if kind == "flow":
        put(attributes, "gen_ai.workflow.name", label)
        return "invoke_workflow", f"invoke_workflow {label}" if label else "invoke_workflow", "INTERNAL"
    return None, kind, "INTERNAL"  # evaluator Logs become evaluations, not spans; kept for completeness


_Records = list[Record | Carried]
_Walk = Generator[Child[_Context], _Records, _Records]
"""A Log's mapping as ``mapping.walk`` drives it: it yields each nested Log and receives that Log's records."""


def _log_records(log: Any, ctx: _Context, path: str) -> _Records:
    """A v5 Log (any kind) and everything nested in it, as records: the Log's own record first, then its nested
    Logs' in document order, then the File versions it was made with."""
    return walk(_log_tree, log, ctx, path)


def _log_tree(log: object, ctx: _Context, path: str) -> _Walk:
    if not isinstance(log, dict):
        raise MappingError("a v5 log must be an object", record_id=None, field_path=path)
    kind = log_kind(log)
    if kind == "evaluator":
        return (yield from _evaluator_log_records(log, ctx, path))
    return (yield from _span_log_records(log, kind, ctx, path))


def _span_log_records(log: Mapping[str, Any], kind: str | None, ctx: _Context, path: str) -> _Walk:
    f = Fields(log)
    log_id = f.take_str("id")
    if log_id is None:
        raise MappingError("a v5 log has no id", record_id=None, field_path=f"{path}.id")
    attributes: dict[str, Any] = {}
    trace_parent_id = f.take_str("trace_parent_id")
    source_trace_id = f.take_str("trace_id")
    parent_log_id = trace_parent_id or ctx.parent_log_id
    trace_key = source_trace_id or ctx.trace_key or trace_parent_id or log_id
    trace_id = trace_id_for(SYSTEM, trace_key)
    span_id = span_id_for(SYSTEM, log_id)
    start, end, derived = _timing(f, attributes)
    version_records = _embedded_version(log, kind, log_id, ctx, path)
    operation, name, span_kind = _kind_attributes(kind, f, attributes)
    put(attributes, "gen_ai.operation.name", operation)
    _common_log_fields(f, attributes)
    finish_reason = f.take_str("finish_reason")
    if finish_reason is not None:
        attributes["gen_ai.response.finish_reasons"] = [finish_reason]
    if kind in ("prompt", "agent") or kind is None:
        _model_call_fields(f, attributes)
    messages = f.take_list("messages")
    if messages is not None:
        attributes["gen_ai.input.messages"] = to_otel_messages(messages)
    inputs = f.get("inputs")
    if kind == "tool":
        if inputs is not None:
            attributes["gen_ai.tool.call.arguments"] = parse_arguments(f.take("inputs"))
        else:
            f.drop("inputs")
    else:
        put(attributes, "tracebridge.prompt.variables", f.take_dict("inputs"))
    _output_messages(f, finish_reason, attributes, as_tool_result=kind == "tool")
    error = f.take_str("error")
    if error is not None:
        attributes["error.type"] = error_type(error, f.get("provider_response"))
    status = "ERROR" if error is not None else "UNSET"
    if ctx.experiment_id is not None:
        attributes["tracebridge.experiment.id"] = ctx.experiment_id
    if parent_log_id is not None and trace_parent_id is None:
        attributes["tracebridge.parent.inferred"] = True

    judged_ctx = _Context(
        judged_log_id=log_id,
        judged_trace_id=trace_id,
        experiment_id=ctx.experiment_id,
        api_version=ctx.api_version,
        defer=ctx.defer,
    )
    child_ctx = _Context(
        trace_key=trace_key,
        parent_log_id=log_id,
        experiment_id=ctx.experiment_id,
        api_version=ctx.api_version,
        defer=ctx.defer,
    )
    children: list[Record | Carried] = []
    evaluator_logs = f.take_list("evaluator_logs")
    for i, item in enumerate(evaluator_logs or ()):
        children.extend((yield Child(item, judged_ctx, f"{path}.evaluator_logs[{i}]")))
    trace_children = f.take_list("trace_children")
    for i, item in enumerate(trace_children or ()):
        children.extend((yield Child(item, child_ctx, f"{path}.trace_children[{i}]")))

    span = Span(
        trace_id=trace_id,
        span_id=span_id,
        parent_span_id=span_id_for(SYSTEM, parent_log_id) if parent_log_id else None,
        name=name,
        kind=span_kind,  # type: ignore[arg-type]
        start_time_unix_nano=start,
        end_time_unix_nano=end,
        timing_derived=derived,
        status_code=status,  # type: ignore[arg-type]
        status_message=error,
        attributes=attributes,
        provenance=_provenance(
            f"{kind or 'unknown'}_log", log_id, ctx, parent_id=parent_log_id, trace_id=source_trace_id
        ),
        extra=f.rest(),
    )
    return [span, *children, *version_records]


def _embedded_version(
    log: Mapping[str, Any], kind: str | None, log_id: str, ctx: _Context, path: str
) -> list[Record | Carried]:
    """The definition and version of the File a Log was made with (embedded whole in every Log of it)."""
    file = log.get(kind) if kind is not None else None
    if not isinstance(file, dict) or not isinstance(file.get("version_id"), str):
        return []
    api_version = ctx.api_version

    def build() -> list[Record]:
        return file_records(file, kind=kind, api_version=api_version, found_in=log_id, path=f"{path}.{kind}")

    if ctx.defer:
        return [Carried(f"definition_version:{file['version_id']}", build)]
    return [*build()]


def _evaluator_log_records(log: Mapping[str, Any], ctx: _Context, path: str) -> _Walk:
    """An Evaluator Log: one evaluation of the Log it judges (``parent_id``), judgment mapped by ``return_type``."""
    f = Fields(log)
    log_id = f.take_str("id")
    if log_id is None:
        raise MappingError("a v5 evaluator log has no id", record_id=None, field_path=f"{path}.id")
    attributes: dict[str, Any] = {}
    version_records = _embedded_version(log, "evaluator", log_id, ctx, path)
    evaluator = f.child("evaluator")
    label = file_identity(evaluator, "evaluator", attributes, prefix="tracebridge.evaluator.")
    spec = evaluator.child("spec")
    return_type = spec.take_str("return_type")
    evaluator_type = spec.take_str("evaluator_type")
    put(attributes, "tracebridge.evaluation.evaluator_type", evaluator_type)
    put(attributes, "tracebridge.evaluation.annotator_kind", annotator_kind(evaluator_type))
    put(attributes, "tracebridge.evaluation.arguments_type", spec.take_str("arguments_type"))
    name = label or attributes.get("tracebridge.evaluator.id") or "evaluator"
    attributes["gen_ai.evaluation.name"] = name
    judgment = f.take("judgment")
    attributes.update(judgment_attributes(judgment, return_type))
    output = f.get("output")
    if isinstance(output, str) and "gen_ai.evaluation.explanation" not in attributes:
        attributes["gen_ai.evaluation.explanation"] = f.take("output")
    elif output is None:
        f.drop("output")
    error = f.take_str("error")
    if error is not None:
        attributes["tracebridge.evaluation.error"] = error
        attributes["error.type"] = error_type(error)
    put(attributes, "tracebridge.evaluation.marked_completed", f.take_bool("marked_completed"))
    put(attributes, "tracebridge.evaluation.stdout", f.take_str("stdout"))
    put(attributes, "user.id", f.take_str("user"))
    put(attributes, "tracebridge.metadata", f.take_dict("metadata"))
    created = to_unix_nano(f.get("created_at"))
    if created is not None or f.get("created_at") is None:
        f.drop("created_at")
    parent_id = f.take_str("parent_id") or ctx.judged_log_id
    status = "error" if error is not None else ("success" if judgment is not None else "pending")
    records: list[Record | Carried] = []
    parent_trace_id = ctx.judged_trace_id if parent_id == ctx.judged_log_id else None
    parent = f.get("parent")
    if isinstance(parent, dict):
        f.drop("parent")
        parent_ctx = _Context(experiment_id=ctx.experiment_id, api_version=ctx.api_version, defer=ctx.defer)
        parent_records = yield Child(parent, parent_ctx, f"{path}.parent")
        records.extend(parent_records)
        first = parent_records[0] if parent_records else None
        if isinstance(first, Span) and first.provenance.source_id == parent_id:
            parent_trace_id = first.trace_id
    if ctx.experiment_id is not None:
        attributes["tracebridge.experiment.id"] = ctx.experiment_id
    # An Evaluator Log's own call tree (its LLM call, judgments of the judgment) hangs under the Evaluator Log.
    experiment_id, api_version, defer = ctx.experiment_id, ctx.api_version, ctx.defer
    for key, nested_ctx in (
        (
            "evaluator_logs",
            _Context(judged_log_id=log_id, experiment_id=experiment_id, api_version=api_version, defer=defer),
        ),
        (
            "trace_children",
            _Context(parent_log_id=log_id, experiment_id=experiment_id, api_version=api_version, defer=defer),
        ),
    ):
        for i, item in enumerate(f.take_list(key) or ()):
            records.extend((yield Child(item, nested_ctx, f"{path}.{key}[{i}]")))
    evaluation = Evaluation(
        evaluation_id=log_id,
        name=str(name),
        target_type="span",
        trace_id=parent_trace_id,
        span_id=span_id_for(SYSTEM, parent_id) if parent_id else None,
        experiment_id=ctx.experiment_id,
        time_unix_nano=created,
        status=status,
        attributes=attributes,
        provenance=_provenance("evaluator_log", log_id, ctx, parent_id=parent_id, trace_id=f.take_str("trace_id")),
        extra=f.rest(),
    )
    return [evaluation, *records, *version_records]


def _datapoint_record(
    datapoint: Any, ctx: _Context, path: str, dataset: Mapping[str, Any] | None = None
) -> DatasetExample:
    if not isinstance(datapoint, dict):
        raise MappingError("a datapoint must be an object", record_id=None, field_path=path)
    f = Fields(datapoint)
    example_id = f.take_str("id")
    if example_id is None:
        raise MappingError("a datapoint has no id", record_id=None, field_path=f"{path}.id")
    example_input: dict[str, Any] = {}
    put(example_input, "inputs", f.take_dict("inputs"))
    messages = f.take_list("messages")
    if messages is not None:
        example_input["messages"] = to_otel_messages(messages)
    target = f.take_dict("target")
    return DatasetExample(
        example_id=example_id,
        dataset_id=(dataset or {}).get("id"),
        dataset_version_id=(dataset or {}).get("version_id"),
        input=example_input or None,
        expected_output=target,
        provenance=_provenance("datapoint", example_id, ctx),
        extra=f.rest(),
    )


def _subject(file: Fields, default_kind: str = "file") -> tuple[dict[str, Any], str | None]:
    """A file version's identity as a plain dict (type, id, path, name, version_id, version_name, tags) and label."""
    kind = file.get("type") if isinstance(file.get("type"), str) else default_kind
    identity: dict[str, Any] = {}
    label = file_identity(file, str(kind), identity)
    subject = {k.removeprefix("tracebridge.file."): v for k, v in identity.items() if k.startswith("tracebridge.file.")}
    if "tracebridge.tags" in identity:
        subject["tags"] = identity["tracebridge.tags"]
    return subject, label


def _evaluation_log(
    record: Mapping[str, Any], *, legacy: bool, evaluation_id: str | None, defer: bool
) -> list[Record | Carried]:
    f = Fields(record)
    api_version = "v5-legacy" if legacy else API_VERSION
    item_attributes: dict[str, Any] = {}
    experiment_id: str | None = None
    if legacy:
        # Before runs existed, an evaluation's logs were grouped by the evaluated version. A version with no id or
        # path identifies no experiment: it is then left whole for the log's extra.
        evaluated = f.get("evaluated_version")
        if isinstance(evaluated, dict) and any(
            isinstance(evaluated.get(k), str) for k in ("version_id", "id", "path", "name")
        ):
            subject, label = _subject(f.child("evaluated_version"))
            item_attributes = {f"tracebridge.experiment.subject.{k}": v for k, v in subject.items()}
            experiment_id = subject.get("version_id") or subject.get("id") or label
    else:
        experiment_id = f.take_str("run_id")
    ctx = _Context(experiment_id=experiment_id, api_version=api_version, defer=defer)
    records: list[Record | Carried] = []
    log = f.take("log")
    log_records = _log_records(log, ctx, "log")
    records.extend(log_records)
    # The Log's own record comes first (a span, or an Evaluator Log's evaluation); carried versions come after.
    main = log_records[0] if log_records and not isinstance(log_records[0], Carried) else None
    log_id = main.provenance.source_id if main is not None else None
    evaluated_ctx = ctx
    if isinstance(main, Span):
        evaluated_ctx = _Context(
            judged_log_id=log_id,
            judged_trace_id=main.trace_id,
            experiment_id=experiment_id,
            api_version=api_version,
            defer=defer,
        )
    for i, item in enumerate(f.take_list("evaluator_logs") or ()):
        records.extend(_log_records(item, evaluated_ctx, f"evaluator_logs[{i}]"))
    datapoint = f.take("datapoint")
    example_id: str | None = None
    if datapoint is not None:
        example = _datapoint_record(datapoint, ctx, "datapoint")
        example_id = example.example_id
        records.append(example)
    if example_id is None and isinstance(main, Span):
        value = main.attributes.get("tracebridge.dataset.example_id")
        example_id = value if isinstance(value, str) else None
    if experiment_id is not None:
        span = main if isinstance(main, Span) else None
        named = functools.partial(_named_experiment, experiment_id, evaluation_id, item_attributes, ctx)
        records.append(Carried(f"experiment:{experiment_id}", lambda: [named()]) if defer else named())
        records.append(
            experiment_item(
                experiment_id=experiment_id,
                example_id=example_id,
                span=span,
                attributes=item_attributes,
                provenance=_provenance("evaluation_log", log_id, ctx),
                extra=f.rest(),
            )
        )
    else:
        # No run and no evaluated version: nothing to link; unknown envelope fields go on the log's span.
        leftover = f.rest()
        if leftover and main is not None:
            records[0] = attrs.evolve(main, extra={**main.extra, ENVELOPE_KEY: leftover})
    return _link_judged_traces(records)


def _link_judged_traces(records: list[Record | Carried]) -> list[Record | Carried]:
    """Evaluations that judge something of this record's tree name what they judge, with its trace.

    An Evaluator Log names the Log it judges (``parent_id``), not its trace; that Log may be any of the tree the record
    holds (an envelope's ``evaluator_logs`` judge the Log's trace children too), mapped by now. When it is itself an
    Evaluator Log (an evaluation of an Evaluator's judgments), the target is that evaluation, in its trace.
    """
    traces = {record.span_id: record.trace_id for record in records if isinstance(record, Span)}
    # Two passes: an evaluation of an evaluation takes the trace its target found in the first.
    linked = [_with_judged_trace(record, traces, {}) for record in records]
    judged = {record.evaluation_id: record for record in linked if isinstance(record, Evaluation)}
    return [_with_judged_trace(record, traces, judged) for record in linked]


def _with_judged_trace(
    record: Record | Carried, traces: Mapping[str, str | None], judged: Mapping[str, Evaluation]
) -> Record | Carried:
    if not isinstance(record, Evaluation) or record.trace_id is not None:
        return record
    if record.span_id is not None and record.span_id in traces:
        return attrs.evolve(record, trace_id=traces[record.span_id])
    parent = judged.get(record.provenance.parent_id or "")
    if parent is None:
        return record
    attributes = {**record.attributes, "tracebridge.evaluation.judged_evaluation_id": parent.evaluation_id}
    return attrs.evolve(record, target_type="evaluation", span_id=None, trace_id=parent.trace_id, attributes=attributes)


def _named_experiment(
    experiment_id: str, evaluation_id: str | None, item_attributes: Mapping[str, Any], ctx: _Context
) -> Experiment:
    """The experiment an evaluation log names (its run, or for the legacy shape its evaluated version): the
    export keeps the first of these per id, or the run's own record when the run object came first."""
    subject = {
        key.removeprefix("tracebridge.experiment.subject."): value
        for key, value in item_attributes.items()
        if key.startswith("tracebridge.experiment.subject.")
    }
    return Experiment(
        experiment_id=experiment_id,
        evaluation_id=evaluation_id,
        name=subject.get("version_name") or subject.get("path") or subject.get("name"),
        subject=subject or None,
        provenance=_provenance("evaluation_log_run", experiment_id, ctx),
    )


def normalize_evaluation_log(
    record: Any, *, evaluation_id: str | None = None, defer_versions: bool = False
) -> list[Record | Carried]:
    """A v5 evaluation log record (``V5EvaluationLogResponse``, the legacy shape, or the same JSON) as records.

    The legacy shape (``{evaluated_version, datapoint, log, evaluator_logs}``, exports before Nov 2024) is recognised
    by its missing ``run_id``. ``evaluation_id`` (the endpoint's, or the export folder's) names the evaluation the
    run belongs to: the record does not. ``defer_versions`` returns the File versions embedded in the logs as
    ``Carried`` (an export builds the first copy of each only), else as records.
    """
    data = as_mapping(record)
    return _evaluation_log(data, legacy="run_id" not in data, evaluation_id=evaluation_id, defer=defer_versions)


def normalize_legacy_evaluation_log(
    record: Any, *, evaluation_id: str | None = None, defer_versions: bool = False
) -> list[Record | Carried]:
    """The pre-Nov-2024 shape (``V5LegacyEvaluationLogResponse``) explicitly."""
    return _evaluation_log(as_mapping(record), legacy=True, evaluation_id=evaluation_id, defer=defer_versions)


def normalize_log(record: Any, *, defer_versions: bool = False) -> list[Record | Carried]:
    """A bare v5 Log of any kind (as found in ``logs/N.jsonl`` of an export) and everything nested in it."""
    return _link_judged_traces(_log_records(as_mapping(record), _Context(defer=defer_versions), "log"))


def normalize_datapoint(
    record: Any, *, dataset_id: str | None = None, dataset_version_id: str | None = None
) -> list[Record]:
    """A bare Datapoint of a dataset version (an export's ``datapoints/<dsv_id>/N.jsonl``) as a dataset example,
    mapped as the datapoints embedded in evaluation logs and runs are."""
    dataset = {"id": dataset_id, "version_id": dataset_version_id}
    return [_datapoint_record(as_mapping(record), _Context(), "datapoint", dataset)]


def normalize_evaluation_run(
    record: Any,
    *,
    evaluation_id: str | None = None,
    evaluation_name: str | None = None,
    stats: Mapping[str, Any] | None = None,
) -> list[Record]:
    """A v5 Run (``V5EvaluationRunResponse``) as an experiment, the definitions and versions of what it ran (the
    evaluated version and the dataset), and the dataset's datapoints when it embeds them.

    A run does not name its evaluation: ``evaluation_id`` and ``evaluation_name`` come from where it was found (an
    export's ``evaluations/<id>/``, its ``evaluation.json``), ``stats`` is its entry of the evaluation's
    ``stats.json`` (``run_stats``), kept whole.
    """
    data = as_mapping(record)
    f = Fields(data)
    run_id = f.take_str("id")
    if run_id is None:
        raise MappingError("a v5 run has no id", record_id=None, field_path="id")
    attributes: dict[str, Any] = {}
    put(attributes, "tracebridge.evaluation.name", evaluation_name)
    put(attributes, "tracebridge.experiment.stats", dict(stats) if stats is not None else None)
    definitions: list[Record] = []
    for key, kind in (("version", None), ("dataset", "dataset")):
        embedded = data.get(key)
        if isinstance(embedded, dict) and isinstance(embedded.get("version_id"), str):
            definitions.extend(file_records(embedded, kind=kind, found_in=run_id, path=key))
    ctx = _Context(experiment_id=run_id)
    records: list[Record] = []
    dataset = f.child("dataset")
    dataset_identity, _ = _subject(dataset, "dataset")
    dataset_id = dataset_identity.pop("id", None)
    dataset_version_id = dataset_identity.pop("version_id", None)
    attributes.update({f"tracebridge.dataset.{k}": v for k, v in dataset_identity.items()})
    put(attributes, "tracebridge.dataset.datapoints_count", dataset.take_int("datapoints_count"))
    for i, datapoint in enumerate(dataset.take_list("datapoints") or ()):
        records.append(
            _datapoint_record(
                datapoint, ctx, f"dataset.datapoints[{i}]", {"id": dataset_id, "version_id": dataset_version_id}
            )
        )
    version = f.child("version")
    subject, label = _subject(version)
    if subject.get("type") in ("prompt", "agent"):
        model_parameters(version, attributes)
    put(attributes, "tracebridge.experiment.orchestrated", f.take_bool("orchestrated"))
    added = to_unix_nano(f.get("added_at"))
    if added is not None or f.get("added_at") is None:
        f.drop("added_at")
    put(attributes, "tracebridge.experiment.added_at_unix_nano", added)
    created = to_unix_nano(f.get("created_at"))
    if created is not None or f.get("created_at") is None:
        f.drop("created_at")
    put(attributes, "tracebridge.experiment.created_by", f.take("created_by"))
    experiment = Experiment(
        experiment_id=run_id,
        evaluation_id=evaluation_id,
        name=subject.get("version_name") or label,
        status=f.take_str("status"),
        is_control=f.take_bool("control"),
        created_at_unix_nano=created,
        dataset_id=dataset_id,
        dataset_version_id=dataset_version_id,
        subject=subject or None,
        attributes=attributes,
        provenance=_provenance("evaluation_run", run_id, ctx),
        extra=f.rest(),
    )
    return [experiment, *records, *definitions]
