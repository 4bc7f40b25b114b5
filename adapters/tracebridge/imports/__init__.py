"""Import export files users already hold (Humanloop's export tool and API dumps, Galileo exports) as records.

``open_import(paths, from_format=None)`` returns the same ``Export`` the API sources return, so files and API calls
go through one pipeline to the sinks. One module per job: ``detect`` (which format), ``humanloop_export`` (the
export tool's directory layout), ``json_records`` / ``csv_rows`` (reading files with bounded memory), ``kinds``
(the API sources' parsers and adapters per record kind), ``intake`` (dedupe and rejects), ``source`` (the Export).
"""

from tracebridge.imports.errors import ImportFormatError
from tracebridge.imports.formats import DESCRIPTIONS, FORMATS, ImportFormat
from tracebridge.imports.source import open_import

__all__ = ["DESCRIPTIONS", "FORMATS", "ImportFormat", "ImportFormatError", "open_import"]
