"""Turn an exception into the one line a user reads, a hint of what to do next, and the documented exit code.

Every message names what failed and where (the endpoint and status, or the file and line); none carries an API key:
the errors tracebridge raises are built without one, and everything printed passes through ``ApiKey.redact`` anyway.
"""

from __future__ import annotations

import errno
import sys
from collections.abc import Sequence
from typing import TextIO

import attrs

from tracebridge.cli.exit_codes import ExitCode
from tracebridge.errors import (
    ApiError,
    CheckpointMismatchError,
    ExportChangedError,
    StreamBrokenError,
    TracebridgeError,
)
from tracebridge.imports.errors import InputReadError
from tracebridge.secrets import ApiKey, redact_url_credentials
from tracebridge.sinks.output import OutputUsageError
from tracebridge.sinks.ownership import OutputInUseError

HINTS_BY_STATUS = {
    401: "check the API key ({key_env}); the sandbox prints the keys it accepts when it starts",
    403: "the API key is valid but may not read this resource",
    404: "check the id: it does not exist on {base_url}",
    422: "the server rejected the request parameters; see the message above",
    429: "the server kept rate-limiting; try a lower --concurrency",
}


@attrs.frozen
class Failure:
    message: str
    hint: str | None
    code: ExitCode


OS_HINTS = {
    errno.ENOSPC: "the disk is full: free some space, or choose an --out on another disk, then add --resume",
    errno.EDQUOT: "the disk quota is used up: free some space, or choose another --out, then add --resume",
    errno.EACCES: "no permission there: choose another --out, or fix the directory's permissions",
    errno.EPERM: "the operation is not permitted there: choose another --out",
    errno.EROFS: "that file system is read-only: choose another --out",
    errno.ENOENT: "it does not exist (was it removed while the run wrote?): check the path",
    errno.ENOTDIR: "a part of the path is a file, not a directory: choose another --out",
    errno.EISDIR: "a directory is where a file should be: choose another --out",
    errno.EMFILE: "too many open files: raise the limit (ulimit -n) or lower --concurrency",
    errno.EIO: "the disk reported an I/O error: check it, then run again with --resume",
}
"""What to do about the operating-system errors a run can meet, by errno."""


def _os_failure(exc: OSError) -> Failure:
    """The path and the reason in words (never a bare exception name), and what to do."""
    where = " and ".join(str(name) for name in (exc.filename, exc.filename2) if name is not None)
    reason = exc.strerror or str(exc) or type(exc).__name__
    message = f"{where}: {reason}" if where else reason
    return Failure(message, OS_HINTS.get(exc.errno or 0, "check the path and run again"), ExitCode.ERROR)


def refused_output(exc: BaseException) -> bool:
    """The run never started because ``--out`` holds another run: "--resume continues it" would be wrong advice."""
    return isinstance(exc, OutputInUseError | CheckpointMismatchError)


def describe(exc: BaseException, *, key_env: str = "the API key variable", base_url: str = "the server") -> Failure:
    """What to tell the user about ``exc``."""
    if isinstance(exc, ApiError):
        hint: str | None
        if exc.status is None and exc.timed_out:
            hint = "the server answered too slowly: raise --timeout, or run again later (add --resume to continue)"
        elif exc.status is None:
            hint = f"is {base_url} reachable? set --base-url or its environment variable"
        elif exc.status >= 500:
            hint = "the server kept failing; run the same command again with --resume to continue"
        else:
            hint = HINTS_BY_STATUS.get(exc.status, "").format(key_env=key_env, base_url=base_url) or None
        return Failure(str(exc), hint, ExitCode.ERROR)
    if isinstance(exc, StreamBrokenError | ExportChangedError):
        return Failure(str(exc), "run the same command again (add --resume to keep what was written)", ExitCode.ERROR)
    if isinstance(exc, InputReadError):  # an input, not the output the OSError hints are about
        return Failure(str(exc), exc.hint, ExitCode.ERROR)
    if isinstance(exc, OutputUsageError):
        return Failure(str(exc), None, ExitCode.USAGE)
    if isinstance(exc, TracebridgeError):
        return Failure(str(exc), None, ExitCode.ERROR)
    from concurrent.futures.process import BrokenProcessPool  # noqa: PLC0415 - only on a failure: keeps --help fast

    if isinstance(exc, BrokenProcessPool):  # a worker killed from outside (the OOM killer, kill -9), not a bug
        return Failure(
            "a worker process died while mapping (out of memory, or killed?)",
            "run the same command with --resume; with fewer --workers (or --workers 1) if memory is short",
            ExitCode.ERROR,
        )
    if isinstance(exc, OSError):
        return _os_failure(exc)
    if isinstance(exc, ValueError):
        return Failure(str(exc), None, ExitCode.USAGE)
    return Failure(f"{type(exc).__name__}: {exc}", "this is a bug in tracebridge; please report it", ExitCode.ERROR)


def report(
    exc: BaseException,
    *,
    command: str,
    keys: Sequence[ApiKey] = (),
    key_env: str = "the API key variable",
    base_url: str = "the server",
    stream: TextIO | None = None,
) -> int:
    """Print ``tracebridge COMMAND: message`` and, on a second line, ``hint: ...``; return the exit code."""
    failure = describe(exc, key_env=key_env, base_url=base_url)
    out = stream if stream is not None else sys.stderr
    message, hint = redact_url_credentials(failure.message), redact_url_credentials(failure.hint or "")
    for key in keys:
        message, hint = key.redact(message), key.redact(hint)
    print(f"tracebridge {command}: {message}", file=out)
    if hint:
        print(f"hint: {hint}", file=out)
    return int(failure.code)
