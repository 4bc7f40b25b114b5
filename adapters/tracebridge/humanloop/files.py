"""How Humanloop records sit in files: the shapes of saved API pages, JSONL dumps and the export tool's files.

``tracebridge.imports`` reads the files; these declarations say which kind each record is. The export tool's
directory has its own walk (``tracebridge.humanloop.export_directory``), which uses the same shapes.
"""

from __future__ import annotations

from typing import Final

from tracebridge.delivery.kinds import always
from tracebridge.delivery.shapes import FileShape
from tracebridge.humanloop import formats, kinds
from tracebridge.humanloop.nested import nested_log_identities

V4_EXPORT: Final = FileShape(formats.V4_EXPORT, "json", always(kinds.V4_LOG))
V4_DATAPOINTS: Final = FileShape(formats.V4_DATAPOINTS, "json", always(kinds.v4_datapoint_snapshot(None, None)))
"""A dump of the endpoint's pages does not say which evaluation and evaluatee it was read for: the snapshots' own
evaluation results name the evaluation."""
V5_RUNS: Final = FileShape(formats.V5_RUNS, "json", always(kinds.v5_run(None)))
V5_FILES: Final = FileShape(formats.V5_FILES, "json", always(kinds.v5_file("file_version")))
V5_DATAPOINTS: Final = FileShape(formats.V5_DATAPOINTS, "json", always(kinds.v5_datapoint(None, None)))
V5_EVALUATIONS: Final = FileShape(formats.V5_EVALUATIONS, "json", always(kinds.v5_evaluation()))
V5_EVALUATION_LOGS: Final = FileShape(formats.V5_EVALUATION_LOGS, "json", kinds.v5_log_or_evaluation_log())
V5_LOGS: Final = FileShape(
    formats.V5_LOGS, "json", kinds.v5_log_or_evaluation_log(), known_repeats=nested_log_identities
)
"""Bare Logs as the export tool writes them: every nested Log is repeated on its own line, in its own file."""

SHAPES: Final[dict[str, FileShape]] = {
    shape.format: shape
    for shape in (
        V4_EXPORT,
        V4_DATAPOINTS,
        V5_EVALUATION_LOGS,
        V5_LOGS,
        V5_RUNS,
        V5_FILES,
        V5_DATAPOINTS,
        V5_EVALUATIONS,
    )
}
"""The file formats ``--from`` can name, by name (the export directory is not a file format)."""
