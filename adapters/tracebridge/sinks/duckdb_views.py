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

  Column names are the evaluations' readable names: a Galileo scorer's alias (``metric_key_alias``), a Humanloop
  evaluator's name or path. A name that is only a UUID (Galileo feedback and annotation templates have no other)
  becomes its kind and the UUID's first 8 digits (``like_dislike b7658ebe``). Whitespace runs become one space.
  Names that then differ only in case are told apart by their vendor when they come from different vendors
  (``tone (galileo)``, ``Tone (humanloop)``), then by a number (``(2)``) in the order of the names;
  ``trace_id`` and ``span_id`` are never taken.
"""

from __future__ import annotations

import re
from typing import Final

import attrs
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
    coalesce({attribute("tracebridge.evaluation.feedback_type")}, provenance.record_type) AS feedback_type,
    provenance.system AS source_system
FROM evaluations
"""

_PIVOT_KINDS: Final = ("score_value", "score_label", "explanation")


_UUID: Final = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


@attrs.frozen
class ScoreName:
    """One evaluation name as the database holds it, and what tells it apart from others."""

    name: str
    systems: tuple[str, ...]
    kind: str | None
    """What judged: a Galileo feedback type (``like_dislike``, ``star``...), for names that are only a UUID."""


def readable(score: ScoreName) -> str:
    """The name a person would type: whitespace collapsed, a bare UUID replaced by its kind and first 8 digits."""
    if _UUID.match(score.name):
        return f"{score.kind or 'feedback'} {score.name[:8]}"
    return " ".join(score.name.split()) or "(unnamed)"


def _fold(name: str) -> str:
    return name.lower()


def column_names(scores: list[ScoreName]) -> list[str]:
    """A column name per evaluation name: readable, and unique whatever the case (DuckDB's identifiers are not).

    Names that fold to one column are told apart by their vendor when the clashing names come from different vendors,
    then by a number in the order given; the first name of a group keeps its bare name when no vendor tells it apart.
    """
    bases = [readable(score) for score in scores]
    groups: dict[str, set[tuple[str, ...]]] = {}
    for score, base in zip(scores, bases, strict=True):
        groups.setdefault(_fold(base), set()).add(score.systems)
    taken = {_fold(key) for key in KEY_COLUMNS}
    out: list[str] = []
    for score, readable_name in zip(scores, bases, strict=True):
        vendor_tells = len(groups[_fold(readable_name)]) > 1 and len(score.systems) == 1
        base = f"{readable_name} ({score.systems[0]})" if vendor_tells else readable_name
        candidate, n = base, 1
        while _fold(candidate) in taken:
            n += 1
            candidate = f"{base} ({n})"
        taken.add(_fold(candidate))
        out.append(candidate)
    return out


def scores_sql(connection: duckdb.DuckDBPyConnection) -> str:
    """The ``scores`` view for the evaluation names in the database now."""
    # list(DISTINCT ...): a name's systems held once each. A plain list(...) held one value per evaluation, the only
    # part of building the database whose memory grew with the records (at 1,000,000 evaluations it ran past the
    # build's memory limit, and the build fell back to loading with none).
    rows = connection.execute(
        "SELECT name, bool_or(score_value IS NOT NULL), bool_or(score_label IS NOT NULL), "
        "list_sort(list_distinct(list(DISTINCT source_system))), min(feedback_type) "
        "FROM evaluation_scores WHERE span_id IS NOT NULL GROUP BY name ORDER BY name"
    ).fetchall()
    scores = [ScoreName(str(row[0]), tuple(row[3]), row[4]) for row in rows]
    selects = [quote_identifier(key) for key in KEY_COLUMNS]
    for (name, has_value, has_label, _systems, _kind), column in zip(rows, column_names(scores), strict=True):
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
