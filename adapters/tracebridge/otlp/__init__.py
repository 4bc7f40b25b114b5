"""Common records as OTLP trace messages, shared by what sends them (``destinations``) and what writes them to files
(``sinks.otlp_json``): the encoding sits below both, so neither imports the other. Needs ``opentelemetry-proto``
(the ``send`` extra)."""
