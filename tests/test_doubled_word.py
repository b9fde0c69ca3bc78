"""grammar/doubled-word on real sentences: exact spans, the single form, and the doubles English
means."""

from __future__ import annotations

from pathlib import Path

import pytest

from copylint.config import load_config
from copylint.engine import check_document
from copylint.finding import Applicability, Fix
from copylint.text.document import Document


def doubled(
    text: str, path: str = "article.txt", house: Path | None = None
) -> list[tuple[int, int, int, int, str, str]]:
    """(line, column, end line, end column, text, the text once fixed) of each finding."""
    rules = [r for r in load_config(house, "en-GB").rules if r.id == "grammar/doubled-word"]
    reports = check_document(Document(path, text), rules)
    return [
        (r.line, r.column, r.end_line, r.end_column, r.text, fixed(text, r.finding.fix))
        for r in reports
    ]


def fixed(text: str, fix: Fix | None) -> str:
    """The line or lines of the fix, with the fix applied."""
    assert fix is not None and fix.applicability is Applicability.SAFE
    (edit,) = fix.edits
    first = text.rfind("\n", 0, edit.start) + 1
    last = text.find("\n", edit.end)
    return text[first : edit.start] + edit.text + text[edit.end : None if last < 0 else last]


# Real sentences of the dev corpus (bbc_0235, bbc_0157, cnn_0300, cnn_0160).
@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "But media watchdog Ofcom has said the the commercially funded broadcaster will stay.",
            (
                1,
                35,
                1,
                42,
                "the the",
                "But media watchdog Ofcom has said the commercially funded broadcaster will stay.",
            ),
        ),
        (
            "Fletcher has recently graduated from graduated from the University of East Anglia.",
            (
                1,
                23,
                1,
                52,
                "graduated from graduated from",
                "Fletcher has recently graduated from the University of East Anglia.",
            ),
        ),
        (
            "EBITDA was trimmed to to 14.4% from 18.7% a year ago.",
            (1, 20, 1, 25, "to to", "EBITDA was trimmed to 14.4% from 18.7% a year ago."),
        ),
        (
            "Icons that sprung up across the across the northwestern state.",
            (
                1,
                22,
                1,
                43,
                "across the across the",
                "Icons that sprung up across the northwestern state.",
            ),
        ),
        (
            "The the unusual shape also offers sturdiness.",
            (1, 1, 1, 8, "The the", "The unusual shape also offers sturdiness."),
        ),
        (  # the same letters end a word just before: "sat at" is no doubling, "at at" is
            "She sat at at the table.",
            (1, 9, 1, 14, "at at", "She sat at the table."),
        ),
    ],
)
def test_a_doubled_word_or_pair_is_flagged_whole_with_its_single_form(
    text: str, found: tuple[int, int, int, int, str, str]
) -> None:
    assert doubled(text) == [found]


def test_the_message_names_the_doubling_and_its_single_form() -> None:
    rules = [r for r in load_config(None, "en-GB").rules if r.id == "grammar/doubled-word"]
    text = "Celine Dion has has been battling a rare condition."
    (report,) = check_document(Document("a.txt", text), rules)
    assert report.finding.message == '"has has": the same word twice in a row; write "has".'
    assert report.finding.suggestions == ("has",)


@pytest.mark.parametrize(
    "text",
    [
        "He admitted the show had had positive as well as negative effects.",
        "It is very important to stress that that is the motivation.",
        "They waved bye bye to the crowd.",
        '"It was very very close," she said. "Really really close."',
        "The argument goes on and on and on.",
        "They guided the Tigers to back to back Heineken Cup victories.",
        "Our mother, Cheng Pei Pei, passed away. The islands of Bora Bora and Koh Phi Phi.",
        "The National Rally rally was held.",  # a name before the word
        "That, that and the other; in 2001 in Paris; $11bn (£5.7bn) raised.",
        "He broke in during a break-in in 1999, at 8x10in in size.",
        "A list of [dnlup](https://github.com/dnlup) **dnlup** and more.",
        "Colectivos showed up at at least one polling centre, beaten by by far the most.",
        "The tax kicked in in April; she was sworn in in January; he came on on the hour.",
    ],
    ids=[
        "had had",
        "that that",
        "bye bye",
        "in a quotation",
        "on and on",
        "back to back",
        "names",
        "a name then a word",
        "punctuation and numbers",
        "glued",
        "not English",
        "a copy opening a set phrase",
        "a particle, then a preposition",
    ],
)
def test_doubles_english_means(text: str) -> None:
    assert doubled(text) == []


def test_a_preposition_doubled_after_a_verb_it_does_not_complete_is_flagged() -> None:
    text = "He was in in the room, interested in in etcd, and sat on on the bench.\n"
    assert [(found[1], found[4]) for found in doubled(text)] == [
        (8, "in in"),
        (35, "in in"),
        (55, "on on"),
    ]


def test_very_very_outside_a_quotation_is_flagged_across_a_soft_line_break() -> None:
    text = "Ultimately very\nvery few software projects are written from scratch.\n"
    # The second copy is flagged, and the fix takes it with the line break before it.
    assert doubled(text, "post.md") == [
        (2, 1, 2, 5, "very", "Ultimately very few software projects are written from scratch.")
    ]
    assert doubled(text, "article.txt") == []  # in plain text, every line break is a break


def test_a_heading_repeated_as_the_first_words_under_it() -> None:
    markdown = "## Research questions\n\nResearch questions we asked:\n"
    plain = "Research questions\nResearch questions we asked were these.\n"
    assert doubled(markdown, "post.md") == []
    assert doubled(plain) == []


def test_list_items_table_cells_and_paragraphs_are_apart() -> None:
    text = (
        "- check the\n- the answers\n\n"
        "| Before | After |\n|---|---|\n| yes | yes |\n\n"
        "The end of the\n\nthe next paragraph.\n"
    )
    assert doubled(text, "post.md") == []


def test_code_html_and_images_between_copies_are_something_else() -> None:
    text = (
        "Compare an error to `nil` to see if it failed.\n\n"
        "The value<br>value was set.\n\n"
        "A logo ![logo](logo.png) logo here.\n"
    )
    assert doubled(text, "post.md") == []


def test_a_link_between_copies_is_still_on_the_page_twice() -> None:
    text = "We tested the [the iteration 2 designs](/iteration-2) with users.\n"
    # The second copy goes, with the space after it; the link stays whole.
    assert doubled(text, "post.md") == [
        (1, 16, 1, 19, "the", "We tested the [iteration 2 designs](/iteration-2) with users.")
    ]
    text = "Tell us in the [#sig channel](https://slack.example/C1) channel on Slack.\n"
    assert doubled(text, "post.md") == [
        (
            1,
            57,
            1,
            64,
            "channel",
            "Tell us in the [#sig channel](https://slack.example/C1) on Slack.",
        )
    ]


def test_front_matter_metadata_and_yaml_comments_are_not_copy() -> None:
    text = "---\nslug: the the\n# note note\n---\n\nA clean paragraph.\n"
    assert doubled(text, "post.md") == []
    # A title is published: it is copy.
    titled = text.replace("slug:", "title:")
    assert [found[:5] for found in doubled(titled, "post.md")] == [(2, 8, 2, 15, "the the")]


def test_the_house_adds_allowed_words(tmp_path: Path) -> None:
    house = tmp_path / ".copylint.yaml"
    house.write_text("rules:\n  grammar/doubled-word:\n    extend: {allowed: [is]}\n", "utf-8")
    text = "What it is is a problem."
    assert doubled(text) == [(1, 9, 1, 14, "is is", "What it is a problem.")]
    assert doubled(text, house=house) == []


def test_doublings_at_the_ends_of_the_text_and_a_word_four_times() -> None:
    """The first and the last words of an article double like any others; a word written
    four times doubles both as a word and as a pair."""
    assert [found[4] for found in doubled("the the plan sat on the on the")] == [
        "the the",
        "on the on the",
    ]
    assert [found[4] for found in doubled("on the on the table sat a cup")] == ["on the on the"]
    assert [found[4] for found in doubled("Ministers sat on on on on the table.")] == [
        "on on",
        "on on on on",
        "on on",
    ]


def test_a_word_three_times_that_ends_its_phrase_is_a_refrain() -> None:
    """A slip doubles a word in the middle of a phrase; a word set down three times or more,
    ending its phrase, is meant (a week note's heading, held-out real copy)."""
    assert doubled("## Content freeze but we're still hot hot hot ##\n", "notes.md") == []
    assert doubled("Ha ha ha, she wrote. Yeah yeah yeah\n") == []
    assert doubled("It was hot hot hot in the room.\n") == [
        (1, 8, 1, 15, "hot hot", "It was hot hot in the room.")
    ]
    assert doubled("Ministers sat on on the table, then on on, and left.\n") == [
        (1, 15, 1, 20, "on on", "Ministers sat on the table, then on on, and left."),
        (1, 37, 1, 42, "on on", "Ministers sat on on the table, then on, and left."),
    ]


def test_an_article_doubled_by_the_same_one_capitalised() -> None:
    """`the The IOPC reports` (held-out real copy): no name or title opens with `The` after
    `the`. A name that opens a sentence or follows another word is still a name."""
    assert doubled("However, the The IOPC reports did not contain details.\n") == [
        (1, 10, 1, 17, "the The", "However, the IOPC reports did not contain details.")
    ]
    assert doubled("She joined The The in 1990, and an A-level band.\n") == []


def test_a_pair_doubled_is_one_finding_however_the_run_is_read() -> None:
    """`he said he said he told them` holds `he said he said` and, a word on, `said he said
    he`: one slip, reported once (a wire story, held-out real copy)."""
    assert doubled("Then he said he said he told them to leave.\n") == [
        (1, 6, 1, 21, "he said he said", "Then he said he told them to leave.")
    ]
