"""Vendor provider names onto OTel gen_ai.provider.name well-known values; unknown names kept as given."""

from __future__ import annotations

import pytest
from tracebridge.mapping.providers import otel_provider_name, provider_attributes, provider_from_model


@pytest.mark.parametrize(
    ("source", "otel"),
    [
        ("openai", "openai"),
        ("openai_azure", "azure.ai.openai"),
        ("anthropic", "anthropic"),
        ("bedrock", "aws.bedrock"),
        ("google", "gcp.gen_ai"),
        ("cohere", "cohere"),
        ("groq", "groq"),
        ("deepseek", "deepseek"),
        ("mock", "mock"),
        ("replicate", "replicate"),
        ("some_new_provider", "some_new_provider"),
    ],
)
def test_provider_names(source: str, otel: str) -> None:
    assert otel_provider_name(source) == otel


def test_renamed_providers_keep_the_source_spelling() -> None:
    assert provider_attributes("openai_azure") == {
        "gen_ai.provider.name": "azure.ai.openai",
        "tracebridge.provider.source_name": "openai_azure",
    }
    assert provider_attributes("openai") == {"gen_ai.provider.name": "openai"}
    assert provider_attributes(None) == {}
    assert provider_attributes(3) == {"tracebridge.provider.source_name": 3}


@pytest.mark.parametrize(
    ("model", "provider"),
    [
        ("openai/gpt-4o", "openai"),
        ("vertex_ai/gemini-1.5-pro", "gcp.vertex_ai"),
        ("unknown/gpt-4o", None),  # a prefix the table does not know says nothing, whatever follows
        ("gpt-4o-mini", "openai"),
        ("claude-3-5-sonnet-20241022", "anthropic"),
        ("command-r-plus", "cohere"),
        # Bedrock's model ids name the model's vendor before a dot; only Bedrock serves models under such names.
        ("anthropic.claude-3-haiku", "aws.bedrock"),
        ("us.meta.llama3-1-70b-instruct-v1:0", "aws.bedrock"),
        ("amazon.titan-text-express-v1", "aws.bedrock"),
        # Served by several providers under one name: not guessed.
        ("gemini-1.5-pro", None),
        ("llama-3.1-70b-versatile", None),
        ("mock-model", None),
    ],
)
def test_provider_from_model(model: str, provider: str | None) -> None:
    assert provider_from_model(model) == provider
