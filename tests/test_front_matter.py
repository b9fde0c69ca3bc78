"""The published fields of the front matter (a title, a description) are prose, checked as the
copy is; the rest of it (dates, tags, an author) is not."""

from __future__ import annotations

import pytest

from copylint.config import load_config
from copylint.engine import check_document
from copylint.text.blocks import Role
from copylint.text.document import Document
from copylint.text.front_matter import published_fields

FRONT = """\
---
title: "Starmet meets Biden at the White House"
seo_title: Starmer in Washington # shown in search results
description: The Prime Minister's first visit, and what was agreed
author: Jane Doe
date: 2024-07-10
tags: [news, politics]
post-excerpt: 'A TK-word summary'
summary: >-
  A block scalar, read
  line by line.
subtitle: "An \\"escaped\\" value is passed over"
caption: "A quoted value over
  two lines is passed over"
teaser: a plain value that runs
  on to the next line
lede:
  list: a mapping is no text
---
"""
BODY = "Keir Starmer met Joe Biden. Starmer said the talks went well.\n\nStarmer flew home.\n"


def shown(text: str, path: str) -> str:
    """The words the front matter shows, one space apart."""
    prose = Document(path, text).prose
    return " ".join(prose[: prose.index("Keir")].split())


@pytest.mark.parametrize("path", ["a.md", "a.txt"])
def test_only_published_values_on_their_key_line_are_prose(path: str) -> None:
    assert shown(FRONT + BODY, path) == (
        "Starmet meets Biden at the White House "
        "Starmer in Washington "
        "The Prime Minister's first visit, and what was agreed "
        "A TK-word summary "
        "A block scalar, read line by line. "
        "a plain value that runs on to the next line"
    )


def test_a_title_is_a_heading_and_a_description_a_paragraph() -> None:
    text = FRONT + BODY
    doc = Document("a.md", text)
    fields = [(b.role, text[b.start : b.end]) for b in doc.prose_blocks if b.start < doc.body_start]
    assert fields == [
        (Role.HEADING, "Starmet meets Biden at the White House"),
        (Role.HEADING, "Starmer in Washington"),
        (Role.PARAGRAPH, "The Prime Minister's first visit, and what was agreed"),
        (Role.PARAGRAPH, "A TK-word summary"),
        (Role.PARAGRAPH, "A block scalar, read\n  line by line."),
        (Role.PARAGRAPH, "a plain value that runs\n  on to the next line"),
    ]
    # What is left of the front matter is its metadata: the author, not the title.
    assert "Jane Doe" in doc.front_matter and "meets Biden" not in doc.front_matter


def test_toml_front_matter_publishes_its_quoted_strings() -> None:
    text = "+++\ntitle = \"Budget day\"\ndescription = 'What changed'\ndate = 2024-10-30\n+++\n"
    fields = published_fields(text, text.index("+++\n", 3) + 4)
    assert [[text[start:end] for start, end in f.pieces] for f in fields] == [
        ["Budget day"],
        ["What changed"],
    ]


@pytest.mark.parametrize("path", ["a.md", "a.txt"])
def test_a_title_and_a_summary_are_checked_where_they_stand(path: str) -> None:
    rules = load_config(None, "en-GB").rules
    found = [
        (report.finding.rule, report.line, report.column, report.text)
        for report in check_document(Document(path, FRONT + BODY * 3), rules)
    ]
    # The title is copy, not metadata that vouches for a name's spelling: its slip is found.
    assert found == [
        ("entity/near-miss", 2, 9, "Starmet"),
        ("style/placeholder", 8, 18, "TK"),
    ]


@pytest.mark.parametrize(
    ("path", "body"),
    [("a.md", "# Accessibility\n\nMake it work for all.\n"), ("a.txt", "Make it work for all.\n")],
)
def test_a_one_word_title_is_no_line_of_page_chrome(path: str, body: str) -> None:
    """In Markdown, a heading with only a heading under it is a label of the page's."""
    text = f"---\ntitle: Accessibility\n---\n\n{body}"
    rules = [r for r in load_config(None, "en-GB").rules if r.category == "boilerplate"]
    assert check_document(Document(path, text), rules) == []
