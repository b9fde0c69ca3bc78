"""`copylint` and `python -m copylint`. Ctrl-C stops it in one line, even while it starts."""

from __future__ import annotations

import sys

INTERRUPTED = 130  # 128 + SIGINT, as a shell reports it


def main() -> None:
    try:
        from copylint.cli import main as run

        run()
    except KeyboardInterrupt:
        sys.stderr.write("copylint: interrupted\n")
        sys.exit(INTERRUPTED)


if __name__ == "__main__":
    main()
