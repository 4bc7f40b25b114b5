"""Dataset examples as Phoenix datasets: one Phoenix dataset per source dataset, examples under their own ids.

Uploads use ``action=append`` with ``example_ids``: Phoenix matches examples by that id and patches or creates them,
never deletes, so an upload sent again (a resumed send, a second send to another project of the same Phoenix) changes
nothing. Examples are grouped by dataset and version, one upload per group (a source version becomes a Phoenix
version); examples the source gave no dataset (Humanloop v5 datapoints, Galileo rows) are grouped by where they came
from (``humanloop-v5-datapoint``).

Names: a dataset is named after its Definition record (type ``dataset``: its path) when the directory holds one, else
after its id, made a Phoenix-safe identifier. Phoenix dataset names are unique, so the description carries a marker
with the source key: a dataset of that name without the marker is somebody else's, and ours gets the key appended
rather than mixing examples into theirs. The Phoenix id of each dataset is kept in the ledger (``dataset:<key>``),
and each example as ``dataset_example:<key>:<version>:<id>`` with its dataset and id as value, which is how the
experiment runs find the dataset that holds their examples.
"""

from __future__ import annotations

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
from tracebridge.records import DatasetExample, Definition
from tracebridge.serialization import to_json_dict

BATCH: Final = 500
"""Examples per upload."""
REFUSALS: Final = frozenset({400, 409, 413, 422})
EXAMPLE_PREFIX: Final = "dataset_example:"


def dataset_key(example: DatasetExample) -> str:
    """Which source dataset an example belongs to (its id, or where it came from when it has none)."""
    if example.dataset_id:
        return example.dataset_id
    provenance = example.provenance
    return f"{provenance.system}-{provenance.api_version}-{provenance.record_type}"


def example_key(example: DatasetExample) -> str:
    return f"{EXAMPLE_PREFIX}{dataset_key(example)}:{example.dataset_version_id or ''}:{example.example_id}"


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

    def remember(self, definition: Definition) -> None:
        self.definitions[definition.definition_id] = definition

    async def send(self, examples: Sequence[DatasetExample], ledger: Ledger, report: SendReport) -> None:
        groups: dict[tuple[str, str], dict[str, DatasetExample]] = {}
        for example in examples:
            key = example_key(example)
            group = groups.setdefault((dataset_key(example), example.dataset_version_id or ""), {})
            if key in ledger or key in group:
                report.skipped["dataset_example"] += 1  # sent before, or the same example twice in the directory
                continue
            group[key] = example
        for (key, _version), group in groups.items():
            items = list(group.values())
            if not items:
                continue
            dataset = await self.dataset(key, items[0], ledger)
            for start in range(0, len(items), BATCH):
                await self._upload(key, dataset, items[start : start + BATCH], ledger, report)

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
        if not example.dataset_id:
            what = f"{example.provenance.record_type} examples with no dataset"
        source = f"{example.provenance.system} {example.provenance.api_version}"
        return f"Imported by tracebridge from {source}: {what} {marker(key)}"

    async def _by_name(self, name: str) -> dict[str, Any] | None:
        answer = await self.api.get("/v1/datasets", {"name": name})
        matches = [item for item in answer.get("data") or () if isinstance(item, dict) and item.get("name") == name]
        return matches[0] if matches else None

    async def _upload(
        self, key: str, dataset: PhoenixDataset, batch: list[DatasetExample], ledger: Ledger, report: SendReport
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
            dataset = await self._upload(key, dataset, batch[:middle], ledger, report)
            return await self._upload(key, dataset, batch[middle:], ledger, report)
        made = PhoenixDataset(str(answer["data"]["dataset_id"]), dataset.name)
        self._node_ids.pop(made.id, None)  # looked up again when a run needs it
        report.sent["dataset_example"] += len(batch)
        ledger.record(
            {
                f"dataset:{key}": _entry(made, batch[0]),
                **{example_key(example): [key, example.example_id] for example in batch},
            }
        )
        return made

    def datasets_holding(self, ledger: Ledger, example_ids: Iterable[str]) -> dict[str, set[str]]:
        """For each of ``example_ids``, the source dataset keys whose examples Phoenix took with that id."""
        wanted = set(example_ids)
        found: dict[str, set[str]] = {}
        for key in ledger.keys_with_prefix(EXAMPLE_PREFIX):
            value = ledger.get(key)
            if isinstance(value, list) and len(value) == 2 and value[1] in wanted:
                found.setdefault(value[1], set()).add(value[0])
        return found

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
