"""`copylint serve` under load: rounds of concurrent requests of a 1,000-word article from a
loopback client; latency percentiles, errors, and the server's memory after each round.

    python benchmarks/server_load.py [--concurrent 200] [--rounds 5] [--endpoint v2|v1]

The article is the seed's paragraphs, repeated to exactly 1,000 words. The server is the
command itself (`python -m copylint serve --port 0`), started and stopped here; its memory is
its resident set (Linux /proc). The client is a few lines of asyncio, one connection a request:
a full HTTP client library costs more CPU per request than the check, on the same two cores.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import queue
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "000_a48f44d96701f5af.txt"
SERVING = re.compile(r"serving on (http://\S+?)/? ")
WORDS = 1000


def article(words: int = WORDS) -> str:
    """The seed's paragraphs, in order and again, cut at exactly `words` words."""
    paragraphs = [p for p in SEED.read_text("utf-8").split("\n\n") if p.strip()]
    chosen: list[str] = []
    count = 0
    while count < words:
        paragraph = paragraphs[len(chosen) % len(paragraphs)]
        taken = paragraph.split(" ")[: words - count]
        chosen.append(" ".join(taken))
        count += len(" ".join(taken).split())
    return "\n\n".join(chosen) + "\n"


def resident_mb(pid: int) -> float | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    found = re.search(r"VmRSS:\s+(\d+) kB", status)
    return int(found.group(1)) / 1024 if found else None


async def one(host: str, port: int, request: bytes) -> tuple[float, str]:
    """One request on a connection of its own; its time and what went wrong, if anything."""
    started = time.perf_counter()
    try:
        reader, writer = await asyncio.open_connection(host, port)
        writer.write(request)
        answer = await reader.read()  # the server closes: `Connection: close`
        writer.close()
        await writer.wait_closed()
    except OSError as error:
        return time.perf_counter() - started, f"{type(error).__name__}: {error}"
    seconds = time.perf_counter() - started
    head, _, body = answer.partition(b"\r\n\r\n")
    status = head.split(b" ", 2)[1:2]
    if status != [b"200"]:
        return seconds, f"HTTP {status[0].decode() if status else '?'}: {body[:200]!r}"
    try:
        json.loads(body)
    except ValueError:
        return seconds, f"not JSON: {body[:200]!r}"
    return seconds, ""


async def burst(url: str, body: bytes, concurrent: int) -> list[tuple[float, str]]:
    """`concurrent` requests at once."""
    where = urllib.parse.urlsplit(url)
    host, port = where.hostname or "127.0.0.1", where.port or 80
    request = (
        f"POST {where.path} HTTP/1.1\r\nHost: {where.netloc}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode("ascii") + body
    return await asyncio.gather(*(one(host, port, request) for _ in range(concurrent)))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--concurrent", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--endpoint", choices=("v2", "v1"), default="v2")
    args = parser.parse_args()

    text = article()
    if args.endpoint == "v2":
        path, fields = "/v2/check", {"language": "en-GB", "text": text}
    else:
        path, fields = "/v1/check", {"text": text, "filename": "article.txt", "locale": "en-GB"}
    with tempfile.TemporaryDirectory() as folder:
        server = subprocess.Popen(
            [sys.executable, "-m", "copylint", "serve", "--port", "0"],
            cwd=folder,
            stderr=subprocess.PIPE,
            text=True,
        )
        lines: queue.Queue[str] = queue.Queue()
        drain = threading.Thread(target=lambda: [lines.put(x) for x in server.stderr or ()])
        drain.start()
        try:
            found = None
            while found is None:
                found = SERVING.search(lines.get(timeout=60))
            url = found.group(1) + path
            body = urllib.parse.urlencode(fields).encode("utf-8")
            run(url, body, server.pid, args.concurrent, args.rounds, len(text.split()))
        finally:
            server.terminate()
            server.wait(timeout=30)
            drain.join(timeout=5)
        said = [line.rstrip() for line in iter_queue(lines)]
        if said:
            print("server said:", *said[:10], sep="\n  ")


def run(url: str, body: bytes, pid: int, concurrent: int, rounds: int, words: int) -> None:
    print(f"{url}: {rounds} rounds of {concurrent} concurrent requests, {words} words each")
    asyncio.run(burst(url, body, 20))  # warm up: config read, rules built, caches filled
    before = resident_mb(pid)
    latencies: list[float] = []
    problems: list[str] = []
    started = time.perf_counter()
    for number in range(1, rounds + 1):
        results = asyncio.run(burst(url, body, concurrent))
        latencies += [seconds for seconds, _ in results]
        problems += [problem for _, problem in results if problem]
        round_ms = [seconds * 1000 for seconds, _ in results]
        print(
            f"  round {number}: p50 {statistics.median(round_ms):6.0f} ms"
            f"  p99 {percentile(round_ms, 0.99):6.0f} ms"
            f"  errors {sum(1 for _, p in results if p)}"
            f"  server memory {_mb(resident_mb(pid))}"
        )
    elapsed = time.perf_counter() - started
    after = resident_mb(pid)
    ms = [seconds * 1000 for seconds in latencies]
    print(
        f"latency: p50 {statistics.median(ms):.0f} ms, p90 {percentile(ms, 0.9):.0f} ms,"
        f" p99 {percentile(ms, 0.99):.0f} ms, max {max(ms):.0f} ms"
    )
    print(f"throughput: {len(ms) / elapsed:.0f} requests/s ({len(ms)} requests)")
    print(f"errors: {len(problems)}" + (f" (first: {problems[0]})" if problems else ""))
    print(f"server memory: {_mb(before)} after warm-up, {_mb(after)} after {len(ms)} requests")


def iter_queue(lines: queue.Queue[str]) -> list[str]:
    said = []
    while not lines.empty():
        said.append(lines.get_nowait())
    return said


def _mb(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f} MB"


if __name__ == "__main__":
    main()
