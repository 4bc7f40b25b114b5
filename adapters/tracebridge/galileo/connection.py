"""Where Galileo is and how it takes a key: the defaults and environment variables of the vendor's own SDK.

Kept apart from the client so that command-line help can name them without importing the client.
"""

from __future__ import annotations

from typing import Final

DEFAULT_BASE_URL: Final = "https://api.galileo.ai"
DEFAULT_KEY_HEADER: Final = "Galileo-API-Key"
"""Some deployments name it ``Splunk-AO-API-Key``: the client takes another name."""
KEY_ENV: Final = "GALILEO_API_KEY"
BASE_URL_ENVS: Final = ("GALILEO_API_URL", "GALILEO_CONSOLE_URL")
