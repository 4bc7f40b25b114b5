"""``python -m tests.golden --write``: record the current outputs as the expected ones (after an intended change).

Without ``--write`` it prints which expected outputs differ from what the code produces now, and exits 1 if any do.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from tests.golden.capture import (
    expected_path,
    fixture_inputs,
    read_expected,
    run_demo,
    run_import,
    slug,
    write_expected,
)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.golden", description=__doc__)
    parser.add_argument("--write", action="store_true", help="overwrite the expected outputs with the current ones")
    args = parser.parse_args()
    differ: list[str] = []
    with tempfile.TemporaryDirectory() as work:
        runs = {
            f"imports/{slug(p)}": (lambda p=p, i=i: run_import(p, Path(work) / f"import-{i}"))
            for i, p in enumerate(fixture_inputs())
        }
        runs["demo"] = lambda: run_demo(Path(work) / "demo")
        for name, run in runs.items():
            result = run()
            if args.write:
                write_expected(name, result)
            elif not expected_path(name).exists() or read_expected(name) != result:
                differ.append(name)
    for name in differ:
        print(f"differs: {name}", file=sys.stderr)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
