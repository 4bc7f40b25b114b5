"""Langfuse: spans over OTLP with the ``langfuse.*`` names, judgments as scores, examples as dataset items, prompt
versions as prompt versions, experiments as the ``langfuse.experiment.*`` attributes of their traces.

Connection: ``--endpoint``, else ``LANGFUSE_BASE_URL`` or ``LANGFUSE_HOST`` (as Langfuse's SDK reads them), else
``https://cloud.langfuse.com``; HTTP Basic with ``LANGFUSE_PUBLIC_KEY`` and ``LANGFUSE_SECRET_KEY`` (the keys name the
project). Each key is redacted from every message on its own too: a server may echo either half of the credential.

Spans go to ``/api/public/otel/v1/traces`` (protobuf, gzip) with ``x-langfuse-ingestion-version: 4``: without it a
plain OTLP exporter takes Langfuse's delayed dual-write path, which also ignores ``langfuse.experiment.*``. A request
carries at most 4.5 MB (Langfuse Cloud documents 5 MB a request; the rest is headroom). Every other record is one REST
call (``langfuse_rest``), recorded in the ledger beside the spans' keys: ``score:<evaluation id>``,
``dataset:<source dataset id>`` (Langfuse's dataset id), ``dataset_item:<item id>``,
``prompt_version:<version id>`` (Langfuse's version number, which the spans' prompt links read),
``prompt:<definition id>`` (the Langfuse prompt's name: see ``langfuse_prompts`` for why it is not always the path),
``experiment_item:<experiment id>:<trace id>``. Langfuse deduplicates a re-sent span only after it has been stored, and
bills it twice; the ledger is what keeps a second send from sending anything.

What has no place in Langfuse is counted as such, not sent: sessions (a session there is only the id its traces
share), definitions other than datasets (a prompt exists through its versions; tools, evaluators, agents and flows
have no record), versions of anything but prompts, experiments themselves (their ids and names ride on their items'
spans), experiment items with no trace, and judgments with no result yet.
"""

from __future__ import annotations

import base64
import hashlib
import os
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import partial
from typing import Any, Final

import attrs

from tracebridge.destinations.base import RecordReader, SendReport, SpanGroup
from tracebridge.destinations.langfuse_attributes import PromptLink, environment, langfuse_attributes
from tracebridge.destinations.langfuse_datasets import (
    DatasetIndex,
    dataset_body,
    dataset_key,
    item_body,
    item_key,
)
from tracebridge.destinations.langfuse_experiments import ExperimentIndex, experiment_item_key
from tracebridge.destinations.langfuse_prompt_versions import PROMPTS, PromptVersions, version_number
from tracebridge.destinations.langfuse_prompts import (
    UnsendablePromptError,
    definition_key,
    prompt_body,
    prompt_key,
    prompt_name,
    prompt_name_of,
    with_suffix,
)
from tracebridge.destinations.langfuse_rest import REFUSALS, LangfuseRest, Post, reject_record
from tracebridge.destinations.langfuse_scores import UnattachableScoreError, score_body, score_key
from tracebridge.destinations.ledger import Ledger
from tracebridge.destinations.otlp import split_url
from tracebridge.destinations.otlp_traces import OtlpTraces, span_key
from tracebridge.destinations.registry import SendOptions
from tracebridge.errors import ApiError
from tracebridge.records import (
    DatasetExample,
    Definition,
    DefinitionVersion,
    Evaluation,
    Experiment,
    ExperimentItem,
    Record,
    Span,
)
from tracebridge.secrets import ApiKey, redact_url_credentials
from tracebridge.transport.http import HttpTransport
from tracebridge.transport.retry import RetryPolicy

DEFAULT_HOST: Final = "https://cloud.langfuse.com"
OTLP_PATH: Final = "/api/public/otel/v1/traces"
SCORES: Final = "/api/public/scores"
DATASETS: Final = "/api/public/v2/datasets"
DATASET_ITEMS: Final = "/api/public/dataset-items"
PROJECTS: Final = "/api/public/projects"
MAX_REQUEST_BYTES: Final = 4_500_000
"""Langfuse Cloud takes 5 MB a request (its documented limit); half a megabyte is left for headers and proxies."""
INGESTION_HEADERS: Final = {"x-langfuse-ingestion-version": "4"}
"""The v4 direct-write path: spans readable at once, and the only path that reads ``langfuse.experiment.*``."""


def langfuse_host(explicit: str | None = None, environ: Mapping[str, str] = os.environ) -> str:
    for value in (explicit, environ.get("LANGFUSE_BASE_URL"), environ.get("LANGFUSE_HOST")):
        if value and value.strip():
            return value.strip().rstrip("/")
    return DEFAULT_HOST


@attrs.frozen
class Credentials:
    authorization: ApiKey
    """``Basic base64(public:secret)``, the header value."""
    halves: tuple[ApiKey, ApiKey]
    """Each key alone, redacted from messages though never sent as it is."""
    fingerprint: str
    """A digest of the public key: tells projects apart in the ledger's name without showing a key."""


def credentials(environ: Mapping[str, str] = os.environ) -> Credentials:
    public = environ.get("LANGFUSE_PUBLIC_KEY", "").strip()
    secret = environ.get("LANGFUSE_SECRET_KEY", "").strip()
    if not public or not secret:
        raise ValueError(
            "set LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY to the project's API keys (Langfuse: Settings, API Keys)"
        )
    halves = (ApiKey(public, source="LANGFUSE_PUBLIC_KEY"), ApiKey(secret, source="LANGFUSE_SECRET_KEY"))
    pair = base64.b64encode(f"{public}:{secret}".encode()).decode("ascii")
    return Credentials(
        ApiKey(f"Basic {pair}", source="LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY", header=True),
        halves,
        hashlib.sha256(public.encode()).hexdigest()[:12],
    )


class LangfuseDestination:
    """Records to a Langfuse project (see the module)."""

    name = "langfuse"

    def __init__(
        self,
        endpoint: str | None = None,
        *,
        max_request_bytes: int = MAX_REQUEST_BYTES,
        timeout: float = 60.0,
        retry: RetryPolicy | None = None,
        environ: Mapping[str, str] = os.environ,
    ) -> None:
        self.host = langfuse_host(endpoint, environ)
        split_url(self.host)  # a ValueError now for something that is not an http(s) URL
        self._credentials = credentials(environ)
        self._max_request_bytes = max_request_bytes
        self._timeout = timeout
        self._retry = retry or RetryPolicy()
        self._transports: list[HttpTransport] = []
        self._rest: LangfuseRest | None = None
        self._prompts: PromptVersions | None = None
        self._datasets = DatasetIndex()
        self._experiments = ExperimentIndex()
        self._prompt_names: dict[str, str] = {}
        """Prompt version id -> the Langfuse prompt's name (from the version records, which come every send)."""
        self._prompt_definitions: dict[str, Definition] = {}
        self._prompt_definition_order: list[str] = []
        """Prompt definition ids in the directory's order (``prepare``): the first of two at one path keeps its name."""
        self._prompt_versions_all: list[DefinitionVersion] | None = None
        """Every prompt version of the directory (``prepare``), sent at once, each prompt's oldest first."""
        self._prompts_sent = False
        self._definition_names: dict[str, str] = {}
        """Source prompt (definition id) -> its Langfuse prompt's name."""
        self._name_claims: dict[str, str] = {}
        """Langfuse prompt name -> the source prompt that has it in this send."""
        self._wanted_traces: set[str] = set()
        self._wanted_sessions: set[str] = set()
        self._environments: dict[str, str] = {}
        """Environment of the traces and sessions that judgments of a trace or session name (for their scores)."""

    @property
    def target(self) -> str:
        return f"langfuse {redact_url_credentials(self.host)} key {self._credentials.fingerprint}"

    def prepare(self, read: RecordReader) -> None:
        """What the spans need before they go: the experiment item of each trace and the datasets of examples
        (``langfuse_experiments``), and which traces and sessions are judged as a whole (their scores take the
        environment of their spans)."""
        self._experiments.learn_items(read("experiment_item"))
        for definition in read("definition"):
            if isinstance(definition, Definition) and definition.type == "prompt":
                self._prompt_definition_order.append(definition.definition_id)
        self._prompt_versions_all = [
            version
            for version in read("definition_version")
            if isinstance(version, DefinitionVersion) and version.definition_type == "prompt"
        ]
        self._experiments.learn_examples(read("dataset_example"), self._datasets)
        for evaluation in read("evaluation"):
            assert isinstance(evaluation, Evaluation)
            if evaluation.target_type == "session" and evaluation.session_id:
                self._wanted_sessions.add(evaluation.session_id)
            elif evaluation.target_type != "span" and evaluation.trace_id:
                self._wanted_traces.add(evaluation.trace_id)

    def _transport(self, retry: RetryPolicy) -> HttpTransport:
        transport = HttpTransport(
            base_url=self.host,
            api_key=None,
            key_header="",
            timeout=self._timeout,
            retry=retry,
            secret_headers={"Authorization": self._credentials.authorization},
            also_redact=self._credentials.halves,
        )
        self._transports.append(transport)
        return transport

    async def open(self) -> None:
        # Made here, inside the event loop that uses them: an httpx pool belongs to one loop.
        transport = self._transport(self._retry)
        self._rest = LangfuseRest(transport, self._max_request_bytes)
        once = LangfuseRest(self._transport(attrs.evolve(self._retry, max_attempts=1)), self._max_request_bytes)
        self._prompts = PromptVersions(self._rest, once, self._retry)
        await self._rest.get(PROJECTS)  # the keys and the host, checked before anything is sent

    async def close(self) -> None:
        for transport in self._transports:
            await transport.aclose()

    async def send_records(self, records: Sequence[Record], ledger: Ledger, report: SendReport) -> None:
        by_type: dict[str, list[Any]] = {}
        for record in records:
            by_type.setdefault(record.record_type, []).append(record)
        for record_type, group in by_type.items():
            if record_type == "definition":
                await self._definitions(group, ledger, report)
            elif record_type == "definition_version":
                await self._prompt_versions(group, ledger, report)
            elif record_type == "dataset_example":
                await self._examples(group, ledger, report)
            elif record_type == "experiment":
                self._experiments.experiments.update((e.experiment_id, e) for e in group if isinstance(e, Experiment))
                report.ignored["experiment"] += len(group)
            elif record_type == "experiment_item":
                self._items(group, ledger, report)
            elif record_type == "evaluation":
                await self._scores([(e, None) for e in group], ledger, report)
            else:
                report.ignored.update(Counter(record.record_type for record in group))

    async def send_spans(self, groups: Sequence[SpanGroup], ledger: Ledger, report: SendReport) -> None:
        assert self._rest is not None, "open() first"
        traces = OtlpTraces(
            self._rest.transport,
            OTLP_PATH,
            self._max_request_bytes,
            dialect=partial(self._dialect, ledger),
            extra_headers=INGESTION_HEADERS,
        )
        # The judgments become scores, not span events: Langfuse reads none from events.
        await traces.send([SpanGroup(group.span) for group in groups], ledger, report)
        judged: list[tuple[Evaluation, Span | None]] = []
        for group in groups:
            self._remember_environment(group.span)
            if span_key(group.span) in ledger:
                judged.extend((evaluation, group.span) for evaluation in group.evaluations)
                continue
            for evaluation in group.evaluations:
                reject_record(report, "evaluation", evaluation, "the span it judges was not sent (see its reject)")
        await self._scores(judged, ledger, report)

    # Spans

    def _dialect(self, ledger: Ledger, span: Span) -> Mapping[str, Any]:
        return langfuse_attributes(
            span,
            prompt=self._prompt_link(span, ledger),
            experiment=self._experiments.attributes(span.trace_id, self._datasets, ledger),
        )

    def _prompt_link(self, span: Span, ledger: Ledger) -> PromptLink | None:
        version_id = span.attributes.get("tracebridge.file.version_id")
        if not isinstance(version_id, str) or version_id not in self._prompt_names:
            return None
        number = ledger.get(f"prompt_version:{version_id}")
        if not isinstance(number, int) or isinstance(number, bool):
            return None  # not sent (refused), or Langfuse answered no number
        return PromptLink(self._prompt_names[version_id], number)

    def _remember_environment(self, span: Span) -> None:
        name = environment(span.attributes.get("deployment.environment.name"))
        if name is None:
            return
        if span.trace_id in self._wanted_traces:
            self._environments.setdefault(f"trace:{span.trace_id}", name)
        session = span.attributes.get("session.id") or span.attributes.get("gen_ai.conversation.id")
        if isinstance(session, str) and session in self._wanted_sessions:
            self._environments.setdefault(f"session:{session}", name)

    # Scores

    async def _scores(
        self, judged: Sequence[tuple[Evaluation, Span | None]], ledger: Ledger, report: SendReport
    ) -> None:
        assert self._rest is not None, "open() first"
        posts: list[Post] = []
        for evaluation, span in judged:
            key = score_key(evaluation)
            if key in ledger:
                report.skipped["evaluation"] += 1
                continue
            if span is not None:
                name = environment(span.attributes.get("deployment.environment.name"))
            elif evaluation.target_type == "session":
                name = self._environments.get(f"session:{evaluation.session_id}")
            else:
                name = self._environments.get(f"trace:{evaluation.trace_id}")
            try:
                body = score_body(evaluation, trace_id=span.trace_id if span else None, environment=name)
            except UnattachableScoreError as exc:
                reject_record(report, "evaluation", evaluation, str(exc))
                continue
            if body is None:
                report.ignored["evaluation"] += 1  # no result yet: a Langfuse score needs a value
                continue
            posts.append(Post(key, SCORES, body, "evaluation", evaluation))
        await self._rest.post_all(posts, ledger, report)

    # Datasets

    async def _definitions(self, definitions: Sequence[Definition], ledger: Ledger, report: SendReport) -> None:
        assert self._rest is not None, "open() first"
        posts: list[Post] = []
        for definition in definitions:
            self._datasets.learn_definition(definition)
            if definition.type == "prompt":
                self._prompt_definitions[definition.definition_id] = definition
            if definition.type != "dataset":
                report.ignored["definition"] += 1
                continue
            key = dataset_key(definition.definition_id)
            if key in ledger:
                report.skipped["definition"] += 1
                continue
            body = dataset_body(definition.definition_id, self._datasets, definition.provenance.system)
            posts.append(Post(key, DATASETS, body, "definition", definition, answer=_dataset_id))
        await self._rest.post_all(posts, ledger, report)

    async def _examples(self, examples: Sequence[DatasetExample], ledger: Ledger, report: SendReport) -> None:
        assert self._rest is not None, "open() first"
        planned: list[tuple[str, DatasetExample]] = []
        seen: set[str] = set()
        for example in examples:
            dataset = self._datasets.dataset_of(example)
            key = item_key(dataset, example.example_id)
            if key in ledger or key in seen:
                report.skipped["dataset_example"] += 1  # this example again (another export of it)
                continue
            seen.add(key)
            planned.append((dataset, example))
        refused = await self._upsert_datasets([d for d, _ in planned], planned, ledger, report)
        posts = []
        for dataset, example in planned:
            if dataset in refused:
                reject_record(report, "dataset_example", example, refused[dataset])
                continue
            body = item_body(example, dataset, self._datasets)
            posts.append(Post(item_key(dataset, example.example_id), DATASET_ITEMS, body, "dataset_example", example))
        await self._rest.post_all(posts, ledger, report)

    async def _upsert_datasets(
        self, datasets: Sequence[str], planned: Sequence[tuple[str, DatasetExample]], ledger: Ledger, report: SendReport
    ) -> dict[str, str]:
        """Upsert each dataset not yet in the ledger (by name: Langfuse answers with its id); refused ones, why."""
        assert self._rest is not None, "open() first"
        refused: dict[str, str] = {}
        systems = {dataset: example.provenance.system for dataset, example in planned}
        for dataset in dict.fromkeys(datasets):
            if dataset_key(dataset) in ledger:
                continue
            body = dataset_body(dataset, self._datasets, systems[dataset])
            try:
                answer, size = await self._rest.post(DATASETS, body)
            except ApiError as exc:
                if exc.status not in REFUSALS:
                    raise
                refused[dataset] = f"Langfuse refused its dataset {body['name']!r} (HTTP {exc.status}: {exc.message})"
                continue
            ledger.record({dataset_key(dataset): _dataset_id(answer)})
            report.requests += 1
            report.bytes_sent += size
        return refused

    # Prompts

    async def _prompt_versions(self, versions: Sequence[DefinitionVersion], ledger: Ledger, report: SendReport) -> None:
        """Every prompt version of the directory at the first batch (``prepare`` read them all: Langfuse numbers a
        prompt's versions in the order they arrive, so each prompt's oldest goes first whatever batch it is in);
        the other versions are counted as what has no place in Langfuse."""
        assert self._prompts is not None, "open() first"
        report.ignored["definition_version"] += sum(version.definition_type != "prompt" for version in versions)
        if self._prompt_versions_all is None:  # not prepared: this batch is all there is to order
            batch = [version for version in versions if version.definition_type == "prompt"]
        elif self._prompts_sent:
            return
        else:
            batch, self._prompts_sent = self._prompt_versions_all, True
        prompts: list[tuple[str, DefinitionVersion]] = []
        versioned = {definition_key(version) for version in batch}
        for definition_id in self._prompt_definition_order:  # who takes a shared path: the first definition
            definition = self._prompt_definitions.get(definition_id)
            if definition is not None and definition_id in versioned:
                await self._prompt_name(definition_id, definition.path or definition.name or definition_id, ledger)
        for version in batch:
            definition = self._prompt_definitions.get(version.definition_id or "")
            base = prompt_name(version, definition.name if definition else None)
            name = await self._prompt_name(definition_key(version), base, ledger)
            self._prompt_names[version.version_id] = name
            prompts.append((name, version))
        # Langfuse numbers versions in the order they arrive: send each prompt's oldest first.
        prompts.sort(key=lambda pair: (pair[0], pair[1].created_at_unix_nano or 0, pair[1].version_id))
        for name, version in prompts:
            key = prompt_key(version)
            if key in ledger:
                report.skipped["definition_version"] += 1
                continue
            definition = self._prompt_definitions.get(version.definition_id or "")
            tags = definition.attributes.get("tracebridge.tags") if definition else None
            try:
                body = prompt_body(
                    version,
                    definition_name=definition.name if definition else None,
                    tags=[tag for tag in tags if isinstance(tag, str)] if isinstance(tags, list) else (),
                    name=name,
                )
            except UnsendablePromptError as exc:
                reject_record(report, "definition_version", version, str(exc))
                continue
            recorded = {
                number
                for version_id, other in self._prompt_names.items()
                if other == name and isinstance(number := ledger.get(f"prompt_version:{version_id}"), int)
            }
            post = Post(key, PROMPTS, body, "definition_version", version, answer=version_number)
            await self._prompts.send(post, version, recorded, ledger, report)

    async def _prompt_name(self, definition_id: str, path: str, ledger: Ledger) -> str:
        """The Langfuse prompt of source prompt ``definition_id``: the name its path makes when that prompt does not
        exist or is this definition's (its versions' commit messages say so), else that name with the definition id
        as a suffix (``langfuse_prompts``); kept in the ledger (``prompt:<definition id>``)."""
        assert self._prompts is not None, "open() first"
        known = self._definition_names.get(definition_id) or ledger.get(f"prompt:{definition_id}")
        if isinstance(known, str):
            self._definition_names[definition_id] = self._name_claims[known] = known
            return known
        base = prompt_name_of(path) or definition_id
        for attempt in range(100):
            candidate = (
                base
                if attempt == 0
                else with_suffix(base, definition_id if attempt == 1 else f"{definition_id}-{attempt}")
            )
            holder = self._name_claims.get(candidate)
            if holder is not None and holder != definition_id:
                continue  # another source prompt of this send took it
            if holder is None:
                exists, owners = await self._prompts.owners(candidate)
                if exists and definition_id not in owners:
                    continue  # somebody else's prompt, or another source prompt's from an earlier send
            self._name_claims[candidate] = self._definition_names[definition_id] = candidate
            ledger.record({f"prompt:{definition_id}": candidate})
            return candidate
        raise ApiError(PROMPTS, None, f"no free Langfuse prompt name for {definition_id} (tried {base}-...)")

    # Experiment items

    def _items(self, items: Sequence[ExperimentItem], ledger: Ledger, report: SendReport) -> None:
        """Experiment items went out on their spans: count each, and say which could not."""
        accepted: dict[str, Any] = {}
        for item in items:
            if item.trace_id is None:
                report.ignored["experiment_item"] += 1  # nothing was produced for it: no trace to mark
                continue
            key = experiment_item_key(item)
            if key in ledger or key in accepted:
                report.skipped["experiment_item"] += 1
            elif not self._experiments.owns(item):
                reject_record(
                    report,
                    "experiment_item",
                    item,
                    "its trace is already another experiment item's: a Langfuse trace belongs to one item",
                )
            elif item.span_id is None or span_key_of(item.span_id) not in ledger:
                reject_record(
                    report, "experiment_item", item, "its span was not sent: the span is what carries the experiment"
                )
            else:
                accepted[key] = True
                report.sent["experiment_item"] += 1
        ledger.record(accepted)


def span_key_of(span_id: str) -> str:
    return f"span:{span_id}"


def _dataset_id(answer: Any) -> Any:
    """Langfuse's id for an upserted dataset (what ``langfuse.experiment.dataset.id`` names), else ``True``."""
    found = answer.get("id") if isinstance(answer, Mapping) else None
    return found if isinstance(found, str) and found else True


def from_options(options: SendOptions) -> LangfuseDestination:
    if options.project:
        raise ValueError("--project is Phoenix's: Langfuse's keys (LANGFUSE_PUBLIC_KEY) name the project")
    return LangfuseDestination(
        options.endpoint,
        max_request_bytes=options.max_request_bytes or MAX_REQUEST_BYTES,
        timeout=options.timeout,
        retry=options.retry,
    )
