"""The property-based tests of tests/test_fuzz.py at scale: 100,000 random documents and 20,000
random configs through the library and click's CliRunner (in-process, for speed), on every
core. Each distinct failure (by the signature its property gives it) is counted, its smallest
input found is shrunk further, line by line then character by character, and saved with what
went wrong; the report gives the counts, the failures and the time taken. Exit 1 on any failure.

    python benchmarks/fuzz.py [--documents 100000] [--configs 20000] [--seed 0] [--jobs 2]
                              [--out DIR] [--shrink-seconds 60]

It needs hypothesis (`pip install hypothesis`) and skips, exit 0, without it.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import multiprocessing
import os
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
BATCH = 200  # examples per hypothesis run: each run starts afresh from its own seed
KINDS = ("document", "config")


def _properties() -> ModuleType:
    """tests/test_fuzz.py, which holds the strategies and the properties."""
    if str(REPO / "tests") not in sys.path:
        sys.path.insert(0, str(REPO / "tests"))
    import test_fuzz

    return test_fuzz


@dataclass(frozen=True)
class Job:
    kind: str  # "document" or "config"
    count: int
    seed: int


@dataclass
class Failure:
    signature: str
    kind: str
    count: int
    case: Any  # the smallest DocumentCase or ConfigCase seen with this signature
    detail: str


@dataclass
class Batch:
    kind: str
    ran: int = 0
    failed: int = 0
    failures: dict[str, Failure] = field(default_factory=dict)

    def add(self, signature: str, case: Any, detail: str) -> None:
        self.failed += 1
        known = self.failures.get(signature)
        if known is None:
            self.failures[signature] = Failure(signature, self.kind, 1, case, detail)
            return
        known.count += 1
        if _size(case) < _size(known.case):
            known.case, known.detail = case, detail


def _size(case: Any) -> int:
    texts = [getattr(case, name, None) for name in ("text", "house", "lexicon")]
    return sum(len(text) for text in texts if text)


def failure_of(kind: str, case: Any) -> tuple[str, str] | None:
    """(signature, detail) of the first property `case` breaks, or None."""
    fuzz = _properties()
    check: Callable[[Any], None]
    check = fuzz.document_properties if kind == "document" else fuzz.config_properties
    try:
        check(case)
    except fuzz.PropertyFailure as failure:
        return failure.signature, failure.detail
    except Exception as error:  # a fault of the properties themselves: counted all the same
        return f"harness: {type(error).__name__}: {error}", traceback.format_exc()
    return None


def run_batch(job: Job) -> Batch:
    from hypothesis import HealthCheck, Phase, given, seed, settings

    fuzz = _properties()
    batch = Batch(job.kind)
    strategy = fuzz.document_cases() if job.kind == "document" else fuzz.configs()

    @settings(
        max_examples=job.count,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @seed(job.seed)
    @given(strategy)
    def run(case: Any) -> None:
        batch.ran += 1
        failed = failure_of(job.kind, case)
        if failed:
            batch.add(failed[0], case, failed[1])

    run()
    return batch


# ---------------------------------------------------------------------------------------------
# Shrinking: the smallest input that still fails with the same signature.


def _delete_chunks(
    parts: list[str], joiner: str, fails: Callable[[str], bool], deadline: float
) -> list[str]:
    """Delta debugging, greedy: drop runs of parts, halving the run until single parts."""
    chunk = max(1, len(parts) // 2)
    while time.monotonic() < deadline:
        changed, at = False, 0
        while at < len(parts) and time.monotonic() < deadline:
            candidate = parts[:at] + parts[at + chunk :]
            if fails(joiner.join(candidate)):
                parts, changed = candidate, True
            else:
                at += chunk
        if chunk == 1 and not changed:
            break
        chunk = max(1, chunk // 2) if not changed else chunk
    return parts


def shrink(failure: Failure, seconds: float) -> Failure:
    """The failure's input made as small as `seconds` allow, its signature kept."""
    deadline = time.monotonic() + seconds
    smallest = replace(failure)
    for name in ("text", "house", "lexicon"):
        value = getattr(smallest.case, name, None)
        if not value:
            continue
        fails = _same_failure(smallest, name)
        lines = _delete_chunks(value.split("\n"), "\n", fails, deadline)
        words = _delete_chunks(re.findall(r"\w+|\W", "\n".join(lines)), "", fails, deadline)
        chars = _delete_chunks(list("".join(words)), "", fails, deadline)
        smallest.case = replace(smallest.case, **{name: "".join(chars)})
    return smallest


def _same_failure(smallest: Failure, name: str) -> Callable[[str], bool]:
    """Whether the case with `name` set to a text still fails alike; if so its detail is kept."""

    def fails(text: str) -> bool:
        found = failure_of(smallest.kind, replace(smallest.case, **{name: text}))
        if found is None or found[0] != smallest.signature:
            return False
        smallest.detail = found[1]
        return True

    return fails


def _shrink_job(item: tuple[Failure, float]) -> Failure:
    return shrink(*item)


# ---------------------------------------------------------------------------------------------
# Saving and reporting.


def save(failure: Failure, folder: Path) -> Path:
    """The input as files to run copylint on, with what went wrong beside them."""
    fuzz = _properties()
    folder.mkdir(parents=True, exist_ok=True)
    case = failure.case
    if failure.kind == "document":
        # The prose property reads a text as Markdown and as plain text, whatever its suffix.
        suffix = ".md" if "'doc.md'" in failure.signature else case.suffix
        main = folder / f"document{suffix}"
        main.write_bytes(fuzz.encode(fuzz.canonical(case.text), case.stdin))
        how = f"copylint check --locale {case.locale} {main.name}"
    else:
        main = fuzz.write_config_case(case, folder)
        how = f"copylint check --config {main.name} article.md"
    record = {
        "signature": failure.signature,
        "count": failure.count,
        "run": how,
        "case": asdict(case),
        "detail": failure.detail,
    }
    (folder / "failure.json").write_text(
        json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return main


def _last_line(detail: str) -> str:
    lines = [line for line in detail.strip().split("\n") if line.strip()]
    return lines[-1].strip()[:300] if lines else ""


def _jobs(args: argparse.Namespace) -> list[Job]:
    """Batches of documents and configs, interleaved so that both advance together."""
    queues: dict[str, list[Job]] = {}
    for number, (kind, total) in enumerate(
        (("document", args.documents), ("config", args.configs))
    ):
        starts = range(0, total, BATCH)
        queues[kind] = [
            Job(kind, min(BATCH, total - start), args.seed * 1_000_003 + number * 500_009 + index)
            for index, start in enumerate(starts)
        ]
    jobs: list[Job] = []
    documents, configs = queues["document"], queues["config"]
    ratio = max(1, len(documents) // max(1, len(configs)))
    while documents or configs:
        jobs += documents[:ratio]
        del documents[:ratio]
        jobs += configs[:1]
        del configs[:1]
    return jobs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--configs", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--out", type=Path, help="where failing inputs go (default: a new temp dir)"
    )
    parser.add_argument("--shrink-seconds", type=float, default=60.0, help="per distinct failure")
    args = parser.parse_args()
    if importlib.util.find_spec("hypothesis") is None:
        print("hypothesis is not installed (pip install hypothesis): nothing run")
        return 0
    _properties()  # before any result comes back holding one of its cases
    began = time.monotonic()
    jobs = _jobs(args)
    totals = {kind: Batch(kind) for kind in KINDS}
    wanted = {"document": args.documents, "config": args.configs}
    # Spawned workers, each importing the properties first: a failing case sent back to one
    # to shrink is a test_fuzz object.
    context = multiprocessing.get_context("spawn")
    pool: Any = context.Pool(args.jobs, _properties) if args.jobs > 1 else _InProcess()
    with pool:
        for batch in pool.imap_unordered(run_batch, jobs):
            total = totals[batch.kind]
            total.ran += batch.ran
            total.failed += batch.failed
            for signature, failure in batch.failures.items():
                known = total.failures.get(signature)
                if known is None:
                    total.failures[signature] = failure
                else:
                    known.count += failure.count
                    if _size(failure.case) < _size(known.case):
                        known.case, known.detail = failure.case, failure.detail
            elapsed = time.monotonic() - began
            done = sum(t.ran for t in totals.values())
            print(
                f"[{elapsed:7.0f} s] documents {totals['document'].ran:,}/{wanted['document']:,}"
                f"  configs {totals['config'].ran:,}/{wanted['config']:,}"
                f"  failing {sum(t.failed for t in totals.values()):,}"
                f" ({sum(len(t.failures) for t in totals.values())} distinct)"
                f"  {done / elapsed:.1f}/s",
                flush=True,
            )
        generated = time.monotonic() - began
        failures = [f for kind in KINDS for f in totals[kind].failures.values()]
        if failures:
            most = f"{args.shrink_seconds:.0f} s each at most"
            print(f"shrinking {len(failures)} distinct failures ({most})", flush=True)
            failures = list(pool.imap(_shrink_job, [(f, args.shrink_seconds) for f in failures]))
    out = args.out or Path(tempfile.mkdtemp(prefix="copylint-fuzz-"))
    print()
    print(
        f"copylint fuzz: {totals['document'].ran:,} documents and {totals['config'].ran:,} configs"
        f" in {generated:.0f} s, and {time.monotonic() - began - generated:.0f} s shrinking"
        f" ({args.jobs} jobs, seed {args.seed})"
    )
    for kind in KINDS:
        total = totals[kind]
        print(
            f"  {kind}s: {total.ran:,} run, {total.failed:,} failing,"
            f" {len(total.failures)} distinct failures"
        )
    if not failures:
        print("no failures")
        return 0
    print(f"distinct failures, each with its smallest input, saved in {out}:")
    failures.sort(key=lambda f: (f.kind, -f.count, f.signature))
    for number, failure in enumerate(failures, 1):
        saved = save(failure, out / f"{number:02d}-{failure.kind}")
        print(f"{number:3}. [{failure.kind} x{failure.count}] {failure.signature}")
        where = saved.relative_to(out)
        print(f"     input ({_size(failure.case)} chars) {where}: {_size_repr(failure.case)}")
        print(f"     error: {_last_line(failure.detail)}")
    return 1


def _size_repr(case: Any) -> str:
    shown = repr(case.text)
    return shown if len(shown) <= 200 else shown[:200] + "…"


class _InProcess:
    """`--jobs 1`: the pool's two methods, run here (easier to debug, and no start-up cost)."""

    def __enter__(self) -> _InProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def imap_unordered(self, function: Callable[[Any], Any], items: list[Any]) -> Any:
        return map(function, items)

    imap = imap_unordered


if __name__ == "__main__":
    sys.exit(main())
