"""`copylint` and `python -m copylint`. Ctrl-C stops it in one line, even while it starts."""

from __future__ import annotations

import gc
import os
import sys

INTERRUPTED = 130  # 128 + SIGINT, as a shell reports it
# A run makes many small objects and frees nearly all of them by their reference counts, yet the
# cycle collector, by default, passes over the young ones every 700 allocations. Every 50,000
# (mypy's command sets 200,000) took 0.96 of the time on the corpus, 0.96 on a 10 MB article
# and 0.91 on a 10 MB Markdown one, with the same peak memory. The command's own setting: a
# program that calls `copylint.Linter` keeps its own.
_ALLOCATIONS_BETWEEN_COLLECTIONS = 50_000
# A pass over every object the run holds, by default after ten passes over the middle ones,
# comes once a long Markdown article's parser holds hundreds of thousands of tokens, none of
# them garbage: a sixth of reading 10 MB of Markdown. After a hundred young passes for each
# middle one and a thousand middle for each full one, the 10 MB Markdown article took 0.95 of
# the time, the corpus and a 10 MB plain article the same, and 2,668 files in one process the
# same peak memory (132 MB): what a run frees it frees by reference counts.
_YOUNG_PASSES_BETWEEN_MIDDLE = 100
_MIDDLE_PASSES_BETWEEN_FULL = 1_000


def main() -> None:
    try:
        gc.set_threshold(
            _ALLOCATIONS_BETWEEN_COLLECTIONS,
            _YOUNG_PASSES_BETWEEN_MIDDLE,
            _MIDDLE_PASSES_BETWEEN_FULL,
        )
        from copylint.cli import main as run

        # What the imports made lives as long as the process: no collection need look at it.
        gc.freeze()
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
