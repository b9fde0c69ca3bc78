"""A 10 MB article, plain and Markdown: wall time and memory of the command as it runs by default
(a long article's rules shared by two processes) and with `--jobs 1` (one process), side by side.

    python benchmarks/long_article.py [--shared ../shared] [--runs 3] [--megabytes 10]

The plain article is the dev corpus's articles one after another, the Markdown one the real
posts' bodies (their front matter left out); each is cut at the size asked. Memory is given two
ways: the largest peak of any one process (what `/usr/bin/time` reports), and the peak over time
of the processes' summed proportional set size (pages two processes share counted half to
each), sampled every 10 ms in runs of its own, since sampling slows what it measures. Without
../shared this says so and exits 0.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FRONT_MATTER_FENCES = ("---\n", "+++\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--megabytes", type=float, default=10)
    args = parser.parse_args()
    if not (args.shared / "corpus").is_dir() or not (args.shared / "corpus-md").is_dir():
        print(f"no dev corpus at {args.shared}: nothing to measure")
        return
    size = int(args.megabytes * 1_000_000)
    with tempfile.TemporaryDirectory() as folder:
        articles = {
            "plain": _article(sorted((args.shared / "corpus").glob("*.txt")), size, ".txt"),
            "Markdown": _article(sorted((args.shared / "corpus-md").rglob("*.md")), size, ".md"),
        }
        for kind, text in articles.items():
            path = Path(folder) / f"long{'.md' if kind == 'Markdown' else '.txt'}"
            path.write_bytes(text)
            _compare(kind, path, args.runs)


def _article(paths: list[Path], size: int, suffix: str) -> bytes:
    """The files' texts one after another, over again until `size` bytes, cut there."""
    texts = [path.read_text("utf-8") for path in paths]
    pieces = [(_body(text) if suffix == ".md" else text).strip() + "\n\n" for text in texts]
    whole = "".join(pieces).encode("utf-8")
    repeated = whole * (size // len(whole) + 1)
    return repeated[:size].decode("utf-8", "ignore").encode("utf-8")


def _body(post: str) -> str:
    for fence in FRONT_MATTER_FENCES:
        if post.startswith(fence):
            end = post.find("\n" + fence, len(fence))
            return post[end + len(fence) + 1 :] if end >= 0 else post
    return post


def _compare(kind: str, path: Path, runs: int) -> None:
    command = [sys.executable, "-m", "copylint", "check", "--no-cache", "--format", "json"]
    ways = {"shared": [*command, str(path)], "one": [*command, "--jobs", "1", str(path)]}
    timed: dict[str, list[tuple[float, int, bytes]]] = {name: [] for name in ways}
    for _ in range(runs):  # interleaved, since the machine is shared and noisy
        for name, way in ways.items():
            timed[name].append(_timed(way))
    # Summing the processes' memory reads their page tables every 10 ms, which slows them (by
    # a sixth on the plain article), so it has runs of its own, and the times above none.
    summed = {name: _summed_pss(way) for name, way in ways.items()}
    outputs = {output for runs_of in timed.values() for *_, output in runs_of}
    megabytes = path.stat().st_size / 1_000_000
    print(f"{kind}, {megabytes:.1f} MB: outputs identical: {len(outputs) == 1}")
    for name, measured in timed.items():
        wall = statistics.median(m[0] for m in measured)
        largest = max(m[1] for m in measured) // 1024
        print(
            f"  {name:6} median {wall:.2f} s; peak of one process {largest} MB,"
            f" summed PSS peak {summed[name] // 1024} MB"
        )
    shared = statistics.median(m[0] for m in timed["shared"])
    one = statistics.median(m[0] for m in timed["one"])
    print(f"  shared / one: {shared / one:.2f}")


def _timed(command: list[str]) -> tuple[float, int, bytes]:
    """Wall time, the largest peak RSS of any one process (KB, as `/usr/bin/time` gives it),
    and the output."""
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        return wall, usage.ru_maxrss, out.read()


def _summed_pss(command: list[str]) -> int:
    """The peak of the processes' summed proportional set size (KB), sampled every 10 ms."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    summed = 0
    while not os.wait4(process.pid, os.WNOHANG)[0]:
        summed = max(summed, sum(_pss(pid) for pid in _tree(process.pid)))
        time.sleep(0.01)
    return summed


def _tree(pid: int) -> list[int]:
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return [pid]
    return [pid, *(grandchild for child in children for grandchild in _tree(int(child)))]


def _pss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


if __name__ == "__main__":
    main()
