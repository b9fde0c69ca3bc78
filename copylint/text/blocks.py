"""The blocks of an article, as its readers see them: headings, paragraphs, list items, table
cells, quotations set apart, and the code, HTML, templates and metadata that are not copy."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple


class Role(str, Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list item"
    TABLE_CELL = "table cell"
    CODE = "code"
    HTML = "html"
    TEMPLATE = "template"
    FRONT_MATTER = "front matter"
    BREAK = "thematic break"

    @property
    def is_prose(self) -> bool:
        return self in _PROSE


_PROSE = frozenset({Role.HEADING, Role.PARAGRAPH, Role.LIST_ITEM, Role.TABLE_CELL})


class Link(NamedTuple):
    """A link's text, as a span of the file, and where it points."""

    start: int
    end: int
    href: str


# A named tuple, where the other records here are frozen dataclasses: an article has a block
# for every paragraph, and a frozen dataclass sets each of its ten fields through
# `object.__setattr__`, which costs three times as much as building the tuple.
class Block(NamedTuple):
    """One block of an article. `start` and `end` are offsets in the text: for a block of prose,
    from its first character of prose to just after its last, however it is wrapped.

    `level` is a heading's level (1 to 6) or a list item's depth (1 for an outer list);
    `group` numbers the list or table a list item or table cell belongs to (items of one list
    share it) and `item` is the item's or row's index in it; `quoted` says whether the block
    stands in a block quotation (`>`, `<blockquote>`); `html` whether it was read from HTML.
    `links` are the spans of its links' text, and `images` those of its images' alt text, which
    is prose but never a line of its own."""

    role: Role
    start: int
    end: int
    level: int = 0
    group: int = -1
    item: int = -1
    quoted: bool = False
    html: bool = False
    links: tuple[Link, ...] = ()
    images: tuple[tuple[int, int], ...] = ()

    @property
    def is_prose(self) -> bool:
        return self.role.is_prose


@dataclass(frozen=True)
class Reading:
    """An article read: its prose mask (the text with what is not prose blanked to spaces, the
    same length, the same newlines) and its blocks, in order."""

    prose: str
    blocks: tuple[Block, ...]
