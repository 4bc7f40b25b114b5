"""SQL over an output directory: ``tracebridge sql`` and ``tracebridge.query.connect`` for notebooks.

``views`` opens a DuckDB connection whose views are the same whatever formats the directory was written in;
``results`` prints a result as a table, CSV or JSON. Needs the ``duckdb`` extra.
"""

from __future__ import annotations

from tracebridge.query.views import QueryError, connect, format_to_read, written_formats

__all__ = ["QueryError", "connect", "format_to_read", "written_formats"]
