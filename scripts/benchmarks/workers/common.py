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
    """Writes records as JSON lines and counts them, and the distinct ids among them."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._file: TextIO = path.open("w", encoding="utf-8")
        self.written = 0
        self.ids: set[str] = set()
        self._unique: int | None = None

    def write(self, record: Any, record_id: str) -> None:
        self._file.write(json.dumps(record, default=str))
        self._file.write("\n")
        self.written += 1
        self.ids.add(record_id)

    def count(self, record_id: str) -> None:
        """Count a record written by someone else (a sink the contender owns)."""
        self.written += 1
        self.ids.add(record_id)

    def counted(self, written: int, unique: int) -> None:
        """Counts read back from where the contender wrote (a database), instead of from ``write``."""
        self.written, self._unique = written, unique

    @property
    def unique(self) -> int:
        return len(self.ids) if self._unique is None else self._unique

    def close(self) -> None:
        self._file.close()


def scrub(text: str) -> str:
    """The text with every API key from the environment replaced: errors end up in the printed table."""
    for name in SECRET_ENVS:
        value = os.environ.get(name)
        if value:
            text = text.replace(value, "***")
    return text


def describe(exc: BaseException) -> str:
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return scrub(f"{type(exc).__name__}: {first}"[:300])


def load_spec() -> dict[str, Any]:
    spec = json.loads(sys.argv[1])
    if not isinstance(spec, dict):
        raise SystemExit("the worker's argument must be a JSON object")
    return spec


def run(main: Callable[[dict[str, Any], Clock, Output], dict[str, Any] | None]) -> None:
    """Run a worker's ``main`` and print its result line, whatever happens; the exit code is always 0 on a result."""
    spec = load_spec()
    clock = Clock(float(spec.get("time_limit_s") or 0))
    output = Output(Path(spec["out"]) / "records.jsonl")
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
