"""existence: words, phrases or patterns that must not appear in copy."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from copylint.checks.base import OptionError, Rule, Settings, compile_pattern
from copylint.finding import Finding
from copylint.text.document import Document

_STRINGS = {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}


@dataclass(frozen=True, kw_only=True)
class Existence(Rule):
    """Flags every occurrence of `tokens` (literal words or phrases, matched as whole words) and
    `patterns` (regular expressions). The message may name the match as `{text}`."""

    pattern: re.Pattern[str]

    KIND: ClassVar[str] = "existence"
    OPTIONS: ClassVar[Mapping[str, Any]] = {
        "tokens": _STRINGS,
        "patterns": _STRINGS,
        "ignorecase": {"type": "boolean"},
    }

    @classmethod
    def options(cls, raw: Mapping[str, Any], settings: Settings) -> dict[str, Any]:
        return {"pattern": alternation(raw, "tokens", "patterns")}

    def check(self, doc: Document) -> Iterator[Finding]:
        for match in self.pattern.finditer(doc.prose):
            yield self.finding(match.start(), match.end(), self.message.format(text=match[0]))


def alternation(raw: Mapping[str, Any], literal_key: str, regex_key: str) -> re.Pattern[str]:
    """One compiled regex for a rule's literal words and its regexes, each as whole words."""
    parts = [re.escape(token) for token in raw.get(literal_key, ())]
    for index, pattern in enumerate(raw.get(regex_key, ())):
        compile_pattern(regex_key, pattern, at=(index,))
        parts.append(f"(?:{pattern})")
    if not parts:
        raise OptionError("kind", f"a {literal_key} or {regex_key} list is needed")
    flags = re.IGNORECASE if raw.get("ignorecase", False) else 0
    return compile_pattern(regex_key, rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)", flags)
