"""``python -m tracebridge`` is the same as the ``tracebridge`` command."""

import sys

from tracebridge.cli import main

sys.exit(main())
