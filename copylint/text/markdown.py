"""Which characters of an article are prose.

`prose_mask` blanks everything a reader of the published article would not read as copy: front
matter, URLs and e-mail addresses, and in Markdown the code, HTML and markup too. The mask keeps
the text's length and newlines, so an offset found in it is an offset in the file.

Markdown is read in two passes, as CommonMark describes it: a line pass for block structure
(fences, indented code, quotes, lists, headings, tables, reference definitions), then a pass over
each paragraph, heading or table row for inline markup (escapes, code spans, HTML, links,
emphasis).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

Span = tuple[int, int]

# Stands in, while inline markup is read, for characters already claimed by a code span, a tag,
# a URL or an escape, so that their `*`, `_` and brackets are not read as markup again. A
# private-use character is neither whitespace nor punctuation, as CommonMark's flanking rules
# need a code span or link next to `**` to be.
_NEUTRAL = "\ue000"

_NOT_NEWLINE = re.compile(r"[^\n]")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?:[^\n]*\n)*?(?:---|\.\.\.)[ \t]*(?:\n|\Z)")

# GitHub's rules for bare links: no quotes or brackets inside, balanced parentheses only, and
# trailing sentence punctuation belongs to the sentence, not the address.
_NOT_IN_URL = r"\s<>\"'`()\[\]|\u2018\u2019\u201c\u201d\u00ab\u00bb"  # and curly quotes
_URL = (
    r"(?<![\w.@/])(?:https?://|www\.)[\w-]"
    rf"(?:[^{_NOT_IN_URL}]|\([^{_NOT_IN_URL}]*\))*"
    r"(?<![.,;:!?*_~])"
)
_EMAIL = r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# Matching the patterns above at every position is slow, so look for where an address could
# start, then match there.
_ADDRESS_HINT = re.compile(r"https?://|www\.|@")
_URL_AT_HINT = re.compile(_URL)
_EMAIL_AT_LOCAL_PART = re.compile(_EMAIL)
_EMAIL_LOCAL_PART = re.compile(r"[\w.+-]{1,64}\Z")

# Block structure, matched against a line (or what is left of it after its quote markers).
_QUOTE_MARKERS = re.compile(r"(?:[ \t]{0,3}>[ \t]?)+")
_INDENTED_CODE = re.compile(r" {4}| {0,3}\t")
_THEMATIC_BREAK = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*\Z")
_SETEXT_UNDERLINE = re.compile(r" {0,3}(?:=+|-+)[ \t]*\Z")
_TABLE_DELIMITER_ROW = re.compile(
    r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*\Z"
)
_TABLE_PIPE = re.compile(r"(?<!\\)\|")
_LIST_ITEM = re.compile(
    r"(?P<indent>[ \t]*)(?:[-*+]|(?P<number>\d{1,9})[.)])(?:[ \t]+|\Z)(?:\[[ xX]\](?:[ \t]+|\Z))?"
)
_FENCE_OPEN = re.compile(r"(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)")
_FENCE_CLOSE = re.compile(r"(?:[ \t]*>)*[ \t]*(`{3,}|~{3,})[ \t]*\Z")
_COMMENT_OPEN = re.compile(r" {0,3}<!--")
_ATX_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]+|\Z)")
_ATX_CLOSING = re.compile(r"(?:\A|[ \t]+)#+[ \t]*\Z")
_REFERENCE_DEFINITION = re.compile(
    r" {0,3}\[(?!\^)(?P<label>(?:[^\[\]\\]|\\.)+)\]:[ \t]*(?:<[^<>]*>|\S+)"
    r"(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?[ \t]*\Z"
)

# Inline markup that is never copy, in one alternation so that the leftmost construct wins, as
# CommonMark gives code spans, autolinks and raw HTML equal precedence. Backslash escapes come
# first: an escaped backtick or bracket opens nothing.
_INLINE_ATOM = re.compile(
    r"(?P<escape>\\[!-/:-@\[-`{-~])"
    r"|\\(?=\n)"  # hard line break
    r"|(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)"  # code span
    r"|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>"  # autolink
    r"|<[^\s<>@]+@[^\s<>@]+>"  # e-mail autolink
    r"|<!--(?:(?!<!--).)*?-->"  # stops at the next opener, so stray openers stay linear
    r"|</?[A-Za-z][A-Za-z0-9-]*"
    r"(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s\"'=<>`]+|'[^']*'|\"[^\"]*\"))?)*\s*/?>",
    re.DOTALL,
)

_LINK = re.compile(
    r"\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]"
    r"(?:(?P<inline>\(\s*(?:<[^<>\n]*>|(?:[^\s()]|\([^\s()]*\))*)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\))"
    r"|\[(?P<label>[^\[\]]*)\])?"
)

_DELIMITER_RUN = re.compile(r"\*+|_+|(?<!~)~~(?!~)")


def prose_mask(text: str, *, markdown: bool) -> str:
    """`text` with every character that is not prose replaced by a space, newlines kept."""
    body = _front_matter_end(text)
    front_matter = [(0, body)] if body else []
    if not markdown:
        return _overwrite(text, front_matter + _bare_addresses(text, body))
    blocks = _BlockScanner(text)
    blocks.scan(body)
    block_mask = _overwrite(text, front_matter + blocks.blanks)
    inline = [
        span
        for start, end in blocks.inline_ranges
        for span in _inline_blanks(block_mask, start, end, blocks.labels)
    ]
    return _overwrite(block_mask, inline)


def _front_matter_end(text: str) -> int:
    match = _FRONT_MATTER.match(text)
    return 0 if match is None else match.end()


def _fill(text: str, char: str = " ") -> str:
    """`text` with every character but a newline replaced by `char`."""
    if "\n" in text:
        return _NOT_NEWLINE.sub(char, text)
    return char * len(text)


def _overwrite(text: str, spans: list[Span], char: str = " ") -> str:
    """Fill the spans of `text` with `char`; spans may overlap and come in any order."""
    if not spans:
        return text
    spans.sort()
    pieces: list[str] = []
    add = pieces.append
    done = 0
    for start, end in spans:
        if end > done:
            add(text[done:start])
            add(_fill(text[max(start, done) : end], char))
            done = end
    add(text[done:])
    return "".join(pieces)


def _bare_addresses(text: str, start: int = 0) -> list[Span]:
    """The spans of bare URLs and e-mail addresses in `text` from `start`."""
    spans: list[Span] = []
    for hint in _ADDRESS_HINT.finditer(text, start):
        if spans and hint.start() < spans[-1][1]:
            continue
        address = _address_at(text, hint.start())
        if address is not None:
            spans.append(address.span())
    return spans


def _address_at(text: str, hint: int) -> re.Match[str] | None:
    if text[hint] != "@":
        return _URL_AT_HINT.match(text, hint)
    local_part = _EMAIL_LOCAL_PART.search(text, max(0, hint - 64), hint)
    return None if local_part is None else _EMAIL_AT_LOCAL_PART.match(text, local_part.start())


def _label_key(label: str) -> str:
    return " ".join(label.split()).casefold()


@dataclass
class _Fence:
    char: str
    length: int


class _BlockScanner:
    """One pass over the lines: blanks block markup and collects the ranges (paragraphs,
    headings, table rows) whose inline markup is still to be read."""

    def __init__(self, text: str) -> None:
        self._text = text
        self.blanks: list[Span] = []
        self.inline_ranges: list[Span] = []
        self.labels: set[str] = set()
        self._fence: _Fence | None = None
        self._in_comment = False
        self._in_list = False
        self._in_table = False
        self._paragraph: Span | None = None
        self._last_paragraph_line = 0
        self._after_blank = True

    def scan(self, start: int) -> None:
        at = start
        for line in self._text[start:].split("\n"):
            self._read_line(line, at)
            at += len(line) + 1
        self._close_paragraph()

    def _read_line(self, line: str, at: int) -> None:
        if self._fence is not None:
            self._read_fenced_line(line, at)
        elif self._in_comment:
            self._read_comment_line(line, at)
        else:
            self._read_block_line(line, at)

    def _read_block_line(self, line: str, at: int) -> None:
        quote = _QUOTE_MARKERS.match(line)
        body = 0
        if quote is not None:
            body = quote.end()
            self.blanks.append((at, at + body))
        rest = line[body:]
        if not rest.strip():
            self._end_blocks()
            self._after_blank = True
            return
        if self._after_blank and rest[0] not in " \t":
            self._in_list = False
        if not self._read_whole_line_markup(line, at, rest):
            self._read_content(line, at, body)
        self._after_blank = False

    def _read_whole_line_markup(self, line: str, at: int, rest: str) -> bool:
        """Blank a line that is all markup: indented code, a break, an underline, a table's
        alignment row."""
        if self._paragraph is None and not self._in_list and _INDENTED_CODE.match(rest):
            self.blanks.append((at, at + len(line)))
            return True
        if self._is_break(rest):
            self.blanks.append((at, at + len(line)))
            self._end_blocks()
            return True
        if self._starts_table(rest):
            self.blanks.append((at, at + len(line)))
            return True
        return False

    def _is_break(self, rest: str) -> bool:
        """A thematic break, or the underline of a setext heading."""
        if _THEMATIC_BREAK.match(rest):
            return True
        return self._paragraph is not None and _SETEXT_UNDERLINE.match(rest) is not None

    def _read_content(self, line: str, at: int, body: int) -> None:
        marker = self._list_marker_length(line[body:])
        if marker:
            self._close_paragraph()
            self.blanks.append((at + body, at + body + marker))
            self._in_list = True
            body += marker
        rest = line[body:]
        if not rest.strip():
            return
        if self._opens_fence(rest):
            self._end_blocks()
            self.blanks.append((at, at + len(line)))
        elif self._opens_comment(rest, at + body):
            self._end_blocks()
        elif _ATX_HEADING.match(rest):
            self._end_blocks()
            self._read_heading(rest, at + body)
        elif self._paragraph is None and (definition := _REFERENCE_DEFINITION.match(rest)):
            self.labels.add(_label_key(definition["label"]))
            self.blanks.append((at, at + len(line)))
        elif self._in_table:
            self._read_table_row(at + body, at + len(line))
        else:
            self._extend_paragraph(at + body, at + len(line))

    def _list_marker_length(self, rest: str) -> int:
        item = _LIST_ITEM.match(rest)
        if item is None:
            return 0
        if self._in_list:
            return item.end()
        if len(item["indent"].expandtabs(4)) > 3:
            return 0
        # Only a non-empty bullet or an item numbered 1 may interrupt a paragraph, so that a
        # wrapped line such as "2019. It was" stays prose.
        interrupts = item.end() < len(rest) and item["number"] in (None, "1")
        if self._paragraph is not None and not interrupts:
            return 0
        return item.end()

    def _opens_fence(self, rest: str) -> bool:
        fence = _FENCE_OPEN.match(rest)
        if fence is None or (len(fence["indent"]) > 3 and not self._in_list):
            return False
        if fence["fence"][0] == "`" and "`" in fence["info"]:
            return False
        self._fence = _Fence(fence["fence"][0], len(fence["fence"]))
        return True

    def _read_fenced_line(self, line: str, at: int) -> None:
        assert self._fence is not None
        self.blanks.append((at, at + len(line)))
        closing = _FENCE_CLOSE.match(line)
        if closing and closing[1][0] == self._fence.char and len(closing[1]) >= self._fence.length:
            self._fence = None

    def _opens_comment(self, rest: str, at: int) -> bool:
        """A comment left open on its line hides the lines down to its `-->`; one closed on the
        line is read as inline HTML."""
        opening = _COMMENT_OPEN.match(rest)
        if opening is None or "-->" in rest[opening.end() :]:
            return False
        self.blanks.append((at, at + len(rest)))
        self._in_comment = True
        return True

    def _read_comment_line(self, line: str, at: int) -> None:
        close = line.find("-->")
        if close == -1:
            self.blanks.append((at, at + len(line)))
            return
        self.blanks.append((at, at + close + 3))
        self._in_comment = False
        if line[close + 3 :].strip():
            self.inline_ranges.append((at + close + 3, at + len(line)))

    def _read_heading(self, rest: str, at: int) -> None:
        opening = _ATX_HEADING.match(rest)
        assert opening is not None
        content = rest[opening.end() :]
        closing = _ATX_CLOSING.search(content)
        content_end = len(content) if closing is None else closing.start()
        start = at + opening.end()
        self.blanks.append((at, start))
        self.blanks.append((start + content_end, at + len(rest)))
        if content_end:
            self.inline_ranges.append((start, start + content_end))

    def _starts_table(self, rest: str) -> bool:
        """A GitHub table: a paragraph line with a pipe, then an alignment row under it."""
        if self._paragraph is None or "|" not in rest or not _TABLE_DELIMITER_ROW.match(rest):
            return False
        paragraph_start, header_end = self._paragraph
        header_start = self._last_paragraph_line
        if "|" not in self._text[header_start:header_end]:
            return False
        if paragraph_start < header_start:
            self.inline_ranges.append((paragraph_start, header_start - 1))
        self._paragraph = None
        self._read_table_row(header_start, header_end)
        self._in_table = True
        return True

    def _read_table_row(self, start: int, end: int) -> None:
        self.blanks.extend(pipe.span() for pipe in _TABLE_PIPE.finditer(self._text, start, end))
        self.inline_ranges.append((start, end))

    def _extend_paragraph(self, start: int, end: int) -> None:
        if self._paragraph is None:
            self._paragraph = (start, end)
        else:
            self._paragraph = (self._paragraph[0], end)
        self._last_paragraph_line = start

    def _end_blocks(self) -> None:
        self._close_paragraph()
        self._in_table = False

    def _close_paragraph(self) -> None:
        if self._paragraph is not None:
            self.inline_ranges.append(self._paragraph)
            self._paragraph = None


def _inline_blanks(block_mask: str, start: int, end: int, labels: set[str]) -> list[Span]:
    """The inline markup of one paragraph, heading or table row, as spans of the text."""
    source = block_mask[start:end]
    blanks: list[Span] = []
    work = _neutralise_atoms(source, blanks)
    if "[" in work:
        link_blanks = _link_blanks(work, source, labels)
        blanks += link_blanks
        work = _overwrite(work, link_blanks, _NEUTRAL)
    if "*" in work or "_" in work or "~~" in work:
        blanks += _emphasis_blanks(work)
    return [(start + span_start, start + span_end) for span_start, span_end in blanks]


def _neutralise_atoms(source: str, blanks: list[Span]) -> str:
    """Blank escapes, code spans, HTML and addresses, and hide them from the later passes."""
    work = source
    if "\\" in source or "`" in source or "<" in source:
        work = _INLINE_ATOM.sub(lambda atom: _claim_atom(atom, blanks), source)
    addresses = _bare_addresses(work)
    blanks += addresses
    return _overwrite(work, addresses, _NEUTRAL)


def _claim_atom(atom: re.Match[str], blanks: list[Span]) -> str:
    if atom["escape"]:
        blanks.append((atom.start(), atom.start() + 1))
    else:
        blanks.append(atom.span())
    return _fill(atom[0], _NEUTRAL)


def _link_blanks(work: str, source: str, labels: set[str]) -> list[Span]:
    """Blank links' brackets and destinations but keep their text; blank images whole, since
    alt text is not copy. Brackets that make no link, as in "[sic]", are prose."""
    blanks: list[Span] = []
    at = work.find("[")
    while at != -1:
        link = _LINK.match(work, at)
        resume = at + 1 if link is None else _read_link(link, work, source, labels, blanks)
        at = work.find("[", resume)
    return blanks


def _read_link(
    link: re.Match[str], work: str, source: str, labels: set[str], blanks: list[Span]
) -> int:
    """Blank `link` if it is one, and say where to look for the next: inside a link's text,
    which may hold an image, or after an image."""
    start = link.start()
    if link["inline"] is None and _label_key(_reference_label(link, source)) not in labels:
        return start + 1
    if start > 0 and work[start - 1] == "!":
        blanks.append((start - 1, link.end()))
        return link.end()
    blanks.append((start, start + 1))
    blanks.append((link.end("text"), link.end()))
    return start + 1


def _reference_label(link: re.Match[str], source: str) -> str:
    """The label a reference link names, read from the source, where code spans still show."""
    part = "label" if link["label"] else "text"
    return source[link.start(part) : link.end(part)]


@dataclass(slots=True)
class _DelimiterRun:
    char: str
    start: int
    end: int  # start and end shrink as the run's characters are paired
    length: int
    can_open: bool
    can_close: bool


def _emphasis_blanks(work: str) -> list[Span]:
    """CommonMark's delimiter algorithm, simplified: each run that can close is paired with the
    nearest opener of its kind, and only paired characters are blanked, so the `*` of "2 * 3"
    and the underscores of snake_case stay."""
    blanks: list[Span] = []
    openers: list[_DelimiterRun] = []
    floors: dict[tuple[str, bool, int], int] = {}
    for run in _delimiter_runs(work):
        if run.can_close:
            _close_emphasis(run, openers, floors, blanks)
        if run.can_open and run.start < run.end:
            openers.append(run)
    return blanks


def _delimiter_runs(work: str) -> list[_DelimiterRun]:
    runs = []
    for match in _DELIMITER_RUN.finditer(work):
        start, end = match.span()
        before = work[start - 1] if start else " "
        after = work[end] if end < len(work) else " "
        left, right = _flanks(after, before), _flanks(before, after)
        if match[0][0] == "_":
            # An underscore inside a word is never emphasis: snake_case, file_name.
            can_open = left and (not right or _is_punctuation(before))
            can_close = right and (not left or _is_punctuation(after))
        else:
            can_open, can_close = left, right
        runs.append(_DelimiterRun(match[0][0], start, end, end - start, can_open, can_close))
    return runs


def _flanks(inside: str, outside: str) -> bool:
    """Whether a run between `outside` and `inside` flanks the `inside` side (CommonMark's
    left- and right-flanking)."""
    if inside.isspace():
        return False
    return not _is_punctuation(inside) or outside.isspace() or _is_punctuation(outside)


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _close_emphasis(
    closer: _DelimiterRun,
    openers: list[_DelimiterRun],
    floors: dict[tuple[str, bool, int], int],
    blanks: list[Span],
) -> None:
    while closer.start < closer.end:
        index = _matching_opener(closer, openers, floors)
        if index is None:
            return
        opener = openers[index]
        used = 2 if opener.end - opener.start >= 2 and closer.end - closer.start >= 2 else 1
        blanks.append((opener.end - used, opener.end))
        blanks.append((closer.start, closer.start + used))
        opener.end -= used
        closer.start += used
        del openers[index + 1 :]
        if opener.start == opener.end:
            del openers[index]


def _matching_opener(
    closer: _DelimiterRun,
    openers: list[_DelimiterRun],
    floors: dict[tuple[str, bool, int], int],
) -> int | None:
    """The index of the nearest opener `closer` can pair with. A failed search sets a floor for
    closers like this one, as CommonMark's openers_bottom does, or stray delimiters would make
    a long paragraph quadratic."""
    kind = (closer.char, closer.can_open, closer.length % 3)
    floor = floors.get(kind, 0)
    for index in range(len(openers) - 1, -1, -1):
        opener = openers[index]
        if opener.start < floor:
            break
        if opener.char == closer.char and not _breaks_rule_of_three(opener, closer):
            return index
    floors[kind] = closer.start
    return None


def _breaks_rule_of_three(opener: _DelimiterRun, closer: _DelimiterRun) -> bool:
    """CommonMark's rule that keeps `*foo**bar*` one emphasis rather than pairing `*` with `**`."""
    if not (opener.can_close or closer.can_open):
        return False
    total = opener.length + closer.length
    return total % 3 == 0 and not (opener.length % 3 == 0 and closer.length % 3 == 0)
