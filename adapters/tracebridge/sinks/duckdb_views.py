"""The views of ``tracebridge.duckdb``: the questions users ask first, answered without JSON paths.

- ``llm_calls``: one row per model call (spans of kind CLIENT, or whose ``gen_ai.operation.name`` is a model
  operation), with model, provider, input/output/total tokens, cost in USD, latency in ms, status, ids and session.
- ``evaluation_scores``: one row per evaluation with its score value (``DOUBLE``), label and explanation pulled out
  of the attributes.
- ``scores``: evaluations pivoted per span: one row per judged span (``trace_id``, ``span_id``), one column per
  evaluation name. A column holds the score value if that name has numeric scores anywhere, else its label, else its
  explanation (text judgments). When a span was judged several times under one name, the latest judgment wins (by
  time, then evaluation id, so the choice is deterministic). DuckDB's ``PIVOT`` cannot be a view over names unknown
  in advance, so the column list is built from the names present when the database is written.
"""

from __future__ import annotations

from typing import Final

import duckdb

MODEL_OPERATIONS: Final = ("chat", "text_completion", "generate_content", "embeddings")
"""OTel GenAI ``gen_ai.operation.name`` values that are calls to a model."""

KEY_COLUMNS: Final = ("trace_id", "span_id")


def quote_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def quote_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def attribute(key: str, column: str = "attributes") -> str:
    """SQL for one attribute as text; keys are dotted, so the JSON path quotes them."""
    return f"({column}->>{quote_literal('$.' + quote_identifier(key))})"


def _number(key: str, sql_type: str) -> str:
    return f"TRY_CAST({attribute(key)} AS {sql_type})"


def llm_calls_sql() -> str:
    operations = ", ".join(quote_literal(op) for op in MODEL_OPERATIONS)
    input_tokens = _number("gen_ai.usage.input_tokens", "BIGINT")
    output_tokens = _number("gen_ai.usage.output_tokens", "BIGINT")
    input_cost = _number("tracebridge.cost.input_usd", "DOUBLE")
    output_cost = _number("tracebridge.cost.output_usd", "DOUBLE")
    return f"""
CREATE VIEW llm_calls AS
SELECT
    trace_id,
    span_id,
    parent_span_id,
    name,
    {attribute("gen_ai.operation.name")} AS operation,
    {attribute("gen_ai.provider.name")} AS provider,
    coalesce({attribute("gen_ai.response.model")}, {attribute("gen_ai.request.model")}) AS model,
    {attribute("gen_ai.request.model")} AS request_model,
    {input_tokens} AS input_tokens,
    {output_tokens} AS output_tokens,
    coalesce({_number("tracebridge.usage.total_tokens", "BIGINT")}, {input_tokens} + {output_tokens}) AS total_tokens,
    {input_cost} AS input_cost_usd,
    {output_cost} AS output_cost_usd,
    coalesce({_number("tracebridge.cost.total_usd", "DOUBLE")}, {input_cost} + {output_cost}) AS cost_usd,
    coalesce(
        (end_time_unix_nano - start_time_unix_nano) / 1e6,
        {_number("tracebridge.duration_ns", "DOUBLE")} / 1e6
    ) AS latency_ms,
    status_code,
    status_message,
    start_time,
    end_time,
    coalesce({attribute("session.id")}, provenance.session_id) AS session_id,
    provenance.system AS source_system
FROM spans
WHERE kind = 'CLIENT' OR {attribute("gen_ai.operation.name")} IN ({operations})
"""


EVALUATION_SCORES_SQL: Final = f"""
CREATE VIEW evaluation_scores AS
SELECT
    evaluation_id,
    name,
    target_type,
    trace_id,
    span_id,
    session_id,
    experiment_id,
    status,
    time,
    time_unix_nano,
    TRY_CAST({attribute("gen_ai.evaluation.score.value")} AS DOUBLE) AS score_value,
    {attribute("gen_ai.evaluation.score.label")} AS score_label,
    {attribute("gen_ai.evaluation.explanation")} AS explanation,
    provenance.system AS source_system
FROM evaluations
"""

_PIVOT_KINDS: Final = ("score_value", "score_label", "explanation")


def _column_names(names: list[str]) -> list[str]:
    """Column names for evaluation names: DuckDB identifiers are case-insensitive and the keys are taken, so a
    clash gets a numbered suffix (``accuracy``, ``Accuracy (2)``)."""
    taken = {key.lower() for key in KEY_COLUMNS}
    out: list[str] = []
    for name in names:
        candidate, n = name, 1
        while candidate.lower() in taken:
            n += 1
            candidate = f"{name} ({n})"
        taken.add(candidate.lower())
        out.append(candidate)
    return out


def scores_sql(connection: duckdb.DuckDBPyConnection) -> str:
    """The ``scores`` view for the evaluation names in the database now."""
    rows = connection.execute(
        "SELECT name, bool_or(score_value IS NOT NULL), bool_or(score_label IS NOT NULL) "
        "FROM evaluation_scores WHERE span_id IS NOT NULL GROUP BY name ORDER BY name"
    ).fetchall()
    names = [str(row[0]) for row in rows]
    selects = [quote_identifier(key) for key in KEY_COLUMNS]
    for (name, has_value, has_label), column in zip(rows, _column_names(names), strict=True):
        kind = _PIVOT_KINDS[0] if has_value else _PIVOT_KINDS[1] if has_label else _PIVOT_KINDS[2]
        selects.append(
            f"arg_max({kind}, (coalesce(time_unix_nano, -1), evaluation_id)) "
            f"FILTER (WHERE name = {quote_literal(name)} AND {kind} IS NOT NULL) AS {quote_identifier(column)}"
        )
    return (
        f"CREATE VIEW scores AS SELECT {', '.join(selects)} FROM evaluation_scores "
        f"WHERE span_id IS NOT NULL GROUP BY trace_id, span_id"
    )


def create_views(connection: duckdb.DuckDBPyConnection) -> None:
    """Create every view; the tables must be loaded (``scores`` reads the evaluation names present)."""
    connection.execute(llm_calls_sql())
    connection.execute(EVALUATION_SCORES_SQL)
    connection.execute(scores_sql(connection))
