"""Where web chrome can stand in a Markdown article, read from its structure.

Markdown says what plain text cannot: which lines are one paragraph, which are headings, lists,
tables and alt text. A paragraph's lines are one line when the page is rendered, so a paragraph
wrapped over several lines is copy unless every line of it is a label (a share bar pasted as
lines). A heading with anything under it is a section's title; a list is chrome only when it is
a list of links, none to the article's own sections; a line that introduces a list or code (`We
explored:`, `prints`), a bold run-in label (`**Duration:** two weeks`), a line set in bold that a
section follows (a heading in all but markup) or that stands under a picture (its caption), a
sentence with a link in it, table cells, HTML and alt text are copy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from copylint.text.blocks import Block, Role
from copylint.text.document import Document, Line

if TYPE_CHECKING:
    from copylint.checks.boilerplate import Boilerplate, Chrome

# `**Duration:** two weeks`, `__Q:__ …`: a label in bold, then the line goes on.
_RUN_IN = re.compile(r"\s*(\*\*|__)(?!\s)[^\n]*?(?<!\s)\1:?[ \t]+\S")
# A line set wholly in bold or italics: `**Next steps**`.
_EMPHASISED = re.compile(r"\s*(\*\*|__|\*|_)(?!\s)[^\n]*(?<!\s)\1\s*\Z")
_INTRODUCED = frozenset({Role.LIST_ITEM, Role.CODE, Role.TABLE_CELL, Role.HTML, Role.TEMPLATE})
_NOT_CONTENT = frozenset({Role.FRONT_MATTER, Role.BREAK})
# The roles read block by block, named once: a member of an Enum costs ten times a name to
# look up, and a post has thousands of blocks.
_HEADING, _PARAGRAPH, _LIST_ITEM = Role.HEADING, Role.PARAGRAPH, Role.LIST_ITEM


def chrome_in_markdown(rule: Boilerplate, doc: Document) -> list[Chrome]:
    body = doc.body_start  # no published field of the front matter was pasted in with the copy
    blocks = [block for block in doc.blocks if block.role not in _NOT_CONTENT]
    blocks = [block for block in blocks if block.start >= body] if body else blocks
    found: dict[int, list[Chrome]] = {}
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if block.role is _LIST_ITEM:
            end = _list_end(blocks, index)
            chrome = _list_chrome(rule, doc, blocks[index:end])
            found.update((at, chrome) for at in range(index, end) if chrome)
            index = end
            continue
        if block.role is _PARAGRAPH and not block.html:
            chrome = _paragraph_chrome(rule, doc, blocks, index)
            if chrome:
                found[index] = chrome
        index += 1
    for index, block in enumerate(blocks):
        if block.role in (_HEADING, _PARAGRAPH) and index not in found:
            for at, chrome in _label_over_links(rule, doc, blocks, index).items():
                found.setdefault(at, chrome)
    for index, block in enumerate(blocks):
        if block.role is _HEADING and _section_is_chrome(blocks, index, found):
            (line,) = doc.lines_of(block)[:1]
            what = rule.classify(_label(rule, doc, line, block))
            if what is not None:
                found[index] = [(line, what)]
    unique = {line.number: (line, what) for chrome in found.values() for line, what in chrome}
    return [unique[number] for number in sorted(unique)]


def _label(rule: Boilerplate, doc: Document, line: Line, block: Block) -> str:
    """What a line of a block says, without its alt text, which is never a line of its own;
    nothing, where it is a field (`Boilerplate.is_field`)."""
    if rule.is_field(doc, line):
        return ""
    start, end = max(line.start, block.start), min(line.end, block.end)
    label = doc.prose[start:end]
    for image_start, image_end in block.images:
        low, high = max(image_start, start), min(image_end, end)
        if low < high:
            label = label[: low - start] + " " * (high - low) + label[high - start :]
    return label.strip()


def _paragraph_chrome(
    rule: Boilerplate, doc: Document, blocks: Sequence[Block], index: int
) -> list[Chrome]:
    block = blocks[index]
    lines = doc.lines_of(block)
    labels = [_label(rule, doc, line, block) for line in lines]
    if len(lines) > 1 and not all(map(rule.is_block_label, labels)):
        # A paragraph of prose, however it is wrapped, unless each line is chrome by itself
        # (`• en` over `ON NOW`), as a pasted page sets its chrome line after line.
        kinds = _each_chrome(rule, labels)
        return [] if kinds is None else list(zip(lines, kinds, strict=True))
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    if following is not None and _introduces(labels[-1], following):
        return []
    if _continues(labels[0], blocks[index - 1] if index else None):
        return []
    raw = doc.text[lines[0].start : lines[-1].end]
    if _RUN_IN.match(raw):
        return []
    if _EMPHASISED.match(raw) and (following is not None or _under_an_image(blocks, index)):
        return []  # a heading in all but markup, or the caption set under a picture
    if len(lines) == 1 and _has_a_link_within(block, doc, lines[0]):
        return []  # a sentence that links to something: copy, not a pasted label
    return rule.chrome_in(lines, labels)


def _each_chrome(rule: Boilerplate, labels: Sequence[str]) -> list[str] | None:
    """What kind of chrome each line is, or None when one is copy: the lines after it are not
    read, as a wrapped paragraph's first line most often says."""
    kinds = []
    for label in labels:
        kind = rule.classify(label)
        if kind is None:
            return None
        kinds.append(kind)
    return kinds


def _under_an_image(blocks: Sequence[Block], index: int) -> bool:
    """Whether the block before is a picture: a paragraph that ends in an image."""
    if index == 0:
        return False
    before = blocks[index - 1]
    return bool(before.images) and before.images[-1][1] >= before.end - 1


def _introduces(last_label: str, following: Block) -> bool:
    """A lead-in: a line ending in a colon before a list, code, a table, a figure or a
    quotation set apart (`We explored:`)."""
    return last_label.endswith(":") and (following.role in _INTRODUCED or following.quoted)


def _continues(label: str, preceding: Block | None) -> bool:
    """A sentence that code or a figure broke off goes on in lower case after it (`and more.`,
    `prints`): chrome is a label, which a capital or a symbol opens."""
    return label[:1].islower() and preceding is not None and not preceding.is_prose


def _has_a_link_within(block: Block, doc: Document, line: Line) -> bool:
    """Whether the line links part of what it says: a sentence with a link in it, not a label
    that is all link (`[Share on Facebook](…)`) or a label and then a link (`Read more: [x](y)`)."""
    label = doc.prose[line.start : line.end].strip()
    for link in block.links:
        linked = doc.prose[link.start : link.end].strip()
        if linked and linked != label and not label.split(linked)[0].rstrip().endswith(":"):
            return True
    return False


def _list_end(blocks: Sequence[Block], index: int) -> int:
    group = blocks[index].group
    end = index
    while end < len(blocks) and blocks[end].role is _LIST_ITEM and blocks[end].group == group:
        end += 1
    return max(end, index + 1)


def _list_chrome(rule: Boilerplate, doc: Document, items: Sequence[Block]) -> list[Chrome]:
    """A list is chrome when it is a list of links, each item a label that is all link, none of
    them to the article's own sections (a table of contents is copy), and one of them chrome."""
    labelled = _link_labels(rule, doc, items)
    return [] if labelled is None else rule.chrome_in(*labelled, as_block=True)


def _link_labels(
    rule: Boilerplate, doc: Document, items: Sequence[Block]
) -> tuple[list[Line], list[str]] | None:
    """The lines and labels of a list of links (`- [Economy](/topics/economy)`), or None if
    the list is anything else."""
    lines: list[Line] = []
    labels: list[str] = []
    for item in items:
        item_lines = doc.lines_of(item)
        if len(item_lines) != 1 or not item.links:
            return None
        if any(link.href.startswith("#") for link in item.links):
            return None
        label = _label(rule, doc, item_lines[0], item)
        linked = "".join(doc.prose[link.start : link.end] for link in item.links)
        if "".join(label.split()) != "".join(linked.split()):
            return None
        lines.append(item_lines[0])
        labels.append(label)
    return (lines, labels) if all(map(rule.is_block_label, labels)) else None


def _label_over_links(
    rule: Boilerplate, doc: Document, blocks: Sequence[Block], index: int
) -> dict[int, list[Chrome]]:
    """A label of the page's (`Related Topics`, `Follow us on:`) over a list of links: the
    links are the topics or the sites it names, chrome with it."""
    if index + 1 == len(blocks) or blocks[index + 1].role is not _LIST_ITEM:
        return {}
    items = blocks[index + 1 : _list_end(blocks, index + 1)]
    lines = doc.lines_of(blocks[index])
    if len(lines) != 1:
        return {}
    what = rule.classify(_label(rule, doc, lines[0], blocks[index]))
    labelled = _link_labels(rule, doc, items) if what is not None else None
    if what is None or labelled is None:
        return {}
    found = {index: [(lines[0], what)]}
    for at, line in enumerate(labelled[0], index + 1):
        found[at] = [(line, rule.block_what)]
    return found


def _section_is_chrome(blocks: Sequence[Block], index: int, found: dict[int, list[Chrome]]) -> bool:
    """Whether nothing but chrome stands under a heading, down to the next heading of its level
    or above: then the heading is no title but a label of the page (`Related Topics`)."""
    level = blocks[index].level
    for after in range(index + 1, len(blocks)):
        block = blocks[after]
        if block.role is _HEADING and block.level <= level:
            return True
        if after not in found and block.role is not _HEADING:
            return False
    return True
