"""The spelling rules on real sentences: exact words, positions and suggestions."""

from __future__ import annotations

from pathlib import Path

import pytest

from copylint.config import load_config
from copylint.engine import check_document
from copylint.text.document import Document

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_a48f44d96701f5af.txt"


# A headline goes first: it is where title case makes every capital meaningless.
HEADLINE = "Talks in Washington\n\n"


def findings(text: str, locale: str, house: Path | None = None) -> list[tuple[int, int, str, str]]:
    rules = [r for r in load_config(house, locale).rules if r.category == "spelling"]
    reports = check_document(Document("article.txt", text), rules)
    return [
        (r.line, r.column, r.text, r.finding.suggestions[0] if r.finding.suggestions else "")
        for r in reports
    ]


def spelling(body: str, locale: str, house: Path | None = None) -> list[tuple[int, int, str, str]]:
    """Findings in a one-paragraph body under a headline, with the body's line numbers."""
    found = findings(HEADLINE + body, locale, house)
    return [(line - 2, column, text, suggestion) for line, column, text, suggestion in found]


def seed(locale: str) -> list[tuple[int, int, str, str]]:
    return findings(SEED.read_text("utf-8"), locale)


def test_the_seed_in_en_gb() -> None:
    assert seed("en-GB") == [
        (8, 104, "centered", "centred"),
        (10, 344, "defense", "defence"),
        (12, 229, "Defense", "Defence"),
        (32, 134, "defense", "defence"),
    ]


def test_the_seed_in_en_us_flags_its_british_forms() -> None:
    assert seed("en-US") == [
        (10, 17, "emphasised", "emphasized"),
        (16, 195, "programme", "program"),
        (22, 238, "authorise", "authorize"),
        (24, 434, "defence", "defense"),
    ]


def test_the_seed_in_auto_reports_self_defense_against_self_defence() -> None:
    assert seed("auto") == [(32, 134, "defense", "defence")]
    rules = [r for r in load_config(None, "auto").rules if r.id == "spelling/consistency"]
    (report,) = check_document(Document("seed.txt", SEED.read_text("utf-8")), rules)
    assert report.finding.message == (
        '"defense" is American spelling, but this article has British "self-defence" (line 24).'
    )


def test_an_ize_form_against_a_british_house_is_named_american_and_oxford() -> None:
    """-ize is British too, in Oxford spelling; -yze is American alone."""
    text = "Residents organized a vote to analyze the plan.\n"
    rules = [r for r in load_config(None, "en-GB").rules if r.id == "spelling/locale"]
    reports = check_document(Document("a.txt", HEADLINE + text), rules)
    assert [report.finding.message for report in reports] == [
        '"organized" is American and Oxford spelling; the house spelling (British, en-GB) is '
        '"organised".',
        '"analyze" is American spelling; the house spelling (British, en-GB) is "analyse".',
    ]


def test_oxford_spelling_rejects_ise_and_keeps_yse() -> None:
    text = "The White House emphasised its concern and will analyse the data.\n"
    assert spelling(text, "en-GB-oxendict") == [(1, 17, "emphasised", "emphasized")]
    assert spelling(text, "en-GB") == []


@pytest.mark.parametrize(
    "text",
    [
        "He served at the US Department of Defense and visited Pearl Harbor.",
        "The World Health Organization and the Centers for Disease Control agreed.",
        "She led the Australian Labor Party and spoke at Lincoln Center.",
        "Pearl Harbor was attacked in 1941.",
        "Scott Gray will miss the match. Gray, 26, hurt his ankle.",
        "The deal was brokered by Arbor Networks. Arbor Networks said so.",
        "She wrote a computer program for the Today programme.",
        "A cheque for the tyre on the kerb, and a licence to practise.",
    ],
)
def test_names_and_words_valid_in_british_pass_in_en_gb(text: str) -> None:
    assert spelling(text, "en-GB") == []


def test_a_title_word_makes_a_capitalised_variant_copy_again() -> None:
    text = "Former UK Defense Secretary Ben Wallace spoke, as did the Defense Department.\n"
    assert spelling(text, "en-GB") == [(1, 11, "Defense", "Defence")]


def test_the_headline_and_a_sentence_start_are_copy_too() -> None:
    text = "Biden Unveils New Defense Plan\n\nColor returns to the high street.\n"
    assert findings(text, "en-GB") == [(1, 19, "Defense", "Defence"), (3, 1, "Color", "Colour")]


def test_a_first_line_in_sentence_case_keeps_the_names_in_it() -> None:
    """Only title case makes a capital meaningless: in a first line set in sentence case (a
    caption, a lede, a headline as the BBC sets one) a capitalised variant mid-line is a name,
    as anywhere else (a news-wire caption, held-out real copy)."""
    caption = "Rescuers monitor the search in the Mission Control Center inside the agency.\n"
    assert findings(caption + "\nThe centre of the search moved north.\n", "en-GB") == []
    first = "Voters across the north turned to Labour in the Midlands\n"
    assert findings(first + "\nThe count went on.\n", "en-US") == []


def test_british_only_forms_are_flagged_in_en_us_with_case_kept() -> None:
    text = "Programme notes and the CHEQUE were in the colour of the tyre.\n"
    assert spelling(text, "en-US") == [
        (1, 1, "Programme", "Program"),
        (1, 25, "CHEQUE", "CHECK"),
        (1, 44, "colour", "color"),
        (1, 58, "tyre", "tire"),
    ]


def test_compounds_and_possessives_are_checked_by_their_word() -> None:
    text = "Its self-defense plan and the color’s shade, the labor-saving tool.\n"
    assert spelling(text, "en-GB") == [
        (1, 10, "defense", "defence"),
        (1, 31, "color", "colour"),
        (1, 50, "labor", "labour"),
    ]


def test_positions_hold_after_letters_whose_lower_case_is_longer() -> None:
    # "İ" lowers to two code points: a search in a lowered copy would be one column off.
    text = "İzmir and İstanbul centered the talks.\n"
    assert spelling(text, "en-GB") == [(1, 20, "centered", "centred")]


def test_positions_hold_after_characters_of_several_bytes() -> None:
    # Two-, three- and four-byte characters before each finding; a word joined to a letter
    # beyond ASCII (centeredé) is not a whole word.
    text = (
        "Zoë’s café 😀 in 北京: the centered plan, a COLOR chart, the centeredé sign; centered.\n"
    )
    assert spelling(text, "en-GB") == [
        (1, 25, "centered", "centred"),
        (1, 42, "COLOR", "COLOUR"),
        (1, 75, "centered", "centred"),
    ]
    assert [text.index("centered") + 1, text.index("COLOR") + 1, text.rindex("centered") + 1] == [
        25,
        42,
        75,
    ]


def test_a_text_too_long_to_search_word_by_word_gives_the_same_findings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = SEED.read_text("utf-8")
    searched = findings(text, "en-US")
    monkeypatch.setattr("copylint.language.spelling._SEARCH_LIMIT", 0)
    assert findings(text, "en-US") == searched
    assert len(searched) == 4


MIXED_TEXT = (
    "Zoë’s café 😀 in 北京: the centered plan, a COLOR chart, the centeredé sign; centered.\n\n"
    "Gray skies. The Grayson family and a GRAY dog left. Color returns to Colorado.\n\n"
    "Gray, 26, hurt his ankle, said Scott Gray, and the gray-green sea was calm.\n"
)


@pytest.mark.parametrize("automaton", [True, False], ids=["re2", "word-by-word"])
def test_both_one_pass_searches_find_what_the_search_form_by_form_finds(
    monkeypatch: pytest.MonkeyPatch, automaton: bool
) -> None:
    # Gray starting a sentence is a name, as the article writes it so in mid-sentence (Scott
    # Gray); Color is copy, as Colorado is no use of it; GRAY is emphasis, not a name.
    searched = findings(HEADLINE + MIXED_TEXT, "en-GB")
    assert searched == [
        (3, 25, "centered", "centred"),
        (3, 42, "COLOR", "COLOUR"),
        (3, 75, "centered", "centred"),
        (5, 38, "GRAY", "GREY"),
        (5, 53, "Color", "Colour"),
        (7, 52, "gray", "grey"),
    ]
    monkeypatch.setattr("copylint.language.spelling._SEARCH_LIMIT", 0)
    if not automaton:
        monkeypatch.setattr("copylint.language.spelling._forms_automaton", lambda forms: None)
    assert findings(HEADLINE + MIXED_TEXT, "en-GB") == searched


def test_quotations_are_spelt_the_house_way_unless_the_house_says_otherwise(
    tmp_path: Path,
) -> None:
    text = 'She said the talks "centered on trade" and were productive.\n'
    assert spelling(text, "en-GB") == [(1, 21, "centered", "centred")]
    house = tmp_path / "house.yaml"
    house.write_text("rules:\n  spelling/locale: {quotations: speaker}\n", "utf-8")
    assert spelling(text, "en-GB", house) == []


def test_a_house_adds_proper_nouns_without_repeating_the_shipped_ones(tmp_path: Path) -> None:
    text = "Theater District Reopens After Pearl Harbor Memorial\n\nThe show is on.\n"
    assert findings(text, "en-GB") == [(1, 1, "Theater", "Theatre")]
    house = tmp_path / "house.yaml"
    house.write_text("proper_nouns: [Theater District]\n", "utf-8")
    assert findings(text, "en-GB", house) == []


def test_auto_flags_the_minority_locale_and_names_what_it_conflicts_with() -> None:
    text = "The colour of the theatre and the harbour centre were gray.\n"
    assert spelling(text, "auto") == [(1, 55, "gray", "")]


def test_auto_names_a_form_that_conflicts_not_one_right_everywhere() -> None:
    # `program` and `checks` are British too (a computer program, DBS checks): no evidence.
    text = "The program ran checks. It was realized that colors and flavors clashed; organised.\n"
    rules = [r for r in load_config(None, "auto").rules if r.category == "spelling"]
    (report,) = check_document(Document("a.txt", HEADLINE + text), rules)
    assert report.text == "organised"
    assert report.finding.message == (
        '"organised" is British -ise spelling, but this article has American and Oxford '
        '"realized" (line 3).'
    )


def test_auto_is_silent_on_a_tie_between_locales() -> None:
    assert spelling("The colour was gray.\n", "auto") == []


def test_a_word_the_house_allows_both_ways_is_kept_consistent() -> None:
    text = "A judgment was due. The judgement came. Another judgment followed.\n"
    assert spelling(text, "en-GB") == [(1, 25, "judgement", "judgment")]


def test_on_a_tie_between_two_spellings_the_article_s_first_is_kept() -> None:
    assert spelling("A judgement was due. The judgment came.\n", "en-GB") == [
        (1, 26, "judgment", "judgement")
    ]
    assert spelling("A judgment was due. The judgement came.\n", "en-GB") == [
        (1, 25, "judgement", "judgment")
    ]


def test_two_different_british_words_are_not_a_consistency_fault() -> None:
    assert spelling("A computer program for the Today programme.\n", "en-GB") == []


def test_a_name_wrapped_onto_the_next_line_of_a_markdown_paragraph_keeps_its_spelling() -> None:
    # In Markdown the line break is soft: `Centre` is mid-sentence, part of a name.
    text = "# Talks\n\nWe met the German Research\nCentre for Geosciences on Monday.\n"
    rules = [r for r in load_config(None, "en-US").rules if r.category == "spelling"]
    assert check_document(Document("post.md", text), rules) == []
    # In plain text a line break is a break, and a capital after it says nothing.
    (report,) = check_document(Document("post.txt", text), rules)
    assert (report.line, report.text) == (4, "Centre")
