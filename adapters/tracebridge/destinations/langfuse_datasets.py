"""Dataset examples as Langfuse datasets and dataset items: the bodies of ``POST /api/public/v2/datasets`` (an upsert
by name) and ``POST /api/public/dataset-items`` (an upsert by id).

A Langfuse item id is unique in the whole project and an item cannot move to another dataset, while one source example
can be exported several times, with and without its dataset (a Humanloop datapoint in its dataset's export and again
inside an evaluation's logs). So an example's dataset is the one any copy of it names (``DatasetIndex``, filled before
anything is sent), examples no copy places in a dataset go to one dataset per source (``humanloop-examples``), and the
item id is a UUID derived from the dataset and the example id: the same example is one item however often it appears,
and a second send upserts the same item.

An example taken from a span or trace (a Galileo dataset row) names it as the item's source (``sourceTraceId``,
``sourceObservationId``), the ids the span was sent with (``mapping.ids``, as every tracebridge record derives them).
"""

from __future__ import annotations

import uuid
from typing import Any, Final

import attrs

from tracebridge.mapping.ids import span_id_for, trace_id_for
from tracebridge.records import DatasetExample, Definition

ITEM_NAMESPACE: Final = uuid.UUID("0b8f6d3e-2c4a-5f7e-8d9c-3a1b2c4d5e6f")
"""Names tracebridge's dataset item ids (``uuid5``): fixed forever, or a second send would make new items."""


def fallback_dataset(system: str) -> str:
    """Where the examples of ``system`` that no copy places in a dataset go."""
    return f"{system}-examples"


@attrs.define
class DatasetIndex:
    """Which dataset each example belongs to, and the names of the datasets the run defines."""

    datasets_of_examples: dict[str, str] = attrs.field(factory=dict)
    names: dict[str, str] = attrs.field(factory=dict)
    """Source dataset id -> its name (a dataset definition's path)."""
    descriptions: dict[str, str] = attrs.field(factory=dict)

    def learn_example(self, example: DatasetExample) -> None:
        if example.dataset_id is not None:
            self.datasets_of_examples.setdefault(example.example_id, example.dataset_id)

    def learn_definition(self, definition: Definition) -> None:
        if definition.type == "dataset":
            self.names[definition.definition_id] = definition.path or definition.name or definition.definition_id
            if definition.description:
                self.descriptions[definition.definition_id] = definition.description

    def dataset_of(self, example: DatasetExample) -> str:
        """The source dataset id (or the per-source fallback) the example's item goes in."""
        return example.dataset_id or self.dataset_of_id(example.example_id, example.provenance.system)

    def dataset_of_id(self, example_id: str, system: str) -> str:
        """The same, for an example known by its id (an experiment item's): any copy's dataset, else the fallback."""
        return self.datasets_of_examples.get(example_id) or fallback_dataset(system)

    def name(self, dataset: str) -> str:
        return self.names.get(dataset, dataset)


def dataset_key(dataset: str) -> str:
    return f"dataset:{dataset}"


def item_id(dataset: str, example_id: str) -> str:
    return str(uuid.uuid5(ITEM_NAMESPACE, f"{dataset}\x1f{example_id}"))


def item_key(dataset: str, example_id: str) -> str:
    return f"dataset_item:{item_id(dataset, example_id)}"


def dataset_body(dataset: str, index: DatasetIndex, system: str) -> dict[str, Any]:
    description = index.descriptions.get(dataset) or f"Imported by tracebridge from {system}"
    return {
        "name": index.name(dataset),
        "description": description,
        "metadata": {"tracebridge.source.system": system, "tracebridge.dataset_id": dataset},
    }


def _source(example: DatasetExample) -> dict[str, str]:
    """The span or trace the example was taken from, by the ids it was sent with."""
    provenance = example.provenance
    if "tracebridge.dataset.source_record_type" not in example.attributes or provenance.trace_id is None:
        return {}
    found = {"sourceTraceId": trace_id_for(provenance.system, provenance.trace_id)}
    if provenance.source_id is not None:
        found["sourceObservationId"] = span_id_for(provenance.system, provenance.source_id)
    return found


def item_body(example: DatasetExample, dataset: str, index: DatasetIndex) -> dict[str, Any]:
    provenance = example.provenance
    metadata: dict[str, Any] = dict(example.metadata or {})
    metadata.update(
        {
            "tracebridge.example_id": example.example_id,
            "tracebridge.source.system": provenance.system,
            "tracebridge.source.record_type": provenance.record_type,
            "tracebridge.dataset_version_id": example.dataset_version_id,
        }
    )
    metadata.update(example.attributes)
    if example.extra:
        metadata["tracebridge.extra"] = example.extra
    return {
        "datasetName": index.name(dataset),
        "id": item_id(dataset, example.example_id),
        "input": example.input,
        "expectedOutput": example.expected_output,
        "metadata": {key: value for key, value in metadata.items() if value is not None},
        **_source(example),
        "status": "ACTIVE",
    }
