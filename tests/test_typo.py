"""spelling/typo on real sentences: exact words, positions and suggestions, and what it leaves."""

from __future__ import annotations

from pathlib import Path

import pytest

from copylint import Linter
from copylint.config import load_config
from copylint.engine import check_document
from copylint.finding import Applicability
from copylint.language.slips import correction, derivations
from copylint.language.words import load_words
from copylint.text.document import Document

ROOT = Path(__file__).resolve().parent.parent
SCOWL_DIR = Path("/usr/share/dict/scowl")


def typos(
    text: str, path: str = "article.txt", house: Path | None = None
) -> list[tuple[int, int, str, str]]:
    rules = [r for r in load_config(house, "en-GB").rules if r.id == "spelling/typo"]
    reports = check_document(Document(path, text), rules)
    return [(r.line, r.column, r.text, r.finding.suggestions[0]) for r in reports]


# The dev corpus's three, in their own sentences (bbc_0027, bbc_0058, bbc_0492).
@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The most recent was the annoucement in December 2000 that it had won rights.",
            (1, 25, "annoucement", "announcement"),
        ),
        (
            "Separately, investment bank Goldman Sachs produced reseach showing a rise.",
            (1, 52, "reseach", "research"),
        ),
        (
            "Fowler chased a loose ball in the area and collided accidently with the keeper.",
            (1, 53, "accidently", "accidentally"),
        ),
        (
            "And Sunak urged Starmer to match his committment to defence.",
            (1, 38, "committment", "commitment"),
        ),
        ("Ireland finsihed the year on a high.", (1, 9, "finsihed", "finished")),
        (
            "The computational science and enginnering communities.",
            (1, 31, "enginnering", "engineering"),
        ),
    ],
)
def test_a_misspelt_common_word_is_flagged_with_its_correction(
    text: str, found: tuple[int, int, str, str]
) -> None:
    assert typos(text) == [found]


def test_the_issue_examples_in_one_sentence() -> None:
    assert typos("It was the begining of the infomation age.") == [
        (1, 12, "begining", "beginning"),
        (1, 28, "infomation", "information"),
    ]


def test_a_typo_beside_its_correction_elsewhere_is_still_one() -> None:
    text = "The research was published on Monday.\n\nThe reseach showed a rise in prices.\n"
    assert typos(text) == [(3, 5, "reseach", "research")]


def test_a_word_used_twice_was_meant() -> None:
    text = "Rank may demerge its unit; the reseach unit and the reseach team agree.\n"
    assert typos(text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("reseach was done, and more\n\nwas done than reseach", []),
        ("reseach was done, and more", [(1, 1, "reseach", "research")]),
        ("More was done than reseach", [(1, 20, "reseach", "research")]),
        ("reseach reseach", []),
    ],
)
def test_a_use_at_either_edge_of_the_text_is_counted(
    text: str, found: list[tuple[int, int, str, str]]
) -> None:
    assert typos(text) == found


def test_a_word_used_once_in_the_copy_and_once_in_code_or_front_matter_was_meant() -> None:
    text = "---\ntags: [gopls]\n---\n\nThe gopls server and the `structs` package hold a struct.\n"
    assert typos(text, "post.md") == []


def test_names_are_the_entity_rules() -> None:
    assert typos("Reseach Partners and Annoucement Ltd said so. JOY DIVISON played.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Run `reseach --all` first.\n",
        "```\nthe reseach step\n```\n",
        "See https://example.com/reseach for more.\n",
        "<!-- a reseach note -->\nNothing here.\n",
        "---\nslug: the reseach\n---\n\nNothing here.\n",
    ],
    ids=["code span", "fenced code", "URL", "HTML comment", "front matter metadata"],
)
def test_code_urls_markup_and_front_matter_are_not_copy(text: str) -> None:
    assert typos(text, "post.md") == []


def test_markdown_headings_list_items_table_cells_and_link_text_are_copy() -> None:
    text = (
        "# Research quesitons\n\n"
        "- can add additional detals about it\n\n"
        "| Step | Note |\n|---|---|\n| one | a signifcant delay |\n\n"
        "Read the [full annoucement](https://example.com/news/2024).\n"
    )
    assert typos(text, "post.md") == [
        (1, 12, "quesitons", "questions"),
        (3, 22, "detals", "details"),
        (7, 11, "signifcant", "significant"),
        (9, 16, "annoucement", "announcement"),
    ]


def test_a_quotation_is_spelt_the_house_way_unless_kept_as_said(tmp_path: Path) -> None:
    text = 'He said: "It is a land of aslyum for them," and left.\n'
    assert typos(text) == [(1, 27, "aslyum", "asylum")]
    house = tmp_path / ".copylint.yaml"
    house.write_text("rules:\n  spelling/typo: {quotations: speaker}\n", "utf-8")
    assert typos(text, house=house) == []


@pytest.mark.parametrize(
    "word",
    ["reconition", "accrding", "btter", "oters"],  # recognition or recondition? …
)
def test_two_corrections_as_near_give_silence(word: str) -> None:
    assert typos(f"The {word} was reported on Monday.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Seibu Railways has been delisted from the exchange.",  # de-listed: SCOWL knows it
        "A transgender influencer posted it.",  # influence + r
        "They were triaging the injured and repping the brand.",  # triage, rep
        "It could foreseeably rise, and voters cannot unsee it.",  # -ably, un-
        "Check your skillset and the backend.",  # two words run together
        "The struct holds a field.",  # a clipping of structure
        "A de-facto ruler, a touchy-feely speech.",  # short parts of compounds
        "The cafes and attaches were full.",  # SCOWL has them with accents
        "Fo shizzle, the joie de vivre of it.",  # another language's words around it
        "The macarons and the sativa plant.",  # a plural's letter; a far key
    ],
)
def test_words_that_are_not_slips(text: str) -> None:
    assert typos(text) == []


def test_a_misspelt_part_of_a_lower_case_compound() -> None:
    assert typos("A time one-hundreth of a second faster.") == [(1, 12, "hundreth", "hundredth")]


def test_a_possessive_is_its_word_and_a_contraction_is_not_judged() -> None:
    assert typos("The reseach’s findings; they couldn’t agree.") == [(1, 5, "reseach", "research")]


def test_the_house_lexicon_and_accept_list(tmp_path: Path) -> None:
    (tmp_path / "names.yaml").write_text("names:\n  Relevent: 120\n", "utf-8")
    house = tmp_path / ".copylint.yaml"
    house.write_text("entities: {lexicon: names.yaml}\n", "utf-8")
    assert typos("The relevent fixtures were moved.") == [(1, 5, "relevent", "relevant")]
    assert typos("The relevent fixtures were moved.", house=house) == []
    (tmp_path / "post.md").write_text("Goldman Sachs produced reseach on it.\n", "utf-8")
    house.write_text("locale: en-GB\naccept:\n  spelling/typo: [reseach]\n", "utf-8")
    assert [f["rule"] for f in Linter().lint_paths([tmp_path / "post.md"])] == []


def test_the_fix_is_unsafe_and_puts_the_word_right() -> None:
    rules = [r for r in load_config(None, "en-GB").rules if r.id == "spelling/typo"]
    (report,) = check_document(Document("a.txt", "They produced reseach."), rules)
    assert report.finding.message == '"reseach" looks like a typo for "research".'
    fix = report.finding.fix
    assert fix is not None and fix.applicability is Applicability.UNSAFE
    assert [(e.start, e.end, e.text) for e in fix.edits] == [(14, 21, "research")]


@pytest.mark.parametrize(
    ("typed", "meant", "kind"),
    [
        ("reseach", "research", "dropped"),
        ("billiion", "billion", "doubled"),
        ("finsihed", "finished", "transposed"),
        ("messanger", "messenger", "vowel"),
        ("noteboook", "notebook", "doubled"),
        ("enginnering", "engineering", "doubled"),  # the wrong letter doubled
        ("advantge", "advantage", "dropped"),
        ("accidently", "accidentally", "-ally"),
        ("sativa", None, None),  # t and l are far apart
        ("elivery", None, None),  # delivery: the first letter
        ("hirings", None, None),  # hiring: the last
    ],
)
def test_the_slip_and_its_kind(typed: str, meant: str | None, kind: str | None) -> None:
    slip = correction(typed, load_words())
    assert (slip.meant, slip.kind) == (meant, kind) if slip else meant is None


def test_a_misspelt_inflection_is_still_a_typo() -> None:
    words = load_words()
    (made,) = derivations("begining", words.is_word, words.is_common)
    assert (made.head, made.tail, made.respelt_by("beginning")) == ("begin", "ing", True)
    (made,) = [d for d in derivations("fuzzer", words.is_word, words.is_common) if d.tail == "er"]
    assert not made.respelt_by("fuzzier")


def test_the_dictionary() -> None:
    words = load_words()
    assert words.is_word(b"announcement") and words.is_common("announcement")
    assert words.is_word(b"delisted") and not words.is_common("delisted")
    assert words.is_word(b"attaches") and words.is_word(b"cafes")  # accents dropped
    for misspelt in (b"accidently", b"committment", b"acquital", b"reseach"):
        assert not words.is_word(misspelt)  # SCOWL lists them past the sizes read


def test_a_word_that_is_all_of_a_quotation_is_named_not_used() -> None:
    """`what it calls "framily"`: a coinage set in marks (held-out real copy). A slip inside
    a longer quotation is still one."""
    assert typos('The network sells what it calls "framily" plans.') == []
    assert typos("It was ‘framily’ time, and a “framily,” he said.") == []
    assert typos('The "framily plan" was new.') == [(1, 6, "framily", "family")]
