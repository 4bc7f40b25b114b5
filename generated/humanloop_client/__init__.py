"""A client library for accessing Humanloop (v4 export and v5 evaluation endpoints)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
