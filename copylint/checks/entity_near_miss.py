"""entity-near-miss: a name spelt once one keystroke away from a name the article (or the house)
spells the same way again and again."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, NamedTuple

from copylint.checks.base import Rule, Settings
from copylint.finding import Applicability, Finding
from copylint.language.lexicon import Lexicon, load_lexicon
from copylint.language.names import (
    LONGEST_NAME,
    NameUse,
    is_acronym,
    is_relative,
    known_words,
    known_words_if_read,
    name_forms,
    names_beside,
    slip,
    slip_finder,
    uses_of,
)
from copylint.language.nlp import entities_over, recognise_ahead
from copylint.text.document import Document

_COUNT = {"type": "integer", "minimum": 1}
# How many uses of the frequent form the recogniser reads to learn what kind of name it is.
_NER_SAMPLE = 3
_LEXICON_MIN_LENGTH = 5
# Forms probed for a near miss, at a few microseconds each, past which reading the word list to
# settle most of them at once is quicker.
_FORMS_WORTH_THE_WORD_LIST = 10_000


class _NearMiss(NamedTuple):
    rare: str
    frequent: str
    uses: int  # of the frequent form
    in_article: bool


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class EntityNearMiss(Rule):
    """Flags a capitalised form used once (or `ratio` times less often) that is one edit — a
    neighbouring key, a transposition, a dropped or doubled letter — from a form the article
    uses at least `min_count` times, or from a name of the house lexicon. It stays silent where
    two words are likelier than a typo: the rare form is an English word or a known name (Iraq
    beside Iran, Ellen beside Allen), a relative (Russian beside Russia), an acronym (UK, US),
    or a form shorter than `min_length`. The message may use `{text}`, `{suggestion}`,
    `{count}` and `{where}`."""

    min_count: int
    ratio: int
    min_length: int
    lexicon_path: str | None  # read on first use (`load_lexicon` caches it per process)
    lexicon_min_count: int
    model: str | None

    KIND: ClassVar[str] = "entity-near-miss"
    FIX: ClassVar[Applicability | None] = Applicability.UNSAFE
    SLOW: ClassVar[bool] = True  # it may load spaCy's recogniser
    OPTIONS: ClassVar[Mapping[str, Any]] = {
        "min_count": _COUNT,
        "ratio": _COUNT,
        "min_length": _COUNT,
        "lexicon_min_count": _COUNT,
    }
    MESSAGE_FIELDS: ClassVar[frozenset[str]] = frozenset({"text", "suggestion", "count", "where"})

    @classmethod
    def options(cls, raw: Mapping[str, Any], settings: Settings) -> dict[str, Any]:
        return {
            "min_count": raw.get("min_count", 2),
            "ratio": raw.get("ratio", 2),
            "min_length": raw.get("min_length", 4),
            "lexicon_path": settings.lexicon,
            "lexicon_min_count": raw.get("lexicon_min_count", 100),
            "model": settings.spacy_model,
        }

    def check(self, doc: Document) -> Iterator[Finding]:
        # The forms are counted in C; where each use stands is sought only for an article with
        # a near miss, which most articles do not have.
        counts = Counter(name_forms(doc.prose))
        misses = list(self._near_misses(counts))
        if misses and doc.front_matter:
            # The metadata's spelling of a name (its author, its title) is the name's.
            attested = set(name_forms(doc.front_matter))
            misses = [miss for miss in misses if miss.rare not in attested]
        if misses and self.lexicon_path is not None:
            # Forms the house lexicon allows are no typos, of its names or the article's.
            allowed = load_lexicon(self.lexicon_path).allowed
            misses = [miss for miss in misses if miss.rare not in allowed]
        if not misses:
            return
        by_form = uses_of(
            doc.prose, {form for miss in misses for form in (miss.rare, miss.frequent)}
        )
        company = _Company(names_beside(doc.prose, by_form))  # who stands beside whom
        # Whether each near miss names someone else, which only one of the article's own can.
        settled = {
            miss: self._two_names(doc, by_form, company, miss) if miss.in_article else False
            for miss in misses
        }
        asking = [miss for miss, two in settled.items() if two is None]
        if len(asking) > 1:  # every sentence the recogniser must read, read in one batch
            spans = [span for miss in asking for span in self._spans(by_form, miss)]
            recognise_ahead(doc, spans, self.model)
        for miss in misses:
            two = settled[miss]
            if two is None:
                two = self._another_person(doc, by_form, miss)
            if two:
                continue
            where = "this article elsewhere has" if miss.in_article else "the house lexicon has"
            for use in by_form[miss.rare]:
                yield self._finding(use, miss, where)

    def _near_misses(self, counts: Mapping[str, int]) -> Iterator[_NearMiss]:
        frequent = {
            form: n
            for form, n in counts.items()
            if n >= self.min_count
            and self.min_length <= len(form) <= LONGEST_NAME
            and not is_acronym(form)
        }
        # A form used more often than this has no form used `ratio` times as often.
        most_rare = max(frequent.values(), default=0) // self.ratio
        suspects = self._suspects(counts)
        near = slip_finder(frequent, suspects)
        unmatched = []
        for rare in suspects:
            n = counts[rare]
            closest = self._closest(rare, n, frequent, near) if n <= most_rare else []
            if closest:
                best = max(closest, key=lambda form: frequent[form])
                yield from self._unless_words(_NearMiss(rare, best, frequent[best], True))
            elif n == 1:
                unmatched.append(rare)
        if self.lexicon_path is not None and unmatched:
            lexicon = load_lexicon(self.lexicon_path)
            for rare in unmatched:
                yield from self._in_lexicon(rare, lexicon)

    def _suspects(self, counts: Mapping[str, int]) -> list[str]:
        """The forms that could be typos, in order: no acronym (UK, US), and no shorter than one
        less than the shortest name compared (a dropped letter: Jnes for Jones). Nor, where the
        word list is at hand, a word or a known name (The, London), most of an article's forms:
        `_unless_words` would drop its near miss. A run reads the list at its first near miss;
        a short article is not kept waiting for it."""
        many = len(counts) > _FORMS_WORTH_THE_WORD_LIST
        known = known_words() if many else known_words_if_read()
        forms = counts if known is None else known.strangers(counts)
        return [
            form
            for form in forms
            if self.min_length - 1 <= len(form) <= LONGEST_NAME and not is_acronym(form)
        ]

    def _closest(
        self,
        rare: str,
        uses: int,
        frequent: Mapping[str, int],
        near: Callable[[str], list[str]],
    ) -> list[str]:
        """The frequent forms (as `near` finds them) `rare`, used `uses` times, could be a slip
        for: used `ratio` times as often, not its relatives, and only a letter longer than a
        form shorter than `min_length`."""
        return [
            form
            for form in near(rare)
            if frequent[form] >= self.ratio * uses
            and not is_relative(rare, form)
            and (len(rare) >= self.min_length or slip(rare, form) == "dropped")
        ]

    def _in_lexicon(self, rare: str, lexicon: Lexicon) -> Iterator[_NearMiss]:
        # Across articles a name used once is as often someone else as a typo (Hugues,
        # Hughes): only a form the house has never printed, of a length that makes a near
        # miss unlikely by chance, is checked against a name the house prints all the time.
        if rare in lexicon.allowed or lexicon.count(rare) or len(rare) < _LEXICON_MIN_LENGTH:
            return
        closest = [
            name
            for name in lexicon.index.near(rare)
            if lexicon.count(name) >= self.lexicon_min_count and not is_relative(rare, name)
        ]
        if closest:
            best = max(closest, key=lexicon.count)
            yield from self._unless_words(_NearMiss(rare, best, lexicon.count(best), False))

    def _two_names(
        self,
        doc: Document,
        by_form: Mapping[str, list[NameUse]],
        company: _Company,
        miss: _NearMiss,
    ) -> bool | None:
        """Whether the rare form names someone else: it stands beside the frequent one (Jole
        Cole), or in a longer name while the frequent form is a well-known name that is no
        person (Tim Koogle beside Google). None where only the recogniser can say
        (`_another_person`): it is asked only when the cheap signs leave that open, so that
        spaCy is loaded for few articles."""
        if not company.another_name(miss.rare, miss.frequent):
            return False
        if company.beside(miss.rare, miss.frequent):
            return True
        frequent = by_form[miss.frequent]
        known = known_words()
        if not known.is_word_or_name(miss.frequent) or _named_as_a_person(doc.prose, frequent):
            return False
        return None

    @staticmethod
    def _spans(by_form: Mapping[str, list[NameUse]], miss: _NearMiss) -> list[tuple[int, int]]:
        """The uses the recogniser is asked about: every rare one, and the first frequent ones."""
        uses = (*by_form[miss.rare], *by_form[miss.frequent][:_NER_SAMPLE])
        return [(use.start, use.end) for use in uses]

    def _another_person(
        self, doc: Document, by_form: Mapping[str, list[NameUse]], miss: _NearMiss
    ) -> bool:
        """Whether the recogniser reads the rare form as part of a person's full name where it
        never reads the frequent form as a person (Tim Koogle beside Google, Lian Chia Liang
        beside China). Only that: it gives a typo all sorts of labels, so no other label
        difference is evidence of two names."""
        rare = by_form[miss.rare]
        entities = entities_over(doc, self._spans(by_form, miss), self.model)
        rare_entities, frequent_entities = entities[: len(rare)], entities[len(rare) :]
        full_names = [
            e
            for e, use in zip(rare_entities, rare, strict=True)
            if e and e.label == "PERSON" and (e.start, e.end) != (use.start, use.end)
        ]
        frequent_labels = {e.label for e in frequent_entities if e}
        return bool(full_names) and bool(frequent_labels) and "PERSON" not in frequent_labels

    def _unless_words(self, miss: _NearMiss) -> Iterator[_NearMiss]:
        # Only now, with a near miss in hand, is the word list worth loading.
        known = known_words()
        if not known.is_word_or_name(miss.rare) and not known.is_only_a_word(miss.frequent):
            yield miss

    def _finding(self, use: NameUse, miss: _NearMiss, where: str) -> Finding:
        message = self.message.format(
            text=use.form, suggestion=miss.frequent, count=f"{miss.uses:,}", where=where
        )
        return self.finding(use.start, use.end, message, (miss.frequent,))


class _Company:
    """The names each name stands beside: Tim before Koogle, Liang after Chia."""

    def __init__(self, neighbours: set[tuple[str, str]]) -> None:
        self._beside: dict[str, set[tuple[str, str]]] = {}
        for before, after in neighbours:
            self._beside.setdefault(before, set()).add(("after", after))
            self._beside.setdefault(after, set()).add(("before", before))

    def beside(self, rare: str, frequent: str) -> bool:
        """Jole Cole: the two forms are two parts of one name."""
        return any(name == frequent for _, name in self._beside.get(rare, ()))

    def another_name(self, rare: str, frequent: str) -> bool:
        """Whether the rare form stands in a longer name the frequent one never stands in (Tim
        Koogle beside Google, Jole Cole beside Cole): another person, not a typo. Words that
        are only common words (The, President) do not make a name longer."""
        known = known_words()
        company = {
            (side, name)
            for side, name in self._beside.get(rare, ())
            if not known.is_only_a_word(name)
        }
        return any((side, name) not in self._beside.get(frequent, set()) for side, name in company)


# Words that make the name after them a person's (Mr Blair) or before them (Blair said).
_PERSON_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|President|Senator|Sen\.|Rep\.|Governor|"
    r"Gov\.|Minister|Secretary|Judge|Justice|Coach|Captain|General|Gen\.)\s+(?:[A-Z]\w*\s+)?)$"
)
_PERSON_AFTER = re.compile(r"^(?:['’]s)?\s+(?:said|says|told|added|wrote|asked|who)\b")


def _named_as_a_person(prose: str, uses: list[NameUse]) -> bool:
    """Cheap signs that a name is a person's: a title before it or a speech verb after it."""
    return any(
        _PERSON_BEFORE.search(prose, max(0, use.start - 40), use.start)
        or _PERSON_AFTER.match(prose, use.end, use.end + 20)
        for use in uses
    )
