"""Test-wide fixtures: the real sandbox server (``sandbox``, ``sandbox_factory``) for every test that talks HTTP.

Property tests are derandomized by default: the suite CI runs gives the same answer on every run, so a red run is
a change's doing, never a draw's. ``HYPOTHESIS_PROFILE=explore`` draws fresh examples on every run, to look for new
failures (how the image-part key collision in ``mapping/messages.py`` was found).
"""

import os

from hypothesis import settings

pytest_plugins = ["tests.sandbox_plugin"]

settings.register_profile("default", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
