"""prose_mask: what of an article is prose, with every offset kept.

Multi-line cases are written as lists of lines so that the blanks in an expected mask show.
"""

from __future__ import annotations

import re
import time

import pytest

from copylint.text import inline, markdown
from copylint.text.document import Document


def prose_mask(text: str, *, markdown: bool) -> str:
    return Document("article.md" if markdown else "article.txt", text).prose


def masked(text: str, *, markdown: bool = True) -> str:
    """The mask, after checking what every mask must be: as long as the text, with its newlines
    where they were, and every other character either kept or blanked to a space."""
    mask = prose_mask(text, markdown=markdown)
    assert len(mask) == len(text)
    assert newline_offsets(mask) == newline_offsets(text)
    entities = [m.span() for m in re.finditer(r"&#?\w+;", text)]
    assert all(
        kept in (original, " ") or any(start <= at < end for start, end in entities)
        for at, (kept, original) in enumerate(zip(mask, text, strict=True))
    )
    return mask


def newline_offsets(text: str) -> list[int]:
    return [match.start() for match in re.finditer("\n", text)]


def lines(*rows: str) -> str:
    return "\n".join(rows)


PLAIN_TEXT_CASES = {
    "front matter closed by dashes": (
        lines("---", "title: Budget", "---", "The Budget."),
        lines("   ", "       Budget", "   ", "The Budget."),  # a title is published
    ),
    "front matter closed by dots": (
        lines("---", "slug: budget", "...", "The Budget."),
        lines("   ", "            ", "   ", "The Budget."),
    ),
    "dashes later in the text are not front matter": (
        lines("Intro", "---", "title: x", "---"),
        lines("Intro", "---", "title: x", "---"),
    ),
    "bare URLs keep the full stop that ends the sentence": (
        "See https://www.bbc.co.uk/news. Or www.ft.com, today.",
        "See                           . Or           , today.",
    ),
    "a URL's own parentheses are part of it": (
        "(see https://en.wikipedia.org/wiki/Foo_(bar))",
        "(see                                        )",
    ),
    "curly quotes around a URL are prose": (
        "“https://example.com/a” he wrote",
        "“                     ” he wrote",
    ),
    "e-mail addresses": (
        "Write to news.desk+tips@example.co.uk.",
        "Write to                             .",
    ),
    "an at sign alone is prose": ("Meet @ noon", "Meet @ noon"),
    "Markdown syntax in plain text is left alone": (
        "**Not bold** and `not code` and [not](a link)",
        "**Not bold** and `not code` and [not](a link)",
    ),
}


@pytest.mark.parametrize(
    ("text", "expected"), PLAIN_TEXT_CASES.values(), ids=list(PLAIN_TEXT_CASES)
)
def test_plain_text(text: str, expected: str) -> None:
    assert masked(text, markdown=False) == expected


MARKDOWN_CASES = {
    # Front matter, addresses
    "front matter": (
        lines("---", "tags: [news]", "---", "# Title"),
        lines("   ", "            ", "   ", "  Title"),
    ),
    "bare URL in a paragraph": ("Go to www.gov.uk now.", "Go to            now."),
    # Code
    "fenced code with an info string": (
        lines("Before", "```python", "x = 1", "```", "After"),
        lines("Before", "         ", "     ", "   ", "After"),
    ),
    "a tilde fence closes only on a tilde run as long": (
        lines("~~~~", "~~~", "code", "~~~~", "After"),
        lines("    ", "   ", "    ", "    ", "After"),
    ),
    "an unclosed fence runs to the end": (
        lines("Text", "```", "code", "", "more code"),
        lines("Text", "   ", "    ", "", "         "),
    ),
    "three backticks with more backticks on the line make a code span": (
        "A ```code``` span",
        "A            span",
    ),
    "indented code after a blank line": (
        lines("Para", "", "    code line", "", "After"),
        lines("Para", "", "             ", "", "After"),
    ),
    "an indented line inside a paragraph is prose": (
        lines("Para", "    continued"),
        lines("Para", "    continued"),
    ),
    "an indented paragraph inside a list item is prose": (
        lines("- item", "", "    more of the item"),
        lines("  item", "", "    more of the item"),
    ),
    "code span": ("Run `git push` now", "Run            now"),
    "code span with a longer fence holds a backtick": ("A ``b ` c`` d", "A           d"),
    "an unmatched backtick is prose": ("a ` b", "a ` b"),
    # HTML
    "HTML comment": ("Keep <!-- hide --> this", "Keep               this"),
    "HTML comment over lines in a paragraph": (
        lines("Keep <!-- hide", "this --> text"),
        lines("Keep          ", "         text"),
    ),
    "HTML comment block": (
        lines("<!--", "Editor's note", "-->", "Copy"),
        lines("    ", "             ", "   ", "Copy"),
    ),
    "text after a comment block closes is prose": (
        lines("<!-- note", "end --> Copy"),
        lines("         ", "        Copy"),
    ),
    "HTML tags but not the text between them": (
        '<div class="x">Inside</div> and<br/> <span>this</span>',
        "               Inside       and            this       ",
    ),
    "autolinks": (
        "Mail <news@example.com> or see <https://example.com/a>.",
        "Mail                    or see                        .",
    ),
    "an entity stands for its character": ("Marks &amp; Spencer", "Marks     & Spencer"),
    "next to the word it touches": ("“Yes&#8221; and &#8220;no”", "“Yes”       and       “no”"),
    # Links and images
    "inline link with a title": (
        '[Joe Biden](https://www.whitehouse.gov/ "WH") spoke',
        " Joe Biden                                    spoke",
    ),
    "inline link with an angle-bracket destination": (
        "[the report](<a b.pdf>)",
        " the report            ",
    ),
    "full reference link": (
        lines("A [full link][r].", "", "[r]: https://example.com"),
        lines("A  full link    .", "", "                        "),
    ),
    "collapsed and shortcut reference links": (
        lines("[R][] and [r].", "", '[r]: https://example.com "Title"'),
        lines(" R    and  r .", "", "                                "),
    ),
    "brackets that name no reference are prose": (
        "He [Starmer] said [sic] and [a][b].",
        "He [Starmer] said [sic] and [a][b].",
    ),
    "a footnote keeps its text where it is written": (
        lines("Said[^1] so.", "", "[^1]: Reuters.", "    More."),
        lines("Said     so.", "", "      Reuters.", "    More."),
    ),
    "image: its alt text is prose": (
        "See ![Biden and Starmer](img/a.jpg) here",
        "See   Biden and Starmer             here",
    ),
    "image inside a link": (
        "[![badge](b.svg)](https://ci.example.com) ok",
        "   badge                                  ok",
    ),
    "link text wrapped over two lines": (
        lines("[Joe", "Biden](https://x.com)"),
        lines(" Joe", "Biden                "),
    ),
    # Headings
    "ATX heading with closing hashes": ("## Starmer meets Biden ##", "   Starmer meets Biden   "),
    "a hash after a word is not a closing sequence": ("# Learn C#", "  Learn C#"),
    "a hashtag is not a heading": ("#news today", "#news today"),
    "setext headings": (
        lines("Title", "=====", "", "Subtitle", "---"),
        lines("Title", "     ", "", "Subtitle", "   "),
    ),
    # Blocks
    "nested blockquote": (
        lines("> “We talked,” he said.", "> > Nested"),
        lines("  “We talked,” he said.", "    Nested"),
    ),
    "blank line in a blockquote": (
        lines("> One", ">", "> Two"),
        lines("  One", " ", "  Two"),
    ),
    "bullet lists": (
        lines("- one", "* two", "+ three"),
        lines("  one", "  two", "  three"),
    ),
    "ordered lists": (
        lines("1. one", "2) two", "10. ten"),
        lines("   one", "   two", "    ten"),
    ),
    "task list": (
        lines("- [ ] to do", "- [x] done"),
        lines("      to do", "      done"),
    ),
    "a wrapped line starting with a year is prose": (
        lines("It happened in", "2019. It was late."),
        lines("It happened in", "2019. It was late."),
    ),
    "thematic breaks": (
        lines("One", "", "***", "", "- - -", "", "___", "", "Two"),
        lines("One", "", "   ", "", "     ", "", "   ", "", "Two"),
    ),
    "table": (
        lines("| Party | Seats |", "|:------|------:|", "| Labour | 411 |", "", "After"),
        lines("  Party   Seats  ", "                 ", "  Labour   411  ", "", "After"),
    ),
    "an escaped pipe in a table is prose": (
        lines("a | b", "--|--", r"c \| d | e"),
        lines("a   b", "     ", r"c  | d   e"),
    ),
    # Emphasis
    "emphasis and strong emphasis": (
        "*a* **b** _c_ __d__ ~~e~~ ***f***",
        " a    b    c    d     e      f   ",
    ),
    "a single star does not pair with a double across a word (rule of three)": (
        "*foo**bar*",
        " foo**bar ",
    ),
    "stars between digits pair as CommonMark renders them": ("5*3*2", "5 3 2"),
    "emphasis next to punctuation": ("“*Really*?”", "“ Really ?”"),
    "emphasis around a code span and a link": (
        "**`x`** and *[y](z)*",
        "        and   y     ",
    ),
    # Escapes
    "backslash escapes keep the escaped character": (
        r"\*not emphasis\* and \[not a link\]",
        r" *not emphasis * and  [not a link ]",
    ),
    "an escaped backslash": (r"a\\b", r"a \b"),
    "hard line break": (
        lines("First line\\", "second line"),
        lines("First line ", "second line"),
    ),
}


@pytest.mark.parametrize(("text", "expected"), MARKDOWN_CASES.values(), ids=list(MARKDOWN_CASES))
def test_markdown(text: str, expected: str) -> None:
    assert masked(text) == expected


PROSE_KEPT_AS_IS = [
    "snake_case_word and file_name.txt",
    "2*3 is six",
    "a * b",
    "don't, won’t, Starmer’s",
    "“Quote,” ‘inner’ «guillemets»",
    "an_unpaired underscore and a lone * star",
    "5 > 3 and 2 < 4",
    "~5 km to ~10 km",
    "A - dash - in prose",
]


@pytest.mark.parametrize("text", PROSE_KEPT_AS_IS)
def test_prose_that_looks_like_markup_is_kept(text: str) -> None:
    assert masked(text) == text


WITHOUT_OPENING_MARKUP = [
    "A plain paragraph, with “quotes”, don't and £5 (or $6) - a dash; 50% + 2 = #3 @home.",
    "A line broken with two spaces  \nand one\nand none",
    "Table | like | text: a:b, c=d {e} and http://example.com/a-path?q=1",
    "# Heading-ish text, 1. numbered, + plus, > quote sign inside",
]


@pytest.mark.parametrize("source", WITHOUT_OPENING_MARKUP)
def test_a_source_without_opening_markup_reads_as_its_parse_would(
    monkeypatch: pytest.MonkeyPatch, source: str
) -> None:
    md = markdown._parser()
    unparsed = inline.read_inline(md, source, {})
    assert unparsed.prose() == ([(0, len(source))], [])
    # Told that every character of the source may open markup, it parses it, to the same end.
    monkeypatch.setattr(inline, "_OPENING_MARKUP", frozenset(source))
    parsed = inline.read_inline(md, source, {})
    assert (parsed.prose(), parsed.links, parsed.images) == (unparsed.prose(), [], [])
    assert parsed.regions  # it was parsed


LINKS = """\
See [the top](#top), [a page](<https://例え.jp/ä b?w=100%25> "t"), <https://example.com/ü>, \
[a script](javascript:alert(1)), [data](data:text/html;base64,x) and ![an image](i/ö.png).

[a reference][ref] and [a bad one][bad].

[ref]: https://example.com/ä
[bad]: vbscript:msgbox(1)
"""


def test_a_destination_is_kept_as_written_and_refused_as_the_parser_refuses_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read = markdown.read_markdown(LINKS)
    hrefs = [link.href for block in read.blocks for link in block.links]
    assert hrefs == ["#top", "https://例え.jp/ä b?w=100%25", "https://example.com/ä"]
    # markdown-it-py's own normalising reads the same, but for how a destination is written.
    from markdown_it import MarkdownIt

    md = markdown._parser()
    monkeypatch.setattr(md, "normalizeLink", MarkdownIt().normalizeLink)
    normalised = markdown.read_markdown(LINKS)
    assert normalised.prose == read.prose
    assert [block._replace(links=()) for block in normalised.blocks] == [
        block._replace(links=()) for block in read.blocks
    ]
    assert [link.href for block in normalised.blocks for link in block.links] == [
        "#top",
        "https://xn--r8jz45g.jp/%C3%A4%20b?w=100%25",
        "https://example.com/%C3%A4",
    ]


ARTICLE = """\
---
title: "Starmer meets Biden"
tags: [news]
---

# Starmer meets Biden

UK Prime Minister **Keir Starmer** met [Joe Biden](https://www.whitehouse.gov/ "WH") at the \
*White House*.

![Biden and Starmer](img/a.jpg)

> “We talked,” he said.

- first item
- second `code` item
"""


def test_article_keeps_its_prose_words_at_their_offsets() -> None:
    mask = masked(ARTICLE)
    offset = ARTICLE.index("# Starmer")
    for phrase in [
        "Starmer meets Biden",
        "UK Prime Minister",
        "Keir Starmer",
        "met",
        "Joe Biden",
        "at the",
        "White House",
        "Biden and Starmer",
        "“We talked,” he said.",
        "first item",
        "second",
        "item",
    ]:
        offset = ARTICLE.index(phrase, offset)
        assert mask[offset : offset + len(phrase)] == phrase
        offset += len(phrase)

    assert " ".join(re.findall(r"\S+", mask)) == (
        "Starmer meets Biden "  # the title of its front matter, published
        "Starmer meets Biden "
        "UK Prime Minister Keir Starmer met Joe Biden at the White House . "
        "Biden and Starmer "
        "“We talked,” he said. "
        "first item second item"
    )


def test_article_front_matter_markup_and_addresses_are_blank() -> None:
    mask = masked(ARTICLE)
    for hidden in ["title", "tags", "#", "**", "[", "](", "whitehouse", "WH", "img/a.jpg", "code"]:
        assert hidden not in mask


@pytest.mark.parametrize(
    "stray",
    ["*a b_ ", "x <!-- y "],
    ids=["unpaired emphasis delimiters", "unclosed comments"],
)
def test_stray_markup_in_a_long_paragraph_takes_linear_time(stray: str) -> None:
    text = stray * 20_000
    started = time.perf_counter()
    assert masked(text) == text
    # About 0.5 s here; a quadratic reading takes minutes. The margin is for a busy machine
    # (CI beside a fuzz run took 1.1 s).
    assert time.perf_counter() - started < 5
