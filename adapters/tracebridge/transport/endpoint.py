"""An HTTP endpoint as data: the vendor, API version, method and path its documentation gives.

Wings declare their endpoints with this (and ``PagedEndpoint`` for listings); the request it builds is what
``HttpTransport`` sends. ``tests/test_endpoints.py`` checks each declaration against the hand-written spec.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

import attrs


@attrs.frozen
class Endpoint:
    system: str
    """The vendor, for messages: ``humanloop``."""
    version: str
    """The API version, the URL's first segment: ``v4``."""
    method: str
    path: str
    """Below the version, with ``{name}`` placeholders for path parameters: ``/projects/{id}/export``."""

    def where(self, path_params: Mapping[str, str]) -> str:
        """The endpoint for messages and rejects: ``humanloop v4 POST /projects/pr_1/export``."""
        return f"{self.system} {self.version} {self.method} {self.path.format(**path_params)}"

    def request(
        self,
        path_params: Mapping[str, str],
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
    ) -> dict[str, Any]:
        """The request as ``httpx.AsyncClient.request`` takes it: path parameters quoted, null parameters left out."""
        quoted = {name: quote(str(value), safe="") for name, value in path_params.items()}
        request: dict[str, Any] = {"method": self.method.lower(), "url": f"/{self.version}{self.path.format(**quoted)}"}
        if params:
            request["params"] = {key: value for key, value in params.items() if value is not None}
        if json is not None:
            request["json"] = json
        return request
