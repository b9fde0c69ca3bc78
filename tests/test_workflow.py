"""The editor's workflow: silence a finding, accept a name, adopt on an old archive with a
baseline, fix what is safe, and re-run from the cache."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from copylint.cli import cli
from copylint.text.document import Document

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_a48f44d96701f5af.txt"
SEED_PAGE = ROOT / "tests" / "articles" / "seed.md"
COPY = "Ministers met on Monday to discuss the budget, officials said."


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def found(*args: str) -> list[tuple[int, str]]:
    result = run("check", "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return [(f["line"], f["rule"]) for f in json.loads(result.stdout)]


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# Suppressions -------------------------------------------------------------------------------------

MARKDOWN = f"""\
{COPY}

<!-- copylint-disable-next-line boilerplate/web-chrome -- our own sign-off -->

Share this article

ON NOW

<!-- copylint-disable quote, boilerplate -->
“Nobody expected the river to rise this fast, not even the engineers.”

Most Read
<!-- copylint-enable quote, boilerplate -->

Follow us on:
"""


def test_markdown_directives_silence_next_line_range_and_categories(here: Path) -> None:
    write(here / "a.md", MARKDOWN)
    assert found("a.md") == [(7, "boilerplate/web-chrome"), (15, "boilerplate/web-chrome")]


def test_a_file_directive_silences_the_whole_file(here: Path) -> None:
    write(here / "a.md", "<!-- copylint-disable-file boilerplate -->\n\n" + MARKDOWN)
    assert found("a.md") == []


def test_plain_text_directives_are_lines_of_their_own_and_never_findings(here: Path) -> None:
    text = (
        f"{COPY}\n\ncopylint-disable-next-line boilerplate -- kept\nShare this article\n\nON NOW\n"
    )
    write(here / "a.txt", text)
    assert found("a.txt") == [(6, "boilerplate/web-chrome")]


def test_a_directive_that_silences_nothing_is_reported_when_asked(here: Path) -> None:
    text = f"{COPY}\n\n<!-- copylint-disable-next-line entity -->\n\nShare this article\n"
    write(here / "a.md", text)
    assert found("a.md") == [(5, "boilerplate/web-chrome")]
    assert found("--report-unused-suppressions", "a.md") == [
        (3, "copylint/unused-suppression"),
        (5, "boilerplate/web-chrome"),
    ]
    result = run("check", "--report-unused-suppressions", "a.md")
    assert "This copylint-disable-next-line (entity) silences nothing: delete it." in result.stdout


# Accept lists -------------------------------------------------------------------------------------


def test_accept_lists_by_rule_category_every_rule_and_regex(here: Path) -> None:
    article = write(here / "seed.txt", SEED.read_text("utf-8"))
    write(
        here / ".copylint.yaml",
        "locale: en-GB\n"
        "accept:\n"
        "  entity/near-miss: [Starmet]\n"
        "  spelling: [defense]\n"
        "  '*': ['/ON N[O]W/']\n",
    )
    assert found(article.name) == [
        (1, "boilerplate/web-chrome"),
        (8, "spelling/locale"),
        (12, "spelling/locale"),
        (34, "boilerplate/web-chrome"),
    ]


def test_copylint_accept_adds_to_the_house_config_and_keeps_its_comments(here: Path) -> None:
    write(here / ".copylint.yaml", "# the house\nlocale: en-GB  # British\n")
    write(here / "seed.txt", SEED.read_text("utf-8"))
    result = run("accept", "Starmet", "--rule", "entity/near-miss")
    assert result.exit_code == 0, result.output
    config = (here / ".copylint.yaml").read_text("utf-8")
    assert config.startswith("# the house\nlocale: en-GB  # British\n")
    assert (1, "entity/near-miss") not in found("seed.txt")
    assert [rule for _, rule in found("seed.txt")].count("entity/near-miss") == 0


def test_add_accept_accepts_everything_a_run_found(here: Path) -> None:
    write(here / "seed.txt", SEED.read_text("utf-8"))
    assert found("--locale", "en-GB", "--add-accept", "seed.txt")
    assert found("--locale", "en-GB", "seed.txt") == []


# Baselines ----------------------------------------------------------------------------------------


def test_a_baseline_survives_edits_elsewhere_and_reports_new_and_gone(here: Path) -> None:
    seed = SEED.read_text("utf-8")
    write(here / "seed.txt", seed)
    result = run("check", "--locale", "en-GB", "--write-baseline", "base.json", "seed.txt")
    assert (result.exit_code, result.stderr) == (
        0,
        "copylint: 9 findings recorded in the baseline base.json\n",
    )
    # Lines added on top, a paragraph rewritten, the typo put right, one new chrome line.
    edited = "Late headline\n\n" + seed.replace("Starmet", "Starmer").replace(
        "Meanwhile, diplomatic", "Meanwhile, the diplomatic"
    )
    write(here / "seed.txt", edited + "\n\nShare this article\n")
    result = run("check", "--locale", "en-GB", "--baseline", "base.json", "seed.txt")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith("seed.txt:40:1: warning boilerplate/")
    assert "1 finding (1 warning) in 1 file" in result.stdout
    assert result.stderr == (
        "copylint: 1 findings of the baseline base.json are gone:"
        " --write-baseline base.json to shrink it\n"
    )


def test_a_broken_baseline_is_one_line(here: Path) -> None:
    write(here / "base.json", "{not json")
    write(here / "a.txt", COPY)
    result = run("check", "--baseline", "base.json", "a.txt")
    assert result.exit_code == 2
    assert result.stderr.startswith("copylint: base.json:1:1: not a copylint baseline")


# Fixes --------------------------------------------------------------------------------------------


def quotations(path: Path) -> list[str]:
    doc = Document(path.name, path.read_text("utf-8-sig").replace("\r\n", "\n"))
    return [doc.text[q.start : q.end] for q in doc.quotations]


@pytest.mark.parametrize("page", [SEED, SEED_PAGE], ids=["plain text", "Markdown"])
def test_fixing_the_seed_leaves_no_finding_and_its_quotations_as_they_were(
    here: Path, page: Path
) -> None:
    article = write(here / page.name, page.read_text("utf-8"))
    before = quotations(article)
    result = run("check", "--locale", "en-GB", "--fix", article.name)
    assert result.exit_code == 1  # the unsafe fix, the name, is left to a person
    assert [rule for _, rule in found("--locale", "en-GB", article.name)] == ["entity/near-miss"]
    result = run("check", "--locale", "en-GB", "--unsafe-fixes", article.name)
    assert (result.exit_code, result.stdout) == (0, "No findings.\n")
    assert result.stderr == "copylint: 1 fixes made in 1 files\n"
    assert quotations(article) == before
    text = article.read_text("utf-8")
    assert "Starmet" not in text and "centred" in text and "ON NOW" not in text


def test_a_fix_keeps_the_bom_the_line_ends_and_the_mode(here: Path) -> None:
    article = here / "a.txt"
    article.write_bytes(
        b"\xef\xbb\xbf" + f"{COPY}\r\n\r\nShare this article\r\n\r\nThe colour.\r\n".encode()
    )
    article.chmod(0o640)
    assert run("check", "--locale", "en-US", "--fix", "a.txt").exit_code == 0
    assert article.read_bytes() == b"\xef\xbb\xbf" + f"{COPY}\r\n\r\nThe color.\r\n".encode()
    assert article.stat().st_mode & 0o777 == 0o640


def test_a_file_without_a_fix_is_not_touched(here: Path) -> None:
    article = write(here / "a.txt", COPY + "\n")
    os.utime(article, (1_000_000_000, 1_000_000_000))
    assert run("check", "--fix", "--unsafe-fixes", "a.txt").exit_code == 0
    assert article.stat().st_mtime == 1_000_000_000


def test_diff_prints_the_fixes_and_changes_nothing(here: Path) -> None:
    article = write(here / "a.txt", f"{COPY}\n\nShare this article\n\nThe colour.\n")
    result = run("check", "--locale", "en-US", "--diff", "a.txt")
    assert result.exit_code == 1
    assert result.stdout == (
        "--- a/a.txt\n+++ b/a.txt\n@@ -1,5 +1,3 @@\n"
        f" {COPY}\n \n-Share this article\n-\n-The colour.\n+The color.\n"
    )
    assert article.read_text("utf-8") == f"{COPY}\n\nShare this article\n\nThe colour.\n"


def test_json_says_which_fixes_are_safe(here: Path) -> None:
    write(here / "seed.txt", SEED.read_text("utf-8"))
    result = run("check", "--format", "json", "--locale", "en-GB", "seed.txt")
    fixes = {(f["rule"], f["fix"]["applicability"]) for f in json.loads(result.stdout)}
    assert fixes == {
        ("boilerplate/web-chrome", "safe"),
        ("spelling/locale", "safe"),
        ("entity/near-miss", "unsafe"),
    }


def test_a_respelling_inside_a_quotation_is_unsafe(here: Path) -> None:
    write(here / "a.txt", "“We cannot defend the color of the flag,” the mayor said.\n")
    result = run("check", "--format", "json", "--locale", "en-GB", "a.txt")
    (finding,) = json.loads(result.stdout)
    assert (finding["text"], finding["fix"]["applicability"]) == ("color", "unsafe")


# The cache ----------------------------------------------------------------------------------------


def test_a_cached_rerun_gives_the_same_output_without_running_a_rule(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("seed.txt", "b.txt"):
        write(here / name, SEED.read_text("utf-8"))
    first = run("check", "--format", "json", "--locale", "en-GB", ".")

    def no_rules(*args: object, **kwargs: object) -> list[object]:
        raise AssertionError("a rule ran")

    monkeypatch.setattr("copylint.api.check_document", no_rules)
    again = run("check", "--format", "json", "--locale", "en-GB", ".")
    assert (again.exit_code, again.stdout) == (first.exit_code, first.stdout)


def test_an_edit_or_another_config_is_a_new_result_and_a_corrupt_entry_is_ignored(
    here: Path, own_cache: Path
) -> None:
    write(here / "a.txt", f"{COPY}\n\nThe colour.\n")
    assert found("--locale", "en-US", "a.txt") == [(3, "spelling/locale")]
    assert found("--locale", "en-GB", "a.txt") == []
    write(here / "a.txt", f"{COPY}\n\nThe color.\n")
    assert found("--locale", "en-GB", "a.txt") == [(3, "spelling/locale")]
    for entry in own_cache.rglob("*.json"):
        entry.write_text("{broken", encoding="utf-8")
    assert found("--locale", "en-GB", "a.txt") == [(3, "spelling/locale")]
    assert found("--no-cache", "--locale", "en-US", "a.txt") == []


def test_the_summary_counts_files_checked_with_findings_and_refused(here: Path) -> None:
    write(here / "a.txt", f"{COPY}\n\nShare this article\n")
    write(here / "b.txt", COPY)
    (here / "c.txt").write_bytes(b"\x00\x01")
    result = run("check", ".")
    assert result.stdout.splitlines()[-1] == (
        "1 finding (1 warning) in 1 of 2 files checked; 1 file refused"
    )


def test_a_long_run_is_quick_the_second_time(here: Path) -> None:
    for index in range(60):
        write(here / f"a{index}.txt", SEED.read_text("utf-8").replace("Starmet", f"Starmet{index}"))
    # the quicker of two runs is the one a busy machine disturbed least
    uncached = min(seconds("check", "--no-cache", "--format", "json", ".") for _ in range(2))
    first = run("check", "--format", "json", ".")
    cached = min(seconds("check", "--format", "json", ".") for _ in range(2))
    assert run("check", "--format", "json", ".").stdout == first.stdout
    assert cached < uncached / 2


def seconds(*args: str) -> float:
    started = time.perf_counter()
    run(*args)
    return time.perf_counter() - started
