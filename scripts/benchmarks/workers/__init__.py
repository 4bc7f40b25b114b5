"""One script per contender, run by the harness as ``<venv python> workers/<name>.py SPEC_JSON``.

Workers other than ``tracebridge_lib`` and ``normalize_file`` run in a foreign venv, so they import only the standard
library, their SDK and ``workers.common`` (which is standard library only).
"""
