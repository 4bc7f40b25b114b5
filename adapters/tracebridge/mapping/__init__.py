"""The toolkit every vendor mapper uses: pure functions, no I/O, nothing vendor-specific.

``lossless`` (``Fields``: take what is mapped, the rest is ``extra``), ``messages`` (chat messages onto the OTel parts
model), ``ids`` (deterministic OTel trace and span ids), ``timing`` (timestamps and durations to nanoseconds),
``providers`` (provider names onto ``gen_ai.provider.name``), ``judgments`` (any judgment value onto
``gen_ai.evaluation.*``), ``experiment_items`` (the run x example -> span link), ``errors`` (``MappingError``).
"""
