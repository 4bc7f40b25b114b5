"""tracebridge: Humanloop and Galileo logs, traces and evaluations in one OpenTelemetry-GenAI-shaped schema.

The library in a few lines::

    from tracebridge import HumanloopClient

    client = HumanloopClient(base_url="http://127.0.0.1:8787")  # key from HUMANLOOP_API_KEY
    export = client.evaluation_logs("ev_...")
    for record in export.records():  # common records: Span, Evaluation, DatasetExample, ...
        ...
    print(export.report.describe())  # expected, fetched, unique, duplicates dropped, rejected, missing

``models()`` yields the generated vendor models instead, ``raw()`` the vendor JSON as received; ``arecords()``,
``amodels()`` and ``araw()`` are the async forms. ``checkpoint=PATH`` makes an export resumable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracebridge._version import __version__
from tracebridge.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from tracebridge.delivery.completeness import CompletenessReport
    from tracebridge.delivery.export import Export
    from tracebridge.delivery.rejects import Reject
    from tracebridge.errors import (
        ApiError,
        ExportChangedError,
        IncompleteExportError,
        StreamBrokenError,
        TracebridgeError,
    )
    from tracebridge.galileo.client import GalileoClient
    from tracebridge.humanloop.client import HumanloopClient
    from tracebridge.secrets import ApiKey
    from tracebridge.transport.retry import RetryPolicy

# Imported on first use: the generated clients take a few hundred milliseconds to import, and commands such as
# `tracebridge sandbox` or `tracebridge --help` should start without paying for them.
_LAZY = {
    "ApiError": "tracebridge.errors",
    "ExportChangedError": "tracebridge.errors",
    "IncompleteExportError": "tracebridge.errors",
    "StreamBrokenError": "tracebridge.errors",
    "TracebridgeError": "tracebridge.errors",
    "CompletenessReport": "tracebridge.delivery.completeness",
    "GalileoClient": "tracebridge.galileo.client",
    "HumanloopClient": "tracebridge.humanloop.client",
    "Export": "tracebridge.delivery.export",
    "Reject": "tracebridge.delivery.rejects",
    "ApiKey": "tracebridge.secrets",
    "RetryPolicy": "tracebridge.transport.retry",
}


__getattr__ = lazy_exports(__name__, _LAZY)

__all__ = [
    "ApiError",
    "ApiKey",
    "Batch",
    "CompletenessReport",
    "Export",
    "ExportChangedError",
    "GalileoClient",
    "HumanloopClient",
    "IncompleteExportError",
    "Reject",
    "RetryPolicy",
    "StreamBrokenError",
    "TracebridgeError",
    "__version__",
]
