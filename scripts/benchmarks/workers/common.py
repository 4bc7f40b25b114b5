"""What every worker shares: its spec, a counting JSONL writer, a time limit, and the one result line it prints.

Standard library only: it runs inside the SDKs' venvs. The harness finds the result as the last stdout line starting
with ``BENCH-RESULT``; anything else a worker or its SDK prints is ignored.
"""

from __future__ import annotations

import json
import os
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

RESULT_PREFIX = "BENCH-RESULT "
IDS_FILE = "ids.txt"
SECRET_ENVS = ("HUMANLOOP_API_KEY", "GALILEO_API_KEY")


class TimeLimitReached(Exception):
    """Raised by ``Clock.check`` so a slow contender stops and reports what it wrote so far."""


class Clock:
    def __init__(self, limit_s: float) -> None:
        self.start = time.perf_counter()
        self.limit_s = limit_s

    def elapsed(self) -> float:
        return time.perf_counter() - self.start

    def check(self) -> None:
        if self.limit_s > 0 and self.elapsed() > self.limit_s:
            raise TimeLimitReached(f"stopped at the {self.limit_s:g} s time limit")


class Output:
    """Writes records as JSON lines and their ids one per line to ``ids.txt``, counting records as it goes.

    Ids go to a file, not a set in memory, so the harness's own bookkeeping never shows in the contender's peak
    RSS (a million ids in a set is ~100 MB); the harness counts the distinct ids after the worker exits.
    """

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self._file: TextIO = (directory / "records.jsonl").open("w", encoding="utf-8")
        self._ids: TextIO = (directory / IDS_FILE).open("w", encoding="utf-8")
        self.written = 0
        self._unique: int | None = None

    def write(self, record: Any, record_id: str) -> None:
        self._file.write(json.dumps(record, default=str))
        self._file.write("\n")
        self.count(record_id)

    def count(self, record_id: str) -> None:
        """Count a record written by someone else (a sink the contender owns)."""
        self.written += 1
        self._ids.write(record_id)
        self._ids.write("\n")

    def counted(self, written: int, unique: int) -> None:
        """Counts read back from where the contender wrote (a database), instead of from ``write``."""
        self.written, self._unique = written, unique

    @property
    def unique(self) -> int | None:
        """None: count the distinct lines of ``ids.txt``."""
        return self._unique

    def close(self) -> None:
        self._file.close()
        self._ids.close()


def scrub(text: str) -> str:
    """The text with every API key from the environment replaced: errors end up in the printed table."""
    for name in SECRET_ENVS:
        value = os.environ.get(name)
        if value:
            text = text.replace(value, "***")
    return text


def describe(exc: BaseException) -> str:
    """The exception's type and first line, and its root cause's (dlt wraps everything in ``PipelineStepFailed``)."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    text = f"{type(exc).__name__}: {lines[0] if lines else ''}"
    cause: BaseException | None = None
    seen = {id(exc)}
    link = exc.__cause__ or exc.__context__
    while link is not None and id(link) not in seen:  # the root cause says what actually went wrong
        seen.add(id(link))
        cause, link = link, link.__cause__ or link.__context__
    if cause is not None:
        cause_lines = [line.strip() for line in str(cause).splitlines() if line.strip()]
        text += f" <- {type(cause).__name__}: {cause_lines[0] if cause_lines else ''}"
    return scrub(text[:300])


def load_spec() -> dict[str, Any]:
    spec = json.loads(sys.argv[1])
    if not isinstance(spec, dict):
        raise SystemExit("the worker's argument must be a JSON object")
    return spec


def run(main: Callable[[dict[str, Any], Clock, Output], dict[str, Any] | None]) -> None:
    """Run a worker's ``main`` and print its result line, whatever happens; the exit code is always 0 on a result."""
    spec = load_spec()
    clock = Clock(float(spec.get("time_limit_s") or 0))
    output = Output(Path(spec["out"]))
    result: dict[str, Any] = {"error": None, "stopped": None}
    try:
        extra = main(spec, clock, output)
        result.update(extra or {})
    except TimeLimitReached as exc:
        result["stopped"] = str(exc)
    except BaseException as exc:  # a contender failing is a result, not a crash of the benchmark
        result["error"] = describe(exc)
        if os.environ.get("BENCH_DEBUG"):
            traceback.print_exc()
    finally:
        output.close()
    result.update(export_s=clock.elapsed(), written=output.written, unique=output.unique)
    sys.stdout.write(RESULT_PREFIX + json.dumps(result) + "\n")
    sys.stdout.flush()
