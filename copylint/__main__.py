"""`copylint` and `python -m copylint`. Ctrl-C stops it in one line, even while it starts."""

from __future__ import annotations

import os
import sys

INTERRUPTED = 130  # 128 + SIGINT, as a shell reports it


def main() -> None:
    try:
        from copylint.cli import main as run

        run()
    except KeyboardInterrupt:
        sys.stderr.write("copylint: interrupted\n")
        sys.exit(INTERRUPTED)
    except SystemExit as leaving:
        _leave_now(leaving)


def _leave_now(leaving: SystemExit) -> None:
    """Exit without the interpreter's teardown, which frees the word lists object by object:
    a sixth of a one-article run. By now every file is written and closed; only the standard
    streams may hold output. Anything unusual leaves the ordinary way."""
    code = leaving.code
    if code is not None and not isinstance(code, int):
        raise leaving
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe, or a stream closed already
        raise leaving from None
    os._exit(code or 0)


if __name__ == "__main__":
    main()
