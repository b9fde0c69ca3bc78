"""substitution: a word or pattern that has a preferred form, suggested with the original's case."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from copylint.checks.base import Rule, Settings, house_pattern, keep_case, whole_words
from copylint.finding import Applicability, Finding
from copylint.patterns import Pattern
from copylint.text.document import Document


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Substitution(Rule):
    """Flags each match of a `swap` key (a regex, matched on its own, as whole words) and
    suggests its value. The message may name the match as `{text}` and the preferred form as
    `{suggestion}`."""

    swaps: tuple[tuple[Pattern, str], ...]

    KIND: ClassVar[str] = "substitution"
    FIX: ClassVar[Applicability | None] = Applicability.SAFE
    OPTIONS: ClassVar[Mapping[str, Any]] = {
        "swap": {
            "type": "object",
            "minProperties": 1,
            "additionalProperties": {"type": "string"},
        },
        "ignorecase": {"type": "boolean"},
    }
    REQUIRED: ClassVar[tuple[str, ...]] = ("swap",)
    MESSAGE_FIELDS: ClassVar[frozenset[str]] = frozenset({"text", "suggestion"})

    @classmethod
    def options(cls, raw: Mapping[str, Any], settings: Settings) -> dict[str, Any]:
        swap: Mapping[str, str] = raw["swap"]
        ignorecase = bool(raw.get("ignorecase", True))
        return {
            "swaps": tuple(
                (
                    house_pattern(
                        "swap", key, settings, ignorecase=ignorecase, at=(key,), at_key=True
                    ),
                    value,
                )
                for key, value in swap.items()
            )
        }

    def check(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        found: dict[tuple[int, int], str] = {}
        for pattern, replacement in self.swaps:
            for span in whole_words(pattern, prose):
                found.setdefault(span, replacement)  # the first key that matches a span wins
        for (start, end), replacement in sorted(found.items()):
            text = prose[start:end]
            preferred = keep_case(text, replacement)
            if preferred == text:
                continue
            message = self.message.format(text=text, suggestion=preferred)
            yield self.finding(start, end, message, (preferred,))
