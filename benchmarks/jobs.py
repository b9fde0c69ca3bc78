"""What a second process gives: `check --jobs 1` against `--jobs 2` (and `learn`) on runs of
a growing number of real articles, interleaved pair by pair, medians and per-pair ratios.
Also checks that both print the same bytes.

    python benchmarks/jobs.py [--corpus ../shared/corpus] [--runs 5] [--sizes 50,150,300,1050]

The corpus lives outside the repository (../shared); without it this says so and exits 0.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
COPYLINT = [sys.executable, "-m", "copylint"]


def run(arguments: list[str]) -> tuple[float, str]:
    """Wall time and stdout of one copylint command."""
    started = time.perf_counter()
    done = subprocess.run([*COPYLINT, *arguments], capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        sys.exit(f"copylint {arguments[0]} exited {done.returncode}: {done.stderr[:300]}")
    return elapsed, done.stdout


def compare(
    label: str, one: list[str], two: list[str], runs: int, written: Path | None = None
) -> None:
    """Times the two commands alternately; says the medians, the median ratio of each pair,
    and whether their outputs (stdout, and the file they write) agree."""
    times: tuple[list[float], list[float]] = ([], [])
    outputs: set[str] = set()
    for _ in range(runs):
        for command, into in ((one, times[0]), (two, times[1])):
            elapsed, output = run(command)
            into.append(elapsed)
            outputs.add(output + (written.read_text("utf-8") if written else ""))
    ratios = [b / a for a, b in zip(*times, strict=True)]
    same = "same output" if len(outputs) == 1 else "OUTPUTS DIFFER"
    print(
        f"{label:<22} --jobs 1 {statistics.median(times[0]):6.2f} s"
        f"  --jobs 2 {statistics.median(times[1]):6.2f} s"
        f"  ratio {statistics.median(ratios):.2f} (min {min(ratios):.2f}, max {max(ratios):.2f})"
        f"  {same}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="50,150,300,1050")
    args = parser.parse_args()
    articles = sorted(map(str, args.corpus.glob("*.txt")))
    if not articles:
        print(f"no articles at {args.corpus}: nothing measured")
        return
    print(f"{len(articles)} articles in {args.corpus}; {args.runs} pairs each, interleaved")
    for size in (int(size) for size in args.sizes.split(",")):
        chosen = articles[:size]
        check = ["check", "--no-cache", "--format", "json", *chosen]
        compare(
            f"check, {len(chosen)} files",
            [*check, "--jobs", "1"],
            [*check, "--jobs", "2"],
            args.runs,
        )
    with tempfile.TemporaryDirectory() as folder:
        lexicon = Path(folder) / "lexicon.yaml"
        learn = ["learn", *articles, "-o", str(lexicon)]
        compare(
            f"learn, {len(articles)} files",
            [*learn, "--jobs", "1"],
            [*learn, "--jobs", "2"],
            args.runs,
            lexicon,
        )


if __name__ == "__main__":
    main()
