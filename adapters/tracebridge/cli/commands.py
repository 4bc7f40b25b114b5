"""The list of subcommands, in the order ``--help`` shows them.

A subcommand module exposes ``register(subparsers)`` which adds its parser and sets ``run`` as the default handler.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from tracebridge.cli import demo, export, humanloop, import_files, sandbox, schema, send, sql

Registrar = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]

REGISTRARS: list[Registrar] = [
    demo.register,
    export.register,
    import_files.register,
    sql.register,
    send.register,
    humanloop.register,
    sandbox.register,
    schema.register,
]
