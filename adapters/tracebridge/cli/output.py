"""The options every writing command shares (``--out``, ``--format``, ``--resume``, ...) and the run they drive.

``export``, ``import`` and ``demo`` differ only in where their records come from; from the ``Export`` objects on, they
share this: open the output, run the pipeline with a progress line, print a summary, and pick the exit code.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tracebridge.cli import failures
from tracebridge.cli.exit_codes import ExitCode
from tracebridge.cli.progress import ProgressLine
from tracebridge.delivery.export import Export
from tracebridge.delivery.rejects import Reject
from tracebridge.pipeline import RunResult, checkpoint_path, discard_checkpoint, write_exports
from tracebridge.secrets import ApiKey
from tracebridge.sinks import open_output
from tracebridge.sinks.layout import MANIFEST_FILE, REJECTS_FILE, STDOUT, TABLES
from tracebridge.sinks.manifest import Manifest

OUTPUT_FORMATS = ("jsonl", "parquet", "duckdb", "csv")
DEFAULT_OUT = "tracebridge-out"

MakeExports = Callable[[Callable[[Reject], None], Path | None], list[Export[Any]]]
"""Builds the exports of a run, given where rejects go and the checkpoint path (None when it cannot resume)."""


def add_output_arguments(parser: argparse.ArgumentParser, *, default_out: str = DEFAULT_OUT) -> None:
    group = parser.add_argument_group("output")
    group.add_argument(
        "--out",
        default=default_out,
        metavar="DIR",
        help=f"output directory (default: ./{default_out}/); '-' writes JSONL to stdout",
    )
    group.add_argument(
        "--format",
        dest="formats",
        action="append",
        choices=OUTPUT_FORMATS,
        metavar="FORMAT",
        help="jsonl (default), parquet, duckdb or csv; repeat for several (parquet and duckdb need their extras)",
    )
    group.add_argument(
        "--resume",
        action="store_true",
        help="continue a run into the same --out that was interrupted, from its last checkpoint",
    )
    group.add_argument(
        "--allow-partial",
        action="store_true",
        help="exit 0 even when the source reported more records than arrived (default: exit 3)",
    )
    add_logging_arguments(parser)


def add_logging_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("messages")
    group.add_argument("-q", "--quiet", action="store_true", help="no progress line and no summary on stderr")
    group.add_argument(
        "-v", "--verbose", action="store_true", help="log every request on stderr (API keys are never shown)"
    )


def configure_logging(args: argparse.Namespace) -> None:
    """``--verbose``: request logs on stderr. The transport logs endpoints and statuses, never headers or keys."""
    if not getattr(args, "verbose", False):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    logger = logging.getLogger("tracebridge")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)


def run_exports(
    args: argparse.Namespace,
    *,
    command: str,
    label: str,
    make_exports: MakeExports,
    source: dict[str, Any],
    parameters: dict[str, Any],
    keys: Sequence[ApiKey] = (),
    key_env: str = "the API key variable",
    base_url: str = "the server",
) -> int:
    """Open the output, write every record of the exports to it, print a summary; the documented exit code."""
    configure_logging(args)
    formats = list(dict.fromkeys(args.formats or ["jsonl"]))
    out_dir = None if args.out == STDOUT else Path(args.out)
    try:
        output = open_output(args.out if out_dir is None else out_dir, formats, resume=args.resume)
    except Exception as exc:
        return failures.report(exc, command=command, keys=keys, key_env=key_env, base_url=base_url)
    checkpoint = None
    if out_dir is not None:
        checkpoint = checkpoint_path(out_dir)
        if not args.resume:
            discard_checkpoint(checkpoint)
    progress = ProgressLine(label, enabled=None if not args.quiet else False)
    manifest = Manifest(source=source, parameters=parameters, formats=formats)
    try:
        exports = make_exports(output.reject, checkpoint)
        result = write_exports(exports, output, manifest, resume=args.resume, progress=progress)
    except BrokenPipeError:
        raise  # the reader of ``--out -`` went away: not a failure to report (``main`` ends quietly)
    except Exception as exc:
        progress.finish()
        code = failures.report(exc, command=command, keys=keys, key_env=key_env, base_url=base_url)
        if checkpoint is not None and checkpoint.exists():
            print(f"partial output kept in {out_dir}/; the same command with --resume continues it", file=sys.stderr)
        return code
    progress.finish()
    if not args.quiet:
        print_summary(result, out_dir, formats)
    if not result.complete:
        for message in result.incomplete:
            print(f"tracebridge {command}: {message}", file=sys.stderr)
        if not args.allow_partial:
            print("hint: the files hold every record that arrived; --allow-partial accepts that", file=sys.stderr)
            return ExitCode.INCOMPLETE
    return ExitCode.OK


def print_summary(result: RunResult, out_dir: Path | None, formats: Sequence[str]) -> None:
    """Counts per record type, completeness and where the files are, on stderr (stdout may be the data)."""
    counts = ", ".join(f"{result.counts.get(record_type, 0):,} {table}" for record_type, table in TABLES.items())
    lines = [
        f"wrote {result.written:,} records in {result.seconds:.1f}s: {counts}",
        f"completeness: {result.report.describe()}",
    ]
    if out_dir is not None:
        lines.append(f"output: {out_dir}/ ({', '.join(formats)}; {REJECTS_FILE}, {MANIFEST_FILE})")
    print("\n".join(lines), file=sys.stderr)
