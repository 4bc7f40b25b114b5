"""Everything Humanloop: its endpoints (as data) and client, its record kinds, its file formats and the
``humanloop-export`` directory, and the v4 and v5 mappings onto the common records.

``connection`` and ``formats`` are light (no generated models) so that command-line help can name them.
"""
