"""tracebridge: Humanloop and Galileo logs, traces and evaluations in one OpenTelemetry-GenAI-shaped schema."""

from tracebridge._version import __version__

__all__ = ["__version__"]
