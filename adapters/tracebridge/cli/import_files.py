"""``tracebridge import PATH ...``: the same output as ``export``, from files users already hold.

Humanloop shut down in Sept 2025, so for most of its users this is the only way in: ``humanloop-export`` directories,
saved API pages and JSONL dumps. Galileo exports downloaded from the console read the same way. The format is detected
from each file's content (and a directory's layout); ``--from`` overrides the detection when it guesses wrong.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracebridge.cli.output import add_output_arguments, run_exports
from tracebridge.cli.parsers import add_command, add_workers_argument
from tracebridge.cli.send_options import add_send_arguments
from tracebridge.imports.formats import DESCRIPTIONS, FORMATS

if TYPE_CHECKING:
    from tracebridge.delivery.export import Export

EPILOG = "formats (detected; --from to force one):\n" + "".join(
    f"  {name:<30}{DESCRIPTIONS[name]}\n" for name in FORMATS
)
EPILOG += """
examples:
  tracebridge import exports/2025-09-01T10-00-00/ --format duckdb
  tracebridge import project-pages/*.json --out hl/
  tracebridge import galileo-export.csv --from galileo-csv
  tracebridge import evaluation-logs.jsonl --out - | jq -c 'select(.record_type == "evaluation")'
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``import``."""
    parser = add_command(
        subparsers,
        "import",
        help="read Humanloop and Galileo export files and write the common records",
        description=(
            "Read export files (humanloop-export directories, saved Humanloop v4/v5 API pages and JSONL dumps, "
            "Galileo jsonl, jsonl_flat and csv exports), map them to the common schema and write them. Malformed "
            "records go to rejects.jsonl with the file, line and reason; every good record is still written."
        ),
        epilog=EPILOG,
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or directories")
    parser.add_argument("--from", dest="from_format", choices=FORMATS, metavar="FORMAT", help="skip detection")
    add_output_arguments(parser)
    add_workers_argument(parser)
    add_send_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # The readers import every vendor's record kinds and generated models: loaded to run, not for --help.
    from tracebridge.imports import open_import  # noqa: PLC0415

    def make_exports(checkpoint: Path | None) -> list[Export[Any]]:
        return [open_import(args.paths, from_format=args.from_format, checkpoint=checkpoint)]

    return run_exports(
        args,
        command="import",
        label="import",
        make_exports=make_exports,
        source={"system": "files", "format": args.from_format or "detected"},
        parameters={"paths": [str(path) for path in args.paths], "from": args.from_format},
    )
