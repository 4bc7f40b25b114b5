"""Turn an exception into the one line a user reads, a hint of what to do next, and the documented exit code.

Every message names what failed and where (the endpoint and status, or the file and line); none carries an API key:
the errors tracebridge raises are built without one, and everything printed passes through ``ApiKey.redact`` anyway.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

import attrs

from tracebridge.cli.exit_codes import ExitCode
from tracebridge.errors import ApiError, ExportChangedError, StreamBrokenError, TracebridgeError
from tracebridge.secrets import ApiKey
from tracebridge.sinks.output import OutputUsageError

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


def describe(exc: BaseException, *, key_env: str = "the API key variable", base_url: str = "the server") -> Failure:
    """What to tell the user about ``exc``."""
    if isinstance(exc, ApiError):
        hint: str | None
        if exc.status is None:
            hint = f"is {base_url} reachable? set --base-url or its environment variable"
        elif exc.status >= 500:
            hint = "the server kept failing; run the same command again with --resume to continue"
        else:
            hint = HINTS_BY_STATUS.get(exc.status, "").format(key_env=key_env, base_url=base_url) or None
        return Failure(str(exc), hint, ExitCode.ERROR)
    if isinstance(exc, StreamBrokenError | ExportChangedError):
        return Failure(str(exc), "run the same command again (add --resume to keep what was written)", ExitCode.ERROR)
    if isinstance(exc, OutputUsageError):
        return Failure(str(exc), None, ExitCode.USAGE)
    if isinstance(exc, TracebridgeError):
        return Failure(str(exc), None, ExitCode.ERROR)
    if isinstance(exc, PermissionError | IsADirectoryError | NotADirectoryError | FileExistsError):
        return Failure(f"cannot write the output: {exc}", "choose another --out directory", ExitCode.ERROR)
    if isinstance(exc, OSError):
        return Failure(f"{type(exc).__name__}: {exc}", None, ExitCode.ERROR)
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
    message = failure.message
    for key in keys:
        message = key.redact(message)
    print(f"tracebridge {command}: {message}", file=out)
    if failure.hint:
        print(f"hint: {failure.hint}", file=out)
    return int(failure.code)
