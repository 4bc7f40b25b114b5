"""``tracebridge humanloop add-logs EV_ID RUN_ID LOG_ID ...``: the one write the documented API offers.

Adds logs to an evaluation run (v5 ``POST /evaluations/{id}/runs/{run_id}/logs``) and prints the run the server
returns, as JSON on stdout, so it pipes into ``jq``.
"""

from __future__ import annotations

import argparse
import json
import sys

from tracebridge.cli.exit_codes import ExitCode
from tracebridge.cli.export import option_problem
from tracebridge.cli.output import add_logging_arguments, configure_logging
from tracebridge.cli.parsers import add_command, add_command_group
from tracebridge.humanloop import connection as humanloop_source
from tracebridge.secrets import ApiKey

EPILOG = f"""\
The key is read from {humanloop_source.KEY_ENV}; the base URL from --base-url, else {humanloop_source.BASE_URL_ENV}.

examples:
  tracebridge humanloop add-logs ev_456 run_789 log_1 log_2 --base-url http://127.0.0.1:8787
  tracebridge humanloop add-logs ev_456 run_789 log_1 | jq .status
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``humanloop add-logs``."""
    actions = add_command_group(
        subparsers,
        "humanloop",
        help="Humanloop actions beyond export (add logs to an evaluation run)",
        description="Humanloop actions beyond export.",
        epilog=EPILOG,
        dest="action",
        metavar="ACTION",
    )
    add_logs = add_command(
        actions,
        "add-logs",
        help="add logs to an evaluation run (v5) and print the run",
        description="Add logs to an evaluation run (v5 POST /evaluations/{id}/runs/{run_id}/logs); print the run.",
        epilog=EPILOG,
    )
    add_logs.add_argument("evaluation_id", metavar="EV_ID")
    add_logs.add_argument("run_id", metavar="RUN_ID")
    add_logs.add_argument("log_ids", metavar="LOG_ID", nargs="+")
    add_logs.add_argument("--base-url", metavar="URL", help="API base URL (the sandbox, a compatible server)")
    add_logs.add_argument("--timeout", type=float, default=60.0, metavar="S", help="seconds per request")
    add_logging_arguments(add_logs)
    add_logs.set_defaults(run=run_add_logs)


def run_add_logs(args: argparse.Namespace) -> int:
    command = "humanloop add-logs"
    configure_logging(args)
    problem = option_problem(args)
    if problem:
        print(f"tracebridge {command}: {problem}", file=sys.stderr)
        return ExitCode.USAGE
    try:
        key = ApiKey.from_env(humanloop_source.KEY_ENV)
    except ValueError as exc:  # a key with a control character: the message names the variable, not the value
        print(f"tracebridge {command}: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    if key is None:
        print(f"tracebridge {command}: no Humanloop API key: set {humanloop_source.KEY_ENV}", file=sys.stderr)
        return ExitCode.USAGE
    from tracebridge.cli import failures  # noqa: PLC0415 - to run, not for --help
    from tracebridge.humanloop.client import HumanloopClient  # noqa: PLC0415 - the generated models: not for --help

    client = HumanloopClient(key, base_url=args.base_url, timeout=args.timeout)
    try:
        run = client.add_logs_to_run(args.evaluation_id, args.run_id, args.log_ids)
    except Exception as exc:
        return failures.report(
            exc,
            command=command,
            keys=[key],
            key_env=humanloop_source.KEY_ENV,
            base_url=client.settings.base_url,
        )
    print(json.dumps(run.to_dict(), ensure_ascii=False, indent=2))
    if not args.quiet:
        print(f"added {len(args.log_ids)} logs to run {args.run_id}", file=sys.stderr)
    return ExitCode.OK
