"""The ``tracebridge`` command line.

Each subcommand lives in its own module exposing ``register(subparsers)``; this module only assembles them, so the
CLI stays a thin wiring of sources, adapters and sinks (see the README's data flow).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence

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

exit codes: 0 complete, 1 error, 2 usage or --out in use, 3 incomplete export (records missing), 130 interrupted
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
    if run is None:  # no command: what argparse does for a missing argument (usage on stderr, exit 2)
        parser.print_usage(sys.stderr)
        print("tracebridge: a command is needed; --help lists them (try: tracebridge demo)", file=sys.stderr)
        return ExitCode.USAGE
    with _sigterm_interrupts():
        return _run(run, args)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@contextlib.contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    """SIGTERM (a service manager, ``kill``, ``timeout``) stops a run as Ctrl-C does: worker processes shut down and
    the partial output is kept for ``--resume``. Only where SIGTERM has its default action (a caller's handler is
    kept), and put back afterwards."""
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGTERM) != signal.SIG_DFL:
        yield
        return
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _run(run: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    try:
        return int(run(args))
    except KeyboardInterrupt:
        print(f"tracebridge: interrupted; {_after_interrupt(args)}", file=sys.stderr)
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``tracebridge ... --out - | head``): stop quietly, and keep Python's own flush at
        # exit from failing on the same closed pipe.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return ExitCode.ERROR


def _after_interrupt(args: argparse.Namespace) -> str:
    """What to do next: ``--resume`` where the run left a checkpoint, else run it again."""
    out = getattr(args, "out", None)
    if out is None or not hasattr(args, "resume"):
        return "nothing was left half-done"
    from tracebridge import pipeline  # noqa: PLC0415 - only after an interruption

    if pipeline.resumable(out):
        return f"run the same command with --resume to continue (the partial output is in {out}/.partial/)"
    return "nothing was published; run the same command again"


if __name__ == "__main__":  # pragma: no cover - python -m tracebridge.cli
    sys.exit(main())
