"""Humanloop Files and their versions onto ``Definition`` and ``DefinitionVersion`` records.

A Humanloop File object (``PromptResponse``, ``ToolResponse``, ``FlowResponse``, ``AgentResponse``,
``EvaluatorResponse``, ``DatasetResponse``) carries the File's own fields and those of one of its versions side by
side. It arrives whole in an export's ``file.json`` and ``versions/<id>``, and embedded in every v5 Log (``prompt``,
``tool``...), every Evaluator Log (``evaluator``) and every EvaluationRun (``version``, ``dataset``). Each occurrence
maps to the same two records, so the Export keeps one of each per id whichever source came first. An Evaluation
(``evaluation.json``: a name and the evaluators it runs over a File) is a definition too, of type ``evaluation``.

Lossless like every mapping: File fields go to the definition, version fields to the version (its configuration
normalized for destinations: template, model, provider, parameters, tools, response format, spec), and whatever is
left stays in the version's ``extra``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

from tracebridge.humanloop.formats import file_kind
from tracebridge.mapping.errors import MappingError
from tracebridge.mapping.lossless import Fields, put, put_taken
from tracebridge.mapping.messages import to_otel_messages
from tracebridge.mapping.providers import provider_attributes
from tracebridge.mapping.timing import to_unix_nano
from tracebridge.records import Definition, DefinitionVersion, Provenance, Record

SYSTEM: Final = "humanloop"
API_VERSION: Final = "v5"

_PARAMETERS: Final = (
    "endpoint",
    "max_tokens",
    "temperature",
    "top_p",
    "top_k",
    "stop",
    "presence_penalty",
    "frequency_penalty",
    "seed",
    "reasoning_effort",
    "max_iterations",
    "other",
)
"""Model parameters, kept as the vendor wrote them (``max_tokens: -1`` is Humanloop's "no limit", not a count)."""

_SPEC: Final = (
    "spec",
    "function",
    "source_code",
    "setup_values",
    "tool_type",
    "signature",
    "schema",
    "inputs",
    "linked_tools",
    "attributes",
    "raw_file_content",
)
"""What else defines a version, by kind: an evaluator's spec, a tool's function and code, a schema, the inputs."""

_VERSION_ATTRIBUTES: Final = (
    ("tracebridge.version.logs_count", Fields.take_int, "version_logs_count"),
    ("tracebridge.version.committed_by", Fields.take, "committed_by"),
    ("tracebridge.monitoring_evaluators", Fields.take_list, "evaluators"),
    ("tracebridge.evaluator_aggregates", Fields.take_list, "evaluator_aggregates"),
    ("tracebridge.dataset.datapoints_count", Fields.take_int, "datapoints_count"),
)
_DEFINITION_ATTRIBUTES: Final = (
    ("tracebridge.tags", Fields.take_list, "tags"),
    ("tracebridge.readme", Fields.take_str, "readme"),
    ("tracebridge.total_logs_count", Fields.take_int, "total_logs_count"),
)


def _take_time(f: Fields, key: str) -> int | None:
    """A timestamp as UTC ns; one that does not parse stays in ``extra`` as written."""
    value = to_unix_nano(f.get(key))
    if value is not None or f.get(key) is None:
        f.drop(key)
    return value


def file_records(
    file: Any,
    *,
    kind: str | None = None,
    deployments: Sequence[Mapping[str, Any]] = (),
    api_version: str = API_VERSION,
    found_in: str | None = None,
    path: str = "",
) -> list[Record]:
    """A File object as its definition and version; ``kind`` is the key it was found under when it has no ``type``.

    ``deployments`` adds the (version, environment) pairs an export's ``deployments.json`` lists for this version to
    the ones the object names itself; ``found_in`` is the id of the record it was embedded in (a log, a run).
    """
    if not isinstance(file, dict):
        raise MappingError("a file version must be an object", record_id=None, field_path=path or "$")
    f = Fields(file)
    definition_type = f.take_str("type") or kind or file_kind(file) or "file"
    definition_id = f.take_str("id")
    version_id = f.take_str("version_id")
    if version_id is None:
        raise MappingError("a file version has no version_id", record_id=definition_id, field_path=f"{path}.version_id")
    provenance = Provenance(
        system=SYSTEM,
        api_version=api_version,
        record_type=f"{definition_type}_version",
        source_id=version_id,
        parent_id=found_in,
    )
    definition: Definition | None = None
    if definition_id is not None:
        definition_attributes: dict[str, Any] = {}
        definition = Definition(
            definition_id=definition_id,
            type=definition_type,
            name=f.take_str("name"),
            path=f.take_str("path"),
            directory_id=f.take_str("directory_id"),
            description=f.take_str("description"),
            attributes=definition_attributes,
            provenance=Provenance(
                system=SYSTEM, api_version=api_version, record_type=definition_type, source_id=definition_id
            ),
        )
        put_taken(definition_attributes, f, _DEFINITION_ATTRIBUTES)
        label = definition.path or definition.name
    else:
        # No File to hang them on: the File's own fields stay in the version's extra, but its path names it.
        label = f.take_str("path")
    attributes: dict[str, Any] = {}
    put(attributes, "gen_ai.request.model", f.get("model") if isinstance(f.get("model"), str) else None)
    provider = f.get("provider")
    if isinstance(provider, str):
        attributes.update(provider_attributes(provider))
    put_taken(attributes, f, _VERSION_ATTRIBUTES)
    updated = _take_time(f, "updated_at")
    put(attributes, "tracebridge.updated_at_unix_nano", updated)
    put(attributes, "tracebridge.last_used_at_unix_nano", _take_time(f, "last_used_at"))
    put(attributes, "tracebridge.committed_at_unix_nano", _take_time(f, "committed_at"))
    version = DefinitionVersion(
        version_id=version_id,
        definition_id=definition_id,
        definition_type=definition_type,
        path=label,
        version_name=f.take_str("version_name"),
        version_description=f.take_str("version_description"),
        status=f.take_str("status"),
        created_at_unix_nano=_take_time(f, "created_at"),
        created_by=f.take_dict("created_by"),
        template=_template(f),
        template_language=f.take_str("template_language"),
        model=f.take_str("model"),
        provider=attributes.get("gen_ai.provider.name") if f.take_str("provider") is not None else None,
        parameters=_taken(f, _PARAMETERS),
        tools=f.take_list("tools"),
        response_format=f.take("response_format"),
        spec=_taken(f, _SPEC),
        deployments=_deployments(f, version_id, deployments),
        attributes=attributes,
        provenance=provenance,
        extra=f.rest(),
    )
    return [version] if definition is None else [definition, version]


def _template(f: Fields) -> Any:
    """Text as written; chat messages in the OTel parts model (as spans hold them), so a destination reads one form."""
    template = f.get("template")
    if isinstance(template, list):
        f.drop("template")
        return to_otel_messages(template)
    return f.take("template")


def _taken(f: Fields, keys: Sequence[str]) -> dict[str, Any] | None:
    """The fields of ``keys`` that are present (not null), taken as written; None when there is none."""
    out = {key: value for key in keys if (value := f.take(key)) is not None}
    return out or None


def _deployments(f: Fields, version_id: str, listed: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The version's environments, and any others ``deployments.json`` lists for it, once each by environment id."""
    out: list[dict[str, Any]] = []
    environments = f.take_list("environments")
    for environment in environments or ():
        if isinstance(environment, dict):
            e = Fields(environment)
            entry: dict[str, Any] = {
                "environment_id": e.take_str("id"),
                "environment_name": e.take_str("name"),
                "environment_tag": e.take_str("tag"),
            }
            created = to_unix_nano(e.get("created_at"))
            if created is not None:
                e.drop("created_at")
                entry["created_at_unix_nano"] = created
            entry.update(e.rest())
            out.append(entry)
        else:
            out.append({"environment": environment})
    seen = {entry.get("environment_id") for entry in out}
    for item in listed:
        if item.get("version_id") == version_id and item.get("environment_id") not in seen:
            out.append({k: v for k, v in item.items() if k != "version_id"})
            seen.add(item.get("environment_id"))
    return out


def evaluation_records(evaluation: Any, *, stats: Mapping[str, Any] | None = None, path: str = "") -> list[Record]:
    """An Evaluation (``evaluation.json``) as a definition of type ``evaluation``, with its evaluators' versions;
    ``stats`` (the export's ``stats.json``) is kept whole with it."""
    if not isinstance(evaluation, dict):
        raise MappingError("an evaluation must be an object", record_id=None, field_path=path or "$")
    f = Fields(evaluation)
    evaluation_id = f.take_str("id")
    if evaluation_id is None:
        raise MappingError("an evaluation has no id", record_id=None, field_path=f"{path}.id")
    records: list[Record] = []
    evaluators: list[Any] = []
    for i, item in enumerate(f.take_list("evaluators") or ()):
        if not isinstance(item, dict):
            evaluators.append(item)
            continue
        e = Fields(item)
        version = e.get("version")
        if isinstance(version, dict):
            e.drop("version")
            mapped = file_records(version, kind="evaluator", found_in=evaluation_id, path=f"evaluators[{i}].version")
            records.extend(mapped)
            link: dict[str, Any] = {"version_id": version.get("version_id"), "id": version.get("id")}
            evaluators.append({**link, **e.rest()})
        else:
            evaluators.append(item)
    attributes: dict[str, Any] = {}
    put(attributes, "tracebridge.evaluation.evaluators", evaluators or None)
    put(attributes, "tracebridge.evaluation.file_id", f.take_str("file_id"))
    put(attributes, "tracebridge.evaluation.runs_count", f.take_int("runs_count"))
    put(attributes, "tracebridge.evaluation.url", f.take_str("url"))
    put(attributes, "tracebridge.evaluation.created_by", f.take("created_by"))
    put(attributes, "tracebridge.evaluation.stats", dict(stats) if stats is not None else None)
    definition = Definition(
        definition_id=evaluation_id,
        type="evaluation",
        name=f.take_str("name"),
        created_at_unix_nano=_take_time(f, "created_at"),
        updated_at_unix_nano=_take_time(f, "updated_at"),
        attributes=attributes,
        provenance=Provenance(
            system=SYSTEM, api_version=API_VERSION, record_type="evaluation", source_id=evaluation_id
        ),
        extra=f.rest(),
    )
    return [definition, *records]
