"""The options every writing command shares (``--out``, ``--format``, ``--resume``, ...) and how a run is reported.

``export``, ``import`` and ``demo`` differ only in where their records come from. Each hands ``pipeline.run`` a
function that builds its exports; this module adds what a terminal needs around it: a progress line, the summary,
a message and a hint for a failure, and the documented exit code.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracebridge.cli.exit_codes import ExitCode
from tracebridge.cli.send_options import print_sent, send_to
from tracebridge.delivery.worker_defaults import default_count
from tracebridge.sinks.layout import MANIFEST_FILE, PARTIAL_DIR, REJECTS_FILE, STDOUT, TABLES

if TYPE_CHECKING:
    from tracebridge.pipeline import MakeExports, RunResult
    from tracebridge.secrets import ApiKey

OUTPUT_FORMATS = ("jsonl", "parquet", "duckdb", "csv", "otlp-json")
DEFAULT_OUT = "tracebridge-out"


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
        help=(
            "jsonl (default), parquet, duckdb, csv, or otlp-json (the spans as OTLP JSON lines, for the OTel "
            "Collector's otlpjsonfilereceiver); repeat for several (parquet, duckdb, otlp-json need their extras)"
        ),
    )
    group.add_argument(
        "--resume",
        action="store_true",
        help="continue a run into the same --out that was interrupted, from its last checkpoint",
    )
    group.add_argument(
        "--overwrite",
        action="store_true",
        help="replace what --out holds from another run (its tracebridge files only; other files are kept)",
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
    settings: dict[str, Any] | None = None,
    keys: Sequence[ApiKey] = (),
    key_env: str = "the API key variable",
    base_url: str = "the server",
) -> int:
    """Run the pipeline for a writing command with a progress line; print a summary; the documented exit code."""
    # Imported here, once a command runs: building the parser (``--help``, a usage error) must not pay for them.
    from tracebridge import pipeline  # noqa: PLC0415
    from tracebridge.cli import failures  # noqa: PLC0415
    from tracebridge.cli.progress import ProgressLine  # noqa: PLC0415

    configure_logging(args)
    try:
        send = send_to(args, DEFAULT_OUT)  # --send-to (cli.send_options); settles args.out (None: send only)
    except Exception as exc:
        return failures.report(exc, command=command)
    formats = list(dict.fromkeys(args.formats or ["jsonl"]))
    progress = ProgressLine(label, enabled=None if not args.quiet else False)
    try:
        result = pipeline.run(
            make_exports,
            out=args.out,
            formats=formats,
            source=source,
            parameters=parameters,
            settings=settings,
            resume=args.resume,
            overwrite=getattr(args, "overwrite", False),
            progress=progress,
            workers=_workers(args),
            send=send,
        )
    except BrokenPipeError:
        raise  # the reader of ``--out -`` went away: not a failure to report (``main`` ends quietly)
    except Exception as exc:
        progress.finish()
        code = failures.report(exc, command=command, keys=keys, key_env=key_env, base_url=base_url)
        if pipeline.resumable(args.out) and not failures.refused_output(exc):
            kept = Path(args.out) / PARTIAL_DIR
            print(f"partial output kept in {kept}/; the same command with --resume continues it", file=sys.stderr)
        return code
    progress.finish()
    if not args.quiet:
        print_summary(result, None if args.out in (STDOUT, None) else Path(args.out), formats)
    refused = print_sent(result.sent, command=command, quiet=args.quiet)
    if not result.complete:
        for message in result.incomplete:
            print(f"tracebridge {command}: {message}", file=sys.stderr)
        if not args.allow_partial:
            print("hint: the files hold every record that arrived; --allow-partial accepts that", file=sys.stderr)
            return ExitCode.INCOMPLETE
    return ExitCode.INCOMPLETE if refused else ExitCode.OK


def _workers(args: argparse.Namespace) -> int:
    """``--workers`` (``cli.parsers.add_workers_argument``): the machine's cores by default; 1 without the option."""
    if not hasattr(args, "workers"):
        return 1
    return int(args.workers) if args.workers is not None else default_count()


def print_summary(result: RunResult, out_dir: Path | None, formats: Sequence[str]) -> None:
    """Counts per record type, completeness and where the files are, on stderr (stdout may be the data)."""
    counts = ", ".join(
        f"{result.counts[record_type]:,} {table}" for record_type, table in TABLES.items() if result.counts[record_type]
    )
    # Two kinds of record, named apart: what the source held, and the common records they became (a log with its
    # trace, judgments and versions is one of the first and many of the second).
    lines = [
        f"{result.report.unique:,} source records -> {result.written:,} common records in {result.seconds:.1f}s"
        + (f": {counts}" if counts else ""),
        f"completeness: {result.report.describe()}",
    ]
    if out_dir is not None:
        lines.append(f"output: {out_dir}/ ({', '.join(formats)}; {REJECTS_FILE}, {MANIFEST_FILE})")
    print("\n".join(lines), file=sys.stderr)
