"""The Galileo record kind: every node of an export (session, trace, span of any type) is one kind of record.

``type`` picks the generated model; a type this version does not know parses as ``UnknownRecord`` and is still mapped
(losslessly, as a span). The API stream and the file imports use this same kind.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from typing import Any

import attrs
from galileo_client.models import (
    AgentSpanRecord,
    ControlSpanRecord,
    LlmSpanRecord,
    RetrieverSpanRecord,
    SessionRecord,
    StubTraceRecord,
    ToolSpanRecord,
    TraceRecord,
    UnknownRecord,
    WorkflowSpanRecord,
)

from tracebridge.delivery.kinds import IntakeProbe, RecordKind, id_field
from tracebridge.galileo import mapping
from tracebridge.galileo.formats import RECORD_TYPES
from tracebridge.mapping.errors import RejectedPart
from tracebridge.mapping.experiment_items import experiment_item
from tracebridge.records import Experiment, Provenance, Record, Session, Span

GalileoRecord = (
    SessionRecord
    | TraceRecord
    | LlmSpanRecord
    | ToolSpanRecord
    | RetrieverSpanRecord
    | WorkflowSpanRecord
    | AgentSpanRecord
    | ControlSpanRecord
    | StubTraceRecord
    | UnknownRecord
)
RECORD_MODELS: Mapping[str, type[GalileoRecord]] = {
    "session": SessionRecord,
    "trace": TraceRecord,
    "llm": LlmSpanRecord,
    "tool": ToolSpanRecord,
    "retriever": RetrieverSpanRecord,
    "workflow": WorkflowSpanRecord,
    "agent": AgentSpanRecord,
    "control": ControlSpanRecord,
    "stub_trace": StubTraceRecord,
}
assert set(RECORD_MODELS) == RECORD_TYPES, "every record type needs its model"


def parse_record(raw: Mapping[str, Any]) -> GalileoRecord:
    """The model for a record's ``type``; a type this version does not know parses as ``UnknownRecord``."""
    model = RECORD_MODELS.get(str(raw.get("type")), UnknownRecord)
    return model.from_dict(raw)


GALILEO_RECORD = RecordKind(
    "galileo record", parse_record, id_field("galileo"), mapping.normalize_record, probe=IntakeProbe
)

DERIVED_ID = "tracebridge.id.derived"
"""Set (true) on the record whose source had no id, so a derived one was made from its content."""
_DERIVED_NAMESPACE = uuid.UUID("8f0b5a3e-6a51-4f0e-9d55-7b7a1f6f0c1d")


def derived_id(row: Mapping[str, Any]) -> str:
    """A deterministic id for a row exported without one (a CSV of chosen ``column_ids``): a UUID of its content, so
    the same row gets the same id in every import, and identical rows are one record."""
    return str(uuid.uuid5(_DERIVED_NAMESPACE, json.dumps(row, sort_keys=True, ensure_ascii=False, default=str)))


def _row_identity(raw: Mapping[str, Any]) -> str | None:
    value = raw.get("id")
    return f"galileo:{value if isinstance(value, str) and value else derived_id(raw)}"


def _normalize_row(record: Any) -> list[Record | RejectedPart]:
    if not isinstance(record, Mapping) or record.get("id"):
        return mapping.normalize_record(record)
    made = derived_id(record)
    out: list[Record | RejectedPart] = []
    for item in mapping.normalize_record({**record, "id": made}):
        if isinstance(item, Span | Session) and item.provenance.source_id == made:
            out.append(attrs.evolve(item, attributes={**item.attributes, DERIVED_ID: True}))
        else:
            out.append(item)
    return out


GALILEO_ROW = RecordKind("galileo record", parse_record, _row_identity, _normalize_row)
"""A Galileo CSV row: a record whose id column may not have been exported gets a derived one (``DERIVED_ID``)."""


def experiment_records(experiment_id: str) -> RecordKind:
    """A record of a Galileo experiment's export (``experiment_id=``): mapped as any record, plus the experiment
    (kept once per export) and an item linking the experiment to the record's root span and dataset row."""

    def normalize(record: Any) -> list[Record | RejectedPart]:
        mapped = mapping.normalize_record(record)
        root = next((item for item in mapped if isinstance(item, Span)), None)
        if root is None:
            return mapped
        provenance = Provenance(system="galileo", api_version="v2", record_type="experiment", source_id=experiment_id)
        example = root.attributes.get("tracebridge.dataset.example_id")
        item = experiment_item(
            experiment_id=experiment_id,
            example_id=example if isinstance(example, str) else None,
            span=root,
            attributes={},
            provenance=attrs.evolve(provenance, record_type="experiment_record", source_id=root.provenance.source_id),
            extra={},
        )
        return [Experiment(experiment_id=experiment_id, provenance=provenance), *mapped, item]

    return RecordKind("galileo experiment record", parse_record, id_field("galileo"), normalize)
