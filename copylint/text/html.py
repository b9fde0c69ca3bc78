"""The prose of a block of HTML in a Markdown file, read by the standard library's HTML parser.

Text between tags is prose, except inside `script`, `style`, `pre`, `code` and the like; a
block-level element (`<p>`, `<h2>`, `<li>`, `<td>`, `<div>`) starts a block of its own, whose role
its innermost such element gives. An entity stands for its character, as in Markdown.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from copylint.text.blocks import Role
from copylint.text.spans import Span, entity_offset

_NOT_PROSE = frozenset(
    {"script", "style", "pre", "code", "kbd", "samp", "textarea", "svg", "math", "template"}
)
_ROLES = {
    **{f"h{level}": Role.HEADING for level in range(1, 7)},
    "li": Role.LIST_ITEM,
    "dt": Role.LIST_ITEM,
    "dd": Role.LIST_ITEM,
    "td": Role.TABLE_CELL,
    "th": Role.TABLE_CELL,
}
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "caption", "center", "details",
        "dialog", "div", "dl", "fieldset", "figcaption", "figure", "footer", "form",
        "header", "hr", "legend", "main", "nav", "ol", "p", "section", "summary",
        "table", "tbody", "tfoot", "thead", "tr", "ul", *_ROLES,
    }
)  # fmt: skip
_REFERENCE = re.compile(r"&#?[0-9A-Za-z]+;?")
_GROUPS = frozenset({"ul", "ol", "dl", "table"})
_MEMBERS = frozenset({"li", "dt", "tr"})
_GROUPED = frozenset({Role.LIST_ITEM, Role.TABLE_CELL})


@dataclass
class HtmlProse:
    """One block of prose inside HTML: its spans of text, in the source given, and the
    characters its entities stand for."""

    role: Role
    level: int  # a heading's level, a list item's depth
    group: int  # the list or table a list item or cell belongs to, numbered in the block
    item: int  # the item's index in its list, or the cell's row
    quoted: bool
    spans: list[Span] = field(default_factory=list)
    entities: list[tuple[int, str]] = field(default_factory=list)  # offset, characters


def read_html(source: str) -> list[HtmlProse]:
    reader = _Reader(source)
    try:
        reader.feed(source)
        reader.close()
    except (AssertionError, ValueError):
        # The standard library's parser gives up on some broken markup (`<![` that opens no
        # CDATA section): what it read before that is kept, and the rest is not prose.
        pass
    reader.end_block()
    return reader.blocks


class _Reader(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.blocks: list[HtmlProse] = []
        self.open: list[str] = []  # the block-level and non-prose elements open, outermost first
        # What is asked of them, kept as they open and close, so that markup nested 50,000
        # deep is not searched at every tag: how many of each are open, and the roles open.
        self.counts: Counter[str] = Counter()
        self.roles: list[str] = []
        self.current: HtmlProse | None = None
        # The lists and tables open, innermost last: [number, items or rows so far].
        self.groups: list[list[int]] = []
        self.numbered = 0

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _NOT_PROSE or tag in _BLOCK_TAGS:
            self.end_block()
            if tag not in ("hr",):
                self._open(tag)
        if tag in _GROUPS:
            self.numbered += 1
            self.groups.append([self.numbered, -1])
        elif tag in _MEMBERS and self.groups:
            self.groups[-1][1] += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.end_block()

    def handle_endtag(self, tag: str) -> None:
        if tag in _NOT_PROSE or tag in _BLOCK_TAGS:
            self.end_block()
            if self.counts[tag]:
                self._close(tag)
        if tag in _GROUPS and self.groups:
            self.groups.pop()

    def handle_data(self, data: str) -> None:
        if data.strip() and not self._hidden():
            start = self._offset()
            self._block().spans.append((start, start + len(data)))

    def handle_entityref(self, name: str) -> None:
        self._reference()

    def handle_charref(self, name: str) -> None:
        self._reference()

    def _reference(self) -> None:
        if self._hidden():
            return
        start = self._offset()
        match = _REFERENCE.match(self.source, start)
        if match is not None:
            characters = html.unescape(match[0])[: match.end() - start]
            at = entity_offset(self.source, start, match.end(), characters)
            self._block().entities.append((at, characters))

    def _block(self) -> HtmlProse:
        if self.current is None:
            role, level = Role.PARAGRAPH, 0
            if self.roles:
                innermost = self.roles[-1]
                role = _ROLES[innermost]
                level = int(innermost[1]) if role is Role.HEADING else 0
            group, item = self.groups[-1] if self.groups and role in _GROUPED else (-1, -1)
            if role is Role.LIST_ITEM:
                level = sum(self.counts[tag] for tag in ("ul", "ol", "dl"))
            self.current = HtmlProse(role, level, group, item, self.counts["blockquote"] > 0)
        return self.current

    def _open(self, tag: str) -> None:
        self.open.append(tag)
        self.counts[tag] += 1
        if tag in _ROLES:
            self.roles.append(tag)

    def _close(self, tag: str) -> None:
        """Close the innermost open `tag` and every element opened inside it."""
        while True:
            closed = self.open.pop()
            self.counts[closed] -= 1
            if closed in _ROLES:
                self.roles.pop()
            if closed == tag:
                return

    def _hidden(self) -> bool:
        """Whether an element whose text is not prose (`script`, `code`) is open."""
        return any(self.counts[tag] for tag in _NOT_PROSE)

    def end_block(self) -> None:
        if self.current is not None and (self.current.spans or self.current.entities):
            self.blocks.append(self.current)
        self.current = None
