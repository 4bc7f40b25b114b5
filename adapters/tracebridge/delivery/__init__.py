"""Source-neutral delivery: what every source (API pages, a stream, export files) shares on the way to a sink.

``export`` (the ``Export`` a caller iterates, ``Batch``), ``intake`` (the one door every record passes: counted,
deduped, rejected or accepted), ``kinds`` (``RecordKind``: what a vendor record is), ``shapes`` (``FileShape``: how a
format lays records out in a file), ``raw`` and ``delivered`` (a record before and after the intake), ``context``
(what one run shares), ``completeness``, ``dedupe``, ``checkpoint``, ``rejects``, ``sync`` (sync iteration over the
async path).
"""
