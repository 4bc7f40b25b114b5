"""The errors tracebridge raises to its users.

Each names what failed and where (endpoint, status, vendor message; file, line, field), never the API key: messages
that quote a server's body pass through ``ApiKey.redact`` first.
"""

from __future__ import annotations


class TracebridgeError(Exception):
    """Base class of every error tracebridge raises on purpose."""


class ApiError(TracebridgeError):
    """A vendor endpoint answered with an error status, or could not be reached after retries."""

    def __init__(self, endpoint: str, status: int | None, message: str, *, attempts: int = 1) -> None:
        self.endpoint = endpoint
        self.status = status
        self.message = message
        self.attempts = attempts
        where = f"{endpoint}: HTTP {status}" if status is not None else f"{endpoint}: no response"
        tries = f" (after {attempts} attempts)" if attempts > 1 else ""
        super().__init__(f"{where}{tries}: {message}")


class StreamBrokenError(TracebridgeError):
    """A streamed body ended early or was cut mid-record; the export must be restarted, never taken as complete."""


class ExportChangedError(TracebridgeError):
    """A restarted stream no longer starts with the records already delivered, so skipping them would be unsound."""


class CheckpointMismatchError(TracebridgeError, ValueError):
    """The checkpoint beside an output was written for another export, or by a tracebridge that wrote another format:
    resuming from it would skip pages this export never fetched."""


class IncompleteExportError(TracebridgeError):
    """Fewer unique records arrived than the source reported; raised unless the caller allows a partial result."""

    def __init__(self, message: str, report: object) -> None:
        super().__init__(message)
        self.report = report


class FileLayoutError(TracebridgeError):
    """A file whose layout is broken beyond single records (a CSV header that does not parse): nothing in it can be
    read. The reader that knows the file's name adds it to the message."""
