"""One record the intake accepted: its decoded JSON and kind, parsed into its vendor model only when needed.

Parsing into the generated models costs more than fetching and more than mapping (the adapters read the JSON), so a
caller that only wants the vendor JSON (``raw()``) or the common records never pays for it; the model is built for
``models()``, and to give a record the adapter cannot map the parser's reason.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from tracebridge.delivery.kinds import RecordKind
from tracebridge.json_codec import loads_measured
from tracebridge.mapping.carried import Carried
from tracebridge.mapping.errors import RejectedPart
from tracebridge.records import Record

UNDECODED: Any = object()
"""``Delivered``'s ``raw`` when only its text was decoded as far as its identity (``RawRecord.probed``)."""


class Delivered:
    __slots__ = ("_model", "_raw", "encoded", "identity", "json_text", "kind", "raw_text", "source", "source_id")

    def __init__(
        self,
        kind: RecordKind,
        source: str,
        raw: Any,
        *,
        raw_text: str | None = None,
        source_id: str | None = None,
        identity: str | None = None,
        json_text: bool = False,
        encoded: bytes | str | None = None,
    ) -> None:
        self.kind = kind
        self.source = source
        """Where it came from, for a reject: endpoint and page, or file and line."""
        self._raw = raw
        self.raw_text = raw_text
        self.source_id = source_id
        """The vendor's own id of the record, for a reject."""
        self.identity = identity
        """The dedupe key it was accepted under (a paged listing commits these with its checkpoint)."""
        self.json_text = json_text
        """``raw_text`` is the JSON text ``raw`` was decoded from (``RawRecord.json_text``)."""
        self.encoded = encoded
        """The record's JSON as the source sent it, when ``raw_text`` is not it (``RawRecord.encoded``)."""
        self._model: Any = None

    @property
    def raw(self) -> Any:
        """The record as the vendor sent it (decoded JSON, or a CSV row as a dict); decoded from its JSON text now
        (``json_document``) when the intake read only its identity."""
        if self._raw is UNDECODED:
            self._raw = loads_measured(self.json_document())
        return self._raw

    def json_document(self) -> bytes | str:
        """The record's JSON text as the source sent it; only for a record read as text (``encoded``/``json_text``)."""
        if self.encoded is not None:
            return self.encoded
        assert self.json_text and self.raw_text is not None, "only a record read as JSON text has it"
        return self.raw_text

    @property
    def decoded(self) -> bool:
        """Whether ``raw`` is at hand without decoding the record's text (``json_document``)."""
        return self._raw is not UNDECODED

    @property
    def model(self) -> Any:
        """The vendor model; raises whatever the parser raises for a record that does not fit the spec."""
        if self._model is None:
            self._model = self.kind.parse(self.raw)
        return self._model

    def normalize(self) -> Sequence[Record | Carried | RejectedPart]:
        return self.kind.normalize(self.raw)

    def raw_json(self) -> str:
        """The record's text for a reject: as read, else written from its decoded JSON (the text the source sent
        when even that cannot be decoded, so a reject never fails to be written)."""
        if self.raw_text is not None:
            return self.raw_text
        try:
            raw = self.raw
        except ValueError:
            document = self.json_document()
            return document if isinstance(document, str) else document.decode("utf-8", "backslashreplace")
        return json.dumps(raw, ensure_ascii=False, default=str)
