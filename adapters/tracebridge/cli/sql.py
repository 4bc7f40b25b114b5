"""``tracebridge sql "SELECT ..." [--out DIR]``: query an output directory with the DuckDB Python package.

No ``duckdb`` program to install, and no version skew between the program and the file the package wrote: the same
package that wrote ``tracebridge.duckdb`` reads it. Without a query, it lists the views and their row counts.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tracebridge.cli.exit_codes import ExitCode
from tracebridge.cli.output import DEFAULT_OUT
from tracebridge.cli.parsers import add_command
from tracebridge.sinks.extras import MissingExtraError, require
from tracebridge.sinks.layout import TABLES

RESULT_FORMATS = ("table", "csv", "json")
READABLE_FORMATS = ("duckdb", "parquet", "jsonl", "csv")
VIEWS = (*TABLES.values(), "llm_calls", "evaluation_scores", "scores", "rejects")

EPILOG = """\
views: spans, evaluations, sessions, dataset_examples, experiments, experiment_items, definitions,
  definition_versions (one per record type), llm_calls, evaluation_scores, scores, rejects

examples:
  tracebridge sql --out tracebridge-demo
  tracebridge sql "SELECT provider, model, count(*) AS calls FROM llm_calls GROUP BY ALL" --out tracebridge-demo
  tracebridge sql "DESCRIBE spans" --out tracebridge-demo
  tracebridge sql "SELECT * FROM scores" --out tracebridge-demo --format csv > scores.csv
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``sql``."""
    parser = add_command(
        subparsers,
        "sql",
        help="run SQL over an output directory (any format) and print the result",
        description=(
            "Run a SQL query (DuckDB's dialect) over the output directory of an export, import or demo, through views "
            "named after the record types plus llm_calls, evaluation_scores, scores and rejects. The views are the "
            "same whichever formats the directory holds. Without a query, list the views and their row counts. "
            "Needs the duckdb extra: pip install 'tracebridge[duckdb]'."
        ),
        epilog=EPILOG,
    )
    parser.add_argument("query", nargs="?", metavar="SQL", help="the query; omit it to list the views")
    parser.add_argument(
        "--out", default=DEFAULT_OUT, metavar="DIR", help=f"output directory (default: ./{DEFAULT_OUT}/)"
    )
    parser.add_argument(
        "--format",
        dest="result_format",
        choices=RESULT_FORMATS,
        default="table",
        help="table (default), csv or json (a JSON array of objects)",
    )
    parser.add_argument(
        "--read",
        choices=READABLE_FORMATS,
        default=None,
        help="which of the directory's formats to read (default: the fastest it holds)",
    )
    parser.set_defaults(run=run)


def overview_sql() -> str:
    return " UNION ALL ".join(f"SELECT '{view}' AS view, count(*) AS rows FROM {view}" for view in VIEWS)


def run(args: argparse.Namespace) -> int:
    try:
        duckdb = require("duckdb", extra="duckdb", purpose="tracebridge sql")
    except MissingExtraError as exc:
        print(f"tracebridge sql: {exc}", file=sys.stderr)
        return ExitCode.ERROR
    from tracebridge.query.results import WRITERS  # noqa: PLC0415 - imports duckdb: only when a query runs
    from tracebridge.query.views import QueryError, connect  # noqa: PLC0415

    try:
        connection = connect(Path(args.out), read=args.read)
    except QueryError as exc:
        print(f"tracebridge sql: {exc}", file=sys.stderr)
        return ExitCode.ERROR
    with connection:
        try:
            cursor = connection.execute(args.query or overview_sql())
            if cursor.description is None:  # a statement without a result (SET, CREATE VIEW ...)
                return ExitCode.OK
            WRITERS[args.result_format](cursor, sys.stdout)
        except duckdb.Error as exc:
            print(f"tracebridge sql: {exc}", file=sys.stderr)
            print(
                f"hint: the views are {', '.join(VIEWS)}; "
                f'tracebridge sql "DESCRIBE spans" --out {args.out} shows a view\'s columns',
                file=sys.stderr,
            )
            return ExitCode.ERROR
    return ExitCode.OK
