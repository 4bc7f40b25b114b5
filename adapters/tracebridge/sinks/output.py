"""``--out`` and ``--format`` to a ready ``MultiSink``: the one call the CLI makes to get somewhere to write.

The optional formats are imported here, on demand, after checking their dependency: a default install (JSONL only)
never imports pyarrow or duckdb, and asking for Parquet without pyarrow fails before any file is touched, with the
pip command that fixes it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO, Final, TextIO

from tracebridge.errors import TracebridgeError
from tracebridge.sinks.base import Sink
from tracebridge.sinks.csv_sink import CsvSink
from tracebridge.sinks.extras import require
from tracebridge.sinks.jsonl import JsonlSink, JsonlStreamSink
from tracebridge.sinks.layout import STDOUT
from tracebridge.sinks.multi import MultiSink

FORMATS: Final[tuple[str, ...]] = ("jsonl", "parquet", "duckdb", "csv", "otlp-json")
"""Every ``--format`` value, the default first."""

DEFAULT_OUT: Final = Path("tracebridge-out")


class OutputUsageError(TracebridgeError):
    """A ``--out`` / ``--format`` combination that cannot work (the CLI's usage error, exit code 2)."""


def _formats(formats: Sequence[str]) -> list[str]:
    chosen: list[str] = []
    for name in formats or ("jsonl",):
        fmt = name.strip().lower()
        if fmt not in FORMATS:
            raise OutputUsageError(f"unknown output format {name!r}: choose from {', '.join(FORMATS)}")
        if fmt not in chosen:
            chosen.append(fmt)
    return chosen


def check_formats(formats: Sequence[str]) -> list[str]:
    """The formats asked for, without repeats; ``OutputUsageError`` for an unknown one, ``MissingExtraError`` (with
    the pip command) for one whose optional dependency is not installed. Nothing is created."""
    chosen = _formats(formats)
    _check_extras(chosen)
    return chosen


def _check_extras(formats: Sequence[str]) -> None:
    if "parquet" in formats:
        require("pyarrow.parquet", extra="parquet", purpose="--format parquet")
    if "duckdb" in formats:
        require("duckdb", extra="duckdb", purpose="--format duckdb")
    if "otlp-json" in formats:
        require("opentelemetry.proto", extra="send", purpose="--format otlp-json")


def _sink(fmt: str, out_dir: Path, *, resume: bool, jsonl: JsonlSink | None) -> Sink:
    if fmt == "jsonl":
        return jsonl if jsonl is not None else JsonlSink(out_dir, resume=resume)
    if fmt == "csv":
        return CsvSink(out_dir, resume=resume)
    if fmt == "otlp-json":
        from tracebridge.sinks.otlp_json import OtlpJsonSink  # noqa: PLC0415 - protobuf only when asked for

        return OtlpJsonSink(out_dir, resume=resume)
    if fmt == "parquet":
        from tracebridge.sinks.parquet import ParquetSink  # noqa: PLC0415 - pyarrow only when asked for

        return ParquetSink(out_dir, resume=resume)
    from tracebridge.sinks.duckdb_sink import DuckDbSink  # noqa: PLC0415 - duckdb only when asked for

    return DuckDbSink(out_dir, resume=resume, shared_jsonl=jsonl)


def check_out_dir(out_dir: Path) -> None:
    """Create ``out_dir`` if needed; ``OutputUsageError`` naming it, with what to do, when it cannot be one."""
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputUsageError(f"--out {out_dir}: exists and is not a directory")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = out_dir / f".tracebridge-write-test-{os.getpid()}"  # per process: two runs may probe at once
        probe.touch()
        probe.unlink()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise OutputUsageError(f"--out {out_dir}: cannot write there ({reason}); choose another directory") from exc


def open_output(
    out: Path | str,
    formats: Sequence[str] = ("jsonl",),
    *,
    resume: bool = False,
    stdout: BinaryIO | None = None,
    stderr: TextIO | None = None,
) -> MultiSink:
    """The output for ``--out out --format f1 --format f2 ...``.

    ``out`` is a directory (created if needed), or ``"-"``: every record as JSONL on ``stdout`` (default
    ``sys.stdout.buffer``) with rejects as JSON lines on ``stderr``; only JSONL can go to a pipe and a pipe cannot be
    resumed. ``resume=True`` keeps the staged files an interrupted run left under ``OUT/.partial/``; the caller then
    calls ``restore`` with the state its checkpoint saved (``{}`` when there is none).

    Raises ``OutputUsageError`` for an unknown format or an impossible combination, ``MissingExtraError`` (with the
    pip command) when a format's optional dependency is not installed.
    """
    chosen = _formats(formats)
    if str(out) == STDOUT:
        if chosen != ["jsonl"]:
            raise OutputUsageError("--out - writes JSONL to standard output; other formats need a directory")
        if resume:
            raise OutputUsageError("--resume needs an output directory: a pipe cannot be rewound (--out -)")
        stream = stdout if stdout is not None else sys.stdout.buffer
        return MultiSink(None, [JsonlStreamSink(stream)], reject_stream=stderr if stderr is not None else sys.stderr)
    out_dir = Path(out)
    _check_extras(chosen)
    check_out_dir(out_dir)
    sinks: list[Sink] = []
    # With JSONL and DuckDB together, the DuckDB database is loaded from the JSONL files (one copy of every record).
    jsonl = JsonlSink(out_dir, resume=resume) if "jsonl" in chosen else None
    try:
        for fmt in chosen:
            sinks.append(_sink(fmt, out_dir, resume=resume, jsonl=jsonl))
        return MultiSink(out_dir, sinks, resume=resume)
    except BaseException:
        for sink in sinks:
            sink.abort()
        if jsonl is not None:
            jsonl.abort()
        raise
