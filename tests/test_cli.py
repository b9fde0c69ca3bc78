"""The command line: `rules`, `explain`, and `check` with its selection, exit codes and formats,
through click's CliRunner on `copylint.cli.cli` and end to end through `copylint` and
`python -m copylint`."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from jsonschema import Draft202012Validator

from copylint import __version__
from copylint.cli import cli
from copylint.config import shipped_packs

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_a48f44d96701f5af.txt"
CHROME = [
    (1, 1, 5, "• en", "a language switcher"),
    (2, 1, 7, "ON NOW", "a media placeholder"),
    (34, 1, 14, "Follow us on:", "a share or follow prompt"),
    (36, 1, 7, "ON NOW", "a media placeholder"),
]
CLEAN = """\
Council approves new central library for Leeds

Leeds City Council has approved plans for a new central library, which is due to open in 2027.

“This is a building for everyone in the city,” said the council leader, James Lewis.

The project will cost £40m, the council said, and building work will begin in the spring.
Residents welcomed the plans at a public meeting on Tuesday evening.
"""
PLACEHOLDER = "The minister, who is TK years old, resigned."


def run(*args: str, input: bytes | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input)


def message(text: str, what: str) -> str:
    return f'"{text}" is {what} from a web page, not copy: delete the line.'


def shipped_rules() -> dict[str, tuple[str, dict[str, object]]]:
    """Every rule in rules/*.yaml, read as plain YAML: id → (pack, settings)."""
    rules = {}
    for pack, path in shipped_packs().items():
        for rule_id, settings in yaml.safe_load(path.read_text(encoding="utf-8"))["rules"].items():
            rules[rule_id] = (pack, settings)
    return rules


@pytest.fixture
def seed(here: Path) -> str:
    (here / "seed.txt").write_bytes(SEED.read_bytes())
    return "seed.txt"


@pytest.fixture
def two_kinds(here: Path) -> str:
    """The seed (four lines of chrome) with a placeholder added on line 38."""
    (here / "draft.txt").write_text(
        SEED.read_text(encoding="utf-8") + "\n\n" + PLACEHOLDER + "\n", encoding="utf-8"
    )
    return "draft.txt"


# --- rules and explain ------------------------------------------------------------------------


def test_rules_lists_id_category_severity_and_pack_of_every_shipped_rule(here: Path) -> None:
    result = run("rules")
    assert (result.exit_code, result.stderr) == (0, "")
    expected = sorted(
        [rule_id, settings["category"],
         settings["severity"] if settings.get("enabled", True) else "off", pack]
        for rule_id, (pack, settings) in shipped_rules().items()
    )  # fmt: skip
    lines = result.stdout.splitlines()
    assert [line.split() for line in lines] == expected
    assert ["boilerplate/web-chrome", "boilerplate", "warning", "boilerplate"] in expected
    # Aligned columns: each starts at the same place on every line.
    starts = {tuple(field.start() for field in re.finditer(r"\S+", line)) for line in lines}
    assert len(starts) == 1, "the columns are not aligned"


def test_explain_prints_the_description_and_numbered_examples(here: Path) -> None:
    pack, settings = shipped_rules()["boilerplate/web-chrome"]
    result = run("explain", "boilerplate/web-chrome")
    assert (result.exit_code, result.stderr) == (0, "")
    header, blank, *_ = result.stdout.split("\n")
    assert header == (
        f"boilerplate/web-chrome (boilerplate, {settings['severity']}, kind boilerplate, pack "
        f"{pack})"
    )
    assert blank == ""
    description = " ".join(str(settings["description"]).split())
    assert " ".join(result.stdout.split()).count(description) == 1
    examples = settings["examples"]
    assert isinstance(examples, dict)
    expected = ""
    for title, key in (("Fails", "fail"), ("Passes", "ok")):
        expected += f"\n{title}:\n"
        for number, example in enumerate(examples[key], 1):
            first, *others = example.split("\n")
            expected += f"  {number}. {first}\n"
            expected += "".join(f"     {line}".rstrip() + "\n" for line in others)
    assert result.stdout.endswith(expected)
    assert "  1. Share this article\n     Facebook\n" in result.stdout


def test_explain_shows_a_rule_that_is_off(here: Path) -> None:
    result = run("explain", "style/web-terms")
    assert result.exit_code == 0
    assert result.stdout.startswith("style/web-terms (style, info, kind substitution, pack style)")


def test_explain_an_unknown_rule_exits_2(here: Path) -> None:
    result = run("explain", "boilerplate/nope")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "copylint: no rule 'boilerplate/nope'; `copylint rules` lists them\n",
    )


# --- check: selection and exit codes ----------------------------------------------------------


def rules_in(result: Result) -> list[tuple[int, str]]:
    return [(f["line"], f["rule"]) for f in json.loads(result.stdout)]


CHROME_RULES = [(line, "boilerplate/web-chrome") for line, *_ in CHROME]
PLACEHOLDER_RULE = [(38, "style/placeholder")]
# With no locale set (auto), the seed's self-defense on line 32 conflicts with line 24.
SPELLING_RULE = [(32, "spelling/consistency")]
ENTITY_RULE = [(20, "entity/near-miss")]  # Starmet, where the article says Starmer
ALL_RULES = sorted(CHROME_RULES + PLACEHOLDER_RULE + SPELLING_RULE + ENTITY_RULE)


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        pytest.param([], ALL_RULES, id="everything"),
        pytest.param(["--select", "boilerplate/web-chrome"], CHROME_RULES, id="select-id"),
        pytest.param(["--select", "style"], PLACEHOLDER_RULE, id="select-category"),
        pytest.param(["--select", "style/"], PLACEHOLDER_RULE, id="select-category-slash"),
        pytest.param(
            ["--ignore", "style/placeholder"],
            sorted(CHROME_RULES + SPELLING_RULE + ENTITY_RULE),
            id="ignore-id",
        ),
        pytest.param(
            ["--ignore", "boilerplate"],
            sorted(ENTITY_RULE + SPELLING_RULE + PLACEHOLDER_RULE),
            id="ignore-category",
        ),
        pytest.param(
            ["--select", "boilerplate,style"], CHROME_RULES + PLACEHOLDER_RULE, id="comma-list"
        ),
        pytest.param(
            ["--select", "boilerplate", "--select", "style/placeholder"],
            CHROME_RULES + PLACEHOLDER_RULE,
            id="repeated",
        ),
        pytest.param(["--select", "style", "--ignore", "style/placeholder"], [], id="both"),
    ],
)
def test_select_and_ignore(two_kinds: str, options: list[str], expected: list[object]) -> None:
    result = run("check", "--format", "json", *options, two_kinds)
    assert result.stderr == ""
    assert rules_in(result) == expected
    assert result.exit_code == (1 if expected else 0)


@pytest.mark.parametrize(
    "options",
    [
        ["--select", "typo/nope"],
        ["--ignore", "typo"],
        ["--select", "boilerplat"],  # a prefix names whole parts of an id only
        ["--select", "boilerplate,typo"],
    ],
)
def test_an_unknown_rule_or_category_exits_2(two_kinds: str, options: list[str]) -> None:
    result = run("check", *options, two_kinds)
    unknown = options[1].split(",")[-1]
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"copylint: no rule or category {unknown!r}; `copylint rules` lists them\n",
    )


def test_fail_on(seed: str, two_kinds: str) -> None:
    # The seed's findings are all warnings.
    assert run("check", seed).exit_code == 1
    assert run("check", "--fail-on", "warning", seed).exit_code == 1
    assert run("check", "--fail-on", "info", seed).exit_code == 1
    assert run("check", "--fail-on", "error", seed).exit_code == 0
    # A placeholder is an error.
    assert run("check", "--fail-on", "error", two_kinds).exit_code == 1


def test_check_a_clean_article_exits_0(here: Path) -> None:
    (here / "library.txt").write_text(CLEAN, encoding="utf-8")
    result = run("check", "library.txt")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "No findings.\n", "")


def test_check_without_paths_is_a_usage_error(here: Path) -> None:
    result = run("check")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "copylint: name the articles to check (a file, a folder, a glob or '-')\n",
    )


# --- check: formats ---------------------------------------------------------------------------


def test_format_text(seed: str) -> None:
    result = run("check", "--select", "boilerplate", seed)
    assert result.exit_code == 1
    lines = [
        f"seed.txt:{line}:{column}: warning boilerplate/web-chrome {message(text, what)}\n"
        for line, column, _, text, what in CHROME
    ]
    assert result.stdout == "".join(lines) + "\n4 findings (4 warnings) in 1 file\n"
    assert run("check", "--format", "text", "--select", "boilerplate", seed).stdout == (
        result.stdout
    )


def deletion(line: int, end: int) -> dict[str, object]:
    last = line == 36
    end_line, end_column = (line, end) if last else (line + 1, 1)
    return {"line": line, "column": 1, "end_line": end_line, "end_column": end_column, "text": ""}


def test_format_json_matches_the_schema(seed: str) -> None:
    schema = json.loads(files("copylint").joinpath("schemas/findings.schema.json").read_text())
    everything = json.loads(run("check", "--format", "json", seed).stdout)
    Draft202012Validator(schema).validate(everything)
    result = run("check", "--format", "json", "--select", "boilerplate", seed)
    assert json.loads(result.stdout) == [
        {
            "path": "seed.txt",
            "line": line,
            "column": column,
            "end_line": line,
            "end_column": end,
            "rule": "boilerplate/web-chrome",
            "category": "boilerplate",
            "severity": "warning",
            "message": message(text, what),
            "text": text,
            "suggestions": [],
            # Deleting the line whole, its newline too (the last line has none).
            "fix": {"applicability": "safe", "edits": [deletion(line, end)]},
        }
        for line, column, end, text, what in CHROME
    ]
    assert [f for f in everything if f["category"] == "boilerplate"] == json.loads(result.stdout)


def test_format_sarif(seed: str) -> None:
    result = run("check", "--format", "sarif", "--select", "boilerplate", seed)
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0"
    (sarif_run,) = log["runs"]
    assert sarif_run["tool"]["driver"]["name"] == "copylint"
    assert [rule["id"] for rule in sarif_run["tool"]["driver"]["rules"]] == [
        "boilerplate/web-chrome"
    ]
    assert [
        (
            r["ruleId"],
            r["level"],
            r["message"]["text"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"],
        )
        for r in sarif_run["results"]
    ] == [
        (
            "boilerplate/web-chrome",
            "warning",
            message(text, what),
            "seed.txt",
            {
                "startLine": line,
                "startColumn": column,
                "endLine": line,
                "endColumn": end,
                "snippet": {"text": text},
            },
        )
        for line, column, end, text, what in CHROME
    ]
    everything = json.loads(run("check", "--format", "sarif", seed).stdout)
    assert len(everything["runs"][0]["results"]) == len(
        json.loads(run("check", "--format", "json", seed).stdout)
    )


def test_format_github(seed: str) -> None:
    result = run("check", "--format", "github", "--select", "boilerplate", seed)
    assert result.exit_code == 1
    assert result.stdout == "".join(
        f"::warning file=seed.txt,line={line},col={column},endLine={line},endColumn={end},"
        f"title=boilerplate/web-chrome::{message(text, what)}\n"
        for line, column, end, text, what in CHROME
    )
    command = re.compile(r"::(error|warning|notice) file=seed\.txt,line=\d+,col=\d+,.*::.+")
    for line in run("check", "--format", "github", seed).stdout.splitlines():
        assert command.fullmatch(line)


# --- End to end -------------------------------------------------------------------------------


def test_python_m_copylint_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "copylint", "--version"], capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        f"copylint, version {__version__}\n",
        "",
    )


def test_installed_copylint_checks_the_seed(seed: str) -> None:
    done = subprocess.run(
        ["copylint", "check", "--select", "boilerplate", seed],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert (done.returncode, done.stderr) == (1, "")
    assert done.stdout.splitlines()[:4] == [
        f"seed.txt:{line}:{column}: warning boilerplate/web-chrome {message(text, what)}"
        for line, column, _, text, what in CHROME
    ]


def test_installed_copylint_reads_stdin_and_exits_by_fail_on(here: Path) -> None:
    def copylint(*args: str, text: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["copylint", "check", *args],
            input=text,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )

    clean = copylint("--format", "json", "--stdin-filename", "library.txt", "-", text=CLEAN)
    assert (clean.returncode, clean.stdout, clean.stderr) == (0, "[]\n", "")
    seed = SEED.read_text(encoding="utf-8")
    assert copylint("--fail-on", "error", "-", text=seed).returncode == 0
    assert copylint("-", text=seed).returncode == 1


def test_installed_copylint_without_paths_is_one_line_and_exit_2(here: Path) -> None:
    done = subprocess.run(["copylint", "check"], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (
        2,
        "",
        "copylint: name the articles to check (a file, a folder, a glob or '-')\n",
    )


def test_a_program_that_calls_the_library_keeps_its_own_cycle_collector_settings() -> None:
    """The command collects young objects every 50,000 allocations (`copylint.__main__`); a
    program that imports copylint, even its command's module, and calls `copylint.Linter` keeps
    whatever it set."""
    program = (
        "import gc, sys\n"
        "gc.set_threshold(1234, 5, 6)\n"
        "import copylint.__main__\n"
        "from copylint import Linter\n"
        "found = Linter(locale='en-GB').lint_text(sys.stdin.read(), 'seed.txt')\n"
        "print(len(found), gc.get_threshold(), gc.get_freeze_count())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program],
        input=SEED.read_text(encoding="utf-8"),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "9 (1234, 5, 6) 0\n", "")
