"""A client library for accessing Galileo (log records export)"""

# From tracebridge's template (specs/templates/package_init.py.jinja): the client classes, and httpx with them, load
# when first named, so a process that only parses records with the models (a worker mapping them) never imports httpx.
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import AuthenticatedClient, Client


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from . import client

    value = getattr(client, name)
    globals()[name] = value
    return value


__all__ = (
    "AuthenticatedClient",
    "Client",
)
