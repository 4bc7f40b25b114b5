"""Every error tracebridge raises survives pickling (worker processes, multiprocessing and Ray send errors back)."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from tracebridge.delivery.completeness import CompletenessReport
from tracebridge.errors import (
    ApiError,
    CheckpointMismatchError,
    ExportChangedError,
    FileLayoutError,
    IncompleteExportError,
    StreamBrokenError,
)
from tracebridge.imports.errors import ImportFormatError
from tracebridge.mapping.errors import MappingError
from tracebridge.sinks.ownership import OutputInUseError

ERRORS = [
    ApiError("POST /v4/projects/{id}/export", 503, "Service Unavailable", attempts=3),
    ApiError("GET /v5/evaluations/{id}/logs", None, "connection refused"),
    IncompleteExportError("3 records missing", CompletenessReport(expected=10, unique=7)),
    MappingError("a log needs an id", record_id=None, field_path="$.log.id"),
    ImportFormatError(Path("/data/x.json"), "empty file"),
    OutputInUseError("--out x holds another run"),
    CheckpointMismatchError("another export"),
    StreamBrokenError("cut"),
    ExportChangedError("changed"),
    FileLayoutError("bad header"),
]


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: type(e).__name__)
def test_errors_survive_pickling_with_their_message_and_attributes(error: Exception) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert vars(copy) == vars(error)
