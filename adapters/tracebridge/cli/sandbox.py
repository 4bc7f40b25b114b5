"""``tracebridge sandbox``: serve the five documented endpoints locally, with generated data and optional faults.

Prints where it listens, the API keys it accepts and the ids it knows, one ``name: value`` per line (scripts and
tests read them), then serves until interrupted (Ctrl-C or SIGTERM) and exits 0.
"""

from __future__ import annotations

import argparse
import signal
import sys
from types import FrameType

from tracebridge.cli.exit_codes import ExitCode
from tracebridge.cli.parsers import add_command
from tracebridge.sandbox.config import DEFAULT_GALILEO_KEY_HEADER, Latency, SandboxConfig
from tracebridge.sandbox.faults import FaultKind, FaultSpecError, parse_faults

DEFAULT_PORT = 8787

FAULT_HELP = (
    "inject a fault into a share of requests, KIND=RATE with RATE in 0..1; repeatable, once per kind. Kinds: "
    + ", ".join(kind.value for kind in FaultKind)
    + " (aliases 429, 500, 502, 503). Decisions are deterministic for the seed."
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``sandbox`` subcommand."""
    parser = add_command(
        subparsers,
        "sandbox",
        help="serve the Humanloop and Galileo endpoints locally with generated data",
        description=(
            "Serve the five documented Humanloop and Galileo endpoints on loopback, with deterministic generated "
            "data, optional latency and faults. Prints the base URL, API keys and known ids, then serves until "
            "Ctrl-C."
        ),
        epilog=(
            "examples:\n"
            "  tracebridge sandbox --port 8787\n"
            "  tracebridge sandbox --records 20000 --latency-ms 50\n"
            "  tracebridge sandbox --fault 429=0.1 --fault reset=0.05 --fault drift=0.01 --seed 3\n"
        ),
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port (default: {DEFAULT_PORT}; 0 picks a free one)"
    )
    parser.add_argument(
        "--seed", type=int, default=0, help="seed of the generated data and fault decisions (default: 0)"
    )
    parser.add_argument(
        "--records", type=int, default=1000, metavar="N", help="size of each collection (default: 1000)"
    )
    parser.add_argument(
        "--small-records",
        action="store_true",
        help="serve minimal Humanloop records (ids, timestamps, tokens) instead of realistic 3-13 KB ones: for "
        "benchmarks of paging itself",
    )
    parser.add_argument(
        "--latency-ms",
        default=None,
        metavar="MS[+JITTER]",
        help="add latency to every answer: fixed milliseconds, optionally plus random jitter up to JITTER ms",
    )
    parser.add_argument(
        "--slow-first-byte-ms",
        type=float,
        default=2000.0,
        metavar="MS",
        help="the pause before the first body byte of a slow_first_byte fault (default: 2000)",
    )
    parser.add_argument(
        "--retry-after", type=int, default=1, metavar="S", help="Retry-After of injected 429 and 503 (default: 1)"
    )
    parser.add_argument("--fault", action="append", default=[], metavar="KIND=RATE", help=FAULT_HELP)
    parser.add_argument(
        "--galileo-key-header",
        default=DEFAULT_GALILEO_KEY_HEADER,
        help=(
            f"header carrying the Galileo key (default: {DEFAULT_GALILEO_KEY_HEADER}; "
            "Splunk-AO-API-Key is always accepted)"
        ),
    )
    parser.set_defaults(run=run)


def _config(args: argparse.Namespace) -> SandboxConfig:
    if args.records < 0:
        raise ValueError(f"--records must be >= 0, got {args.records}")
    if not 0 <= args.port <= 65535:
        raise ValueError(f"--port must be 0..65535, got {args.port}")
    if args.slow_first_byte_ms < 0 or args.retry_after < 0:
        raise ValueError("--slow-first-byte-ms and --retry-after must be >= 0")
    return SandboxConfig(
        host=args.host,
        port=args.port,
        seed=args.seed,
        records=args.records,
        small_records=args.small_records,
        latency=Latency.parse(args.latency_ms) if args.latency_ms else Latency(),
        faults=parse_faults(args.fault),
        galileo_key_header=args.galileo_key_header,
        slow_first_byte_ms=args.slow_first_byte_ms,
        retry_after_s=args.retry_after,
    )


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def run(args: argparse.Namespace) -> int:
    """Start the server, print its coordinates, serve until interrupted."""
    from tracebridge.sandbox.server import SandboxServer  # noqa: PLC0415 - to run, not for --help

    try:
        config = _config(args)
    except (FaultSpecError, ValueError) as exc:
        print(f"tracebridge sandbox: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    try:
        server = SandboxServer(config)
    except OSError as exc:
        print(f"tracebridge sandbox: cannot listen on {config.host}:{config.port}: {exc}", file=sys.stderr)
        return ExitCode.ERROR
    sandbox = server.sandbox
    faults = ", ".join(f"{rule.kind.value}={rule.rate:g}" for rule in config.faults) or "none"
    lines = [
        f"base url: {server.base_url}",
        f"humanloop api key: {sandbox.humanloop_key}",
        f"galileo api key: {sandbox.galileo_key}",
        f"galileo key header: {config.galileo_key_header}",
        f"humanloop project: {sandbox.humanloop.project_id}",
        f"humanloop evaluation: {sandbox.humanloop.evaluation_id}",
        f"humanloop evaluatees: {' '.join(sandbox.humanloop.evaluatee_ids)}",
        f"humanloop runs: {' '.join(sandbox.humanloop.run_ids)}",
        f"humanloop logs in no run: {' '.join(sandbox.humanloop.loose_log_ids)}",
        f"galileo project: {sandbox.galileo.project_id}",
        f"galileo log stream: {sandbox.galileo.log_stream_id}",
        f"galileo experiment: {sandbox.galileo.experiment_id}",
        f"seed: {config.seed}",
        f"records: {config.records}{' (small)' if config.small_records else ''}",
        f"latency: {config.latency}",
        f"faults: {faults}",
    ]
    previous = signal.signal(signal.SIGTERM, _interrupt)  # before printing: a reader may stop us as soon as it reads
    try:
        print("\n".join(lines), flush=True)
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.stop()
    return ExitCode.OK
