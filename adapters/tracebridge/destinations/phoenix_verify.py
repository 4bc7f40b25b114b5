"""Read back from Phoenix what the ledger says it took, and name what is missing.

Spans are stored after ``/v1/traces`` answers (Phoenix's inserter takes ~200 spans/s on SQLite), and annotations sent
with ``sync=false`` wait in a queue for their spans, so both are polled until none is missing or none arrived for a
while: the span ids of the project (not its span count, which a project holding other spans reaches at once), the
annotations by their identifiers. Datasets, experiments and prompts are stored before Phoenix answers, so one read
each: the examples of every dataset by id, every experiment by the source id in its metadata, the runs and the run
evaluations of every experiment, the versions of every prompt, and the version each tag names.

The project is found by its exact name (REST ``/v1/projects/<name>``): GraphQL's ``projects(filter:)`` matches a
case-insensitive substring. What was sent once must be there once: an annotation, experiment or experiment evaluation
Phoenix holds twice is named as such (``Check.duplicated``).
"""

from __future__ import annotations

import asyncio
import functools
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from typing import Any, Final

import attrs

from tracebridge.destinations.ledger import Ledger
from tracebridge.destinations.phoenix_rest import PhoenixApi, quote
from tracebridge.destinations.verify import Check
from tracebridge.errors import ApiError

EXPERIMENT_SOURCE_ID: Final = "tracebridge.experiment_id"
"""What ``phoenix_experiments`` puts in an experiment's metadata (its source id)."""
EVALUATION_ID: Final = "tracebridge.evaluation.id"
"""What ``phoenix_judgments.metadata`` puts in an experiment evaluation's metadata."""

SPAN_IDS_QUERY: Final = """
query($id: ID!, $after: String) {
  node(id: $id) { ... on Project {
    spans(first: 1000, after: $after) { edges { node { spanId } } pageInfo { hasNextPage endCursor } }
  } }
}"""
ANNOTATION_PATHS: Final = {
    "span": "span_annotations",
    "trace": "trace_annotations",
    "session": "session_annotations",
}
IDENTIFIERS_PER_REQUEST: Final = 100
SPANS_DROPPED_HINT: Final = (
    "Phoenix keeps span ids unique across all its projects and silently drops a span whose id another project of "
    "the same Phoenix already holds: spans sent to another project before (or by another tool) are there, not here"
)


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
        found.append(await self._experiments(ledger))
        found.append(await self._runs(ledger))
        found.append(await self._experiment_evaluations(ledger))
        found.append(await self._prompt_versions(ledger))
        found.append(await self._prompt_tags(ledger))
        return found

    async def _spans(self, ledger: Ledger) -> Check:
        # The missing ids themselves are polled: a count reaching what was sent says nothing in a project that held
        # spans before.
        sent = set(_values(ledger, "span:"))
        missing = await self._poll(sent, self._present_spans)
        return Check(
            f"spans in project {self.project}",
            len(sent),
            len(sent) - len(missing),
            sorted(missing),
            hint=SPANS_DROPPED_HINT,
        )

    async def _present_spans(self, wanted: set[str]) -> set[str]:
        return await self.span_ids() & wanted

    async def span_ids(self) -> set[str]:
        found: set[str] = set()
        project_id = await self.api.project_id(self.project)
        if project_id is None:
            return found
        after: str | None = None
        while True:
            data = await self.api.graphql(SPAN_IDS_QUERY, {"id": project_id, "after": after})
            spans = ((data or {}).get("node") or {}).get("spans")
            if not spans:
                return found
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
        if by_target and await self.api.project_id(self.project) is None:
            # No span of ours stored, so no project: Phoenix answers its annotation listings with 404.
            hint = f"project {self.project} does not exist in Phoenix (it holds none of the spans sent)"
            return [
                Check(f"{target} annotations", len(sent), 0, sorted(sent), hint=hint)
                for target, sent in sorted(by_target.items())
            ]
        for target, sent in sorted(by_target.items()):
            path = f"/v1/projects/{quote(self.project)}/{ANNOTATION_PATHS[target]}"
            missing = await self._poll(sent, functools.partial(self._identifiers, path))
            counts = await self._identifier_counts(path, sent - missing)
            twice = sorted(identifier for identifier, count in counts.items() if count > 1)
            checks.append(Check(f"{target} annotations", len(sent), len(sent) - len(missing), sorted(missing), twice))
        return checks

    async def _identifiers(self, path: str, wanted: set[str]) -> set[str]:
        return set(await self._identifier_counts(path, wanted))

    async def _identifier_counts(self, path: str, wanted: set[str]) -> Counter[str]:
        """How many annotations of ``path`` carry each of ``wanted`` as identifier (those with none left out)."""
        found: Counter[str] = Counter()
        ordered = sorted(wanted)
        for start in range(0, len(ordered), IDENTIFIERS_PER_REQUEST):
            chunk = ordered[start : start + IDENTIFIERS_PER_REQUEST]
            async for annotation in self.api.pages(path, {"identifier": chunk}, limit=10_000):
                identifier = annotation.get("identifier")
                if identifier in wanted:
                    found[identifier] += 1
        return found

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

    async def _experiments(self, ledger: Ledger) -> Check:
        """Each experiment once on its dataset: found by the source id its metadata carries."""
        experiments = {key: value for key, value in _values(ledger, "experiment:").items() if isinstance(value, dict)}
        by_dataset: dict[str, set[str]] = {}
        for experiment_id, value in experiments.items():
            by_dataset.setdefault(str(value["dataset_id"]), set()).add(experiment_id)
        held: Counter[str] = Counter()
        for dataset_id, wanted in sorted(by_dataset.items()):
            async for found in self.api.pages(f"/v1/datasets/{quote(dataset_id)}/experiments", limit=100):
                source = (found.get("metadata") or {}).get(EXPERIMENT_SOURCE_ID)
                if source in wanted:
                    held[source] += 1
        missing = sorted(experiments.keys() - held.keys())
        twice = sorted(key for key, count in held.items() if count > 1)
        return Check("experiments", len(experiments), len(experiments) - len(missing), missing, twice)

    async def _experiment_evaluations(self, ledger: Ledger) -> Check:
        """Each experiment evaluation once, found by the evaluation id its metadata carries."""
        sent = set(_values(ledger, "experiment_evaluation:"))
        held: Counter[str] = Counter()
        if sent:
            experiments = [value for value in _values(ledger, "experiment:").values() if isinstance(value, dict)]
            for experiment in experiments:
                runs = await self.api.get(f"/v1/experiments/{quote(str(experiment['id']))}/json")
                for run in runs if isinstance(runs, list) else ():
                    for annotation in run.get("annotations") or ():
                        evaluation_id = (annotation.get("metadata") or {}).get(EVALUATION_ID)
                        if evaluation_id in sent:
                            held[evaluation_id] += 1
        missing = sorted(sent - held.keys())
        twice = sorted(key for key, count in held.items() if count > 1)
        return Check("experiment evaluations", len(sent), len(sent) - len(missing), missing, twice)

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

    async def _prompt_tags(self, ledger: Ledger) -> Check:
        """Each tag on the version the ledger says it was put on (a tag names one version per prompt, so a later
        version deployed to the same environment takes it: that one is what the tag must name)."""
        versions = {
            str(value["id"]): str(value["prompt"])
            for value in _values(ledger, "definition_version:").values()
            if isinstance(value, dict)
        }
        expected: dict[tuple[str, str], set[str]] = {}
        for key, made in _values(ledger, "prompt_tag:").items():
            tag = key.rsplit(":", 1)[-1]
            prompt = versions.get(str(made))
            if prompt is not None:
                expected.setdefault((prompt, tag), set()).add(str(made))
        missing: list[str] = []
        for (prompt, tag), made in sorted(expected.items()):
            try:
                answer = await self.api.get(f"/v1/prompts/{quote(prompt)}/tags/{quote(tag)}")
                tagged = str(((answer or {}).get("data") or {}).get("id"))
            except ApiError as exc:
                if exc.status != 404:
                    raise
                tagged = ""
            if tagged not in made:
                missing.append(f"{prompt}:{tag}")
        return Check("prompt tags", len(expected), len(expected) - len(missing), missing)
