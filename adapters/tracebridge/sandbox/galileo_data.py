"""The sandbox's Galileo project: a log stream and an experiment of generated sessions, traces and span trees.

Each run (the log stream, the experiment) holds ``records`` traces. Trace ``t`` is a pure function of
``(seed, run, t)``: its span tree (every span type: llm, tool, retriever, workflow, agent, control, nested), its
metrics (durations, token counts, cost, and scorer metrics keyed by UUID with their ``metric_key_alias``), per-metric
statuses, feedback and annotations. Traces are grouped into sessions of one to six, in blocks of eight traces, so
session ``s`` and trace ``t`` can both be built directly, without the ones before them, and a million-trace export
streams in bounded memory. ``created_at`` grows with the trace index; the spans of a trace follow its start.

Inputs and outputs carry e-mail addresses and phone numbers; ``redacted_input`` / ``redacted_output`` hold the masked
text a redacting export serves instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from tracebridge.sandbox.content import CONVERSATIONS, FINISH_REASONS, MODELS, Conversation, redact_text
from tracebridge.sandbox.determinism import fast_uuid, iso_utc, mix64, stream_key, uuid_for

TRACES_START_US = 1_738_368_000_000_000
"""2025-02-01T00:00:00Z; traces follow about five seconds apart, so a million of them end in the past."""
TRACE_GAP_US = 5_000_000
BLOCK = 8
SESSION_PATTERNS = ((3, 2, 3), (1, 4, 3), (2, 5, 1), (4, 1, 3), (2, 3, 3), (1, 1, 6))
"""How a block of eight traces splits into three sessions."""
SESSIONS_PER_BLOCK = 3

Shape = tuple[tuple[str, "Shape"], ...]
SHAPES: tuple[Shape, ...] = (
    (
        (
            "agent",
            (
                ("llm", ()),
                ("tool", ()),
                ("retriever", ()),
                ("control", ()),
                ("workflow", (("llm", ()), ("tool", ()))),
            ),
        ),
    ),
    (("llm", ()),),
    (("workflow", (("retriever", ()), ("llm", ()))),),
    (("control", ()), ("llm", ()), ("control", ())),
    (("agent", (("llm", ()), ("tool", ()), ("llm", ()))),),
    (("retriever", ()), ("llm", ())),
    (("agent", (("agent", (("llm", ()), ("tool", ()))), ("llm", ()))),),
)
"""Span trees of a trace: (type, children) pairs; the first has every span type."""

RUN_KINDS = ("log_stream", "experiment")


def score_aggregate(values: list[int]) -> dict[str, Any]:
    """Galileo's aggregate of ``score`` annotations: buckets of the 1..5 scale, the average, nobody unrated."""
    buckets = [
        {"min_inclusive": low, "max_exclusive": low + 1 if low < 5 else None, "count": values.count(low)}
        for low in range(1, 6)
    ]
    return {
        "aggregate": {
            "annotation_type": "score",
            "buckets": buckets,
            "average": sum(values) / len(values),
            "unrated_count": 0,
        }
    }


@attrs.frozen
class Scorer:
    key: str
    """The metric key: a UUID, as Galileo keys scorer metrics since April 2026."""
    alias: str
    scorer_type: str
    kind: str
    """number, boolean or category."""


class GalileoData:
    """Ids and records of the generated Galileo project."""

    def __init__(self, seed: int, records: int) -> None:
        self.seed = seed
        self.records = records
        self.project_id = uuid_for(seed, "galileo", "project")
        self.log_stream_id = uuid_for(seed, "galileo", "log_stream")
        self.experiment_id = uuid_for(seed, "galileo", "experiment")
        self.run_ids = {"log_stream": self.log_stream_id, "experiment": self.experiment_id}
        self.scorers = (
            Scorer(uuid_for(seed, "scorer", "correctness"), "correctness", "Luna", "number"),
            Scorer(uuid_for(seed, "scorer", "toxicity"), "toxicity", "Plus", "number"),
            Scorer(uuid_for(seed, "scorer", "tone"), "tone", "Plus", "category"),
            Scorer(uuid_for(seed, "scorer", "instruction_adherence"), "instruction_adherence", "Luna", "boolean"),
        )
        self.feedback_templates = (
            (uuid_for(seed, "feedback", "thumbs"), "like_dislike"),
            (uuid_for(seed, "feedback", "stars"), "star"),
            (uuid_for(seed, "feedback", "tags"), "tags"),
            (uuid_for(seed, "feedback", "note"), "text"),
        )
        self.annotation_template = uuid_for(seed, "annotation", "quality")
        self.annotators = (uuid_for(seed, "annotator", 0), uuid_for(seed, "annotator", 1))
        self.queue_id = uuid_for(seed, "annotation-queue")
        self._bases = {run: stream_key(seed, f"galileo:{run}") for run in RUN_KINDS}

    # --- layout -------------------------------------------------------------------------------------------------

    def session_count(self) -> int:
        full, rest = divmod(self.records, BLOCK)
        count = full * SESSIONS_PER_BLOCK
        if rest:
            pattern = self._pattern(full)
            start = 0
            for length in pattern:
                if start < rest:
                    count += 1
                start += length
        return count

    def _pattern(self, block: int) -> tuple[int, int, int]:
        return SESSION_PATTERNS[mix64(self._bases["log_stream"] ^ (block * 0x51)) % len(SESSION_PATTERNS)]

    def session_traces(self, session: int) -> range:
        """The trace indices of session ``session``."""
        block, j = divmod(session, SESSIONS_PER_BLOCK)
        pattern = self._pattern(block)
        start = block * BLOCK + sum(pattern[:j])
        return range(start, min(start + pattern[j], self.records))

    def session_of(self, trace: int) -> tuple[int, int]:
        """(session index, position in the session) of a trace."""
        block, offset = divmod(trace, BLOCK)
        pattern = self._pattern(block)
        start = 0
        for j, length in enumerate(pattern):
            if offset < start + length:
                return block * SESSIONS_PER_BLOCK + j, offset - start
            start += length
        raise AssertionError("a block pattern covers its eight traces")  # pragma: no cover

    # --- records ------------------------------------------------------------------------------------------------

    def session(self, run: str, session: int) -> dict[str, Any]:
        """Session ``session`` of ``run`` with its traces (and their spans) nested."""
        base = self._bases[run]
        traces = [self.trace(run, t) for t in self.session_traces(session)]
        first, last = traces[0], traces[-1]
        s_hash = mix64(base ^ (session << 20) ^ 0x5E55)
        conversation = CONVERSATIONS[s_hash % len(CONVERSATIONS)]
        duration = sum(t["metrics"]["duration_ns"] for t in traces)
        record = self._common(
            run,
            node_id=first["session_id"],
            kind="session",
            name=f"conversation-{session}",
            created_us=TRACES_START_US + self.session_traces(session).start * TRACE_GAP_US + (s_hash % 1000),
            h=s_hash,
            session_id=first["session_id"],
            trace_id=None,
        )
        record["created_at"] = first["created_at"]
        record["updated_at"] = last["updated_at"]
        record.update(
            {
                "input": first["input"],
                "redacted_input": first["redacted_input"],
                "output": last["output"],
                "redacted_output": last["redacted_output"],
                "has_children": True,
                "metrics": {"duration_ns": duration, "num_traces": len(traces)},
                "metric_info": self._roll_up(s_hash),
                "previous_session_id": self.session_id(run, session - 1) if session % 5 else None,
                "num_traces": len(traces),
                "user_metadata": {
                    "customer_tier": ("free", "pro", "enterprise")[s_hash % 3],
                    "topic": conversation.topic,
                },
                "traces": traces,
            }
        )
        return record

    def session_id(self, run: str, session: int) -> str:
        return fast_uuid(self._bases[run] ^ 0x5E55, session)

    def trace_id(self, run: str, trace: int) -> str:
        return fast_uuid(self._bases[run] ^ 0x7ACE, trace)

    def trace(self, run: str, trace: int) -> dict[str, Any]:
        """Trace ``trace`` of ``run`` with its spans nested."""
        base = self._bases[run]
        h = mix64(base ^ trace)
        session, position = self.session_of(trace)
        conversation = CONVERSATIONS[h % len(CONVERSATIONS)]
        shape = SHAPES[(h >> 8) % len(SHAPES)]
        start_us = TRACES_START_US + trace * TRACE_GAP_US + (h >> 16) % 1_000_000
        trace_id = self.trace_id(run, trace)
        session_id = self.session_id(run, session)
        context = _TraceContext(self, run, trace_id, session_id, conversation, start_us, h)
        spans = [context.span(kind, children, trace_id, depth=0) for kind, children in shape]
        user_text, reply = _turn(conversation, position)
        record = self._common(
            run,
            node_id=trace_id,
            kind="trace",
            name=("chat-turn", "rag-query", "agent-run", "triage")[h % 4],
            created_us=start_us,
            h=h,
            session_id=session_id,
            trace_id=trace_id,
        )
        tokens_in = sum(s["metrics"].get("num_input_tokens") or 0 for s in context.spans)
        tokens_out = sum(s["metrics"].get("num_output_tokens") or 0 for s in context.spans)
        cost = sum(s["metrics"].get("cost") or 0.0 for s in context.spans)
        metrics: dict[str, Any] = {
            "duration_ns": context.elapsed_us * 1000 + 250_000,
            "num_input_tokens": tokens_in,
            "num_output_tokens": tokens_out,
            "num_total_tokens": tokens_in + tokens_out,
            "cost": round(cost, 8),
        }
        metric_info = self._scores(h, metrics)
        record.update(
            {
                "input": user_text,
                "redacted_input": redact_text(user_text, conversation),
                "output": reply,
                "redacted_output": redact_text(reply, conversation),
                "has_children": True,
                "metrics": metrics,
                "metric_info": metric_info,
                "is_complete": h % 17 != 3,
                "num_spans": len(context.spans),
                "spans": spans,
            }
        )
        record["updated_at"] = iso_utc(start_us + context.elapsed_us + 1_000_000)
        if run == "experiment":
            record["dataset_input"] = conversation.turns[0][0]
            record["dataset_output"] = conversation.turns[0][1]
            record["dataset_metadata"] = {"split": ("train", "test")[h % 2], "row": str(trace)}
        return record

    def spans_of(self, trace: dict[str, Any]) -> Iterator[dict[str, Any]]:
        """Every span of a trace in pre-order (parents before children), children still nested."""
        stack = list(reversed(trace.get("spans") or []))
        while stack:
            span = stack.pop()
            yield span
            stack.extend(reversed(span.get("spans") or []))

    # --- parts --------------------------------------------------------------------------------------------------

    def _common(
        self,
        run: str,
        *,
        node_id: str,
        kind: str,
        name: str,
        created_us: int,
        h: int,
        session_id: str | None,
        trace_id: str | None,
    ) -> dict[str, Any]:
        rated = h % 3 == 0
        annotated = h % 7 == 0
        feedback: dict[str, Any] = {}
        if rated:
            thumbs, stars, tags, note = self.feedback_templates
            feedback[thumbs[0]] = {"feedback_type": thumbs[1], "value": h % 2 == 0, "explanation": None}
            if h % 2:
                feedback[stars[0]] = {"feedback_type": stars[1], "value": 1 + h % 5, "explanation": "ok"}
            if h % 5 == 0:
                feedback[tags[0]] = {
                    "feedback_type": tags[1],
                    "value": ["slow", "accurate"][: 1 + h % 2],
                    "explanation": None,
                }
                feedback[note[0]] = {"feedback_type": note[1], "value": "Solved on first try.", "explanation": None}
        annotations: dict[str, Any] = {}
        scores = [1 + (h >> j) % 5 for j in range(len(self.annotators))]
        if annotated:
            annotations[self.annotation_template] = {
                annotator: {"annotation_type": "score", "value": score, "explanation": None}
                for annotator, score in zip(self.annotators, scores, strict=True)
            }
        return {
            "id": node_id,
            "type": kind,
            "name": name,
            "created_at": iso_utc(created_us),
            "updated_at": iso_utc(created_us + 500_000),
            "user_metadata": {"env": ("prod", "staging")[h % 2], "app_version": f"3.{h % 7}.0"},
            "tags": [("prod", "beta", "canary")[h % 3]] + (["vip"] if h % 4 == 0 else []),
            "status_code": 500 if h % 23 == 11 else 200,
            "metrics": {},
            "external_id": f"ext-{h % 100000:05d}" if h % 6 == 0 else None,
            "dataset_input": None,
            "dataset_output": None,
            "dataset_metadata": {},
            "session_id": session_id,
            "trace_id": trace_id,
            "project_id": self.project_id,
            "run_id": self.run_ids[run],
            "has_children": False,
            "metrics_batch_id": fast_uuid(h, 0xBA7C) if h % 2 else None,
            "session_batch_id": None,
            "feedback_rating_info": feedback,
            "annotations": annotations,
            "file_ids": [],
            "file_modalities": [],
            "annotation_aggregates": {self.annotation_template: score_aggregate(scores)} if annotated else {},
            "annotation_agreement": {self.annotation_template: 0.8} if annotated else {},
            "overall_annotation_agreement": 0.8 if annotated else None,
            "annotation_queue_ids": [self.queue_id] if annotated else [],
            "fully_annotated": True if annotated else None,
            "progress_message": "",
            "error_message": "upstream returned 500" if h % 23 == 11 else "",
            "metric_info": None,
            "files": None,
        }

    def _scores(self, h: int, metrics: dict[str, Any]) -> dict[str, Any]:
        """Scorer metrics (keyed by UUID) into ``metrics`` and their statuses (success, pending, failed...)."""
        info: dict[str, Any] = {}
        for j, scorer in enumerate(self.scorers):
            pick = (h >> (4 * j + 3)) % 20
            common = {"scorer_type": scorer.scorer_type, "metric_key_alias": scorer.alias}
            if pick < 14:
                value: Any
                if scorer.kind == "number":
                    value = round(((h >> (5 * j)) % 1000) / 1000, 3)
                elif scorer.kind == "boolean":
                    value = (h >> j) % 3 != 0
                else:
                    value = ("friendly", "neutral", "curt")[(h >> j) % 3]
                metrics[scorer.key] = value
                info[scorer.key] = {
                    **common,
                    "status_type": "success",
                    "value": value,
                    "explanation": f"{scorer.alias} judged from the final answer.",
                    "cost": 0.00042,
                    "model_alias": "GPT-4o mini",
                    "num_judges": 3,
                    "multijudge_average": value if isinstance(value, float) else None,
                    "input_tokens": 812,
                    "output_tokens": 64,
                    "total_tokens": 876,
                    "critique": None,
                    "metadata": {"rubric": "v2", "latency_ms": 120} if scorer.scorer_type == "Luna" else None,
                    "display_value": str(value),
                    "rationale": None,
                }
            elif pick < 17:
                info[scorer.key] = {**common, "status_type": "pending"}
            elif pick < 19:
                info[scorer.key] = {
                    **common,
                    "status_type": "failed",
                    "message": "Metric failed to compute.",
                    "ems_error_code": 1042,
                    "standard_error": {
                        "error_code": 1042,
                        "error_type": "llm_api_error",
                        "error_group": "scorer",
                        "severity": "error",
                        "message": "Judge model timed out",
                        "retriable": True,
                        "blocking": False,
                    },
                }
            else:
                info[scorer.key] = {
                    **common,
                    "status_type": ("computing", "not_computed", "not_applicable", "error")[h % 4],
                    "message": "See status.",
                }
        return info

    def _roll_up(self, h: int) -> dict[str, Any]:
        scorer = self.scorers[0]
        return {
            scorer.key: {
                "scorer_type": scorer.scorer_type,
                "metric_key_alias": scorer.alias,
                "status_type": "roll_up",
                "value": round((h % 1000) / 1000, 3),
                "roll_up_metrics": {"average": round((h % 1000) / 1000, 3), "min": 0.1, "max": 0.97, "sum": 2.4},
            }
        }


def _turn(conversation: Conversation, position: int) -> tuple[str, str]:
    user, reply = conversation.turns[position % len(conversation.turns)]
    if position == 0:
        user = f"{user} Contact: {conversation.customer_email}, {conversation.customer_phone}."
    return user, reply


class _TraceContext:
    """Builds one trace's spans, handing out ids, step numbers and start times in pre-order."""

    def __init__(
        self,
        data: GalileoData,
        run: str,
        trace_id: str,
        session_id: str,
        conversation: Conversation,
        start_us: int,
        h: int,
    ) -> None:
        self.data = data
        self.run = run
        self.trace_id = trace_id
        self.session_id = session_id
        self.conversation = conversation
        self.start_us = start_us
        self.h = h
        self.elapsed_us = 0
        self.spans: list[dict[str, Any]] = []

    def span(self, kind: str, children: Shape, parent_id: str, *, depth: int) -> dict[str, Any]:
        step = len(self.spans)
        h = mix64(self.h ^ (step + 1) * 0x9E37)
        span_id = fast_uuid(self.h, step + 1)
        created = self.start_us + self.elapsed_us
        self.elapsed_us += 1_000 + h % 400_000
        record = self.data._common(
            self.run,
            node_id=span_id,
            kind=kind,
            name=kind,
            created_us=created,
            h=h,
            session_id=self.session_id,
            trace_id=self.trace_id,
        )
        record.update({"parent_id": parent_id, "is_complete": True, "step_number": step})
        self.spans.append(record)
        conversation = self.conversation
        user_text, reply = _turn(conversation, step % 2)
        duration_ns = (1_000 + h % 400_000) * 1000
        metrics: dict[str, Any] = {"duration_ns": duration_ns}
        record["metrics"] = metrics
        if kind == "llm":
            self._llm(record, h, user_text, reply, metrics)
        elif kind == "tool":
            tool = conversation.tool
            record.update(
                {
                    "name": tool.name,
                    "input": tool.arguments,
                    "redacted_input": tool.arguments,
                    "output": tool.result if h % 13 else None,
                    "redacted_output": tool.result if h % 13 else None,
                    "tool_call_id": f"call_{h % 1_000_000:06d}",
                }
            )
            if not h % 13:
                record.update({"status_code": 500, "error_message": f"{tool.name} raised TimeoutError"})
        elif kind == "retriever":
            docs = [
                {
                    "content": f"Help article {n}: {conversation.topic} — how it works.",
                    "metadata": {"source": f"kb/{conversation.topic}/{n}.md", "score": round(0.9 - n / 10, 2)},
                }
                for n in range(1 + h % 3)
            ]
            record.update(
                {
                    "name": "kb-search",
                    "input": user_text,
                    "redacted_input": redact_text(user_text, conversation),
                    "output": docs,
                    "redacted_output": docs,
                }
            )
        elif kind == "control":
            blocked = h % 9 == 0
            result = {
                "action": "deny" if blocked else "observe",
                "matched": blocked,
                "confidence": round((h % 100) / 100, 2),
                "error_message": None,
            }
            record.update(
                {
                    "name": "pii-guard",
                    "input": user_text,
                    "redacted_input": redact_text(user_text, conversation),
                    "output": result,
                    "redacted_output": result,
                    "control_id": 7 + h % 3,
                    "agent_name": "support-agent",
                    "check_stage": ("pre", "post")[h % 2],
                    "applies_to": ("llm_call", "tool_call")[h % 2],
                    "evaluator_name": "pii_detector",
                    "selector_path": "$.input",
                }
            )
        else:  # workflow, agent
            record.update(
                {
                    "name": "answer-pipeline" if kind == "workflow" else "support-agent",
                    "input": user_text,
                    "redacted_input": redact_text(user_text, conversation),
                    "output": reply,
                    "redacted_output": redact_text(reply, conversation),
                }
            )
            if kind == "agent":
                record["agent_type"] = ("default", "react", "planner", "supervisor", "router")[h % 5]
        if children or kind in ("workflow", "agent"):
            nested = [self.span(child, grandchildren, span_id, depth=depth + 1) for child, grandchildren in children]
            record["spans"] = nested
            record["has_children"] = bool(nested)
            metrics["duration_ns"] = sum(child["metrics"]["duration_ns"] for child in nested) + duration_ns
        return record

    def _llm(self, record: dict[str, Any], h: int, user_text: str, reply: str, metrics: dict[str, Any]) -> None:
        conversation = self.conversation
        provider, model = MODELS[h % len(MODELS)]
        tool = conversation.tool
        calls_tool = h % 3 == 0
        user_content: Any = user_text
        redacted_user: Any = redact_text(user_text, conversation)
        file_id = None
        if conversation.image_url and h % 2 == 0:
            file_id = fast_uuid(h, 0xF11E)
            user_content = [{"type": "text", "text": user_text}, {"type": "file", "file_id": file_id}]
            redacted_user = [{"type": "text", "text": redacted_user}, {"type": "file", "file_id": file_id}]
            record["file_ids"] = [file_id]
            record["file_modalities"] = ["image"]
            record["files"] = {
                file_id: {
                    "modality": "image",
                    "content_type": "image/png" if conversation.image_url.startswith("data:") else "image/jpeg",
                    "url": conversation.image_url,
                    "size_bytes": 68 if conversation.image_url.startswith("data:") else 184_233,
                }
            }
        messages = [{"role": "system", "content": conversation.system}, {"role": "user", "content": user_content}]
        redacted = [{"role": "system", "content": conversation.system}, {"role": "user", "content": redacted_user}]
        if h % 4 == 1:
            history: list[dict[str, Any]] = [
                {
                    "role": "assistant",
                    "content": None,
                    "tool_calls": [
                        {"id": f"call_{h % 9999}", "function": {"name": tool.name, "arguments": tool.arguments}}
                    ],
                },
                {"role": "tool", "content": tool.result, "tool_call_id": f"call_{h % 9999}"},
            ]
            messages += history
            redacted += history
        if calls_tool:
            output = {
                "role": "assistant",
                "content": "",
                "tool_calls": [
                    {"id": f"call_{h % 100000}", "function": {"name": tool.name, "arguments": tool.arguments}}
                ],
            }
        else:
            output = {"role": "assistant", "content": reply}
        tokens_in = 30 + h % 2000
        tokens_out = 2 + (h >> 12) % 500
        metrics.update(
            {
                "num_input_tokens": tokens_in,
                "num_output_tokens": tokens_out,
                "num_total_tokens": tokens_in + tokens_out,
                "time_to_first_token_ns": 50_000_000 + (h >> 20) % 400_000_000,
                "cost": round(tokens_in * 2.5e-6 + tokens_out * 1e-5, 8),
            }
        )
        record.update(
            {
                "name": f"{provider}/{model}",
                "input": messages,
                "redacted_input": redacted,
                "output": output,
                "redacted_output": output,
                "tools": [
                    {
                        "type": "function",
                        "function": {"name": tool.name, "description": tool.description, "parameters": tool.parameters},
                    }
                ],
                "events": [{"type": "reasoning", "content": "Check the tool result first."}] if h % 5 == 0 else None,
                "model": model,
                "temperature": round((h % 11) / 10, 1),
                "finish_reason": "tool_calls" if calls_tool else FINISH_REASONS[h % 2],
                "metric_info": self.data._scores(h, metrics),
            }
        )
