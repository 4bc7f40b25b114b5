"""Every file format's shape, from the vendors' wings: how ``tracebridge import`` reads a file of each format."""

from __future__ import annotations

from typing import Final

from tracebridge.delivery.shapes import FileShape
from tracebridge.galileo import files as galileo
from tracebridge.humanloop import files as humanloop
from tracebridge.imports.formats import FORMATS

SHAPES: Final[dict[str, FileShape]] = {**humanloop.SHAPES, **galileo.SHAPES}
"""By format name: every format but the export directory, which ``humanloop.export_directory`` walks."""

assert set(SHAPES) | {"humanloop-export"} == set(FORMATS), "every file format needs its shape"
