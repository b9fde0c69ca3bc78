"""The boilerplate rule on chrome lines and copy lines it has never seen in the dev set."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from copylint.checks.base import Rule
from copylint.config import load_config
from copylint.engine import check_document
from copylint.text.document import Document

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "boilerplate.yaml").read_text("utf-8"))
BEFORE = "Ministers met on Monday to discuss the budget, officials said.\n\n"
AFTER = "\n\nThe talks will continue on Tuesday, when the chancellor returns.\n"


@pytest.fixture(scope="module")
def rule() -> Rule:
    (found,) = [r for r in load_config(None).rules if r.id == "boilerplate/web-chrome"]
    return found


def flagged(rule: Rule, text: str, path: str = "article.txt") -> list[tuple[int, int, str]]:
    reports = check_document(Document(path, text), [rule])
    return [(r.line, r.column, r.text) for r in reports]


@pytest.mark.parametrize("line", CASES["chrome"])
def test_a_chrome_line_between_paragraphs_is_flagged_whole(rule: Rule, line: str) -> None:
    assert flagged(rule, BEFORE + line + AFTER) == [(3, 1, line)]


@pytest.mark.parametrize("line", CASES["copy"])
def test_a_line_of_copy_passes(rule: Rule, line: str) -> None:
    assert flagged(rule, BEFORE + line + AFTER) == []


@pytest.mark.parametrize(
    ("path", "share_found"),
    [
        ("notice.txt", [(3, 1, "Share this page")]),
        # Markdown runs a paragraph's lines together: with a line of copy in it, it is copy.
        ("notice.md", []),
    ],
)
def test_a_contact_s_email_field_makes_no_block_of_chrome_of_the_lines_beside_it(
    rule: Rule, path: str, share_found: list[tuple[int, int, str]]
) -> None:
    """`Email: office@…` is copy, and no line of a share bar: the phone line above it is not
    chrome for standing beside it, and a share prompt above it is read without it."""
    contact = "Phone: 01632 960000\nEmail: office@school.example.org"
    assert flagged(rule, BEFORE + contact + AFTER, path) == []
    share = "Share this page\nEmail: office@school.example.org"
    assert flagged(rule, BEFORE + share + AFTER, path) == share_found


@pytest.mark.parametrize("block", CASES["blocks"])
def test_every_line_of_a_chrome_block_is_flagged(rule: Rule, block: str) -> None:
    lines = block.split("\n")
    expected = [(3 + index, 1, line) for index, line in enumerate(lines)]
    assert flagged(rule, BEFORE + block + AFTER) == expected


def test_a_topic_word_alone_is_copy_but_in_a_block_is_chrome(rule: Rule) -> None:
    assert flagged(rule, BEFORE + "Economy" + AFTER) == []
    assert flagged(rule, BEFORE + "Related Topics\nEconomy" + AFTER) == [
        (3, 1, "Related Topics"),
        (4, 1, "Economy"),
    ]


def test_a_wrapped_sentence_is_not_read_line_by_line(rule: Rule) -> None:
    wrapped = "The merger left the group with\n70 more stories.\n"
    assert flagged(rule, wrapped, "notes.md") == []


def test_the_finding_covers_the_line_without_its_surrounding_space(rule: Rule) -> None:
    assert flagged(rule, BEFORE + "   Most Read  " + AFTER) == [(3, 4, "Most Read")]


def test_markdown_markup_around_chrome_still_gives_the_whole_line(rule: Rule) -> None:
    text = "---\ntitle: Budget\n---\n\n# Budget talks\n\n" + BEFORE + "[ON NOW](/live)" + AFTER
    assert flagged(rule, text, "article.md") == [(9, 1, "[ON NOW](/live)")]


@pytest.mark.parametrize("case", CASES["markdown"], ids=lambda case: case["name"])
def test_markdown_structure_says_what_is_copy(rule: Rule, case: dict[str, object]) -> None:
    assert [list(found) for found in flagged(rule, str(case["text"]), "post.md")] == case["found"]


def test_each_kind_of_chrome_is_named_in_the_message(rule: Rule) -> None:
    text = "x\n\n[youtube=https://youtu.be/abc]\n\n## Feedback\n\nTell us what you think.\n"
    messages = [r.finding.message for r in check_document(Document("post.md", text), [rule])]
    assert messages == [
        '"x" is a close button from a web page, not copy: delete the line.',
        '"[youtube=https://youtu.be/abc]" is an embed code the page will print as text from a'
        " web page, not copy: delete the line.",
    ]


@pytest.mark.parametrize(
    ("line", "found"),
    [
        (
            "Share this story on Facebook and on Twitter",
            [(3, 1, "Share this story on Facebook and on Twitter")],
        ),
        # Nine words, each a word of the interface or a function word: too many for a label.
        ("Share this story on Facebook and on Twitter now", []),
        ("Latest news: talks resume", [(3, 1, "Latest news: talks resume")]),
        # A link label opens with a word of the interface, not with a function word.
        ("The latest: talks resume", []),
    ],
)
def test_a_label_has_eight_words_at_most_and_a_link_label_opens_with_the_interface(
    rule: Rule, line: str, found: list[tuple[int, int, str]]
) -> None:
    assert flagged(rule, BEFORE + line + AFTER) == found
