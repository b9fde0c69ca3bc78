"""style/html-entity: an HTML character reference a reader would see as written."""

from __future__ import annotations

import pytest

from copylint.checks.base import Rule
from copylint.config import load_config
from copylint.engine import check_document
from copylint.fixes import chosen_edits, fixed
from copylint.text.document import Document


@pytest.fixture(scope="module")
def rule() -> Rule:
    (found,) = [r for r in load_config(None, "en-GB").rules if r.id == "style/html-entity"]
    return found


def flagged(rule: Rule, text: str, path: str = "a.txt") -> list[tuple[int, int, str, str]]:
    return [
        (r.line, r.column, r.text, r.finding.suggestions[0])
        for r in check_document(Document(path, text), [rule])
    ]


def test_a_reference_in_plain_text_is_flagged_with_its_character(rule: Rule) -> None:
    text = "Mr Chirac signed the communiqu&#233; and Mandela &amp; the ANC.&nbsp;AT&T; &bogus;\n"
    assert flagged(rule, text) == [
        (1, 31, "&#233;", "é"),
        (1, 50, "&amp;", "&"),
        (1, 64, "&nbsp;", "\xa0"),
    ]


def test_markdown_shows_a_reference_as_its_character_unless_it_is_escaped(rule: Rule) -> None:
    text = "---\ntitle: Knight &#038; Pew\n---\n\nThe communiqu&#233; and \\&amp; here.\n"
    assert flagged(rule, text, "a.md") == [(5, 26, "&amp;", "&")]


def test_the_fix_writes_the_character() -> None:
    doc = Document("a.txt", "The communiqu&#233; was signed.\n")
    reports = check_document(doc, load_config(None, "en-GB").rules)
    assert (
        fixed(doc, chosen_edits(reports, unsafe=False)) == "The communiqué was signed.\n".encode()
    )
