"""Arize Phoenix: spans over OTLP with OpenInference names, judgments as annotations, datasets, experiments, prompts.

Where each record goes (the modules beside this one hold the details and the reasons):

- spans: ``/v1/traces`` (OTLP protobuf, the only body Phoenix takes there) through ``OtlpTraces``, with the
  OpenInference attributes Phoenix shows a span by (``openinference``) beside the ``gen_ai.*`` ones, in the project
  ``--project`` (resource attribute ``openinference.project.name``; default ``tracebridge``);
- evaluations of spans, traces and sessions: annotations (``phoenix_annotations``), after the spans of their batch;
  evaluations of anything else have no place and are counted as such;
- dataset examples: datasets (``phoenix_datasets``); experiments and their items: experiments with runs, and the
  judgments made in an experiment also as run evaluations (``phoenix_experiments``);
- prompt definitions and versions: prompts, versions and tags (``phoenix_prompts``); other definitions (tools,
  evaluators, flows, agents, the datasets' own) and sessions have no place in Phoenix and are counted as such.

Connection: the base URL from ``--endpoint``, else ``PHOENIX_COLLECTOR_ENDPOINT``, else ``http://localhost:6006``; the
key from ``PHOENIX_API_KEY`` (sent as ``Authorization: Bearer``, a secret: never printed). Phoenix stores spans after
it answers and refuses new ones with 503 while 20,000 wait (its SQLite inserter takes ~200 spans/s); the transport's
retries cover a short wait, and a longer one is waited out here while the queue drains, so a large send keeps pace
with Phoenix instead of failing. ``verify`` reads everything back (``phoenix_verify``).
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import attrs

from tracebridge.destinations.base import SendReport, SpanGroup
from tracebridge.destinations.ledger import Ledger
from tracebridge.destinations.openinference import openinference_attributes
from tracebridge.destinations.otlp import split_url
from tracebridge.destinations.otlp_traces import OtlpTraces, span_key
from tracebridge.destinations.phoenix_annotations import Annotations, reject_evaluation
from tracebridge.destinations.phoenix_datasets import Datasets
from tracebridge.destinations.phoenix_experiments import Experiments
from tracebridge.destinations.phoenix_prompts import Prompts
from tracebridge.destinations.phoenix_rest import PhoenixApi
from tracebridge.destinations.phoenix_spans_seen import SpansSeen
from tracebridge.destinations.phoenix_verify import Patience, PhoenixVerifier
from tracebridge.destinations.registry import SendOptions
from tracebridge.destinations.verify import Verification
from tracebridge.errors import ApiError
from tracebridge.json_codec import loads
from tracebridge.otlp.encoding import default_resource
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

log = logging.getLogger("tracebridge.destinations.phoenix")

DEFAULT_ENDPOINT: Final = "http://localhost:6006"
DEFAULT_PROJECT: Final = "tracebridge"
MAX_REQUEST_BYTES: Final = 4 << 20
"""Phoenix sets no body limit (48 MB requests were taken); a proxy in front may, and 4 MiB is one Phoenix answers in
well under a second."""
QUEUE_FULL_WAIT_S: Final = 5.0
"""Pause between tries while Phoenix's span queue is full (it drains ~1,000 spans in that time)."""
QUEUE_FULL_PATIENCE_S: Final = 900.0
"""Give up when Phoenix took nothing for this long while saying it is full."""


def phoenix_endpoint(explicit: str | None = None, environ: Mapping[str, str] = os.environ) -> str:
    """The base URL (a path prefix kept, a trailing ``/v1/traces`` dropped: the collector variable may hold one)."""
    url = (explicit or environ.get("PHOENIX_COLLECTOR_ENDPOINT", "").strip() or DEFAULT_ENDPOINT).rstrip("/")
    url = url.removesuffix("/v1/traces")
    split_url(url)  # an http(s) URL, or ValueError
    return url


def phoenix_headers(environ: Mapping[str, str] = os.environ) -> dict[str, ApiKey]:
    key = environ.get("PHOENIX_API_KEY", "").strip()
    if not key:
        return {}
    ApiKey(key, source="PHOENIX_API_KEY")  # a key with a character no key has is refused here, not echoed
    return {"Authorization": ApiKey(f"Bearer {key}", source="PHOENIX_API_KEY", header=True)}


def _project(name: str | None) -> str:
    project = (name or DEFAULT_PROJECT).strip()
    if not project or any(char in project for char in "/?#"):
        raise ValueError(f"--project must be a name without '/', '?' or '#' (Phoenix's rule), got {name!r}")
    return project


def _output(attributes: Mapping[str, Any], which: str = "output") -> Any:
    """A span's output (or input) as Phoenix shows it (``output.value``), JSON decoded when its mime type says JSON."""
    value = attributes.get(f"{which}.value")
    if isinstance(value, str) and attributes.get(f"{which}.mime_type") == "application/json":
        try:
            return loads(value)
        except ValueError:
            return value
    return value


def _example_input(span: Span, attributes: Mapping[str, Any]) -> dict[str, Any] | None:
    """A span's input as a dataset example's (``{inputs, messages, text}``): the example of a run whose example the
    source did not export is made of it (``phoenix_experiments``)."""
    found: dict[str, Any] = {}
    variables = span.attributes.get("tracebridge.prompt.variables")
    if isinstance(variables, dict) and variables:
        found["inputs"] = variables
    messages = span.attributes.get("gen_ai.input.messages")
    if isinstance(messages, list) and messages:
        found["messages"] = messages
    value = _output(attributes, "input")
    if not found and value is not None:
        found["text" if isinstance(value, str) else "input"] = value
    return found or None


@attrs.frozen
class _Session:
    """What an open destination holds: one transport, and the senders sharing it."""

    transport: HttpTransport
    api: PhoenixApi
    traces: OtlpTraces
    seen: SpansSeen
    annotations: Annotations
    datasets: Datasets
    experiments: Experiments
    prompts: Prompts


class PhoenixDestination:
    """Every record kind Phoenix has a place for (see the module)."""

    name = "phoenix"

    def __init__(
        self,
        endpoint: str | None = None,
        *,
        project: str | None = None,
        max_request_bytes: int = MAX_REQUEST_BYTES,
        timeout: float = 60.0,
        retry: RetryPolicy | None = None,
        environ: Mapping[str, str] = os.environ,
        patience: Patience | None = None,
    ) -> None:
        self.base_url = phoenix_endpoint(endpoint, environ)
        self.project = _project(project)
        self._headers = phoenix_headers(environ)  # read now: a bad key is an error before anything is sent
        self._max_request_bytes = max_request_bytes
        self._timeout = timeout
        self._retry = retry
        self.patience = patience or Patience()
        """How long ``verify`` waits for what Phoenix stores after answering."""
        self._session: _Session | None = None
        self._report: SendReport | None = None
        self._outputs: dict[str, tuple[Any, Any]] = {}
        """Span id -> its input (``_example_input``) and output, as the experiment runs want them."""

    @property
    def target(self) -> str:
        return f"phoenix {redact_url_credentials(self.base_url)} project {self.project}"

    def _new_transport(self) -> HttpTransport:
        return HttpTransport(
            base_url=self.base_url,
            api_key=None,
            key_header="",
            timeout=self._timeout,
            retry=self._retry,
            secret_headers=self._headers,
        )

    async def open(self) -> None:
        # Made here, inside the event loop that uses it: an httpx pool belongs to one loop.
        transport = self._new_transport()
        api = PhoenixApi(transport)
        try:
            await api.get("/v1/projects", {"limit": 1})  # reachable, and the key (if any) is taken
        except BaseException:
            await transport.aclose()
            raise
        api.take_counts()
        traces = OtlpTraces(
            transport, "/v1/traces", self._max_request_bytes, dialect=self._dialect, resource_of=self._resource
        )
        seen = SpansSeen()
        datasets = Datasets(api)
        self._session = _Session(
            transport,
            api,
            traces,
            seen,
            Annotations(api),
            datasets,
            Experiments(api, datasets, seen),
            Prompts(api),
        )

    def _open(self) -> _Session:
        assert self._session is not None, "open() first"
        return self._session

    def _resource(self, span: Span) -> dict[str, Any]:
        return {**default_resource(span), "openinference.project.name": self.project}

    def _dialect(self, span: Span) -> dict[str, Any]:
        found = openinference_attributes(span)
        self._outputs[span.span_id] = (_example_input(span, found), _output(found))  # its experiment run's
        return found

    async def send_records(self, records: Sequence[Record], ledger: Ledger, report: SendReport) -> None:
        self._report = report
        try:
            await self._send_records(records, ledger, report)
        finally:
            self._count(report)

    async def _send_records(self, records: Sequence[Record], ledger: Ledger, report: SendReport) -> None:
        session = self._open()
        versions: list[DefinitionVersion] = []
        examples: list[DatasetExample] = []
        experiments: list[Experiment] = []
        items: list[ExperimentItem] = []
        evaluations: list[Evaluation] = []
        for record in records:
            if isinstance(record, Definition) and record.type == "prompt":
                session.prompts.remember(record, ledger, report)
            elif isinstance(record, DefinitionVersion) and record.definition_type == "prompt":
                versions.append(record)
            elif isinstance(record, DatasetExample):
                examples.append(record)
            elif isinstance(record, Experiment):
                experiments.append(record)
            elif isinstance(record, ExperimentItem):
                items.append(record)
            elif isinstance(record, Evaluation):
                evaluations.append(record)
            else:
                if isinstance(record, Definition) and record.type == "dataset":
                    session.datasets.remember(record)  # names its Phoenix dataset
                elif isinstance(record, DefinitionVersion):
                    session.datasets.remember_version(record)  # orders its examples' uploads
                report.ignored[record.record_type] += 1
        await session.prompts.send(versions, ledger, report)
        await session.datasets.send(examples, ledger, report)
        await session.experiments.remember(experiments, ledger, report)
        await session.experiments.send_items(items, ledger, report)
        await session.annotations.send(evaluations, ledger, report)

    async def send_spans(self, groups: Sequence[SpanGroup], ledger: Ledger, report: SendReport) -> None:
        self._report = report
        try:
            await self._send_spans(groups, ledger, report)
        finally:
            self._count(report)

    async def _send_spans(self, groups: Sequence[SpanGroup], ledger: Ledger, report: SendReport) -> None:
        session = self._open()
        self._outputs.clear()
        # Judgments go as annotations, not as span events: Phoenix shows annotations, and counts them once.
        await self._spans_while_queue_full([SpanGroup(group.span) for group in groups], ledger, report)
        for group in groups:
            if group.span.span_id not in self._outputs:  # sent before: its output is still wanted by its run
                found = openinference_attributes(group.span)
                self._outputs[group.span.span_id] = (_example_input(group.span, found), _output(found))
        session.seen.remember(
            ((group.span, *self._outputs.get(group.span.span_id, (None, None))) for group in groups),
            (evaluation for group in groups for evaluation in group.evaluations if evaluation.experiment_id),
        )
        judgments: list[Evaluation] = []
        for group in groups:
            if span_key(group.span) in ledger:
                judgments.extend(group.evaluations)
            else:
                for evaluation in group.evaluations:
                    reject_evaluation(evaluation, "the span it judges was not sent (see that span's reject)", report)
        await session.annotations.send(judgments, ledger, report)

    async def _spans_while_queue_full(self, groups: list[SpanGroup], ledger: Ledger, report: SendReport) -> None:
        """``OtlpTraces.send``, tried again while Phoenix answers 503 "at capacity" and takes spans now and then."""
        pending = groups
        progress = time.monotonic()
        while True:
            try:
                await self._open().traces.send(pending, ledger, report)
                return
            except ApiError as exc:
                if exc.status != 503:
                    raise
                left = [group for group in pending if span_key(group.span) not in ledger]
                if len(left) < len(pending):
                    progress = time.monotonic()
                if time.monotonic() - progress > QUEUE_FULL_PATIENCE_S:
                    raise
                log.info("phoenix: span queue full, %d spans of this batch wait (%s)", len(left), exc.message)
                pending = left
                await asyncio.sleep(QUEUE_FULL_WAIT_S)

    def _count(self, report: SendReport) -> None:
        requests, sent = self._open().api.take_counts()
        report.requests += requests
        report.bytes_sent += sent

    async def verify(self, out_dir: Path, ledger: Ledger) -> Verification:
        """What the ledger says Phoenix took, read back (``phoenix_verify``); ``out_dir`` is where the ledger is."""
        async with self._new_transport() as transport:
            verifier = PhoenixVerifier(PhoenixApi(transport), self.project, self.patience)
            return Verification(self.target, await verifier.checks(ledger))

    async def close(self) -> None:
        session, self._session = self._session, None
        if session is None:
            return
        if self._report is not None:
            session.prompts.settle(self._report)
            session.experiments.settle(self._report)
        session.seen.close()
        await session.transport.aclose()


def from_options(options: SendOptions) -> PhoenixDestination:
    return PhoenixDestination(
        options.endpoint,
        project=options.project,
        max_request_bytes=options.max_request_bytes or MAX_REQUEST_BYTES,
        timeout=options.timeout,
        retry=options.retry,
        patience=None if options.verify_wait is None else Patience(stable_s=options.verify_wait),
    )
