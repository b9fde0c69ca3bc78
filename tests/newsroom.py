"""A small archive, as a newsroom's has its articles, for the tests of runs on many processes
(`check --jobs`, `copylint archive`), and a way to run them as a user does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from articles import ARTICLE, SEED

SEED_MD = Path(__file__).resolve().parent / "articles" / "seed.md"
# A desk whose config brings in no shipped pack: a warning the run must say once, however
# many processes load that config.
DESK_CONFIG = "extends: [./house.yaml]\n"
DESK_RULES = """\
rules:
  house/amidst:
    kind: existence
    category: style
    severity: warning
    message: 'Write "amid", not "{text}".'
    tokens: [amidst]
"""


def newsroom(root: Path) -> list[str]:
    """Thirteen articles under `root`: the seed in plain text and Markdown, spelt the British
    way, the American way and with slips in its names, cut into four stories; a desk with its
    own rules; an empty file; and one file that cannot be read (Latin-1, not UTF-8), in the
    middle of the run. What to name on the command line, relative to `root`."""
    seed = SEED.read_text("utf-8")
    paragraphs = seed.split("\n\n")
    quarter = len(paragraphs) // 4
    stories = {
        f"news/2023/story-{n + 1}.txt": "\n\n".join(paragraphs[n * quarter : (n + 1) * quarter])
        for n in range(4)
    }
    files = {
        "desk/.copylint.yaml": DESK_CONFIG,
        "desk/house.yaml": DESK_RULES,
        "desk/seed.txt": seed,
        "desk/seed.md": SEED_MD.read_text("utf-8"),
        **stories,
        "news/2023/empty.txt": "",
        "news/2024/seed.txt": seed,
        "news/2024/seed.md": SEED_MD.read_text("utf-8"),
        "news/2024/british.txt": ARTICLE.decode("utf-8"),
        "news/2024/american.txt": seed.replace("emphasised", "emphasized").replace(
            "self-defence", "self-defense"
        ),
        "news/2024/slips.txt": seed.replace("Biden and Starmer", "Biden and Stramer"),
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "news/2023/latin-1.txt").write_bytes(
        "Café society returns to Paris.\n".encode("latin-1")
    )
    return ["desk", "news"]


Run = tuple[int, str, str]


def copylint(*args: str, cwd: Path) -> Run:
    """`python -m copylint ARGS` in `cwd`: its exit code, stdout and stderr, with `cwd` written
    ROOT (a desk's warning names its config by its full path)."""
    done = subprocess.run(
        [sys.executable, "-m", "copylint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.returncode, done.stdout, done.stderr.replace(str(cwd), "ROOT")
