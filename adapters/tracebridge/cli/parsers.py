"""How every subcommand's parser is made: a help line for the list, a description, and examples kept as written."""

from __future__ import annotations

import argparse

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
