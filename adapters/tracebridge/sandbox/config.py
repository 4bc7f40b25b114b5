"""The sandbox's settings, one frozen value shared by the server, the CLI and the pytest fixtures.

Frozen so a running server's behaviour cannot change under a test; everything that varies between runs (data size,
seed, faults) is named here, so two servers with equal configs serve byte-identical answers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from tracebridge.sandbox.determinism import digest, stream_key
from tracebridge.sandbox.faults import FaultKind, FaultRule, fault_kind

DEFAULT_GALILEO_KEY_HEADER = "Galileo-API-Key"
ALTERNATE_GALILEO_KEY_HEADERS = ("Splunk-AO-API-Key",)
"""Header names accepted for the Galileo key besides the configured one (the newest spec's name)."""


@attrs.frozen
class Latency:
    """Added to answers: ``fixed_ms`` plus a uniform ``[0, jitter_ms)``, both in milliseconds."""

    fixed_ms: float = attrs.field(default=0.0, validator=attrs.validators.ge(0.0))
    jitter_ms: float = attrs.field(default=0.0, validator=attrs.validators.ge(0.0))

    @classmethod
    def parse(cls, text: str) -> Latency:
        """``"50"`` (fixed) or ``"50+20"`` (fixed plus up to 20 ms jitter)."""
        fixed, _, jitter = text.partition("+")
        try:
            return cls(float(fixed), float(jitter) if jitter else 0.0)
        except (ValueError, TypeError) as exc:
            raise ValueError(f"bad latency {text!r}: expected MS or MS+JITTER_MS, non-negative numbers") from exc

    def __str__(self) -> str:
        return f"{self.fixed_ms:g}+{self.jitter_ms:g}ms" if self.jitter_ms else f"{self.fixed_ms:g}ms"


def _to_rules(value: Iterable[FaultRule] | Mapping[str | FaultKind, float]) -> tuple[FaultRule, ...]:
    if isinstance(value, Mapping):
        return tuple(FaultRule(fault_kind(str(kind)), float(rate)) for kind, rate in value.items())
    return tuple(value)


@attrs.frozen
class SandboxConfig:
    host: str = "127.0.0.1"
    port: int = attrs.field(default=0, validator=[attrs.validators.ge(0), attrs.validators.le(65535)])
    """0 picks a free port."""
    seed: int = 0
    records: int = attrs.field(default=1000, validator=attrs.validators.ge(0))
    """The size of each collection: logs of the project, datapoints per evaluatee, logs of the evaluation, Galileo
    traces per log stream and experiment."""
    small_records: bool = False
    """Serve minimal Humanloop records (ids, timestamps, token counts, a one-word output) instead of realistic ones
    (3-13 KB each): for benchmarks of paging itself, which should not measure JSON throughput."""
    latency: Latency = Latency()
    faults: tuple[FaultRule, ...] = attrs.field(default=(), converter=_to_rules)
    """Rules ``KIND=RATE``; a mapping ``{"rate_limit": 0.1}`` is accepted too."""
    galileo_key_header: str = DEFAULT_GALILEO_KEY_HEADER
    humanloop_api_key: str | None = attrs.field(default=None, repr=False)
    """None derives a key from the seed (``hl_sk_<hex>``)."""
    galileo_api_key: str | None = attrs.field(default=None, repr=False)
    max_page_size: int = attrs.field(default=1000, validator=attrs.validators.ge(1))
    """Larger ``size`` values get a 422; pages are built in memory, so this bounds a request's memory."""
    slow_first_byte_ms: float = attrs.field(default=2000.0, validator=attrs.validators.ge(0.0))
    retry_after_s: int = attrs.field(default=1, validator=attrs.validators.ge(0))
    """The ``Retry-After`` value sent with injected 429 and 503 answers."""

    def rate(self, kind: FaultKind) -> float:
        return next((rule.rate for rule in self.faults if rule.kind is kind), 0.0)

    def resolved_humanloop_key(self) -> str:
        return self.humanloop_api_key or f"hl_sk_{digest(self.seed, 'hl-key'):016x}{stream_key(self.seed, 'hl'):016x}"

    def resolved_galileo_key(self) -> str:
        if self.galileo_api_key:
            return self.galileo_api_key
        return f"gal-{digest(self.seed, 'gal-key'):016x}{stream_key(self.seed, 'gal'):016x}"
