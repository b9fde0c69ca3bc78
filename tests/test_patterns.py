"""Regexes that cannot stall a run: the shipped packs' on hostile lines, and a house's own."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from copylint.checks.base import Rule
from copylint.config import load_config
from copylint.engine import check_document
from copylint.errors import ConfigError
from copylint.patterns import OrderedPatterns, PatternError, compile_pattern
from copylint.regex_source import required_literal
from copylint.text.document import Document

RULES = Path(__file__).resolve().parent.parent / "rules"


def shipped_line_patterns() -> list[str]:
    pack = yaml.safe_load((RULES / "boilerplate.yaml").read_text("utf-8"))
    lines = pack["rules"]["boilerplate/web-chrome"]["lines"]
    return [pattern for group in lines.values() for pattern in group]


def hostile_lines(pattern: str, repeats: int) -> list[str]:
    """Long lines built from a pattern's own words and characters, each ending in a character
    that makes it fail: where a pattern can split its input between alternatives, lines like
    these make a backtracking engine try every split."""
    words = sorted(set(re.findall(r"[A-Za-z]{2,}", pattern)))[:40]
    units = [*(f"{word} " for word in words), "1. ", "1:", "1 ", "a ", "  ", "(AP Photo/", "ab | "]
    prefixes = ["", "Updated 10:32 ", "Follow ", "FILE - ", "[a ", "• ", "© 2020 ", "get "]
    return [prefix + unit * repeats + "\x7f" for prefix in prefixes for unit in units]


@pytest.mark.parametrize("pattern", shipped_line_patterns())
def test_a_shipped_line_pattern_fails_a_long_hostile_line_in_linear_time(pattern: str) -> None:
    compiled = re.compile(pattern)
    worst = 0.0
    for line in hostile_lines(pattern, 4000):
        started = time.perf_counter()
        compiled.search(line)
        worst = max(worst, time.perf_counter() - started)
    # Milliseconds here; a pattern that backtracks takes seconds. The margin is for a busy
    # machine.
    assert worst < 0.5, f"{pattern!r} took {worst:.2f} s on a hostile line"


def test_200_kb_of_a_caption_opening_on_one_line_is_read_at_once() -> None:
    (rule,) = [r for r in load_config(None).rules if r.id == "boilerplate/web-chrome"]
    started = time.perf_counter()
    check_document(Document("a.txt", "(AP Photo/" * 20_000), [rule])
    assert time.perf_counter() - started < 3  # it took 11 s when the pattern was quadratic


def shipped_trusted_patterns() -> list[Any]:
    """Every pattern the shipped packs give their rules, found in the rules' fields: each is
    compiled where it is first tried, not where the rule is loaded."""
    found: list[Any] = []

    def walk(value: object) -> None:
        if hasattr(value, "source") and hasattr(value, "search"):
            found.append(value)
        elif isinstance(value, OrderedPatterns):
            walk(value.patterns)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, (list, tuple, set, frozenset)):
            for item in value:
                walk(item)

    for rule in (*load_config(None, "en-GB").rules, *load_config(None, "en-US").rules):
        for name in rule.__dataclass_fields__:
            walk(getattr(rule, name))
    return found


def test_every_shipped_pattern_is_checked_as_a_house_s_would_be_when_loaded() -> None:
    patterns = shipped_trusted_patterns()
    assert len(patterns) > 20  # the boilerplate pack's line patterns, the style pack's
    for pattern in patterns:
        # As a house's: compiled now, refused if it is no regex or matches the empty string.
        compile_pattern(pattern.source, ignorecase=bool(pattern.flags & re.IGNORECASE))


def test_a_shipped_pattern_is_compiled_when_first_tried_not_when_loaded() -> None:
    pattern = compile_pattern("[", trusted=True)  # the house's would be refused here
    with pytest.raises(re.error):
        pattern.search("a")
    assert compile_pattern(r"(?i)^share\b", trusted=True).search("Share this") == (0, 5)


@pytest.mark.parametrize(
    ("source", "needs"),
    [
        ("TK(?! Maxx)", "TK"),
        (r"\[(?:TK|TBC)\b[^\]\n]{0,40}\]", "["),
        (r"XX(?<![\w$£€]XX)X*(?=\s?%)", "XX"),
        (r"\.com", ".com"),
        ("ab+", "ab"),
        # A quantifier that lets the last character be absent takes it off.
        ("ab?", "a"),
        ("abc{0,2}", "ab"),
        (r"\.?x", ""),
        # Nothing to read: an alternative outside any group, an escape that is no character,
        # a case-insensitive pattern.
        ("TK|TODO", ""),
        (r"[]|]x|y", ""),
        (r"\bword", ""),
        ("(?i)tk", ""),
        # A bar inside a group or a class is no alternative of the whole.
        ("a(b|c)", "a"),
        ("a[|]b", "a"),
    ],
)
def test_what_every_match_opens_with_is_read_from_the_source(source: str, needs: str) -> None:
    assert required_literal(source) == needs


def test_every_match_of_a_shipped_pattern_opens_with_what_it_needs() -> None:
    rules = load_config(None).rules
    texts = [text for rule in rules for text in (*rule.examples.fail, *rule.examples.ok)]
    texts += [line for source in shipped_line_patterns() for line in hostile_lines(source, 3)]
    for pattern in shipped_trusted_patterns():
        compiled = re.compile(pattern.source, pattern.flags)
        for text in texts:
            for match in compiled.finditer(text):
                assert text.startswith(pattern.needs, match.start()), (pattern.source, text)


def test_a_shipped_pattern_is_neither_compiled_nor_run_on_a_text_without_its_opening() -> None:
    pattern = compile_pattern(r"XX(?<![\w$£€]XX)X*(?=\s?(?:%|per ?cent\b))", trusted=True)
    assert list(pattern.spans("Turnout rose to 40% in the city.")) == []
    assert pattern.search("Turnout rose to 40%.") is None
    assert "compiled" not in vars(pattern)
    assert list(pattern.spans("Turnout rose to XX% in the city.")) == [(16, 18)]
    assert pattern.search("Turnout rose to XX per cent.", 3) == (16, 18)


# Shipped patterns tried in turn, screened together ---------------------------------------------


@pytest.mark.parametrize(
    ("sources", "text", "first"),
    [
        # The first in the list that matches, not the one that matches first in the text.
        (["^Tap", r"Photo\)$", "(?i)^follow", "^Follow us$"], "Follow us", 2),
        (["^Tap", r"\(AP Photo\)$", "^Follow"], "A harbour (AP Photo)", 1),
        ([r"\(AP\)$", "(?i)photo:", "^x"], "PHOTO: a harbour (AP)", 0),
        ([r"\(AP\)$", "(?i)photo:", "^x"], "A harbour. Photo: AP", 1),
        # Flags are each pattern's own.
        (["(?i)^a", "^B", "(?s)^c.d"], "b", None),
        (["(?i)^a", "^B", "(?s)^c.d"], "c\nd", 2),
        (["^a", "(?m)^b"], "a\nb", 0),
        (["^a", "(?m)^b"], "x\nb", 1),
        # `^x|photo` is not anchored: its second alternative matches anywhere.
        (["^x|photo", "^y"], "a photo", 0),
        # A numbered backreference, a comment, and a group named alike in two patterns.
        (["^x", r"^(\w)\1$", "^y"], "aa", 1),
        (["^x", "^(?#[)y", "^z"], "y", 1),
        (["^(?P<g>x)", "^(?P<g>y)"], "y", 1),
        ([r"^\[(?P<t>\w+)\](?P=t)$", "^z"], "[ab]ab", 0),
        ([r"^\[(?P<t>\w+)\](?P=t)$", "^z"], "[ab]ba", None),
    ],
)
def test_shipped_patterns_tried_together_say_which_matched_first(
    sources: list[str], text: str, first: int | None
) -> None:
    compiled = tuple(compile_pattern(source, trusted=True) for source in sources)
    patterns = OrderedPatterns(compiled, screen_after=0)
    assert patterns.first(text) == first
    assert patterns.first(text) == next(
        (index for index, source in enumerate(sources) if re.search(source, text)), None
    )


def test_a_house_pattern_runs_in_its_turn_after_shipped_ones_screened_together() -> None:
    # The house's own pattern stalls on a run of `a` (see below): it must not be run on a line
    # that a shipped pattern before it matches.
    shipped = [r"^_{3,}$", r"(?i)^(?:sign up|subscribe|register)\b.{0,100}\bnewsletters?\b"]
    compiled = tuple(compile_pattern(source, trusted=True) for source in shipped)
    patterns = OrderedPatterns((*compiled, compile_pattern(r"(?:a|a)+\b!")), screen_after=0)
    assert patterns.first("Sign up " + "a" * 40 + " for newsletters") == 1
    assert patterns.first("___") == 0


def test_a_house_line_pattern_runs_in_its_turn_after_the_shipped_ones(tmp_path: Path) -> None:
    # The house's own pattern, which stalls on a run of `a` (see below), is run only on a line
    # neither shipped pattern matches.
    shipped = [r"^_{3,}$", r"(?i)^(?:sign up|subscribe|register)\b.{0,100}\bnewsletters?\b"]
    config = tmp_path / "house.yaml"
    config.write_text(
        "rules:\n  boilerplate/web-chrome:\n    lines:\n"
        f"      prompt: ['{shipped[0]}', '{shipped[1]}']\n      house: ['(?:a|a)+\\b!']\n",
        encoding="utf-8",
    )
    (rule,) = [r for r in load_config(config).rules if r.id == "boilerplate/web-chrome"]
    line = "Sign up " + "a" * 40 + " for newsletters"
    warnings: list[str] = []
    text = f"Ministers met.\n\n{line}\n"
    found = check_document(Document("a.txt", text), [rule], warn=warnings.append)
    assert [(report.line, report.column, report.text) for report in found] == [(3, 1, line)]
    assert warnings == []


# A house's patterns ---------------------------------------------------------------------------


def house_rule(tmp_path: Path, kind: str, options: str) -> Rule:
    config = tmp_path / "house.yaml"
    config.write_text(
        "extends: []\nrules:\n  house/x:\n"
        f"    kind: {kind}\n    category: style\n    severity: warning\n"
        f"    message: '{{text}}'\n{options}",
        encoding="utf-8",
    )
    (rule,) = load_config(config).rules
    return rule


def flagged(rule: Rule, text: str) -> list[str]:
    return [report.text for report in check_document(Document("a.txt", text), [rule])]


def test_a_backreference_in_a_second_pattern_means_what_it_says(tmp_path: Path) -> None:
    rule = house_rule(tmp_path, "existence", r"    patterns: ['colour', '\b(\w+) \1\b']" + "\n")
    assert flagged(rule, "The the colour, then then.") == ["colour", "then then"]


def test_inline_flags_and_a_group_named_like_ours_are_the_pattern_s_own(tmp_path: Path) -> None:
    rule = house_rule(
        tmp_path, "substitution", "    swap: {'(?i)web site': website, '(?P<s0>e-mail)': email}\n"
    )
    assert flagged(rule, "Our Web Site sends e-mail.") == ["Web Site", "e-mail"]


def test_a_backreference_in_a_swap_key(tmp_path: Path) -> None:
    rule = house_rule(tmp_path, "substitution", r"    swap: {'(\w+) \1': 'one of them'}" + "\n")
    assert flagged(rule, "It was very very late.") == ["very very"]


@pytest.mark.parametrize("pattern", ["x*", "(a|)", "(?=x)", r"\b"])
def test_a_pattern_that_matches_the_empty_string_is_refused(pattern: str) -> None:
    with pytest.raises(PatternError, match="matches the empty string"):
        compile_pattern(pattern)


def test_an_empty_matching_pattern_is_a_config_error_at_its_place(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as error:
        house_rule(tmp_path, "existence", "    patterns: [colour, 'x*']\n")
    assert (error.value.line, error.value.column) == (8, 24)
    assert error.value.problem == "the regex 'x*' matches the empty string, so it flags nothing"


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        (r"\w+é", "café au lait", (0, 4)),  # Python's \w is Unicode; RE2's would not be
        (r"[\w-]+ville", "Saint-Étienne-ville", (0, 19)),
        (r"\d+\s+km", "٣ km", (0, 4)),
        (r"(a+)+$", "a" * 5_000 + "b", None),  # linear on RE2
        (r"(x+x+)+y", "x" * 5_000, None),
    ],
)
def test_house_patterns_keep_python_s_meaning_on_the_linear_engine(
    pattern: str, text: str, found: tuple[int, int] | None
) -> None:
    compiled = compile_pattern(pattern)
    assert type(compiled).__name__ == "_Linear"
    started = time.perf_counter()
    assert compiled.search(text) == found
    assert time.perf_counter() - started < 2  # milliseconds on RE2; backtracking takes minutes


def test_a_pattern_that_stalls_is_stopped_said_once_and_not_run_again(tmp_path: Path) -> None:
    # `\b` keeps it off RE2; on a backtracking engine it takes exponential time.
    rule = house_rule(tmp_path, "existence", r"    patterns: ['(?:a|a)+\b!', colour]" + "\n")
    warnings: list[str] = []
    started = time.perf_counter()
    for _ in range(3):
        check_document(Document("a.txt", "a" * 40 + " colour"), [rule], warn=warnings.append)
    assert time.perf_counter() - started < 2.0
    assert warnings == [
        r"a.txt: house/x: the pattern '(?:a|a)+\\b!' ran for over 0.5 s and was stopped;"
        " it will not be run again"
    ]


@pytest.mark.parametrize(
    ("ignorecase", "found"),
    [
        ("false", [(1, 1, "TKTK"), (1, 20, "TKTK"), (2, 26, "lorem ipsum")]),
        ("true", [(1, 1, "TKTK"), (1, 20, "TKTK"), (2, 14, "Lorem ipsum"), (2, 26, "lorem ipsum")]),
    ],
)
def test_tokens_are_found_whole_however_they_open(
    tmp_path: Path, ignorecase: str, found: list[tuple[int, int, str]]
) -> None:
    rule = house_rule(
        tmp_path,
        "existence",
        f"    tokens: [TKTK, lorem ipsum, '#tk']\n    ignorecase: {ignorecase}\n",
    )
    text = "TKTK, aTKTK TKTK_ (TKTK)\nlorem ipsumx Lorem ipsum lorem ipsum.\n#tk a#tk ##tk"
    reports = check_document(Document("a.txt", text), [rule])
    assert [(r.line, r.column, r.text) for r in reports] == [*found, (3, 1, "#tk"), (3, 11, "#tk")]
