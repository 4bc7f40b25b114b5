"""``tracebridge schema``: print the JSON Schema of the common records.

So that consumers (a warehouse loader, a validator in CI, another language) get the exact contract of the files
tracebridge writes, generated from the same classes the adapters build.
"""

from __future__ import annotations

import argparse
import json
import sys

from tracebridge.cli.exit_codes import ExitCode
from tracebridge.cli.parsers import add_command
from tracebridge.json_schema import record_schema
from tracebridge.records import RECORD_CLASSES


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``schema`` subcommand."""
    parser = add_command(
        subparsers,
        "schema",
        help="print the JSON Schema of the common records",
        description="Print the JSON Schema (draft 2020-12) of the common records tracebridge writes.",
        epilog=(
            "examples:\n"
            "  tracebridge schema > tracebridge-records.schema.json\n"
            "  tracebridge schema --type span | jq '.properties | keys'\n"
        ),
    )
    parser.add_argument(
        "--type",
        dest="record_type",
        choices=sorted(RECORD_CLASSES),
        default=None,
        help="one record type only (default: any record)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write the schema as indented JSON to stdout."""
    json.dump(record_schema(args.record_type), sys.stdout, indent=2, sort_keys=False)
    sys.stdout.write("\n")
    return ExitCode.OK
