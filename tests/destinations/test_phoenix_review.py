"""``send --to phoenix`` where Phoenix is not idempotent or matches loosely, against a real Phoenix.

The tests share one server (a start costs ~7 CPU s). Phoenix keeps span ids unique across its whole database, so each
test sends a demo of its own seed (every id differs between seeds; the prompts' and datasets' names do not, and the
destination must tell its own from others anyway), and reads back only what its own records made.
"""

from __future__ import annotations

import asyncio
import base64
import json
import re
import threading
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from tracebridge.destinations.ledger import Ledger, ledger_path, rejects_path
from tracebridge.destinations.openinference import PROVIDERS
from tracebridge.destinations.phoenix import PhoenixDestination
from tracebridge.destinations.phoenix_verify import Patience
from tracebridge.destinations.send import send

from tests.cli.conftest import read_jsonl, tracebridge
from tests.destinations.phoenix_readback import Phoenix
from tests.destinations.phoenix_server import PhoenixServer, running_phoenix
from tests.destinations.receiver import Received, receiving

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200), pytest.mark.xdist_group("phoenix-review")]  # one server
PATIENCE = Patience(poll_s=0.5, stable_s=20, max_s=300)


@pytest.fixture
def demo(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 20-record demo of a seed drawn from the test's name, so no two tests share an id."""
    seed = zlib.crc32(request.node.name.encode())
    cwd = tmp_path_factory.mktemp("demo")
    assert tracebridge("demo", "--records", "20", "--seed", str(seed), "-q", cwd=cwd).returncode == 0
    return cwd / "tracebridge-demo"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PhoenixServer]:
    with running_phoenix(tmp_path_factory.mktemp("phoenix")) as running:
        yield running


def _copy(demo: Path, target: Path) -> Path:
    target.mkdir()
    for path in demo.iterdir():
        if path.is_file():
            (target / path.name).write_bytes(path.read_bytes())
    return target


def _write(path: Path, rows: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))


def _send(out: Path, base_url: str, project: str) -> Any:
    return send(out, PhoenixDestination(base_url, project=project, patience=PATIENCE))


def _verify(out: Path, base_url: str, project: str) -> Any:
    destination = PhoenixDestination(base_url, project=project, patience=PATIENCE)
    return asyncio.run(destination.verify(out, Ledger(ledger_path(out, destination.target))))


def test_verify_reads_its_own_project_and_every_kind_once(demo: Path, tmp_path: Path, server: PhoenixServer) -> None:
    out = _copy(demo, tmp_path / "out")
    # Two judgments of one name on one experiment run: Phoenix keeps one evaluation per (run, name).
    evaluations = read_jsonl(out / "evaluations.jsonl")
    items = read_jsonl(out / "experiment_items.jsonl")
    ran = {(item["span_id"], item["experiment_id"]) for item in items if item["span_id"] and item["example_id"]}
    judged = next(e for e in evaluations if (e["span_id"], e["experiment_id"]) in ran)
    twin = {**judged, "evaluation_id": judged["evaluation_id"] + "-twin"}
    _write(out / "evaluations.jsonl", [*evaluations, twin])
    api = Phoenix(server.base_url)
    # Somebody's project whose name holds ours, made first: GraphQL's project filter would find it.
    assert api.client.post("/v1/projects", json={"name": "old-tb-x"}).status_code < 300

    report = _send(out, server.base_url, "tb-x")
    assert not report.rejects
    verification = _verify(out, server.base_url, "tb-x")
    assert verification.ok, verification.describe()
    checks = {check.what: check for check in verification.checks}
    assert checks["spans in project tb-x"].present == len(read_jsonl(out / "spans.jsonl"))
    for what in ("experiments", "experiment evaluations", "prompt tags"):
        assert checks[what].sent > 0 and checks[what].present == checks[what].sent, checks[what]

    # Both judgments are there, under names of their own.
    experiment_ids = [
        value["id"] for key, value in _ledger(out, server, "tb-x").items() if key.startswith("experiment:")
    ]
    held: Counter[str] = Counter()
    names: dict[str, str] = {}
    for experiment_id in experiment_ids:
        for run in api.get(f"/v1/experiments/{experiment_id}/json"):
            for annotation in run["annotations"]:
                evaluation_id = annotation["metadata"].get("tracebridge.evaluation.id")
                held[evaluation_id] += 1
                names[evaluation_id] = annotation["name"]
    assert held[judged["evaluation_id"]] == held[twin["evaluation_id"]] == 1
    assert names[judged["evaluation_id"]] != names[twin["evaluation_id"]]
    assert names[twin["evaluation_id"]] == f"{judged['name']} [{twin['evaluation_id']}]"

    # llm.provider and llm.system as OpenInference (and Phoenix's own mapping) name them, not the raw GenAI name.
    providers = set()
    for span in api.spans("tb-x"):
        attributes = span["attributes"]
        provider = attributes.get("gen_ai.provider.name")
        if provider and span["span_kind"] == "LLM":
            providers.add(provider)
            expected, system = PROVIDERS.get(provider, (None, provider))
            assert attributes.get("llm.provider") == expected, provider
            assert attributes.get("llm.system") == system, provider
    assert {"aws.bedrock", "azure.ai.openai"} & providers, providers

    # An experiment made twice is named as such.
    ledger = _ledger(out, server, "tb-x")
    source_id, made = next((k.removeprefix("experiment:"), v) for k, v in ledger.items() if k.startswith("experiment:"))
    body = {"name": "again", "metadata": {"tracebridge.experiment_id": source_id}}
    assert api.client.post(f"/v1/datasets/{made['dataset_id']}/experiments", json=body).status_code < 300
    again = _verify(out, server.base_url, "tb-x")
    checks = {check.what: check for check in again.checks}
    assert not again.ok and list(checks["experiments"].duplicated) == [source_id]
    api.close()


def _ledger(out: Path, server: PhoenixServer, project: str) -> dict[str, Any]:
    ledger = Ledger(ledger_path(out, f"phoenix {server.base_url} project {project}"))
    return {key: ledger.get(key) for key in ledger.keys_with_prefix("")}


def _experiments_made(api: Phoenix, out: Path) -> Counter[str]:
    """How many Phoenix experiments each source experiment of ``out`` made (the server holds other tests' too)."""
    ours = {row["experiment_id"] for row in read_jsonl(out / "experiments.jsonl")}
    return Counter(
        source
        for dataset in api.datasets().values()
        for experiment in api.experiments(dataset["id"])
        if (source := experiment["metadata"]["tracebridge.experiment_id"]) in ours
    )


def _forwarding(upstream: str, lose: re.Pattern[str]) -> tuple[Any, list[str]]:
    """An answer that passes every request on to ``upstream``, but loses Phoenix's answer (a 502 instead) the first
    time each POST whose path matches ``lose`` is made."""
    client = httpx.Client(base_url=upstream, timeout=120)
    lost: list[str] = []
    lock = threading.Lock()

    def forward(request: Received) -> tuple[int, dict[str, str], bytes]:
        headers = {k: v for k, v in request.headers.items() if k in ("content-type", "content-encoding", "accept")}
        answer = client.request(request.method, request.path, content=request.body, headers=headers)
        if request.method == "POST" and lose.fullmatch(request.path.split("?")[0]):
            key = f"{request.path} {request.body.decode(errors='replace')}"
            with lock:
                first = key not in lost
                lost.append(key)
            if first:
                return 502, {}, b'{"detail": "the answer was lost on the way"}'
        return answer.status_code, {"Content-Type": answer.headers.get("content-type", "")}, answer.content

    return forward, lost


def test_a_lost_answer_makes_no_prompt_version_or_experiment_twice(
    demo: Path, tmp_path: Path, server: PhoenixServer
) -> None:
    out = _copy(demo, tmp_path / "out")
    forward, lost = _forwarding(server.base_url, re.compile(r"/v1/prompts|/v1/datasets/[^/]+/experiments"))
    with receiving() as proxy:
        proxy.answers["/"] = forward
        report = _send(out, proxy.base_url, "tb-lost")
    assert lost and not report.rejects
    versions = [row for row in read_jsonl(out / "definition_versions.jsonl") if row["definition_type"] == "prompt"]
    api = Phoenix(server.base_url)
    ours = {row["version_id"] for row in versions}
    made = Counter(
        source
        for name in api.prompts()
        for version in api.versions(name)
        if (source := version["metadata"]["tracebridge.source_version_id"]) in ours
    )
    assert made == Counter(row["version_id"] for row in versions), "each version once"
    experiments = _experiments_made(api, out)
    assert experiments and set(experiments.values()) == {1}, experiments
    assert report.sent["experiment"] == len(experiments)
    api.close()


def test_an_experiment_on_a_dataset_already_sent_gets_its_repetitions_and_is_counted(
    demo: Path, tmp_path: Path, server: PhoenixServer
) -> None:
    out = _copy(demo, tmp_path / "out")
    examples = {row["example_id"]: row["dataset_id"] for row in read_jsonl(out / "dataset_examples.jsonl")}
    items = read_jsonl(out / "experiment_items.jsonl")
    on_dataset: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in items:
        if examples.get(item["example_id"]) and item["trace_id"]:
            on_dataset[item["experiment_id"]].append(item)
    experiment_id, its = next(iter(on_dataset.items()))
    dataset_id = examples[its[0]["example_id"]]
    rows = read_jsonl(out / "experiments.jsonl")
    _write(
        out / "experiments.jsonl",
        [{**row, "dataset_id": dataset_id} if row["experiment_id"] == experiment_id else row for row in rows],
    )
    again = [{**item, "repetition": 2} for item in its]
    _write(out / "experiment_items.jsonl", [*items, *again])

    report = _send(out, server.base_url, "tb-reps")
    made = _ledger(out, server, "tb-reps")[f"experiment:{experiment_id}"]
    api = Phoenix(server.base_url)
    experiment = api.get(f"/v1/experiments/{made['id']}")["data"]
    assert experiment["repetitions"] == 2
    runs = api.runs(made["id"])
    assert Counter(run["repetition_number"] for run in runs)[2] == len(its)
    made_count = sum(_experiments_made(api, out).values())
    assert report.sent["experiment"] == made_count, "every experiment made is counted as sent"
    api.close()


def test_a_datasets_versions_are_uploaded_oldest_first(demo: Path, tmp_path: Path, server: PhoenixServer) -> None:
    """Each upload is a Phoenix dataset version: a source dataset's versions go in the order they were made, whatever
    order the directory lists their examples in."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.json").write_bytes((demo / "manifest.json").read_bytes())
    for path in demo.glob("*.jsonl"):
        (out / path.name).write_text("")  # nothing but the dataset's examples and versions (written below)
    examples = [row for row in read_jsonl(demo / "dataset_examples.jsonl") if row["dataset_id"]]
    dataset_id = examples[0]["dataset_id"]
    examples = list({row["example_id"]: row for row in examples if row["dataset_id"] == dataset_id}.values())
    half = len(examples) // 2
    newer = [{**row, "dataset_version_id": "dsv_newer"} for row in examples[:half]]
    older = [{**row, "dataset_version_id": "dsv_older"} for row in examples[half:]]
    _write(out / "dataset_examples.jsonl", [*newer, *older])
    template = next(row for row in read_jsonl(demo / "definition_versions.jsonl") if row["definition_type"] == "tool")
    versions = [
        {**template, "version_id": version_id, "definition_id": dataset_id, "definition_type": "dataset",
         "created_at_unix_nano": made}
        for version_id, made in (("dsv_newer", 1_717_300_000 * 10**9), ("dsv_older", 1_717_200_000 * 10**9))
    ]  # fmt: skip
    _write(out / "definition_versions.jsonl", versions)

    report = _send(out, server.base_url, "tb-versions")
    assert report.sent["dataset_example"] == len(examples)
    made = _ledger(out, server, "tb-versions")[f"dataset:{dataset_id}"]
    api = Phoenix(server.base_url)
    listed = sorted(
        api.pages(f"/v1/datasets/{made['id']}/versions"),
        key=lambda version: int(base64.b64decode(version["version_id"]).decode().rsplit(":", 1)[1]),
    )
    assert len(listed) == 2
    first = api.get(f"/v1/datasets/{made['id']}/examples", version_id=listed[0]["version_id"])["data"]["examples"]
    assert {example["id"] for example in first} == {row["example_id"] for row in older}
    api.close()


def test_verify_names_spans_another_project_holds_as_missing(demo: Path, tmp_path: Path, server: PhoenixServer) -> None:
    """Phoenix keeps span ids unique across its projects and drops, silently, a span another project holds: the same
    directory sent to a second project leaves that project empty (it does not even exist). ``--verify`` says every
    span is missing and why, exit 3, rather than failing on the project's 404."""
    first = _copy(demo, tmp_path / "first")
    assert not _send(first, server.base_url, "tb-first").rejects
    second = _copy(demo, tmp_path / "second")  # the same records, a ledger of its own
    # Nothing of it will ever arrive: a short wait once nothing more does (the default, 30 s, is for real sends).
    done = tracebridge(
        "send", str(second), "--to", "phoenix", "--endpoint", server.base_url, "--project", "tb-second", "--verify",
        "--verify-wait", "5", timeout=600,
    )  # fmt: skip
    assert done.returncode == 3, done.stderr
    # The server's address is named in the summary, and a port may hold the digits 404 (it did: 127.0.0.1:40499).
    stderr = done.stderr.replace(server.base_url, "PHOENIX")
    assert "Traceback" not in stderr and not re.search(r"(?<![\d,])404(?![\d,])", stderr), done.stderr
    spans = len(read_jsonl(second / "spans.jsonl"))
    assert re.search(rf"spans in project tb-second +{spans:,} sent +0 there +MISSING {spans:,}", done.stdout)
    assert "Phoenix keeps span ids unique across all its projects" in done.stdout, done.stdout
    assert re.search(r"span annotations .* 0 there +MISSING", done.stdout), done.stdout
    assert "project tb-second does not exist in Phoenix" in done.stdout


def test_a_run_whose_example_was_not_exported_gets_one_made_of_its_input(
    demo: Path, tmp_path: Path, server: PhoenixServer
) -> None:
    """A Humanloop evaluation log whose datapoint came back null names an example the directory does not hold. Its
    run is kept: an example is made of the run's input under the source's id, in the dataset version its experiment
    runs on, and a second send changes nothing."""
    out = _copy(demo, tmp_path / "out")
    # The Humanloop v5 runs and the examples their logs embed (no dataset): the v4 evaluation's dataset holds some of
    # the same datapoints, and an item whose example only another dataset holds is another matter (rejected).
    examples = [row for row in read_jsonl(out / "dataset_examples.jsonl") if not row["dataset_id"]]
    items = [row for row in read_jsonl(out / "experiment_items.jsonl") if row["experiment_id"].startswith("run_")]
    _write(out / "experiment_items.jsonl", items)
    ran = [item for item in items if item["example_id"] and item["span_id"]]
    by_experiment: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in ran:
        by_experiment[item["experiment_id"]].append(item)
    humanloop = list(by_experiment)
    held = {row["example_id"] for row in examples}
    # One experiment loses every example, another a few (and some were in the v4 dataset only).
    dropped = {item["example_id"] for item in by_experiment[humanloop[0]]}
    dropped |= {item["example_id"] for item in by_experiment[humanloop[1]][:3]}
    dropped |= {item["example_id"] for item in ran if item["example_id"] not in held}
    _write(out / "dataset_examples.jsonl", [row for row in examples if row["example_id"] not in dropped])

    report = _send(out, server.base_url, "tb-made")
    assert not report.rejects, [reject.reason for reject in report.rejects][:3]
    assert report.sent["dataset_example made from a run"] == len(dropped)
    ledger = _ledger(out, server, "tb-made")
    api = Phoenix(server.base_url)
    spans = {row["span_id"]: row for row in read_jsonl(out / "spans.jsonl")}
    for experiment_id, its in by_experiment.items():
        made = ledger[f"experiment:{experiment_id}"]
        experiment = api.get(f"/v1/experiments/{made['id']}")["data"]
        version = api.get(f"/v1/datasets/{made['dataset_id']}/examples", version_id=experiment["dataset_version_id"])[
            "data"
        ]["examples"]
        held = {example["id"]: example for example in version}
        assert {item["example_id"] for item in its} <= held.keys(), experiment_id
        assert len(api.runs(made["id"])) == len({(item["example_id"], item["repetition"]) for item in its})
        for item in its:
            if item["example_id"] in dropped:
                example = held[item["example_id"]]
                assert example["metadata"]["tracebridge.made_from"]["span_id"]
                span = spans[example["metadata"]["tracebridge.made_from"]["span_id"]]
                messages = span["attributes"].get("gen_ai.input.messages") or None
                assert example["input"].get("messages") == messages, example
    verification = _verify(out, server.base_url, "tb-made")
    assert verification.ok, verification.describe()

    again = _send(out, server.base_url, "tb-made")
    assert sum(again.sent.values()) == 0 and not again.rejects, again.describe()
    rejects = rejects_path(ledger_path(out, f"phoenix {server.base_url} project tb-made"))
    assert not rejects.exists() or not rejects.read_text().strip()
    api.close()
