"""Prompt definitions and their versions as Phoenix prompts with versions and tags, each once.

``POST /v1/prompts`` is not idempotent: posted twice, the same body makes two versions, and Phoenix versions have no
number to tell them apart. So every version is looked for before it is made: in the ledger
(``definition_version:<id>`` -> the prompt and Phoenix version id), then among the prompt's versions in Phoenix by the
source version id their metadata carries (a send killed between Phoenix's answer and the ledger line). A POST that
fails in a way a retry could fix is not retried blindly either: Phoenix may have made the version before the answer
was lost, so it is looked for again first (``PhoenixApi.create``).

Names: a prompt is named after its definition's path as a Phoenix identifier (``support/weather-assistant`` ->
``support-weather-assistant``). Phoenix prompt names are unique and two source prompts can share a path (Humanloop
keeps a deleted file's path), so the prompt's metadata carries the source definition id: a prompt of that name made
for another definition (or by somebody else) makes ours take the definition id as a suffix. Tags: the environments a
version is deployed to (``production``), where the name is one Phoenix takes; a tag names one version per prompt, so
the last version deployed to an environment holds it, as in the source.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import attrs

from tracebridge.delivery.rejects import Reject
from tracebridge.destinations.base import SendReport
from tracebridge.destinations.ledger import Ledger
from tracebridge.destinations.phoenix_names import identifier, with_suffix
from tracebridge.destinations.phoenix_prompt_version import SOURCE_VERSION, PromptVersionError, prompt_version, tags
from tracebridge.destinations.phoenix_rest import PhoenixApi, quote
from tracebridge.errors import ApiError
from tracebridge.json_codec import dumps_text
from tracebridge.records import Definition, DefinitionVersion
from tracebridge.serialization import to_json_dict

DEFINITION_ID: Final = "tracebridge.definition_id"
REFUSALS: Final = frozenset({400, 409, 422})


@attrs.define
class Prompts:
    api: PhoenixApi
    pending: dict[str, Definition] = attrs.field(factory=dict)
    """Prompt definitions whose Phoenix prompt is not made yet (it is made with its first version)."""
    _definitions: dict[str, Definition] = attrs.field(factory=dict)
    _prompts: dict[str, dict[str, Any]] | None = None
    """Phoenix's prompts by name -> their metadata, listed once, then kept up to date by what this send makes."""
    _versions: dict[str, dict[str, str]] = attrs.field(factory=dict)
    """Per prompt name: source version id -> Phoenix version id, for the versions Phoenix already has."""

    def remember(self, definition: Definition, ledger: Ledger, report: SendReport) -> None:
        self._definitions[definition.definition_id] = definition
        if f"definition:{definition.definition_id}" in ledger:
            report.skipped["definition"] += 1
        else:
            self.pending[definition.definition_id] = definition

    def settle(self, report: SendReport) -> None:
        """Prompt definitions no version came for: Phoenix has no prompt without a version."""
        report.ignored["definition"] += len(self.pending)
        self.pending.clear()

    async def send(self, versions: Sequence[DefinitionVersion], ledger: Ledger, report: SendReport) -> None:
        for version in versions:
            key = f"definition_version:{version.version_id}"
            if key in ledger:
                report.skipped["definition_version"] += 1
                continue
            try:
                body = prompt_version(version)
            except PromptVersionError as exc:
                _reject(version, str(exc), report)
                continue
            definition_id = version.definition_id or version.path or version.version_id
            name = await self._name(definition_id, version, ledger)
            made = (await self._existing(name)).get(version.version_id)
            if made is None:
                made = await self._make(name, definition_id, version, body, report)
                if made is None:
                    continue
            ledger.record({key: {"prompt": name, "id": made}, f"definition:{definition_id}": name})
            report.sent["definition_version"] += 1
            if self.pending.pop(definition_id, None) is not None:
                report.sent["definition"] += 1
            await self._tag(version, made, ledger)

    async def _make(
        self, name: str, definition_id: str, version: DefinitionVersion, body: dict[str, Any], report: SendReport
    ) -> str | None:
        definition = self._definitions.get(definition_id)
        prompt: dict[str, Any] = {
            "name": name,
            "description": (definition.description if definition else None)
            or f"Imported by tracebridge: {version.path or definition_id}",
            "metadata": {
                DEFINITION_ID: definition_id,
                "tracebridge.path": (definition.path if definition else None) or version.path,
                "tracebridge.source.system": version.provenance.system,
            },
        }

        async def find() -> str | None:  # made before a lost answer? (a retry would make a second version)
            self._versions.pop(name, None)
            return (await self._existing(name)).get(version.version_id)

        try:
            made = await self.api.create("/v1/prompts", {"prompt": prompt, "version": body}, find)
        except ApiError as exc:
            if exc.status not in REFUSALS:
                raise
            _reject(version, f"Phoenix refused the prompt version (HTTP {exc.status}: {exc.message})", report)
            return None
        self._versions.setdefault(name, {})[version.version_id] = made
        return made

    async def _tag(self, version: DefinitionVersion, made: str, ledger: Ledger) -> None:
        for tag in tags(version):
            key = f"prompt_tag:{version.version_id}:{tag}"
            if key in ledger:
                continue
            description = f"deployed to {tag} in {version.provenance.system}"
            await self.api.post_no_content(
                f"/v1/prompt_versions/{quote(made)}/tags", {"name": tag, "description": description}
            )
            ledger.record({key: made})

    async def _name(self, definition_id: str, version: DefinitionVersion, ledger: Ledger) -> str:
        known = ledger.get(f"definition:{definition_id}")
        if isinstance(known, str):
            return known
        definition = self._definitions.get(definition_id)
        source = (definition.path or definition.name if definition else None) or version.path or definition_id
        base = identifier(source, fallback=identifier(definition_id, fallback="prompt"))
        prompts = await self._all_prompts()
        for attempt in range(100):
            candidate = (
                base
                if attempt == 0
                else with_suffix(base, definition_id if attempt == 1 else f"{definition_id}-{attempt}")
            )
            metadata = prompts.get(candidate)
            if metadata is None:
                prompts[candidate] = {DEFINITION_ID: definition_id}  # ours from now on: made with its first version
                return candidate
            if metadata.get(DEFINITION_ID) == definition_id:
                return candidate
        raise ApiError("GET /v1/prompts", None, f"no free Phoenix prompt name for {definition_id} (tried {base}-...)")

    async def _all_prompts(self) -> dict[str, dict[str, Any]]:
        if self._prompts is None:
            self._prompts = {}
            async for prompt in self.api.pages("/v1/prompts", limit=100):
                self._prompts[prompt["name"]] = prompt.get("metadata") or {}
        return self._prompts

    async def _existing(self, name: str) -> dict[str, str]:
        """Source version id -> Phoenix version id, for the versions of prompt ``name`` Phoenix has."""
        if name not in self._versions:
            found: dict[str, str] = {}
            try:
                async for made in self.api.pages(f"/v1/prompts/{quote(name)}/versions", limit=100):
                    source = (made.get("metadata") or {}).get(SOURCE_VERSION)
                    if isinstance(source, str):
                        found[source] = str(made["id"])
            except ApiError as exc:
                if exc.status != 404:
                    raise  # 404: no such prompt yet
            self._versions[name] = found
        return self._versions[name]


def _reject(version: DefinitionVersion, reason: str, report: SendReport) -> None:
    report.reject(
        "definition_version",
        Reject(
            source=f"definition_version {version.version_id}",
            reason=reason,
            raw=dumps_text(to_json_dict(version)),
            source_id=version.provenance.source_id,
        ),
    )
