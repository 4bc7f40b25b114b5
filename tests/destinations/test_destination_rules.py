"""Rules of ours that need no server: ``PhoenixVerifier``'s wait for spans, ledger names, the OpenInference provider
names, and the names judgments go under in Phoenix.

Phoenix stores spans after it answers; in a project that already held spans, its span count says nothing of whether
the ones just sent are stored, so the verifier waits on the missing ids themselves. The stand-in answers as Phoenix
would while its inserter catches up: a large count at once, the sent ids only on the third read.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from tracebridge.cli import main
from tracebridge.destinations.ledger import Ledger, ledger_path
from tracebridge.destinations.openinference import openinference_attributes
from tracebridge.destinations.phoenix import from_options
from tracebridge.destinations.phoenix_experiments import evaluation_names
from tracebridge.destinations.phoenix_judgments import annotation
from tracebridge.destinations.phoenix_verify import Patience, PhoenixVerifier
from tracebridge.destinations.registry import SendOptions
from tracebridge.records import Evaluation, Provenance, Span

SENT = [f"{n:016x}" for n in range(1, 6)]


class SlowPhoenix:
    """A project that holds 10,000 spans of its own, and the sent ones only after two reads of its span ids."""

    def __init__(self) -> None:
        self.reads = 0

    async def span_count(self, project: str) -> int:
        return 10_000

    async def project_id(self, project: str) -> str:
        return "UHJvamVjdDox"

    async def graphql(self, query: str, variables: dict[str, Any]) -> Any:
        self.reads += 1
        ids = ["f" * 16, *(SENT if self.reads >= 3 else ())]
        spans = {"edges": [{"node": {"spanId": i}} for i in ids], "pageInfo": {"hasNextPage": False, "endCursor": None}}
        return {"node": {"spans": spans}, "projects": {"edges": [{"node": {"spans": spans}}]}}


def test_verify_waits_for_the_sent_spans_not_for_the_projects_count(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "ledger.jsonl")
    ledger.record({f"span:{span_id}": True for span_id in SENT})
    phoenix = SlowPhoenix()
    verifier = PhoenixVerifier(phoenix, "p", Patience(poll_s=0.01, stable_s=5, max_s=10))  # type: ignore[arg-type]
    check = asyncio.run(verifier._spans(ledger))
    assert check.missing == [] and check.present == len(SENT)
    assert phoenix.reads >= 3


def ledger_name(target: str) -> str:
    return ledger_path(Path("out"), target).name


def test_two_long_targets_sharing_a_beginning_keep_two_ledgers() -> None:
    base = "phoenix http://127.0.0.1:6006/" + "a" * 150 + " project "
    one, two = ledger_name(base + "one"), ledger_name(base + "two")
    assert one != two and len(one) <= 126 and len(two) <= 126
    assert ledger_name("phoenix http://127.0.0.1:6006 project x") == "phoenix_http_127.0.0.1_6006_project_x.jsonl"


def _span(attributes: dict[str, Any]) -> Span:
    return Span(
        trace_id="1" * 32,
        span_id="2" * 16,
        parent_span_id=None,
        name="span",
        attributes=attributes,
        provenance=Provenance(system="humanloop", api_version="v5", record_type="log"),
    )


def test_openinference_names_providers_as_phoenix_does_and_keeps_what_the_span_carries() -> None:
    chat = {"gen_ai.operation.name": "chat", "gen_ai.request.model": "m"}
    bedrock = openinference_attributes(_span({**chat, "gen_ai.provider.name": "aws.bedrock"}))
    assert bedrock["llm.provider"] == "aws" and "llm.system" not in bedrock
    azure = openinference_attributes(_span({**chat, "gen_ai.provider.name": "azure.ai.openai"}))
    assert (azure["llm.provider"], azure["llm.system"]) == ("azure", "openai")
    unknown = openinference_attributes(_span({**chat, "gen_ai.provider.name": "mock"}))
    assert "llm.provider" not in unknown and "llm.system" not in unknown, "Phoenix derives those itself"
    own = openinference_attributes(_span({**chat, "gen_ai.provider.name": "openai", "llm.provider": "mine"}))
    assert own["llm.provider"] == "mine"
    embedding = openinference_attributes(_span({"gen_ai.operation.name": "embeddings", "gen_ai.request.model": "e"}))
    assert embedding["embedding.model_name"] == "e" and "llm.model_name" not in embedding


def test_judgment_names_phoenix_would_merge_or_refuse_are_made_distinct() -> None:
    provenance = Provenance(system="humanloop", api_version="v5", record_type="evaluator_log")

    def judgment(evaluation_id: str, name: str) -> Evaluation:
        return Evaluation(evaluation_id=evaluation_id, name=name, target_type="span", provenance=provenance)

    judged = [judgment("a", "accuracy"), judgment("b", "accuracy"), judgment("c", "tone")]
    assert evaluation_names(judged) == ["accuracy [a]", "accuracy [b]", "tone"]
    assert annotation(judgment("n", "note"), "span", "2" * 16)["name"] == "note (judgment)"


def test_verify_wait_reaches_phoenix_s_patience_and_is_range_checked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    destination = from_options(SendOptions(verify_wait=2.5))
    assert destination.patience.stable_s == 2.5
    assert from_options(SendOptions()).patience == Patience(), "no --verify-wait: the default"
    for argv, message in (
        (["--verify-wait", "5"], "--verify-wait applies only with --verify"),
        (["--verify", "--verify-wait", "-1"], "--verify-wait must be a number of seconds, 0 or more, got -1"),
        (["--verify", "--verify-wait", "nan"], "--verify-wait must be a number of seconds, 0 or more, got nan"),
    ):
        code = main(["send", str(tmp_path), "--to", "phoenix", "--endpoint", "http://127.0.0.1:9", *argv])
        assert (code, capsys.readouterr().err) == (2, f"tracebridge send: {message}\n"), argv
