"""End to end through pre-commit: `pre-commit try-repo` installs copylint from this repository
into a fresh environment of its own, as a newsroom's pre-commit would, and runs the `copylint`
hook of `.pre-commit-hooks.yaml` on a git repository of articles.

try-repo takes this repository's HEAD plus changes to *tracked* files: a new module that is not
yet `git add`-ed is missing from the hook's install, just as it would be for a user.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_a48f44d96701f5af.txt"

# Nothing for any rule to object to: no web chrome, no quotations, no UK/US variant words,
# each name spelt once.
CLEAN_ARTICLE = """\
Library to open in the spring

The town council approved the budget for a new library on Tuesday.

Building work begins next month and the doors should open in the spring.

Until then, residents can borrow books from the mobile library, which visits the market
square every Saturday morning.
"""

BOILERPLATE = (
    "000_a48f44d96701f5af.txt:1:1:",
    "000_a48f44d96701f5af.txt:2:1:",
    "000_a48f44d96701f5af.txt:34:1:",
    "000_a48f44d96701f5af.txt:36:1:",
)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """One PRE_COMMIT_HOME for the module, so the user's own cache is never touched; and no
    GIT_* variables, which would point git at another repository when pytest runs in a hook."""
    clean = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    clean["PRE_COMMIT_HOME"] = str(tmp_path_factory.mktemp("pre-commit-home"))
    clean["PRE_COMMIT_COLOR"] = "never"
    clean["NO_COLOR"] = "1"
    return clean


def _git(repo: Path, *args: str, env: dict[str, str]) -> None:
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def _article_repo(folder: Path, articles: dict[str, str], env: dict[str, str]) -> Path:
    folder.mkdir()
    _git(folder, "init", "-q", env=env)
    _git(folder, "config", "user.name", "copylint tests", env=env)
    _git(folder, "config", "user.email", "tests@copylint.invalid", env=env)
    _git(folder, "config", "commit.gpgsign", "false", env=env)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    _git(folder, "add", "--", *articles, env=env)
    _git(folder, "commit", "-q", "-m", "articles", env=env)
    return folder


def _try_repo(articles: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "copylint", "--all-files"],
        cwd=articles,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def _explain(result: subprocess.CompletedProcess[str]) -> str:
    hint = ""
    if "ModuleNotFoundError" in result.stdout:
        hint = (
            "\n(try-repo installs HEAD plus changes to tracked files only: is a new module"
            " not yet `git add`-ed?)"
        )
    return f"exit {result.returncode}\n{result.stdout}\n{result.stderr}{hint}"


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("articles")


def test_hook_fails_on_the_seed_and_reports_its_boilerplate(
    articles: Path, env: dict[str, str]
) -> None:
    repo = _article_repo(
        articles / "with-seed",
        {SEED.name: SEED.read_text(encoding="utf-8"), "clean.txt": CLEAN_ARTICLE},
        env,
    )
    result = _try_repo(repo, env)
    assert result.returncode == 1, _explain(result)
    assert "copylint" in result.stdout and "Failed" in result.stdout, _explain(result)
    for position in BOILERPLATE:
        assert position in result.stdout, _explain(result)
    assert result.stdout.count("boilerplate/") == len(BOILERPLATE), _explain(result)
    assert "clean.txt:" not in result.stdout, _explain(result)


def test_hook_passes_on_a_clean_article(articles: Path, env: dict[str, str]) -> None:
    repo = _article_repo(articles / "clean-only", {"clean.txt": CLEAN_ARTICLE}, env)
    result = _try_repo(repo, env)
    assert result.returncode == 0, _explain(result)
    assert "Passed" in result.stdout, _explain(result)


def test_hook_passes_on_chrome_an_editor_has_silenced_in_the_article(
    articles: Path, env: dict[str, str]
) -> None:
    silenced = CLEAN_ARTICLE + (
        "\ncopylint-disable-next-line boilerplate -- the desk's own sign-off\nShare this article\n"
    )
    repo = _article_repo(articles / "silenced", {"signed-off.txt": silenced}, env)
    result = _try_repo(repo, env)
    assert result.returncode == 0, _explain(result)
    assert "Passed" in result.stdout, _explain(result)
