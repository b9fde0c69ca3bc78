"""`check --jobs` and `learn --jobs`: on worker processes, a run prints what it prints on one,
byte for byte — findings, the summary, a house config's warning once, a refused file in its
place, the exit code — and fixes the same files, writes the same baseline and the same
lexicon. End to end through `python -m copylint`, since the workers are real processes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from articles import SEED
from newsroom import copylint, newsroom


@pytest.fixture
def room(tmp_path: Path) -> tuple[Path, list[str]]:
    return tmp_path, newsroom(tmp_path)


@pytest.mark.parametrize("format_name", ["text", "json"])
def test_two_processes_print_what_one_does(room: tuple[Path, list[str]], format_name: str) -> None:
    root, paths = room
    check = ("check", "--no-cache", "--format", format_name, *paths)
    one = copylint(*check, "--jobs", "1", cwd=root)
    assert copylint(*check, "--jobs", "2", cwd=root) == one
    code, out, err = one
    assert code == 2  # a file refused
    assert err.splitlines()[0] == (
        "copylint: warning: ROOT/desk/.copylint.yaml: extends names no shipped pack,"
        " so no shipped rule runs (add 'default' to keep them)"
    )
    assert err.splitlines()[1].startswith("copylint: news/2023/latin-1.txt:1: ")
    assert len(err.splitlines()) == 2
    assert "desk/seed.md" in out and "news/2024/slips.txt" in out


def test_a_cache_two_processes_kept_is_read_as_one_kept_it(room: tuple[Path, list[str]]) -> None:
    root, paths = room
    fresh = copylint("check", "--no-cache", *paths, cwd=root)
    assert copylint("check", "--jobs", "2", *paths, cwd=root) == fresh  # filling the cache
    assert copylint("check", "--jobs", "1", *paths, cwd=root) == fresh  # reading it
    assert copylint("check", "--jobs", "2", *paths, cwd=root) == fresh


def test_two_processes_fix_and_diff_what_one_does(tmp_path: Path) -> None:
    runs = {}
    for jobs in ("1", "2"):
        root = tmp_path / jobs
        paths = newsroom(root)
        fixes = ("check", "--no-cache", "--unsafe-fixes", "--jobs", jobs, *paths)
        diff = copylint(*fixes, "--diff", cwd=root)
        fix = copylint(*fixes, "--fix", cwd=root)
        files = {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}
        runs[jobs] = (diff, fix, files)
    assert runs["2"] == runs["1"]
    (diff_code, diff, _), (_, _, said), files = runs["1"]
    assert diff_code == 1 and "+++ b/news/2024/slips.txt" in diff
    assert re.fullmatch(r"copylint: \d+ fixes made in \d+ files", said.splitlines()[-1])
    assert b"Starmet" not in files["news/2024/slips.txt"]
    assert b"Stramer" not in files["news/2024/slips.txt"]


def test_two_processes_write_and_read_the_baseline_one_does(
    room: tuple[Path, list[str]],
) -> None:
    root, paths = room
    one = copylint("check", "--write-baseline", "one.json", "--jobs", "1", *paths, cwd=root)
    two = copylint("check", "--write-baseline", "two.json", "--jobs", "2", *paths, cwd=root)
    assert two == (one[0], one[1], one[2].replace("one.json", "two.json"))
    assert (root / "two.json").read_bytes() == (root / "one.json").read_bytes()
    story = root / "news/2023/story-2.txt"
    story.write_text("Share this article\n\n" + story.read_text("utf-8"), encoding="utf-8")
    (root / "news/2024/slips.txt").unlink()
    new = ("check", "--no-cache", "--baseline", "one.json", *paths)
    one = copylint(*new, "--jobs", "1", cwd=root)
    assert copylint(*new, "--jobs", "2", cwd=root) == one
    assert "news/2023/story-2.txt:1:1: warning boilerplate/web-chrome" in one[1]


def test_a_broken_config_stops_two_processes_where_it_stops_one(
    room: tuple[Path, list[str]],
) -> None:
    root, paths = room
    (root / "news/2024/.copylint.yaml").write_text("rules: [\n", encoding="utf-8")
    one = copylint("check", "--no-cache", "--jobs", "1", *paths, cwd=root)
    assert copylint("check", "--no-cache", "--jobs", "2", *paths, cwd=root) == one
    code, out, err = one
    assert (code, out) == (2, "")
    assert err.splitlines()[-1].startswith("copylint: ROOT/news/2024/.copylint.yaml:")


def test_learn_on_two_processes_writes_the_lexicon_one_does(
    room: tuple[Path, list[str]],
) -> None:
    root, paths = room
    one = copylint("learn", *paths, "-o", "one.yaml", cwd=root)
    two = copylint("learn", "--jobs", "2", *paths, "-o", "two.yaml", cwd=root)
    assert two == (one[0], one[1], one[2].replace("one.yaml", "two.yaml"))
    assert (root / "two.yaml").read_bytes() == (root / "one.yaml").read_bytes()
    assert one[0] == 2 and "news/2023/latin-1.txt" in one[2]
    assert '"Starmer": ' in (root / "one.yaml").read_text("utf-8")


def test_checking_one_file_starts_no_process_pool() -> None:
    """A pre-commit hook checks a file or two: it must not pay for a pool, nor for Dask."""
    script = (
        "import sys\n"
        "from copylint.cli import main\n"
        "try:\n"
        f"    main(['check', '--no-cache', {str(SEED)!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "pools = ('multiprocessing', 'concurrent', 'dask', 'distributed')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in pools))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.stdout.splitlines()[-1] == "[]"


def test_a_rerun_that_finds_its_results_kept_starts_no_process_pool(
    room: tuple[Path, list[str]],
) -> None:
    """Kept results are read in the parent first: workers start only for the files left to
    check, and only if they are enough to repay them."""
    root, paths = room
    script = (
        "import sys\n"
        "from copylint.cli import main\n"
        "try:\n"
        f"    main(['check', '--jobs', '2', *{paths!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('multiprocessing')))\n"
    )

    def run() -> tuple[list[str], bool]:
        done = subprocess.run(
            [sys.executable, "-c", script], cwd=root, capture_output=True, text=True, check=False
        )
        *out, modules = done.stdout.splitlines()
        return out, modules != "[]"

    fresh, pooled = run()
    assert pooled  # every file checked: on two processes, as asked
    assert run() == (fresh, False)  # every result kept: read here, no pool
    (root / "news/2024/seed.txt").write_text(SEED.read_text("utf-8") + "\nMore copy.\n", "utf-8")
    again, _ = run()
    assert len(again) == len(fresh) + 1  # the edited file checked again: its new line


# Idan beside Iran is a near miss only the recogniser can tell from a typo: a person's name.
IDAN = "Iran closed its border. Talks with Iran stalled.\nIdan Avshalom, a medic, said so.\n"
VODAFPNE = "Vodafone grew. Vodafone hired. Later, Vodafpne said profits rose.\n"


def test_a_file_only_the_recogniser_can_decide_is_checked_by_the_parent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from copylint import jobs
    from copylint.language import nlp

    for number in range(4):
        (tmp_path / f"{number}-idan.txt").write_text(IDAN, encoding="utf-8")
        (tmp_path / f"{number}-vodafpne.txt").write_text(VODAFPNE, encoding="utf-8")
    check = ("check", "--no-cache", "--format", "json", ".")
    one = copylint(*check, "--jobs", "1", cwd=tmp_path)
    assert copylint(*check, "--jobs", "2", cwd=tmp_path) == one
    assert re.findall(r'"path": "([^"]+)".*?"text": "(\w+)"', one[1]) == [
        (f"./{number}-vodafpne.txt", "Vodafpne") for number in range(4)
    ]
    # In a worker: the file with the question is handed back, the other checked there, and
    # the parent is told once which model the questions need.
    told: list[str | None] = []
    monkeypatch.setattr(nlp, "_SAID", {})
    monkeypatch.setattr(nlp, "_ASKING", nlp._Asking(hand_back=True, tell=told.append))
    checker = jobs.Checker(jobs.Options())
    assert jobs._checked_unless_handed_back(checker, str(tmp_path / "0-idan.txt")) is None
    assert jobs._checked_unless_handed_back(checker, str(tmp_path / "1-idan.txt")) is None
    outcome = jobs._checked_unless_handed_back(checker, str(tmp_path / "0-vodafpne.txt"))
    assert outcome is not None and [r.text for r in outcome.reports] == ["Vodafpne"]
    assert told == [None]


def test_the_parent_loads_the_model_a_worker_names_and_only_that() -> None:
    import multiprocessing
    import threading

    from copylint.ahead import LoadingAhead
    from copylint.language.nlp import ner_pipeline

    context = multiprocessing.get_context("spawn")
    ner_pipeline.cache_clear()
    loading = LoadingAhead(context)
    worker = context.Process(target=loading.tell, args=(None,))
    worker.start()
    worker.join()
    loading.start()
    loading.wait()
    assert ner_pipeline.cache_info().currsize == 1
    assert "copylint-ahead" not in [thread.name for thread in threading.enumerate()]
    # Told nothing, the thread loads nothing and ends when the run does.
    ner_pipeline.cache_clear()
    idle = LoadingAhead(context)
    idle.start()
    idle.stop()
    idle.wait()
    assert ner_pipeline.cache_info().currsize == 0
    assert "copylint-ahead" not in [thread.name for thread in threading.enumerate()]


def test_workers_give_way_to_the_parent_while_it_loads_the_recogniser() -> None:
    import multiprocessing
    import os
    import time

    from copylint import ahead

    worker = multiprocessing.get_context("spawn").Process(target=time.sleep, args=(30,))
    worker.start()
    try:
        parent = os.getpriority(os.PRIO_PROCESS, 0)
        ahead.workers_give_way()
        assert os.getpriority(os.PRIO_PROCESS, worker.pid or -1) == min(19, parent + 5)
        assert os.getpriority(os.PRIO_PROCESS, 0) == parent
    finally:
        worker.kill()
        worker.join()
