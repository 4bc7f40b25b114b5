"""Run a command and write its peak RSS (KiB, from ``wait4``) to a file: ``python -S launch.py RSS_FILE CMD...``.

Why a launcher: on Linux a child's ``ru_maxrss`` starts at the RSS of the process it was forked from (the high-water
mark survives ``execve``), so measured straight from the harness, every contender would inherit the harness's own
peak (hundreds of MB after it counts a million ids). This launcher is a bare interpreter (``-S``, standard library
only, ~10 MB), so that is the most a contender inherits. Exits with the command's exit code.
"""

import os
import sys


def main() -> int:
    rss_file, command = sys.argv[1], sys.argv[2:]
    pid = os.fork()
    if pid == 0:  # the contender
        try:
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    with open(rss_file, "w") as out:
        out.write(str(usage.ru_maxrss))
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(main())
