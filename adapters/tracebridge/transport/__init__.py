"""HTTP for every endpoint, written once: timeouts, retries with backoff, streaming, key handling."""

from tracebridge.transport.http import HttpTransport
from tracebridge.transport.retry import RetryPolicy

__all__ = ["HttpTransport", "RetryPolicy"]
