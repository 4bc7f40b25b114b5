"""The one place the package version is written; hatchling reads it at build time."""

__version__ = "0.1.0"
