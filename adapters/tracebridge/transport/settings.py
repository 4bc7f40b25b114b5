"""What a vendor client needs to open a transport: resolved once, at construction, from arguments and environment."""

from __future__ import annotations

import attrs

from tracebridge.secrets import ApiKey
from tracebridge.transport.http import HttpTransport
from tracebridge.transport.retry import RetryPolicy


@attrs.frozen
class ClientSettings:
    base_url: str
    api_key: ApiKey
    key_header: str
    concurrency: int = attrs.field(default=8, validator=attrs.validators.ge(1))
    page_size: int = attrs.field(default=100, validator=attrs.validators.ge(1))
    timeout: float = 60.0
    retry: RetryPolicy = attrs.field(factory=RetryPolicy)

    def transport(self) -> HttpTransport:
        return HttpTransport(
            base_url=self.base_url,
            api_key=self.api_key,
            key_header=self.key_header,
            timeout=self.timeout,
            retry=self.retry,
            max_connections=max(self.concurrency, 4),
        )
