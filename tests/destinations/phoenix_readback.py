"""What a Phoenix holds, read through its public API, in shapes a test can compare (ids and values, never Phoenix's
own row ids, which differ between two servers holding the same data)."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import Any

import attrs
import httpx

COUNT_QUERY = "query($n: String!) { projects(filter: {col: name, value: $n}) { edges { node { recordCount } } } }"


@attrs.frozen
class State:
    spans: dict[str, tuple[str, str | None, str, str]]
    """span id -> (trace id, parent id, start time, span kind)."""
    annotations: dict[str, dict[str, tuple[str, str, Any, Any]]]
    """span / trace / session -> identifier -> (name, annotator kind, label, score)."""
    datasets: dict[str, frozenset[str]]
    """name -> example ids."""
    experiments: dict[str, tuple[str, frozenset[tuple[str, int, str | None, bool]]]]
    """source experiment id -> (dataset name, {(example id, repetition, trace id, failed)})."""
    experiment_count: int
    experiment_evaluations: dict[str, tuple[tuple[str, str, Any, Any], ...]]
    """source experiment id -> (evaluation id, name, label, score) of its runs, sorted: one made twice shows."""
    prompts: dict[str, tuple[str, ...]]
    """prompt name -> the source version ids of its versions, sorted (a version made twice shows twice)."""


class Phoenix:
    def __init__(self, base_url: str) -> None:
        self.client = httpx.Client(base_url=base_url, timeout=60)

    def close(self) -> None:
        self.client.close()

    def get(self, path: str, **params: Any) -> Any:
        response = self.client.get(path, params=params)
        response.raise_for_status()
        return response.json()

    def pages(self, path: str, **params: Any) -> Iterator[Any]:
        cursor = None
        while True:
            page = self.get(path, **params, **({"cursor": cursor} if cursor else {}))
            yield from page["data"]
            cursor = page.get("next_cursor")
            if not cursor:
                return

    def span_count(self, project: str) -> int:
        answer = self.client.post("/graphql", json={"query": COUNT_QUERY, "variables": {"n": project}}).json()
        edges = answer["data"]["projects"]["edges"]
        return int(edges[0]["node"]["recordCount"]) if edges else 0

    def wait_for_spans(self, project: str, count: int, timeout: float = 300) -> int:
        """Phoenix stores spans after it answers: poll until ``count`` are there (or the time is up)."""
        deadline = time.monotonic() + timeout
        while (found := self.span_count(project)) < count and time.monotonic() < deadline:
            time.sleep(0.5)
        return found

    def spans(self, project: str) -> list[dict[str, Any]]:
        return list(self.pages(f"/v1/projects/{project}/spans", limit=1000))

    def annotations(self, project: str, target: str, identifiers: Iterable[str]) -> list[dict[str, Any]]:
        ordered = sorted(identifiers)
        found: list[dict[str, Any]] = []
        for start in range(0, len(ordered), 100):
            found.extend(
                self.pages(
                    f"/v1/projects/{project}/{target}_annotations", identifier=ordered[start : start + 100], limit=10000
                )
            )
        return found

    def wait_for_annotations(
        self, project: str, target: str, identifiers: set[str], timeout: float = 120
    ) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while True:
            found = self.annotations(project, target, identifiers)
            if {row["identifier"] for row in found} >= identifiers or time.monotonic() > deadline:
                return found
            time.sleep(1)

    def datasets(self) -> dict[str, dict[str, Any]]:
        return {dataset["name"]: dataset for dataset in self.pages("/v1/datasets")}

    def examples(self, dataset_id: str) -> list[dict[str, Any]]:
        return list(self.get(f"/v1/datasets/{dataset_id}/examples")["data"]["examples"])

    def experiments(self, dataset_id: str) -> list[dict[str, Any]]:
        return list(self.pages(f"/v1/datasets/{dataset_id}/experiments"))

    def runs(self, experiment_id: str) -> list[dict[str, Any]]:
        return list(self.pages(f"/v1/experiments/{experiment_id}/runs"))

    def prompts(self) -> dict[str, dict[str, Any]]:
        return {prompt["name"]: prompt for prompt in self.pages("/v1/prompts")}

    def versions(self, prompt: str) -> list[dict[str, Any]]:
        return list(self.pages(f"/v1/prompts/{prompt}/versions"))

    def state(self, project: str, identifiers: dict[str, set[str]]) -> State:
        """Everything tracebridge sends, to compare two servers; ``identifiers``: the annotations to read, by target."""
        spans = {
            row["context"]["span_id"]: (
                row["context"]["trace_id"],
                row["parent_id"],
                row["start_time"],
                row["span_kind"],
            )
            for row in self.spans(project)
        }
        annotations = {
            target: {
                row["identifier"]: (
                    row["name"],
                    row["annotator_kind"],
                    (row["result"] or {}).get("label"),
                    (row["result"] or {}).get("score"),
                )
                for row in self.annotations(project, target, wanted)
            }
            for target, wanted in identifiers.items()
        }
        datasets: dict[str, frozenset[str]] = {}
        experiments: dict[str, tuple[str, frozenset[tuple[str, int, str | None, bool]]]] = {}
        experiment_count = 0
        evaluations: dict[str, tuple[tuple[str, str, Any, Any], ...]] = {}
        for name, dataset in self.datasets().items():
            examples = self.examples(dataset["id"])
            datasets[name] = frozenset(example["id"] for example in examples)
            external = {example["node_id"]: example["id"] for example in examples}
            for experiment in self.experiments(dataset["id"]):
                experiment_count += 1
                runs = frozenset(
                    (external[run["dataset_example_id"]], run["repetition_number"], run["trace_id"], bool(run["error"]))
                    for run in self.runs(experiment["id"])
                )
                source_id = experiment["metadata"]["tracebridge.experiment_id"]
                experiments[source_id] = (name, runs)
                evaluations[source_id] = tuple(
                    sorted(
                        (
                            annotation["metadata"].get("tracebridge.evaluation.id"),
                            annotation["name"],
                            annotation["label"],
                            annotation["score"],
                        )
                        for run in self.get(f"/v1/experiments/{experiment['id']}/json")
                        for annotation in run["annotations"]
                    )
                )
        prompts = {
            name: tuple(sorted(version["metadata"]["tracebridge.source_version_id"] for version in self.versions(name)))
            for name in self.prompts()
        }
        return State(spans, annotations, datasets, experiments, experiment_count, evaluations, prompts)
