"""Test-wide fixtures: the real sandbox server (``sandbox``, ``sandbox_factory``) for every test that talks HTTP."""

pytest_plugins = ["tests.sandbox_plugin"]
