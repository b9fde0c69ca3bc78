"""Checking many files: one after another in this process, or on worker processes
(`check --jobs N`), or on a Dask cluster (`copylint.archive`), with the same output.

A `Checker` — a `Linter` built once per process from the run's `Options` — checks one file
into an `Outcome`: its reports and everything else the run says or does for that file (its
warnings, why it was refused, its diff, its fixed bytes). The parent `Tally`s the outcomes in
the order the files were named, whichever process checked them, so the output is the same
byte for byte. A warning a process gives once — a house config's, a grammar server that
cannot be reached — is said once, at the first file it concerns.

The process pool (and `multiprocessing` with it) is imported only when a run uses one: a
check of one file never pays for it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from copylint.acceptance import write_atomically
from copylint.ahead import LoadingAhead, Needed
from copylint.api import Checked, Linter
from copylint.baseline import Recorded, fingerprint
from copylint.cache import ResultCache
from copylint.errors import CopylintError, InputError
from copylint.finding import Report, RuleInfo, RunStats
from copylint.fixes import chosen_edits, fixed, unified_diff
from copylint.language.nlp import QuestionsLeft, hand_back_questions, questions_handed_back
from copylint.processes import start_method
from copylint.text.document import Document
from copylint.text.sources import STDIN, decode

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing.process import BaseProcess

# Measured on two cores, workers starting by fork (interleaved medians of 9 pairs, on articles
# that ask the recogniser nothing): a second process takes 1.03 times one process's time on 50
# files, 0.98 on 80, 0.94 on 110 and 0.89 on 140. A run that loads spaCy waits on that load
# either way (1.03 on 100 files, 1.00 on 150, 0.96 on 200: benchmarks/jobs.py, 7 pairs).
PARALLEL_FROM = 100
# Files a worker takes at a time: few enough round trips that the parent stays idle, small
# enough that the last chunks keep every worker busy to the end.
CHUNK_MAX = 32


@dataclass(frozen=True, eq=False, repr=False)
class Options:
    """What a process needs to check files as the run asks: picklable, for the workers."""

    config: str | None = None
    locale: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    report_unused_suppressions: bool = False
    cache: str | None = None  # the result cache's folder; None: --no-cache
    stdin_filename: str | None = None
    fix: bool = False  # apply the fixes (the parent writes the files)
    unsafe_fixes: bool = False  # the unsafe ones too
    diff: bool = False  # the fixes as a diff, instead
    fingerprints: bool = False  # for a baseline


@dataclass(frozen=True, eq=False, repr=False)
class Outcome:
    """One file checked: what the run says and counts for it, in the order it says it."""

    warnings: tuple[str, ...] = ()
    refused: str | None = None  # why the file could not be read: the run goes on
    error: CopylintError | None = None  # a config or usage error: the run stops
    path: str = ""  # as the reports name it
    reports: tuple[Report, ...] = ()
    fingerprints: tuple[str, ...] = ()  # one for each report, for a baseline
    rules: tuple[RuleInfo, ...] = ()  # the rules that ran on it
    diff: str = ""
    edits: int = 0  # fixes made
    fixed: bytes | None = None  # the file after its fixes, to write


class Checker:
    """Checks files one at a time in this process, with one `Linter` for the run."""

    def __init__(self, options: Options) -> None:
        self.options = options
        cache = None if options.cache is None else ResultCache(Path(options.cache))
        self.linter = Linter(
            options.config,
            options.locale,
            options.select,
            options.ignore,
            options.report_unused_suppressions,
            self._warn,
            cache,
        )
        self._said: list[str] = []  # the warnings of the file being checked
        # A house config warns when this process first loads it; every outcome of that house
        # carries its warnings, so that the run says them at the house's first file, in
        # whatever order the processes took the files.
        self._house_warnings: dict[str | None, tuple[str, ...]] = {}
        self._rules: dict[str | None, tuple[RuleInfo, ...]] = {}

    def check(self, path: str) -> Outcome:
        self._said = []
        house_said: tuple[str, ...] = ()
        try:
            house_said = self._house_warnings_for(path)
            return self._checked(path, house_said)
        except InputError as error:  # that file: the others are still checked
            return Outcome((*house_said, *self._said), refused=str(error))
        except CopylintError as error:
            return Outcome((*house_said, *self._said), error=error)

    def kept(self, path: str) -> Outcome | None:
        """The file's outcome from the result cache, without running a rule; None when it must
        be checked (not kept, or not readable: the check says why)."""
        self._said = []
        try:
            house_said = self._house_warnings_for(path)
            checked = self.linter.kept(path, self.options.stdin_filename)
        except CopylintError:
            return None
        return None if checked is None else self._outcome(checked, house_said)

    def _warn(self, message: str) -> None:
        self._said.append(message)

    def _house_warnings_for(self, path: str) -> tuple[str, ...]:
        house = self.linter.house_for(path, self.options.stdin_filename)
        if house not in self._house_warnings:
            self.linter.config_for(house)
            self._house_warnings[house], self._said = tuple(self._said), []
        return self._house_warnings[house]

    def _checked(self, path: str, house_said: tuple[str, ...]) -> Outcome:
        return self._outcome(self.linter.check_file(path, self.options.stdin_filename), house_said)

    def _outcome(self, checked: Checked, house_said: tuple[str, ...]) -> Outcome:
        linter, options = self.linter, self.options
        house = checked.config.path
        if house not in self._rules:
            self._rules[house] = tuple(rule.info for rule in linter.rules_for(house))
        doc, diff, edits, after = checked.doc, "", 0, None
        if options.fix or options.diff:
            chosen = chosen_edits(checked.reports, options.unsafe_fixes)
            if chosen and doc.raw is not None:
                edits = len(chosen)
                after = fixed(doc, chosen)
                if options.diff:
                    diff, after = unified_diff(doc.path, doc.raw, after), None
                else:  # what remains, once the parent has written the fixed file
                    doc = Document(doc.path, decode(after, doc.path), after)
                    checked = linter.check_document(doc)
        prints: tuple[str, ...] = ()
        if options.fingerprints:
            prints = tuple(fingerprint(doc, report) for report in checked.reports)
        return Outcome(
            (*house_said, *self._said),
            path=doc.path,
            reports=checked.reports,
            fingerprints=prints,
            rules=self._rules[house],
            diff=diff,
            edits=edits,
            fixed=after,
        )


Say = Callable[[str], None]


@dataclass(eq=False, repr=False)
class Tally:
    """A run's outcomes added up in the order of its files. It says each warning once, each
    refusal, and each diff as it comes, and writes each fixed file."""

    say: Say  # a line for stderr
    write: Say  # text for stdout (diffs)
    recording: bool = False  # for a baseline: reports with their fingerprints
    reports: list[Report] = field(default_factory=list)
    recorded: list[Recorded] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)
    rules: dict[str, RuleInfo] = field(default_factory=dict)
    refused: int = 0
    edits: int = 0
    fixed_files: int = 0
    _said: set[str] = field(default_factory=set)

    def add(self, outcome: Outcome) -> None:
        for warning in outcome.warnings:
            if warning not in self._said:
                self._said.add(warning)
                self.say(warning)
        if outcome.error is not None:
            raise outcome.error
        if outcome.refused is not None:
            self.say(outcome.refused)
            self.refused += 1
            return
        self.rules.update((rule.id, rule) for rule in outcome.rules)
        if outcome.edits:
            self.edits += outcome.edits
            self.fixed_files += 1
        if outcome.diff:
            self.write(outcome.diff)
        if outcome.fixed is not None:
            write_atomically(Path(outcome.path), outcome.fixed)
        self.checked.append(outcome.path)
        if self.recording:
            self.recorded += map(Recorded, outcome.reports, outcome.fingerprints)
        else:
            self.reports += outcome.reports

    def sorted_reports(self) -> list[Report]:
        return sorted(self.reports, key=lambda r: (r.path, r.line, r.column, r.finding.rule))

    @property
    def stats(self) -> RunStats:
        return RunStats(len(self.checked), self.refused)


def default_jobs(files: int) -> int:
    """One process for a run of a few files; every core for a run long enough to repay
    starting them."""
    return 1 if files < PARALLEL_FROM else cores()


def cores() -> int:
    """The cores this process may run on."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


@contextmanager
def outcomes(
    paths: list[str], options: Options, jobs: int | None = None
) -> Iterator[Iterator[Outcome]]:
    """Each file's outcome, in the order of `paths`: read from the result cache here, checked
    here, or checked on `jobs` worker processes (None: as many as the files not in the cache
    repay, see `default_jobs`). Stdin is read here, since it is this process's."""
    checker = Checker(options)
    wanted = default_jobs(len(paths)) if jobs is None else jobs
    # With no pool, a long article's rules may still use a second core, unless one is asked for.
    checker.linter.share_long = (jobs is None or jobs > 1) and cores() > 1
    if wanted <= 1 or len(paths) < 2 or STDIN in paths:
        yield map(checker.check, paths)  # no pool in question: each file read once, here
        return
    # Kept results are read here first: a re-run that finds most of them starts no worker.
    reuse = options.cache is not None and not (options.fix or options.diff)
    kept = [checker.kept(path) if reuse else None for path in paths]
    todo = [path for path, outcome in zip(paths, kept, strict=True) if outcome is None]
    jobs = default_jobs(len(todo)) if jobs is None else jobs
    if jobs <= 1 or len(todo) < 2:
        yield (
            checker.check(path) if outcome is None else outcome
            for path, outcome in zip(paths, kept, strict=True)
        )
        return
    # The first file is checked here before the workers start, so that they start as copies
    # of a process that has read the config and the rules' word lists (50 ms), where each
    # would read them for itself. A question for the recogniser leaves it to the workers.
    checker.linter.share_long = False  # the pool's processes use the cores
    with questions_handed_back():
        first = _checked_unless_handed_back(checker, todo[0])
    if first is not None:
        kept[kept.index(None)], todo = first, todo[1:]
    with _on_pool(todo, checker, jobs) as checked:
        yield (next(checked) if outcome is None else outcome for outcome in kept)


@contextmanager
def _on_pool(paths: list[str], checker: Checker, jobs: int) -> Iterator[Iterator[Outcome]]:
    """The outcomes of `paths`, in order, checked on `jobs` worker processes; a file a worker
    hands back is checked here."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = start_method()
    context = multiprocessing.get_context(method)
    ahead = LoadingAhead(context)
    # A worker started by fork is a copy of this process and takes its checker as it is, with
    # the config read; one started afresh builds its own from the options.
    given = checker if method == "fork" else checker.options
    pool = ProcessPoolExecutor(
        min(jobs, len(paths)), context, initializer=_start_worker, initargs=(given, ahead.tell)
    )
    interrupted = False
    try:
        size = max(1, min(CHUNK_MAX, len(paths) // (jobs * 8)))
        chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
        # Submitted one by one, not by `pool.map`: its results cancel the futures left when
        # they are abandoned, and a pool stopped under a cancelled future raises in its
        # own thread on Python 3.11.
        futures = [pool.submit(_check_chunk, chunk) for chunk in chunks]
        ahead.start()
        yield (
            _here_if_handed_back(checker, ahead, path, outcome)
            for chunk, future in zip(chunks, futures, strict=True)
            for path, outcome in zip(chunk, future.result(), strict=True)
        )
    except KeyboardInterrupt:
        interrupted = True
        _terminate(pool)
        raise
    finally:
        # On an error the chunks not begun are dropped and the workers finish the few files
        # they hold; on Ctrl-C they are stopped at once. Either way no file is left half-fixed,
        # since the parent writes the fixes.
        pool.shutdown(cancel_futures=not interrupted)
        ahead.stop()


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Stop the workers where they are: one may be a second into loading spaCy."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14
    if terminate is not None:
        terminate()
        return
    processes: dict[int, BaseProcess] = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        process.terminate()


def _here_if_handed_back(
    checker: Checker, ahead: LoadingAhead, path: str, outcome: Outcome | None
) -> Outcome:
    # A file a worker handed back needs the recogniser, which this process has begun loading
    # (once) while the workers go on with the rest.
    if outcome is not None:
        return outcome
    ahead.wait()
    return checker.check(path)


_checker: Checker | None = None


def _start_worker(given: Checker | Options, tell: Needed) -> None:
    import signal

    # Ctrl-C reaches every process of the terminal's group: the parent stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _checker
    _checker = given if isinstance(given, Checker) else Checker(given)
    hand_back_questions(tell)


def _check_chunk(paths: list[str]) -> list[Outcome | None]:
    """A worker's check of a few files, sent back together (a rule list the files share
    pickles once); None for a file handed back to the parent."""
    assert _checker is not None
    return [_checked_unless_handed_back(_checker, path) for path in paths]


def _checked_unless_handed_back(checker: Checker, path: str) -> Outcome | None:
    """The file's outcome as it can go to another process; None where a question for the
    recogniser hands the file back (in a worker, or in the parent before the workers start)."""
    try:
        return portable(checker.check(path))
    except QuestionsLeft:
        return None


def portable(outcome: Outcome) -> Outcome:
    """The outcome as it can go back from another process: an error that stops the run as
    plain text (a `ConfigError` would not rebuild from its message alone)."""
    if outcome.error is None or type(outcome.error) is CopylintError:
        return outcome
    return replace(outcome, error=CopylintError(str(outcome.error)))
