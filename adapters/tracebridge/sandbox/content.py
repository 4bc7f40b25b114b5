"""Realistic content pools: conversations, tools, models, people, and the sensitive values redaction must hide.

Both vendors' generators draw from these, so a Humanloop prompt log and a Galileo LLM span look like the same kind of
production traffic: multi-turn support chats, tool calls with JSON arguments, images by http URL and inline ``data:``
URL, non-ASCII text, and e-mail addresses and phone numbers that a redacted export must not leak.
"""

from __future__ import annotations

from typing import Any

import attrs

TINY_PNG = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5E"
    "rkJggg=="
)


@attrs.frozen
class Tool:
    name: str
    description: str
    parameters: dict[str, Any]
    arguments: str
    """The JSON text a model produced when calling it."""
    result: str


@attrs.frozen
class Conversation:
    topic: str
    system: str
    turns: tuple[tuple[str, str], ...]
    """(user, assistant) pairs."""
    tool: Tool
    image_url: str | None
    customer_email: str
    customer_phone: str


TOOLS = (
    Tool(
        "get_weather",
        "Current weather for a city.",
        {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
        '{"city": "Paris"}',
        '{"temp_c": 18, "sky": "clear"}',
    ),
    Tool(
        "lookup_order",
        "Find an order by its number.",
        {"type": "object", "properties": {"order_id": {"type": "string"}}, "required": ["order_id"]},
        '{"order_id": "A-10443"}',
        '{"status": "shipped", "eta": "2025-07-03"}',
    ),
    Tool(
        "search_docs",
        "Search the product documentation.",
        {"type": "object", "properties": {"query": {"type": "string"}, "k": {"type": "integer"}}},
        '{"query": "reset password", "k": 3}',
        '[{"title": "Resetting your password", "score": 0.91}]',
    ),
    Tool(
        "calculator",
        "Evaluate an arithmetic expression.",
        {"type": "object", "properties": {"expression": {"type": "string"}}},
        '{"expression": "17 * 23"}',
        "391",
    ),
)

CONVERSATIONS = (
    Conversation(
        "weather",
        "You are a concise travel assistant.",
        (
            ("What's the weather in Paris today?", "It is 18 °C and clear in Paris."),
            ("Should I bring an umbrella?", "No umbrella needed today."),
        ),
        TOOLS[0],
        "https://images.example.com/paris-skyline.jpg",
        "ada.lovelace@example.com",
        "+44 20 7946 0958",
    ),
    Conversation(
        "orders",
        "You are a support agent for an online shop. Never share other customers' data.",
        (
            ("Where is my order A-10443?", "Your order A-10443 has shipped and should arrive on 3 July."),
            ("Can you send the invoice to my e-mail?", "Done: the invoice is on its way to your inbox."),
            ("Thanks!", "You're welcome — anything else?"),
        ),
        TOOLS[1],
        None,
        "grace.hopper@example.org",
        "+1 415 555 0132",
    ),
    Conversation(
        "docs",
        "Answer from the documentation only; cite the page title.",
        (("How do I reset my password?", "See “Resetting your password”: Settings → Security → Reset."),),
        TOOLS[2],
        TINY_PNG,
        "linus@example.net",
        "+49 30 901820",
    ),
    Conversation(
        "math",
        "You solve arithmetic step by step.",
        (
            ("What is 17 * 23? Here is my worksheet.", "17 * 23 = 391."),
            ("And divided by 3?", "391 ÷ 3 ≈ 130.33."),
        ),
        TOOLS[3],
        "https://images.example.com/worksheet.png",
        "emmy.noether@example.com",
        "+33 1 70 18 99 00",
    ),
    Conversation(
        "multilingual",
        "Reply in the user's language.",
        (("¿Dónde está mi pedido? 注文はどこですか?", "Su pedido está en camino. ご注文は発送済みです。"),),
        TOOLS[1],
        None,
        "kenji.tanaka@example.jp",
        "+81 3-1234-5678",
    ),
)

MODELS = (
    ("openai", "gpt-4o"),
    ("openai", "gpt-4o-mini"),
    ("anthropic", "claude-3-5-sonnet-20241022"),
    ("google", "gemini-1.5-pro"),
    ("groq", "llama-3.1-70b-versatile"),
    ("deepseek", "deepseek-chat"),
    ("openai_azure", "gpt-4o"),
    ("bedrock", "anthropic.claude-3-haiku"),
    ("cohere", "command-r-plus"),
    ("mock", "mock-model"),
)

USERS = ("ada@example.com", "grace@example.org", "linus@example.net", "emmy@example.com", "service-account")

ENVIRONMENTS = ("production", "staging", "development")

FINISH_REASONS = ("stop", "length", "tool_calls", "end_turn", "content_filter")


def redact_text(text: str, conversation: Conversation) -> str:
    """The conversation's sensitive values masked, as a redacting export would serve the text."""
    return text.replace(conversation.customer_email, "<EMAIL_ADDRESS>").replace(
        conversation.customer_phone, "<PHONE_NUMBER>"
    )
