"""Fixes applied to the files themselves (`--fix`, `--unsafe-fixes`) or shown (`--diff`).

A fix's edits are offsets into the article as the rules read it (LF line ends, no BOM); they
are put back into the file's own bytes line by line and column by column, so a CRLF file stays
CRLF, a BOM stays, and nothing but the edited spans changes. A line of web chrome is deleted
whole, and the blank line it would leave between two paragraphs goes with it. Overlapping
edits are not both applied: the first wins, and the rest are left for the next run.
"""

from __future__ import annotations

import bisect
import codecs
import re
from collections.abc import Iterable, Sequence

from copylint.finding import Applicability, Edit, Report
from copylint.text.document import Document

_LINE_END = re.compile(r"\r\n|\r|\n")


def chosen_edits(reports: Iterable[Report], unsafe: bool) -> list[Edit]:
    """The edits of the fixes to apply, in order, none overlapping another."""
    wanted = {Applicability.SAFE} | ({Applicability.UNSAFE} if unsafe else set())
    edits = sorted(
        (
            edit
            for report in reports
            if report.finding.fix is not None and report.finding.fix.applicability in wanted
            for edit in report.finding.fix.edits
        ),
        key=lambda edit: (edit.start, edit.end),
    )
    chosen: list[Edit] = []
    for edit in edits:
        if chosen and edit.start < chosen[-1].end:
            continue
        if chosen and edit == chosen[-1]:
            continue
        chosen.append(edit)
    return chosen


def with_blank_lines_taken(text: str, edits: Sequence[Edit]) -> list[Edit]:
    """Deletions of whole lines, joined where they touch, each taking the blank line it would
    leave: a paragraph of chrome between two of copy leaves one blank line, not two."""
    joined: list[Edit] = []
    for edit in edits:
        touching = bool(joined) and joined[-1].end == edit.start
        if touching and _deletes_lines(text, joined[-1]) and _deletes_lines(text, edit):
            joined[-1] = Edit(joined[-1].start, edit.end, "")
        else:
            joined.append(edit)
    result: list[Edit] = []
    for edit in joined:
        if _deletes_lines(text, edit):
            start, end = edit.start, edit.end
            blank_before = start == 0 or text[start - 2 : start] == "\n\n" or start == 1
            if end < len(text) and text[end] == "\n" and blank_before:
                end += 1  # the blank line after it
            if result and result[-1].text == "" and result[-1].end >= start:
                start = result.pop().start  # it now touches the deletion before it
            if end == len(text):
                while start >= 2 and text[start - 2 : start] == "\n\n":
                    start -= 1  # at the end: the blank lines before it
            edit = Edit(start, end, "")
        result.append(edit)
    return result


def _deletes_lines(text: str, edit: Edit) -> bool:
    at_line_start = edit.start == 0 or text[edit.start - 1] == "\n"
    to_line_start = edit.end == len(text) or text[edit.end - 1] == "\n"
    return edit.text == "" and at_line_start and to_line_start and edit.end > edit.start


def fixed(doc: Document, edits: Sequence[Edit]) -> bytes:
    """The file's bytes with `edits` made, its BOM and line ends as they were."""
    raw = doc.raw if doc.raw is not None else doc.text.encode("utf-8")
    bom = raw.startswith(codecs.BOM_UTF8)
    source = raw.decode("utf-8")[1 if bom else 0 :]
    source_starts = [0] + [match.end() for match in _LINE_END.finditer(source)]
    text_starts = doc.line_starts

    def in_source(offset: int) -> int:
        if offset >= len(doc.text):
            return len(source)
        line = bisect.bisect_right(text_starts, offset) - 1
        return source_starts[line] + offset - text_starts[line]

    pieces = []
    done = 0
    for edit in with_blank_lines_taken(doc.text, edits):
        start, end = in_source(edit.start), in_source(edit.end)
        pieces += [source[done:start], edit.text]
        done = end
    pieces.append(source[done:])
    return (codecs.BOM_UTF8 if bom else b"") + "".join(pieces).encode("utf-8")


def unified_diff(path: str, before: bytes, after: bytes) -> str:
    """A unified diff a patch tool applies, as `git diff` labels it."""
    import difflib  # only for --diff: a check never pays for it

    old = before.decode("utf-8").splitlines(keepends=True)
    new = after.decode("utf-8").splitlines(keepends=True)
    lines = difflib.unified_diff(old, new, f"a/{path}", f"b/{path}")
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )
