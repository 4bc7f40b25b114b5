"""Import export files users already hold (Humanloop's export tool and API dumps, Galileo exports) as records.

``open_import(paths, from_format=None)`` returns the same ``Export`` the API sources return, so files and API calls
go through one pipeline to the sinks. Vendor-neutral: ``detect`` (which format a path holds), ``inputs`` (files and
pipes, read forward only), ``encoding`` (byte-order marks, UTF-16), ``textfile`` and ``json_records`` (reading files
with bounded memory; ``json_scan`` for documents that do not decode whole), ``tasks`` (reading one file by its
shape), ``identity`` (what a resumed import checks has not changed), ``source`` (the Export). What each format's
records are, and how its files lay them out, comes from the vendors' wings (``formats`` for names, ``shapes`` for
readers).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracebridge.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from tracebridge.imports.errors import ImportFormatError
    from tracebridge.imports.formats import DESCRIPTIONS, FORMATS, ImportFormat
    from tracebridge.imports.source import open_import

# Loaded on first use: ``open_import`` brings every vendor's record kinds and generated models, while ``--help``
# only needs the format names (``tracebridge.imports.formats``), which importing this package must not cost.
_LAZY = {
    "ImportFormatError": "tracebridge.imports.errors",
    "DESCRIPTIONS": "tracebridge.imports.formats",
    "FORMATS": "tracebridge.imports.formats",
    "ImportFormat": "tracebridge.imports.formats",
    "open_import": "tracebridge.imports.source",
}


__getattr__ = lazy_exports(__name__, _LAZY)

__all__ = ["DESCRIPTIONS", "FORMATS", "ImportFormat", "ImportFormatError", "open_import"]
