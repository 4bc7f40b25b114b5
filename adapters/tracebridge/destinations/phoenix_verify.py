"""Read back from Phoenix what the ledger says it took, and name what is missing.

Spans are stored after ``/v1/traces`` answers (Phoenix's inserter takes ~200 spans/s on SQLite), and annotations sent
with ``sync=false`` wait in a queue for their spans, so both are polled: the project's span count (one GraphQL call)
until it reaches what was sent or stops rising, then the span ids themselves; annotations by their identifiers until
none is missing or none arrived for a while. Datasets, experiments and prompts are stored before Phoenix answers, so
one read each: the examples of every dataset by id, the runs of every experiment, the versions of every prompt.
"""

from __future__ import annotations

import asyncio
import functools
import time
from collections.abc import Awaitable, Callable
from typing import Any, Final

import attrs

from tracebridge.destinations.ledger import Ledger
from tracebridge.destinations.phoenix_rest import PhoenixApi, quote
from tracebridge.destinations.verify import Check

SPAN_IDS_QUERY: Final = """
query($name: String!, $after: String) {
  projects(filter: {col: name, value: $name}) { edges { node {
    spans(first: 1000, after: $after) { edges { node { spanId } } pageInfo { hasNextPage endCursor } }
  } } }
}"""
ANNOTATION_PATHS: Final = {
    "span": "span_annotations",
    "trace": "trace_annotations",
    "session": "session_annotations",
}
IDENTIFIERS_PER_REQUEST: Final = 100


@attrs.define
class Patience:
    """How long to wait for what Phoenix stores after answering."""

    poll_s: float = 1.0
    stable_s: float = 30.0
    """Give up once nothing new arrived for this long (queued annotations are retried every 10 s)."""
    max_s: float = 3600.0


def _values(ledger: Ledger, prefix: str) -> dict[str, Any]:
    return {key.removeprefix(prefix): ledger.get(key) for key in ledger.keys_with_prefix(prefix)}


@attrs.define
class PhoenixVerifier:
    api: PhoenixApi
    project: str
    patience: Patience = attrs.field(factory=Patience)

    async def checks(self, ledger: Ledger) -> list[Check]:
        found = [await self._spans(ledger)]
        found.extend(await self._annotations(ledger))
        found.append(await self._examples(ledger))
        found.append(await self._runs(ledger))
        found.append(await self._prompt_versions(ledger))
        return found

    async def _spans(self, ledger: Ledger) -> Check:
        sent = set(_values(ledger, "span:"))
        started = last_change = time.monotonic()
        count = -1
        while sent:
            now_count = await self.api.span_count(self.project)
            if now_count != count:
                count, last_change = now_count, time.monotonic()
            waited = time.monotonic()
            if (
                count >= len(sent)
                or waited - last_change > self.patience.stable_s
                or waited - started > self.patience.max_s
            ):
                break
            await asyncio.sleep(self.patience.poll_s)
        present = await self.span_ids() if sent else set()
        return Check(f"spans in project {self.project}", len(sent), len(sent & present), sorted(sent - present))

    async def span_ids(self) -> set[str]:
        found: set[str] = set()
        after: str | None = None
        while True:
            data = await self.api.graphql(SPAN_IDS_QUERY, {"name": self.project, "after": after})
            edges = ((data or {}).get("projects") or {}).get("edges") or []
            if not edges:
                return found
            spans = edges[0]["node"]["spans"]
            found.update(edge["node"]["spanId"] for edge in spans["edges"])
            if not spans["pageInfo"]["hasNextPage"]:
                return found
            after = spans["pageInfo"]["endCursor"]

    async def _annotations(self, ledger: Ledger) -> list[Check]:
        by_target: dict[str, set[str]] = {}
        for evaluation_id, value in _values(ledger, "annotation:").items():
            if isinstance(value, list) and value and value[0] in ANNOTATION_PATHS:
                by_target.setdefault(value[0], set()).add(evaluation_id)
        checks = []
        for target, sent in sorted(by_target.items()):
            path = f"/v1/projects/{quote(self.project)}/{ANNOTATION_PATHS[target]}"
            missing = await self._poll(sent, functools.partial(self._identifiers, path))
            checks.append(Check(f"{target} annotations", len(sent), len(sent) - len(missing), sorted(missing)))
        return checks

    async def _identifiers(self, path: str, wanted: set[str]) -> set[str]:
        found: set[str] = set()
        ordered = sorted(wanted)
        for start in range(0, len(ordered), IDENTIFIERS_PER_REQUEST):
            chunk = ordered[start : start + IDENTIFIERS_PER_REQUEST]
            async for annotation in self.api.pages(path, {"identifier": chunk}, limit=10_000):
                found.add(annotation.get("identifier"))
        return found & wanted

    async def _poll(self, sent: set[str], present: Callable[[set[str]], Awaitable[set[str]]]) -> set[str]:
        """What of ``sent`` is still missing once nothing more arrives (see ``Patience``)."""
        missing = set(sent)
        started = last_progress = time.monotonic()
        while missing:
            arrived = await present(missing)
            if arrived:
                missing -= arrived
                last_progress = time.monotonic()
            now = time.monotonic()
            if not missing or now - last_progress > self.patience.stable_s or now - started > self.patience.max_s:
                break
            await asyncio.sleep(self.patience.poll_s)
        return missing

    async def _examples(self, ledger: Ledger) -> Check:
        datasets = {key: value for key, value in _values(ledger, "dataset:").items() if isinstance(value, dict)}
        sent: dict[str, set[str]] = {}
        for value in _values(ledger, "dataset_example:").values():
            if isinstance(value, list) and len(value) == 2:
                sent.setdefault(value[0], set()).add(value[1])
        missing: list[str] = []
        total = present = 0
        for key, examples in sorted(sent.items()):
            total += len(examples)
            dataset = datasets.get(key)
            held: set[str] = set()
            if dataset is not None:
                answer = await self.api.get(f"/v1/datasets/{quote(dataset['id'])}/examples")
                held = {example["id"] for example in (answer.get("data") or {}).get("examples") or ()}
            present += len(examples & held)
            missing.extend(f"{key}:{example}" for example in sorted(examples - held))
        return Check("dataset examples", total, present, missing)

    async def _runs(self, ledger: Ledger) -> Check:
        experiments = {key: value for key, value in _values(ledger, "experiment:").items() if isinstance(value, dict)}
        sent: dict[str, dict[str, str]] = {}
        for key, run_id in _values(ledger, "experiment_run:").items():
            experiment_id = next((e for e in experiments if key.startswith(f"{e}:")), None)
            if experiment_id is not None:
                sent.setdefault(experiment_id, {})[str(run_id)] = key
        missing: list[str] = []
        total = present = 0
        for experiment_id, runs in sorted(sent.items()):
            path = f"/v1/experiments/{quote(experiments[experiment_id]['id'])}/runs"
            held = {str(run["id"]) async for run in self.api.pages(path)}
            total += len(runs)
            present += len(runs.keys() & held)
            missing.extend(runs[run_id] for run_id in runs.keys() - held)
        return Check("experiment runs", total, present, missing)

    async def _prompt_versions(self, ledger: Ledger) -> Check:
        by_prompt: dict[str, dict[str, str]] = {}
        for version_id, value in _values(ledger, "definition_version:").items():
            if isinstance(value, dict):
                by_prompt.setdefault(value["prompt"], {})[value["id"]] = version_id
        missing: list[str] = []
        total = present = 0
        for prompt, versions in sorted(by_prompt.items()):
            held = {
                str(made["id"]) async for made in self.api.pages(f"/v1/prompts/{quote(prompt)}/versions", limit=100)
            }
            total += len(versions)
            present += len(versions.keys() & held)
            missing.extend(versions[phoenix_id] for phoenix_id in versions.keys() - held)
        return Check("prompt versions", total, present, missing)
