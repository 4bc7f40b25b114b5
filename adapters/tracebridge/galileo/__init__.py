"""Everything Galileo: the ``export_records`` client and its stream reader, the one CSV row assembler (stream and
file), its record kind, its file formats, and the mapping onto the common records.

``connection`` and ``formats`` are light (no generated models) so that command-line help can name them.
"""
