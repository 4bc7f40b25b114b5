"""``tracebridge send --to langfuse``: contract tests of the demo's output against a real local receiver.

No Langfuse server runs here (it needs Postgres, ClickHouse, Redis and S3), so the receiver plays the parts of its API
the destination relies on, as Langfuse's source at a known commit implements them (``FakeLangfuse``: prompt versions
numbered latest + 1 with their commit messages readable back, a dataset's id in the upsert's answer), and every
request is checked against what Langfuse requires: the OTLP route, headers and ``langfuse.*`` attribute types its
ingestion reads, and REST bodies against the schemas of its OpenAPI file (``test_langfuse_openapi.json``) plus the
rules its zod schemas add (one target per score, BOOLEAN 0/1, TEXT up to 500, string chat contents, label syntax).
"""

from __future__ import annotations

import base64
import json
import math
import re
import threading
import time
import urllib.parse
import uuid
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openapi_schema_validator import OAS30Validator

from tests.cli.conftest import read_jsonl, tracebridge
from tests.destinations.receiver import Received, Receiver, receiving

PUBLIC_KEY = "pk-lf-0a1b2c3d-test-public"
SECRET_KEY = "sk-lf-9e8d7c6b-test-secret"
KEYS = {"LANGFUSE_PUBLIC_KEY": PUBLIC_KEY, "LANGFUSE_SECRET_KEY": SECRET_KEY}
BASIC = "Basic " + base64.b64encode(f"{PUBLIC_KEY}:{SECRET_KEY}".encode()).decode()
OTLP = "/api/public/otel/v1/traces"
SCHEMAS = json.loads((Path(__file__).with_name("test_langfuse_openapi.json")).read_text())["schemas"]
OBSERVATION_TYPES = {"span", "generation", "event", "embedding", "agent", "tool", "chain", "retriever", "guardrail",
                     "evaluator"}  # fmt: skip
JSON_OBJECT_ATTRIBUTES = ("usage_details", "cost_details", "model.parameters")
STATUS = {0: "UNSET", 1: "OK", 2: "ERROR"}
REST_LIMIT = 1_000_000


class FakeLangfuse:
    """The stateful parts of Langfuse's REST API, as its source has them (see the module)."""

    def __init__(self) -> None:
        self.prompts: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.lock = threading.Lock()

    def install(self, receiver: Receiver) -> None:
        receiver.answers["/api/public/v2/prompts"] = self.prompt
        receiver.answers["/api/public/v2/datasets"] = self.dataset
        receiver.answers["/api/public/scores"] = lambda request: (200, {}, _json({"id": request.json()["id"]}))
        receiver.answers["/api/public/projects"] = lambda request: (200, {}, _json({"data": [{"id": "project-1"}]}))

    def prompt(self, request: Received) -> tuple[int, dict[str, str], bytes]:
        path, _, query = request.path.partition("?")
        params = dict(urllib.parse.parse_qsl(query))
        with self.lock:
            if request.method == "POST":  # createPrompt.ts: version = latest + 1, whatever was posted before
                body = request.json()
                versions = self.prompts[body["name"]]  # a name is one prompt, whoever posted its versions
                made = {**body, "version": len(versions) + 1, "labels": [*body.get("labels", []), "latest"]}
                for older in versions:  # a label names one version of a prompt: the newest that asks for it
                    older["labels"] = [label for label in older["labels"] if label not in made["labels"]]
                versions.append(made)
                return 200, {}, _json(made)
            if path == "/api/public/v2/prompts":  # getPromptsMeta: exact name filter, every version number
                versions = self.prompts.get(params.get("name", ""), [])
                data = [{"name": params["name"], "versions": [v["version"] for v in versions]}] if versions else []
                return 200, {}, _json({"data": data, "meta": {"page": 1, "limit": 100, "totalItems": len(data)}})
            name = urllib.parse.unquote(path.removeprefix("/api/public/v2/prompts/"))
            versions = self.prompts.get(name, [])
            found = [v for v in versions if str(v["version"]) == params.get("version")]
            return (200, {}, _json(found[0])) if found else (404, {}, _json({"message": "Prompt not found"}))

    @staticmethod
    def dataset(request: Received) -> tuple[int, dict[str, str], bytes]:
        name = request.json()["name"]
        return 200, {}, _json({"id": "lf-ds-" + uuid.uuid5(uuid.NAMESPACE_URL, name).hex[:12], "name": name})

    def post_count(self) -> int:
        return sum(len(versions) for versions in self.prompts.values())


def _json(value: Any) -> bytes:
    return json.dumps(value).encode()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    cwd = tmp_path_factory.mktemp("send")
    assert tracebridge("demo", "--records", "40", "-q", cwd=cwd).returncode == 0
    return cwd / "tracebridge-demo"


def _copy(demo: Path, tmp_path: Path, name: str = "out") -> Path:
    """A fresh copy of the demo output (each test its own ledger)."""
    target = tmp_path / name
    target.mkdir()
    for path in demo.iterdir():
        if path.is_file():
            (target / path.name).write_bytes(path.read_bytes())
    return target


def _send(out: Path, receiver: Receiver, *args: str, env: dict[str, str] | None = None) -> Any:
    return tracebridge(
        "send", str(out), "--to", "langfuse", "--endpoint", receiver.base_url, *args, env={**KEYS, **(env or {})}
    )


def _rejects(out: Path) -> list[dict[str, Any]]:
    paths = (out / ".sent").glob("*.rejects.jsonl")
    return [json.loads(line) for path in paths for line in path.read_text().splitlines()]


def _value(any_value: Any) -> Any:
    kind = any_value.WhichOneof("value")
    if kind == "array_value":
        return [_value(v) for v in any_value.array_value.values]
    return getattr(any_value, kind) if kind else None


def _attributes(span: Any) -> dict[str, Any]:
    return {kv.key: _value(kv.value) for kv in span.attributes}


def _kinds(span: Any) -> dict[str, str | None]:
    return {kv.key: kv.value.WhichOneof("value") for kv in span.attributes}


def _posted(receiver: Receiver, path: str) -> list[dict[str, Any]]:
    return [r.json() for r in receiver.to(path) if r.method == "POST" and r.path.split("?")[0] == path]


def _errors(schema: str, body: Any) -> list[str]:
    return [error.message for error in OAS30Validator(SCHEMAS[schema]).iter_errors(body)]


def _score_problems(body: dict[str, Any]) -> list[str]:
    """What Langfuse's PostScoresBody (zod) refuses beyond the OpenAPI schema."""
    problems = _errors("CreateScoreRequest", body)
    targets = [key for key in ("traceId", "sessionId", "datasetRunId") if body.get(key)]
    if len(targets) != 1 or ("observationId" in body and targets != ["traceId"]):
        problems.append(f"exactly one of trace (+ observation), session, dataset run: {targets}")
    kind, value = body.get("dataType"), body.get("value")
    if kind == "BOOLEAN" and value not in (0, 1):
        problems.append(f"BOOLEAN {value!r}")
    if kind == "NUMERIC" and (
        not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value)
    ):
        problems.append(f"NUMERIC {value!r}")
    if kind in ("CATEGORICAL", "TEXT") and not isinstance(value, str):
        problems.append(f"{kind} {value!r}")
    if kind == "TEXT" and not 1 <= len(value) <= 500:
        problems.append(f"TEXT of {len(value)} characters")
    if not body.get("name"):
        problems.append("an empty name")
    if body.get("source") == "ANNOTATION" and not body.get("configId"):
        problems.append("ANNOTATION without configId")
    if "environment" in body and not re.fullmatch(r"(?!langfuse)[a-z0-9_-]{1,40}", body["environment"]):
        problems.append(f"environment {body['environment']!r}")
    return problems


def _prompt_problems(body: dict[str, Any]) -> list[str]:
    problems = _errors("CreatePromptRequest", body)
    name = body["name"]
    if "|" in name or name.startswith("/") or name.endswith("/") or "//" in name or name in ("new", "metrics"):
        problems.append(f"name {name!r}")
    if body["type"] == "chat" and not all(isinstance(m.get("content"), str) for m in body["prompt"]):
        problems.append("a chat message whose content is not a string")
    problems += [
        f"label {label!r}" for label in body.get("labels", []) if not re.fullmatch(r"[a-z0-9_.-]{1,36}", label)
    ]
    if "latest" in body.get("labels", []):
        problems.append("the label latest (Langfuse's own)")
    if len(body.get("commitMessage") or "") > 500:
        problems.append("a commit message over 500 characters")
    return problems


def test_the_demo_arrives_as_langfuse_reads_it(demo: Path, tmp_path: Path) -> None:
    out = _copy(demo, tmp_path)
    spans = {row["span_id"]: row for row in read_jsonl(out / "spans.jsonl")}
    evaluations = read_jsonl(out / "evaluations.jsonl")
    items = read_jsonl(out / "experiment_items.jsonl")
    fake = FakeLangfuse()
    with receiving() as receiver:
        fake.install(receiver)
        result = _send(out, receiver)
        assert result.returncode == 0, result.stderr
        requests = list(receiver.requests)
        received = receiver.spans(OTLP)

    # The route and headers Langfuse's OTLP endpoint takes, on every request (auth on every REST call too).
    otlp = [r for r in requests if r.path.startswith("/api/public/otel")]
    assert otlp and all(r.path == OTLP and r.method == "POST" for r in otlp)
    assert all(r.headers["content-type"] == "application/x-protobuf" for r in otlp)
    assert all(r.headers["content-encoding"] == "gzip" for r in otlp)
    assert all(r.headers["x-langfuse-ingestion-version"] == "4" for r in otlp)
    assert all(r.headers["authorization"] == BASIC for r in requests)
    assert all(len(r.body) <= 4_500_000 for r in otlp)
    assert all(len(r.body) <= REST_LIMIT for r in requests if r not in otlp)

    # Every span once, as it was.
    by_id = {span.span_id.hex(): span for _, span in received}
    assert len(received) == len(by_id) == len(spans), "every span, once"
    for span_id, row in spans.items():
        span = by_id[span_id]
        assert span.trace_id.hex() == row["trace_id"]
        assert (span.parent_span_id.hex() or None) == row["parent_span_id"]
        start = row["start_time_unix_nano"] if row["start_time_unix_nano"] is not None else row["end_time_unix_nano"]
        assert span.start_time_unix_nano == start and STATUS[span.status.code] == row["status_code"]
        assert not span.events, "judgments go as scores, not as events Langfuse does not read"

    # The langfuse.* names, with the value types Langfuse's ingestion needs.
    types = Counter()
    linked_prompts = 0
    for span_id, row in spans.items():
        attributes, kinds = _attributes(by_id[span_id]), _kinds(by_id[span_id])
        kind = attributes["langfuse.observation.type"]
        types[kind] += 1
        assert kind in OBSERVATION_TYPES
        for name in JSON_OBJECT_ATTRIBUTES:
            key = f"langfuse.observation.{name}"
            if key in attributes:
                assert kinds[key] == "string_value" and isinstance(json.loads(attributes[key]), dict), key
        for key in ("langfuse.observation.input", "langfuse.observation.output"):
            assert kinds.get(key, "string_value") == "string_value", key
        usage = json.loads(attributes.get("langfuse.observation.usage_details", "{}"))
        assert all(isinstance(v, int | float) for v in usage.values())
        parameters = json.loads(attributes.get("langfuse.observation.model.parameters", "{}"))
        assert all(isinstance(v, str | int | float) for v in parameters.values()), parameters
        row_attributes = row["attributes"]
        if row_attributes.get("gen_ai.operation.name") == "chat":
            assert kind == "generation" and attributes["langfuse.observation.model.name"]
            assert usage["input"] == row_attributes["gen_ai.usage.input_tokens"] - row_attributes.get(
                "gen_ai.usage.cache_read.input_tokens", 0
            )
            if "gen_ai.output.messages" in row_attributes:
                output = json.loads(attributes["langfuse.observation.output"])
                assert output == row_attributes["gen_ai.output.messages"]
        if row["parent_span_id"] is None and "gen_ai.usage.input_tokens" in row_attributes and kind == "chain":
            # A Galileo trace's tokens are its model calls' again: an empty object keeps Langfuse from adding them.
            assert attributes["langfuse.observation.usage_details"] == "{}"
        if "tracebridge.time_to_first_token_ns" in row_attributes:
            moment = datetime.fromisoformat(attributes["langfuse.observation.completion_start_time"])
            expected = (row["start_time_unix_nano"] + row_attributes["tracebridge.time_to_first_token_ns"]) // 10**6
            assert int(moment.timestamp() * 1000) == expected
        if row["status_code"] == "ERROR":
            assert attributes["langfuse.observation.level"] == "ERROR"
            assert attributes["langfuse.observation.status_message"]
        if row["parent_span_id"] is None:
            assert kinds["langfuse.trace.name"] == "string_value"
            if row_attributes.get("tracebridge.tags"):
                assert attributes["langfuse.trace.tags"] == row_attributes["tracebridge.tags"]
        if "session.id" in row_attributes:
            assert attributes["langfuse.session.id"] == row_attributes["session.id"]
        if "deployment.environment.name" in row_attributes:
            assert attributes["langfuse.environment"] == row_attributes["deployment.environment.name"]
        # A prompt link: name and an int version, on generations only, the version Langfuse gave the prompt.
        has_name, has_version = (
            "langfuse.observation.prompt.name" in attributes,
            "langfuse.observation.prompt.version" in attributes,
        )
        assert has_name == has_version
        if has_version:
            linked_prompts += 1
            assert kind == "generation" and kinds["langfuse.observation.prompt.version"] == "int_value"
            made = fake.prompts[attributes["langfuse.observation.prompt.name"]]
            version = made[attributes["langfuse.observation.prompt.version"] - 1]
            assert version["commitMessage"].endswith(f"[tracebridge {row_attributes['tracebridge.file.version_id']}]")
    assert linked_prompts == sum(
        1 for row in spans.values() if "prv_" in str(row["attributes"].get("tracebridge.file.version_id"))
    )
    assert linked_prompts > 0 and {"generation", "tool", "agent", "chain", "retriever", "guardrail"} <= set(types)

    # Experiments: every span of an item's trace carries the item, rooted at the item's span.
    datasets = {body["name"]: body for body in _posted_from(requests, "/api/public/v2/datasets")}
    item_ids = {body["id"] for body in _posted_from(requests, "/api/public/dataset-items")}
    by_trace = defaultdict(list)
    for _, span in received:
        by_trace[span.trace_id.hex()].append(_attributes(span))
    linked = [item for item in items if item["trace_id"] is not None and item["example_id"] is not None]
    for item in linked:
        carried = by_trace[item["trace_id"]]
        assert carried and all(a["langfuse.experiment.item.root_observation_id"] == item["span_id"] for a in carried)
        assert len({a["langfuse.experiment.id"] for a in carried}) == 1
        assert all(re.fullmatch(r"[0-9a-f]{16}", a["langfuse.experiment.id"]) for a in carried)
        assert all(a["langfuse.experiment.item.id"] in item_ids for a in carried), "the item is a dataset item sent"
        assert all(a["langfuse.experiment.dataset.id"].startswith("lf-ds-") for a in carried), "Langfuse's dataset id"
    carried_ids = {a["langfuse.experiment.id"] for t in by_trace.values() for a in t if "langfuse.experiment.id" in a}
    assert len(carried_ids) == len({item["experiment_id"] for item in linked}) > 1

    # Scores: one per judgment with a result, each a body Langfuse takes, attached where the judgment points.
    scores = _posted_from(requests, "/api/public/scores")
    problems = {body["id"]: _score_problems(body) for body in scores}
    assert not any(problems.values()), [p for p in problems.values() if p][:5]
    assert len({body["id"] for body in scores}) == len(scores)
    by_evaluation = {body["metadata"]["tracebridge.evaluation_id"]: body for body in scores}
    for evaluation in evaluations:
        body = by_evaluation.get(evaluation["evaluation_id"])
        assert (body is not None) == _has_result(evaluation), evaluation["evaluation_id"]
        if body is None:
            continue
        assert body["id"] == str(
            uuid.uuid5(uuid.UUID("6f1e2a4c-7b3d-5e8f-9a0b-1c2d3e4f5a6b"), evaluation["evaluation_id"])
        )
        if evaluation["target_type"] == "span":
            assert (body["traceId"], body["observationId"]) == (evaluation["trace_id"], evaluation["span_id"])
            span_environment = spans[evaluation["span_id"]]["attributes"].get("deployment.environment.name")
            assert body.get("environment") == span_environment
        elif evaluation["target_type"] == "session":
            assert body["sessionId"] == evaluation["session_id"] and "traceId" not in body
        value = evaluation["attributes"].get("gen_ai.evaluation.score.value")
        label = str(evaluation["attributes"].get("gen_ai.evaluation.score.label", "")).lower()
        boolean = evaluation["attributes"].get("tracebridge.evaluation.value_type") == "boolean"
        if isinstance(value, bool) or (value in (0, 1) and (boolean or label in ("true", "false"))):
            assert body["dataType"] == "BOOLEAN" and body["value"] == int(value)
        elif isinstance(value, int | float):
            assert body["dataType"] == "NUMERIC" and body["value"] == value
    assert Counter(body["dataType"] for body in scores).keys() == {"NUMERIC", "BOOLEAN", "CATEGORICAL", "TEXT"}

    # Datasets and items: valid bodies, each item after its dataset, one item per example.
    for body in datasets.values():
        assert not _errors("CreateDatasetRequest", body)
    seen_datasets: set[str] = set()
    for request in requests:
        if request.path == "/api/public/v2/datasets":
            seen_datasets.add(request.json()["name"])
        elif request.path == "/api/public/dataset-items":
            body = request.json()
            assert not _errors("CreateDatasetItemRequest", body) and body["datasetName"] in seen_datasets
            assert len(body["id"]) <= 255
    examples = {row["example_id"] for row in read_jsonl(out / "dataset_examples.jsonl")}
    assert len(item_ids) == len(examples)
    sourced = [body for body in _posted_from(requests, "/api/public/dataset-items") if "sourceTraceId" in body]
    assert sourced and all(body["sourceObservationId"] in spans for body in sourced), "the span it came from, sent"

    # Prompts: valid bodies, versions in the order they were made.
    prompts = _posted_from(requests, "/api/public/v2/prompts")
    assert prompts and not [p for body in prompts for p in _prompt_problems(body)]
    assert (
        "sent 80 dataset_example, 3 definition_version, 1,476 evaluation, 180 experiment_item, 604 span"
        in result.stderr
    )


def _has_result(evaluation: dict[str, Any]) -> bool:
    """A value, a label (an empty multi-select too: none chosen) or words: what a Langfuse score can hold."""
    attributes = evaluation["attributes"]
    label = attributes.get("gen_ai.evaluation.score.label")
    return (
        attributes.get("gen_ai.evaluation.score.value") is not None
        or bool(label)
        or (label == "" and attributes.get("tracebridge.evaluation.value_type") == "multi_select")
        or bool(attributes.get("gen_ai.evaluation.explanation"))
    )


def _posted_from(requests: list[Received], path: str) -> list[dict[str, Any]]:
    return [r.json() for r in requests if r.method == "POST" and r.path == path]


def test_a_second_send_sends_nothing_and_a_fresh_target_gets_the_same_ids(demo: Path, tmp_path: Path) -> None:
    out = _copy(demo, tmp_path)
    fake = FakeLangfuse()
    with receiving() as receiver:
        fake.install(receiver)
        assert _send(out, receiver).returncode == 0
        first = list(receiver.requests)
        again = _send(out, receiver)
        assert again.returncode == 0, again.stderr
        repeated = receiver.requests[len(first) :]
    assert [r.path for r in repeated] == ["/api/public/projects"], "only the check of the keys"
    assert "sent nothing" in again.stderr
    other = _copy(demo, tmp_path, "other")
    with receiving() as receiver:
        FakeLangfuse().install(receiver)
        assert _send(other, receiver).returncode == 0
        second = list(receiver.requests)

    def ids(requests: list[Received]) -> dict[str, set[str]]:
        found = {path: {body["id"] for body in _posted_from(requests, path)}
                 for path in ("/api/public/scores", "/api/public/dataset-items")}  # fmt: skip
        found["experiments"] = {
            _value(kv.value)
            for r in requests if r.path == OTLP
            for rs in r.otlp().resource_spans for ss in rs.scope_spans for span in ss.spans
            for kv in span.attributes if kv.key == "langfuse.experiment.id"
        }  # fmt: skip
        return found

    assert ids(first) == ids(second) and all(ids(first).values())


def test_a_resumed_send_never_makes_a_prompt_version_twice(demo: Path, tmp_path: Path) -> None:
    out = _copy(demo, tmp_path)
    fake = FakeLangfuse()
    with receiving() as receiver:
        fake.install(receiver)
        assert _send(out, receiver).returncode == 0
        made = fake.post_count()
        # A kill after Langfuse made the versions and before the ledger kept their numbers.
        (ledger,) = (out / ".sent").glob("*.jsonl")
        lines = ledger.read_text().splitlines()
        numbers = {json.loads(line)["key"]: json.loads(line)["value"] for line in lines if "prompt_version:" in line}
        ledger.write_text("".join(line + "\n" for line in lines if "prompt_version:" not in line))
        again = _send(out, receiver)
        assert again.returncode == 0, again.stderr
    assert made == 3 and fake.post_count() == made, "no version posted twice"
    restored = {json.loads(line)["key"]: json.loads(line)["value"] for line in ledger.read_text().splitlines()
                if "prompt_version:" in line}  # fmt: skip
    assert restored == numbers and all(isinstance(n, int) for n in numbers.values())
    assert re.search(r"already there [^;]*\b3 definition_version", again.stderr), again.stderr


def test_requests_fit_a_small_cap_and_a_413_splits_the_batch(demo: Path, tmp_path: Path) -> None:
    out = _copy(demo, tmp_path)
    total = len(read_jsonl(out / "spans.jsonl"))
    with receiving() as receiver:
        FakeLangfuse().install(receiver)

        def at_most_20k(request: Received) -> tuple[int, dict[str, str], bytes]:
            return (413, {}, b'{"message":"Body exceeded limit"}') if len(request.body) > 8_000 else (200, {}, b"{}")

        receiver.answers[OTLP] = at_most_20k
        result = _send(out, receiver, "--max-request-bytes", "100000")
        assert result.returncode in (0, 3), result.stderr
        assert all(len(r.body) <= 100_000 for r in receiver.requests)
        accepted = [r for r in receiver.to(OTLP) if len(r.body) <= 8_000]
        assert len(receiver.to(OTLP)) > len(accepted) > 1, "split, then taken"
        delivered = {span.span_id.hex() for r in accepted for rs in r.otlp().resource_spans
                     for ss in rs.scope_spans for span in ss.spans}  # fmt: skip
    rejects = [r for r in _rejects(out) if json.loads(r["raw"])["record_type"] == "span"]
    assert len(delivered) + len(rejects) == total, "every span delivered or rejected with its reason"
    assert all("HTTP 413" in reject["reason"] for reject in rejects)


def test_a_429_waits_for_its_retry_after(demo: Path, tmp_path: Path) -> None:
    out = _copy(demo, tmp_path)
    with receiving() as receiver:
        FakeLangfuse().install(receiver)
        times: dict[str, list[float]] = defaultdict(list)
        lock = threading.Lock()

        def limited(request: Received) -> tuple[int, dict[str, str], bytes]:
            body = request.json()
            with lock:
                times[body["id"]].append(time.monotonic())
                first = len(times) == 1 and len(times[body["id"]]) == 1
            if first:
                return 429, {"Retry-After": "2"}, b'{"message":"rate limit exceeded"}'
            return 200, {}, _json({"id": body["id"]})

        receiver.answers["/api/public/scores"] = limited
        result = _send(out, receiver, "-v")
        assert result.returncode == 0, result.stderr
    (retried,) = [attempts for attempts in times.values() if len(attempts) > 1]
    assert len(retried) == 2 and retried[1] - retried[0] >= 1.9, "the server's Retry-After, not a shorter backoff"
    assert "HTTP 429; retrying" in result.stderr


def test_keys_never_show_in_output_errors_or_logs(demo: Path, tmp_path: Path) -> None:
    out = _copy(demo, tmp_path)
    with receiving() as receiver:

        def echo(request: Received) -> tuple[int, dict[str, str], bytes]:
            header = request.headers.get("authorization", "")
            pair = base64.b64decode(header.removeprefix("Basic ")).decode()
            public, _, secret = pair.partition(":")
            message = f"bad credentials {header} ({pair}): public key {public}, secret key {secret}"
            return 401, {}, _json({"message": message})

        receiver.answers["/api/public/projects"] = echo
        refused = _send(out, receiver, "-v")
        receiver.answers.clear()
        FakeLangfuse().install(receiver)
        taken = _send(out, receiver, "-v")
    assert refused.returncode == 1 and "HTTP 401" in refused.stderr and "bad credentials" in refused.stderr
    assert taken.returncode == 0, taken.stderr
    shown = refused.stdout + refused.stderr + taken.stdout + taken.stderr
    written = "".join(path.name + path.read_text() for path in (out / ".sent").iterdir())
    for secret in (SECRET_KEY, PUBLIC_KEY, BASIC, BASIC.removeprefix("Basic ")):
        assert secret not in shown and secret not in written


def test_a_record_langfuse_refuses_is_rejected_with_its_reason_and_the_rest_go_on(demo: Path, tmp_path: Path) -> None:
    out = _copy(demo, tmp_path)
    with receiving() as receiver:
        FakeLangfuse().install(receiver)
        refused: list[str] = []

        def one_elsewhere(request: Received) -> tuple[int, dict[str, str], bytes]:
            body = request.json()
            if not refused:
                refused.append(body["id"])
                message = f"The dataset item with id {body['id']} already exists in a dataset other than x"
                return 404, {}, _json({"message": message})
            return 200, {}, _json(body)

        receiver.answers["/api/public/dataset-items"] = one_elsewhere
        result = _send(out, receiver)
        items = _posted(receiver, "/api/public/dataset-items")
    assert result.returncode == 3 and "1 records refused" in result.stderr
    (reject,) = _rejects(out)
    assert "HTTP 404" in reject["reason"] and "already exists in a dataset other than" in reject["reason"]
    assert json.loads(reject["raw"])["record_type"] == "dataset_example"
    assert len(items) == len({row["example_id"] for row in read_jsonl(out / "dataset_examples.jsonl")})


def test_missing_keys_and_a_project_are_usage_errors(demo: Path, tmp_path: Path) -> None:
    out = _copy(demo, tmp_path)
    result = tracebridge("send", str(out), "--to", "langfuse", env={"LANGFUSE_PUBLIC_KEY": PUBLIC_KEY})
    assert result.returncode == 2 and "LANGFUSE_SECRET_KEY" in result.stderr
    result = tracebridge("send", str(out), "--to", "langfuse", "--project", "x", env=KEYS)
    assert result.returncode == 2 and "--project" in result.stderr
    assert not (out / ".sent").exists()


def test_an_import_sent_as_it_is_read_leaves_what_a_send_of_its_directory_leaves(tmp_path: Path) -> None:
    """``import --send-to langfuse`` (which holds everything to the end, for ``prepare``) makes the same spans,
    scores, dataset items, prompts and experiment links as ``send`` of the same import's directory."""
    export_dir = Path(__file__).parents[1] / "fixtures" / "imports" / "humanloop-export" / "exports" / "20250905-093000"
    out = tmp_path / "out"
    assert tracebridge("import", str(export_dir), "--out", str(out), "-q").returncode == 0

    def made(requests: list[Received]) -> dict[str, Any]:
        spans = {
            span.span_id.hex(): sorted((kv.key, str(_value(kv.value))) for kv in span.attributes)
            for r in requests if r.path == OTLP
            for rs in r.otlp().resource_spans for ss in rs.scope_spans for span in ss.spans
        }  # fmt: skip
        posted = {
            path: sorted(json.dumps(body, sort_keys=True) for body in _posted_from(requests, path))
            for path in ("/api/public/scores", "/api/public/dataset-items", "/api/public/v2/prompts")
        }
        return {"spans": spans, **posted}

    with receiving() as receiver:
        FakeLangfuse().install(receiver)
        assert _send(out, receiver).returncode == 0
        sent = made(receiver.requests)
    command = ("import", str(export_dir), "--send-to", "langfuse", "--state-dir", str(tmp_path / "state"))
    with receiving() as receiver:
        FakeLangfuse().install(receiver)
        live = tracebridge(*command, "--endpoint", receiver.base_url, env=KEYS, cwd=tmp_path)
        assert live.returncode == 0, live.stderr
        assert made(receiver.requests) == sent and sent["spans"]
        before = len(receiver.requests)
        again = tracebridge(*command, "--endpoint", receiver.base_url, env=KEYS, cwd=tmp_path)
        assert again.returncode == 0 and "sent nothing" in again.stderr, again.stderr
        assert [r.path for r in receiver.requests[before:]] == ["/api/public/projects"], "only the check of the keys"
