"""Adapters: pure functions from vendor records (generated models or the same JSON) to common records.

One module per vendor API: ``humanloop_v4``, ``humanloop_v5``, ``galileo``. Each function takes one source record and
returns a list of common records (a log with its evaluations, a trace with its spans...). Unknown fields and enum values
never raise; a record that truly cannot be mapped raises :class:`MappingError`, which callers write to a rejects file.
"""

from tracebridge.normalize.errors import MappingError

__all__ = ["MappingError"]
