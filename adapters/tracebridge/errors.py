"""The errors tracebridge raises to its users.

Each names what failed and where (endpoint, status, vendor message; file, line, field), never the API key: messages
that quote a server's body pass through ``ApiKey.redact`` first.
"""

from __future__ import annotations


def rebuild_error(cls: type[BaseException], args: tuple[object, ...], state: dict[str, object]) -> BaseException:
    """An error as it was pickled: its message arguments and its attributes, whatever its ``__init__`` takes."""
    error = cls.__new__(cls)
    BaseException.__init__(error, *args)
    error.__dict__.update(state)
    return error


class PicklableError(Exception):
    """Survives pickling whatever its ``__init__`` signature: the default reduces an exception to
    ``cls(*self.args)``, which fails for errors whose ``__init__`` takes other arguments than the message
    (``ApiError(endpoint, status, message)``). Worker processes, multiprocessing and Ray send errors back this way."""

    def __reduce__(self) -> tuple[object, ...]:
        return (rebuild_error, (type(self), self.args, dict(self.__dict__)))


class TracebridgeError(PicklableError):
    """Base class of every error tracebridge raises on purpose."""


class ApiError(TracebridgeError):
    """A vendor endpoint answered with an error status, or could not be reached after retries."""

    def __init__(
        self, endpoint: str, status: int | None, message: str, *, attempts: int = 1, timed_out: bool = False
    ) -> None:
        self.endpoint = endpoint
        self.status = status
        self.message = message
        self.attempts = attempts
        self.timed_out = timed_out
        """The server was reached but did not answer in time (as opposed to not reachable at all)."""
        if status is not None:
            where = f"{endpoint}: HTTP {status}"
        else:
            where = f"{endpoint}: {'too slow' if timed_out else 'no response'}"
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
