"""``tracebridge export``: fetch from a vendor API, normalize, write.

    tracebridge export humanloop project PR_ID
    tracebridge export humanloop evaluation EV_ID [--run RUN_ID ...] [--v4 [--evaluatee EVV_ID ...]]
    tracebridge export galileo PROJECT_ID (--log-stream ID | --experiment ID | --metrics-testing ID) ...

API keys come from the vendors' SDK environment variables only (``HUMANLOOP_API_KEY``, ``GALILEO_API_KEY``): a key on
the command line would be visible to every user of the machine in the process list and in shell history.
"""

from __future__ import annotations

import argparse
import math
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracebridge.cli.exit_codes import ExitCode
from tracebridge.cli.filter_syntax import FilterSyntaxError, parse_filter, parse_sort
from tracebridge.cli.output import add_output_arguments, run_exports
from tracebridge.cli.parsers import add_command, add_command_group, add_workers_argument
from tracebridge.cli.send_options import add_send_arguments
from tracebridge.galileo import connection as galileo_source
from tracebridge.humanloop import connection as humanloop_source
from tracebridge.secrets import ApiKey
from tracebridge.transport.retry import RetryPolicy

if TYPE_CHECKING:
    from tracebridge.delivery.export import Export
    from tracebridge.humanloop.client import HumanloopClient

HUMANLOOP_EPILOG = f"""\
The key is read from {humanloop_source.KEY_ENV}; the base URL from --base-url, else {humanloop_source.BASE_URL_ENV},
else {humanloop_source.DEFAULT_BASE_URL} (shut down in Sept 2025: point it at a compatible server or the sandbox).

examples:
  export HUMANLOOP_API_KEY=hl_sk_...
  tracebridge export humanloop project pr_123 --base-url http://127.0.0.1:8787 --format parquet
  tracebridge export humanloop evaluation ev_456 --run run_1 --run run_2 --out evals/
  tracebridge export humanloop evaluation ev_456 --v4 --evaluatee evv_1 --evaluatee evv_2
"""

GALILEO_EPILOG = f"""\
The key is read from {galileo_source.KEY_ENV}; the base URL from --base-url, else
{" or ".join(galileo_source.BASE_URL_ENVS)}, else {galileo_source.DEFAULT_BASE_URL}.

filters: TYPE:COLUMN:OPERATOR:VALUE or the API's JSON object; TYPE is id, date, number, boolean, collection or text.
  --filter number:metrics/duration_ns:gt:1000000
  --filter 'text:input:contains:refund'
  --filter '{{"type": "text", "column_id": "input", "operator": "eq", "value": "Hi", "case_sensitive": false}}'

examples:
  export GALILEO_API_KEY=...
  tracebridge export galileo 6f1c...-uuid --log-stream 9a2d...-uuid --root-type session --format duckdb
  tracebridge export galileo 6f1c...-uuid --experiment 1b7e...-uuid --export-format csv --sort created_at:asc
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``export humanloop project|evaluation`` and ``export galileo``."""
    vendors = add_command_group(
        subparsers,
        "export",
        help="fetch from the Humanloop or Galileo API and write the common records",
        description="Fetch records from a vendor API, map them to the common schema and write them.",
        epilog="examples:\n  tracebridge export humanloop project pr_123\n  tracebridge export galileo PROJECT "
        "--log-stream ID\n",
        dest="vendor",
        metavar="VENDOR",
    )
    _register_humanloop(vendors)
    _register_galileo(vendors)


def _connection_arguments(parser: argparse.ArgumentParser, *, paged: bool) -> None:
    group = parser.add_argument_group("connection")
    group.add_argument("--base-url", metavar="URL", help="API base URL (self-hosted hosts, the sandbox)")
    group.add_argument(
        "--timeout",
        type=float,
        default=None,
        metavar="S",
        help="seconds per attempt: for a whole answer, or for each line of a streamed one (default: 60; Galileo 300)",
    )
    group.add_argument(
        "--max-attempts",
        type=int,
        default=RetryPolicy().max_attempts,
        metavar="N",
        help=f"tries per request on 408/429/5xx, timeouts and resets (default: {RetryPolicy().max_attempts})",
    )
    if paged:
        group.add_argument("--concurrency", type=int, default=8, metavar="N", help="pages fetched at once (default: 8)")
        group.add_argument("--page-size", type=int, default=100, metavar="N", help="records a page (default: 100)")


def _register_humanloop(vendors: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    what = add_command_group(
        vendors,
        "humanloop",
        help="Humanloop v4/v5 API",
        description="Export from the Humanloop API.",
        epilog=HUMANLOOP_EPILOG,
        dest="what",
        metavar="WHAT",
    )

    project = add_command(
        what,
        "project",
        help="every log of a project (v4 POST /projects/{id}/export)",
        description="Every log of a project (v4 export, newest first), with its evaluation results and feedback.",
        epilog=HUMANLOOP_EPILOG,
    )
    project.add_argument("project_id", metavar="PR_ID", help="the project id (pr_...)")
    _connection_arguments(project, paged=True)
    add_output_arguments(project)
    add_workers_argument(project)
    add_send_arguments(project)
    project.set_defaults(run=run_humanloop_project)

    evaluation = add_command(
        what,
        "evaluation",
        help="an evaluation's logs (v5) or datapoints (--v4)",
        description=(
            "The logs of an evaluation with their evaluator judgments and datapoints (v5 GET "
            "/evaluations/{id}/logs), or with --v4 its datapoint snapshots per evaluatee (v4 GET "
            "/evaluations/{id}/datapoints)."
        ),
        epilog=HUMANLOOP_EPILOG,
    )
    evaluation.add_argument("evaluation_id", metavar="EV_ID", help="the evaluation id")
    evaluation.add_argument(
        "--run", dest="runs", action="append", default=[], metavar="RUN_ID", help="only these runs (v5; repeatable)"
    )
    evaluation.add_argument("--v4", action="store_true", help="use the v4 datapoints endpoint")
    evaluation.add_argument(
        "--evaluatee",
        dest="evaluatees",
        action="append",
        default=[],
        metavar="EVV_ID",
        help="with --v4: the evaluatees to read (repeatable; default: the endpoint's first evaluatee only)",
    )
    _connection_arguments(evaluation, paged=True)
    add_output_arguments(evaluation)
    add_workers_argument(evaluation)
    add_send_arguments(evaluation)
    evaluation.set_defaults(run=run_humanloop_evaluation)


def _register_galileo(vendors: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    galileo = add_command(
        vendors,
        "galileo",
        help="Galileo v2 export_records",
        description=(
            "Export a Galileo log stream, experiment or metrics-testing run (v2 POST "
            "/projects/{project_id}/export_records), streamed and written as it arrives. Name exactly one of "
            "--log-stream, --experiment, --metrics-testing: without one Galileo would pick the project's oldest "
            "log stream."
        ),
        epilog=GALILEO_EPILOG,
    )
    galileo.add_argument("project_id", metavar="PROJECT_ID", help="the project id (a UUID)")
    which = galileo.add_mutually_exclusive_group(required=True)
    which.add_argument("--log-stream", metavar="ID", help="log stream id")
    which.add_argument("--experiment", metavar="ID", help="experiment id")
    which.add_argument("--metrics-testing", metavar="ID", help="metrics testing id")
    galileo.add_argument(
        "--root-type", choices=("session", "trace", "span"), default="trace", help="export root (default: trace)"
    )
    galileo.add_argument(
        "--filter", dest="filters", action="append", default=[], metavar="FILTER", help="repeatable; see below"
    )
    galileo.add_argument("--sort", metavar="COLUMN[:asc|desc]", help="sort column (default: the server's order)")
    galileo.add_argument(
        "--export-format",
        choices=("jsonl", "jsonl_flat", "csv"),
        default="jsonl",
        help="what the server streams (default: jsonl, nested). --format names the OUTPUT format",
    )
    galileo.add_argument(
        "--column", dest="columns", action="append", metavar="COLUMN_ID", help="with --export-format csv: columns"
    )
    galileo.add_argument("--no-redact", action="store_true", help="ask for unredacted inputs and outputs")
    galileo.add_argument(
        "--key-header",
        default=galileo_source.DEFAULT_KEY_HEADER,
        metavar="NAME",
        help=f"header carrying the key (default: {galileo_source.DEFAULT_KEY_HEADER})",
    )
    _connection_arguments(galileo, paged=False)
    add_output_arguments(galileo)
    add_workers_argument(galileo)
    add_send_arguments(galileo)
    galileo.set_defaults(run=run_galileo)


# --- runs ---------------------------------------------------------------------------------------------------------


def _humanloop_client(args: argparse.Namespace) -> HumanloopClient:
    # The clients import the generated models (a few hundred ms): loaded when a command runs, not for --help.
    from tracebridge.humanloop.client import HumanloopClient  # noqa: PLC0415

    key = ApiKey.from_env(humanloop_source.KEY_ENV)
    if key is None:
        raise _MissingKey(f"no Humanloop API key: set {humanloop_source.KEY_ENV}")
    options: dict[str, Any] = {
        "base_url": args.base_url,
        "concurrency": args.concurrency,
        "page_size": args.page_size,
        "retry": RetryPolicy(max_attempts=args.max_attempts),
    }
    if args.timeout is not None:
        options["timeout"] = args.timeout
    return HumanloopClient(key, **options)


class _MissingKey(ValueError):
    pass


COUNT_OPTIONS = (("--max-attempts", "max_attempts"), ("--concurrency", "concurrency"), ("--page-size", "page_size"))
"""The whole-number options of ``_connection_arguments`` (the last two on paged commands only): each at least 1."""


def option_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with the numeric options, checked in one place for every export command before any request.

    argparse only checks that each parses (``--timeout abc``); the ranges are checked here, so ``--timeout 0`` is a
    usage error naming the option and the value instead of a run whose every request times out at once.
    """
    timeout = args.timeout
    if timeout is not None and not (math.isfinite(timeout) and timeout > 0):
        return f"--timeout must be a number of seconds above 0, got {timeout:g}"
    for option, dest in COUNT_OPTIONS:
        value = getattr(args, dest, None)
        if value is not None and value < 1:
            return f"{option} must be at least 1, got {value}"
    return None


def run_humanloop_project(args: argparse.Namespace) -> int:
    command = "export humanloop project"
    problem = option_problem(args)
    if problem:
        return _usage(command, problem)
    try:
        client = _humanloop_client(args)
    except ValueError as exc:
        return _usage(command, str(exc))

    def make_exports(checkpoint: Path | None) -> list[Export[Any]]:
        return [client.export_project(args.project_id, checkpoint=checkpoint)]

    return run_exports(
        args,
        command=command,
        label=f"project {args.project_id}",
        make_exports=make_exports,
        source={"system": "humanloop", "api": "v4", "endpoint": "POST /projects/{id}/export"},
        parameters={"project_id": args.project_id, "base_url": client.settings.base_url},
        settings={"page_size": args.page_size, "concurrency": args.concurrency},
        keys=[client.settings.api_key],
        key_env=humanloop_source.KEY_ENV,
        base_url=client.settings.base_url,
    )


def run_humanloop_evaluation(args: argparse.Namespace) -> int:
    command = "export humanloop evaluation"
    problem = option_problem(args)
    if problem:
        return _usage(command, problem)
    if args.evaluatees and not args.v4:
        return _usage(command, "--evaluatee applies to the v4 datapoints endpoint; add --v4")
    if args.runs and args.v4:
        return _usage(command, "--run applies to the v5 logs endpoint; drop --v4")
    try:
        client = _humanloop_client(args)
    except ValueError as exc:
        return _usage(command, str(exc))

    def make_exports(checkpoint: Path | None) -> list[Export[Any]]:
        if args.v4:
            return [
                client.evaluation_datapoints(
                    args.evaluation_id, evaluatee_ids=args.evaluatees or None, checkpoint=checkpoint
                )
            ]
        return [client.evaluation_logs(args.evaluation_id, run_ids=args.runs or None, checkpoint=checkpoint)]

    endpoint = "GET /evaluations/{id}/datapoints" if args.v4 else "GET /evaluations/{id}/logs"
    parameters: dict[str, Any] = {"evaluation_id": args.evaluation_id, "base_url": client.settings.base_url}
    parameters.update({"evaluatee_ids": args.evaluatees} if args.v4 else {"run_ids": args.runs})
    return run_exports(
        args,
        command=command,
        label=f"evaluation {args.evaluation_id}",
        make_exports=make_exports,
        source={"system": "humanloop", "api": "v4" if args.v4 else "v5", "endpoint": endpoint},
        parameters=parameters,
        settings={"page_size": args.page_size, "concurrency": args.concurrency},
        keys=[client.settings.api_key],
        key_env=humanloop_source.KEY_ENV,
        base_url=client.settings.base_url,
    )


def run_galileo(args: argparse.Namespace) -> int:
    command = "export galileo"
    try:
        uuid.UUID(args.project_id)
    except ValueError:
        return _usage(command, f"PROJECT_ID must be a UUID, got {args.project_id!r}")
    problem = option_problem(args)
    if problem:
        return _usage(command, problem)
    if args.columns and args.export_format != "csv":
        return _usage(command, "--column applies to --export-format csv")
    try:
        filters = [parse_filter(text) for text in args.filters]
        sort = parse_sort(args.sort) if args.sort else None
    except FilterSyntaxError as exc:
        return _usage(command, str(exc))
    try:
        key = ApiKey.from_env(galileo_source.KEY_ENV)
    except ValueError as exc:  # a key with a control character: the message names the variable, not the value
        return _usage(command, str(exc))
    if key is None:
        return _usage(command, f"no Galileo API key: set {galileo_source.KEY_ENV}")
    options: dict[str, Any] = {
        "base_url": args.base_url,
        "key_header": args.key_header,
        "retry": RetryPolicy(max_attempts=args.max_attempts),
    }
    if args.timeout is not None:
        options["timeout"] = args.timeout
    from tracebridge.galileo.client import GalileoClient  # noqa: PLC0415 - see _humanloop_client

    client = GalileoClient(key, **options)
    request: dict[str, Any] = {
        "log_stream_id": args.log_stream,
        "experiment_id": args.experiment,
        "metrics_testing_id": args.metrics_testing,
        "root_type": args.root_type,
        "filters": filters,
        "sort": sort,
        "export_format": args.export_format,
        "redact": not args.no_redact,
        "column_ids": args.columns,
    }

    def make_exports(checkpoint: Path | None) -> list[Export[Any]]:
        return [client.export_records(args.project_id, checkpoint=checkpoint, **request)]

    return run_exports(
        args,
        command=command,
        label=f"galileo {args.log_stream or args.experiment or args.metrics_testing}",
        make_exports=make_exports,
        source={"system": "galileo", "api": "v2", "endpoint": "POST /projects/{project_id}/export_records"},
        parameters={"project_id": args.project_id, "base_url": client.settings.base_url, **request},
        keys=[key],
        key_env=galileo_source.KEY_ENV,
        base_url=client.settings.base_url,
    )


def _usage(command: str, message: str) -> int:
    from tracebridge.cli import failures  # noqa: PLC0415 - once a command runs, as cli.output.run_exports

    failures.report(ValueError(message), command=command)
    return ExitCode.USAGE
