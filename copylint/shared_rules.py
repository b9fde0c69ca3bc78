"""One long article's rules shared by two processes.

A long article's rules take seconds one after another, and a pool of processes cannot help a
run of one file. So this process forks once the article is read: the copy shares the document
page for page, and both take rules, slow ones first, from one pipe of rule numbers until none is
left. On a 10 MB article the recogniser loads in one process while the other rules run in the
other. The copy sends back the findings of every rule it finished; a rule it took but did not
finish (an error, a stalled pattern, a warning, a crash) is run again here, so the findings, the
warnings and each rule's state after the run are those of one process.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from itertools import islice

from copylint.checks.base import MOST_FINDINGS, Rule
from copylint.finding import Finding
from copylint.language.nlp import recogniser_loaded
from copylint.processes import start_method
from copylint.text.document import Document

# Characters of an article from which its rules are shared. The command on two cores, sharing
# against one process (medians of 5 interleaved pairs, slices of news copy): 64 KB 1.04 where
# the recogniser is not asked (0.94 where it is), 128 KB 1.00 (0.96), 256 KB 0.99 (0.89),
# 512 KB 0.93 (0.90), 1 MB 0.88 (0.85). An article is 5 to 50 KB.
LONG = 250_000
_NUMBER_SIZE = 4  # bytes, little-endian
# Rule numbers are written to the pipe before the fork, in one write the pipe holds whole.
_MOST_RULES = 1024

Run = Callable[[Rule], list[Finding]]


def worth_sharing(doc: Document, rules: Sequence[Rule]) -> bool:
    """Whether `doc`'s rules are worth a second process: a long article, more than one rule,
    and a process that may fork (no other thread) and has not loaded the recogniser (whose
    numeric library's threads a copy may not inherit safely; a run that has it reuses it)."""
    return (
        len(doc.text) >= LONG
        and 1 < len(rules) <= _MOST_RULES
        and start_method() == "fork"
        and "numpy" not in sys.modules
        and not _COPIES.loaded_recogniser
    )


def shared_findings(doc: Document, rules: Sequence[Rule], run: Run) -> list[list[Finding]]:
    """Each rule's findings, in the order of `rules`, as `run` gives them here: the rules are
    shared with a copy of this process, which runs them bare and leaves any rule that does not
    finish cleanly to `run` here. Rules that ask a server (`BACKEND`) stay here, first."""
    # What every rule reads, and what findings are placed by here, made once before the copy.
    _ = doc.prose, doc.line_starts
    here_only = [index for index, rule in enumerate(rules) if rule.BACKEND]
    drawn = sorted(
        (index for index, rule in enumerate(rules) if not rule.BACKEND),
        key=lambda index: not rules[index].SLOW,
    )
    numbers_read, numbers_write = os.pipe()
    results_read, results_write = os.pipe()
    os.write(numbers_write, b"".join(index.to_bytes(_NUMBER_SIZE, "little") for index in drawn))
    os.close(numbers_write)
    child = os.fork()
    if child == 0:
        os.close(results_read)
        _run_in_copy(doc, rules, numbers_read, results_write)
    os.close(results_write)
    found: dict[int, list[Finding]] = {}
    try:
        for index in here_only:
            found[index] = run(rules[index])
        for index in _numbers(numbers_read):  # drawn one at a time, as the copy draws
            found[index] = run(rules[index])
        copied = _received(results_read)
    except BaseException:  # an error here, or Ctrl-C: the copy's work is not wanted
        _stop(child)
        raise
    finally:
        os.close(numbers_read)
        os.close(results_read)
        os.waitpid(child, 0)
    for index, findings in copied.items():
        found.setdefault(index, findings)
    return [found[index] if index in found else run(rule) for index, rule in enumerate(rules)]


def _run_in_copy(doc: Document, rules: Sequence[Rule], numbers: int, results: int) -> None:
    """The copy's life: the rules it draws, run bare, and what each found sent back whole.
    It leaves by `os._exit`, whatever happens, so that nothing of the parent's (its buffered
    output, its exit handlers) runs twice."""
    import pickle
    import signal

    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops it
        finished: dict[int, list[Finding]] = {}
        for index in _numbers(numbers):
            try:
                # As `run` does it: one finding past the most tells the parent it was stopped.
                finished[index] = list(islice(rules[index].check(doc), MOST_FINDINGS + 1))
            except Exception:  # left for the parent, which meets it again and says so
                continue
        payload = pickle.dumps((finished, recogniser_loaded()), pickle.HIGHEST_PROTOCOL)
        with os.fdopen(results, "wb") as out:
            out.write(payload)
        code = 0
    finally:
        os._exit(code)


def _numbers(pipe: int) -> Iterator[int]:
    """Rule numbers drawn from the pipe, one read at a time, until it is empty: each read takes
    one whole number, whichever process makes it."""
    while chunk := os.read(pipe, _NUMBER_SIZE):
        yield int.from_bytes(chunk, "little")


def _received(pipe: int) -> dict[int, list[Finding]]:
    """What the copy finished; nothing if it died before it said (every rule it took is then
    run here)."""
    import pickle

    parts = []
    while chunk := os.read(pipe, 1 << 20):
        parts.append(chunk)
    try:
        finished, loaded = pickle.loads(b"".join(parts))
    except Exception:
        return {}
    if loaded:
        _COPIES.loaded_recogniser = True
    return dict(finished)


def _stop(child: int) -> None:
    """Kill the copy: not yet waited for, it is there to be killed, even if it has ended."""
    import signal

    os.kill(child, signal.SIGKILL)


class _Copies:
    """What the copies of this run have told it."""

    loaded_recogniser = False


_COPIES = _Copies()
