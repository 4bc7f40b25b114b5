"""Fault injection: which misbehaviour a request meets, decided deterministically.

Clients are only as good as their handling of a bad day, so the sandbox can serve one on demand. Every decision is a
hash of ``(seed, fault kind, request identity, attempt)`` compared with the kind's rate: the same client making the
same requests meets the same faults on every run and in any request order, and a retry (the next attempt of the same
request) gets a fresh decision, so a fault with a rate below 1 always lets a retrying client through eventually.

Two kinds are decided on other coordinates, because of what they simulate: ``drift`` is per record (a drifted record
is a property of the data, served the same to every request), and ``repeat`` is per page number regardless of attempt
(it simulates records arriving while an export runs, which shifts every later page, not just one answer).
"""

from __future__ import annotations

import enum
import json
import threading
from collections.abc import Iterable, Mapping
from hashlib import blake2b

import attrs

from tracebridge.sandbox.determinism import digest, mix64, stream_key, unit


class FaultKind(enum.StrEnum):
    LATENCY = "latency"
    """Delay the answer by the configured latency (fixed plus jitter)."""
    RATE_LIMIT = "rate_limit"
    """429 with a ``Retry-After`` header."""
    ERROR_500 = "error_500"
    ERROR_502 = "error_502"
    """502 with an HTML body, as a proxy answers."""
    ERROR_503 = "error_503"
    """503 with a ``Retry-After`` header."""
    RESET = "reset"
    """The connection is reset (TCP RST) after the request is read, before any answer."""
    TRUNCATE = "truncate"
    """A JSON page body cut off mid-document (with a matching ``Content-Length``, so only the JSON is broken)."""
    STREAM_CUT = "stream_cut"
    """The Galileo stream stops mid-line and the connection closes without the final chunk."""
    SLOW_FIRST_BYTE = "slow_first_byte"
    """Status and headers arrive at once, the first body byte only after a long pause."""
    DRIFT = "drift"
    """Records drift from the spec: unknown enum values, unknown fields, nulls where values were."""
    REPEAT = "repeat"
    """New records arrive during a listing, so a page repeats records of the previous one."""


ALIASES: Mapping[str, FaultKind] = {
    "429": FaultKind.RATE_LIMIT,
    "500": FaultKind.ERROR_500,
    "502": FaultKind.ERROR_502,
    "503": FaultKind.ERROR_503,
    "connection_reset": FaultKind.RESET,
    "cut": FaultKind.STREAM_CUT,
}

ANSWER_FAULTS = (
    FaultKind.RESET,
    FaultKind.RATE_LIMIT,
    FaultKind.ERROR_500,
    FaultKind.ERROR_502,
    FaultKind.ERROR_503,
)
"""Faults that replace the answer; at most one applies to a request, the first in this order."""


class FaultSpecError(ValueError):
    """A ``--fault KIND=RATE`` argument that cannot be understood; the message says what is wrong and what is valid."""


@attrs.frozen
class FaultRule:
    kind: FaultKind
    rate: float = attrs.field(validator=[attrs.validators.ge(0.0), attrs.validators.le(1.0)])


def fault_kind(name: str) -> FaultKind:
    """The fault kind for a name or alias (``429``, ``500``...), case-insensitive."""
    key = name.strip().lower().replace("-", "_")
    if key in ALIASES:
        return ALIASES[key]
    try:
        return FaultKind(key)
    except ValueError:
        known = ", ".join([kind.value for kind in FaultKind] + sorted(ALIASES))
        raise FaultSpecError(f"unknown fault kind {name!r}; known kinds: {known}") from None


def parse_fault(text: str) -> FaultRule:
    """Parse ``KIND=RATE`` (rate a probability in [0, 1]; ``KIND`` alone means rate 1)."""
    name, sep, rate_text = text.partition("=")
    if not name.strip():
        raise FaultSpecError(f"bad fault {text!r}: expected KIND=RATE, e.g. rate_limit=0.1")
    kind = fault_kind(name)
    if not sep:
        return FaultRule(kind, 1.0)
    try:
        rate = float(rate_text)
    except ValueError:
        raise FaultSpecError(f"bad fault {text!r}: rate {rate_text!r} is not a number (expected 0..1)") from None
    if not 0.0 <= rate <= 1.0:
        raise FaultSpecError(f"bad fault {text!r}: rate {rate} is outside 0..1")
    return FaultRule(kind, rate)


def parse_faults(texts: Iterable[str]) -> tuple[FaultRule, ...]:
    """Parse several ``KIND=RATE`` arguments; naming a kind twice is an error rather than a silent override."""
    rules: dict[FaultKind, FaultRule] = {}
    for text in texts:
        rule = parse_fault(text)
        if rule.kind in rules:
            raise FaultSpecError(f"fault {rule.kind.value!r} given twice")
        rules[rule.kind] = rule
    return tuple(rules.values())


@attrs.frozen
class FaultDecision:
    """What one request meets: an answer-replacing fault (or None) and the modifiers that apply."""

    answer: FaultKind | None = None
    latency_s: float = 0.0
    truncate: bool = False
    stream_cut: bool = False
    slow_first_byte: bool = False
    token: int = 0
    """A per-request number for choices inside a fault (where to cut a body)."""

    @property
    def is_clean(self) -> bool:
        return self.answer is None and not (self.latency_s or self.truncate or self.stream_cut or self.slow_first_byte)


CLEAN = FaultDecision()


class FaultInjector:
    """Decides faults for requests; thread-safe. One per server: it counts attempts per request identity."""

    def __init__(
        self,
        seed: int,
        rules: Iterable[FaultRule],
        *,
        latency_fixed_ms: float = 0.0,
        latency_jitter_ms: float = 0.0,
    ) -> None:
        self.seed = seed
        self.rates: dict[FaultKind, float] = {rule.kind: rule.rate for rule in rules if rule.rate > 0.0}
        self.latency_fixed_ms = latency_fixed_ms
        self.latency_jitter_ms = latency_jitter_ms
        if (latency_fixed_ms or latency_jitter_ms) and FaultKind.LATENCY not in self.rates:
            self.rates[FaultKind.LATENCY] = 1.0  # a configured latency with no rate applies to every request
        self._attempts: dict[bytes, int] = {}
        self._lock = threading.Lock()
        self._drift_base = stream_key(seed, "fault:drift")
        self._repeat_base = stream_key(seed, "fault:repeat")
        self._per_request = any(kind not in (FaultKind.DRIFT, FaultKind.REPEAT) for kind in self.rates)

    def rate(self, kind: FaultKind) -> float:
        return self.rates.get(kind, 0.0)

    def attempt(self, identity: bytes) -> int:
        """How many times this request was seen before (0 for the first); counts it."""
        with self._lock:
            seen = self._attempts.get(identity, 0)
            self._attempts[identity] = seen + 1
            return seen

    def _hits(self, kind: FaultKind, identity: bytes, attempt: int) -> bool:
        rate = self.rates.get(kind, 0.0)
        if rate <= 0.0:
            return False
        if rate >= 1.0:
            return True
        return unit(digest(self.seed, kind.value, identity.hex(), attempt)) < rate

    def decide(self, identity: bytes) -> FaultDecision:
        """The faults met by this request (its method, path, query and body digested into ``identity``)."""
        if not self._per_request:
            return CLEAN
        attempt = self.attempt(identity)
        token = digest(self.seed, "token", identity.hex(), attempt)
        answer = next((kind for kind in ANSWER_FAULTS if self._hits(kind, identity, attempt)), None)
        latency = 0.0
        if self._hits(FaultKind.LATENCY, identity, attempt):
            jitter = self.latency_jitter_ms * unit(mix64(token))
            latency = max(0.0, self.latency_fixed_ms + jitter) / 1000.0
        return FaultDecision(
            answer=answer,
            latency_s=latency,
            truncate=self._hits(FaultKind.TRUNCATE, identity, attempt),
            stream_cut=self._hits(FaultKind.STREAM_CUT, identity, attempt),
            slow_first_byte=self._hits(FaultKind.SLOW_FIRST_BYTE, identity, attempt),
            token=token,
        )

    def drifts(self, record_key: int) -> bool:
        """Whether the record with this key is served drifted (same answer for every request)."""
        rate = self.rates.get(FaultKind.DRIFT, 0.0)
        return rate > 0.0 and unit(mix64(self._drift_base ^ record_key)) < rate

    def repeat_shift(self, listing: str, page_index: int, size: int) -> int:
        """Records that arrived before page ``page_index`` (0-based) of a listing was served.

        Each page after the first independently "sees" new records arrive with the ``repeat`` rate; arrivals push
        later pages down, so the shift only grows with the page index: pages repeat records of earlier pages but never
        skip one, as with real offset pagination over a newest-first list.
        """
        rate = self.rates.get(FaultKind.REPEAT, 0.0)
        if rate <= 0.0 or page_index <= 0 or size <= 0:
            return 0
        base = self._repeat_base ^ digest(listing, size)
        arrivals = sum(1 for q in range(1, page_index + 1) if unit(mix64(base ^ q)) < rate)
        return arrivals * max(1, size // 3)


def request_identity(method: str, target: str, body: bytes) -> bytes:
    """What a request is, for deciding its faults: its method, target and body, except the cutoff a Galileo client
    pins its export to (``created_at`` at most the time the export started, so that a restart asks for the same
    records). That value differs on every run, and with it in, no two runs of the same export met the same faults:
    a benchmark's fault scenario passed or failed by the clock."""
    if body[:1] == b"{" and b'"created_at"' in body:
        try:
            request = json.loads(body)
        except ValueError:
            request = None
        if isinstance(request, dict) and isinstance(request.get("filters"), list):
            request["filters"] = [
                {**item, "value": "(the export's start)"} if _is_start_cutoff(item) else item
                for item in request["filters"]
            ]
            body = json.dumps(request, sort_keys=True).encode()
    return blake2b(b"%b %b\n%b" % (method.encode(), target.encode(), body), digest_size=16).digest()


def _is_start_cutoff(item: object) -> bool:
    return (
        isinstance(item, dict)
        and item.get("column_id") == "created_at"
        and item.get("operator") == "lte"
        and item.get("type") == "date"
    )
