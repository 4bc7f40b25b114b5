"""The ``tracebridge`` command line.

Each subcommand lives in its own module exposing ``register(subparsers)``; this module only assembles them, so the
CLI stays a thin wiring of sources, adapters and sinks (see the README's data flow).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from tracebridge._version import __version__
from tracebridge.cli.exit_codes import ExitCode

DESCRIPTION = """\
Get LLM logs, traces and evaluation results out of Humanloop and Galileo into one
OpenTelemetry-GenAI-shaped schema.
"""

EPILOG = """\
examples:
  tracebridge demo                                   # no key needed: a local sandbox, every endpoint
  tracebridge export humanloop project pr_123        # key from HUMANLOOP_API_KEY
  tracebridge export galileo PROJECT --log-stream ID --format duckdb
  tracebridge import exports/2025-09-01T10-00-00/    # files from humanloop-export
  tracebridge schema > tracebridge-schema.json

exit codes: 0 complete, 1 error, 2 usage, 3 incomplete export (records missing)
"""


def _all_registrars() -> list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]]:
    from tracebridge.cli import commands  # noqa: PLC0415 - every command module; `sandbox` needs only its own

    return commands.REGISTRARS


def build_parser(
    registrars: Sequence[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] | None = None,
) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tracebridge",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"tracebridge {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in _all_registrars() if registrars is None else registrars:
        register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["sandbox"]:  # must start in under a second: only the sandbox's own imports
        from tracebridge.cli import sandbox  # noqa: PLC0415

        parser = build_parser([sandbox.register])
    else:
        parser = build_parser()
    args = parser.parse_args(arguments)
    run = getattr(args, "run", None)
    if run is None:
        parser.print_help()
        return ExitCode.OK
    try:
        return int(run(args))
    except KeyboardInterrupt:
        print("tracebridge: interrupted", file=sys.stderr)
        return ExitCode.ERROR
    except BrokenPipeError:
        # The reader went away (``tracebridge ... --out - | head``): stop quietly, and keep Python's own flush at
        # exit from failing on the same closed pipe.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return ExitCode.ERROR


if __name__ == "__main__":  # pragma: no cover - python -m tracebridge.cli
    sys.exit(main())
