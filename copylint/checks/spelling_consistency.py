"""spelling-consistency: one article spelling the same word, or the same kind of word, two ways."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar

from copylint.checks.base import Rule, Settings, keep_case, respelling
from copylint.checks.spelling_locale import FIXED_LOCALES, NAME_OPTIONS, spelling_options
from copylint.finding import Applicability, Finding
from copylint.language.spelling import VariantFinder, VariantUse, variant_hits
from copylint.language.variants import Locale, load_variants
from copylint.text.document import Document


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class SpellingConsistency(Rule):
    """With `--locale auto`, the article's variant words vote for a locale and the forms that
    are wrong in every locale with the most votes are flagged; a word spelt both ways
    (`self-defence`, `self-defense`) is flagged where it takes its less common form or, as
    often, its later one. With a fixed locale, it flags a word the house allows both ways
    (`judgement`, `judgment`) where the article uses its less common form, except the words in
    `distinct_words`, which are two words and not one (`program`, `programme`). The message
    may use `{text}`, `{spelling}`, `{other}`, `{other_spelling}`, `{line}` and `{suggestion}`.
    """

    finder: VariantFinder
    locale: Locale | None
    distinct_words: frozenset[str]
    quotations_as_said: bool

    KIND: ClassVar[str] = "spelling-consistency"
    FIX: ClassVar[Applicability | None] = Applicability.SAFE
    OPTIONS: ClassVar[Mapping[str, Any]] = {
        **NAME_OPTIONS,
        "distinct_words": {
            "description": "US forms that are another word in British, not a variant.",
            "type": "array",
            "items": {"type": "string", "minLength": 1},
        },
    }
    MESSAGE_FIELDS: ClassVar[frozenset[str]] = frozenset(
        {"text", "spelling", "other", "other_spelling", "line", "suggestion"}
    )

    @classmethod
    def options(cls, raw: Mapping[str, Any], settings: Settings) -> dict[str, Any]:
        distinct = frozenset(word.lower() for word in raw.get("distinct_words", ()))
        return {**spelling_options(raw, settings), "distinct_words": distinct}

    def check(self, doc: Document) -> Iterator[Finding]:
        quotations = not self.quotations_as_said
        if self.locale is None:
            uses = self.finder.uses(doc, quotations=quotations)
            conflicts = dict(_family_conflicts(uses))
            conflicts.update(_against_the_vote(uses, conflicts))
        elif self.locale == "en-US":
            return  # American spelling allows no word both ways
        else:
            spelt_two_ways = _spelt_two_ways(variant_hits(doc) & _both_ways(self.distinct_words))
            if not spelt_two_ways:
                return
            both_ways = self.finder.uses(doc, spelt_two_ways, quotations)
            conflicts = dict(_family_conflicts(both_ways))
        for use, other in sorted(conflicts.items(), key=lambda item: item[0].start):
            yield self._finding(doc, use, other)

    def _finding(self, doc: Document, use: VariantUse, other: VariantUse) -> Finding:
        suggestion = keep_case(use.text, other.variant.form) if use.family == other.family else ""
        message = self.message.format(
            text=use.text,
            spelling=use.spelling(),
            other=f"{other.compound}{other.text}",
            other_spelling=other.spelling(),
            line=doc.position(other.start)[0],
            suggestion=suggestion,
        )
        if not suggestion:
            return self.finding(use.start, use.end, message)
        fix = respelling(doc, use.start, use.end, suggestion)
        return self.finding(use.start, use.end, message, (suggestion,), fix)


@cache
def _both_ways(distinct_words: frozenset[str]) -> frozenset[bytes]:
    """The forms British spelling allows both ways: those of the `uk_only` families (whose
    American form is British too) but the `distinct_words`. No other family allows two."""
    return frozenset(
        form.encode()
        for _, *forms in load_variants().rows("uk_only")
        if forms[0] not in distinct_words
        for form in forms
    )


def _spelt_two_ways(forms: frozenset[bytes]) -> frozenset[bytes]:
    """Those of `forms` whose family has another of them: only a word the article spells
    two ways can conflict, and the rest need not be looked for."""
    table = load_variants()
    families: dict[str, set[bytes]] = defaultdict(set)
    for form in forms:
        variant = table.lookup(form.decode())
        assert variant is not None  # the forms are the table's
        families[variant.us].add(form)
    return frozenset(form for family in families.values() if len(family) > 1 for form in family)


def _family_conflicts(uses: Sequence[VariantUse]) -> Iterator[tuple[VariantUse, VariantUse]]:
    """Each use of a word in its less common spelling, with the first use of the common one.
    On a tie the first spelling in the article wins: the writer chose it before slipping."""
    families: dict[tuple[str, str], list[VariantUse]] = defaultdict(list)
    for use in uses:
        families[use.family].append(use)
    for members in families.values():
        if len({use.variant.form for use in members}) < 2:
            continue  # one spelling only, as in most families: nothing to count
        counts = Counter(use.variant.form for use in members)
        # A Counter keeps its forms in the order they first came, and `max` takes the first of
        # equals: on a tie, the article's first spelling.
        winner = max(counts, key=counts.__getitem__)
        model = next(use for use in members if use.variant.form == winner)
        yield from ((use, model) for use in members if use.variant.form != winner)


def _against_the_vote(
    uses: Sequence[VariantUse], already: Mapping[VariantUse, VariantUse]
) -> Iterator[tuple[VariantUse, VariantUse]]:
    """Uses wrong in every locale that most of the article's variant words are right in. On a
    tie between locales, only what is wrong in all of them is flagged: silence, not a guess."""
    votes = Counter(locale for use in uses for locale in use.variant.valid_in)
    if not votes:
        return
    best = max(votes.values())
    leaders = [locale for locale in FIXED_LOCALES if votes[locale] == best]
    right = [use for use in uses if use.variant.is_valid_in(leaders[0])]
    named: dict[frozenset[Locale], VariantUse] = {}  # by where the flagged form is right
    for use in uses:
        if use.variant.valid_in.isdisjoint(leaders) and use not in already:
            yield use, _conflicting(use, right, named)


def _conflicting(
    use: VariantUse, right: Sequence[VariantUse], named: dict[frozenset[Locale], VariantUse]
) -> VariantUse:
    """The first of the forms right in the leading locale that is wrong where `use` is right:
    the one to name. A form right everywhere (`program`, `check`, British too in another
    sense) is no evidence against anything. It depends only on where `use` is right, so it is
    sought once for each such set of locales, not once for each use."""
    where = use.variant.valid_in
    if where not in named:
        against = (other for other in right if not where <= other.variant.valid_in)
        named[where] = next(against, right[0])
    return named[where]
