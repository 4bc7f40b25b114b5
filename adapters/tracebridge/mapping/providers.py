"""Vendor provider names onto the OpenTelemetry ``gen_ai.provider.name`` well-known values.

Names OTel does not list (mock, replicate, anything new) pass through unchanged: an unknown provider must never fail an
export, and the value stays searchable.
"""

from __future__ import annotations

import functools
import re

OTEL_PROVIDER_NAMES: dict[str, str] = {
    "openai": "openai",
    "openai_azure": "azure.ai.openai",
    "azure": "azure.ai.openai",
    "anthropic": "anthropic",
    "bedrock": "aws.bedrock",
    "google": "gcp.gen_ai",
    "cohere": "cohere",
    "groq": "groq",
    "deepseek": "deepseek",
}
"""Source provider name -> OTel well-known value (gen_ai.provider.name, semconv 1.41.1)."""


MODEL_PREFIXES: dict[str, str] = {
    **OTEL_PROVIDER_NAMES,
    "azure_ai": "azure.ai.inference",
    "vertex_ai": "gcp.vertex_ai",
    "gemini": "gcp.gemini",
    "mistral": "mistral_ai",
    "xai": "x_ai",
    "perplexity": "perplexity",
    "watsonx": "ibm.watsonx.ai",
}
"""The ``provider/`` prefix of a routed model name (``openai/gpt-4o``, as LiteLLM-style gateways and Galileo write
them) -> the OTel provider name."""

MODEL_FAMILIES: tuple[tuple[str, str], ...] = (
    ("gpt-", "openai"),
    ("o1", "openai"),
    ("o3", "openai"),
    ("o4-", "openai"),
    ("chatgpt-", "openai"),
    ("claude", "anthropic"),
    ("command", "cohere"),
    ("deepseek", "deepseek"),
    ("mistral", "mistral_ai"),
    ("grok", "x_ai"),
)
"""Model names only one provider serves under its own name, by prefix. Names that several providers serve (Llama,
Gemini via Vertex or the Gemini API) are not guessed."""


BEDROCK_MODEL_ID = re.compile(
    r"^(?:(?:us|eu|apac|us-gov|global)\.)?"
    r"(?:anthropic|amazon|meta|cohere|ai21|mistral|deepseek|writer|qwen|openai|stability|twelvelabs|luma)\.[a-z]"
)
"""Amazon Bedrock's model ids, ``<model vendor>.<model>`` with an optional cross-region prefix
(``anthropic.claude-3-haiku-20240307-v1:0``, ``us.meta.llama3-1-70b-instruct-v1:0``): only Bedrock names models so."""


@functools.lru_cache(maxsize=4096)  # an export names a handful of models, once per span: the lookup, not the scan
def provider_from_model(model: str) -> str | None:
    """The OTel provider a model name says it comes from: its ``provider/`` prefix when it has a known one, a Bedrock
    model id, else the model family when only one provider serves it; None when the name does not say."""
    prefix, slash, _model = model.partition("/")
    if slash:
        return MODEL_PREFIXES.get(prefix.lower())
    lowered = model.lower()
    if BEDROCK_MODEL_ID.match(lowered):
        return "aws.bedrock"
    return next((provider for family, provider in MODEL_FAMILIES if lowered.startswith(family)), None)


def otel_provider_name(provider: str) -> str:
    """The OTel name for a vendor's provider name, or the name itself when OTel has none."""
    return OTEL_PROVIDER_NAMES.get(provider, provider)


def provider_attributes(provider: object) -> dict[str, object]:
    """``gen_ai.provider.name`` for a source provider, plus the source spelling when the mapping changed it.

    Keeping the source spelling (``tracebridge.provider.source_name``) makes the mapping lossless: ``openai_azure``
    and ``azure`` both become ``azure.ai.openai``, yet the original is still there.
    """
    if provider is None:
        return {}
    if not isinstance(provider, str):
        return {"tracebridge.provider.source_name": provider}
    name = OTEL_PROVIDER_NAMES.get(provider, provider)
    if name == provider:
        return {"gen_ai.provider.name": name}
    return {"gen_ai.provider.name": name, "tracebridge.provider.source_name": provider}
