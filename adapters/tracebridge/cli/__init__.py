"""The ``tracebridge`` command line.

Each subcommand lives in its own module exposing ``register(subparsers)``; this module only assembles them, so the
CLI stays a thin wiring of sources, adapters and sinks (see the README's data flow).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from tracebridge._version import __version__
from tracebridge.cli import _commands
from tracebridge.cli.exit_codes import ExitCode

DESCRIPTION = """\
Get LLM logs, traces and evaluation results out of Humanloop and Galileo into one
OpenTelemetry-GenAI-shaped schema.
"""

EPILOG = """\
examples:
  tracebridge --version
  tracebridge schema > tracebridge-schema.json
  tracebridge sandbox --port 8787
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tracebridge",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"tracebridge {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in _commands.REGISTRARS:
        register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    run = getattr(args, "run", None)
    if run is None:
        parser.print_help()
        return ExitCode.OK
    try:
        return int(run(args))
    except KeyboardInterrupt:
        print("tracebridge: interrupted", file=sys.stderr)
        return ExitCode.ERROR


if __name__ == "__main__":  # pragma: no cover - python -m tracebridge.cli
    sys.exit(main())
