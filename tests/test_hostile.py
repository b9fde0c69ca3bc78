"""Hostile and broken input: each gets one line naming the file (and the line and column in a
config), exit 2, and never a hang, a blow-up, a traceback or a file changed unasked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from copylint.cli import cli

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_a48f44d96701f5af.txt"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def one_line(result: Result) -> str:
    """The error a run printed, checked to be one line and no traceback."""
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    return lines[0]


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# Files that are not articles --------------------------------------------------------------------


def test_a_fifo_named_is_refused_at_once(here: Path) -> None:
    os.mkfifo("p.txt")
    started = time.perf_counter()
    assert (
        one_line(run("check", "p.txt")) == "copylint: p.txt: is a pipe (FIFO), not a regular file"
    )
    assert time.perf_counter() - started < 2


def test_a_fifo_in_a_folder_is_skipped_and_said_and_the_rest_is_checked(here: Path) -> None:
    (here / "news").mkdir()
    os.mkfifo("news/p.txt")
    write(here / "news" / "a.txt", "Ministers met.\n\nShare this article\n")
    result = run("check", "news")
    assert result.exit_code == 1
    assert result.stderr == "copylint: news/p.txt: skipped: is a pipe (FIFO), not a regular file\n"
    assert "news/a.txt:3:1" in result.stdout


def test_a_device_is_refused_without_reading_it() -> None:
    started = time.perf_counter()
    line = one_line(run("check", "/dev/zero"))
    assert line == "copylint: /dev/zero: is a device, not a regular file"
    assert time.perf_counter() - started < 2


def test_an_empty_path_names_no_file() -> None:
    assert one_line(run("check", "")) == "copylint: '': an empty path names no file"


def test_a_glob_over_a_link_loop_ends(here: Path) -> None:
    (here / "lp").mkdir()
    write(here / "lp" / "a.txt", "Share this article\n")
    os.symlink(".", here / "lp" / "self")
    os.symlink("..", here / "lp" / "up")
    started = time.perf_counter()
    result = run("check", "lp/**/*.txt", "lp")
    assert time.perf_counter() - started < 5
    assert result.exit_code == 1
    assert [line.split(":")[0] for line in result.stdout.splitlines()[:1]] == ["lp/a.txt"]


def test_half_a_megabyte_of_words_no_dictionary_knows_is_checked_in_seconds(here: Path) -> None:
    """Each word is weighed for a typo (up to the rule's budget), and the slips of a word
    whose first letters begin no English word are looked up in an empty line of the
    dictionary, never by a search of all of it (which took four minutes here)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    sentences = [
        f"The minister said the xq{letters[n // 676]}{letters[n // 26 % 26]}{letters[n % 26]}"
        " plan was fine."
        for n in range(17_576)
    ]
    write(here / "noise.txt", "\n\n".join(sentences) + "\n")  # 0.6 MB, each word once
    started = time.perf_counter()
    result = run("check", "--select", "spelling/typo", "noise.txt")
    assert time.perf_counter() - started < 5
    assert (result.exit_code, result.stdout.splitlines()[-1]) == (0, "No findings.")


def test_thousands_of_spellings_against_an_article_s_own_are_checked_in_seconds(
    here: Path,
) -> None:
    """Each of 10,000 American spellings in a British article names a British one, found
    once, not by a pass over all 30,000 uses for each (which took half a minute)."""
    text = "The centre was fine.\n" * 20_000 + "The color was odd.\n" * 10_000
    write(here / "mixed.txt", text)
    started = time.perf_counter()
    result = run("check", "--no-cache", "--select", "spelling/consistency", "mixed.txt")
    assert time.perf_counter() - started < 5
    lines = result.stdout.splitlines()
    assert (result.exit_code, len(lines)) == (1, 10_000 + 2)
    assert lines[0] == (
        'mixed.txt:20001:5: warning spelling/consistency "color" is American spelling, but this'
        ' article has British "centre" (line 1).'
    )


def test_a_pasted_blob_of_letters_is_no_name_to_compare(here: Path) -> None:
    """A name is indexed under each of its one-letter deletions; a capitalised blob of 200,000
    letters, used three times and once a letter off, would be 200,000 copies of itself (half
    a minute and gigabytes here). No name is that long, so it is not compared."""
    blob = "X" + "a" * 200_000
    # Enough names, each used twice, and enough used once, that they are looked up in an index.
    twice = " ".join(f"Mr Name{a}{b} met Name{a}{b}." for a in "bcdfgh" for b in "jklmnp")
    once = " ".join(f"Ms Onlyone{a}{b} came." for a in "bcdfg" for b in "jklm")
    text = f"{blob} said. " * 3 + f"{blob[:-1]}b said. {twice} {once}\n\n" + "Starmer said so. " * 7
    write(here / "blob.txt", text + "Starmet said so.\n")
    started = time.perf_counter()
    result = run("check", "--no-cache", "--select", "entity", "blob.txt")
    assert time.perf_counter() - started < 5
    assert (result.exit_code, result.stdout.splitlines()[0]) == (
        1,
        'blob.txt:3:120: warning entity/near-miss "Starmet" may be a typo: this article'
        ' elsewhere has "Starmer" (7 times).',
    )


@pytest.mark.parametrize(
    "text",
    [
        # Each closing tag closed its element by searching a reversed copy of every element
        # open (a minute here); the reader now keeps count of what is open as it goes.
        "<div>" * 60_000 + "<p>It was the the end.</p>" + "</div>" * 60_000 + "\n",
        # markdown-it-py took 7 s and 400 MB to parse a megabyte of emphasis (80 s and 5 GB for
        # 10 MB); a paragraph longer than any of copy is read as all prose.
        "*one* _two_ **three** " * 50_000 + "and the the end.\n",
    ],
    ids=["HTML nested 60,000 deep", "a megabyte paragraph of emphasis"],
)
def test_markdown_built_to_be_slow_is_read_in_seconds(here: Path, text: str) -> None:
    write(here / "slow.md", text)
    started = time.perf_counter()
    result = run("check", "--no-cache", "--select", "grammar/doubled-word", "slow.md")
    assert time.perf_counter() - started < 5
    column = text.index("the the") + 1
    assert result.stdout.splitlines()[0].startswith(f"slow.md:1:{column}: warning grammar/doubled")


def test_a_paragraph_of_120_000_quotations_is_checked_in_seconds(here: Path) -> None:
    """Each quotation that opens in lower case measured its whole paragraph again (quadratic:
    a minute for 300,000 here); the paragraph is measured once."""
    write(here / "quotes.txt", "“a” " * 120_000 + "\n")
    started = time.perf_counter()
    result = run("check", "--no-cache", "--select", "quote", "quotes.txt")
    assert time.perf_counter() - started < 5
    assert (result.exit_code, result.stdout.splitlines()[-1]) == (0, "No findings.")


def test_a_megabyte_of_one_word_said_over_and_over_is_checked_in_seconds(here: Path) -> None:
    """Every doubling of it was judged and reported: 150,000 findings in 7 s, 300 MB. No copy
    doubles a thousand words, and only the first thousand places are looked at."""
    write(here / "word.txt", "word " * 200_000 + "\n")
    started = time.perf_counter()
    result = run("check", "--no-cache", "--format", "json", "word.txt")
    assert time.perf_counter() - started < 5
    findings = json.loads(result.stdout)
    assert len(findings) == 1_000
    assert {f["rule"] for f in findings} == {"grammar/doubled-word"}
    first = [(f["column"], f["text"]) for f in findings[:3]]
    assert first == [(1, "word word"), (1, "word word word word"), (11, "word word")]


def test_a_rule_is_stopped_at_ten_thousand_findings_and_says_so(here: Path) -> None:
    """A page of nothing but chrome lines made a finding a line: 10 MB of them, nearly a million
    findings in 49 s and 1.9 GB."""
    write(here / "chrome.txt", "Share\n\nThe talks went on.\n\n" * 12_000)
    result = run("check", "--no-cache", "--format", "json", "chrome.txt")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)
    assert len(findings) == 10_000
    assert {(f["rule"], f["text"]) for f in findings} == {("boilerplate/web-chrome", "Share")}
    assert [f["line"] for f in findings[:2]] == [1, 5]
    assert result.stderr.splitlines() == [
        "copylint: warning: chrome.txt: boilerplate/web-chrome: stopped at 10,000 findings,"
        " more than any article has"
    ]


def test_a_file_over_the_size_limit_is_refused_and_a_house_sets_the_limit(here: Path) -> None:
    write(here / "big.txt", "Ministers met on Monday. " * 50_000)  # 1.25 MB
    assert run("check", "big.txt").exit_code == 0
    write(here / ".copylint.yaml", "max_file_size: 1 MB\n")
    assert one_line(run("check", "big.txt")) == (
        "copylint: big.txt: is 1.19 MB, over the limit of 1 MB a file (max_file_size in"
        f" {here.resolve() / '.copylint.yaml'})"
    )


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ("Share".encode("utf-32"), "is UTF-32; save it as UTF-8"),
        (
            "Share this article".encode("utf-16-le"),
            "is UTF-16 without a byte-order mark; save it as UTF-8",
        ),
        ("Share".encode("utf-16"), "is UTF-16; save it as UTF-8"),
    ],
    ids=["utf-32", "utf-16 without a BOM", "utf-16"],
)
def test_encodings_are_named(here: Path, data: bytes, problem: str) -> None:
    (here / "a.txt").write_bytes(data)
    assert one_line(run("check", "a.txt")) == f"copylint: a.txt: {problem}"


# Configs and lexicons ---------------------------------------------------------------------------


BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
)


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (
            "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + BOMB,
            "c.yaml:7:4: expands to more than 1,000,000 values (through its aliases)",
        ),
        (
            "proper_nouns: &a [*a]\n",
            "c.yaml:1:15: an alias stands inside the anchor it names: the value never ends",
        ),
        (
            "rules: {house/x: {}}\n",
            "c.yaml:1:18: rules.house/x: is empty: a rule needs kind, category, severity and"
            " message (or false, to switch it off)",
        ),
        (
            "locale: en-GB\nproper_nouns: [a\x01b]\n",
            "c.yaml:2:17: invalid YAML: the character U+0001 is not allowed",
        ),
        (
            "locale: null\n",
            "c.yaml:1:9: locale: null is not one of: 'en-GB', 'en-US', 'en-GB-oxendict', 'auto'",
        ),
        (
            "extends: c.yaml\n",
            "c.yaml:1:10: extends 'c.yaml' goes round in a circle: {here}/c.yaml -> {here}/c.yaml",
        ),
        (
            "rules:\n  house/x: {kind: existence, category: style, severity: info,"
            " message: '{}', tokens: [TK]}\n",
            "c.yaml:2:72: message: an existence rule fills in only {text}, not {} (write {{ and"
            " }} for braces)",
        ),
        (
            "rules:\n  house/x: {kind: existence, category: style, severity: info,"
            " message: '{text}', patterns: ['x*']}\n",
            "c.yaml:2:93: the regex 'x*' matches the empty string, so it flags nothing",
        ),
        ("locale: !!int b\n", "c.yaml:1:9: invalid YAML: 'b' is not a valid int"),
        (
            "proper_nouns: [!!timestamp 2024-13-45]\n",
            "c.yaml:1:16: invalid YAML: '2024-13-45' is not a valid timestamp",
        ),
    ],
    ids=[
        "alias-bomb",
        "recursive-alias",
        "empty-rule",
        "control-character",
        "null",
        "extends-circle",
        "positional-field",
        "empty-match",
        "tagged-value",
        "tagged-date",
    ],
)
def test_a_hostile_config_is_one_line_at_its_place(here: Path, config: str, expected: str) -> None:
    write(here / "c.yaml", config)
    started = time.perf_counter()
    line = one_line(run("check", "--config", "c.yaml", str(SEED)))
    assert line == "copylint: " + expected.replace("{here}", str(here.resolve()))
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("Zelensky: {count: abc}", "3:21: count: a whole number of 1 or more"),
        ("Zelensky: {count: null}", "3:21: count: a whole number of 1 or more"),
        ("Zelensky: {count: .inf}", "3:21: count: a whole number of 1 or more"),
        ("Zelensky: {allow: 5}", "3:21: allow: a list of names"),
    ],
)
def test_a_wrong_lexicon_value_is_one_line_at_its_place(
    here: Path, entry: str, expected: str
) -> None:
    write(here / "names.yaml", f"# by hand\nnames:\n  {entry}\n")
    write(here / ".copylint.yaml", "entities: {lexicon: names.yaml}\n")
    write(here / "a.txt", "Zelenskyy met Zelensky. Zelensky spoke.\n")
    assert one_line(run("check", "a.txt")).endswith(f"names.yaml:{expected}")


def test_a_lexicon_s_allowed_form_is_no_typo_of_the_article_s_names(here: Path) -> None:
    write(here / "names.yaml", "names:\n  Tsutsumi: {allow: [Tsutsumi-san, Tsutsumy]}\n")
    write(here / ".copylint.yaml", "entities: {lexicon: names.yaml}\n")
    write(here / "a.txt", "Tsutsumi met Tsutsumi. Tsutsumi spoke, then Tsutsumy.\n")
    assert run("check", "--select", "entity", "a.txt").exit_code == 0


def test_a_config_that_runs_no_rule_is_warned_of(here: Path) -> None:
    write(here / ".copylint.yaml", "extends: []\n")
    write(here / "a.txt", "Share this article\n")
    result = run("check", "a.txt")
    assert result.exit_code == 0
    config = here.resolve() / ".copylint.yaml"
    assert result.stderr == (
        f"copylint: warning: {config}: extends names no shipped pack, so no shipped rule"
        " runs (add 'default' to keep them)\n"
        f"copylint: warning: {config}: this config runs no rule at all\n"
    )


def test_selecting_a_rule_that_is_off_says_it_is_off(here: Path) -> None:
    write(here / ".copylint.yaml", "rules: {style/web-terms: false}\n")
    line = one_line(run("check", "--select", "style/web-terms", str(SEED)))
    assert line == (
        "copylint: 'style/web-terms' is off in this config: switch it on with"
        " `rules: {style/web-terms: true}` to select it"
    )


# Output -----------------------------------------------------------------------------------------


def test_text_output_prints_an_article_s_escape_sequences_as_text(here: Path) -> None:
    write(here / "a.txt", "Ministers met.\n\nShare this article \x1b\x07\n")
    result = run("check", "a.txt")
    assert "\x1b" not in result.stdout
    assert '"Share this article \\x1b\\x07" is' in result.stdout


@pytest.mark.parametrize("output", ["json", "sarif", "text", "github"])
def test_a_file_name_that_is_not_utf_8_is_written_in_every_format(here: Path, output: str) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    write(here / name, "Ministers met.\n\nShare this article\n")
    result = subprocess.run(
        [sys.executable, "-m", "copylint", "check", "--format", output, "."],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert b"Traceback" not in result.stderr
    result.stdout.decode("utf-8")  # valid UTF-8, however the name was spelt
    expected = {"json": b"caf\\udce9.txt", "sarif": b"caf%E9.txt", "text": b"caf\\xe9.txt"}
    assert expected.get(output, b"caf\\xe9.txt") in result.stdout


# learn ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("corpus", "expected"),
    [
        (["missing.txt"], "copylint: missing.txt: no such file or folder"),
        (["zz*.txt"], "copylint: zz*.txt: no file matches this pattern"),
        (["bin.txt"], "copylint: bin.txt:1: is a binary file, not text"),
    ],
)
def test_learn_refuses_what_check_refuses_and_writes_nothing(
    here: Path, corpus: list[str], expected: str
) -> None:
    (here / "bin.txt").write_bytes(b"\x7fELF\x00\x01")
    result = run("learn", *corpus, "-o", "names.yaml")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        expected,
        "copylint: no article could be read: names.yaml not written",
    ]
    assert not (here / "names.yaml").exists()


def test_learn_never_writes_over_one_of_its_inputs(here: Path) -> None:
    write(here / "a.txt", "Zelensky met Zelensky.\n")
    assert one_line(run("learn", "a.txt", "-o", "a.txt")) == (
        "copylint: a.txt is one of the articles to learn from: write elsewhere"
    )
    assert (here / "a.txt").read_text("utf-8") == "Zelensky met Zelensky.\n"


def test_learn_says_how_many_articles_it_read(here: Path) -> None:
    write(here / "a.txt", "Zelensky met Zelensky.\n")
    write(here / "b.txt", "Zelensky spoke.\n")
    result = run("learn", ".", "-o", "names.yaml")
    assert result.exit_code == 0
    assert result.stderr == "copylint: 1 names from 2 articles written to names.yaml\n".replace(
        "copylint: ", ""
    )


@pytest.mark.parametrize("html", ["<div><![>", "<p><![<", "<!--><![>"])
def test_markup_the_html_parser_gives_up_on_is_no_internal_error(here: Path, html: str) -> None:
    write(here / "a.md", f"Ministers met.\n\n{html}\n\nShare this article\n")
    result = run("check", "a.md")
    assert result.exit_code == 1, result.output
    assert "a.md:5:1" in result.stdout


def test_an_unclosed_html_comment_hides_the_rest_as_commonmark_says(here: Path) -> None:
    write(here / "a.md", "Ministers met.\n\n<!--<![]\n\nShare this article\n")
    result = run("check", "a.md")
    assert (result.exit_code, result.stderr) == (0, "")
