"""The views answer with the numbers a user would compute by hand from the JSONL output."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest
from tracebridge.records import Evaluation, Provenance
from tracebridge.sinks.duckdb_sink import DuckDbSink
from tracebridge.sinks.duckdb_views import MODEL_OPERATIONS, ScoreName, column_names

from tests.sinks.conftest import read_jsonl


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _sum(*values: float | None) -> float | None:
    return None if any(v is None for v in values) else sum(v for v in values if v is not None)


def _expected_llm_calls(spans: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    out = []
    for span in spans:
        a = span["attributes"]
        if span["kind"] != "CLIENT" and a.get("gen_ai.operation.name") not in MODEL_OPERATIONS:
            continue
        input_tokens, output_tokens = a.get("gen_ai.usage.input_tokens"), a.get("gen_ai.usage.output_tokens")
        total = a.get("tracebridge.usage.total_tokens", _sum(input_tokens, output_tokens))
        cost = a.get("tracebridge.cost.total_usd")
        if cost is None:
            cost = _sum(a.get("tracebridge.cost.input_usd"), a.get("tracebridge.cost.output_usd"))
        start, end = span["start_time_unix_nano"], span["end_time_unix_nano"]
        if start is not None and end is not None:
            latency = (end - start) / 1e6
        elif "tracebridge.duration_ns" in a:
            latency = a["tracebridge.duration_ns"] / 1e6
        else:
            latency = None
        out.append(
            (
                span["span_id"],
                a.get("gen_ai.response.model", a.get("gen_ai.request.model")),
                a.get("gen_ai.provider.name"),
                input_tokens,
                output_tokens,
                None if total is None else int(total),
                None if cost is None else round(cost, 9),
                None if latency is None else round(latency, 6),
                span["status_code"],
                a.get("session.id", span["provenance"]["session_id"]),
            )
        )
    return sorted(out, key=repr)


def test_llm_calls_tokens_cost_latency(written: Path) -> None:
    expected = _expected_llm_calls(read_jsonl(written / "spans.jsonl"))
    with duckdb.connect(str(written / "tracebridge.duckdb"), read_only=True) as connection:
        rows = connection.execute(
            """SELECT span_id, model, provider, input_tokens, output_tokens, total_tokens, round(cost_usd, 9),
            round(latency_ms, 6), status_code, session_id FROM llm_calls"""
        ).fetchall()
        totals = connection.execute(
            "SELECT sum(input_tokens), sum(output_tokens), sum(cost_usd) FROM llm_calls"
        ).fetchone()
    assert sorted(rows, key=repr) == expected
    # Not vacuous: the fixtures have model calls with tokens, costs and latencies.
    assert len(expected) >= 5
    assert totals[0] == sum(r[3] or 0 for r in expected) > 0
    assert totals[1] == sum(r[4] or 0 for r in expected) > 0
    assert totals[2] == pytest.approx(sum(r[6] or 0 for r in expected)) and totals[2] > 0
    # By hand: the Humanloop v4 deepseek call ran from ...598.5 s to ...599.75 s.
    assert [r[7] for r in expected if r[2] == "deepseek"] == [1250.0]


def _expected_scores(evaluations: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    judged = [e for e in evaluations if e["span_id"] is not None]

    def value(e: dict[str, Any], kind: str) -> Any:
        a = e["attributes"]
        if kind == "score_value":
            return _number(a.get("gen_ai.evaluation.score.value"))
        return a.get("gen_ai.evaluation.score.label" if kind == "score_label" else "gen_ai.evaluation.explanation")

    kinds: dict[str, str] = {}
    for name in {e["name"] for e in judged}:
        same = [e for e in judged if e["name"] == name]
        if any(value(e, "score_value") is not None for e in same):
            kinds[name] = "score_value"
        elif any(value(e, "score_label") is not None for e in same):
            kinds[name] = "score_label"
        else:
            kinds[name] = "explanation"
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for e in judged:
        out.setdefault((e["trace_id"], e["span_id"]), dict.fromkeys(kinds))
    latest: dict[tuple[str, str, str], tuple[Any, ...]] = {}
    for e in judged:
        v = value(e, kinds[e["name"]])
        if v is None:
            continue
        key = (e["trace_id"], e["span_id"], e["name"])
        rank = (e["time_unix_nano"] if e["time_unix_nano"] is not None else -1, e["evaluation_id"])
        if key not in latest or rank > latest[key][0]:
            latest[key] = (rank, v)
    for (trace_id, span_id, name), (_, v) in latest.items():
        out[(trace_id, span_id)][name] = v
    return out


def test_scores_pivot_one_row_per_span_one_column_per_name(written: Path) -> None:
    expected = _expected_scores(read_jsonl(written / "evaluations.jsonl"))
    with duckdb.connect(str(written / "tracebridge.duckdb"), read_only=True) as connection:
        result = connection.execute("SELECT * FROM scores")
        names = [d[0] for d in result.description]
        rows = result.fetchall()
    assert names[:2] == ["trace_id", "span_id"]
    assert sorted(names[2:]) == sorted(next(iter(expected.values())))
    got = {(row[0], row[1]): dict(zip(names[2:], row[2:], strict=True)) for row in rows}
    assert got == expected
    # Numeric names are numbers, label-only names are labels, and a repeated judgment keeps the latest.
    values = [v for row in got.values() for v in row.values() if v is not None]
    assert any(isinstance(v, float) for v in values) and any(isinstance(v, str) for v in values)


def test_scores_columns_do_not_clash_with_keys_or_each_other() -> None:
    def names(*scores: tuple[str, tuple[str, ...]]) -> list[str]:
        return column_names([ScoreName(name, systems, None) for name, systems in scores])

    assert names(("accuracy", ("humanloop",)), ("Accuracy", ("humanloop",)), ("span_id", ()), ("x", ())) == [
        "accuracy",
        "Accuracy (2)",
        "span_id (2)",
        "x",
    ]
    # Near-duplicates from different vendors say which vendor; spacing and case do not make a name new.
    assert names(("Tone", ("humanloop",)), ("tone", ("galileo",)), ("tone ", ("galileo",))) == [
        "Tone (humanloop)",
        "tone (galileo)",
        "tone (galileo) (2)",
    ]


def test_scores_columns_for_bare_uuids_say_what_judged() -> None:
    uuid = "b7658ebe-1f0c-4e9a-9d7e-0c3f2f1a2b3c"
    assert column_names([ScoreName(uuid, ("galileo",), "like_dislike"), ScoreName(uuid.upper(), (), None)]) == [
        "like_dislike b7658ebe",
        "feedback B7658EBE",
    ]


def test_scores_keep_the_latest_judgment_and_fall_back_to_label_then_explanation(tmp_path: Path) -> None:
    provenance = Provenance(system="humanloop", api_version="v5", record_type="evaluator_log")

    def judged(evaluation_id: str, name: str, time: int | None, **attributes: Any) -> Evaluation:
        return Evaluation(
            evaluation_id=evaluation_id,
            name=name,
            target_type="span",
            trace_id="a" * 32,
            span_id="b" * 16,
            time_unix_nano=time,
            attributes={f"gen_ai.evaluation.{k.replace('_', '.')}": v for k, v in attributes.items()},
            provenance=provenance,
        )

    sink = DuckDbSink(tmp_path)
    sink.write(
        [
            judged("e1", "accuracy", 2_000, score_value=0.9),
            judged("e2", "accuracy", 1_000, score_value=0.2),
            judged("e3", "accuracy", None, score_value=0.5),
            judged("e4", "verdict", 1_000, score_label="pass"),
            judged("e5", "note", 1_000, explanation="terse but right"),
            judged("e6", 'say "hi"', 1_000, score_value=1),
        ]
    )
    sink.close()
    with duckdb.connect(str(tmp_path / "tracebridge.duckdb"), read_only=True) as connection:
        result = connection.execute("SELECT * FROM scores")
        row = dict(zip([d[0] for d in result.description], result.fetchone(), strict=True))
    assert row == {
        "trace_id": "a" * 32,
        "span_id": "b" * 16,
        "accuracy": 0.9,
        "note": "terse but right",
        'say "hi"': 1.0,
        "verdict": "pass",
    }
