"""Output formats: ``open_output`` gives the CLI one ``MultiSink`` for ``--out`` and ``--format``.

The names below are imported on first use (``tracebridge.lazy_exports``): a module such as ``sinks.layout`` (file
names, which ``tracebridge --help`` shows) must be importable without the sinks themselves. Parquet and DuckDB load
on demand in any case.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracebridge.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from tracebridge.sinks.base import Sink, SinkState
    from tracebridge.sinks.extras import MissingExtraError
    from tracebridge.sinks.manifest import Manifest
    from tracebridge.sinks.multi import MultiSink, ResumeMismatchError
    from tracebridge.sinks.output import DEFAULT_OUT, FORMATS, OutputUsageError, open_output

_LAZY = {
    "Sink": "tracebridge.sinks.base",
    "SinkState": "tracebridge.sinks.base",
    "MissingExtraError": "tracebridge.sinks.extras",
    "Manifest": "tracebridge.sinks.manifest",
    "MultiSink": "tracebridge.sinks.multi",
    "ResumeMismatchError": "tracebridge.sinks.multi",
    "DEFAULT_OUT": "tracebridge.sinks.output",
    "FORMATS": "tracebridge.sinks.output",
    "OutputUsageError": "tracebridge.sinks.output",
    "open_output": "tracebridge.sinks.output",
}

__getattr__ = lazy_exports(__name__, _LAZY)

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
