"""Output formats: ``open_output`` gives the CLI one ``MultiSink`` for ``--out`` and ``--format``.

Only the standard-library formats (JSONL, CSV) are imported here; Parquet and DuckDB load on demand.
"""

from tracebridge.sinks.base import Sink, SinkState
from tracebridge.sinks.extras import MissingExtraError
from tracebridge.sinks.manifest import Manifest
from tracebridge.sinks.multi import MultiSink, ResumeMismatchError
from tracebridge.sinks.output import DEFAULT_OUT, FORMATS, OutputUsageError, open_output

__all__ = [
    "DEFAULT_OUT",
    "FORMATS",
    "Manifest",
    "MissingExtraError",
    "MultiSink",
    "OutputUsageError",
    "ResumeMismatchError",
    "Sink",
    "SinkState",
    "open_output",
]
