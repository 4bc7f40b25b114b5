"""The Galileo record kind: every node of an export (session, trace, span of any type) is one kind of record.

``type`` picks the generated model; a type this version does not know parses as ``UnknownRecord`` and is still mapped
(losslessly, as a span). The API stream and the file imports use this same kind.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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

from tracebridge.delivery.kinds import RecordKind, id_field
from tracebridge.galileo import mapping
from tracebridge.galileo.formats import RECORD_TYPES

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


GALILEO_RECORD = RecordKind("galileo record", parse_record, id_field("galileo"), mapping.normalize_record)
