"""Where Humanloop is and how it takes a key: the defaults and environment variables of the vendor's own SDK.

Kept apart from the client so that command-line help can name them without importing the client.
"""

from __future__ import annotations

from typing import Final

DEFAULT_BASE_URL: Final = "https://api.humanloop.com"
KEY_HEADER: Final = "X-API-KEY"
KEY_ENV: Final = "HUMANLOOP_API_KEY"
BASE_URL_ENV: Final = "HUMANLOOP_BASE_URL"
