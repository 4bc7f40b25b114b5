"""The options that name and reach a destination, defined once for ``tracebridge send`` and for ``--send-to`` on
``export`` and ``import``: ``--endpoint``, ``--project``, ``--max-request-bytes``, and the request timeout and
attempts (``--timeout``/``--max-attempts`` on ``send``; ``--send-timeout``/``--send-max-attempts`` where the command's
own ``--timeout`` and ``--max-attempts`` are the vendor API's).

Keys are never options: each platform's usual variables (``PHOENIX_API_KEY``, ``LANGFUSE_PUBLIC_KEY`` and
``LANGFUSE_SECRET_KEY``, ``OTEL_EXPORTER_OTLP_HEADERS``).
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Final

from tracebridge.sinks.extras import require

if TYPE_CHECKING:
    from tracebridge.destinations.live import SendResult, SendTo
    from tracebridge.destinations.registry import SendOptions

TARGETS: Final = ("phoenix", "langfuse", "otlp")

SEND_TO_EPILOG: Final = """\
sending as records arrive (--send-to; needs pip install 'tracebridge[send]'):
  Records go to Phoenix, Langfuse or any OTLP backend as they are read, in batches, spans with the evaluations that
  judge them; with --out DIR they are written there too, else no files are written. A run sends each record once
  however often it is repeated: the ledger of what the target accepted is DIR/.sent/<target>.jsonl with --out (the
  one `tracebridge send DIR` keeps, so either continues the other), else in $XDG_STATE_HOME/tracebridge/sent/
  (~/.local/state/tracebridge/sent/), one file per target; --state-dir DIR puts it in DIR instead. Keys come from
  PHOENIX_API_KEY, LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY, OTEL_EXPORTER_OTLP_HEADERS. Records the target
  refuses (and, without --out, source records that cannot be mapped) go to <ledger>.rejects.jsonl beside it; the
  summary names it and the exit code is 3. --resume needs --out. Order: what spans refer to (prompts, datasets,
  experiments, sessions) before the spans of each batch; a judgment read before its span waits for it (on disk);
  experiment items and judgments of no span at the end. OTLP cannot add a judgment to a span already sent: the
  summary counts those that came late.
  e.g. tracebridge import dump.jsonl --send-to otlp --endpoint http://collector:4318/v1/traces
"""


class SendUsageError(ValueError):
    """Options that cannot work together (exit 2)."""


def add_target_arguments(parser: argparse.ArgumentParser | argparse._ArgumentGroup, *, prefix: str = "") -> None:
    """``--endpoint``, ``--project``, ``--max-request-bytes``, ``--[prefix]timeout``, ``--[prefix]max-attempts``."""
    parser.add_argument("--endpoint", metavar="URL", help="the target's URL (default: its usual variable)")
    parser.add_argument("--project", metavar="NAME", help="Phoenix project for the spans (default: tracebridge)")
    parser.add_argument(
        "--max-request-bytes", type=int, metavar="N", help="cap on one request's body (default: the target's)"
    )
    parser.add_argument(
        f"--{prefix}timeout",
        dest=f"{prefix.replace('-', '_')}timeout",
        type=float,
        default=60.0,
        metavar="S",
        help="seconds per request to the target (default 60)",
    )
    parser.add_argument(
        f"--{prefix}max-attempts",
        dest=f"{prefix.replace('-', '_')}max_attempts",
        type=int,
        default=5,
        metavar="N",
        help="tries per request to the target (default 5)",
    )


def target_problem(args: argparse.Namespace, *, prefix: str = "") -> str | None:
    """What is wrong with the values of ``add_target_arguments``'s options, naming the option."""
    timeout = getattr(args, f"{prefix.replace('-', '_')}timeout")
    attempts = getattr(args, f"{prefix.replace('-', '_')}max_attempts")
    if not (math.isfinite(timeout) and timeout > 0):
        return f"--{prefix}timeout must be a number of seconds above 0, got {timeout:g}"
    if attempts < 1:
        return f"--{prefix}max-attempts must be at least 1, got {attempts}"
    if args.max_request_bytes is not None and args.max_request_bytes < 1024:
        return f"--max-request-bytes must be at least 1024, got {args.max_request_bytes}"
    return None


def send_options(args: argparse.Namespace, *, prefix: str = "") -> SendOptions:
    from tracebridge.destinations.registry import SendOptions  # noqa: PLC0415 - not for --help
    from tracebridge.transport.retry import RetryPolicy  # noqa: PLC0415

    return SendOptions(
        endpoint=args.endpoint,
        project=args.project,
        max_request_bytes=args.max_request_bytes,
        timeout=getattr(args, f"{prefix.replace('-', '_')}timeout"),
        retry=RetryPolicy(max_attempts=getattr(args, f"{prefix.replace('-', '_')}max_attempts")),
    )


def add_send_arguments(parser: argparse.ArgumentParser) -> None:
    """``--send-to`` and its options, on a writing command (``export``, ``import``). ``--out`` then defaults to no
    directory at all (``args.out`` None), so that sending alone writes nothing."""
    group = parser.add_argument_group("sending as records arrive (see below)")
    group.add_argument(
        "--send-to",
        choices=TARGETS,
        help="also send every record to Phoenix, Langfuse or an OTLP backend as it arrives (with no --out: only there)",
    )
    add_target_arguments(group, prefix="send-")
    group.add_argument(
        "--state-dir",
        type=Path,
        metavar="DIR",
        help="where the ledger of what the target took is kept (default: OUT/.sent/ with --out, else "
        "$XDG_STATE_HOME/tracebridge/sent/)",
    )
    parser.set_defaults(out=None)
    parser.epilog = (parser.epilog or "") + "\n" + SEND_TO_EPILOG


def send_to(args: argparse.Namespace, default_out: str) -> SendTo | None:
    """The destination ``--send-to`` names (None without it), after settling ``args.out``: ``default_out`` unless
    ``--out`` was given or the run only sends. ``SendUsageError`` for options that cannot work, ``ValueError`` for a
    target that cannot be made, ``MissingExtraError`` without the send extra."""
    target = getattr(args, "send_to", None)
    if target is None:
        if getattr(args, "out", None) is None:
            args.out = default_out
        for option in ("endpoint", "project", "max_request_bytes", "state_dir"):
            if getattr(args, option, None) is not None:
                raise SendUsageError(f"--{option.replace('_', '-')} applies to --send-to")
        return None
    problem = target_problem(args, prefix="send-")
    if problem:
        raise SendUsageError(problem)
    if args.out is None and args.resume:
        raise SendUsageError("--resume needs --out: with no output directory there is nothing to resume from")
    require("opentelemetry.proto", extra="send", purpose="--send-to")
    from tracebridge.destinations.live import SendTo  # noqa: PLC0415 - the destinations load to run, not for --help
    from tracebridge.destinations.registry import make_destination  # noqa: PLC0415

    return SendTo(make_destination(target, send_options(args, prefix="send-")), state_dir=args.state_dir)


def print_sent(sent: SendResult | None, *, command: str, quiet: bool) -> bool:
    """The send's summary on stderr; True when something was refused (the run then exits 3)."""
    if sent is None:
        return False
    if not quiet:
        print(f"sent to {sent.target}: {sent.report.describe()}; ledger {sent.ledger}", file=sys.stderr)
        if sent.late:
            print(
                f"{sent.late:,} evaluations arrived after the span they judge had been sent, and went on their own",
                file=sys.stderr,
            )
    refused = sent.refused + sent.source_rejects
    if refused:
        print(f"tracebridge {command}: {refused:,} records not sent; see {sent.rejects}", file=sys.stderr)
    return bool(refused)
