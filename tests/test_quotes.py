"""Quotation spans, and the quote/unattributed rule on copy it has never seen in the dev set."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from copylint.checks.base import OptionError, Rule, Settings
from copylint.checks.quote_attribution import QuoteAttribution
from copylint.config import load_config
from copylint.engine import check_document
from copylint.text.document import Document
from copylint.text.quotations import Quotation

CASES: dict[str, list[dict[str, Any]]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "quotes.yaml").read_text("utf-8")
)
SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_a48f44d96701f5af.txt"


@pytest.fixture(scope="module")
def rule() -> Rule:
    (found,) = [r for r in load_config(None).rules if r.id == "quote/unattributed"]
    return found


def flagged(rule: Rule, text: str, path: str = "article.txt") -> list[list[object]]:
    return [[r.line, r.column, r.text] for r in check_document(Document(path, text), [rule])]


def quoted(text: str) -> list[tuple[str, bool, int]]:
    """Each quotation's text, whether it closes, and its depth."""
    return [(text[q.start : q.end], q.closed, q.depth) for q in Document("a.txt", text).quotations]


@pytest.mark.parametrize("case", CASES["flagged"], ids=lambda case: case["name"])
def test_an_unattributed_quotation_is_flagged_from_mark_to_mark(
    rule: Rule, case: dict[str, Any]
) -> None:
    assert flagged(rule, case["text"], case.get("path", "article.txt")) == case["found"]


@pytest.mark.parametrize("case", CASES["attributed"], ids=lambda case: case["name"])
def test_an_attributed_quotation_or_a_term_passes(rule: Rule, case: dict[str, Any]) -> None:
    assert flagged(rule, case["text"], case.get("path", "article.txt")) == []


def test_the_message_says_what_is_missing_and_there_is_no_suggestion(rule: Rule) -> None:
    text = "Rain fell.\n\n“Nobody expected the river to rise so fast this year.”\n\nRoads shut.\n"
    (report,) = check_document(Document("a.txt", text), [rule])
    assert report.finding.message == (
        "Quotation with no speaker: no one is said to have said it here or in the paragraph"
        " before or after."
    )
    assert report.finding.suggestions == ()
    assert (report.finding.severity.value, report.finding.category) == ("warning", "quote")


def test_the_seed_gives_no_quote_finding(rule: Rule) -> None:
    assert flagged(rule, SEED.read_text("utf-8"), SEED.name) == []


def test_a_house_adds_its_own_speech_verbs(tmp_path: Path) -> None:
    text = "Rain fell.\n\nThe mayor harrumphed about the cost.\n\n“Nobody asked me first.”\n"
    house = tmp_path / ".copylint.yaml"
    house.write_text(
        "rules:\n  quote/unattributed:\n    extend: {speech_verbs: [harrumphed]}\n", "utf-8"
    )
    (before,) = [r for r in load_config(None).rules if r.id == "quote/unattributed"]
    (after,) = [r for r in load_config(str(house)).rules if r.id == "quote/unattributed"]
    assert flagged(before, text) == [[5, 1, "“Nobody asked me first.”"]]
    assert flagged(after, text) == []


def test_a_quotation_left_open_runs_on_past_a_line_of_web_chrome(rule: Rule) -> None:
    text = (
        'The manager was pleased. "We played well for an hour.\n\nShare this article\n\n'
        '"Then we tired and they scored twice in the last ten minutes."\n'
    )
    assert flagged(rule, text) == []


# Quotation spans.


def test_apostrophes_are_never_quotation_marks() -> None:
    assert quoted("Starmer’s plan wouldn’t work in the ’90s, the players’ union said.") == []
    assert quoted("Don't ask why the Joneses' car isn't in the 'gadgets' list.") == [
        ("'gadgets'", True, 0)
    ]


def test_feet_and_inches_are_not_quotation_marks() -> None:
    assert quoted('The 6\'2" forward bought a 12" record.') == []


def test_a_straight_mark_after_a_digit_closes_an_open_quotation() -> None:
    assert quoted('Complete form "R85", then post it.') == [('"R85"', True, 0)]


def test_straight_and_curly_quotations_close_and_nest() -> None:
    assert quoted("“She said ‘not now’ and left,” he said.") == [
        ("“She said ‘not now’ and left,”", True, 0),
        ("‘not now’", True, 1),
    ]
    assert quoted('"We won," he said.') == [('"We won,"', True, 0)]


def test_a_quotation_left_open_at_the_end_of_its_paragraph_runs_on() -> None:
    text = "She said: “The first week was the worst.\n\n“Then the boats came.”"
    assert quoted(text) == [
        ("“The first week was the worst.", False, 0),
        ("“Then the boats came.”", True, 0),
    ]


def test_a_quotation_in_single_marks_runs_on_too_past_a_caption() -> None:
    """British copy opens each paragraph of a long quotation with a single mark and closes only
    the last; a picture's caption, which ends no sentence, may stand between them. A single
    mark left open anywhere else is an apostrophe, as before."""
    text = (
        "He added: 'Collectors have expressed interest.\n\n"
        "The coin was found in a field in Pevensey (pictured above)\n\n"
        "'It is a new type of coin.\n\n"
        "'Who doesn't want a piece of it?'\n"
    )
    assert quoted(text) == [
        ("'Collectors have expressed interest.", False, 0),
        ("'It is a new type of coin.", False, 0),
        ("'Who doesn't want a piece of it?'", True, 0),
    ]
    assert quoted("They told 'em to leave.\n\nThe council met.\n") == []


def test_paragraphs_joined_on_one_line_each_open_their_quotation() -> None:
    text = 'She said: "It was hard. "We lost twice." Then she left.'
    assert quoted(text) == [('"It was hard.', False, 0), ('"We lost twice."', True, 0)]


def test_a_mark_set_the_wrong_way_round_still_closes() -> None:
    assert quoted("“We sold every ticket,“ officials said.") == [
        ("“We sold every ticket,“", True, 0)
    ]


def test_a_closing_mark_with_nothing_open_is_ignored() -> None:
    assert quoted('" he said. Nothing else was quoted.') == []


def test_a_picture_s_alt_text_in_quotation_marks_is_no_one_s_words(rule: Rule) -> None:
    text = (
        "---\ntitle: Restructuring the group\n---\n\n"
        '!["Illustration of a voting button in primary colours."](vote.png)\n\n'
        "Members voted to empower the steering committee.\n"
    )
    assert flagged(rule, text, "a.md") == []
    assert flagged(rule, text.replace("![", "["), "a.md") == [
        [5, 2, '"Illustration of a voting button in primary colours."']
    ]


def test_a_mark_before_a_closing_bracket_opens_nothing() -> None:
    """MDX pages space their lines with `{" "}`: two marks, neither opening a quotation."""
    text = '<p>\n  {" "}\n  Hate crimes rose.{" "}\n  "We saw it," she said.\n</p>\n'
    assert quoted(text) == [('"We saw it,"', True, 0)]
    assert quoted('He wrote ("see above") twice.') == [('"see above"', True, 0)]


def test_markdown_markup_is_not_a_quotation() -> None:
    doc = Document("a.md", 'See [the report](https://example.com "The report") for more.\n')
    assert doc.quotations == []


def test_quotation_fields_are_offsets_into_the_text() -> None:
    (quote,) = Document("a.txt", "He said “yes” twice.").quotations
    assert quote == Quotation(start=8, end=13, double=True, closed=True, depth=0)


def test_an_empty_speech_verb_is_a_config_error() -> None:
    with pytest.raises(OptionError) as error:
        QuoteAttribution.options({"speech_verbs": ["said", "  "]}, Settings())
    assert (error.value.key, error.value.at) == ("speech_verbs", (1,))


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        (
            "a.txt",
            "Headline\n\nFirst paragraph.\n  \nSecond\nstill second.\n\n\n",
            [[1], [3], [5, 6]],
        ),
        (
            "a.md",
            "---\ntitle: x\n---\n\n# Head\n\nSome *text*\nwrapped.\n\n```\ncode\n```\nEnd.",
            [[2], [5], [7, 8], [13]],  # the title is published: a heading of its own
        ),
    ],
)
def test_paragraphs_are_blocks_of_prose_however_wrapped(
    path: str, text: str, expected: list[list[int]]
) -> None:
    doc = Document(path, text)
    paragraphs = [doc.lines_of(block) for block in doc.prose_blocks]
    assert [[line.number for line in lines] for lines in paragraphs] == expected
    for start, end in doc.paragraph_spans:
        assert doc.prose[start:end] == doc.prose[start:end].strip() != ""
