"""``tracebridge demo``: the quickstart. No account, no key: a sandbox in-process, every endpoint, one output.

It runs exactly what a real export runs (the same clients, retries, pagination, adapters and sinks) against the local
sandbox, and writes Humanloop and Galileo records side by side into ``./tracebridge-demo/``, because seeing both
vendors in one table is the point of tracebridge. It then prints the query to try next.
"""

from __future__ import annotations

import argparse
import importlib.util
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracebridge.cli.output import add_output_arguments, run_exports
from tracebridge.cli.parsers import add_command
from tracebridge.secrets import ApiKey

if TYPE_CHECKING:
    from tracebridge.delivery.export import Export
    from tracebridge.sandbox import RunningSandbox

DEFAULT_OUT = "tracebridge-demo"

EPILOG = """\
examples:
  tracebridge demo
  tracebridge demo --records 5000 --format parquet --format duckdb
  tracebridge demo --out - | head
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``demo``."""
    parser = add_command(
        subparsers,
        "demo",
        help="export every endpoint of a local sandbox into ./tracebridge-demo/ (no key needed)",
        description=(
            "Start the sandbox in-process, export all five endpoints' worth of Humanloop and Galileo data into one "
            "output directory, and print a summary with a DuckDB query to try next. Needs no account and no key."
        ),
        epilog=EPILOG,
    )
    parser.add_argument("--records", type=int, default=200, metavar="N", help="size of each collection (default 200)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated data (default: 0)")
    add_output_arguments(parser, default_out=DEFAULT_OUT)
    parser.set_defaults(run=run)


def _exports(sandbox: RunningSandbox) -> list[Export[Any]]:
    # The clients import the generated models (a few hundred ms): loaded when the demo runs, not for --help.
    from tracebridge.galileo.client import GalileoClient  # noqa: PLC0415
    from tracebridge.humanloop.client import HumanloopClient  # noqa: PLC0415

    humanloop = HumanloopClient(ApiKey(sandbox.humanloop_api_key), base_url=sandbox.base_url)
    galileo = GalileoClient(
        ApiKey(sandbox.galileo_api_key), base_url=sandbox.base_url, key_header=sandbox.galileo_key_header
    )
    return [
        humanloop.export_project(sandbox.project_id),
        humanloop.evaluation_datapoints(
            sandbox.evaluation_id,
            evaluatee_ids=sandbox.evaluatee_ids,
        ),
        humanloop.evaluation_logs(sandbox.evaluation_id),
        galileo.export_records(
            sandbox.galileo_project_id,
            log_stream_id=sandbox.log_stream_id,
            root_type="session",
        ),
        galileo.export_records(
            sandbox.galileo_project_id,
            experiment_id=sandbox.experiment_id,
            root_type="trace",
        ),
    ]


TRY_QUERY = (
    "SELECT provider, model, count(*) AS calls, sum(input_tokens) AS input_tokens, "
    "round(avg(latency_ms)) AS avg_latency_ms FROM llm_calls GROUP BY ALL ORDER BY calls DESC"
)
"""Both vendors' model calls in one table: the point of tracebridge, in one query. No quotes inside, so it survives
any shell's quoting."""


def next_steps(out: Path) -> str:
    """What to run next: the query above, through ``tracebridge sql`` (any output format; no ``duckdb`` program)."""
    command = f'tracebridge sql "{TRY_QUERY}" --out {shlex.quote(str(out))}'
    lines = ["try next:", f"  {command}"]
    if not importlib.util.find_spec("duckdb"):
        lines.append("  (needs the duckdb extra: pip install 'tracebridge[duckdb]')")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    if args.records < 1:
        print(f"tracebridge demo: --records must be at least 1, got {args.records}", file=sys.stderr)
        return 2
    if args.resume:
        print("tracebridge demo: --resume does not apply to the demo (it takes seconds); run it again", file=sys.stderr)
        return 2
    if args.formats is None:
        # JSONL always; DuckDB too when installed (the fastest for the printed query, which reads any format).
        args.formats = ["jsonl", "duckdb"] if importlib.util.find_spec("duckdb") and args.out != "-" else ["jsonl"]
    from tracebridge.sandbox import SandboxConfig, running  # noqa: PLC0415 - its server: to run, not for --help

    with running(SandboxConfig(seed=args.seed, records=args.records)) as sandbox:
        if not args.quiet:
            print(f"sandbox serving at {sandbox.base_url} ({args.records} records per collection)", file=sys.stderr)
        code = run_exports(
            args,
            command="demo",
            label="demo",
            make_exports=lambda _checkpoint: _exports(sandbox),
            source={"system": "sandbox", "endpoints": "all five (humanloop v4 and v5, galileo v2)"},
            parameters={"records": args.records, "seed": args.seed},
            keys=[ApiKey(sandbox.humanloop_api_key), ApiKey(sandbox.galileo_api_key)],
        )
    if code == 0 and not args.quiet and args.out != "-":
        print(next_steps(Path(args.out)), file=sys.stderr)
    return code
