"""Deterministic pseudo-randomness: every generated value is a pure function of (seed, what, index).

The sandbox never holds a collection in memory and never depends on the order requests arrive in, so it cannot use a
stateful ``random.Random`` stream for record contents. Instead each value is derived by hashing its coordinates: record
``i`` of a collection is the same bytes whichever page, thread or process asks for it. ``mix64`` (SplitMix64's
finaliser) is used on the hot path because it is an order of magnitude cheaper than a cryptographic hash; ``digest``
is for the rare values where strings are the coordinates.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime

MASK64 = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15
_TWO_64 = float(1 << 64)
_MUL_1, _MUL_2 = 0xBF58476D1CE4E5B9, 0x94D049BB133111EB
_UNMUL_1, _UNMUL_2 = pow(_MUL_1, -1, 1 << 64), pow(_MUL_2, -1, 1 << 64)


def mix64(value: int) -> int:
    """A well-mixed 64-bit integer from any integer (SplitMix64); equal inputs give equal outputs."""
    z = (value + _GOLDEN) & MASK64
    z = ((z ^ (z >> 30)) * _MUL_1) & MASK64
    z = ((z ^ (z >> 27)) * _MUL_2) & MASK64
    return z ^ (z >> 31)


def unmix64(value: int) -> int:
    """The input ``mix64`` was given (modulo 2**64): every step of SplitMix64's finaliser can be undone, so the sandbox
    can tell whether an id it is shown is one it generated without holding the ids."""
    z = value & MASK64
    z = z ^ (z >> 31) ^ (z >> 62)
    z = (z * _UNMUL_2) & MASK64
    z = z ^ (z >> 27) ^ (z >> 54)
    z = (z * _UNMUL_1) & MASK64
    z = z ^ (z >> 30) ^ (z >> 60)
    return (z - _GOLDEN) & MASK64


def digest(*parts: object) -> int:
    """A 64-bit integer from arbitrary coordinates (strings, ints...); stable across processes and Python versions."""
    text = "\x1f".join(str(part) for part in parts)
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def unit(value: int) -> float:
    """Map a 64-bit integer to [0, 1)."""
    return (value & MASK64) / _TWO_64


def stream_key(seed: int, name: str) -> int:
    """The base of one named stream of values (a collection, a field); combine with an index via ``mix64``."""
    return digest("tracebridge-sandbox", seed, name)


def uuid_for(*parts: object) -> str:
    """A version-4-shaped UUID string (Galileo ids are uuid4) derived from the coordinates."""
    raw = bytearray(hashlib.blake2b("\x1f".join(str(p) for p in parts).encode(), digest_size=16).digest())
    raw[6] = (raw[6] & 0x0F) | 0x40
    raw[8] = (raw[8] & 0x3F) | 0x80
    return str(uuid.UUID(bytes=bytes(raw)))


def fast_uuid(value: int, salt: int) -> str:
    """A uuid4-shaped string from two 64-bit integers, cheap enough for per-record use."""
    high = mix64(value ^ salt)
    low = mix64(high ^ value)
    high = (high & ~(0xF << 12)) | (0x4 << 12)
    low = (low & ~(0x3 << 62)) | (0x2 << 62)
    text = f"{high:016x}{low:016x}"
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


_DAYS: dict[int, str] = {}
_DAYS_MAX = 50_000


def iso_utc(epoch_micros: int) -> str:
    """An RFC 3339 UTC timestamp with microseconds and a ``Z`` suffix, as both vendors write them.

    On the hot path of every record, so the calendar part is computed once per day (a bounded cache) and the time of
    day with integer arithmetic.
    """
    seconds, micros = divmod(epoch_micros, 1_000_000)
    day, second_of_day = divmod(seconds, 86_400)
    prefix = _DAYS.get(day)
    if prefix is None:
        prefix = datetime.fromtimestamp(day * 86_400, UTC).strftime("%Y-%m-%dT")
        if len(_DAYS) < _DAYS_MAX:
            _DAYS[day] = prefix
    hours, rest = divmod(second_of_day, 3600)
    minutes, secs = divmod(rest, 60)
    return "%s%02d:%02d:%02d.%06dZ" % (prefix, hours, minutes, secs, micros)  # noqa: UP031 - fastest here


_QUOTED_DAYS: dict[int, bytes] = {}


def json_stamp(epoch_micros: int) -> bytes:
    """``iso_utc`` as a quoted JSON string, the form record templates splice in (the hottest path of all)."""
    seconds, micros = divmod(epoch_micros, 1_000_000)
    day, second_of_day = divmod(seconds, 86_400)
    prefix = _QUOTED_DAYS.get(day)
    if prefix is None:
        prefix = b'"' + datetime.fromtimestamp(day * 86_400, UTC).strftime("%Y-%m-%dT").encode()
        if len(_QUOTED_DAYS) < _DAYS_MAX:
            _QUOTED_DAYS[day] = prefix
    hours, rest = divmod(second_of_day, 3600)
    minutes, secs = divmod(rest, 60)
    return b'%b%02d:%02d:%02d.%06dZ"' % (prefix, hours, minutes, secs, micros)


def epoch_micros(moment: datetime) -> int:
    """Microseconds since the epoch of an aware datetime."""
    delta = moment - datetime(1970, 1, 1, tzinfo=UTC)
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
