"""The only code that speaks HTTP: one session per vendor (``http``), retries (``retry``), endpoints as data
(``endpoint``, ``listing``), offset paging (``paging``) and streamed lines (``lines``).

Nothing is imported here: ``tracebridge.transport.retry`` is light (the CLI's defaults), httpx is not.
"""
