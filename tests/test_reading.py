"""How an article is read: its blocks (role, span, level, list and table place), what is set
aside before parsing (front matter, templates), entities, links, soft breaks, and a cross-check
of the prose against what markdown-it-py itself renders.

Expected blocks are written as `Seen(role, text)`, where `text` is the block's slice of the file:
it pins `start` and `end` exactly while showing what they cover. Multi-line texts and masks are
lists of lines, so the blanks in an expected mask line up under the text.
"""

from __future__ import annotations

import html
import re
import time
from html.parser import HTMLParser
from typing import NamedTuple

import pytest
from markdown_it import MarkdownIt

from copylint.text.blocks import Link, Role
from copylint.text.document import Document
from copylint.text.quotations import Quotation
from copylint.text.templates import template_spans


def lines(*rows: str) -> str:
    return "\n".join(rows)


class Seen(NamedTuple):
    """A block as a test states it: its text stands for its start and end."""

    role: Role
    text: str
    level: int = 0
    group: int = -1
    item: int = -1
    quoted: bool = False
    html: bool = False


def read(text: str) -> Document:
    """A Markdown article read, checked for what every reading must be (section 7)."""
    doc = Document("article.md", text)
    assert_keeps_every_offset(text, doc.prose)
    return doc


def seen(text: str) -> list[Seen]:
    doc = read(text)
    return [
        Seen(b.role, text[b.start : b.end], b.level, b.group, b.item, b.quoted, b.html)
        for b in doc.blocks
    ]


def prose(text: str) -> str:
    return read(text).prose


H, P, LI, TD = Role.HEADING, Role.PARAGRAPH, Role.LIST_ITEM, Role.TABLE_CELL

# 1. Block roles and spans ------------------------------------------------------------------

BLOCK_CASES: dict[str, tuple[str, list[Seen]]] = {
    "ATX headings, closing hashes not included": (
        lines("# One", "", "###### Six ###"),
        [Seen(H, "One", 1), Seen(H, "Six", 6)],
    ),
    "setext headings: = is level 1, - is level 2": (
        lines("Title", "=====", "", "Subtitle", "---"),
        [Seen(H, "Title", 1), Seen(H, "Subtitle", 2)],
    ),
    "kramdown's unspaced heading": (
        "###6. Impact levels",
        [Seen(H, "6. Impact levels", 3)],
    ),
    "a hashtag opening a paragraph stays a paragraph": (
        "#hashtag trending today",
        [Seen(P, "#hashtag trending today")],
    ),
    "a hard-wrapped paragraph is one block, trimmed of white space": (
        lines("  The first line", "the second line  ", "", "Next"),
        [Seen(P, "The first line\nthe second line"), Seen(P, "Next")],
    ),
    "nested bullet list: level is depth, one group per list, item counts": (
        lines("- a", "- b", "  - c", "  - d", "- e"),
        [
            Seen(LI, "a", 1, 1, 0),
            Seen(LI, "b", 1, 1, 1),
            Seen(LI, "c", 2, 2, 0),
            Seen(LI, "d", 2, 2, 1),
            Seen(LI, "e", 1, 1, 2),
        ],
    ),
    "ordered list after a bullet list is a group of its own": (
        lines("- a", "", "1. x", "2. y"),
        [Seen(LI, "a", 1, 1, 0), Seen(LI, "x", 1, 2, 0), Seen(LI, "y", 1, 2, 1)],
    ),
    "a wrapped list item is one block": (
        lines("- one", "  two", "- three"),
        [Seen(LI, "one\n  two", 1, 1, 0), Seen(LI, "three", 1, 1, 1)],
    ),
    "a bullet list on the line right after a paragraph": (
        lines("Intro line", "- a", "- b"),
        [Seen(P, "Intro line"), Seen(LI, "a", 1, 1, 0), Seen(LI, "b", 1, 1, 1)],
    ),
    "an ordered list from 1 on the line right after a paragraph": (
        lines("Intro line", "1. a", "2. b"),
        [Seen(P, "Intro line"), Seen(LI, "a", 1, 1, 0), Seen(LI, "b", 1, 1, 1)],
    ),
    "an ordered list from 2 cannot interrupt a paragraph (CommonMark)": (
        lines("It was", "2. a"),
        [Seen(P, "It was\n2. a")],
    ),
    "table cells: item is the row, one group per table": (
        lines("| Party | Seats |", "|---|---|", "| Lab | 411 |", "| Con | 121 |"),
        [
            Seen(TD, "Party", 0, 1, 0),
            Seen(TD, "Seats", 0, 1, 0),
            Seen(TD, "Lab", 0, 1, 1),
            Seen(TD, "411", 0, 1, 1),
            Seen(TD, "Con", 0, 1, 2),
            Seen(TD, "121", 0, 1, 2),
        ],
    ),
    "an escaped pipe stays inside its cell": (
        lines("a | b", "--|--", r"c \| d | e"),
        [
            Seen(TD, "a", 0, 1, 0),
            Seen(TD, "b", 0, 1, 0),
            Seen(TD, r"c \| d", 0, 1, 1),
            Seen(TD, "e", 0, 1, 1),
        ],
    ),
    "block quote, with a list inside it": (
        lines("> Quoted text", "> more", ">", "> - item one", "> - item two", "", "After"),
        [
            Seen(P, "Quoted text\n> more", quoted=True),
            Seen(LI, "item one", 1, 1, 0, quoted=True),
            Seen(LI, "item two", 1, 1, 1, quoted=True),
            Seen(P, "After"),
        ],
    ),
    "a lazy continuation line belongs to the quoted paragraph": (
        lines("> quoted", "lazy line"),
        [Seen(P, "quoted\nlazy line", quoted=True)],
    ),
    "fenced and indented code": (
        lines("```python", "x = 1", "```", "", "    indented code", "", "After"),
        [
            Seen(Role.CODE, "```python\nx = 1\n```"),
            Seen(Role.CODE, "    indented code"),
            Seen(P, "After"),
        ],
    ),
    "thematic breaks": (
        lines("One", "", "---", "", "* * *", "", "Two"),
        [Seen(P, "One"), Seen(Role.BREAK, "---"), Seen(Role.BREAK, "* * *"), Seen(P, "Two")],
    ),
    "a footnote definition keeps its text in place": (
        lines("Said[^1] so.", "", "[^1]: Reuters said.", "    More."),
        [Seen(P, "Said[^1] so."), Seen(P, "Reuters said.\n    More.")],
    ),
    "HTML block: headings, list items, cells and paragraphs read from it": (
        lines(
            "<div>",
            "<h2>Title</h2>",
            "<ul><li>One</li><li>Two</li></ul>",
            "<table><tr><td>Cell</td></tr></table>",
            "<p>Para</p>",
            "</div>",
        ),
        [
            Seen(
                Role.HTML,
                lines(
                    "<div>",
                    "<h2>Title</h2>",
                    "<ul><li>One</li><li>Two</li></ul>",
                    "<table><tr><td>Cell</td></tr></table>",
                    "<p>Para</p>",
                    "</div>",
                ),
            ),
            Seen(H, "Title", 2, html=True),
            Seen(LI, "One", 1, group=1, item=0, html=True),
            Seen(LI, "Two", 1, group=1, item=1, html=True),
            Seen(TD, "Cell", group=2, item=0, html=True),
            Seen(P, "Para", html=True),
        ],
    ),
    "HTML block quotation": (
        lines("<blockquote>", "<p>Quoted</p>", "</blockquote>"),
        [
            Seen(Role.HTML, lines("<blockquote>", "<p>Quoted</p>", "</blockquote>")),
            Seen(P, "Quoted", quoted=True, html=True),
        ],
    ),
}


@pytest.mark.parametrize(("text", "expected"), BLOCK_CASES.values(), ids=list(BLOCK_CASES))
def test_blocks(text: str, expected: list[Seen]) -> None:
    assert seen(text) == expected


def test_a_wrapped_paragraph_spans_from_its_first_to_its_last_character_of_prose() -> None:
    doc = read(lines("  The first line", "the second line  ", "", "Next"))
    paragraph = doc.blocks[0]
    assert (paragraph.start, paragraph.end) == (2, 32)
    assert [(line.number, line.start, line.end) for line in doc.lines_of(paragraph)] == [
        (1, 0, 16),
        (2, 17, 34),
    ]


def test_prose_blocks_leave_out_code_breaks_and_html() -> None:
    text = lines("Intro", "", "```", "code", "```", "", "---", "", "<div>Box</div>")
    doc = read(text)
    assert [(b.role, text[b.start : b.end]) for b in doc.prose_blocks] == [
        (P, "Intro"),
        (P, "Box"),
    ]
    assert doc.prose_blocks[1].html


def test_an_html_list_item_has_the_depth_of_its_list() -> None:
    (_, item) = read("<ul><li>One</li></ul>").blocks
    assert (item.role, item.level) == (LI, 1)


NOT_PROSE_IN_HTML = {
    "script": (
        lines("<script>var x = 1;</script>", "", "After"),
        lines("                           ", "", "After"),
    ),
    "style": (
        lines("<style>p { color: red }</style>", "", "After"),
        lines("                               ", "", "After"),
    ),
    "pre": (
        lines("<pre>pre text</pre>", "", "After"),
        lines("                   ", "", "After"),
    ),
    "tags but not the text between them": (
        "<div>Inside <em>here</em></div>",
        "     Inside     here           ",
    ),
}


@pytest.mark.parametrize(
    ("text", "expected"), NOT_PROSE_IN_HTML.values(), ids=list(NOT_PROSE_IN_HTML)
)
def test_html_block_prose(text: str, expected: str) -> None:
    assert prose(text) == expected


# 2. Templates and metadata, set aside before parsing ----------------------------------------

SET_ASIDE: dict[str, tuple[str, str]] = {
    "YAML front matter, its title published": (
        lines("---", "title: A", "date: 2024-01-01", "---", "Body text"),
        lines("   ", "       A", "                ", "   ", "Body text"),
    ),
    "TOML front matter, its title published": (
        lines("+++", 'title = "A"', "date = 2024-01-01", "+++", "Body text"),
        lines("   ", "         A ", "                 ", "   ", "Body text"),
    ),
    "front matter with keys indented by two spaces": (
        lines("---", "  title: A", "  tags: [x]", "---", "Body text"),
        lines("   ", "          ", "           ", "   ", "Body text"),
    ),
    "Nunjucks import": (
        lines('{% from "x" import y %}', "", "Body text"),
        lines("                       ", "", "Body text"),
    ),
    "a Nunjucks call whose object literal takes several lines": (
        lines(
            "Before",
            "",
            "{{ appFigure({",
            "  image: {",
            '    file: "a.png",',
            '    alt: "A chart"',
            "  },",
            '  caption: "Sales rose"',
            "}) }}",
            "",
            "After",
        ),
        lines(
            "Before",
            "",
            "              ",
            "          ",
            "                  ",
            "                  ",
            "    ",
            "                       ",
            "     ",
            "",
            "After",
        ),
    ),
    "a Nunjucks comment on its own line": (
        lines("{# editor: check #}", "Body text"),
        lines("                   ", "Body text"),
    ),
    "a Hugo shortcode": (
        lines('{{< figure src="x" caption="y" >}}', "", "After"),
        lines("                                  ", "", "After"),
    ),
    "a paired Hugo shortcode on lines of its own: the text between is prose": (
        lines("{{% alert %}}", "Careful now", "{{% /alert %}}"),
        lines("             ", "Careful now", "              "),
    ),
    "a Go template action": (
        lines('{{image "x.png"}}', "", "After"),
        lines("                 ", "", "After"),
    ),
    "a Go raw action over several lines, with HTML in its backquotes": (
        lines("{{raw `<div>", "<p>Hi</p>", "</div>`}}", "", "After"),
        lines("            ", "         ", "         ", "", "After"),
    ),
    "a shortcode as a link's destination keeps the link text": (
        'See [the guide]({{< ref "/x" >}}) now',
        "See  the guide                    now",
    ),
    "kramdown attribute lists on their own line and after text": (
        lines("{:.intro}", "Intro text{: .lead}", "", "{: .link-list}", "- a"),
        lines("         ", "Intro text         ", "", "              ", "  a"),
    ),
    "an opener inside fenced code does not swallow the prose after the fence": (
        lines("```", "{{ x", "```", "", "After text }} end"),
        lines("   ", "    ", "   ", "", "After text }} end"),
    ),
    "an opener inside a tilde fence": (
        lines("~~~", "{% x", "~~~", "", "After %} end"),
        lines("   ", "    ", "   ", "", "After %} end"),
    ),
    "an opener that never closes is left as text": (
        lines("Open {{ never closed", "", "More text"),
        lines("Open {{ never closed", "", "More text"),
    ),
}


@pytest.mark.parametrize(("text", "expected"), SET_ASIDE.values(), ids=list(SET_ASIDE))
def test_set_aside(text: str, expected: str) -> None:
    assert prose(text) == expected


def test_front_matter_is_the_first_block_and_its_title_a_heading() -> None:
    doc = read(lines("---", "title: A", "date: 2024", "---", "Body text"))
    # What is left of the front matter, without its published title, is metadata.
    assert doc.front_matter == "---\ntitle:  \ndate: 2024\n---\n"
    assert seen(doc.text) == [
        Seen(Role.FRONT_MATTER, "---\ntitle: A\ndate: 2024\n---\n"),
        Seen(H, "A", 1),
        Seen(P, "Body text"),
    ]


def test_a_multi_line_call_makes_no_paragraph_or_list_item_of_its_lines() -> None:
    text = SET_ASIDE["a Nunjucks call whose object literal takes several lines"][0]
    call = text[text.index("{{") : text.index("}) }}") + 5]
    assert seen(text) == [Seen(P, "Before"), Seen(Role.TEMPLATE, call), Seen(P, "After")]


def test_kramdown_attribute_lists_are_template_blocks() -> None:
    text = SET_ASIDE["kramdown attribute lists on their own line and after text"][0]
    assert seen(text) == [
        Seen(Role.TEMPLATE, "{:.intro}"),
        Seen(P, "Intro text"),
        Seen(Role.TEMPLATE, "{: .lead}"),
        Seen(Role.TEMPLATE, "{: .link-list}"),
        Seen(LI, "a", 1, 1, 0),
    ]


# Bugs: a template that shares its line with prose.
TEMPLATE_SHARING_A_LINE = {
    "a Nunjucks comment inside a sentence": ("A {# note #} b", "A            b"),
    "a Nunjucks tag pair inside a sentence": (
        "Hello {% if x %}world{% endif %} now",
        "Hello           world            now",
    ),
    "a Go template action inside a sentence": ("A {{ x }} b", "A         b"),
}


@pytest.mark.parametrize(
    ("text", "expected"),
    TEMPLATE_SHARING_A_LINE.values(),
    ids=list(TEMPLATE_SHARING_A_LINE),
)
def test_a_template_inside_a_line_of_prose_is_not_prose(text: str, expected: str) -> None:
    assert prose(text) == expected


TEMPLATE_OPENING_A_LINE = {
    "a paired Hugo shortcode on one line": (
        "{{% alert %}}Careful now{{% /alert %}}",
        "             Careful now              ",
    ),
    "a Go action glued to a word": ("{{x}}Text", "     Text"),
}


@pytest.mark.parametrize(
    ("text", "expected"),
    TEMPLATE_OPENING_A_LINE.values(),
    ids=list(TEMPLATE_OPENING_A_LINE),
)
def test_the_text_after_a_template_opening_a_line_is_prose(text: str, expected: str) -> None:
    assert prose(text) == expected


OPENER_IN_CODE = {
    "a code span": (
        lines("Type `{{` to open.", "", "This prose matters.", "", "Type `}}` to close."),
        lines("Type      to open.", "", "This prose matters.", "", "Type      to close."),
    ),
    "indented code": (
        lines("    {{ x", "", "This prose matters.", "", "Then }} done."),
        lines("        ", "", "This prose matters.", "", "Then }} done."),
    ),
}


@pytest.mark.parametrize(("text", "expected"), OPENER_IN_CODE.values(), ids=list(OPENER_IN_CODE))
def test_an_opener_inside_code_does_not_swallow_the_prose_after_it(
    text: str, expected: str
) -> None:
    assert prose(text) == expected


def test_a_template_after_an_unclosed_opener_of_another_kind_is_set_aside() -> None:
    text = lines("## Title {#intro}", "", '{{< figure src="x" >}}', "", "After")
    assert prose(text).split("\n")[2:] == [" " * 22, "", "After"]


def test_200_000_unclosed_openers_are_scanned_in_linear_time() -> None:
    text = "{{" * 200_000
    started = time.perf_counter()
    assert template_spans(text) == []
    assert time.perf_counter() - started < 2  # 0.2 s here, quadratic takes minutes


def seconds_to_read(text: str) -> float:
    started = time.perf_counter()
    assert Document("article.md", text).prose == text
    return time.perf_counter() - started


def test_a_document_of_unclosed_openers_reads_in_linear_time() -> None:
    # Every `{` is an inline terminator, so the parser tries each inline rule at each one: the
    # floor is markdown-it-py's own (about 0.5 s for 400,000 braces here). Twice the text must
    # take about twice the time, never four times.
    small = min(seconds_to_read("{{" * 50_000) for _ in range(3))
    large = min(seconds_to_read("{{" * 100_000) for _ in range(3))
    assert large < 3 * small + 0.05
    assert large < 2.0


# 3. Entities ----------------------------------------------------------------------------------

ENTITIES = {
    "a closing quote at the entity's first offset, an opening one at its last": (
        "He said &#8220;yes&#8221; then",
        "He said       “yes”       then",
    ),
    "ampersand between spaces": ("Marks &amp; Spencer", "Marks     & Spencer"),
    "no-break space after a word": ("Spencer&nbsp;plc", "Spencer\xa0     plc"),
    "em dash between spaces": ("now &mdash; then", "now       — then"),
    "in an HTML block too": (
        "<p>Marks &amp; Spencer</p>",
        "   Marks     & Spencer    ",
    ),
}


@pytest.mark.parametrize(("text", "expected"), ENTITIES.values(), ids=list(ENTITIES))
def test_entities(text: str, expected: str) -> None:
    assert prose(text) == expected


def test_entity_quotes_make_one_closed_quotation() -> None:
    assert read("He said &#8220;yes&#8221; then").quotations == [
        Quotation(start=14, end=19, double=True, closed=True, depth=0)
    ]


@pytest.mark.parametrize(
    "text",
    ["&#8220;Yes,&#8221; he said", "<p>&#8220;Yes,&#8221; he said</p>"],
    ids=["Markdown", "HTML block"],
)
def test_an_entity_opening_a_paragraph_is_in_its_span(text: str) -> None:
    doc = read(text)
    opening = doc.prose.index("“")
    assert doc.prose_blocks[0].start == opening
    assert [(q.start, q.closed) for q in doc.quotations] == [(opening, True)]


def test_an_entity_ending_a_paragraph_is_in_its_span() -> None:
    doc = read("He said &#8220;yes&#8221;")
    assert doc.prose_blocks[0].end == doc.prose.index("”") + 1
    assert [q.closed for q in doc.quotations] == [True]


def test_an_entity_opening_quote_in_html_is_written_next_to_its_word() -> None:
    assert prose("<p>He said &#8220;yes&#8221; then</p>") == (
        "   He said       “yes”       then    "
    )


# 4. Links and images ------------------------------------------------------------------------


def test_a_link_s_text_is_prose_and_its_destination_and_title_blank() -> None:
    text = 'See [the report](https://x.com/r "Title") now'
    doc = read(text)
    assert doc.prose == "See  the report                           now"
    assert doc.blocks[0].links == (Link(5, 15, "https://x.com/r"),)
    assert text[5:15] == "the report"


def test_reference_links_give_their_text_and_the_definition_s_href() -> None:
    text = lines("A [full][r] and [r] and [R][].", "", "[r]: https://example.com/r")
    doc = read(text)
    assert doc.prose == lines("A  full     and  r  and  R   .", "", " " * 26)
    assert [(text[link.start : link.end], link.href) for link in doc.blocks[0].links] == [
        ("full", "https://example.com/r"),
        ("r", "https://example.com/r"),
        ("R", "https://example.com/r"),
    ]


def test_image_alt_text_is_prose_and_an_image() -> None:
    text = 'See ![A chart](c.png "t") here'
    doc = read(text)
    assert doc.prose == "See   A chart             here"
    assert doc.blocks[0].images == ((6, 13),)
    assert doc.blocks[0].links == ()


def test_an_image_inside_a_link() -> None:
    text = "[![badge alt](b.svg)](https://ci.example.com) ok"
    doc = read(text)
    assert doc.prose == "   badge alt                                  ok"
    (block,) = doc.blocks
    assert block.images == ((3, 12),)
    assert block.links == (Link(1, 20, "https://ci.example.com"),)
    assert text[1:20] == "![badge alt](b.svg)"


# 5. Soft breaks ------------------------------------------------------------------------------

SOFT_BREAKS: dict[str, tuple[str, set[int]]] = {
    "inside a paragraph, none between blocks": (
        lines("One line", "and the next", "", "A new paragraph"),
        {8},
    ),
    "inside a list item, none between items": (lines("- one", "  two", "- three"), {5}),
    "inside a quoted paragraph": (lines("> quoted", "> more"), {8}),
    "none around a heading or code": (lines("# Title", "```", "code", "```", "Text"), set()),
}


@pytest.mark.parametrize(("text", "expected"), SOFT_BREAKS.values(), ids=list(SOFT_BREAKS))
def test_soft_breaks(text: str, expected: set[int]) -> None:
    assert read(text).soft_breaks == expected


def test_plain_text_has_no_soft_breaks() -> None:
    assert Document("article.txt", lines("One line", "and the next")).soft_breaks == set()


@pytest.mark.parametrize(
    "text",
    [lines("First line\\", "second line"), lines("First line  ", "second line")],
    ids=["backslash", "two spaces"],
)
def test_a_hard_line_break_is_not_a_soft_break(text: str) -> None:
    assert read(text).soft_breaks == set()


# 6. The prose is what markdown-it-py renders ---------------------------------------------------

PARSER_CASES = {
    "emphasis": "Some *emphasis*, __strong__ words and ~~struck~~ text.",
    "nested emphasis": "An *outer **inner** outer* run and ***both*** here.",
    "code spans with backticks inside": "Run ``a ` b`` and `c` then ```d `` e``` done.",
    "links with titles": "See [the report](https://x.com/r \"Title\") and [it](<a b> 't') now.",
    "reference links": lines(
        "A [full][r], a [collapsed][] and a [shortcut] link.",
        "",
        "[r]: https://example.com/r",
        '[collapsed]: /c "Collapsed"',
        "[shortcut]: /s",
    ),
    "autolinks": "Mail <news@example.com> or see <https://example.com/a> today.",
    "raw inline HTML": 'Some <span class="x">spanned</span> and <!-- hidden --> text.',
    "entities": "Marks &amp; Spencer &mdash; &#8220; quoted &#8221; &copy; 2024.",
    "escapes": r"\*not emphasis* and \[not a link] and \# not a heading.",
    "hard breaks": lines("First line\\", "second line  ", "third line"),
    "table": lines(
        "| Party | Seats |",
        "|:------|------:|",
        "| Labour | 411 |",
        r"| a \| b | *c* |",
    ),
    "lists": lines("- one", "- two", "  1. nested", "  2. again", "- three", "", "10. ten"),
    "block quotes": lines("> Quoted *text*", "> > nested", ">", "> - listed", "", "After"),
    "headings": lines("# One #", "", "Two", "===", "", "Three", "---", "", "#### Four"),
    "delimiters the parser leaves as text": "5*3*2, *foo**bar*, snake_case_word and a ` b.",
    "nested brackets and emphasis over a line break": "[a [nested] b](u) and *wrapped\nemphasis*.",
    "images left out": "Before ![alt words](a.png) after [![badge](b.svg)](/ci) end.",
    "an article": lines(
        "# Starmer meets Biden",
        "",
        "UK Prime Minister **Keir Starmer** met [Joe Biden](https://wh.gov/ 'WH') at the",
        "*White House* on `Tuesday`.",
        "",
        "> “We talked,” he said.",
        "",
        "1. first",
        "2. second",
        "",
        "```",
        "not prose",
        "```",
    ),
}


class _RenderedText(HTMLParser):
    """The text of rendered HTML: data only, without code, and without autolinks (an `<a>`
    whose text is its own destination), which copylint blanks as addresses. Each tag counts as
    a space, as copylint blanks markup to spaces: `**a**b` is the words `a b` on both sides."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.pieces: list[str] = []
        self.skipping = 0
        self.href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("code", "pre", "script", "style"):
            self.skipping += 1
        elif tag == "a":
            self.href = dict(attrs).get("href")
        self.pieces.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("code", "pre", "script", "style"):
            self.skipping -= 1
        elif tag == "a":
            self.href = None
        self.pieces.append(" ")

    def handle_data(self, data: str) -> None:
        href = self.href
        if href is not None and href in (data, f"mailto:{data}"):
            return
        if not self.skipping:
            self.pieces.append(data)

    def handle_entityref(self, name: str) -> None:
        if not self.skipping:
            self.pieces.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        if not self.skipping:
            self.pieces.append(f"&#{name};")


def rendered_words(source: str) -> str:
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    reader = _RenderedText()
    reader.feed(md.render(source))
    reader.close()
    return " ".join(html.unescape("".join(reader.pieces)).split())


def prose_words(source: str) -> str:
    """The words of the prose, image alt text left out (markdown-it renders it as an attribute)."""
    doc = read(source)
    mask = list(doc.prose)
    for block in doc.blocks:
        for start, end in block.images:
            mask[start:end] = " " * (end - start)
    return " ".join("".join(mask).split())


@pytest.mark.parametrize("source", PARSER_CASES.values(), ids=list(PARSER_CASES))
def test_the_prose_reads_what_the_parser_renders(source: str) -> None:
    assert prose_words(source) == rendered_words(source)


# 7. Invariants, for every Markdown text above --------------------------------------------------

EVERY_MARKDOWN_TEXT = {
    **{f"blocks: {name}": text for name, (text, _) in BLOCK_CASES.items()},
    **{f"html: {name}": text for name, (text, _) in NOT_PROSE_IN_HTML.items()},
    **{f"set aside: {name}": text for name, (text, _) in SET_ASIDE.items()},
    **{f"template in a line: {name}": text for name, (text, _) in TEMPLATE_SHARING_A_LINE.items()},
    **{f"line opener: {name}": text for name, (text, _) in TEMPLATE_OPENING_A_LINE.items()},
    **{f"opener in code: {name}": text for name, (text, _) in OPENER_IN_CODE.items()},
    **{f"entities: {name}": text for name, (text, _) in ENTITIES.items()},
    **{f"soft breaks: {name}": text for name, (text, _) in SOFT_BREAKS.items()},
    **{f"parser: {name}": text for name, text in PARSER_CASES.items()},
}
_ENTITY = re.compile(r"&#?\w+;")


@pytest.mark.parametrize("text", EVERY_MARKDOWN_TEXT.values(), ids=list(EVERY_MARKDOWN_TEXT))
def test_the_prose_keeps_every_offset(text: str) -> None:
    assert_keeps_every_offset(text, Document("article.md", text).prose)


def assert_keeps_every_offset(text: str, mask: str) -> None:
    """As long as the text, newlines where they were, and every other character kept, blanked
    to a space, or written where an entity stood."""
    assert len(mask) == len(text)
    assert [at for at, c in enumerate(mask) if c == "\n"] == [
        at for at, c in enumerate(text) if c == "\n"
    ]
    entities = [match.span() for match in _ENTITY.finditer(text)]
    for at, (shown, original) in enumerate(zip(mask, text, strict=True)):
        assert shown in (original, " ") or any(start <= at < end for start, end in entities), at
