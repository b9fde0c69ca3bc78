"""`copylint archive`: `check` and `learn` on a Dask cluster, for archives too large for one
machine, with the output they give on one.

The files go out in batches, a task to a batch, so that a million articles make a few
thousand tasks; no more batches are out at once than the cluster has threads, twice over, and
their results are taken in the order of the files. A worker keeps one `Checker` for the run, as
a worker process of `check --jobs` does, and reads each file by its path: the cluster must
share the filesystem the paths are on. Dask is imported only here, and only when a command
runs: `pip install 'copylint[dask]'`.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

from copylint.errors import CopylintError
from copylint.jobs import Checker, Options, Outcome, cores, portable
from copylint.language.lexicon import Learnt, count_names, names_learnt

if TYPE_CHECKING:
    from distributed import Client

NEEDS_DASK = "copylint archive needs Dask: pip install 'copylint[dask]'"
# Files to a task: a task costs the scheduler about a millisecond, a file a worker a few.
BATCH = 200
# Batches out at once, for each thread of the cluster: enough that no worker waits for the
# next while the parent takes a result.
IN_FLIGHT = 2

T = TypeVar("T")


def available() -> bool:
    """Whether Dask's distributed scheduler is installed (without importing it)."""
    return all(importlib.util.find_spec(name) is not None for name in ("dask", "distributed"))


@contextmanager
def cluster(scheduler: str | None) -> Iterator[Client]:
    """A client of the scheduler at `scheduler`, or of a cluster started here: a worker
    process for each core, one thread each (checking holds the GIL)."""
    import dask

    # Dask's own chatter (workers starting, connections closing) is not copylint's output.
    dask.config.set({"logging.distributed": "error"})
    from distributed import Client, LocalCluster

    if scheduler is not None:
        try:
            client = Client(scheduler)
        except OSError as error:
            raise CopylintError(
                f"cannot reach the Dask scheduler at {scheduler}: {error}"
            ) from None
        with client:
            yield client
        return
    # Its HTTP server on any free port: the default one may be another cluster's.
    local = LocalCluster(
        n_workers=cores(), threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    with local, Client(local) as client:
        yield client


def checked(client: Client, paths: Sequence[str], options: Options) -> Iterator[Outcome]:
    """Each file's outcome, in the order of `paths`, checked on the cluster."""
    where = (options, os.getcwd())
    for outcomes in _in_order(client, _check_batch, where, batches(paths)):
        yield from outcomes


def learnt(
    client: Client, paths: Sequence[str], progress: Callable[[int], None] | None = None
) -> Learnt:
    """What `learn` finds in the articles at `paths`, read on the cluster."""
    found = _in_order(client, _count_batch, os.getcwd(), batches(paths))
    return names_learnt(found, progress)


def batches(paths: Sequence[str]) -> Iterator[list[str]]:
    for start in range(0, len(paths), BATCH):
        yield list(paths[start : start + BATCH])


def _in_order(
    client: Client, work: Callable[[Any, list[str]], T], first: Any, todo: Iterable[list[str]]
) -> Iterator[T]:
    """`work(first, batch)` for each batch on the cluster, the results in the batches' order."""
    room = IN_FLIGHT * max(1, sum(client.nthreads().values()))
    out: deque[Any] = deque()
    try:
        for batch in todo:
            out.append(client.submit(work, first, batch, pure=False))
            if len(out) >= room:
                yield out.popleft().result()
        while out:
            yield out.popleft().result()
    finally:
        client.cancel(list(out))  # on an error or Ctrl-C: nothing left running for us


_worker = threading.local()


def _check_batch(where: tuple[Options, str], paths: list[str]) -> list[Outcome]:
    """On a worker: the outcomes of a batch, with the `Checker` this thread keeps for the run
    (a worker may have several threads, and a long-lived cluster several runs)."""
    options, folder = where
    if getattr(_worker, "options", None) != options:
        _worker.options, _worker.checker = options, Checker(options)
    checker: Checker = _worker.checker
    outcomes = []
    for path in paths:
        read = os.path.join(folder, path)
        outcomes.append(portable(_named(checker.check(read), read, path)))
    return outcomes


def _count_batch(folder: str, paths: list[str]) -> Learnt:
    read = [os.path.join(folder, path) for path in paths]
    learnt = count_names(read)
    named = dict(zip(read, paths, strict=True))
    refused = tuple(
        (named[path], problem.replace(path, named[path])) for path, problem in learnt.refused
    )
    return replace(learnt, refused=refused)


def _named(outcome: Outcome, read: str, given: str) -> Outcome:
    """A worker reads a file by its full path, since its working folder is not the client's;
    the output names it as the command line did."""
    if read == given:
        return outcome
    return replace(
        outcome,
        warnings=tuple(warning.replace(read, given) for warning in outcome.warnings),
        refused=None if outcome.refused is None else outcome.refused.replace(read, given),
        path=outcome.path and given,
        reports=tuple(replace(report, path=given) for report in outcome.reports),
    )
