"""Names in copy: the capitalised forms an article uses, how often, and which are one slip of
the keyboard from another.

A typo in a name is one slip away from the right spelling: a key struck for its neighbour, two
letters transposed, one dropped or doubled, an extra key beside the one meant. `slip` says which
(each is one edit of Damerau's distance, so a substitution of keys far apart, Faris for Paris,
is not a slip). `slips_among` compares a form with each of a few names, and a `NameIndex`
finds, among many names, those a form could be a slip for by looking up its single-letter
deletions (each name is stored under its own deletions), so a lexicon of tens of thousands of
names answers in microseconds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from copylint.packaged import read_packaged

# A capitalised word, with its inner apostrophes (O’Brien, Sare’e) but not a possessive's. Its
# capital comes first and the look-behind (at the character before it) second: a pattern that
# opens with a class is sought by that class in C, not tried at every character (2.5× faster).
_NAME_PATTERN = r"[A-ZÀ-ÖØ-Þ](?<![\w’'-].)[^\W\d_]*(?:['’](?!s\b)[^\W\d_]+)*"
_NAME = re.compile(_NAME_PATTERN)
# What a name is made of after its capital. A name starts only after a character that is none
# of these (nor a digit or hyphen), so the name that ends at a place starts where the run of
# them before it starts.
_IN_A_NAME = re.compile(r"(?:[^\W\d_]+|['’]+)*")
# A name that is only one letter longer than another is often its relative, not its typo:
# Russia/Russian, Israel/Israeli, Kennedy/Kennedys.
DERIVING_LETTERS = frozenset("sni")
# Comparisons (forms to find slips for, times names) past which indexing the names is quicker.
_PAIRS_WORTH_AN_INDEX = 600
# No name is longer (the longest capitalised form in 2,400 articles and posts has 41 letters).
# A longer form is never compared: a name is indexed under each of its deletions, so a pasted
# blob of a million letters would cost a million copies of itself.
LONGEST_NAME = 64


class NameUse(NamedTuple):
    start: int
    end: int
    form: str


def name_forms(prose: str) -> list[str]:
    """Every capitalised word, as `name_uses` finds them, without their places: found in C,
    for counting."""
    return _NAME.findall(prose)


def uses_of(prose: str, forms: Iterable[str]) -> dict[str, list[NameUse]]:
    """Where each of `forms` is used, in order, as `name_forms` finds it (a hyphenated pair,
    Israel-Gaza, gives each of its names): only their places are kept of all the names'."""
    uses: dict[str, list[NameUse]] = {form: [] for form in forms}
    for match in _NAME.finditer(prose):
        found = uses.get(match[0])
        if found is not None:
            found.append(NameUse(match.start(), match.end(), match[0]))
    return uses


def names_beside(prose: str, by_form: Mapping[str, list[NameUse]]) -> set[tuple[str, str]]:
    """Each name and the one after it where a space is all between them (Tim Koogle), of the
    pairs that hold one of the forms whose uses are given: sought beside those uses, not in
    the whole text."""
    pairs = set()
    name_at = _NAME.match
    for form, uses in by_form.items():
        for use in uses:
            if prose.startswith(" ", use.end):
                after = name_at(prose, use.end + 1)
                if after is not None:
                    pairs.add((form, after[0]))
            if use.start > 1 and prose[use.start - 1] == " ":
                before = _name_ending_at(prose, use.start - 1)
                if before is not None:
                    pairs.add((before, form))
    return pairs


def _name_ending_at(prose: str, end: int) -> str | None:
    # The run is matched backwards, in C, over a reversed window of the text before `end`,
    # widened while the run fills it: a word of a million letters costs no Python loop.
    window = 64
    while True:
        low = max(0, end - window)
        tail = _IN_A_NAME.match(prose[low:end][::-1])
        run = 0 if tail is None else tail.end()
        if run < end - low or low == 0:
            break
        window *= 8
    name = _NAME.match(prose, end - run)
    return name[0] if name is not None and name.end() == end else None


# Each row of keys, and how far it is set right of the row above (a sits below q and w).
_KEYBOARD_ROWS = (("qwertyuiop", 0.0), ("asdfghjkl", 0.25), ("zxcvbnm", 0.75))
_KEY_AT = {
    key: (row, column + offset)
    for row, (keys, offset) in enumerate(_KEYBOARD_ROWS)
    for column, key in enumerate(keys)
}


def neighbouring_keys(a: str, b: str) -> bool:
    """Keys next to each other on a QWERTY keyboard, or one key in two cases (o, O)."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    if a not in _KEY_AT or b not in _KEY_AT:
        return False
    (row_a, x_a), (row_b, x_b) = _KEY_AT[a], _KEY_AT[b]
    return abs(row_a - row_b) <= 1 and abs(x_a - x_b) <= 1


def slip(typed: str, meant: str) -> str | None:
    """How `typed` is one slip of the keyboard from `meant`: "neighbour", "transposed",
    "dropped", "doubled" or "extra" (a key next to its neighbour); None if it is not."""
    if typed == meant or abs(len(typed) - len(meant)) > 1:
        return None
    if min(len(typed), len(meant)) >= 3 and typed[0] != meant[0] and typed[-1] != meant[-1]:
        return None  # a slip changes two neighbouring letters at most: never first and last
    # Where the two first differ: most often at the first letter or the second, so a loop
    # finds it sooner than a generator is made.
    first, shorter = 0, min(len(typed), len(meant))
    while first < shorter and typed[first] == meant[first]:
        first += 1
    if len(typed) < len(meant):
        return "dropped" if typed[first:] == meant[first + 1 :] else None
    if len(typed) > len(meant):
        if typed[first + 1 :] != meant[first:]:
            return None
        extra, around = typed[first], typed[max(first - 1, 0) : first + 2]

        if around.lower().count(extra.lower()) > 1:
            return "doubled"
        if first == 0 and extra.isupper() and typed[1:2].isupper():
            return None  # a capital before a name's capital is a prefix, not a slip: IJulia
        return (
            "extra"
            if any(neighbouring_keys(extra, key) for key in around if key != extra)
            else None
        )
    rest = first + 1
    if typed[rest:] == meant[rest:]:
        return "neighbour" if neighbouring_keys(typed[first], meant[first]) else None
    swapped = typed[first] == meant[rest] and typed[rest] == meant[first]
    return "transposed" if swapped and typed[rest + 1 :] == meant[rest + 1 :] else None


def slips_among(form: str, names: Iterable[str]) -> list[str]:
    """The names `form` could be a slip of the keyboard for, in order, compared one by one."""
    if len(form) < 3:
        return sorted([name for name in names if slip(form, name)])
    # Between forms of three letters or more a slip keeps the first letter or the last (see
    # `slip`): most names are ruled out here, without a call.
    first, last = form[0], form[-1]
    return sorted(
        [
            name
            for name in names
            if (len(name) < 3 or name[0] == first or name[-1] == last) and slip(form, name)
        ]
    )


def slip_finder(names: Collection[str], forms: Collection[str]) -> Callable[[str], list[str]]:
    """What finds, for each of `forms`, the names it could be a slip for. Indexing a name costs
    a few dozen comparisons with it (most pairs differ in first and last letter, which
    `slips_among` sees at once): an article's rare forms are compared with its names, and past
    that the smaller side is indexed and the other looked up in it, so the time stays linear.
    (A long text has three names that could be misspelt for every form that could be a slip.)"""
    if len(forms) * len(names) <= _PAIRS_WORTH_AN_INDEX:
        return lambda form: slips_among(form, names)
    if len(names) <= len(forms):
        return NameIndex(names).near
    candidates = NameIndex(forms).names_by_form(names)
    return lambda form: slips_among(form, candidates.get(form, ()))


def is_relative(rare: str, frequent: str) -> bool:
    """Russian beside Russia, Israeli beside Israel, YouTuber beside YouTube, the Koreas beside
    Korean: one adds a deriving letter at the end, or the two differ only in theirs."""
    shorter, longer = sorted((rare, frequent), key=len)
    if len(longer) == len(shorter) + 1 and longer.startswith(shorter):
        return longer[-1] in DERIVING_LETTERS or (shorter.endswith("e") and longer[-1] == "r")
    return (
        len(rare) == len(frequent)
        and rare[:-1] == frequent[:-1]
        and {rare[-1], frequent[-1]} <= DERIVING_LETTERS
    )


def is_acronym(form: str) -> bool:
    return form.isupper() or (len(form) <= 5 and sum(map(str.isupper, form)) > 1)


def _deletions(form: str) -> list[str]:
    return [form, *(form[:index] + form[index + 1 :] for index in range(len(form)))]


@dataclass(eq=False, repr=False)
class NameIndex:
    """Names by their single-letter deletions: `near(form)` finds every name one edit away."""

    names: Iterable[str]
    _by_key: dict[str, set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        by_key = self._by_key
        for name in self.names:
            for key in _deletions(name):
                by_key.setdefault(key, set()).add(name)

    def near(self, form: str) -> list[str]:
        """The names `form` could be a slip of the keyboard for."""
        candidates = {name for key in _deletions(form) for name in self._by_key.get(key, ())}
        return slips_among(form, candidates)

    def names_by_form(self, forms: Iterable[str]) -> dict[str, set[str]]:
        """For each name indexed, which of `forms` share a deletion with it: those `near` of
        each form would compare it with, found by looking each form up, the cheaper way round
        when the forms are the more."""
        found: dict[str, set[str]] = {}
        by_key = self._by_key
        for form in forms:
            for key in _deletions(form):
                for name in by_key.get(key, ()):
                    found.setdefault(name, set()).add(form)
        return found


class KnownWords(NamedTuple):
    """Lower-case English words and known names: a rare form that is one is not a typo."""

    words: frozenset[str]
    names: frozenset[str]

    def is_word_or_name(self, form: str) -> bool:
        folded = form.lower()
        return folded in self.words or folded in self.names

    def strangers(self, forms: Iterable[str]) -> list[str]:
        """The forms, in order, that are neither a word nor a known name: an article has
        dozens of forms, a long text thousands, looked up in one loop rather than a call each."""
        words, names = self.words, self.names
        return [
            form for form in forms if (folded := form.lower()) not in words and folded not in names
        ]

    def is_only_a_word(self, form: str) -> bool:
        """A capitalised common word (The, Then, Market) that is not also a name."""
        folded = form.lower()
        return folded in self.words and folded not in self.names


@cache
def known_words() -> KnownWords:
    return KnownWords(_word_list("common-words.txt"), _word_list("known-names.txt"))


def known_words_if_read() -> KnownWords | None:
    """The word list if this process has read it already: reading it takes 20 to 30 ms."""
    return known_words() if known_words.cache_info().currsize else None


def _word_list(name: str) -> frozenset[str]:
    text = read_packaged(f"data/{name}")
    return frozenset(line for line in text.split("\n") if line and line[0] != "#")
