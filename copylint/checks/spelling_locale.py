"""spelling-locale: a UK/US variant spelt against the house locale."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, cast

from copylint.checks.base import Rule, Settings, keep_case, respelling
from copylint.finding import Applicability, Finding
from copylint.language.spelling import SPELLING_NAMES, VariantFinder
from copylint.language.variants import Locale, load_variants
from copylint.text.document import Document

FIXED_LOCALES: tuple[Locale, ...] = ("en-GB", "en-US", "en-GB-oxendict")
NAME_OPTIONS: Mapping[str, Any] = {
    "title_words": {
        "description": "Words after which a capitalised variant is an office, not a name.",
        "type": "array",
        "items": {"type": "string", "minLength": 1},
    },
    "quotations": {
        "description": "house: quotations are spelt the house way too; speaker: as said.",
        "enum": ["house", "speaker"],
    },
}


def spelling_options(raw: Mapping[str, Any], settings: Settings) -> dict[str, Any]:
    """The fields the spelling kinds share: a finder for the house's proper nouns (a config's
    top-level `proper_nouns`), the locale if it is fixed, and how quotations are spelt."""
    fixed = settings.locale in FIXED_LOCALES
    return {
        "finder": VariantFinder.build(settings.proper_nouns, raw.get("title_words", ())),
        "locale": cast(Locale, settings.locale) if fixed else None,
        "quotations_as_said": raw.get("quotations", "house") == "speaker",
    }


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class SpellingLocale(Rule):
    """Flags each variant word spelt against the house locale (en-GB, en-US or
    en-GB-oxendict), suggesting the house form in the original's case (`Defense` → `Defence`).
    With `--locale auto` it is silent: the consistency rule decides then. The message may use
    `{text}`, `{suggestion}`, `{spelling}` (American, British, …) and `{locale}`."""

    finder: VariantFinder
    locale: Locale | None
    quotations_as_said: bool

    KIND: ClassVar[str] = "spelling-locale"
    FIX: ClassVar[Applicability | None] = Applicability.SAFE
    OPTIONS: ClassVar[Mapping[str, Any]] = NAME_OPTIONS
    MESSAGE_FIELDS: ClassVar[frozenset[str]] = frozenset(
        {"text", "suggestion", "spelling", "locale"}
    )

    @classmethod
    def options(cls, raw: Mapping[str, Any], settings: Settings) -> dict[str, Any]:
        return spelling_options(raw, settings)

    def check(self, doc: Document) -> Iterator[Finding]:
        locale = self.locale
        if locale is None:
            return
        against_house = load_variants().forms_against(locale)
        for use in self.finder.uses(doc, against_house, quotations=not self.quotations_as_said):
            suggestion = keep_case(use.text, use.variant.spelling_for(locale))
            message = self.message.format(
                text=use.text,
                suggestion=suggestion,
                spelling=use.spelling(),
                locale=f"{SPELLING_NAMES[locale]}, {locale}",
            )
            fix = respelling(doc, use.start, use.end, suggestion)
            yield self.finding(use.start, use.end, message, (suggestion,), fix)
