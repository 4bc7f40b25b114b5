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
