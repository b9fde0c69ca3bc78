"""Which common word a misspelt word was meant to be, and which unknown words are no typos.

A typo is one slip from the word meant: a letter dropped (`reseach`), doubled (`billiion`) or
added beside its key (`noteboook`), two letters swapped (`finsihed`), a key struck for its
neighbour, or a vowel for a vowel (`messanger`, a slip of spelling). Each has a cost, lower for
the slips fingers make, and `correction` offers the common word at the lowest cost, only when
no other common word is as near: `inury` could be `injury` or `inure`, so it offers neither.
One slip of spelling goes further: `-ly` for `-ally` (`accidently`). A key far from the one
meant, or a letter added far from its neighbours' keys, is no slip: `sativa` is not `saliva`,
nor `structs` a typo of `struts`. In a short word only letters dropped, doubled or swapped
count (`thier`): a struck neighbour there makes a word of another language as often
(`elote`, `elite`).

Two places are left alone: the first letter, where fingers seldom slip and another word
usually starts (`geeking` is no `peeking`), and the last, where English inflects (`hirings`,
`counterparty`, `facto` beside `factor`, `macarons` beside `macaronis`). And a word made of a
known word and an affix, or of two common words, is a word, not a typo (`delisted`,
`influencer`, `unsee`, `skillset`): `derivations`; unless the correction is the same
inflection spelt right (`begining`, `beginning`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import NamedTuple, Protocol

from copylint.language.names import neighbouring_keys

LETTERS = "abcdefghijklmnopqrstuvwxyz"
VOWELS = frozenset("aeiou")
# What English adds to a word to make another: an unknown word that is a known one with these
# is a word SCOWL has not listed, not a typo.
# Not -ly: `accidently` is `accident` with it, and a slip of `accidentally`.
SUFFIXES = (
    "s", "es", "d", "ed", "ing", "r", "er", "ers", "rs", "or", "ors", "ee", "ees", "y", "ie",
    "ies", "ist", "ists", "ism", "ful", "ness", "ish", "able",
)  # fmt: skip
# Not re-, un-, de-: two letters make a word of too many typos (`deailed`: de-ailed).
PREFIXES = (
    "dis", "pre", "sub", "non", "mis", "over", "under", "out", "counter", "anti", "inter",
    "multi", "post", "super", "self", "semi", "micro", "mid", "cross", "hyper", "cyber", "mega",
    "mini", "tri", "trans",
)  # fmt: skip
MIN_STEM = 3
PREFIX = 3  # the dictionary keeps its words by their first three letters
# A compound of two common words (`skill|set`, `front|end`) is a word when its first part is
# this long: `mess|anger` is a slip of `messenger`.
MIN_HEAD = 5
# Shorter words are corrected only for letters dropped, doubled or swapped.
SHORT = 6
SAME_LETTERS = frozenset({"dropped", "doubled", "transposed"})
LENGTHS = frozenset({"dropped", "doubled", "extra"})  # slips that make a word longer or shorter

# The costs of slips: a doubled letter is the surest, a vowel for a vowel the least sure; a
# slip at the word's first or last letter costs more, being likelier another word's.
DOUBLED, NEIGHBOUR, VOWEL, AT_AN_EDGE = 0.9, 1.0, 1.5, 0.5


class Slip(NamedTuple):
    meant: str
    kind: str  # dropped, doubled, extra, neighbour, vowel, transposed, -ally
    at: int  # where in the typed word
    cost: float

    def at_an_edge(self, typed: str) -> bool:
        """Whether the slip is at the first letter or changes the last, or the last before a
        plural's s (`macarons`, `macaronis`)."""
        if self.at == 0 or (self.kind == "doubled" and self.at == 1 and typed[0] == typed[1]):
            return True  # the first letter, or it doubled: `ccache`, `mmap` are code's
        if self.kind in ("transposed", "-ally"):
            return False
        last = len(typed) - 1
        if self.kind in LENGTHS and typed.endswith("s") and self.meant.endswith("s"):
            last -= 1  # a letter in or out before the s: another plural
        # A letter dropped after the last is missing at the end; any other slip there is at it.
        return self.at > last if self.kind == "dropped" else self.at >= last


def edits(typed: str, low: int, high: int) -> list[str]:
    """Every string one edit from `typed` at a place from `low` to before `high` that could
    be a slip: a letter out or in, two swapped, a neighbouring key or a vowel for a vowel (no
    other substitution is a slip, so none other is tried)."""
    size = len(typed)
    top, swaps = min(high, size), min(high, size - 1)
    found = [typed[:at] + typed[at + 1 :] for at in range(low, top)]
    # Each place's head and tail are cut once, not once a letter: most edits are letters in.
    for at in range(low, min(high, size + 1)):
        head, tail = typed[:at], typed[at:]
        found += [head + letter + tail for letter in LETTERS]
    for at in range(low, top):
        head, tail = typed[:at], typed[at + 1 :]
        found += [head + letter + tail for letter in _struck_for(typed[at])]
    found += [  # the wrong letter doubled: enginnering
        typed[:at] + typed[at + 1] + typed[at + 1 :]
        for at in range(max(low, 1), swaps)
        if typed[at] == typed[at - 1]
    ]
    found += [
        typed[:at] + typed[at + 1] + typed[at] + typed[at + 2 :]
        for at in range(low, swaps)
        if typed[at] != typed[at + 1]
    ]
    return found


def slip(typed: str, meant: str) -> Slip | None:
    """The slip that makes `meant` into `typed`, and its cost; None if it is no slip."""
    size = len(typed)
    at = next(
        (i for i, (a, b) in enumerate(zip(typed, meant, strict=False)) if a != b),
        min(size, len(meant)),
    )
    if len(meant) == size + 2:
        return Slip(meant, "-ally", size - 2, NEIGHBOUR)
    if len(meant) == size - 1:  # typed has a letter too many
        letter, around = typed[at], typed[max(at - 1, 0) : at] + typed[at + 1 : at + 2]
        if letter in around:  # placed at the first of the two: `mindfull`, `ccache`
            return Slip(meant, "doubled", at - (typed[at - 1 : at] == letter), DOUBLED)
        if any(neighbouring_keys(letter, key) for key in around):
            return Slip(meant, "extra", at, NEIGHBOUR)
        return None
    if len(meant) == size + 1:
        return Slip(meant, "dropped", at, NEIGHBOUR)
    swapped = meant[at + 1 : at + 2] + meant[at : at + 1]
    if len(swapped) == 2 and typed[at : at + 2] == swapped and typed[at + 2 :] == meant[at + 2 :]:
        return Slip(meant, "transposed", at, NEIGHBOUR)
    typed_letter, letter = typed[at], meant[at]
    if neighbouring_keys(letter, typed_letter):
        return Slip(meant, "neighbour", at, NEIGHBOUR)
    if 0 < at < len(meant) - 1 and typed_letter == typed[at - 1] and letter == meant[at + 1]:
        return Slip(meant, "doubled", at, DOUBLED)  # enginnering for engineering
    return Slip(meant, "vowel", at, VOWEL)


@cache
def _struck_for(letter: str) -> str:
    """The letters a finger may strike for this one: its neighbours, or a vowel for a vowel."""
    vowels = VOWELS if letter in VOWELS else frozenset()
    return "".join(
        other
        for other in LETTERS
        if other != letter and (other in vowels or neighbouring_keys(other, letter))
    )


class Dictionary(Protocol):
    def is_common(self, word: str) -> bool: ...
    def common_from(self, prefix: str) -> frozenset[str]: ...


def correction(typed: str, words: Dictionary) -> Slip | None:
    """The one common word nearest to `typed`, if it is a slip away and nothing else is as
    near, and the slip is not at the word's edges; None otherwise.

    Slips after the first three letters keep them, and are matched at once against the
    common words that begin with them; those at the second and third letters are looked up
    one by one; those at the first only when nothing nearer is found, since they are never
    offered and matter only when as near as the best."""
    kept = edits(typed, PREFIX, len(typed) + 1)
    if typed.endswith("ly") and not typed.endswith("ally"):
        kept.append(typed[:-2] + "ally")  # accidently
    found = set(words.common_from(typed[:PREFIX]).intersection(kept))
    found.update(edit for edit in edits(typed, 1, PREFIX) if words.is_common(edit))
    nearest = _ranked(typed, found)
    if not nearest:
        return None
    if nearest[0][0] >= DOUBLED + AT_AN_EDGE:
        found.update(edit for edit in edits(typed, 0, 1) if words.is_common(edit))
        nearest = _ranked(typed, found)
    best = nearest[0][0]
    closest = [made for cost, made in nearest if cost == best]
    if len(closest) != 1 or closest[0].at_an_edge(typed):
        return None
    return closest[0]


def _ranked(typed: str, found: set[str]) -> list[tuple[float, Slip]]:
    """The slips that make the words found into `typed`, nearest first."""
    nearest = []
    short = len(typed) < SHORT
    for meant in found:
        made = slip(typed, meant)
        if made is None or (short and made.kind not in SAME_LETTERS):
            continue
        nearest.append((made.cost + (AT_AN_EDGE if made.at_an_edge(typed) else 0), made))
    return sorted(nearest, key=lambda ranked: ranked[0])


class Derivation(NamedTuple):
    """How an unknown word is made of known ones: a stem and a suffix, a prefix and a word,
    or two common words."""

    kind: str  # suffix, prefix or compound
    head: str
    tail: str

    def respelt_by(self, meant: str) -> bool:
        """Whether the correction is the same inflection spelt right, so that the word is a
        misspelt inflection rather than a new one: `begining`, `beginning`; `occured`."""
        if self.kind != "suffix" or not meant.endswith(self.tail):
            return False
        head = self.head
        # The same stem spelt as the suffix wants: its last consonant doubled (occurr-ed), an
        # e kept (fail-ed), dropped (writ-ing) or a y turned to i (happi-ness); not another
        # stem (fuzzi-er is fuzzy's, fuzz-er fuzz's; gee-ing is not geek-ing).
        spellings = {head + head[-1], head + "e"}
        if head.endswith("e") or head[-1] == head[-2]:
            spellings.add(head[:-1])  # or a consonant doubled wrongly (classs-es)
        if head.endswith("y"):
            spellings.add(head[:-1] + "i")
        return meant[: -len(self.tail)] in spellings


def derivations(
    word: str, is_word: Callable[[bytes], bool], is_common: Callable[[str], bool]
) -> list[Derivation]:
    """Every way `word` is a known word with a suffix or a prefix English makes words with
    (`delisted`, `triaging`: triage, `repping`: rep, `foreseeably`, `undock`), or two common
    words run together (`skillset`)."""
    found = [
        Derivation("suffix", word[: -len(suffix)], suffix)
        for suffix in SUFFIXES
        if word.endswith(suffix)
        and len(word) - len(suffix) >= MIN_STEM
        and _is_stem(word[: -len(suffix)], is_word)
    ]
    found += [
        Derivation("prefix", prefix, word[len(prefix) :])
        for prefix in PREFIXES
        if word.startswith(prefix)
        and len(word) - len(prefix) >= MIN_STEM
        and is_word(word[len(prefix) :].encode())
    ]
    found += [
        Derivation("compound", word[:split], word[split:])
        for split in range(MIN_HEAD, len(word) - MIN_STEM + 1)
        if is_common(word[:split]) and is_common(word[split:])
    ]
    return found


def _is_stem(stem: str, is_word: Callable[[bytes], bool]) -> bool:
    """The stem as written, or as English spells it before a suffix: a final e dropped
    (triag-ing), a consonant doubled (repp-ing), y turned to i (happi-ness)."""
    forms = [stem, stem + "e"]
    if len(stem) > MIN_STEM and stem[-1] == stem[-2]:
        forms.append(stem[:-1])
    if stem.endswith("i"):
        forms.append(stem[:-1] + "y")
    return any(is_word(form.encode()) for form in forms)
