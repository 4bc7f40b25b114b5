"""Langfuse's public REST API as the Langfuse destination calls it: one JSON body per record, each once.

Scores, datasets, dataset items and prompts each take one object a request, so what matters is that each request fits
and that what was taken is remembered. Fits: Langfuse's routes parse JSON bodies with Next.js, whose default limit is
1 MB (scores, datasets, prompts: ``413 Body exceeded 1mb limit``); dataset items allow 4.5 MB. A body over its route's
limit, or over ``--max-request-bytes``, is rejected with both sizes before it is sent. Remembered: the ledger gets a
chunk's keys once its requests were answered, so a killed send repeats at most one chunk, and every body here is an
upsert by a deterministic id (scores, items, datasets by name) except prompts, which ``LangfuseDestination`` checks
before it posts.

Requests run a few at a time (Cloud allows 1,000 a minute to paid plans, far fewer on Hobby: a 429 waits for its
``Retry-After``, in the transport). A 4xx other than 401/403/429 refuses one record (a dataset item another dataset
holds, a prompt of another type under the same name): that record is rejected with Langfuse's message, the rest go on.
"""

from __future__ import annotations

import asyncio
import urllib.parse
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

import attrs

from tracebridge.delivery.rejects import Reject
from tracebridge.destinations.base import SendReport
from tracebridge.destinations.ledger import Ledger
from tracebridge.errors import ApiError
from tracebridge.json_codec import dumps, dumps_text
from tracebridge.records import Record
from tracebridge.serialization import to_json_dict
from tracebridge.transport.http import HttpTransport

JSON_LIMIT: Final = 1_000_000
"""Next.js's default body limit (1 MB), which every Langfuse route without its own takes."""
ROUTE_LIMITS: Final = {"/api/public/dataset-items": 4_500_000}
"""Routes that set a larger limit (``dataset-items/index.ts``: 4.5 MB)."""
REFUSALS: Final = frozenset({400, 404, 409, 413, 422})
"""Statuses that refuse one record; any other error stops the send (bad keys, a suspended project, a dead server)."""
CONCURRENCY: Final = 8

Answer = Callable[[Any], Any]
"""What to keep in the ledger from Langfuse's answer (a dataset's id, a prompt's version number)."""


def quote(segment: str) -> str:
    """A prompt name as one path segment (its folders' slashes included)."""
    return urllib.parse.quote(segment, safe="")


def _accepted(answer: Any) -> Any:
    return True


@attrs.frozen
class Post:
    """One record's request."""

    key: str
    """Its ledger key."""
    path: str
    body: Mapping[str, Any]
    record_type: str
    record: Record
    answer: Answer = _accepted


@attrs.define
class LangfuseRest:
    """Sends ``Post`` requests (see the module)."""

    transport: HttpTransport
    max_request_bytes: int

    def limit(self, path: str) -> int:
        return min(ROUTE_LIMITS.get(path, JSON_LIMIT), self.max_request_bytes)

    async def get(self, path: str, params: Mapping[str, str | int] | None = None) -> Any:
        return await self.transport.send_json(f"GET {path}", {"method": "GET", "url": path, "params": params})

    async def post(self, path: str, body: Mapping[str, Any]) -> tuple[Any, int]:
        """Langfuse's answer and the bytes sent; ``ApiError`` as the transport raises it."""
        content = dumps(body)
        answer = await self.transport.send_json(
            f"POST {path}",
            {"method": "POST", "url": path, "content": content, "headers": {"Content-Type": "application/json"}},
        )
        return answer, len(content)

    async def post_all(self, posts: Sequence[Post], ledger: Ledger, report: SendReport) -> None:
        """Each post once (see the module); the ledger learns each chunk's answers as it is done."""
        for start in range(0, len(posts), CONCURRENCY):
            chunk = [post for post in posts[start : start + CONCURRENCY] if self.fits(post, report)]
            results = await asyncio.gather(*(self.post(post.path, post.body) for post in chunk), return_exceptions=True)
            accepted: dict[str, Any] = {}
            failure: BaseException | None = None
            for post, result in zip(chunk, results, strict=True):
                if isinstance(result, ApiError) and result.status in REFUSALS:
                    reject(report, post, f"Langfuse refused it (HTTP {result.status}: {result.message})")
                elif isinstance(result, BaseException):
                    failure = failure or result
                else:
                    answer, size = result
                    accepted[post.key] = post.answer(answer)
                    report.sent[post.record_type] += 1
                    report.requests += 1
                    report.bytes_sent += size
            ledger.record(accepted)
            if failure is not None:
                raise failure

    def fits(self, post: Post, report: SendReport) -> bool:
        """Whether ``post`` fits its route; if not, it is rejected with both sizes."""
        size, limit = len(dumps(post.body)), self.limit(post.path)
        if size <= limit:
            return True
        reject(
            report,
            post,
            f"its request would be {size:,} bytes, more than Langfuse's {post.path} takes "
            f"({limit:,}: the route's limit or --max-request-bytes)",
        )
        return False


def reject(report: SendReport, post: Post, reason: str) -> None:
    reject_record(report, post.record_type, post.record, reason)


def reject_record(report: SendReport, record_type: str, record: Record, reason: str) -> None:
    raw = to_json_dict(record)
    source_id = raw.get("provenance", {}).get("source_id") if isinstance(raw.get("provenance"), dict) else None
    report.reject(
        record_type,
        Reject(source=f"{record_type} {_record_id(raw)}", reason=reason, raw=dumps_text(raw), source_id=source_id),
    )


def _record_id(raw: Mapping[str, Any]) -> str:
    for field in ("evaluation_id", "example_id", "version_id", "definition_id", "experiment_id", "span_id"):
        if isinstance(raw.get(field), str):
            return str(raw[field])
    return "?"
