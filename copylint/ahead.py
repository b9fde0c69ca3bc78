"""The recogniser loaded in the parent of a process pool as soon as a worker meets a question,
not when the file it meets it in comes back.

A worker hands a file the recogniser must decide back to the parent (`QuestionsLeft`), which
loads spaCy once for the run. The file comes back with the rest of its chunk, and the parent
reads the chunks in order: on the corpus, a tenth of a second after the worker met the
question, out of the run's second. So the worker also says at once which model it needed, and
a thread of the parent, idle while it waits on the workers, starts loading it.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from copylint.language.nlp import ner_pipeline

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext
    from multiprocessing.queues import SimpleQueue

# How far below this process the workers run once it loads the recogniser, in niceness.
WORKERS_GIVING_WAY = 5
_STOP: tuple[str, str | None] = ("stop", None)


@dataclass(frozen=True, eq=False, repr=False)
class Needed:
    """What a worker calls to say which model it needs: picklable, for workers started afresh."""

    queue: SimpleQueue[tuple[str, str | None]]

    def __call__(self, model: str | None) -> None:
        self.queue.put(("load", model))


class LoadingAhead:
    """Workers `tell` the model they need; the parent's thread loads the first one named.
    `wait()` before checking a handed-back file, `stop()` at the end of the run."""

    def __init__(self, context: BaseContext) -> None:
        self._needed: SimpleQueue[tuple[str, str | None]] = context.SimpleQueue()
        self.tell = Needed(self._needed)
        self._thread = threading.Thread(target=self._load, name="copylint-ahead", daemon=True)

    def start(self) -> None:
        """Once the workers are started: starting them as copies of this process is safe only
        while it holds no other thread."""
        self._thread.start()

    def wait(self) -> None:
        """Until the load a worker asked for is done (whatever its outcome: a model that cannot
        be loaded is tried again where the file is checked, and reported there)."""
        if self._thread.is_alive():
            self._thread.join()

    def stop(self) -> None:
        """The thread ends, now or once the load it is in is done: a run that stops early does
        not wait for spaCy."""
        if self._thread.is_alive():
            self._needed.put(_STOP)

    def _load(self) -> None:
        action, model = self._needed.get()
        if action != "load":
            return
        workers_give_way()
        try:
            ner_pipeline(model)
        except Exception:  # the file's own check meets it again, and reports it
            return


def workers_give_way() -> None:
    """Lower the workers' priority below this process's. Every handed-back file waits for the
    recogniser this process is loading, so the run waits on that load more than on anything
    else; but on two cores, three busy processes get two thirds of a core each. Giving way, the
    workers leave it a core of its own: the corpus as one command took 1.39 s, not 1.63 s
    (interleaved medians). They keep the lower priority to the end of the run, since a process
    may not raise one again."""
    import multiprocessing

    if not hasattr(os, "setpriority"):  # POSIX only
        return
    niceness = min(19, os.getpriority(os.PRIO_PROCESS, 0) + WORKERS_GIVING_WAY)
    for worker in multiprocessing.active_children():
        if worker.pid is None:  # not started: no process yet
            continue
        try:
            os.setpriority(os.PRIO_PROCESS, worker.pid, niceness)
        except OSError:  # it has just ended
            continue
