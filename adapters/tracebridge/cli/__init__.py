"""The ``tracebridge`` command line.

Each subcommand lives in its own module exposing ``register(subparsers)``; this module only assembles them, so the
CLI stays a thin wiring of sources, adapters and sinks (see the README's data flow).
"""

from __future__ import annotations

import argparse
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
  tracebridge --version
  tracebridge schema > tracebridge-schema.json
  tracebridge sandbox --port 8787
"""


def _all_registrars() -> list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]]:
    from tracebridge.cli import _commands  # noqa: PLC0415 - imports every exporter (~1 s); `sandbox` skips them

    return _commands.REGISTRARS


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


if __name__ == "__main__":  # pragma: no cover - python -m tracebridge.cli
    sys.exit(main())
