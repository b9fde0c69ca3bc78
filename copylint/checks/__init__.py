"""The rule kinds: the one place a kind is registered. A new kind is a module and a line here."""

from __future__ import annotations

from copylint.checks.base import Rule
from copylint.checks.boilerplate import Boilerplate
from copylint.checks.doubled_word import DoubledWord
from copylint.checks.entity_near_miss import EntityNearMiss
from copylint.checks.existence import Existence
from copylint.checks.html_entity import HtmlEntity
from copylint.checks.languagetool import LanguageTool
from copylint.checks.quote_attribution import QuoteAttribution
from copylint.checks.spelling_consistency import SpellingConsistency
from copylint.checks.spelling_locale import SpellingLocale
from copylint.checks.substitution import Substitution
from copylint.checks.typo import Typo

KINDS: dict[str, type[Rule]] = {
    kind.KIND: kind
    for kind in (
        Boilerplate,
        DoubledWord,
        EntityNearMiss,
        Existence,
        HtmlEntity,
        LanguageTool,
        QuoteAttribution,
        SpellingConsistency,
        SpellingLocale,
        Substitution,
        Typo,
    )
}
