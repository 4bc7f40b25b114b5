"""Vendor chat messages onto OTel GenAI parts: every documented content kind, and nothing unknown dropped."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
from tracebridge.mapping.messages import (
    UNKNOWN_ROLE,
    content_part,
    parse_arguments,
    to_otel_message,
    to_otel_messages,
)

from tests.mapping.corpus import fixture_records

OTEL = Path(__file__).resolve().parents[1] / "fixtures" / "otel"
"""The OTel GenAI message schemas (semantic conventions 1.41.1, Apache-2.0), copied so the check runs in any clone."""


def test_string_content_is_a_text_part() -> None:
    assert to_otel_message({"role": "user", "content": "Hi"}) == {
        "role": "user",
        "parts": [{"type": "text", "content": "Hi"}],
    }


def test_text_and_image_parts_http_and_data_urls() -> None:
    message = to_otel_message(
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "What is this?"},
                {"type": "image_url", "image_url": {"url": "https://x.test/cat.png", "detail": "low"}},
                {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,/9j/4AAQ"}},
                {"type": "image_url", "image_url": "https://x.test/dog.png"},
            ],
        }
    )
    assert message["parts"] == [
        {"type": "text", "content": "What is this?"},
        {"type": "uri", "modality": "image", "uri": "https://x.test/cat.png", "detail": "low"},
        {"type": "blob", "modality": "image", "mime_type": "image/jpeg", "content": "/9j/4AAQ"},
        {"type": "uri", "modality": "image", "uri": "https://x.test/dog.png"},
    ]


def test_non_base64_data_url_stays_a_uri() -> None:
    (part,) = to_otel_message({"role": "user", "content": [{"type": "image_url", "image_url": {"url": "data:,x"}}]})[
        "parts"
    ]
    assert part == {"type": "uri", "modality": "image", "uri": "data:,x"}


def test_tool_call_arguments_parsed_when_json_else_kept_as_string() -> None:
    message = to_otel_message(
        {
            "role": "assistant",
            "content": "",
            "tool_calls": [
                {"id": "c1", "type": "function", "function": {"name": "add", "arguments": '{"a": 1}'}},
                {"id": "c2", "type": "function", "function": {"name": "add", "arguments": "{broken"}},
            ],
        }
    )
    assert message["parts"] == [
        {"type": "tool_call", "id": "c1", "name": "add", "arguments": {"a": 1}, "call_type": "function"},
        {"type": "tool_call", "id": "c2", "name": "add", "arguments": "{broken", "call_type": "function"},
    ]
    assert parse_arguments("[1, 2]") == [1, 2] and parse_arguments("not json") == "not json"


def test_tool_result_is_a_tool_call_response() -> None:
    message = to_otel_message({"role": "tool", "tool_call_id": "c1", "content": "42", "name": "add"})
    assert message == {
        "role": "tool",
        "name": "add",
        "parts": [{"type": "tool_call_response", "id": "c1", "response": "42"}],
    }


def test_thinking_blocks_become_reasoning_parts_before_the_text() -> None:
    message = to_otel_message(
        {
            "role": "assistant",
            "content": "4",
            "thinking": [
                {"type": "thinking", "thinking": "2+2", "signature": "sig"},
                {"type": "redacted_thinking", "data": "xyz"},
            ],
        }
    )
    assert message["parts"] == [
        {"type": "reasoning", "content": "2+2", "signature": "sig"},
        {"type": "redacted_thinking", "data": "xyz"},
        {"type": "text", "content": "4"},
    ]


def test_unknown_parts_and_keys_are_kept_never_dropped() -> None:
    message = to_otel_message(
        {
            "role": "critic",
            "content": [{"type": "input_audio", "input_audio": {"data": "AAA", "format": "wav"}}, {"no_type": 1}],
            "x_vendor": {"deep": [1]},
        }
    )
    assert message["role"] == "critic"  # unknown roles pass through
    assert message["parts"][0] == {"type": "input_audio", "input_audio": {"data": "AAA", "format": "wav"}}
    assert message["parts"][1] == {"type": "unknown", "no_type": 1}
    assert message["x_vendor"] == {"deep": [1]}


def test_unknown_keys_keep_their_source_order() -> None:
    # Output must be byte-identical across runs (resume, dedupe by content): no order from randomized string hashes.
    unknown = [f"x_{letter}" for letter in "hgfedcba"]
    message = to_otel_message({"role": "user", "content": "hi", **{key: 1 for key in unknown}})
    assert list(message)[-len(unknown) :] == unknown


def test_shapes_that_are_not_messages_still_convert() -> None:
    assert to_otel_messages("plain prompt") == [
        {"role": UNKNOWN_ROLE, "parts": [{"type": "text", "content": "plain prompt"}]}
    ]
    assert to_otel_messages({"content": "no role"})[0]["role"] == UNKNOWN_ROLE
    assert to_otel_message(7) == {"role": UNKNOWN_ROLE, "parts": [{"type": "text", "content": "7"}]}


def test_legacy_humanloop_tool_call() -> None:
    message = to_otel_message({"role": "assistant", "tool_call": {"name": "f", "arguments": '{"x": [1]}'}})
    assert message["parts"] == [{"type": "tool_call", "name": "f", "arguments": {"x": [1]}, "legacy": True}]


def _otel_schema(name: str, *, relax_finish_reason: bool = False) -> dict[str, Any]:
    path = OTEL / f"gen-ai-{name}-messages.json"
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if relax_finish_reason:
        # OTel requires finish_reason on output messages; the vendors do not always record one and tracebridge
        # does not invent it (docs/mapping.md, "Deviations"). Everything else is checked as published.
        schema["$defs"]["OutputMessage"]["required"].remove("finish_reason")
    return schema


def test_every_converted_message_validates_against_the_otel_schemas() -> None:
    inputs = jsonschema.Draft202012Validator(_otel_schema("input"))
    outputs = jsonschema.Draft202012Validator(_otel_schema("output", relax_finish_reason=True))
    checked = 0
    for record in fixture_records():
        attributes = record.attributes
        for key, validator in (("gen_ai.input.messages", inputs), ("gen_ai.output.messages", outputs)):
            if key in attributes:
                errors = [e.message for e in validator.iter_errors(attributes[key])]
                assert not errors, f"{record.provenance.source_id} {key}: {errors[:3]}"
                checked += 1
    assert checked > 20


def test_source_keys_that_share_a_name_with_an_otel_field_are_kept_beside_it() -> None:
    # Found by the vendor-schema property test: an image part and its image object both carrying one unknown key.
    part = content_part(
        {"type": "image_url", "image_url": {"url": "u", "extra": 1, "uri": "inner"}, "extra": 0, "modality": "x"}
    )
    assert part == {
        "type": "uri",
        "modality": "image",
        "uri": "u",
        "extra": 0,
        "source_modality": "x",
        "source_extra": 1,
        "source_uri": "inner",
    }
    text = content_part({"type": "text", "text": "hi", "content": "also"})
    assert text == {"type": "text", "content": "hi", "source_content": "also"}
    message = to_otel_message({"role": "user", "content": "x", "parts": "mine", "source_role": "kept"})
    assert message["parts"] == [{"type": "text", "content": "x"}] and message["source_parts"] == "mine"
    call = to_otel_message(
        {"role": "assistant", "tool_calls": [{"id": "c", "type": "function", "name": "n", "function": {"name": "f"}}]}
    )["parts"][0]
    assert (call["name"], call["source_name"], call["call_type"]) == ("f", "n", "function")
