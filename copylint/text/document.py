"""An article as the rules see it: its text, where its lines start, which characters are prose."""

from __future__ import annotations

import bisect
import codecs
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import takewhile
from typing import Any, NamedTuple, TypeVar, cast

from copylint.text.blocks import Block, Reading, Role
from copylint.text.chunks import LETTERS_LOWERED
from copylint.text.quotations import Quotation, find_quotations
from copylint.text.spans import overwrite

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")
T = TypeVar("T")


class Line(NamedTuple):
    number: int
    start: int
    end: int  # exclusive, before the newline


@dataclass(frozen=True)
class Document:
    """`text` has LF line ends and no BOM: since a CR only ever ends a line and a BOM is not a
    column in any editor, offsets into it give the same lines and columns as the file on disk."""

    path: str
    text: str
    # The file's bytes as read, where there was a file: what a fix is written back into, with
    # its BOM and line ends as they were.
    raw: bytes | None = field(default=None, repr=False, compare=False)

    @property
    def is_markdown(self) -> bool:
        return self.path.lower().endswith(MARKDOWN_SUFFIXES)

    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        find = self.text.find
        at = find("\n")
        while at != -1:
            starts.append(at + 1)
            at = find("\n", at + 1)
        return starts

    @cached_property
    def reading(self) -> Reading:
        if self.is_markdown:
            from copylint.text.markdown import read_markdown

            return read_markdown(self.text, mdx=self.path.lower().endswith(".mdx"))
        from copylint.text.plain import read_plain

        return read_plain(self.text)

    @property
    def prose(self) -> str:
        """The text with every character that is not prose (front matter, code, markup, URLs)
        blanked to a space: same length, same newlines, so its offsets are the text's."""
        return self.reading.prose

    @cached_property
    def utf8(self) -> bytes:
        """The text in UTF-8: the file's bytes themselves where they decode to it unchanged
        (no BOM, no CR), rather than a second copy of them."""
        raw = self.raw
        if raw is not None and b"\r" not in raw and not raw.startswith(codecs.BOM_UTF8):
            return raw
        return self.text.encode()

    @cached_property
    def prose_utf8(self) -> bytes:
        """The prose in UTF-8, for the rules that scan it as bytes: one copy that they share,
        not one each (on a 10 MB article, 10 MB each)."""
        return self.utf8 if self.prose is self.text else self.prose.encode()

    @cached_property
    def prose_letters(self) -> bytes:
        """`prose_utf8` with ASCII letters lower-cased and every other byte a space
        (`LETTERS_LOWERED`): its words as a byte scan reads them, in any case, shared too."""
        return self.prose_utf8.translate(LETTERS_LOWERED)

    @property
    def blocks(self) -> tuple[Block, ...]:
        """Every block, in order: headings, paragraphs, list items, table cells, and the code,
        HTML, templates and front matter that are not prose."""
        return self.reading.blocks

    @property
    def body_start(self) -> int:
        """Where the copy starts, after any front matter: its published fields (a title, a
        description) are prose, but no line of them was pasted in with the copy."""
        blocks = self.blocks
        return blocks[0].end if blocks and blocks[0].role is Role.FRONT_MATTER else 0

    @property
    def front_matter(self) -> str:
        """The front matter's metadata (its author, its tags), or '': its text with what of it
        is prose (its title, its description) blanked (`copylint.text.front_matter`)."""
        blocks = self.blocks
        if not blocks or blocks[0].role is not Role.FRONT_MATTER:
            return ""
        end = blocks[0].end
        published = takewhile(lambda block: block.start < end, blocks[1:])
        return overwrite(self.text[:end], [(block.start, block.end) for block in published])

    @cached_property
    def prose_blocks(self) -> tuple[Block, ...]:
        return tuple(block for block in self.blocks if block.is_prose)

    def lines(self) -> Iterator[Line]:
        for number, start in enumerate(self.line_starts, 1):
            yield Line(number, start, self._line_end(number))

    @cached_property
    def quotations(self) -> list[Quotation]:
        """The quotations in the prose, by opening mark (see `copylint.text.quotations`)."""
        return find_quotations(self.prose, self.paragraph_spans)

    @cached_property
    def _quoted(self) -> tuple[list[int], list[int]]:
        outermost = [q for q in self.quotations if q.depth == 0]
        return [q.start for q in outermost], [q.end for q in outermost]

    def in_quotation(self, offset: int) -> bool:
        starts, ends = self._quoted
        index = bisect.bisect_right(starts, offset) - 1
        return index >= 0 and offset < ends[index]

    def derived(self, key: Hashable, compute: Callable[[], T]) -> T:
        """What `compute` derives from this document, computed once for every rule that asks
        with an equal key: two rules that need the same analysis share it."""
        memo: dict[Hashable, Any] = self.__dict__.setdefault("_derived", {})
        if key not in memo:
            memo[key] = compute()
        return cast(T, memo[key])

    @cached_property
    def soft_breaks(self) -> frozenset[int]:
        """The newlines inside a Markdown paragraph, heading or list item: the page runs its
        lines together, so a word after one does not start a sentence. (In plain text a line
        break is a break, and so is a Markdown hard break.)"""
        if not self.is_markdown:
            return frozenset()
        find = self.text.find
        breaks = []
        for block in self.prose_blocks:
            at = find("\n", block.start, block.end)
            while at != -1:
                # A backslash or two spaces before the newline break the line on the page too.
                if not self.text.endswith(("\\", "  "), 0, at):
                    breaks.append(at)
                at = find("\n", at + 1, block.end)
        return frozenset(breaks)

    @cached_property
    def paragraph_spans(self) -> list[tuple[int, int]]:
        """(start, end) of each block of prose (a paragraph however it is wrapped, a heading, a
        list item, a table cell), from its first character of prose to just after its last."""
        return [(block.start, block.end) for block in self.prose_blocks]

    def lines_of(self, block: Block) -> list[Line]:
        """The lines a block stands on, whole."""
        starts = self.line_starts
        first = bisect.bisect_right(starts, block.start)
        last = bisect.bisect_right(starts, max(block.start, block.end - 1))
        return [
            Line(number, starts[number - 1], self._line_end(number))
            for number in range(first, last + 1)
        ]

    def _line_end(self, number: int) -> int:
        starts = self.line_starts
        return starts[number] - 1 if number < len(starts) else len(self.text)

    def offset(self, line: int, column: int) -> int:
        """The offset of a 1-based line and code-point column: `position`'s inverse."""
        return self.line_starts[line - 1] + column - 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and code-point column of an offset."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1
