"""A Markdown article read as its readers see it: blocks with roles, and which characters are
prose.

The front matter and template syntax are set aside first (`copylint.text.templates`), as a site
generator does, and the rest is parsed by markdown-it-py, a CommonMark parser, with GitHub's
tables, footnotes and definition lists. Its block tokens give each block's role and lines; each
block's inline source is found again in those lines and read by `copylint.text.inline`, which
knows where each piece of it stands. What no block of prose shows stays blank: front matter,
templates, code, HTML tags, link destinations, list and quotation markers.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from copylint.text.addresses import bare_addresses
from copylint.text.blocks import Block, Link, Reading, Role
from copylint.text.front_matter import front_matter_parts
from copylint.text.html import read_html
from copylint.text.inline import read_inline, track_positions
from copylint.text.spans import Span, overwrite, reveal
from copylint.text.templates import front_matter_end, template_spans

_PLACEHOLDER = "\ue000"
# Tokens handed to the walk at a time (`_hand_over`), by the parser of a text this long or more
# (an article makes a few hundred tokens, and its parser no call before each block).
HAND_OVER, HANDED_OVER = 20_000, 1_000_000
_WALK = "copylint_walk"  # the key of a parse's environment that names its walk
_TASK_BOX = re.compile(r"\[[ xX]\](?=\s|\Z)")
_UNSPACED_HEADING = re.compile(r"(#{2,6})([^#\s][^\n]*?)(?:[ \t]+#+)?[ \t]*$")

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock
    from markdown_it.token import Token


@functools.cache
def _parser(hands_over: bool = False) -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.deflist import deflist_plugin
    from mdit_py_plugins.footnote import footnote_plugin

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.use(footnote_plugin).use(deflist_plugin)
    md.block.ruler.before(
        "heading", "unspaced_heading", _unspaced_heading, {"alt": ["paragraph", "blockquote"]}
    )
    if hands_over:
        md.block.ruler.before("table", "hand_over", _hand_over)
    # Each block's inline source is parsed where its place in the file is known.
    md.core.ruler.disable("inline")
    # Footnotes stay where they are written (the plugin would move them to the end, and drop
    # those no mark refers to).
    md.core.ruler.disable("footnote_tail")
    # A destination is kept as written, not normalised (percent-encoded, its host in punycode),
    # which cost a fifteenth of reading the posts: copylint asks only whether it is an anchor
    # (`#…`). The parser still refuses the same `javascript:` and `data:` destinations.
    md.normalizeLink = _as_written  # type: ignore[method-assign,assignment]
    track_positions(md)
    return md


def _as_written(destination: str) -> str:
    return destination


def _as_parsed(blanked: str, templates: list[Span]) -> str:
    """What the parser reads: the text with its front matter and templates blanked, but a
    template that opens a line with text after it is filled with a placeholder instead, so that
    the spaces it leaves do not make the rest of the line indented code (`{{% alert %}}Careful`).
    A placeholder is text to the parser and is never shown."""
    fills = []
    for start, end in templates:
        line_start = blanked.rfind("\n", 0, start) + 1
        line_end = blanked.find("\n", end)
        rest = blanked[end : len(blanked) if line_end < 0 else line_end]
        if rest.strip() and not blanked[line_start:start].strip():
            fills.append((max(start, blanked.rfind("\n", 0, end) + 1), end))
    return overwrite(blanked, fills, _PLACEHOLDER) if fills else blanked


def _unspaced_heading(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """`###6. Impact levels` is a heading to kramdown and to the readers of the sites it builds,
    though CommonMark wants a space after the hashes. Two hashes or more, so that a hashtag
    opening a paragraph stays a paragraph."""
    if state.is_code_block(start):
        return False
    line_start = state.bMarks[start] + state.tShift[start]
    heading = _UNSPACED_HEADING.match(state.src, line_start, state.eMarks[start])
    if heading is None:
        return False
    if silent:
        return True
    state.line = start + 1
    level = len(heading[1])
    opening = state.push("heading_open", f"h{level}", 1)
    opening.map = [start, state.line]
    inline = state.push("inline", "", 0)
    inline.content = heading[2].strip()
    inline.map = [start, state.line]
    inline.children = []
    state.push("heading_close", f"h{level}", -1)
    return True


def _hand_over(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Not a block: before a block of the top level, once `HAND_OVER` tokens are made, they go
    to the walk and are dropped, so that a long text's tokens are not all held at once (10 MB
    of small tables made 2.9 GB). No rule looks back at tokens it did not make."""
    # No block is open at level 0 (`parentType` is no guide: a failed setext heading leaves it).
    if len(state.tokens) >= HAND_OVER and state.level == 0 and (walk := state.env.get(_WALK)):
        walk.read(state.tokens, parsed=False)
        state.tokens.clear()
    return False


def read_markdown(text: str, mdx: bool = False) -> Reading:
    body = front_matter_end(text)
    hidden, published = front_matter_parts(text, body)
    templates = template_spans(text, body, mdx)
    blanked = overwrite(text, [*hidden, *templates])
    unread = overwrite(blanked, [(block.start, block.end) for block in published])  # by the parser
    env: dict[str, Any] = {}
    md = _parser(True) if len(text) >= HANDED_OVER else _parser()
    walk = _Walk(md, blanked, _as_parsed(unread, templates), env)
    if body:
        walk.blocks += [Block(Role.FRONT_MATTER, 0, body), *published]
        walk.shown += [(block.start, block.end) for block in published]
    walk.blocks += [Block(Role.TEMPLATE, start, end) for start, end in templates]
    env[_WALK] = walk
    tokens = md.parse(walk.source, env)
    del env[_WALK]
    walk.read(tokens, parsed=True)
    del tokens
    walk.read_later()
    prose = reveal(blanked, sorted(walk.shown), walk.written)
    addresses = bare_addresses(prose)
    if addresses:
        prose = overwrite(prose, addresses)
    walk.blocks.sort(key=lambda block: (block.start, block.end))
    return Reading(prose, tuple(walk.blocks))


@dataclass
class _List:
    group: int
    depth: int
    item: int = -1


@dataclass
class _Walk:
    """One pass over the block tokens, keeping track of the containers each block stands in."""

    md: MarkdownIt
    text: str  # the text with front matter and templates blanked: what may be shown
    source: str  # what the parser reads (see `_as_parsed`)
    env: dict[str, Any]
    blocks: list[Block] = field(default_factory=list)
    shown: list[Span] = field(default_factory=list)
    written: list[tuple[int, str]] = field(default_factory=list)
    line_starts: list[int] = field(default_factory=list)
    lists: list[_List] = field(default_factory=list)
    quoted: int = 0
    groups: int = 0
    row: int = -1
    cell_from: int = 0  # where on its row the next table cell's text is looked for
    # Inline sources met before the whole text was parsed that may use a link or a footnote
    # defined after them (`[text][label]`), read once all are defined.
    later: list[tuple[str, _Placement, Role, int, int, int, bool]] = field(default_factory=list)
    defines: bool = False  # whether the text may define a link or a footnote (`[label]:`)

    def __post_init__(self) -> None:
        starts = [0]
        find = self.text.find
        at = find("\n")
        while at != -1:
            starts.append(at + 1)
            at = find("\n", at + 1)
        self.line_starts = starts
        self.defines = "]:" in self.source

    def read(self, tokens: list[Token], parsed: bool) -> None:
        """Take the tokens of some top-level blocks, the last of them once the whole text is
        `parsed`."""
        previous: Token | None = None
        for token in tokens:
            kind = token.type
            if kind == "inline" and previous is not None:
                self._inline(token, previous, parsed)
            elif kind in ("bullet_list_open", "ordered_list_open", "dl_open"):
                self.lists.append(_List(self._group(), len(self.lists) + 1))
            elif kind in ("bullet_list_close", "ordered_list_close", "dl_close"):
                self.lists.pop()
            elif kind in ("list_item_open", "dt_open"):
                self.lists[-1].item += 1
            elif kind == "blockquote_open":
                self.quoted += 1
            elif kind == "blockquote_close":
                self.quoted -= 1
            elif kind == "table_open":
                self._group()
                self.row = -1
            elif kind == "tr_open":
                self.row += 1
                self.cell_from = self._lines(token)[0]
            elif kind in ("fence", "code_block"):
                self._whole(Role.CODE, token)
            elif kind == "hr":
                self._whole(Role.BREAK, token)
            elif kind == "html_block":
                self._html(token)
            previous = token

    def _group(self) -> int:
        self.groups += 1
        return self.groups

    def _lines(self, token: Token) -> Span:
        assert token.map is not None
        first, last = token.map
        end = self.line_starts[last] - 1 if last < len(self.line_starts) else len(self.text)
        return self.line_starts[first], max(end, self.line_starts[first])

    def _whole(self, role: Role, token: Token) -> None:
        if token.map is not None:
            self.blocks.append(Block(role, *self._lines(token)))

    def _role(self, opening: Token) -> tuple[Role, int, int, int]:
        """Role, level, group and item of the block an inline token of `opening` is in."""
        if opening.type == "heading_open":
            return Role.HEADING, int(opening.tag[1:]), -1, -1
        if opening.type in ("th_open", "td_open"):
            return Role.TABLE_CELL, 0, self.groups, self.row
        if self.lists:
            innermost = self.lists[-1]
            return Role.LIST_ITEM, innermost.depth, innermost.group, innermost.item
        return Role.PARAGRAPH, 0, -1, -1

    def read_later(self) -> None:
        for place in self.later:
            self._read_inline(*place)
        self.later.clear()

    def _inline(self, token: Token, opening: Token, parsed: bool) -> None:
        content = token.content
        if token.map is None or not content:
            return
        if opening.type in ("th_open", "td_open"):
            placed = self._place_cell(content)
        else:
            placed = _place(content, self.source, self.line_starts, token.map[0])
        role, level, group, item = self._role(opening)
        if not parsed and self.defines and "[" in content:
            self.later.append((content, placed, role, level, group, item, self.quoted > 0))
        else:
            self._read_inline(content, placed, role, level, group, item, self.quoted > 0)

    def _read_inline(
        self,
        content: str,
        placed: _Placement,
        role: Role,
        level: int,
        group: int,
        item: int,
        quoted: bool,
    ) -> None:
        markup = read_inline(self.md, content, self.env)
        if role is Role.LIST_ITEM and _TASK_BOX.match(content):
            markup.blanks.append((0, 3))
        spans, entities = markup.prose()
        shown = [span for start, end in spans for span in placed.spans(start, end)]
        shown = [(start, end) for start, end in shown if self.text[start:end].strip()]
        written = [(at, chars) for a, chars in entities if (at := placed.offset(a)) >= 0]
        if not shown and not written:
            return
        self.shown += shown
        self.written += written
        links = tuple(
            Link(placed.offset(start), placed.offset(end - 1) + 1, href)
            for start, end, href in markup.links
            if end > start and placed.offset(start) >= 0 and placed.offset(end - 1) >= 0
        )
        images = tuple(
            (placed.offset(start), placed.offset(end - 1) + 1)
            for start, end in markup.images
            if end > start and placed.offset(start) >= 0 and placed.offset(end - 1) >= 0
        )
        trimmed = _trimmed(self.text, shown, written)
        if trimmed is None:  # nothing shown: a block of blanked templates, say
            return
        start, end = trimmed
        self.blocks.append(
            Block(role, start, end, level, group, item, quoted, False, links, images)
        )

    def _place_cell(self, content: str) -> _Placement:
        """A cell's text is found on its row after the cells before it."""
        row_end = self.source.find("\n", self.cell_from)
        row_end = len(self.source) if row_end < 0 else row_end
        # The parser gives `\|` in a cell as `|`: each piece between pipes is placed on its own.
        pattern = r"\\?\|".join(map(re.escape, content.split("|")))
        found = re.compile(pattern).search(self.source, self.cell_from, row_end)
        if found is None:
            return _Placement(())
        self.cell_from = found.end()
        pieces = []
        at, file_at = 0, found.start()
        for piece in content.split("|"):
            pieces.append((at, file_at, len(piece)))
            at += len(piece)
            file_at += len(piece) + self.source.startswith("\\|", file_at + len(piece))
            pieces.append((at, file_at, 1))  # the pipe
            at, file_at = at + 1, file_at + 1
        return _Placement(tuple(pieces[:-1]))

    def _html(self, token: Token) -> None:
        if token.map is None:
            return
        start, end = self._lines(token)
        self.blocks.append(Block(Role.HTML, start, end))
        for prose in read_html(self.source[start:end]):
            spans = [(start + a, start + b) for a, b in prose.spans]
            written = [(start + at, chars) for at, chars in prose.entities]
            trimmed = _trimmed(self.text, spans, written)
            if trimmed is None:  # only a template inside the HTML: `<t>{{ x }}`
                continue
            first, last = trimmed
            self.shown += spans
            self.written += written
            quoted = self.quoted > 0 or prose.quoted
            self.blocks.append(
                Block(prose.role, first, last, prose.level, prose.group, prose.item, quoted, True)
            )


def _trimmed(text: str, spans: list[Span], written: list[tuple[int, str]]) -> Span | None:
    """From the first character shown that is not white space to just after the last, counting
    the characters entities stand for; None if every one is white space."""
    starts, ends = [at for at, _ in written], [at + len(chars) for at, chars in written]
    for span_start, span_end in spans:
        piece = text[span_start:span_end]
        if piece.strip():
            starts.append(span_start + len(piece) - len(piece.lstrip()))
            ends.append(span_start + len(piece.rstrip()))
    if not starts:
        return None
    return min(starts), max(ends)


@dataclass(frozen=True)
class _Placement:
    """Where the pieces of an inline source stand in the file: (offset in the source, offset in
    the file, length) for each line of it."""

    pieces: tuple[tuple[int, int, int], ...]

    def spans(self, start: int, end: int) -> list[Span]:
        found = []
        for source_at, file_at, length in self.pieces:
            low, high = max(start, source_at), min(end, source_at + length)
            if low < high:
                found.append((file_at + low - source_at, file_at + high - source_at))
        return found

    def offset(self, at: int) -> int:
        for source_at, file_at, length in self.pieces:
            if source_at <= at < source_at + length:
                return file_at + at - source_at
        return -1


def _place(content: str, source: str, line_starts: list[int], first_line: int) -> _Placement:
    """Find each line of an inline source in the file. Each is the end of its line there (what
    is left after quotation and list markers, indentation, a heading's `#`s), but for the white
    space the parser trims or a tab it expands."""
    pieces = []
    at = 0
    for index, piece in enumerate(content.split("\n")):
        core = piece.lstrip(" \t")
        lead = len(piece) - len(core)
        number = first_line + index
        if core and number < len(line_starts):
            start = line_starts[number]
            end = line_starts[number + 1] - 1 if number + 1 < len(line_starts) else len(source)
            found = source.rfind(core, start, end)
            if found >= 0:
                pieces.append((at + lead, found, len(core)))
        at += len(piece) + 1
    return _Placement(tuple(pieces))
