"""Prompt versions into Langfuse exactly once, though Langfuse's prompt POST is not idempotent.

Each ``POST /api/public/v2/prompts`` makes a new version (latest + 1), so neither a resumed send nor a retried request
may post a version Langfuse already holds. Before the first post under a name, the prompt's versions are read
(``GET /api/public/v2/prompts?name=``, then each version the ledger does not know, for its commit message) and every
version tracebridge made is recognised by its marker (``langfuse_prompts.marker``); those are recorded, not posted.

A post that fails in a way a retry could fix (a timeout, a reset, a 5xx: Langfuse may have made the version before it
failed) is not repeated blindly: the posts go through a transport that never retries, and after the wait the versions
are read again; only a version still missing is posted again. A 429 was not processed and is waited out the same way
(its ``Retry-After`` is not visible here; the backoff is the policy's).
"""

from __future__ import annotations

import asyncio
from collections.abc import Collection, Mapping
from typing import Any

import attrs

from tracebridge.destinations.base import SendReport
from tracebridge.destinations.langfuse_prompts import owners
from tracebridge.destinations.langfuse_rest import REFUSALS, LangfuseRest, Post, quote, reject
from tracebridge.destinations.ledger import Ledger
from tracebridge.errors import ApiError
from tracebridge.records import DefinitionVersion
from tracebridge.transport.retry import RetryPolicy

PROMPTS = "/api/public/v2/prompts"


def version_number(answer: Any) -> int | None:
    version = answer.get("version") if isinstance(answer, Mapping) else None
    return version if isinstance(version, int) and not isinstance(version, bool) else None


@attrs.define
class PromptVersions:
    """Posts prompt versions (see the module). ``once`` must not retry a POST by itself; ``rest`` reads."""

    rest: LangfuseRest
    once: LangfuseRest
    retry: RetryPolicy
    _known: dict[str, dict[str, int]] = attrs.field(factory=dict)
    """Prompt name -> {tracebridge version id found in its commit message: Langfuse version}."""
    _owners: dict[str, tuple[bool, set[str]]] = attrs.field(factory=dict)
    """Prompt name -> (whether Langfuse has a version of it, the definitions its versions' commit messages name)."""

    async def owners(self, name: str) -> tuple[bool, set[str]]:
        """Whether Langfuse has prompt ``name`` at all, and the source definitions its versions say they belong to
        (``langfuse_prompts.owner_marker``; none: somebody else's prompt, or none yet)."""
        if name not in self._owners:
            await self.existing(name, refresh=True)
        return self._owners[name]

    async def existing(self, name: str, recorded: Collection[int] = (), *, refresh: bool = False) -> dict[str, int]:
        """The versions of ``name`` that tracebridge made, by source version id; ``recorded``: the numbers the ledger
        already knows for this name (not read again)."""
        if name in self._known and not refresh:
            return self._known[name]
        listed = await self.rest.get(PROMPTS, {"name": name, "limit": 100})
        numbers: list[int] = []
        for meta in listed.get("data", []) if isinstance(listed, Mapping) else []:
            if isinstance(meta, Mapping) and meta.get("name") == name:
                numbers.extend(n for n in meta.get("versions") or [] if isinstance(n, int))
        found: dict[str, int] = {}
        definitions: set[str] = set()
        for number in sorted(set(numbers)):
            if number in recorded:
                continue  # the ledger knows which version that is: no need to read it
            version = await self.rest.get(f"{PROMPTS}/{quote(name)}", {"version": number})
            message = version.get("commitMessage") if isinstance(version, Mapping) else None
            if isinstance(message, str) and "[tracebridge " in message:
                source_id = message.rsplit("[tracebridge ", 1)[1].removesuffix("]")
                found.setdefault(source_id, number)
                definitions |= owners(message)
        self._known[name] = found
        if not recorded:  # every version read: who owns the prompt is known
            self._owners[name] = (bool(numbers), definitions)
        return found

    async def send(
        self, post: Post, version: DefinitionVersion, recorded: Collection[int], ledger: Ledger, report: SendReport
    ) -> None:
        """``post`` (a prompt version) unless Langfuse has it; the version number it got goes in the ledger."""
        name = str(post.body["name"])
        attempt = 0
        while True:
            attempt += 1
            made = (await self.existing(name, recorded, refresh=attempt > 1)).get(version.version_id)
            if made is not None:
                ledger.record({post.key: made})
                report.skipped[post.record_type] += 1
                return
            if not self.once.fits(post, report):
                return
            try:
                answer, size = await self.once.post(post.path, post.body)
            except ApiError as exc:
                if exc.status in REFUSALS:
                    reject(report, post, f"Langfuse refused it (HTTP {exc.status}: {exc.message})")
                    return
                retryable = exc.status is None or self.retry.is_retryable_status(exc.status)
                if not retryable or attempt >= self.retry.max_attempts:
                    raise
                await asyncio.sleep(self.retry.delay(attempt, None))
                continue
            number = version_number(answer)
            ledger.record({post.key: number if number is not None else True})
            if number is not None:
                self._known.setdefault(name, {})[version.version_id] = number
            _, definitions = self._owners.get(name, (False, set()))
            self._owners[name] = (True, definitions | owners(str(post.body.get("commitMessage") or "")))
            report.sent[post.record_type] += 1
            report.requests += 1
            report.bytes_sent += size
            return
