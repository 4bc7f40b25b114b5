"""The common record schema: the record types every Humanloop and Galileo object maps onto.

Why attrs classes rather than dicts: the classes are the single definition of the schema. The JSON Schema that
``tracebridge schema`` prints is derived from them (``tracebridge.json_schema``), and serialization
(``tracebridge.serialization``) walks the same fields, so the shape is never written twice.

Conventions shared by every record:

- ``attributes`` is keyed by dotted names: OpenTelemetry GenAI semantic conventions v1.41.1 where a name exists
  (``gen_ai.request.model``, ``session.id``, ...), otherwise the one project namespace ``tracebridge.``. Keeping them in
  one flat map (rather than one Python field per attribute) means an OTLP sink copies the map as-is and a new
  attribute needs no schema change.
- ``provenance`` says where the record came from, so a record can always be traced back to its source object.
- ``extra`` holds every source field the mapping did not put anywhere else, verbatim and at its original nesting:
  nothing a vendor sent is lost, including fields and enum values unknown when this was written.
"""

from __future__ import annotations

from typing import Any, Literal

import attrs

SCHEMA_VERSION = "1"
"""Bumped on any incompatible change to the records; written on every record so old exports stay readable."""

StatusCode = Literal["UNSET", "OK", "ERROR"]
SpanKind = Literal["INTERNAL", "CLIENT"]
SourceSystem = Literal["humanloop", "galileo"]


TRACE_ID_PATTERN = "^(?!0{32})[0-9a-f]{32}$"
"""An OTel trace id: 32 lowercase hex digits, not all zero (the JSON Schema checks it)."""
SPAN_ID_PATTERN = "^(?!0{16})[0-9a-f]{16}$"
"""An OTel span id: 16 lowercase hex digits, not all zero."""


def _doc(text: str, pattern: str | None = None) -> dict[str, str]:
    """Field metadata carrying the description (and string pattern) that end up in the JSON Schema."""
    return {"description": text} if pattern is None else {"description": text, "pattern": pattern}


@attrs.frozen(kw_only=True)
class Provenance:
    """Where a record came from: enough to find the source object again and to rebuild its links."""

    system: SourceSystem = attrs.field(metadata=_doc("The vendor the record was read from."))
    api_version: str = attrs.field(metadata=_doc("The vendor API (or export format) version, e.g. v4, v5, v2."))
    record_type: str = attrs.field(
        metadata=_doc("The kind of source object, e.g. prompt_log, evaluator_log, llm_span, scorer_metric.")
    )
    source_id: str | None = attrs.field(default=None, metadata=_doc("The source object's own id, as written."))
    parent_id: str | None = attrs.field(default=None, metadata=_doc("The source id of the parent object, if any."))
    trace_id: str | None = attrs.field(default=None, metadata=_doc("The source trace id, if any."))
    session_id: str | None = attrs.field(default=None, metadata=_doc("The source session id, if any."))


@attrs.frozen(kw_only=True)
class Span:
    """One unit of work: a Humanloop log of any kind, or a Galileo trace (the root span) or span."""

    record_type: Literal["span"] = attrs.field(default="span", init=False)
    schema_version: str = attrs.field(default=SCHEMA_VERSION, init=False)
    trace_id: str = attrs.field(
        metadata=_doc("OTel trace id: 32 lowercase hex digits, never all zero.", TRACE_ID_PATTERN)
    )
    span_id: str = attrs.field(metadata=_doc("OTel span id: 16 lowercase hex digits, never all zero.", SPAN_ID_PATTERN))
    parent_span_id: str | None = attrs.field(
        default=None, metadata=_doc("The parent's span id; null for a root.", SPAN_ID_PATTERN)
    )
    name: str = attrs.field(metadata=_doc("Span name, e.g. 'chat gpt-4o' or 'execute_tool search'."))
    kind: SpanKind = attrs.field(default="INTERNAL", metadata=_doc("OTel span kind: CLIENT for model calls."))
    start_time_unix_nano: int | None = attrs.field(default=None, metadata=_doc("Start, UTC nanoseconds since epoch."))
    end_time_unix_nano: int | None = attrs.field(default=None, metadata=_doc("End, UTC nanoseconds since epoch."))
    timing_derived: bool = attrs.field(
        default=False, metadata=_doc("True when start or end was inferred (created_at plus latency or duration).")
    )
    status_code: StatusCode = attrs.field(default="UNSET", metadata=_doc("OTel status code."))
    status_message: str | None = attrs.field(default=None, metadata=_doc("The error message when status is ERROR."))
    attributes: dict[str, Any] = attrs.field(factory=dict, metadata=_doc("OTel GenAI and tracebridge.* attributes."))
    provenance: Provenance
    extra: dict[str, Any] = attrs.field(factory=dict, metadata=_doc("Unmapped source fields at original nesting."))


@attrs.frozen(kw_only=True)
class Evaluation:
    """One judgment of one target: an evaluator log, evaluation result, feedback item, scorer metric or annotation."""

    record_type: Literal["evaluation"] = attrs.field(default="evaluation", init=False)
    schema_version: str = attrs.field(default=SCHEMA_VERSION, init=False)
    evaluation_id: str = attrs.field(metadata=_doc("Deterministic id: the same source judgment gives the same id."))
    name: str = attrs.field(metadata=_doc("What was judged for, e.g. the evaluator path or the metric name."))
    target_type: str = attrs.field(metadata=_doc("What is judged: span, trace or session."))
    trace_id: str | None = attrs.field(
        default=None, metadata=_doc("OTel trace id of the judged span or trace.", TRACE_ID_PATTERN)
    )
    span_id: str | None = attrs.field(default=None, metadata=_doc("OTel span id of the judged span.", SPAN_ID_PATTERN))
    session_id: str | None = attrs.field(default=None, metadata=_doc("Source session id of the judged session."))
    experiment_id: str | None = attrs.field(default=None, metadata=_doc("The run the judgment belongs to."))
    time_unix_nano: int | None = attrs.field(default=None, metadata=_doc("When the judgment was made, UTC ns."))
    status: str | None = attrs.field(
        default=None, metadata=_doc("success, error, pending, or the source's own status (e.g. failed, computing).")
    )
    attributes: dict[str, Any] = attrs.field(factory=dict, metadata=_doc("gen_ai.evaluation.* and tracebridge.*."))
    provenance: Provenance
    extra: dict[str, Any] = attrs.field(factory=dict, metadata=_doc("Unmapped source fields at original nesting."))


@attrs.frozen(kw_only=True)
class Session:
    """A conversation grouping traces: a Galileo session, or a Humanloop v4 session a log refers to."""

    record_type: Literal["session"] = attrs.field(default="session", init=False)
    schema_version: str = attrs.field(default=SCHEMA_VERSION, init=False)
    session_id: str = attrs.field(metadata=_doc("The source session id (also the session.id attribute)."))
    name: str | None = attrs.field(default=None, metadata=_doc("The session's name, if the source has one."))
    start_time_unix_nano: int | None = attrs.field(default=None, metadata=_doc("Start, UTC nanoseconds since epoch."))
    end_time_unix_nano: int | None = attrs.field(default=None, metadata=_doc("End, UTC nanoseconds since epoch."))
    timing_derived: bool = attrs.field(default=False, metadata=_doc("True when start or end was inferred."))
    status_code: StatusCode = attrs.field(default="UNSET", metadata=_doc("OTel-style status of the session."))
    status_message: str | None = attrs.field(default=None, metadata=_doc("The error message when status is ERROR."))
    attributes: dict[str, Any] = attrs.field(factory=dict, metadata=_doc("session.*, gen_ai.* and tracebridge.*."))
    provenance: Provenance
    extra: dict[str, Any] = attrs.field(factory=dict, metadata=_doc("Unmapped source fields at original nesting."))


@attrs.frozen(kw_only=True)
class DatasetExample:
    """One test case: a Humanloop datapoint, or the dataset input/output/metadata a Galileo record carries."""

    record_type: Literal["dataset_example"] = attrs.field(default="dataset_example", init=False)
    schema_version: str = attrs.field(default=SCHEMA_VERSION, init=False)
    example_id: str = attrs.field(metadata=_doc("The source datapoint id (or the Galileo record id it came with)."))
    dataset_id: str | None = attrs.field(default=None, metadata=_doc("The dataset the example belongs to."))
    dataset_version_id: str | None = attrs.field(default=None, metadata=_doc("The dataset version, if known."))
    input: dict[str, Any] | None = attrs.field(
        default=None, metadata=_doc("{inputs, messages (OTel parts model), text}: whatever the source has.")
    )
    expected_output: Any = attrs.field(default=None, metadata=_doc("The target / expected output, any JSON value."))
    metadata: dict[str, Any] | None = attrs.field(default=None, metadata=_doc("The example's metadata, if any."))
    attributes: dict[str, Any] = attrs.field(factory=dict, metadata=_doc("tracebridge.* links (e.g. source span)."))
    provenance: Provenance
    extra: dict[str, Any] = attrs.field(factory=dict, metadata=_doc("Unmapped source fields at original nesting."))


@attrs.frozen(kw_only=True)
class Experiment:
    """One evaluation run: a version of a prompt/flow/agent/tool run over a dataset, grouped under its evaluation."""

    record_type: Literal["experiment"] = attrs.field(default="experiment", init=False)
    schema_version: str = attrs.field(default=SCHEMA_VERSION, init=False)
    experiment_id: str = attrs.field(metadata=_doc("The source run id."))
    evaluation_id: str | None = attrs.field(default=None, metadata=_doc("The evaluation grouping runs, if known."))
    name: str | None = attrs.field(default=None, metadata=_doc("A display name, e.g. the version name."))
    status: str | None = attrs.field(default=None, metadata=_doc("pending, running, completed, cancelled, or other."))
    is_control: bool | None = attrs.field(default=None, metadata=_doc("Whether this run is the comparison baseline."))
    created_at_unix_nano: int | None = attrs.field(default=None, metadata=_doc("When the run was created, UTC ns."))
    dataset_id: str | None = attrs.field(default=None, metadata=_doc("The dataset the run used."))
    dataset_version_id: str | None = attrs.field(default=None, metadata=_doc("The dataset version the run used."))
    subject: dict[str, Any] | None = attrs.field(
        default=None, metadata=_doc("What was evaluated: {type, id, path, version_id, version_name}.")
    )
    attributes: dict[str, Any] = attrs.field(factory=dict, metadata=_doc("tracebridge.* attributes."))
    provenance: Provenance
    extra: dict[str, Any] = attrs.field(factory=dict, metadata=_doc("Unmapped source fields at original nesting."))


@attrs.frozen(kw_only=True)
class ExperimentItem:
    """The link run x datapoint -> log: which span an experiment produced for which example."""

    record_type: Literal["experiment_item"] = attrs.field(default="experiment_item", init=False)
    schema_version: str = attrs.field(default=SCHEMA_VERSION, init=False)
    experiment_id: str = attrs.field(metadata=_doc("The run (or evaluation) the item belongs to."))
    example_id: str | None = attrs.field(default=None, metadata=_doc("The dataset example, if the log came from one."))
    repetition: int = attrs.field(default=1, metadata=_doc("Which repetition of the example this is (1-based)."))
    trace_id: str | None = attrs.field(
        default=None, metadata=_doc("OTel trace id of the produced span.", TRACE_ID_PATTERN)
    )
    span_id: str | None = attrs.field(
        default=None, metadata=_doc("OTel span id of the produced span.", SPAN_ID_PATTERN)
    )
    start_time_unix_nano: int | None = attrs.field(default=None, metadata=_doc("Start of the produced span, UTC ns."))
    end_time_unix_nano: int | None = attrs.field(default=None, metadata=_doc("End of the produced span, UTC ns."))
    status_code: StatusCode = attrs.field(default="UNSET", metadata=_doc("The produced span's status."))
    status_message: str | None = attrs.field(default=None, metadata=_doc("The produced span's error, if any."))
    attributes: dict[str, Any] = attrs.field(factory=dict, metadata=_doc("tracebridge.* attributes."))
    provenance: Provenance
    extra: dict[str, Any] = attrs.field(factory=dict, metadata=_doc("Unmapped source fields at original nesting."))


@attrs.frozen(kw_only=True)
class Definition:
    """Something defined once and used or run many times: a prompt, tool, flow, agent, evaluator or dataset (a
    Humanloop File), or an evaluation (the evaluators it runs over a file)."""

    record_type: Literal["definition"] = attrs.field(default="definition", init=False)
    schema_version: str = attrs.field(default=SCHEMA_VERSION, init=False)
    definition_id: str = attrs.field(metadata=_doc("The source id (pr_..., tl_..., ds_..., an evaluation's id)."))
    type: str = attrs.field(
        metadata=_doc("prompt, tool, flow, agent, evaluator, dataset, evaluation, or the source's.")
    )
    name: str | None = attrs.field(default=None, metadata=_doc("The name."))
    path: str | None = attrs.field(default=None, metadata=_doc("The path in the source's directory tree, name last."))
    directory_id: str | None = attrs.field(default=None, metadata=_doc("The source directory holding it."))
    description: str | None = attrs.field(default=None, metadata=_doc("Its description."))
    created_at_unix_nano: int | None = attrs.field(default=None, metadata=_doc("When it was created, UTC ns."))
    updated_at_unix_nano: int | None = attrs.field(default=None, metadata=_doc("When it last changed, UTC ns."))
    attributes: dict[str, Any] = attrs.field(factory=dict, metadata=_doc("tracebridge.* attributes (tags, readme...)."))
    provenance: Provenance
    extra: dict[str, Any] = attrs.field(factory=dict, metadata=_doc("Unmapped source fields at original nesting."))


@attrs.frozen(kw_only=True)
class DefinitionVersion:
    """One version of a definition: its full configuration (a prompt's template and model, a tool's function, an
    evaluator's spec and code, a dataset's schema) and where it is deployed. Shaped so that a destination can push a
    prompt version (template, model, parameters, tools, response format) with its environments as labels or tags."""

    record_type: Literal["definition_version"] = attrs.field(default="definition_version", init=False)
    schema_version: str = attrs.field(default=SCHEMA_VERSION, init=False)
    version_id: str = attrs.field(metadata=_doc("The source version id (prv_..., tv_..., evv_..., dsv_...)."))
    definition_id: str | None = attrs.field(default=None, metadata=_doc("The definition it is a version of."))
    definition_type: str | None = attrs.field(default=None, metadata=_doc("prompt, tool, flow, agent, evaluator..."))
    path: str | None = attrs.field(default=None, metadata=_doc("The definition's path (its name last)."))
    version_name: str | None = attrs.field(default=None, metadata=_doc("The version's name, if it has one."))
    version_description: str | None = attrs.field(default=None, metadata=_doc("What changed in this version."))
    status: str | None = attrs.field(default=None, metadata=_doc("The version's status, e.g. committed or draft."))
    created_at_unix_nano: int | None = attrs.field(default=None, metadata=_doc("When the version was created, UTC ns."))
    created_by: dict[str, Any] | None = attrs.field(default=None, metadata=_doc("Who created it {id, email, name}."))
    template: Any = attrs.field(
        default=None, metadata=_doc("The template: text, or chat messages in the OTel parts model.")
    )
    template_language: str | None = attrs.field(
        default=None, metadata=_doc("How the template's variables are written: default ({{var}}) or jinja.")
    )
    model: str | None = attrs.field(default=None, metadata=_doc("The model, e.g. gpt-4o."))
    provider: str | None = attrs.field(default=None, metadata=_doc("The provider, as gen_ai.provider.name names it."))
    parameters: dict[str, Any] | None = attrs.field(
        default=None, metadata=_doc("Model parameters: temperature, max_tokens, top_p, stop, seed, reasoning_effort...")
    )
    tools: list[Any] | None = attrs.field(default=None, metadata=_doc("The tools the model may call (function specs)."))
    response_format: Any = attrs.field(default=None, metadata=_doc("The response format the model is held to."))
    spec: dict[str, Any] | None = attrs.field(
        default=None,
        metadata=_doc(
            "What else defines it: an evaluator's kind, return type and code, a tool's function and code, "
            "a dataset's or flow's schema."
        ),
    )
    deployments: list[dict[str, Any]] = attrs.field(
        factory=list, metadata=_doc("Where it is deployed: {environment_id, environment_name, environment_tag}.")
    )
    attributes: dict[str, Any] = attrs.field(factory=dict, metadata=_doc("gen_ai.* and tracebridge.* attributes."))
    provenance: Provenance
    extra: dict[str, Any] = attrs.field(factory=dict, metadata=_doc("Unmapped source fields at original nesting."))


Record = Span | Evaluation | Session | DatasetExample | Experiment | ExperimentItem | Definition | DefinitionVersion
"""Any common record."""

RECORD_CLASSES: dict[str, type[Record]] = {
    "span": Span,
    "evaluation": Evaluation,
    "session": Session,
    "dataset_example": DatasetExample,
    "experiment": Experiment,
    "experiment_item": ExperimentItem,
    "definition": Definition,
    "definition_version": DefinitionVersion,
}
"""Record classes by their ``record_type``, the discriminator every serialized record carries."""
