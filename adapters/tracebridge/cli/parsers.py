"""How every subcommand's parser is made: a help line for the list, a description, and examples kept as written."""

from __future__ import annotations

import argparse

from tracebridge.delivery.worker_defaults import START_AFTER

Subparsers = argparse._SubParsersAction


def add_command(
    subparsers: Subparsers[argparse.ArgumentParser],
    name: str,
    *,
    help: str,
    description: str,
    epilog: str | None = None,
) -> argparse.ArgumentParser:
    """A subcommand whose description and epilog keep their line breaks (the examples are laid out by hand)."""
    return subparsers.add_parser(
        name,
        help=help,
        description=description,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def add_command_group(
    subparsers: Subparsers[argparse.ArgumentParser],
    name: str,
    *,
    help: str,
    description: str,
    epilog: str | None = None,
    dest: str,
    metavar: str,
) -> Subparsers[argparse.ArgumentParser]:
    """A subcommand that only groups others (``export humanloop ...``): where its subcommands are added."""
    group = add_command(subparsers, name, help=help, description=description, epilog=epilog)
    return group.add_subparsers(dest=dest, metavar=metavar, required=True)


WORKERS_HELP = (
    "processes that map records (default: the machine's cores); 1 maps in this process. Workers start only once "
    f"{START_AFTER:,} records have gone by, so a small run never pays for starting them; a run whose records go "
    "somewhere that takes typed records (--format otlp-json, --send-to) is mapped in this process. The files are the "
    "same bytes whatever N."
)


def add_workers_argument(parser: argparse.ArgumentParser) -> None:
    """``--workers N`` (``tracebridge.delivery.workers``); ``args.workers`` is None for the default."""
    parser.add_argument("--workers", type=_positive, metavar="N", help=WORKERS_HELP)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("at least 1")
    return value
