"""Vendor provider names onto the OpenTelemetry ``gen_ai.provider.name`` well-known values.

Names OTel does not list (mock, replicate, anything new) pass through unchanged: an unknown provider must never fail an
export, and the value stays searchable.
"""

from __future__ import annotations

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
