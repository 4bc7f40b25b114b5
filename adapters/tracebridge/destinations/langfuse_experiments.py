"""Experiments the Langfuse v4 way: ``langfuse.experiment.*`` attributes on every span of an item's trace.

Langfuse v4 has no experiment records to create: an experiment (a dataset run) is the traces whose spans carry its id,
name, dataset, item and root observation, as its own SDK's experiment runner sets them (the REST route for run items
is deprecated and leaves Cloud in November 2026). ``send`` hands experiment items over after the spans, so this index
is filled before anything is sent (``prepare``): which experiment item each trace is, and, for the examples those
items ran, their expected output. Memory grows with the number of experiment items, not with the spans.

Ids: the experiment's is 16 hex digits derived from the source run id (the shape Langfuse's SDK gives an experiment);
the item's is the dataset item the example was sent as (``langfuse_datasets.item_id``); the dataset's is the id
Langfuse answered when the dataset was upserted (kept in the ledger), left out when it is unknown.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from tracebridge.destinations.langfuse_attributes import json_text
from tracebridge.destinations.langfuse_datasets import DatasetIndex, dataset_key, item_id
from tracebridge.destinations.ledger import Ledger
from tracebridge.json_codec import dumps_text
from tracebridge.records import DatasetExample, Experiment, ExperimentItem, Record


def experiment_id(source_experiment_id: str) -> str:
    return hashlib.sha256(dumps_text(["tracebridge-experiment-v1", source_experiment_id]).encode()).hexdigest()[:16]


def experiment_item_key(item: ExperimentItem) -> str:
    return f"experiment_item:{item.experiment_id}:{item.trace_id}"


@attrs.frozen
class ItemLink:
    """The experiment item a trace is."""

    experiment_id: str
    example_id: str | None
    root_span_id: str | None
    system: str


@attrs.define
class ExperimentIndex:
    """Trace -> experiment item, experiment -> its record, example -> its expected output (see the module)."""

    traces: dict[str, ItemLink] = attrs.field(factory=dict)
    experiments: dict[str, Experiment] = attrs.field(factory=dict)
    expected: dict[str, Any] = attrs.field(factory=dict)

    def learn_items(self, items: Iterable[Record]) -> None:
        """Each trace's item: the first that names it (a trace is one item in Langfuse; ``owns`` tells the others)."""
        for item in items:
            assert isinstance(item, ExperimentItem)
            if item.trace_id is not None and item.trace_id not in self.traces:
                self.traces[item.trace_id] = ItemLink(
                    item.experiment_id, item.example_id, item.span_id, item.provenance.system
                )

    def learn_examples(self, examples: Iterable[Record], datasets: DatasetIndex) -> None:
        wanted = {link.example_id for link in self.traces.values() if link.example_id is not None}
        for example in examples:
            assert isinstance(example, DatasetExample)
            datasets.learn_example(example)
            if example.example_id in wanted and example.expected_output is not None:
                self.expected.setdefault(example.example_id, example.expected_output)

    def owns(self, item: ExperimentItem) -> bool:
        """Whether ``item`` is the one its trace carries (another item of the same trace cannot be shown)."""
        link = self.traces.get(item.trace_id or "")
        return link is not None and link.experiment_id == item.experiment_id and link.example_id == item.example_id

    def attributes(self, trace_id: str, datasets: DatasetIndex, ledger: Ledger) -> dict[str, Any]:
        """The ``langfuse.experiment.*`` attributes of every span of ``trace_id``, or nothing."""
        link = self.traces.get(trace_id)
        if link is None:
            return {}
        experiment = self.experiments.get(link.experiment_id)
        found: dict[str, Any] = {
            "langfuse.experiment.id": experiment_id(link.experiment_id),
            "langfuse.experiment.name": (experiment.name if experiment else None) or link.experiment_id,
            "langfuse.experiment.item.root_observation_id": link.root_span_id,
        }
        found.update(_metadata("langfuse.experiment.metadata", _experiment_metadata(link, experiment)))
        if link.example_id is not None:
            dataset = datasets.dataset_of_id(link.example_id, link.system)
            found["langfuse.experiment.item.id"] = item_id(dataset, link.example_id)
            dataset_id = ledger.get(dataset_key(dataset))
            if isinstance(dataset_id, str):
                found["langfuse.experiment.dataset.id"] = dataset_id
            if link.example_id in self.expected:
                found["langfuse.experiment.item.expected_output"] = json_text(self.expected[link.example_id])
            found["langfuse.experiment.item.metadata.tracebridge.example_id"] = link.example_id
        return {key: value for key, value in found.items() if value is not None}


def _experiment_metadata(link: ItemLink, experiment: Experiment | None) -> dict[str, Any]:
    found: dict[str, Any] = {"tracebridge.experiment_id": link.experiment_id, "tracebridge.source.system": link.system}
    if experiment is not None:
        found.update(
            {
                "tracebridge.evaluation_id": experiment.evaluation_id,
                "tracebridge.status": experiment.status,
                "tracebridge.is_control": experiment.is_control,
                "tracebridge.subject": experiment.subject,
            }
        )
    return found


def _metadata(prefix: str, values: Mapping[str, Any]) -> dict[str, Any]:
    return {f"{prefix}.{key}": json_text(value) for key, value in values.items() if value is not None}
