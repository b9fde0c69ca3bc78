"""Speed of copylint as pre-commit and editors run it: cold start on one article, and words per
second over the dev evaluation set with the default rules.

    python benchmarks/speed.py [--eval ../shared/eval] [--runs 7] [--copylint "copylint"]

The dev set lives outside the repository (../shared); without it this says so and exits 0.
"""

from __future__ import annotations

import argparse
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = REPO.parent / "shared" / "eval"
SEED = REPO / "seeds" / "000_a48f44d96701f5af.txt"


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode not in (0, 1):
        sys.exit(f"{shlex.join(command[:4])} … exited {result.returncode}: {result.stderr[:300]}")
    return time.perf_counter() - started


def cold_start(copylint: list[str], runs: int) -> float:
    """Median wall time of one `copylint check` on the seed: what a pre-commit run costs."""
    return statistics.median(timed([*copylint, "check", str(SEED)]) for _ in range(runs))


def words_per_second(copylint: list[str], eval_dir: Path, runs: int) -> tuple[int, float]:
    articles = sorted((eval_dir / "articles").glob("*.txt"))
    words = sum(len(path.read_text("utf-8").split()) for path in articles)
    chunks = [articles[i : i + 400] for i in range(0, len(articles), 400)]
    best = min(
        sum(timed([*copylint, "check", "--format", "json", *map(str, c)]) for c in chunks)
        for _ in range(max(1, runs // 3))
    )
    return words, words / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--copylint", default=f"{sys.executable} -m copylint")
    args = parser.parse_args()
    copylint = shlex.split(args.copylint)
    print(
        f"cold start, one article (median of {args.runs}): {cold_start(copylint, args.runs):.3f} s"
    )
    if not (args.eval / "articles").is_dir():
        print(f"no dev set at {args.eval}: words/s not measured")
        return
    words, rate = words_per_second(copylint, args.eval, args.runs)
    print(f"dev set: {words} words, {rate:,.0f} words/s with the default rules")


if __name__ == "__main__":
    main()
