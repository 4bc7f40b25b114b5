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
    """Seconds, on the wall clock, per attempt (``--timeout``); a deadline hit is retried like any timeout.

    - A JSON request (a page): the whole answer, connecting, headers and body, must arrive within ``timeout``.
    - A streamed body (a Galileo export, which may rightly take hours, so a total deadline would be wrong): its
      headers must arrive within ``timeout``, and then every line: the stream must complete a non-empty line within
      ``timeout`` seconds of waiting for it (the first line included). Time the consumer spends writing between
      lines does not count. A stream that stalls or crawls (a byte every few seconds) is restarted, and the export
      fails after ``retry.max_attempts``. So one line must be able to arrive within ``timeout``: a 40 MB record over
      a 1 MB/s link needs ``timeout`` above 40.

    httpx's own timeout (the same number) still bounds each single read, and connecting is capped at 10 s.
    """
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
