"""html-entity: an HTML character reference left in the copy (`communiqu&#233;`, `Mandela &amp;
the ANC`), as copy taken from a page's source, a feed or a CMS field carries it. A reader sees it
as written. Markdown shows a reference as the character it stands for, so only one that would
be printed as written is flagged (in plain text, or escaped in Markdown: `\\&amp;`); each
suggests its character, and the fix writes it. The front matter's published fields are passed
over: whether a site's template prints a title's `&rsquo;` as written or as `’` is the
template's to say.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from copylint.checks.base import Rule, Settings
from copylint.finding import Applicability, Finding
from copylint.regex_source import compiled_when_used
from copylint.text.document import Document

# A decimal or hexadecimal reference, or a name: what HTML reads as a character reference.
# Compiled when a text first holds an ampersand.
_REFERENCE = r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class HtmlEntity(Rule):
    """Flags each character reference of HTML in the prose that stands for a printable
    character or a space. The message may use `{text}` and `{suggestion}`."""

    KIND: ClassVar[str] = "html-entity"
    FIX: ClassVar[Applicability | None] = Applicability.SAFE
    OPTIONS: ClassVar[Mapping[str, Any]] = {}
    MESSAGE_FIELDS: ClassVar[frozenset[str]] = frozenset({"text", "suggestion"})

    @classmethod
    def options(cls, raw: Mapping[str, Any], settings: Settings) -> dict[str, Any]:
        return {}

    def check(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        if "&" not in prose:
            return
        for match in compiled_when_used(_REFERENCE).finditer(prose, doc.body_start):
            import html  # its table of 2,231 names takes 2 ms to import, and few texts need it

            character = html.unescape(match[0])
            if character == match[0] or not (character.isprintable() or character.isspace()):
                continue  # no reference HTML knows, or a control character
            message = self.message.format(text=match[0], suggestion=character)
            yield self.finding(match.start(), match.end(), message, (character,))
