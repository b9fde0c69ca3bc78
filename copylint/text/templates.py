"""What a site generator reads before the Markdown: front matter and template syntax.

Front matter is YAML between `---` lines or TOML between `+++` lines at the top of the file.
Template syntax is never prose, whatever it holds: Liquid, Jinja and Nunjucks tags (`{% … %}`),
comments (`{# … #}`) and expressions (`{{ … }}`, however many lines a call's object literal
takes), Hugo shortcodes (`{{< … >}}`, `{{% … %}}`), Go template actions (`{{image "x.png"}}`,
``{{raw `…`}}``) and kramdown attribute lists (`{: .intro}`). Each is found as the generator
finds it, before the Markdown is parsed, so that what it spans is never read as a list or a
paragraph. Braces and quoted strings inside an expression are matched; an opener that is not
closed within a bounded stretch is left as text, and the search goes on after that stretch, so
the scan stays linear in the length of the text.

An MDX page (`.mdx`) is Markdown with JavaScript in it: its `import` and `export` statements
that open a block, each up to a blank line, every `{…}` outside code, an expression (`{" "}`,
`{/* a comment */}`, `{props.title}`), and the tags of its components (`<Chart data={rows} />`,
`<Note>`, `</Note>`) are set aside in the same way, braces balanced and strings and comments
skipped; the copy between a component's tags stays.
"""

from __future__ import annotations

import bisect
import re

from copylint.regex_source import compiled_when_used
from copylint.text.spans import Span

_FRONT_MATTER = re.compile(
    r"\A(?:---[ \t]*\n(?:[^\n]*\n)*?(?:---|\.\.\.)"  # YAML
    r"|\+\+\+[ \t]*\n(?:[^\n]*\n)*?\+\+\+)"  # TOML
    r"[ \t]*(?:\n|\Z)"
)
_OPENER = re.compile(r"\{[{%#]|\{::?[ \t]*[.#:\w]")
# MDX's patterns, compiled when an MDX page is first read.
_MDX_OPENER = (
    r"(?m)\{|</?[A-Z]|^(?:import[ \t]+[\w*{'\"]"
    r"|export[ \t]+(?:const|let|var|function|default|class|async|[{*]))"
)
_AFTER_A_BLANK_LINE = r"\n[ \t]*\n\Z"
_MDX_STATEMENT_END = r"\n[ \t]*(?:\n|\Z)"  # a blank line, or none before the end
_JS_PART = r"[{}<>\"'`]|/\*|//"
_JS_CLOSERS = {"/*": "*/", "//": "\n"}
# kramdown's attribute lists (`{: .intro}`, `{::comment}`) and heading IDs (`{#intro}`).
_ATTRIBUTE_LIST = re.compile(r"\{::?[^{}\n]*\}|\{#[\w-]+(?:[ \t]+[.#]?[\w-]+(?:=\S+)?)*\}")
_EXPRESSION_PART = re.compile(r"[{}\"'`]")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.MULTILINE)
# Code spans, within one paragraph: `{{` written between backticks is about the syntax.
_TICKS = re.compile(r"`+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# The most one template may span: more than any macro call with its object literal.
_LONGEST = 20_000
_CLOSERS = {"{%": "%}", "{#": "#}", "{{<": ">}}", "{{%": "%}}"}


def front_matter_end(text: str) -> int:
    """Where the front matter ends (0 if there is none)."""
    match = _FRONT_MATTER.match(text)
    return 0 if match is None else match.end()


def template_spans(text: str, start: int = 0, mdx: bool = False) -> list[Span]:
    """The spans of template syntax in `text` from `start`, outside fenced code and code
    spans: MDX's JavaScript where `mdx`."""
    code = _code(text, start)
    scan = _Scan(text, mdx, start)
    spans: list[Span] = []
    resume = start
    inside = 0
    for opener in (compiled_when_used(_MDX_OPENER) if mdx else _OPENER).finditer(text, start):
        at = opener.start()
        if at < resume:
            continue
        while inside < len(code) and code[inside][1] <= at:
            inside += 1
        if inside < len(code) and code[inside][0] <= at:
            continue
        end = scan.end_of(at)
        if end is not None:
            spans.append((at, end))
            resume = end
    return spans


class _Scan:
    """Finds where templates end, in time linear in the text: a closer sought and not found is
    remembered as absent up to where the search stopped, and braces are matched within a budget
    of characters, past which an unclosed `{{` is left as text."""

    def __init__(self, text: str, mdx: bool = False, start: int = 0) -> None:
        self.text, self.mdx, self.start = text, mdx, start
        self.absent_before: dict[str, int] = {}
        self.budget = 4 * len(text) + 100_000
        self.seen_to = 0
        self.line_indented = False

    def end_of(self, at: int) -> int | None:
        text = self.text
        if self.mdx:
            return self._javascript_end(at)
        if text.startswith(("{:", "{#"), at) and (listed := _ATTRIBUTE_LIST.match(text, at)):
            return listed.end()
        if text.startswith("{:", at):
            return None
        limit = min(len(text), at + _LONGEST)
        if self._indented(at):
            # On an indented line, perhaps code: it may not run past its paragraph.
            blank = _BLANK_LINE.search(text, at, limit)
            limit = limit if blank is None else blank.start()
        opener = text[at : at + 3]
        closer = _CLOSERS.get(opener) or _CLOSERS.get(opener[:2])
        if closer is not None:
            return self._closed_by(closer, at + len(opener), limit)
        if self.budget <= 0 or self._closed_by("}}", at + 2, limit) is None:
            return None  # out of budget, or no `}}` in reach at all
        end, scanned = _expression_end(text, at, limit)
        self.budget -= scanned
        return end

    def _javascript_end(self, at: int) -> int | None:
        """The end of an MDX statement (up to a blank line) or of an expression (its braces
        balanced, its strings skipped), within the budget."""
        text = self.text
        if text[at] == "<":
            return self._balanced(at, "<", ">")
        if text[at] != "{":
            # A statement opens a block, after a blank line: not a wrapped line of a paragraph.
            after_blank = compiled_when_used(_AFTER_A_BLANK_LINE).search(text, max(0, at - 80), at)
            if at != self.start and not after_blank:
                return None
            end = compiled_when_used(_MDX_STATEMENT_END).search(text, at)
            return len(text) if end is None else end.start()
        return self._balanced(at, "{", "}")

    def _balanced(self, at: int, opening: str, closing: str) -> int | None:
        """Just after the `closing` that balances the `opening` at `at` (a component's tag, its
        attributes' braces inside it, or an expression), strings and comments skipped."""
        text = self.text
        if self.budget <= 0:
            return None
        depth = braces = 0  # braces: an attribute's expression, inside a tag
        position, limit = at, min(len(text), at + _LONGEST)
        search = compiled_when_used(_JS_PART).search
        while (part := search(text, position, limit)) is not None:
            position, mark = part.end(), part[0]
            if mark in _JS_CLOSERS or mark in "\"'`":
                closer = _JS_CLOSERS.get(mark, mark)
                close = text.find(closer, position, limit)
                position = limit if close == -1 else close + len(closer)
            elif opening == "<" and mark in "{}":
                braces += 1 if mark == "{" else -1
            elif mark in (opening, closing) and not braces:
                depth += 1 if mark == opening else -1
                if depth == 0:
                    break
        self.budget -= position - at
        return position if depth == 0 and part is not None else None

    def _indented(self, at: int) -> bool:
        """Whether the line of `at` is indented as code is; openers come in order, so the
        search for its start resumes where the last one stopped."""
        newline = self.text.rfind("\n", self.seen_to, at)
        if newline != -1 or self.seen_to == 0:
            line = self.text[newline + 1 : newline + 9]
            self.line_indented = line.expandtabs(4).startswith("    ")
        self.seen_to = at
        return self.line_indented

    def _closed_by(self, closer: str, start: int, limit: int) -> int | None:
        if self.absent_before.get(closer, 0) >= limit:
            return None
        close = self.text.find(closer, max(start, self.absent_before.get(closer, 0)), limit)
        if close == -1:
            self.absent_before[closer] = max(limit - len(closer), 0)
            return None
        return close + len(closer)


def _expression_end(text: str, at: int, limit: int) -> tuple[int | None, int]:
    """The end of a `{{ … }}` expression (braces balanced, quoted strings skipped), or None,
    and how many characters the search read."""
    depth = 0
    position = at
    while True:
        part = _EXPRESSION_PART.search(text, position, limit)
        if part is None:
            return None, limit - at
        char = part[0]
        position = part.end()
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 1 and text.startswith("}", position):
                return position + 1, position - at
            if depth <= 0:
                return None, position - at
        else:
            close = text.find(char, position, limit)
            if close == -1:
                return None, limit - at
            position = close + 1


def _code(text: str, start: int) -> list[Span]:
    """Fenced code blocks and code spans, in order."""
    fenced = _fenced_code(text, start)
    spans = list(fenced)
    at = 0
    for span in _code_spans(text, start):
        while at < len(fenced) and fenced[at][1] <= span[0]:
            at += 1
        if at == len(fenced) or span[1] <= fenced[at][0]:
            spans.append(span)
    return sorted(spans)


def _code_spans(text: str, start: int) -> list[Span]:
    """CommonMark's code spans, found in linear time: a run of backticks closes at the next run
    of the same length in its paragraph."""
    runs = [match.span() for match in _TICKS.finditer(text, start)]
    next_same: list[int] = [-1] * len(runs)
    last: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        next_same[index] = last.get(length, -1)
        last[length] = index
    breaks = [match.start() for match in _BLANK_LINE.finditer(text, start)]
    spans = []
    index = 0
    while index < len(runs):
        closing = next_same[index]
        opened_at, opened_end = runs[index]
        if closing != -1:
            between = bisect.bisect_left(breaks, opened_end)
            if between == len(breaks) or breaks[between] >= runs[closing][0]:
                spans.append((opened_at, runs[closing][1]))
                index = closing + 1
                continue
        index += 1
    return spans


def _fenced_code(text: str, start: int) -> list[Span]:
    """The fenced code blocks from `start`, roughly: a fence line down to the next fence of the
    same character and at least its length, or the end of the text."""
    spans: list[Span] = []
    position = start
    while (opening := _FENCE.search(text, position)) is not None:
        fence = opening[1]
        closing = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.M)
        end_of_line = text.find("\n", opening.end())
        if end_of_line == -1:
            spans.append((opening.start(), len(text)))
            break
        close = closing.search(text, end_of_line + 1)
        end = len(text) if close is None else close.end()
        spans.append((opening.start(), end))
        position = end
    return spans
