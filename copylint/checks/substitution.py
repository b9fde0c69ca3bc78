"""substitution: a word or pattern that has a preferred form, suggested with the original's case."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from copylint.checks.base import Rule, Settings, compile_pattern, keep_case
from copylint.finding import Finding
from copylint.text.document import Document


@dataclass(frozen=True, kw_only=True)
class Substitution(Rule):
    """Flags each match of a `swap` key (a regex, matched as whole words) and suggests its value.
    The message may name the match as `{text}` and the preferred form as `{suggestion}`."""

    pattern: re.Pattern[str]
    replacements: tuple[str, ...]

    KIND: ClassVar[str] = "substitution"
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
        for key in swap:
            compile_pattern("swap", key, at=(key,), at_key=True)
        groups = "|".join(f"(?P<s{index}>{key})" for index, key in enumerate(swap))
        flags = re.IGNORECASE if raw.get("ignorecase", True) else 0
        return {
            "pattern": compile_pattern("swap", rf"(?<!\w)(?:{groups})(?!\w)", flags),
            "replacements": tuple(swap.values()),
        }

    def check(self, doc: Document) -> Iterator[Finding]:
        for match in self.pattern.finditer(doc.prose):
            index = int((match.lastgroup or "s0")[1:])
            preferred = keep_case(match[0], self.replacements[index])
            if preferred == match[0]:
                continue
            message = self.message.format(text=match[0], suggestion=preferred)
            yield self.finding(match.start(), match.end(), message, (preferred,))
