"""``tracebridge send OUT_DIR --to phoenix|langfuse|otlp``: an earlier run's output into the platform users moved to.

Keys come from each platform's usual variables (``PHOENIX_API_KEY``, ``LANGFUSE_PUBLIC_KEY``/``LANGFUSE_SECRET_KEY``,
``OTEL_EXPORTER_OTLP_HEADERS``), never from the command line.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import attrs

from tracebridge.cli.exit_codes import ExitCode
from tracebridge.cli.output import add_logging_arguments, configure_logging
from tracebridge.cli.parsers import add_command
from tracebridge.cli.send_options import TARGETS, add_target_arguments, send_options, target_problem
from tracebridge.sinks.extras import MissingExtraError, require

READABLE_FORMATS = ("jsonl", "duckdb", "parquet", "csv")

EPILOG = """\
examples:
  tracebridge send tracebridge-demo --to phoenix                            # PHOENIX_COLLECTOR_ENDPOINT or :6006
  tracebridge send tracebridge-demo --to langfuse                           # LANGFUSE_HOST and its two keys
  tracebridge send tracebridge-demo --to otlp --endpoint http://collector:4318/v1/traces
  tracebridge send tracebridge-demo --to phoenix --verify                   # read the counts back afterwards

A second send of the same directory sends nothing (OUT_DIR/.sent/ keeps what each target accepted); a killed one
continues where it stopped. exit codes: 0 all sent, 1 error, 2 usage (or --verify where the target cannot read
back), 3 some records refused (see the rejects file) or, with --verify, missing from the target
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``send``."""
    parser = add_command(
        subparsers,
        "send",
        help="send an output directory to Phoenix, Langfuse or any OTLP backend",
        description=(
            "Send the records of an earlier run's output directory (any of its formats) to a platform: spans over "
            "OTLP with their original ids and times, evaluations as the platform's own scores, and for Phoenix and "
            "Langfuse the datasets, experiments and prompts too. Needs the send extra: "
            "pip install 'tracebridge[send]'."
        ),
        epilog=EPILOG,
    )
    parser.add_argument("out_dir", metavar="OUT_DIR", help="the output directory of an export, import or demo")
    parser.add_argument("--to", dest="target", choices=TARGETS, required=True, help="where the records go")
    add_target_arguments(parser)
    parser.add_argument("--read", choices=READABLE_FORMATS, help="which of the directory's formats to read")
    parser.add_argument("--verify", action="store_true", help="afterwards, read the counts back from the target")
    parser.add_argument(
        "--verify-wait",
        type=float,
        metavar="S",
        help="with --verify, how long to wait for what is still missing once nothing more arrives (default 30: "
        "Phoenix stores after it answers, and retries queued annotations every 10 s)",
    )
    add_logging_arguments(parser)
    parser.set_defaults(run=run)


def _problem(args: argparse.Namespace) -> str | None:
    problem = target_problem(args)
    if problem:
        return problem
    if args.verify_wait is not None:
        if not args.verify:
            return "--verify-wait applies only with --verify"
        if not (math.isfinite(args.verify_wait) and args.verify_wait >= 0):
            return f"--verify-wait must be a number of seconds, 0 or more, got {args.verify_wait:g}"
    if not Path(args.out_dir).is_dir():
        return f"{args.out_dir}: no such directory (pass the --out of an export, import or demo)"
    return None


def run(args: argparse.Namespace) -> int:
    command = "send"
    configure_logging(args)
    problem = _problem(args)
    if problem:
        print(f"tracebridge {command}: {problem}", file=sys.stderr)
        return ExitCode.USAGE
    try:
        require("opentelemetry.proto", extra="send", purpose="tracebridge send")
    except MissingExtraError as exc:
        print(f"tracebridge {command}: {exc}", file=sys.stderr)
        return ExitCode.ERROR
    # Loaded to run, not for --help: protobuf and the destinations' clients.
    from tracebridge.cli import failures  # noqa: PLC0415
    from tracebridge.destinations.ledger import ledger_path, rejects_path  # noqa: PLC0415
    from tracebridge.destinations.registry import make_destination  # noqa: PLC0415
    from tracebridge.destinations.send import send  # noqa: PLC0415
    from tracebridge.destinations.verify import Verifiable, verify_sent  # noqa: PLC0415

    try:
        destination = make_destination(args.target, attrs.evolve(send_options(args), verify_wait=args.verify_wait))
    except ValueError as exc:
        print(f"tracebridge {command}: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    if args.verify and not isinstance(destination, Verifiable):
        print(f"tracebridge {command}: --verify is not supported for --to {args.target}", file=sys.stderr)
        return ExitCode.USAGE
    try:
        report = send(args.out_dir, destination, read=args.read)
    except Exception as exc:
        return failures.report(exc, command=command, base_url=destination.target)
    if not args.quiet:
        print(f"{destination.target}: {report.describe()}", file=sys.stderr)
    code = ExitCode.OK
    if report.rejects:
        rejects = rejects_path(ledger_path(Path(args.out_dir), destination.target))
        print(
            f"tracebridge {command}: {sum(report.rejected.values()):,} records refused; see {rejects}", file=sys.stderr
        )
        code = ExitCode.INCOMPLETE
    if args.verify:
        try:
            verification = verify_sent(args.out_dir, destination)
        except Exception as exc:
            return failures.report(exc, command=command, base_url=destination.target)
        print(verification.describe())
        if not verification.ok:
            code = ExitCode.INCOMPLETE
    return code
