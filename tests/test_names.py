"""The entity rule's cheap searches, each against the plain way of doing the same thing: the
names beside a form (found beside its uses, not in the whole text), the slips a form could be
(with either side indexed), and where an address could start (by a search for each mark)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copylint.language.names import (
    _NAME_PATTERN,
    name_forms,
    names_beside,
    slip_finder,
    slips_among,
    uses_of,
)
from copylint.text.addresses import _hints

# The whole text's pairs, as a pattern finds them: a name, then a space and the next.
_PAIR = re.compile(f"({_NAME_PATTERN})(?= ({_NAME_PATTERN}))")
# Characters that make names, break them, or only seem to: apostrophes, a hyphen, digits, an
# underscore, a superscript two (a letter to `\w`, not to `\d`), a combining accent, an ß.
_NAMEISH = st.text("AaBbÉé ’'-1_²\u0301.ßsS ", max_size=24)


def pairs_beside(text: str) -> set[tuple[str, str]]:
    return names_beside(text, uses_of(text, set(name_forms(text))))


def test_the_names_beside_a_form_are_found_on_either_side() -> None:
    text = "Tim Koogle met Google’s chief, and Lian Chia Liang met O’Brien Smith-Jones.\n"
    assert pairs_beside(text) == {
        ("Tim", "Koogle"),
        ("Lian", "Chia"),
        ("Chia", "Liang"),
        ("O’Brien", "Smith"),
    }
    # Only the pairs that hold a form asked about.
    assert names_beside(text, uses_of(text, {"Chia"})) == {("Lian", "Chia"), ("Chia", "Liang")}
    assert names_beside(text, uses_of(text, {"Smith"})) == {("O’Brien", "Smith")}
    assert names_beside(text, uses_of(text, {"Google"})) == set()
    assert names_beside("A Bo", uses_of("A Bo", {"Bo"})) == {("A", "Bo")}


@settings(max_examples=400, derandomize=True)
@given(_NAMEISH)
def test_the_names_beside_each_form_are_the_whole_texts_pairs_that_hold_it(text: str) -> None:
    pairs = set(_PAIR.findall(text))
    assert pairs_beside(text) == pairs
    for form in set(name_forms(text)):
        assert names_beside(text, uses_of(text, {form})) == {p for p in pairs if form in p}


@pytest.mark.parametrize("length", [1, 62, 63, 64, 65, 511, 512, 513, 4097])
def test_a_name_of_any_length_before_a_form_is_found(length: int) -> None:
    # The name before a form is read backwards over a window of the text, widened as needed.
    name = "X" + "a’b" * (length // 3) + "c" * (length % 3)
    for before in ("", "1", "-", "x", "’"):
        text = f"{before}{name} Starmer"
        expected = {pair for pair in _PAIR.findall(text) if pair[1] == "Starmer"}
        assert names_beside(text, uses_of(text, {"Starmer"})) == expected
        assert bool(expected) == (before == "")


_FORMS = st.lists(st.text("abcdeJK", min_size=1, max_size=6), max_size=30, unique=True)


@settings(max_examples=300, derandomize=True)
@given(_FORMS, _FORMS)
def test_the_slips_found_are_the_same_whichever_side_is_indexed(
    names: list[str], forms: list[str]
) -> None:
    near = slip_finder(names, forms)
    assert [near(form) for form in forms] == [slips_among(form, names) for form in forms]


def test_the_slips_of_a_long_texts_few_forms_are_found_among_its_many_names() -> None:
    names = [f"Name{letter}{other}" for letter in "abcdefghij" for other in "klmnopqrst"]
    # Fewer forms than names, so the forms are indexed: transposed, doubled, none, a key struck
    # for its neighbour (q for a).
    forms = ["Nmaeak", "Nameakk", "Namexy", "Nameqt"]
    near = slip_finder(names, forms)
    assert [near(form) for form in forms] == [["Nameak"], ["Nameak"], [], ["Nameat"]]


def test_an_address_that_starts_before_where_the_search_starts_is_not_sought() -> None:
    text = "see https://x.org, http://y.org, www.z.org or a@b.org"
    assert _hints(text, 0) == [4, 19, 33, 47]
    assert _hints(text, 5) == [19, 33, 47]  # in "https://", after its h
    assert _hints(text, 20) == [33, 47]


@settings(max_examples=400, derandomize=True)
@given(st.text("https:/w.@ a", max_size=30), st.integers(0, 30))
def test_where_an_address_could_start_is_each_mark_in_order(text: str, start: int) -> None:
    start = min(start, len(text))
    pattern = re.compile(r"https?://|www\.|@")
    assert _hints(text, start) == [match.start() for match in pattern.finditer(text, start)]
