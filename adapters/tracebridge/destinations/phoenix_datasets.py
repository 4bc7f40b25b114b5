"""Dataset examples as Phoenix datasets: one Phoenix dataset per source dataset, examples under their own ids.

Uploads use ``action=append`` with ``example_ids``: Phoenix matches examples by that id and patches or creates them,
never deletes, so an upload sent again (a resumed send, a second send to another project of the same Phoenix) changes
nothing. Examples are grouped by dataset and version, one upload per group (a source version becomes a Phoenix
version, so a dataset's versions go oldest first, by the creation time of their version records); examples the
source gave no dataset (Humanloop v5 datapoints, Galileo rows) are grouped by where they came from
(``humanloop-v5-datapoint``).

Names: a dataset is named after its Definition record (type ``dataset``: its path) when the directory holds one, else
after its id, made a Phoenix-safe identifier. Phoenix dataset names are unique, so the description carries a marker
with the source key: a dataset of that name without the marker is somebody else's, and ours gets the key appended
rather than mixing examples into theirs. The Phoenix id of each dataset is kept in the ledger (``dataset:<key>``),
and each example as ``dataset_example:<key>:<version>:<id>`` with its dataset and id as value, which is how the
experiment runs find the dataset that holds their examples.

An experiment item may name an example the directory does not hold (a Humanloop v5 evaluation log whose
``datapoint`` came back null: the datapoint was deleted, or the API left it out). Its run is still worth keeping, and
a Phoenix run needs an example, so ``add_made`` puts one in the experiment's dataset under the source's example id,
made of the run's own input (``made_example``; metadata ``tracebridge.made_from`` says so, expected output empty),
kept in the ledger as ``dataset_example:<key>:made-from-run:<id>``. The id is the source's, so a send is repeatable
and a later upload of the real example under that id patches it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any, Final

import attrs

from tracebridge.delivery.rejects import Reject
from tracebridge.destinations.base import SendReport
from tracebridge.destinations.ledger import Ledger
from tracebridge.destinations.phoenix_names import identifier, with_suffix
from tracebridge.destinations.phoenix_rest import PhoenixApi, quote
from tracebridge.errors import ApiError
from tracebridge.json_codec import dumps_text
from tracebridge.records import DatasetExample, Definition, DefinitionVersion, ExperimentItem
from tracebridge.serialization import to_json_dict

BATCH: Final = 500
"""Examples per upload."""
REFUSALS: Final = frozenset({400, 409, 413, 422})
EXAMPLE_PREFIX: Final = "dataset_example:"
MADE: Final = "made-from-run"
"""The version part of the ledger key of an example made from a run (see the module)."""


def dataset_key(example: DatasetExample) -> str:
    """Which source dataset an example belongs to (its id, or where it came from when it has none)."""
    if example.dataset_id:
        return example.dataset_id
    provenance = example.provenance
    return f"{provenance.system}-{provenance.api_version}-{provenance.record_type}"


def example_key(example: DatasetExample) -> str:
    return f"{EXAMPLE_PREFIX}{dataset_key(example)}:{example.dataset_version_id or ''}:{example.example_id}"


def made_example_key(key: str, example_id: str) -> str:
    return f"{EXAMPLE_PREFIX}{key}:{MADE}:{example_id}"


def made_example(
    item: ExperimentItem, example_input: dict[str, Any] | None, *, because: str = "the source did not export it"
) -> DatasetExample:
    """The example of an experiment item's run when the directory holds none (see the module): its input is the
    run's (its span's), under the source's example id."""
    assert item.example_id is not None
    made_from = {
        "experiment_id": item.experiment_id,
        "span_id": item.span_id,
        "trace_id": item.trace_id,
        "source_id": item.provenance.source_id,
        "reason": f"made by tracebridge from this run's input: {because}",
    }
    return DatasetExample(
        example_id=item.example_id,
        input=example_input or {},
        metadata={"tracebridge.made_from": {key: value for key, value in made_from.items() if value is not None}},
        provenance=item.provenance,
    )


def marker(key: str) -> str:
    return f"[tracebridge {key}]"


def _output(value: Any) -> dict[str, Any]:
    """Phoenix outputs are objects; any other expected output is kept under ``output``."""
    if isinstance(value, dict):
        return value
    return {} if value is None else {"output": value}


def _metadata(example: DatasetExample) -> dict[str, Any]:
    provenance = example.provenance
    source = {
        "system": provenance.system,
        "api_version": provenance.api_version,
        "record_type": provenance.record_type,
        "example_id": example.example_id,
        "dataset_id": example.dataset_id,
        "dataset_version_id": example.dataset_version_id,
    }
    found: dict[str, Any] = dict(example.metadata or {})
    found["tracebridge.source"] = {key: value for key, value in source.items() if value is not None}
    if example.attributes:
        found["tracebridge.attributes"] = example.attributes
    if example.extra:
        found["tracebridge.extra"] = example.extra
    return found


@attrs.frozen
class PhoenixDataset:
    id: str
    name: str


@attrs.define
class Datasets:
    api: PhoenixApi
    definitions: dict[str, Definition] = attrs.field(factory=dict)
    """Dataset definitions by id: their names."""
    _node_ids: dict[str, dict[str, str]] = attrs.field(factory=dict)

    _version_times: dict[str, int] = attrs.field(factory=dict)
    """Source dataset version id -> when it was made (UTC ns): the order its examples go in."""

    def remember(self, definition: Definition) -> None:
        self.definitions[definition.definition_id] = definition

    def remember_version(self, version: DefinitionVersion) -> None:
        if version.created_at_unix_nano is not None:
            self._version_times[version.version_id] = version.created_at_unix_nano

    async def send(self, examples: Sequence[DatasetExample], ledger: Ledger, report: SendReport) -> None:
        groups: dict[tuple[str, str], dict[str, DatasetExample]] = {}
        for example in examples:
            key = example_key(example)
            group = groups.setdefault((dataset_key(example), example.dataset_version_id or ""), {})
            if key in ledger or key in group:
                report.skipped["dataset_example"] += 1  # sent before, or the same example twice in the directory
                continue
            group[key] = example
        # Each upload makes a Phoenix dataset version: a source dataset's versions go oldest first (those of unknown
        # time after them, in the directory's order).
        ordered = sorted(groups.items(), key=lambda pair: self._version_times.get(pair[0][1], math.inf))
        for (key, _version), group in ordered:
            items = list(group.values())
            if not items:
                continue
            dataset = await self.dataset(key, items[0], ledger)
            for start in range(0, len(items), BATCH):
                await self._upload(key, dataset, items[start : start + BATCH], ledger, report)

    async def add_made(self, key: str, made: Sequence[DatasetExample], ledger: Ledger, report: SendReport) -> None:
        """Examples made from experiment runs (``made_example``) into source dataset ``key``'s Phoenix dataset,
        once each (see the module); counted as ``dataset_example made from a run``."""
        fresh: dict[str, DatasetExample] = {}
        for example in made:
            if made_example_key(key, example.example_id) not in ledger:
                fresh.setdefault(example.example_id, example)
        items = list(fresh.values())
        if not items:
            return
        dataset = await self.dataset(key, items[0], ledger)
        for start in range(0, len(items), BATCH):
            dataset = await self._upload(key, dataset, items[start : start + BATCH], ledger, report, made=True)

    async def dataset(self, key: str, example: DatasetExample, ledger: Ledger) -> PhoenixDataset:
        """The Phoenix dataset of source dataset ``key``: from the ledger, else found or named (see the module)."""
        known = ledger.get(f"dataset:{key}")
        if isinstance(known, dict):
            return PhoenixDataset(known["id"], known["name"])
        name = self._name(key)
        for attempt in range(100):
            candidate = name if attempt == 0 else with_suffix(name, key if attempt == 1 else f"{key}-{attempt}")
            found = await self._by_name(candidate)
            if found is None:
                return PhoenixDataset("", candidate)  # made by the first upload
            if marker(key) in (found.get("description") or ""):
                dataset = PhoenixDataset(found["id"], candidate)
                ledger.record({f"dataset:{key}": _entry(dataset, example)})
                return dataset
        raise ApiError("GET /v1/datasets", None, f"no free Phoenix dataset name for {key} (tried {name}-...)")

    def _name(self, key: str) -> str:
        definition = self.definitions.get(key)
        if definition is not None and (definition.path or definition.name):
            return identifier(definition.path or definition.name or key, fallback=identifier(key))
        return identifier(key, fallback="tracebridge-dataset")

    def description(self, key: str, example: DatasetExample) -> str:
        definition = self.definitions.get(key)
        what = f"dataset {definition.path or definition.name}" if definition is not None else f"dataset {key}"
        if (example.metadata or {}).get("tracebridge.made_from"):
            what = "examples made from experiment runs whose example the source did not export"
        elif not example.dataset_id:
            what = f"{example.provenance.record_type} examples with no dataset"
        source = f"{example.provenance.system} {example.provenance.api_version}"
        return f"Imported by tracebridge from {source}: {what} {marker(key)}"

    async def _by_name(self, name: str) -> dict[str, Any] | None:
        answer = await self.api.get("/v1/datasets", {"name": name})
        matches = [item for item in answer.get("data") or () if isinstance(item, dict) and item.get("name") == name]
        return matches[0] if matches else None

    async def _upload(
        self,
        key: str,
        dataset: PhoenixDataset,
        batch: list[DatasetExample],
        ledger: Ledger,
        report: SendReport,
        *,
        made: bool = False,
    ) -> PhoenixDataset:
        body = {
            "action": "append",
            "name": dataset.name,
            "description": self.description(key, batch[0]),
            "inputs": [example.input or {} for example in batch],
            "outputs": [_output(example.expected_output) for example in batch],
            "metadata": [_metadata(example) for example in batch],
            "example_ids": [example.example_id for example in batch],
        }
        try:
            answer = await self.api.post("/v1/datasets/upload", body, {"sync": True})
        except ApiError as exc:
            if exc.status not in REFUSALS:
                raise
            if len(batch) == 1:
                _reject(batch[0], f"Phoenix refused the example (HTTP {exc.status}: {exc.message})", report)
                return dataset
            middle = len(batch) // 2
            dataset = await self._upload(key, dataset, batch[:middle], ledger, report, made=made)
            return await self._upload(key, dataset, batch[middle:], ledger, report, made=made)
        stored = PhoenixDataset(str(answer["data"]["dataset_id"]), dataset.name)
        self._node_ids.pop(stored.id, None)  # looked up again when a run needs it
        report.sent["dataset_example made from a run" if made else "dataset_example"] += len(batch)
        ledger.record(
            {
                f"dataset:{key}": _entry(stored, batch[0]),
                **{
                    (made_example_key(key, example.example_id) if made else example_key(example)): [
                        key,
                        example.example_id,
                    ]
                    for example in batch
                },
            }
        )
        return stored

    def datasets_holding(self, ledger: Ledger, example_ids: Iterable[str]) -> dict[str, set[str]]:
        """For each of ``example_ids``, the source dataset keys whose examples Phoenix took with that id."""
        wanted = set(example_ids)
        found: dict[str, set[str]] = {}
        for key in ledger.keys_with_prefix(EXAMPLE_PREFIX):
            value = ledger.get(key)
            if isinstance(value, list) and len(value) == 2 and value[1] in wanted:
                found.setdefault(value[1], set()).add(value[0])
        return found

    @staticmethod
    def holds_made(ledger: Ledger, key: str, example_id: str) -> bool:
        """Whether Phoenix took the example made from a run for ``example_id`` into source dataset ``key``."""
        return made_example_key(key, example_id) in ledger

    async def node_ids(self, dataset_id: str) -> dict[str, str]:
        """Example id -> node id (the GlobalID experiment runs must name; the example's own id is a 500)."""
        if dataset_id not in self._node_ids:
            answer = await self.api.get(f"/v1/datasets/{quote(dataset_id)}/examples")
            examples = (answer.get("data") or {}).get("examples") or []
            self._node_ids[dataset_id] = {item["id"]: item["node_id"] for item in examples}
        return self._node_ids[dataset_id]


def _entry(dataset: PhoenixDataset, example: DatasetExample) -> dict[str, str]:
    """The ledger's value for a dataset: its Phoenix id and name, and the source API its examples came from (an
    experiment from the same API prefers it)."""
    source = f"{example.provenance.system} {example.provenance.api_version}"
    return {"id": dataset.id, "name": dataset.name, "source": source}


def _reject(example: DatasetExample, reason: str, report: SendReport) -> None:
    report.reject(
        "dataset_example",
        Reject(
            source=f"dataset_example {example.example_id}",
            reason=reason,
            raw=dumps_text(to_json_dict(example)),
            source_id=example.provenance.source_id,
        ),
    )
