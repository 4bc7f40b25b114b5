"""Vendor provider names onto OTel gen_ai.provider.name well-known values; unknown names kept as given."""

from __future__ import annotations

import pytest
from tracebridge.mapping.providers import otel_provider_name, provider_attributes


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
