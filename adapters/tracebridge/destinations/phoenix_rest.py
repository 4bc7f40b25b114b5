"""Phoenix's REST and GraphQL API as the Phoenix destination calls it: JSON in, JSON out, over the transport.

One place for the request shapes, so the modules that send datasets, experiments, prompts and annotations only say
what they ask. Retries (5xx, resets, 429) are the transport's; that matters here because Phoenix closes its kept-alive
connection after a 500, and the transport's next attempt opens a new one. Errors a retry cannot fix reach the caller
as ``ApiError`` with the status (a 409 on an experiment run already stored is the caller's to read).
"""

from __future__ import annotations

import asyncio
import copy
import urllib.parse
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import Any, Final

import attrs

from tracebridge.errors import ApiError
from tracebridge.json_codec import dumps
from tracebridge.transport.http import HttpTransport

PROJECT_COUNT_QUERY: Final = "query($id: ID!) { node(id: $id) { ... on Project { name recordCount } } }"
"""The number of spans stored in one project, by its id (GraphQL's ``projects(filter:)`` matches names as a
case-insensitive substring: ``tb-x`` finds ``old-tb-x`` too, so the project is found by its exact name over REST)."""

JSON: Final = {"Content-Type": "application/json"}
Params = Mapping[str, str | int | bool | list[str]]


def quote(segment: str) -> str:
    """A name or id as one path segment (prompt names are safe already; ids are base64 with ``=``)."""
    return urllib.parse.quote(segment, safe="")


def _params(params: Params | None) -> dict[str, Any] | None:
    if params is None:
        return None
    return {key: (str(value).lower() if isinstance(value, bool) else value) for key, value in params.items()}


class PhoenixApi:
    """The calls the destination makes (see the module)."""

    def __init__(self, transport: HttpTransport) -> None:
        self.transport = transport
        self._once = copy.copy(transport)
        """The same connections, one attempt a request: for the POSTs that make something (``create``)."""
        self._once.retry = attrs.evolve(transport.retry, max_attempts=1)
        self.requests = 0
        """Requests that succeeded, and the bytes of their bodies: the send report's counts (``take_counts``)."""
        self.bytes_sent = 0

    def take_counts(self) -> tuple[int, int]:
        """Requests and body bytes since the last call (the destination adds them to the report it was handed)."""
        counts = (self.requests, self.bytes_sent)
        self.requests = self.bytes_sent = 0
        return counts

    async def get(self, path: str, params: Params | None = None) -> Any:
        return await self.transport.send_json(f"GET {path}", {"method": "GET", "url": path, "params": _params(params)})

    async def post(self, path: str, body: Any, params: Params | None = None) -> Any:
        content = dumps(body)
        answer = await self.transport.send_json(
            f"POST {path}",
            {"method": "POST", "url": path, "content": content, "headers": JSON, "params": _params(params)},
        )
        self._count(content)
        return answer

    async def create(self, path: str, body: Any, find: Callable[[], Awaitable[str | None]]) -> str:
        """POST ``body`` that makes something (a prompt version, an experiment: posted twice, made twice) and return
        the id of what it made. A failure a retry could fix (a timeout, a reset, a 5xx) may come after Phoenix made
        it, so it is not retried blindly: after the wait ``find`` looks for it, and only when it is not there is it
        posted again."""
        retry = self.transport.retry
        content = dumps(body)
        attempt = 0
        while True:
            attempt += 1
            try:
                answer = await self._once.send_json(
                    f"POST {path}", {"method": "POST", "url": path, "content": content, "headers": JSON}
                )
            except ApiError as exc:
                retryable = exc.status is None or retry.is_retryable_status(exc.status)
                if not retryable or attempt >= retry.max_attempts:
                    raise
                await asyncio.sleep(retry.delay(attempt, None))
                found = await find()
                if found is not None:
                    return found
                continue
            self._count(content)
            return str(answer["data"]["id"])

    async def post_no_content(self, path: str, body: Any) -> None:
        """A POST answered by 204 (a prompt tag): no JSON to decode."""
        content = dumps(body)
        await self.transport.send(f"POST {path}", {"method": "POST", "url": path, "content": content, "headers": JSON})
        self._count(content)

    def _count(self, content: bytes) -> None:
        self.requests += 1
        self.bytes_sent += len(content)

    async def graphql(self, query: str, variables: Mapping[str, Any]) -> Any:
        answer = await self.post("/graphql", {"query": query, "variables": dict(variables)})
        if not isinstance(answer, dict) or answer.get("errors"):
            raise ApiError(
                "POST /graphql", 200, f"GraphQL errors: {answer.get('errors') if isinstance(answer, dict) else answer}"
            )
        return answer.get("data")

    async def project_id(self, project: str) -> str | None:
        """The GraphQL id of the project named exactly ``project`` (None when it does not exist yet: Phoenix makes it
        with its first span)."""
        try:
            answer = await self.get(f"/v1/projects/{quote(project)}")
        except ApiError as exc:
            if exc.status in {404, 422}:
                return None
            raise
        found = (answer or {}).get("data") or {}
        # Phoenix reads an identifier that decodes as a project id as that id: only the exact name counts.
        return str(found["id"]) if found.get("name") == project and found.get("id") else None

    async def span_count(self, project: str) -> int:
        """Spans stored in ``project`` (0 when it does not exist yet)."""
        project_id = await self.project_id(project)
        if project_id is None:
            return 0
        data = await self.graphql(PROJECT_COUNT_QUERY, {"id": project_id})
        return int(((data or {}).get("node") or {}).get("recordCount") or 0)

    async def pages(self, path: str, params: Params | None = None, *, limit: int = 1000) -> AsyncIterator[Any]:
        """Every item of a cursor-paged listing (``{data: [...], next_cursor}``)."""
        cursor: str | None = None
        while True:
            query: dict[str, Any] = {**(params or {}), "limit": limit}
            if cursor:
                query["cursor"] = cursor
            page = await self.get(path, query)
            for item in page.get("data") or ():
                yield item
            cursor = page.get("next_cursor")
            if not cursor:
                return
