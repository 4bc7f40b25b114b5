"""Experiments and their items as Phoenix experiments with runs, and the judgments made in them as run evaluations.

A Phoenix experiment belongs to one dataset. The source says which only sometimes (``Experiment.dataset_id``); else
the experiment goes under the Phoenix dataset that holds most of its items' examples (ties: the dataset from the same
source API, then by name), which is why experiments are made when their first items arrive, after every example.

Exactly once, where Phoenix itself is not idempotent:

- creating an experiment is not (two posts, two experiments), so its Phoenix id goes to the ledger
  (``experiment:<id>``) the moment it exists, and before creating one the dataset's experiments are searched for its
  source id in their metadata (a send killed between Phoenix's answer and the ledger line finds it there);
- a run upserts on (experiment, example, repetition) but a successful run posted again is a 409, read here as "already
  there" (its id is then looked up); ``experiment_run:<experiment>:<example>:<repetition>`` keeps the run id;
- run evaluations upsert on (run, name): two judgments of one name on one run take the evaluation id into their
  names (``evaluation_names``), else the second would replace the first; ``experiment_evaluation:<evaluation id>``
  keeps the run they went to.

Where a lost answer could make something twice (creating an experiment), the POST is made once and, after a failure a
retry could fix, the experiment is looked for before it is posted again (``PhoenixApi.create``).

A run names its example by Phoenix node id (the example's own id there is a 500), looked up once per dataset. Its
output is the output of its span when the directory holds the span (``SpansSeen``), else null; items without an
example, or of an example the experiment never ran, have no place (Phoenix shows the latter as missing runs by
itself). An item whose example the directory does not hold at all (a Humanloop evaluation log whose datapoint came
back null) gets one made of its run's input in the experiment's dataset (``Datasets.add_made``), before the
experiment is made, so the example is in the dataset version the experiment runs on (items of a later batch, after
the experiment is made, add theirs to a later version: Phoenix records their runs, but its compare view and
``/json`` show only the examples of the experiment's version); an experiment none of whose examples is there goes on
the dataset of another experiment of its evaluation, else on its own dataset id, else on
``<system>-<api>-experiment_item``. An item whose example only another dataset holds is rejected, saying so.
"""

from __future__ import annotations

import asyncio
import datetime
from collections import Counter
from collections.abc import Sequence
from typing import Any, Final

import attrs

from tracebridge.delivery.rejects import Reject
from tracebridge.destinations.base import SendReport
from tracebridge.destinations.ledger import Ledger
from tracebridge.destinations.phoenix_annotations import reject_evaluation
from tracebridge.destinations.phoenix_datasets import Datasets, made_example
from tracebridge.destinations.phoenix_judgments import experiment_evaluation
from tracebridge.destinations.phoenix_rest import PhoenixApi, quote
from tracebridge.destinations.phoenix_spans_seen import SeenSpan, SpansSeen
from tracebridge.errors import ApiError
from tracebridge.json_codec import dumps_text
from tracebridge.records import Evaluation, Experiment, ExperimentItem
from tracebridge.serialization import to_json_dict

CONCURRENCY: Final = 8
"""Runs posted at once: one request each; Phoenix answers them in a few ms, so latency, not Phoenix, is the limit."""
REFUSALS: Final = frozenset({400, 404, 422})
SOURCE_ID: Final = "tracebridge.experiment_id"


def iso(ns: int) -> str:
    """UTC nanoseconds as the ISO 8601 Phoenix takes (microseconds: what it stores)."""
    moment = datetime.datetime.fromtimestamp(ns // 1000 / 1e6, tz=datetime.UTC)
    return moment.isoformat().replace("+00:00", "Z")


def has_no_run(item: ExperimentItem) -> bool:
    """An item Phoenix has no run for: one of no dataset example (a Phoenix run is the run of an example), or an
    example the experiment never ran (no span, no trace, no time: Phoenix shows it as a missing run by itself)."""
    never_ran = not (item.span_id or item.trace_id or item.start_time_unix_nano or item.end_time_unix_nano)
    return not item.example_id or never_ran


def run_key(item: ExperimentItem) -> str:
    return f"experiment_run:{item.experiment_id}:{item.example_id}:{item.repetition}"


@attrs.frozen
class PhoenixExperiment:
    id: str
    dataset_key: str
    dataset_id: str
    evaluation_id: str | None = None
    """The source evaluation grouping this run (Humanloop): judgments name it rather than the run."""


def _name(record: Experiment | None, experiment_id: str) -> str:
    if record is None:
        return experiment_id
    subject = record.subject or {}
    described = " ".join(str(subject[key]) for key in ("path", "version_name") if subject.get(key))
    return record.name or described or experiment_id


def _metadata(record: Experiment | None, experiment_id: str) -> dict[str, Any]:
    found: dict[str, Any] = {SOURCE_ID: experiment_id}
    if record is not None:
        provenance = record.provenance
        found.update(
            {
                "tracebridge.source.system": provenance.system,
                "tracebridge.source.api_version": provenance.api_version,
                "tracebridge.source.record_type": provenance.record_type,
                "tracebridge.evaluation_id": record.evaluation_id,
                "tracebridge.status": record.status,
                "tracebridge.is_control": record.is_control,
                "tracebridge.created_at_unix_nano": record.created_at_unix_nano,
                "tracebridge.dataset_id": record.dataset_id,
                "tracebridge.dataset_version_id": record.dataset_version_id,
                "tracebridge.subject": record.subject,
                **record.attributes,
            }
        )
        if record.extra:
            found["tracebridge.extra"] = record.extra
    return {key: value for key, value in found.items() if value is not None}


@attrs.define
class Experiments:
    api: PhoenixApi
    datasets: Datasets
    seen: SpansSeen
    pending: dict[str, Experiment] = attrs.field(factory=dict)
    """Experiment records not made in Phoenix yet (their dataset is known once their items come)."""
    _made: dict[str, PhoenixExperiment] = attrs.field(factory=dict)
    _made_ids: set[str] = attrs.field(factory=set)
    """Example ids no dataset held when a run needed them (made from runs in this send)."""

    async def remember(self, experiments: Sequence[Experiment], ledger: Ledger, report: SendReport) -> None:
        for record in experiments:
            # Made when its items come, even when its dataset is known now: the items say how many repetitions
            # it has (a Phoenix experiment's are fixed when it is made).
            if f"experiment:{record.experiment_id}" in ledger:
                report.skipped["experiment"] += 1
            else:
                self.pending[record.experiment_id] = record

    async def send_items(self, items: Sequence[ExperimentItem], ledger: Ledger, report: SendReport) -> None:
        by_experiment: dict[str, list[ExperimentItem]] = {}
        for item in items:
            by_experiment.setdefault(item.experiment_id, []).append(item)
        span_ids = [item.span_id for item in items if item.span_id]
        spans, judgments = self.seen.spans(span_ids), self.seen.judgments(span_ids)
        holding = self.datasets.datasets_holding(ledger, (item.example_id for item in items if item.example_id))
        for experiment_id, its in by_experiment.items():
            experiment = await self._experiment(experiment_id, its, holding, spans, ledger, report)
            if experiment is None:
                for item in its:
                    if has_no_run(item):
                        report.ignored["experiment_item"] += 1
                    else:
                        _reject(item, "none of its experiment's examples is in a Phoenix dataset", report)
                continue
            await self._runs(experiment, its, holding, spans, judgments, ledger, report)

    async def _add_absent(
        self,
        key: str,
        items: list[ExperimentItem],
        holding: dict[str, set[str]],
        spans: dict[str, SeenSpan],
        ledger: Ledger,
        report: SendReport,
    ) -> None:
        """The examples of ``items`` that dataset ``key`` lacks and the directory does not hold (no Phoenix dataset
        holds them, or only as examples made from runs), made of their runs' input, into dataset ``key``."""
        absent = []
        for item in items:
            example_id = item.example_id or ""
            held = holding.get(example_id, set())
            if has_no_run(item) or key in held or (held and example_id not in self._made_ids):
                continue
            absent.append(item)
            self._made_ids.add(example_id)
        if not absent:
            return
        made = []
        for item in absent:
            span = spans.get(item.span_id or "")
            made.append(made_example(item, span.input if span else None))
        await self.datasets.add_made(key, made, ledger, report)
        for item in absent:
            if self.datasets.holds_made(ledger, key, item.example_id or ""):
                holding.setdefault(item.example_id or "", set()).add(key)

    async def _runs(
        self,
        experiment: PhoenixExperiment,
        items: list[ExperimentItem],
        holding: dict[str, set[str]],
        spans: dict[str, SeenSpan],
        judgments: dict[str, list[Evaluation]],
        ledger: Ledger,
        report: SendReport,
    ) -> None:
        # An experiment made by an earlier send: examples it lacks go into the latest version of its dataset.
        await self._add_absent(experiment.dataset_key, items, holding, spans, ledger, report)
        node_ids = await self.datasets.node_ids(experiment.dataset_id)
        limit = asyncio.Semaphore(CONCURRENCY)

        async def one(item: ExperimentItem) -> None:
            async with limit:
                await self._run(item, experiment, node_ids, spans, judgments, ledger, report)

        async with asyncio.TaskGroup() as group:
            for item in items:
                group.create_task(one(item))

    def settle(self, report: SendReport) -> None:
        """Experiments no item with a run asked for: a Phoenix experiment is its runs (and their repetitions)."""
        report.ignored["experiment"] += len(self.pending)
        self.pending.clear()

    async def _experiment(
        self,
        experiment_id: str,
        items: list[ExperimentItem],
        holding: dict[str, set[str]],
        spans: dict[str, SeenSpan],
        ledger: Ledger,
        report: SendReport,
    ) -> PhoenixExperiment | None:
        if experiment_id in self._made:
            return self._made[experiment_id]
        record = self.pending.get(experiment_id)
        known = ledger.get(f"experiment:{experiment_id}")
        if isinstance(known, dict):
            made = PhoenixExperiment(known["id"], known["dataset_key"], known["dataset_id"], known.get("evaluation_id"))
            self._made[experiment_id] = made
            return made
        key = self._dataset_for(record, items, holding, ledger)
        if key is None:
            if all(has_no_run(item) for item in items):
                return None
            key = self._made_dataset_key(record, items)
        await self._add_absent(key, items, holding, spans, ledger, report)
        if not isinstance(ledger.get(f"dataset:{key}"), dict):
            return None  # no example of it anywhere, and none could be made
        repetitions = max((item.repetition for item in items), default=1)
        return await self._make(experiment_id, record, key, repetitions, ledger, report)

    @staticmethod
    def _dataset_for(
        record: Experiment | None, items: list[ExperimentItem], holding: dict[str, set[str]], ledger: Ledger
    ) -> str | None:
        if record is not None and record.dataset_id and isinstance(ledger.get(f"dataset:{record.dataset_id}"), dict):
            return record.dataset_id
        votes = Counter(key for item in items if item.example_id for key in holding.get(item.example_id, ()))
        if not votes:
            return None
        system = items[0].provenance.system
        api = items[0].provenance.api_version

        def rank(key: str) -> tuple[int, bool, str]:
            dataset = ledger.get(f"dataset:{key}") or {}
            same_source = dataset.get("source") == f"{system} {api}" if isinstance(dataset, dict) else False
            return votes[key], same_source, key

        return max(votes, key=rank)

    def _made_dataset_key(self, record: Experiment | None, items: list[ExperimentItem]) -> str:
        """The source dataset an experiment none of whose examples is anywhere goes on (its examples made from its
        runs): its own dataset id when it has one, else that of another experiment of its evaluation (so they can be
        compared), else one per source API."""
        if record is not None and record.dataset_id:
            return record.dataset_id
        if record is not None and record.evaluation_id:
            for made in self._made.values():
                if made.evaluation_id == record.evaluation_id:
                    return made.dataset_key
        provenance = items[0].provenance
        return f"{provenance.system}-{provenance.api_version}-experiment_item"

    async def _make(
        self,
        experiment_id: str,
        record: Experiment | None,
        key: str,
        repetitions: int,
        ledger: Ledger,
        report: SendReport,
    ) -> PhoenixExperiment:
        dataset_id = str(ledger.get(f"dataset:{key}")["id"])
        evaluation_id = record.evaluation_id if record is not None else None
        phoenix_id = await self._find(dataset_id, experiment_id)
        if phoenix_id is None:
            body = {
                "name": _name(record, experiment_id),
                "description": f"Imported by tracebridge ({record.provenance.system if record else 'source'} "
                f"{experiment_id})",
                "metadata": _metadata(record, experiment_id),
                "repetitions": max(repetitions, 1),
            }
            phoenix_id = await self.api.create(
                f"/v1/datasets/{quote(dataset_id)}/experiments", body, lambda: self._find(dataset_id, experiment_id)
            )
        made = PhoenixExperiment(phoenix_id, key, dataset_id, evaluation_id)
        ledger.record({f"experiment:{experiment_id}": attrs.asdict(made)})
        self._made[experiment_id] = made
        if self.pending.pop(experiment_id, None) is not None:
            report.sent["experiment"] += 1
        return made

    async def _find(self, dataset_id: str, experiment_id: str) -> str | None:
        """The Phoenix experiment already made for ``experiment_id`` on this dataset, if any (see the module)."""
        async for found in self.api.pages(f"/v1/datasets/{quote(dataset_id)}/experiments", limit=100):
            if (found.get("metadata") or {}).get(SOURCE_ID) == experiment_id:
                return str(found["id"])
        return None

    async def _run(
        self,
        item: ExperimentItem,
        experiment: PhoenixExperiment,
        node_ids: dict[str, str],
        spans: dict[str, SeenSpan],
        judgments: dict[str, list[Evaluation]],
        ledger: Ledger,
        report: SendReport,
    ) -> None:
        if has_no_run(item):
            report.ignored["experiment_item"] += 1
            return
        key = run_key(item)
        run_id = ledger.get(key)
        span = spans.get(item.span_id or "")
        if run_id is not None:
            report.skipped["experiment_item"] += 1
        else:
            run_id = await self._post_run(item, experiment, node_ids, span, report)
            if run_id is None:
                return
            ledger.record({key: run_id})
            report.sent["experiment_item"] += 1
        names = {
            item.experiment_id,
            experiment.evaluation_id,
            item.attributes.get("tracebridge.experiment.evaluation_id"),
        }
        judged = [e for e in judgments.get(item.span_id or "", ()) if e.experiment_id in names]
        for evaluation, name in zip(judged, evaluation_names(judged), strict=True):
            await self._evaluate(evaluation, name, str(run_id), item, span, ledger, report)

    async def _post_run(
        self,
        item: ExperimentItem,
        experiment: PhoenixExperiment,
        node_ids: dict[str, str],
        span: SeenSpan | None,
        report: SendReport,
    ) -> str | None:
        assert item.example_id is not None  # has_no_run
        node_id = node_ids.get(item.example_id)
        if node_id is None:
            _reject(
                item,
                f"its example {item.example_id} is not in the Phoenix dataset its experiment was made on "
                f"({experiment.dataset_key})",
                report,
            )
            return None
        start = item.start_time_unix_nano or (span.start_ns if span else None) or item.end_time_unix_nano
        end = item.end_time_unix_nano or (span.end_ns if span else None) or start
        if start is None or end is None:
            _reject(item, "a Phoenix experiment run needs a start and end time, and this item has neither", report)
            return None
        body = {
            "dataset_example_id": node_id,
            "output": span.output if span else None,
            "repetition_number": item.repetition,
            "start_time": iso(start),
            "end_time": iso(end),
            "trace_id": item.trace_id,
            "error": (item.status_message or "error") if item.status_code == "ERROR" else None,
        }
        try:
            answer = await self.api.post(f"/v1/experiments/{quote(experiment.id)}/runs", body)
        except ApiError as exc:
            if exc.status == 409:  # stored before, by a send that did not live to write its ledger line
                return await self._existing_run(experiment.id, node_id, item.repetition)
            if exc.status not in REFUSALS:
                raise
            _reject(item, f"Phoenix refused the run (HTTP {exc.status}: {exc.message})", report)
            return None
        return str(answer["data"]["id"])

    async def _existing_run(self, experiment_id: str, node_id: str, repetition: int) -> str:
        async for run in self.api.pages(f"/v1/experiments/{quote(experiment_id)}/runs"):
            if run.get("dataset_example_id") == node_id and run.get("repetition_number") == repetition:
                return str(run["id"])
        raise ApiError(f"GET /v1/experiments/{experiment_id}/runs", 409, "Phoenix has the run but does not list it")

    async def _evaluate(
        self,
        evaluation: Evaluation,
        name: str,
        run_id: str,
        item: ExperimentItem,
        span: SeenSpan | None,
        ledger: Ledger,
        report: SendReport,
    ) -> None:
        key = f"experiment_evaluation:{evaluation.evaluation_id}"
        if key in ledger:
            report.skipped["experiment_evaluation"] += 1
            return
        end = evaluation.time_unix_nano or item.end_time_unix_nano or (span.end_ns if span else None)
        if end is None:
            reject_evaluation(evaluation, "a Phoenix experiment evaluation needs a time, and this one has none", report)
            return
        try:
            await self.api.post(
                "/v1/experiment_evaluations",
                {**experiment_evaluation(evaluation, run_id, iso(end), iso(end)), "name": name},
            )
        except ApiError as exc:
            if exc.status not in REFUSALS:
                raise
            reject_evaluation(
                evaluation, f"Phoenix refused the experiment evaluation (HTTP {exc.status}: {exc.message})", report
            )
            return
        ledger.record({key: run_id})
        report.sent["experiment_evaluation"] += 1


def evaluation_names(judged: Sequence[Evaluation]) -> list[str]:
    """The name each judgment of one run goes under: its own, or, where two of them share it, its own with the
    evaluation id (``accuracy [<evaluation id>]``). Phoenix keeps one evaluation per (run, name) and replaces the
    first with the second; the judgments of a run are the same on every send, so the names are too."""
    counts = Counter(evaluation.name for evaluation in judged)
    return [
        evaluation.name if counts[evaluation.name] == 1 else f"{evaluation.name} [{evaluation.evaluation_id}]"
        for evaluation in judged
    ]


def _reject(item: ExperimentItem, reason: str, report: SendReport) -> None:
    report.reject(
        "experiment_item",
        Reject(
            source=f"experiment_item {item.experiment_id} {item.example_id}",
            reason=reason,
            raw=dumps_text(to_json_dict(item)),
            source_id=item.provenance.source_id,
        ),
    )
