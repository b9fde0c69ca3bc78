"""The two layers of a rule: a kind (a Python class) and its settings (YAML data).

A kind is a frozen dataclass that adds its own options to the fields every rule shares. It
declares them twice over, once as dataclass fields and once as JSON Schema properties in
`OPTIONS`, so that a rule file is validated, with line and column, before the kind is built.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, NamedTuple

from copylint.finding import Applicability, Edit, Finding, Fix, RuleInfo, Severity
from copylint.patterns import Pattern, PatternError
from copylint.patterns import compile_pattern as make_pattern
from copylint.text.document import Document


@dataclass(frozen=True, slots=True)
class Settings:
    """Run-wide settings a kind may need when it is built."""

    locale: str = "auto"
    # Names the house spells as they are spelt, whatever its locale: Pearl Harbor.
    proper_nouns: tuple[str, ...] = ()
    lexicon: str | None = None  # the house lexicon of names (`entities: {lexicon: FILE}`)
    spacy_model: str | None = None  # tried before the English models spaCy is known by
    # The strings of the shipped packs: a pattern among them is one of ours, written to run in
    # linear time on Python's engine (see `copylint.patterns`).
    trusted: frozenset[str] = frozenset()
    # The house's grammar backend (`grammar: {server: URL}`), if it has one.
    grammar: Mapping[str, Any] | None = None


class OptionError(ValueError):
    """An option's value is wrong in a way a schema cannot say (a regex that does not compile).
    `key` names the option and `at` the place inside it (list indexes, mapping keys; a regex
    that is a mapping's key is `at_key`), so the config loader can point at its line and column."""

    def __init__(
        self, key: str, problem: str, at: tuple[int | str, ...] = (), at_key: bool = False
    ) -> None:
        super().__init__(problem)
        self.key, self.at, self.at_key = key, at, at_key


class Examples(NamedTuple):
    """Text a rule must flag, and text it must pass: shown by `copylint explain`, run as tests."""

    fail: tuple[str, ...] = ()
    ok: tuple[str, ...] = ()
    locale: str | None = None  # the house locale they are read in, where it matters


# No article has this many findings of one rule. A text that does is not copy (a page of
# chrome lines, a word said over and over): the rule is stopped there, and a run says so, so
# that no input makes it crawl or fill the memory (10 MB of `Share` lines: nearly a million
# findings, 49 s and 1.9 GB).
MOST_FINDINGS = 10_000


# A rule, like the other objects that do work rather than hold a value (the linter, its cache,
# a pattern), is compared by identity and has no field-by-field `repr`: the two methods are a
# third of what making a dataclass costs, and at every start they cost 5 ms of a 130 ms run.
@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Rule:
    id: str
    category: str
    severity: Severity
    message: str
    description: str = ""
    examples: Examples = field(default_factory=Examples)
    pack: str = ""

    KIND: ClassVar[str]
    # JSON Schema `properties` for the kind's own options; the shared ones are in the config schema.
    OPTIONS: ClassVar[Mapping[str, Any]] = {}
    REQUIRED: ClassVar[tuple[str, ...]] = ()
    # The names a message may use, as `{name}`: the kind fills them in.
    MESSAGE_FIELDS: ClassVar[frozenset[str]] = frozenset({"text"})
    # Whether putting the first suggestion in place of the flagged text is a fix, and how safe.
    FIX: ClassVar[Applicability | None] = None
    # What the kind needs beyond the article, where it needs something (a server): its
    # examples are run where a test provides it.
    BACKEND: ClassVar[str] = ""
    # Whether the kind may take seconds on a long article on its own (it loads a model): where
    # two processes share an article's rules, it is taken first.
    SLOW: ClassVar[bool] = False

    @classmethod
    def options(cls, raw: Mapping[str, Any], settings: Settings) -> dict[str, Any]:
        """The kind's own dataclass fields from its validated YAML options."""
        return {key: raw[key] for key in cls.OPTIONS if key in raw}

    def check(self, doc: Document) -> Iterator[Finding]:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id}>"

    @property
    def info(self) -> RuleInfo:
        return RuleInfo(
            self.id, self.category, self.severity, self.message, self.description, self.pack
        )

    def finding(
        self,
        start: int,
        end: int,
        message: str | None = None,
        suggestions: tuple[str, ...] = (),
        fix: Fix | None = None,
    ) -> Finding:
        if fix is None and self.FIX is not None and suggestions:
            fix = Fix(self.FIX, (Edit(start, end, suggestions[0]),))
        return Finding(
            rule=self.id,
            category=self.category,
            severity=self.severity,
            message=message or self.message,
            start=start,
            end=end,
            suggestions=suggestions,
            fix=fix,
        )


def compile_pattern(
    key: str, pattern: str, flags: int = 0, at: tuple[int | str, ...] = (), at_key: bool = False
) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as error:
        raise OptionError(key, f"invalid regex {pattern!r}: {error}", at, at_key) from None


def house_pattern(
    key: str,
    source: str,
    settings: Settings,
    *,
    ignorecase: bool = False,
    at: tuple[int | str, ...] = (),
    at_key: bool = False,
) -> Pattern:
    """A rule's regex, run so that it cannot stall a run (see `copylint.patterns`)."""
    try:
        return make_pattern(source, ignorecase=ignorecase, trusted=source in settings.trusted)
    except PatternError as error:
        raise OptionError(key, str(error), at, at_key) from None


def whole_words(pattern: Pattern, text: str) -> Iterator[tuple[int, int]]:
    """The matches of `pattern` in `text` that are whole words: no letter, digit or underscore
    just before or after them."""
    for start, end in pattern.spans(text):
        if (start and _is_word(text[start - 1])) or (end < len(text) and _is_word(text[end])):
            continue
        yield start, end


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def respelling(doc: Document, start: int, end: int, spelling: str) -> Fix:
    """A word spelt again: safe in the copy's own words, unsafe inside a quotation, where it
    changes what someone is quoted as writing."""
    quoted = doc.in_quotation(start)
    applicability = Applicability.UNSAFE if quoted else Applicability.SAFE
    return Fix(applicability, (Edit(start, end, spelling),))


def keep_case(original: str, replacement: str) -> str:
    """The replacement in the original's case: DEFENSE → DEFENCE, Defense → Defence."""
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
