"""Hostile and broken input, property by property (hypothesis): random Markdown-shaped and
Unicode documents and random house configs through the library and the command line.

A document, whatever is in it, exits 0 or 1 without a traceback; every finding's `text` is the
file's text at its line and columns (code points, CRLF and CR one line end, a BOM no column);
its findings are the same whether the file ends its lines with LF, CRLF or CR, with or without
a BOM; and `Document.prose` keeps the text's length and newlines. A config, however broken,
exits 0, 1 or 2, and 2 is one line on stderr naming the file, never "internal error".

CI runs a few examples of each, derandomized so that a run is repeatable;
`COPYLINT_FUZZ_EXAMPLES=N` runs N (at random each time), and `benchmarks/fuzz.py` runs the same
properties on 100,000 documents and 20,000 configs, reporting each distinct failure shrunk.

Each property is a plain function (`check_document_library`, `check_config_cli`, …) raising
`PropertyFailure`, whose `signature` says which fault it is, so the benchmark can run them
without pytest and count distinct faults.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import pytest
import yaml
from click.testing import CliRunner, Result

try:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - `pip install hypothesis` to run these
    pytest.skip("hypothesis is not installed", allow_module_level=True)

from copylint.cli import cli
from copylint.config import Config, load_config
from copylint.engine import check_document
from copylint.errors import CopylintError
from copylint.text.document import Document
from copylint.text.sources import read_document

T = TypeVar("T")

# ---------------------------------------------------------------------------------------------
# How many examples: a bounded, repeatable few in CI; as many as asked for otherwise.

_ASKED = os.environ.get("COPYLINT_FUZZ_EXAMPLES")
EXAMPLES = int(_ASKED) if _ASKED else 120


def fuzz_settings(share: float = 1.0) -> settings:
    """`share` of EXAMPLES (at least 1), no deadline (the first spaCy load takes a second),
    derandomized in CI unless a count was asked for, and no example database in the repo."""
    return settings(
        max_examples=max(1, round(EXAMPLES * share)),
        deadline=None,
        derandomize=bool(os.environ.get("CI") or os.environ.get("COPYLINT_CI")) and _ASKED is None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# ---------------------------------------------------------------------------------------------
# Documents: Markdown-shaped text assembled from the pieces real copy is made of.

LOCALES = ("en-GB", "en-US", "en-GB-oxendict", "auto")
SUFFIXES = (".md", ".txt", ".markdown")

WORDS = (
    "the", "a", "of", "and", "to", "in", "on", "was", "is", "it", "he", "she", "they", "not",
    "said", "says", "told", "reporters", "according", "to", "statement", "minister", "council",
    "budget", "people", "Monday", "will", "TK", "TKTK", "lorem", "ipsum", "e-mail", "web",
    "site", "on-line", "Economy", "Watch", "Live", "Share", "more", "Read", "users", "x",
)  # fmt: skip
NAMES = (
    "Starmer", "Starmer", "Starmet", "Keir", "Biden", "Bidne", "Joe", "Sunak", "Snuak",
    "Zelensky", "Zelenskyy", "Tsutsumi", "Tustsumi", "Google", "Koogle", "Tim", "Paris",
    "Faris", "Iran", "Iraq", "UK", "US", "McCrystal", "SoftwareX", "SofwareX", "KubeCon",
    "Kubecon", "Pearl Harbor", "Labour Party", "Labor", "Russia", "Russian", "IJulia",
)  # fmt: skip
SPELLINGS = (
    "colour", "color", "Colour", "COLOR", "organise", "organize", "organised", "organized",
    "centre", "center", "centred", "centered", "defence", "defense", "Defense",
    "self-defense", "self-defence", "grey", "gray", "travelled", "traveled", "judgement",
    "judgment", "programme", "program", "licence", "license", "authorisation",
    "authorization", "behaviour", "behavior", "theatre", "theater", "colour’s",
)  # fmt: skip
APOSTROPHES = ("don’t", "Starmer’s", "’90s", "it's", "rock ’n’ roll", "o'clock", "5' 10\"")
QUOTE_MARKS = ("“", "”", "‘", "’", '"', "'", "«", "»", "„", "‹", "›", "「", "」")
CHROME = (
    "Share this article", "ON NOW", "• en", "Follow us on:", "Most Read", "Related Topics",
    "Advertisement", "___", "Read more: Why the pound fell", "Updated 10:32 AM ET",
    "Published 4:05 PM ET, Mon July 22, 2024", "(AP Photo/Jane Doe)",
    "FILE - In this photo, the council meets", "x", "[youtube=https://youtu.be/x]",
    "[embed]https://x.example[/embed]", "Skip to main content", "Facebook", "Twitter",
    "Email", "Watch Live", "Image caption,", "Follow Jane on X", "This story has been updated.",
)  # fmt: skip
ENTITIES = (
    "&#8221;", "&#8220;", "&amp;", "&nbsp;", "&quot;", "&#x2019;", "&rsquo;", "&bogus;",
    "&#0;", "&#xD800;", "&#1114112;", "&", "&#", "&#x;",
)  # fmt: skip
TEMPLATES = (
    "{% if x %}", "{% endif %}", "{{ x }}", "{{ x({a: {b: 1}}) }}",
    "{{ appFigure({\n  src: 'a.png',\n  alt: \"A colour\"\n}) }}",
    '{{< figure src="x.png" caption="colour" >}}', "{{% alert %}}", "{{% /alert %}}", "{{",
    "}}", "{%", "%}", '{{image "x.png"}}', "{{raw `a\nb`}}", "{: .intro}", "{#id}",
    "{{ '{{' }}", "{# a comment #}", "{% raw %}{{ x }}{% endraw %}", "{{-", "{{< /x >}}",
)  # fmt: skip
URLS = (
    "https://example.com", "http://x.example/z?a=1&b=2", "www.example.org", "mailto:a@b.c",
    "https://example.com/colour_(x)", "ftp://x.example", "https://例え.jp/パス",
)  # fmt: skip
SPECIALS = (
    "😀", "𝒜", "𠜎", "e\u0301", "\u0301", "\u200b", "\u200d", "\u2028", "\u2029", "\x85",
    "\x0b", "\x0c", "\t", "\u00a0", "\ufeff", "\u202e", "ﬁ", "İ", "ß", "\x1b", "\x7f", "\\",
    "*", "_", "`", "#", ">", "|", "[", "]", "<", "&", "\r", "\U000e0001", "\uffff",
)  # fmt: skip
# What HTML parsers trip on: declarations, marked sections, processing instructions, comments.
HTML_ODDITIES = (
    "<![", "<![CDATA[x]]>", "<![]", "<!DOCTYPE html>", "<!doctype", "<?xml version='1.0'?>",
    "<?", "<!-->", "<!--", "-->", "--!>", "<!>", "</>", "</", "<a", "<a b='", "<br/", "<x:y>",
    "<!ELEMENT x>", "<![if !IE]>", "<script>", "</script>", "<style>", "<textarea>",
)  # fmt: skip

# Every code point a UTF-8 file can hold except NUL (a NUL makes it a binary file).
UNICODE = st.characters(codec="utf-8", exclude_characters="\x00")
RAW_TEXT = st.text(UNICODE, max_size=40)
COMBINING = st.characters(categories=["Mn", "Me", "Mc"])
ASTRAL = st.characters(min_codepoint=0x10000, codec="utf-8")


def _apply_case(case: Callable[[str], str], word: str) -> str:
    return case(word)


def _with_mark(word: str, mark: str) -> str:
    return word + mark


def _cased(words: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    cases: tuple[Callable[[str], str], ...] = (str, str, str, str.upper, str.capitalize)
    return st.builds(_apply_case, st.sampled_from(cases), words)


WORD: st.SearchStrategy[str] = st.one_of(
    _cased(st.sampled_from(WORDS)),
    _cased(st.sampled_from(WORDS)),
    _cased(st.sampled_from(WORDS)),
    st.sampled_from(NAMES),
    st.sampled_from(NAMES),
    _cased(st.sampled_from(SPELLINGS)),
    _cased(st.sampled_from(SPELLINGS)),
    st.sampled_from(APOSTROPHES),
    st.text(UNICODE, min_size=1, max_size=6),
    st.builds(_with_mark, st.sampled_from(WORDS), COMBINING),
    ASTRAL,
)


def _plain_words(min_size: int = 1, max_size: int = 5) -> st.SearchStrategy[str]:
    return st.lists(WORD, min_size=min_size, max_size=max_size).map(" ".join)


@st.composite
def _inline(draw: st.DrawFn) -> str:
    """A word or a piece of inline markup."""
    words = _plain_words()
    kind = draw(st.integers(0, 19))
    if kind <= 6:
        return draw(WORD)
    if kind == 7:
        opening, closing = draw(st.sampled_from(QUOTE_MARKS)), draw(st.sampled_from(QUOTE_MARKS))
        return f"{opening}{draw(_plain_words(1, 12))}{closing}"
    if kind == 8:
        url = draw(st.sampled_from(URLS))
        title = draw(st.sampled_from(["", ' "A title"', " 'colour'"]))
        return draw(st.sampled_from(["[{w}]({u}{t})", "![{w}]({u}{t})", "[{w}][ref]"])).format(
            w=draw(words), u=url, t=title
        )
    if kind == 9:
        url = draw(st.sampled_from(URLS))
        return draw(st.sampled_from([url, f"<{url}>", f"<{url}", f"({url})"]))
    if kind == 10:
        mark = draw(st.sampled_from(["*", "**", "_", "__", "***", "~~", "`", "``"]))
        closing = mark if draw(st.booleans()) else ""
        return f"{mark}{draw(words)}{closing}"
    if kind == 11:
        tag = draw(st.sampled_from(["b", "i", "span", "a href='x'", "br/", "sup", "em"]))
        return f"<{tag}>{draw(words)}</{tag.split()[0]}>"
    if kind == 12:
        return draw(st.sampled_from(ENTITIES))
    if kind == 13:
        return draw(st.sampled_from(TEMPLATES))
    if kind == 14:
        return draw(st.sampled_from(["[^1]", "[^note]", "\\*", "\\_", "\\[", "\\|", "\\\\"]))
    if kind == 15:
        return draw(st.sampled_from(SPECIALS) | st.sampled_from(HTML_ODDITIES))
    if kind == 16:
        return draw(RAW_TEXT)
    if kind == 17:
        return draw(st.sampled_from(["  \n", "\\\n", "\n", "<br>"]))
    if kind == 18:
        return draw(st.sampled_from(CHROME))
    return draw(st.sampled_from(NAMES)) + draw(st.sampled_from(["’s", "'s", "s", ""]))


@st.composite
def _sentence(draw: st.DrawFn) -> str:
    parts = draw(st.lists(_inline(), min_size=1, max_size=14))
    text = draw(st.sampled_from([" ", " ", " ", "", "\n"])).join(parts)
    if draw(st.integers(0, 4)) == 0:
        opening, closing = draw(st.sampled_from([("“", "”"), ('"', '"'), ("‘", "’")]))
        tag = draw(st.sampled_from(["", " he said.", " said Starmer.", ", according to them."]))
        text = f"{opening}{text},{closing}{tag}"
    return text + draw(st.sampled_from(["", ".", ".", ".", "?", "!", ":", ",", "…"]))


@st.composite
def _paragraph(draw: st.DrawFn) -> str:
    sentences = draw(st.lists(_sentence(), min_size=1, max_size=4))
    return draw(st.sampled_from([" ", " ", "\n"])).join(sentences)


@st.composite
def _front_matter(draw: st.DrawFn) -> str:
    title = draw(_plain_words(1, 6))
    kind = draw(st.integers(0, 6))
    if kind == 0:
        return f'---\ntitle: "{title}"\nauthor: Jane Doe\ntags: [colour, news]\n---\n'
    if kind == 1:
        return f'+++\ntitle = "{title}"\ndate = 2024-07-22\n+++\n'
    if kind == 2:  # never closed
        return f"---\ntitle: {title}\n"
    if kind == 3:  # broken YAML inside
        return f"---\ntitle: : [{title}\n  - {{\n---\n"
    if kind == 4:
        return f"---\ndescription: >\n  {title}\n  “{title}”\n...\n"
    if kind == 5:
        return "---\n---\n"
    return f"+++\ntitle = '{title}\n"


@st.composite
def _heading(draw: st.DrawFn) -> str:
    text = draw(_plain_words(0, 6))
    kind = draw(st.integers(0, 4))
    level = draw(st.integers(1, 7))
    if kind == 0:
        return f"{'#' * level} {text}"
    if kind == 1:
        return f"{'#' * level} {text} {'#' * draw(st.integers(1, 3))}"
    if kind == 2:  # kramdown's unspaced heading, and a numbered one
        return f"{'#' * level}{draw(st.sampled_from([text, '6.', '6. ' + text]))}"
    if kind == 3:
        return f"{text}\n{draw(st.sampled_from(['===', '---', '=', '- - -']))}"
    return f"{'#' * level} {text} {{#section-{level}}}"


@st.composite
def _list(draw: st.DrawFn) -> str:
    marker = draw(st.sampled_from(["-", "*", "+", "1.", "1)", "•"]))
    lines = []
    for _ in range(draw(st.integers(1, 5))):
        depth = draw(st.integers(0, 3))
        indent = " " * depth * draw(st.sampled_from([2, 3, 4]))
        if draw(st.booleans()):
            item = f"[{draw(_plain_words())}]({draw(st.sampled_from(URLS))})"
        else:
            item = draw(_sentence())
        lines.append(f"{indent}{marker} {item}")
    return "\n".join(lines)


@st.composite
def _block_quote(draw: st.DrawFn) -> str:
    prefix = draw(st.sampled_from(["> ", ">", "> > ", ">> "]))
    paragraphs = draw(st.lists(_paragraph(), min_size=1, max_size=2))
    lines = "\n\n".join(paragraphs).split("\n")
    return "\n".join(prefix + line for line in lines)


@st.composite
def _code(draw: st.DrawFn) -> str:
    body = draw(st.sampled_from(["colour = 1", "print('Share this article')", "TK", ""]))
    body += draw(st.sampled_from(["", "\n" + draw(RAW_TEXT)]))
    kind = draw(st.integers(0, 3))
    if kind == 0:
        fence = draw(st.sampled_from(["```", "~~~", "````"]))
        info = draw(st.sampled_from(["", "python", "{.md}"]))
        closing = draw(st.sampled_from([fence, fence, ""]))  # sometimes never closed
        return f"{fence}{info}\n{body}\n{closing}"
    if kind == 1:
        return "\n".join("    " + line for line in body.split("\n"))
    if kind == 2:
        return f"\t{body}"
    return f"`{body}`"


@st.composite
def _table(draw: st.DrawFn) -> str:
    columns = draw(st.integers(1, 3))

    def row() -> str:
        cells = [draw(st.sampled_from(["colour", "a \\| b", "Starmer", "", "“quote”"]))]
        cells += [draw(_plain_words(0, 3)) for _ in range(columns - 1)]
        return "| " + " | ".join(cells) + " |"

    separator = (
        "|"
        + "|".join(draw(st.sampled_from(["---", ":--", "--:", ":-:"])) for _ in range(columns))
        + "|"
    )
    rows = [row() for _ in range(draw(st.integers(0, 3)))]
    return "\n".join([row(), separator, *rows])


@st.composite
def _html(draw: st.DrawFn) -> str:
    text = draw(_plain_words(1, 8))
    return draw(
        st.sampled_from(
            [
                f"<div>\n<p>{text}</p>\n</div>",
                f"<h2>{text}</h2>",
                f"<ul>\n<li>{text}</li>\n<li><a href='x'>{text}</a></li>\n</ul>",
                f"<table><tr><td>{text}</td></tr></table>",
                f"<!-- {text} -->",
                f"<!-- {text}",
                f"<script>var colour = '{text}';</script>",
                f"<p>{text}",
                f"<figure><img alt='{text}' src='x.png'><figcaption>{text}</figcaption></figure>",
                f"<details><summary>{text}</summary>\n\n{text}\n</details>",
            ]
        )
        | st.builds(
            "{}{}{}".format,
            st.sampled_from(["<div>", "<p>", "<!--", "<table>", ""]),
            st.lists(st.sampled_from(HTML_ODDITIES) | _plain_words(), max_size=4).map("".join),
            st.sampled_from(["</div>", "-->", "", "</p>"]),
        )
    )


@st.composite
def _block(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 16))
    if kind <= 4:
        return draw(_paragraph())
    builders: list[st.SearchStrategy[str]] = [
        _heading(),
        _list(),
        _block_quote(),
        _code(),
        _table(),
        _html(),
        st.sampled_from(TEMPLATES),
        st.sampled_from(CHROME),
        st.sampled_from(["---", "***", "___", "- - -"]),
        st.builds("{}\n: {}".format, _plain_words(), _sentence()),  # a definition list
        st.builds("[^1]: {}".format, _sentence()),
        st.text(UNICODE, max_size=80),
    ]
    return draw(builders[kind - 5])


@st.composite
def documents(draw: st.DrawFn) -> str:
    """Markdown-shaped text: front matter (sometimes broken or never closed), then headings,
    paragraphs, lists, quotations, code, tables, HTML, templates and web chrome, with curly
    quotes, names, UK/US spellings, entities, links and random Unicode among their words. A
    tenth of the time it is random Unicode and nothing else."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.text(UNICODE, max_size=300))
    text = draw(_front_matter()) if draw(st.integers(0, 3)) == 0 else ""
    blocks = draw(st.lists(_block(), max_size=10))
    separators = st.sampled_from(["\n\n", "\n\n", "\n\n", "\n", "\n\n\n", "\n \n", "\n\t\n"])
    for block in blocks:
        text += block + draw(separators)
    return text + draw(st.sampled_from(["", "", "\n", "  ", "\n\n\n"]))


# ---------------------------------------------------------------------------------------------
# Line ends and BOM: the same document as the bytes of six files.

ENDINGS = {"LF": "\n", "CRLF": "\r\n", "CR": "\r"}
Variant = tuple[str, bool]  # (line end, BOM)
VARIANTS: tuple[Variant, ...] = tuple((name, bom) for name in ENDINGS for bom in (False, True))


def line_endings() -> st.SearchStrategy[Variant]:
    return st.sampled_from(VARIANTS)


def canonical(text: str) -> str:
    """The text with LF line ends and no BOM at its start: a CR is a line end in a file, and a
    BOM at the start would be read as a BOM, so neither can be part of the document as such."""
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def encode(text: str, variant: Variant) -> bytes:
    """`text` (canonical) as the bytes of a file with these line ends, with or without a BOM."""
    ending, bom = variant
    data = text.replace("\n", ENDINGS[ending]).encode("utf-8")
    return codecs.BOM_UTF8 + data if bom else data


def variant_name(variant: Variant, suffix: str) -> str:
    ending, bom = variant
    return f"{ending}{'-bom' if bom else ''}{suffix}"


def file_lines(data: bytes) -> list[str]:
    """The lines of a file as an editor shows them: UTF-8, its BOM no column, each of CRLF, CR
    and LF one line end (and nothing else: U+2028, U+0085 and form feeds are characters)."""
    return re.split(r"\r\n|\r|\n", data.decode("utf-8").removeprefix("\ufeff"))


@dataclass(frozen=True)
class DocumentCase:
    text: str
    suffix: str = ".md"
    locale: str = "en-GB"
    stdin: Variant = ("LF", False)  # the variant also piped through stdin


def document_cases() -> st.SearchStrategy[DocumentCase]:
    return st.builds(
        DocumentCase,
        text=documents(),
        suffix=st.sampled_from(SUFFIXES),
        locale=st.sampled_from(LOCALES),
        stdin=line_endings(),
    )


# ---------------------------------------------------------------------------------------------
# Configs: mostly the shapes the schema allows, then corrupted.

KIND_NAMES = (
    "existence", "substitution", "boilerplate", "spelling-locale", "spelling-consistency",
    "entity-near-miss", "quote-attribution",
)  # fmt: skip
SHIPPED_RULES = (
    "style/placeholder", "style/web-terms", "boilerplate/web-chrome", "spelling/locale",
    "spelling/consistency", "entity/near-miss", "quote/unattributed",
)  # fmt: skip
NEW_RULES = ("house/x", "house/no-tk", "house/web", "style/x-1")
BAD_RULE_IDS = ("House/X", "house", "a/b/c", "", "house/ x", "house/é", "1/2")
PACKS = ("default", "boilerplate", "spelling", "quotes", "style", "entities")
EXTENDS = (
    *PACKS, "./house.yaml", "house.yaml", ".copylint.yaml", "names.yaml", "article.md",
    "missing.yaml", ".", "", "../missing.yaml", "DEFAULT",
)  # fmt: skip
CATEGORIES = ("entity", "spelling", "quote", "boilerplate", "grammar", "style")
SEVERITIES = ("error", "warning", "info")
MESSAGES = (
    "{text}", 'Found "{text}".', 'Write "{suggestion}", not "{text}".', "{text} is {what}.",
    "{count} {where} {suggestion}", "{spelling} {locale} {other} {other_spelling} {line}",
    "{unknown}", "{}", "{0}", "{text!r}", "{text!z}", "{text:d}", "{text:>10}", "{text:{what}}",
    "{text.upper}", "{text[0]}", "{", "}", "{{literal}}", "plain", "", "{text", "{count:,}",
    "{line:x}", "{text!s:^9}", "%s", "{text}" * 50,
)  # fmt: skip
ARTICLE_WORDS = (
    "TK", "colour", "color", "said", "Starmer", "Google", "e-mail", "web site", "lorem ipsum",
    "Share", "ON NOW", "the", "x", "é",
)  # fmt: skip
REGEXES = (
    "TK", "colou?r", r"\bthe\b", "(?i)said", "e-?mail", r"(\w)\1", "[", "(", ")", "*", "a{2,1}",
    "(?P<x>a)(?P<x>b)", "(?P<s0>x)", "(?P<s1>y)", r"\2", "(?<=a+)b", "(a+)+$", "(?i)a(?i)b",
    "a(?i)b", "(?x) t k", "^Share.*$", "", "|", ".*", r"\p{L}", r"\N{BOGUS}", "(?<!)", "[z-a]",
    "(?#c)", "a**", "x{99999999999}", "(?P<name>", r"\\", "(?:", "(?s).", "$^", "\\",
)  # fmt: skip
LEXICONS = (
    "names:\n  Starmer: 500\n  Zelensky: 1043\n",
    "names:\n  Tsutsumi: {allow: [Tsutsumi-san]}\n",
    "names:\n  Zelensky: {count: many}\n",
    "names:\n  Zelensky: {count: 5, allow: 7}\n",
    "names:\n  Zelensky: {count: null}\n",
    "names:\n  Zelensky: {allow: {a: 1}}\n",
    "names:\n  Zelensky: -5\n",
    "names:\n  Zelensky: 1.5\n",
    "names:\n  Zelensky: true\n",
    "names:\n  Zelensky: null\n",
    "names:\n  12: 400\n  null: 400\n",
    "names: [Zelensky]\n",
    "names:\n",
    "{}\n",
    "[]\n",
    "",
    "# copylint house lexicon\n" + '{"names": {\n  "Zelensky": 1043\n}}\n',
    '{"names": {"Zelensky": "1043"}}\n',
    '{"names": {"Zelensky": {"count": [1]}}}\n',
    "names: {Zelensky: 99999999999999999999999999}\n",
    "names: {Zelensky: .inf}\n",
    "names: &a {Zelensky: 1043, Again: *a}\n",
    "names:\n  Zelensky: 1043\n  Zelensky: 2\n",
    "\x07names: {}\n",
)

SCALARS: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([0, -1, 10**30, 2**63]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
    st.sampled_from(["on", "off", "yes", "no", "~", "null", "true", "1e400", "-.inf"]),
)
ANYTHING: st.SearchStrategy[Any] = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


def _strings(values: Sequence[str], max_size: int = 3) -> st.SearchStrategy[list[str]]:
    """Lists of these strings, now and then a random one among them."""
    one = st.one_of(*[st.sampled_from(values)] * 4, st.text(max_size=6))
    return st.lists(one, min_size=1, max_size=max_size)


_REGEX = st.one_of(
    st.sampled_from(REGEXES),
    st.sampled_from(REGEXES),
    st.text(alphabet="()[]{}?*+.|\\^$-a1:<>=!P#", max_size=8),
)
_COUNT = st.one_of(st.integers(1, 5), st.integers(1, 5), st.sampled_from([0, 10**20, 2**63]))
_WORD_GROUPS = st.sampled_from(["a share prompt", "navigation", "x", ""])
OPTIONS: dict[str, st.SearchStrategy[Any]] = {
    "tokens": _strings(ARTICLE_WORDS),
    "patterns": st.lists(_REGEX, min_size=1, max_size=3),
    "ignorecase": st.booleans(),
    "swap": st.dictionaries(
        _REGEX | st.sampled_from(ARTICLE_WORDS),
        st.text(max_size=6) | st.sampled_from(["\\1", "\\g<0>", "{text}", "colour", ""]),
        min_size=1,
        max_size=3,
    ),
    "vocabulary": st.dictionaries(_WORD_GROUPS, _strings(ARTICLE_WORDS), max_size=2),
    "function_words": _strings(("the", "a", "this", "on", "")),
    "lines": st.dictionaries(
        st.sampled_from(["furniture", "x"]), st.lists(_REGEX, max_size=2), max_size=2
    ),
    "max_words": _COUNT,
    "block_label_words": _COUNT,
    "block": st.sampled_from(["a share bar", "x"]),
    "field_labels": _strings(("contact", "share", "")),
    "min_count": _COUNT,
    "ratio": _COUNT,
    "min_length": _COUNT,
    "lexicon_min_count": _COUNT,
    "title_words": _strings(("Secretary", "Minister", "")),
    "quotations": st.sampled_from(["house", "speaker", "house", "speaker", "other"]),
    "distinct_words": _strings(("program", "check", "")),
    "speech_verbs": _strings(("said", "told", "according to", "")),
    "min_words": _COUNT,
    "people": _strings(("users", "staff", "")),
}
KIND_OPTIONS = {
    "existence": ("tokens", "patterns", "ignorecase"),
    "substitution": ("swap", "ignorecase"),
    "boilerplate": ("vocabulary", "function_words", "lines", "max_words", "block", "field_labels"),
    "spelling-locale": ("title_words", "quotations"),
    "spelling-consistency": ("title_words", "quotations", "distinct_words"),
    "entity-near-miss": ("min_count", "ratio", "min_length", "lexicon_min_count"),
    "quote-attribution": ("speech_verbs", "min_words", "people"),
}
SHIPPED_KINDS = dict(zip(SHIPPED_RULES, (
    "existence", "substitution", "boilerplate", "spelling-locale", "spelling-consistency",
    "entity-near-miss", "quote-attribution",
), strict=True))  # fmt: skip
MAX_FILE_SIZES = (
    "10 MB", "1.5KB", "200", "0 B", "1 B", "9" * 40 + " GB", "9" * 400 + " GB", "3 TB", "-1",
    "MB", 2**63, 10**30,
)  # fmt: skip


@st.composite
def _rule(draw: st.DrawFn, rule_id: str) -> Any:
    """A rule's settings: a shipped rule changed a field or two, a new one whole; sometimes
    `true`, `false` or `{}`; a field of a kind not its own now and then."""
    shape = draw(st.integers(0, 9))
    if shape == 0:
        return draw(st.sampled_from([True, False, {}]))
    new = rule_id not in SHIPPED_KINDS
    kind = draw(st.sampled_from(KIND_NAMES)) if new else SHIPPED_KINDS[rule_id]
    settings: dict[str, Any] = {}
    if new and draw(st.integers(0, 9)):
        settings["kind"] = kind
    for key, values in (
        ("category", st.sampled_from(CATEGORIES)),
        ("severity", st.sampled_from(SEVERITIES)),
        ("message", st.sampled_from(MESSAGES)),
    ):
        # A new rule needs them all (and sometimes lacks one); a shipped one changes a few.
        wanted = draw(st.integers(0, 9)) > 0 if new else draw(st.integers(0, 3)) == 0
        if wanted:
            settings[key] = draw(values)
    names = KIND_OPTIONS[kind] if draw(st.integers(0, 9)) else tuple(OPTIONS)
    for name in draw(st.lists(st.sampled_from(names), max_size=3, unique=True)):
        settings[name] = draw(OPTIONS[name])
    if draw(st.integers(0, 5)) == 0:
        settings["enabled"] = draw(st.booleans())
    if draw(st.integers(0, 9)) == 0:
        settings["description"] = draw(st.text(max_size=10))
    if draw(st.integers(0, 9)) == 0:
        settings["examples"] = {"fail": draw(_strings(ARTICLE_WORDS)), "locale": "en-GB"}
    if draw(st.integers(0, 5)) == 0:
        option = draw(st.sampled_from([*KIND_OPTIONS[kind], "tokens", "speech_verbs"]))
        regexes = st.lists(_REGEX, min_size=1, max_size=2)
        items = regexes if option == "patterns" else _strings(ARTICLE_WORDS)
        settings["extend"] = {option: draw(items)}
    return settings


@st.composite
def _config_data(draw: st.DrawFn) -> dict[str, Any]:
    """A config as the schema allows it (whether or not its rules make sense)."""
    data: dict[str, Any] = {}
    if draw(st.integers(0, 3)) == 0:
        extends = st.sampled_from(EXTENDS)
        listed = st.lists(extends, min_size=1, max_size=3)
        data["extends"] = draw(extends | listed | listed.map(lambda names: ["default", *names]))
    if draw(st.booleans()):
        data["locale"] = draw(st.sampled_from(LOCALES))
    if draw(st.integers(0, 9)) == 0:
        data["max_file_size"] = draw(st.sampled_from(MAX_FILE_SIZES) | st.integers(1, 10**6))
    if draw(st.integers(0, 3)) == 0:
        data["proper_nouns"] = draw(_strings(("Pearl Harbor", "Starmet", "Google")))
    if draw(st.integers(0, 4)) == 0:
        data["entities"] = {}
        if draw(st.integers(0, 3)):
            data["entities"]["lexicon"] = draw(
                st.sampled_from(["names.yaml", "names.yaml", "missing.yaml", ".", "article.md"])
            )
        if draw(st.integers(0, 3)) == 0:
            data["entities"]["model"] = draw(
                st.sampled_from(["en_core_web_sm", "xx_missing", "blank:en", "."])
            )
    if draw(st.integers(0, 5)):
        ids = st.sampled_from(SHIPPED_RULES) | st.sampled_from(NEW_RULES)
        rules = {}
        for rule_id in draw(st.lists(ids, max_size=3, unique=True)):
            rules[rule_id] = draw(_rule(rule_id))
        data["rules"] = rules
    return data


def _paths(data: Any, where: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Where each value of a structure stands, as keys and indexes."""
    found = [where]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*where, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*where, index))
    return found


def _replace(data: Any, where: tuple[Any, ...], value: Any) -> Any:
    if not where:
        return value
    head, rest = where[0], where[1:]
    if isinstance(data, dict):
        return {**data, head: _replace(data[head], rest, value)}
    return [_replace(item, rest, value) if i == head else item for i, item in enumerate(data)]


@st.composite
def _mistaken(draw: st.DrawFn, data: dict[str, Any]) -> Any:
    """The structure with one mistake a person makes: a value of the wrong type, an unknown
    key, a rule id out of pattern, a key dropped, `null`, an empty rule `{}`."""
    where = draw(st.sampled_from(_paths(data)))
    kind = draw(st.integers(0, 5))
    if kind <= 1:
        return _replace(data, where, draw(ANYTHING))
    if kind == 2:
        return _replace(data, where, None)
    target = data
    for part in where:
        target = target[part]
    if kind == 3 and isinstance(target, dict):
        key = draw(st.sampled_from(["unknown", "Kind", "rule", "extend", "enabled", ""]))
        return _replace(data, where, {**target, key: draw(ANYTHING)})
    if kind == 4 and isinstance(target, dict) and target:
        dropped = draw(st.sampled_from(sorted(target, key=str)))
        return _replace(data, where, {k: v for k, v in target.items() if k != dropped})
    rules = data.get("rules")
    rules = rules if isinstance(rules, dict) else {}
    bad_id = draw(st.sampled_from(BAD_RULE_IDS) | st.sampled_from(NEW_RULES) | st.text(max_size=8))
    return {**data, "rules": {**rules, bad_id: draw(st.sampled_from([{}, None, "off", []]))}}


SNIPPETS = (
    "[", "{", "]", "}", ": :", "\t", "- - -", "*undefined", "&a", "!!python/object:os.system",
    "%YAML 1.1", "---", "...", "? ", "|", ">", "'", '"', "\\", "#", "@", "`", "!!binary x",
    "!!int abc", "!!float x", "!!timestamp 2024-13-45", "!!omap [a]", "<<: *a", "\x07", "\x1b",
    "\x7f", "\x85", "\u2028", "\x00", "\ufeff", "\ud7ff",
    "\U0001f600", "e\u0301", "\r", "\r\n", "rules: {house/x: {}}", "rules:\n  house/x: {}",
)  # fmt: skip
ANCHORED = (
    "proper_nouns: &n [Pearl Harbor, Starmet]\nrules:\n  house/x:\n    kind: existence\n"
    "    category: style\n    severity: warning\n    message: '{text}'\n    tokens: *n\n",
    "base: &b {kind: existence, category: style, severity: info, message: m, tokens: [TK]}\n",
    "rules:\n  house/x: &r {kind: existence, category: style, severity: info, message: m, "
    "tokens: [TK]}\n  house/y: *r\n",
    "rules:\n  house/x:\n    <<: &r {kind: existence, category: style}\n    severity: info\n"
    "    message: m\n    tokens: [TK]\n",
    "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nproper_nouns: [*c, *c]\n",
    "rules: &r\n  house/x: *r\n",
)
CONFIG_ENCODINGS = ("utf-8",) * 12 + ("utf-8-sig", "utf-16", "latin-1")


@st.composite
def _corrupted(draw: st.DrawFn, text: str) -> str:
    for _ in range(draw(st.integers(1, 2))):
        lines = text.split("\n")
        at = draw(st.integers(0, len(lines)))
        kind = draw(st.integers(3, 10))
        if kind == 3:
            column = draw(st.integers(0, max(0, len(lines[at - 1]) if at else 0)))
            line = lines[at - 1] if at else ""
            snippet = draw(st.sampled_from(SNIPPETS))
            if at:
                lines[at - 1] = line[:column] + snippet + line[column:]
            else:
                lines.insert(0, snippet)
        elif kind == 4:
            lines = lines[:at]  # truncated
        elif kind == 5 and lines:
            lines.insert(at, lines[max(0, at - 1)])  # a line twice: duplicate keys
        elif kind == 6:
            lines.insert(at, draw(st.sampled_from(ANCHORED)))
        elif kind == 7:
            depth = draw(st.sampled_from([5, 50, 200, 1000, 5000]))
            opening, closing = draw(st.sampled_from([("[", "]"), ("{a: ", "}"), ("- ", "")]))
            nest = opening * depth + "x" + closing * depth
            lines.insert(at, f"proper_nouns: {nest}" if opening != "- " else nest)
        elif kind == 8:
            lines.insert(at, draw(st.text(UNICODE, max_size=30)))
        elif kind == 9:
            big = draw(st.sampled_from(["9" * 400, "1e400", ".inf", "-.inf", ".nan", "0x7fffffff"]))
            key = draw(st.sampled_from(["max_words", "min_count", "ratio", "locale", "rules"]))
            lines.insert(at, f"{key}: {big}")
        else:
            ending = draw(st.sampled_from(["\r\n", "\r"]))
            return ending.join(lines)
        text = "\n".join(lines)
    return text


@st.composite
def config_texts(draw: st.DrawFn) -> str:
    """A `.copylint.yaml`: a structure the schema allows, now and then with a mistake in it,
    dumped in block or flow style, then now and then corrupted as text (broken syntax,
    anchors, duplicate keys, deep nesting, huge numbers, control characters, CR line ends),
    or random text outright."""
    if draw(st.integers(0, 29)) == 0:
        return draw(st.text(UNICODE, max_size=200))
    data = draw(_config_data())
    if draw(st.integers(0, 3)) == 0:
        data = draw(_mistaken(data))
    text = yaml.safe_dump(
        data,
        allow_unicode=draw(st.booleans()),
        default_flow_style=draw(st.sampled_from([False, False, None, True])),
        sort_keys=False,
        width=draw(st.sampled_from([80, 20, 10**6])),
    )
    if text.strip() in ("{}", "null", "null\n..."):
        text = ""
    return draw(_corrupted(text)) if draw(st.integers(0, 3)) == 0 else text


@dataclass(frozen=True)
class ConfigCase:
    """A house config with the files it may name beside it: another config it extends and a
    lexicon of names. `encoding` is how `text` is written (UTF-16 and Latin-1 are mistakes)."""

    text: str
    encoding: str = "utf-8"
    house: str | None = None  # house.yaml
    lexicon: str | None = None  # names.yaml
    discover: bool = False  # found as the nearest .copylint.yaml rather than named by --config
    article: str = ""  # the text checked, if not ARTICLE

    @property
    def config_files(self) -> list[str]:
        """The config and the files it names as configs or lexicons (the article too, if
        its `extends` or `lexicon` names it)."""
        said = self.text + (self.house or "")
        files = ("house.yaml", "names.yaml", "article.md")
        return [".copylint.yaml", *(name for name in files if name in said)]


def configs() -> st.SearchStrategy[ConfigCase]:
    return st.builds(
        ConfigCase,
        text=config_texts(),
        encoding=st.sampled_from(CONFIG_ENCODINGS),
        house=st.one_of(st.none(), st.none(), config_texts()),
        lexicon=st.one_of(
            st.none(), st.sampled_from(LEXICONS), st.sampled_from(LEXICONS), st.text(max_size=40)
        ),
        discover=st.booleans(),
        article=st.one_of(st.just(""), st.just(""), documents()),
    )


# The article every config is tried on: something for every rule to find, a name spelt once
# for the lexicon, a name beside a company's for spaCy, and web terms, placeholders, quotations.
ARTICLE = """\
---
title: Council colour row
---
# Council approves colour scheme

Share this article

ON NOW

Keir Starmer met Joe Biden. Starmer said the talks went well. Biden agreed with Starmet, and
Starmer left.

The organisation organized a programme at the theater; the color of the centre was grey and
gray, and her judgement was his judgment.

“We cannot keep cutting the services people rely on every day.”

Tim Koogle, who ran Google, met Google staff. Google said so. Zelenskyy spoke to Zelensky.
Send an e-mail via the web site. The minister, who is TK years old, resigned. Lorem ipsum.
"""


def write_config_case(case: ConfigCase, folder: Path) -> Path:
    config = folder / ".copylint.yaml"
    try:
        data = case.text.encode(case.encoding)
    except UnicodeEncodeError:  # Latin-1 cannot hold every character: then it is UTF-8
        data = case.text.encode("utf-8")
    config.write_bytes(data)
    if case.house is not None:
        (folder / "house.yaml").write_text(case.house, encoding="utf-8")
    if case.lexicon is not None:
        (folder / "names.yaml").write_text(case.lexicon, encoding="utf-8")
    (folder / "article.md").write_text(canonical(case.article or ARTICLE), encoding="utf-8")
    return config


# ---------------------------------------------------------------------------------------------
# The properties, as functions that raise PropertyFailure.


class PropertyFailure(AssertionError):
    """A property that did not hold. `signature` names the fault without the input's details,
    so that two inputs that show the same fault have the same signature."""

    def __init__(self, signature: str, detail: str = "") -> None:
        super().__init__(f"{signature}\n{detail}".rstrip())
        self.signature, self.detail = signature, detail


def _where(error: BaseException) -> str:
    """The innermost frame in copylint's own code that an exception went through."""
    frames = [
        frame
        for frame in traceback.extract_tb(error.__traceback__)
        if f"{os.sep}copylint{os.sep}" in frame.filename and "tests" not in frame.filename
    ]
    if not frames:
        return "outside copylint"
    frame = frames[-1]
    return f"{Path(frame.filename).name}:{frame.lineno} in {frame.name}"


def _crash(what: str, error: BaseException) -> PropertyFailure:
    trace = "".join(traceback.format_exception(error))
    return PropertyFailure(f"{what}: {type(error).__name__} at {_where(error)}", trace)


def _library(what: str, function: Callable[..., T], *args: Any) -> T:
    """`function(*args)`, an exception from it a failure: the library must not raise."""
    try:
        return function(*args)
    except Exception as error:
        raise _crash(what, error) from error


Key = tuple[str, int, int, int, int, str]  # rule, line, column, end line, end column, text


def _key(finding: dict[str, Any]) -> Key:
    return (
        finding["rule"],
        finding["line"],
        finding["column"],
        finding["end_line"],
        finding["end_column"],
        finding["text"],
    )


def check_positions(findings: Sequence[Key], data: bytes, how: str) -> None:
    """Every finding's `text` is the file's text at its place (README, "JSON output")."""
    lines = file_lines(data)
    for rule, line, column, end_line, end_column, text in findings:
        where = f"{line}:{column}-{end_line}:{end_column} ({how})"
        if not (1 <= line <= end_line <= len(lines)) or column < 1 or end_column < 1:
            raise PropertyFailure(f"{rule}: position outside the file", where)
        if column - 1 > len(lines[line - 1]) or end_column - 1 > len(lines[end_line - 1]):
            raise PropertyFailure(f"{rule}: column past the end of its line", where)
        if line == end_line:
            found = lines[line - 1][column - 1 : end_column - 1]
        else:
            # Over several lines, `text` holds LF line ends whatever the file's.
            first = lines[line - 1][column - 1 :]
            last = lines[end_line - 1][: end_column - 1]
            found = "\n".join([first, *lines[line : end_line - 1], last])
        if found != text:
            raise PropertyFailure(
                f"{rule}: text is not the file's text at its position",
                f"{where}: text {text!r}, file {found!r}",
            )


def check_invariant(by_variant: dict[Variant, list[Key]], how: str) -> None:
    """The same findings whatever the line ends and with or without a BOM."""
    base = by_variant[VARIANTS[0]]
    for variant, findings in by_variant.items():
        if findings != base:
            # Variants come LF, LF with a BOM, CRLF, …: a BOM variant gets here only when
            # the same line ends without a BOM agreed.
            axis = "a BOM" if variant[1] else "line ends"
            rules = sorted({k[0] for k in set(findings) ^ set(base)} or {"order"})
            only = sorted(set(findings) ^ set(base))[:4]
            raise PropertyFailure(
                f"{', '.join(rules)}: findings change with {axis}",
                f"{variant_name(variant, '')} vs LF ({how}): differ in {only}",
            )


def _prose(path: str, text: str) -> str:
    return Document(path, text).prose


def check_prose(text: str, suffix: str = ".md") -> None:
    """`Document.prose` keeps the text's length and its newlines, read as Markdown and plain."""
    for path in (f"doc{suffix}", "doc.txt" if suffix != ".txt" else "doc.md"):
        prose = _library(f"Document({path!r}).prose", _prose, path, text)
        if len(prose) != len(text):
            raise PropertyFailure(
                f"prose ({path}) has another length", f"{len(prose)} != {len(text)}"
            )
        newlines = [at for at, char in enumerate(text) if char == "\n"]
        in_prose = [at for at, char in enumerate(prose) if char == "\n"]
        if newlines != in_prose:
            raise PropertyFailure(f"prose ({path}) moves a newline", f"{newlines} != {in_prose}")


DOCUMENT_CONFIG = "locale: {locale}\nrules:\n  style/web-terms: {{enabled: true}}\n"


@cache
def _document_config(locale: str) -> Config:
    """The rules of DOCUMENT_CONFIG: the same for every example, so loaded once a process."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ".copylint.yaml"
        path.write_text(DOCUMENT_CONFIG.format(locale=locale), encoding="utf-8")
        return load_config(path)


def write_document_case(case: DocumentCase, folder: Path) -> dict[Variant, Path]:
    """The six files of a document, and the config (every rule on) found beside them."""
    text = canonical(case.text)
    (folder / ".copylint.yaml").write_text(
        DOCUMENT_CONFIG.format(locale=case.locale), encoding="utf-8"
    )
    paths = {}
    for variant in VARIANTS:
        paths[variant] = folder / variant_name(variant, case.suffix)
        paths[variant].write_bytes(encode(text, variant))
    return paths


def check_document_library(case: DocumentCase, folder: Path) -> dict[Variant, list[Key]]:
    """Through `read_document`, `Document` and `check_document`: no exception, positions
    right, the same findings for the six files and for a Document made from the text."""
    text = canonical(case.text)
    check_prose(text, case.suffix)
    rules = _library("load_config", _document_config, case.locale).rules
    paths = write_document_case(case, folder)
    by_variant: dict[Variant, list[Key]] = {}
    for variant, path in paths.items():
        doc = _library("read_document", read_document, str(path))
        if doc.text != text:
            raise PropertyFailure(
                "read_document changes the text", f"{variant}: {doc.text!r} != {text!r}"
            )
        reports = _library("check_document", check_document, doc, rules)
        findings = [_key(report.to_json()) for report in reports]
        check_positions(findings, path.read_bytes(), f"library, {variant_name(variant, '')}")
        by_variant[variant] = findings
    check_invariant(by_variant, "library")
    made = Document(f"doc{case.suffix}", text)
    direct = [_key(r.to_json()) for r in _library("Document", check_document, made, rules)]
    if direct != by_variant[VARIANTS[0]]:
        raise PropertyFailure("Document(path, text) and read_document disagree")
    return by_variant


def _no_crash_output(stderr: str, how: str) -> None:
    for bad in ("Traceback", "internal error"):
        if bad in stderr:
            match = re.search(r"internal error[^:]*: (\w+)", stderr)
            name = match[1] if match else bad
            raise PropertyFailure(f"{how}: {bad} ({name})", stderr.strip()[-2000:])


def _check_result(result: Result, how: str) -> None:
    """What CliRunner saw: an exception that escaped the program is a traceback."""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise _crash(f"{how}: exception escaped", result.exception)
    _no_crash_output(result.stderr, how)


def _parse_json(stdout: str, how: str) -> list[dict[str, Any]]:
    try:
        findings = json.loads(stdout)
    except ValueError as error:
        raise PropertyFailure(f"{how}: output is not JSON", f"{error}: {stdout[:500]!r}") from None
    if not isinstance(findings, list):
        raise PropertyFailure(f"{how}: JSON output is not a list", stdout[:500])
    return findings


def _check_findings_output(
    code: int,
    stdout: str,
    stderr: str,
    paths: dict[Variant, Path],
    how: str,
    data: dict[Variant, bytes] | None = None,
) -> dict[Variant, list[Key]]:
    """A document run: exit 0 or 1 (1 just when a finding is at least a warning), nothing on
    stderr, a JSON list sorted by path, line and column, positions right, invariant."""
    _no_crash_output(stderr, how)
    if code not in (0, 1):
        raise PropertyFailure(f"{how}: exit {code} for a document", stderr.strip()[:1000])
    findings = _parse_json(stdout, how)
    order = [(f["path"], f["line"], f["column"]) for f in findings]
    if order != sorted(order):
        raise PropertyFailure(f"{how}: JSON not sorted by path, line and column")
    failing = any(f["severity"] in ("warning", "error") for f in findings)
    if code != int(failing):
        raise PropertyFailure(f"{how}: exit {code} with findings failing: {failing}")
    by_path: dict[str, list[Key]] = {str(path): [] for path in paths.values()}
    for finding in findings:
        if finding["path"] not in by_path:
            raise PropertyFailure(f"{how}: a finding's path is not one given", finding["path"])
        by_path[finding["path"]].append(_key(finding))
    by_variant = {variant: by_path[str(path)] for variant, path in paths.items()}
    for variant, keys in by_variant.items():
        contents = data[variant] if data else paths[variant].read_bytes()
        check_positions(keys, contents, f"{how}, {variant_name(variant, '')}")
    if len(by_variant) == len(VARIANTS):
        check_invariant(by_variant, how)
    return by_variant


def run_cli(args: Sequence[str], stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=stdin)


def check_document_cli(
    case: DocumentCase, folder: Path, library: dict[Variant, list[Key]] | None = None
) -> None:
    """Through click's CliRunner: the six files in one run (their config found beside them),
    and one of them piped to stdin; the findings those of the library, when given."""
    paths = write_document_case(case, folder)
    result = run_cli(["check", "--format", "json", *map(str, paths.values())])
    _check_result(result, "cli")
    by_variant = _check_findings_output(
        result.exit_code, result.stdout, result.stderr, paths, "cli"
    )
    if library is not None and by_variant != library:
        differ = sorted(set(by_variant[VARIANTS[0]]) ^ set(library[VARIANTS[0]]))[:4]
        raise PropertyFailure("cli and library findings differ", str(differ))
    name = f"piped{case.suffix}"
    config = str(folder / ".copylint.yaml")
    args = ["check", "-", "--stdin-filename", name, "--config", config, "--format", "json"]
    piped = run_cli(args, stdin=paths[case.stdin].read_bytes())
    _check_result(piped, "cli stdin")
    stdin = {case.stdin: Path(name)}  # the findings are named as --stdin-filename says
    piped_data = paths[case.stdin].read_bytes()
    keys = _check_findings_output(
        piped.exit_code, piped.stdout, piped.stderr, stdin, "cli stdin", {case.stdin: piped_data}
    )[case.stdin]
    if keys != by_variant[case.stdin]:
        raise PropertyFailure("stdin and file findings differ", variant_name(case.stdin, ""))


def _check_config_error(stderr: str, folder: Path, case: ConfigCase, how: str) -> None:
    """Exit 2 for a config: one line, naming the config, a file it names, or the article it
    refuses (over its size limit), after any warnings of the config; no crash."""
    _no_crash_output(stderr, how)
    *warnings, error = stderr.split("\n")[:-1] or [""]
    if not stderr.endswith("\n") or not all(_is_warning(line) for line in warnings):
        raise PropertyFailure(f"{how}: exit 2 without exactly one error line", repr(stderr))
    named = [*case.config_files, "article.md"]
    if not any(str(folder / name) in error for name in named):
        raise PropertyFailure(f"{how}: the error names no config file or article", error)


def _is_warning(line: str) -> bool:
    return line.startswith("copylint: warning: ")


def check_config_library(case: ConfigCase, folder: Path) -> None:
    """`load_config` returns a Config or raises one CopylintError of one line naming a file;
    the rules it builds check the article without an exception."""
    config = write_config_case(case, folder)
    try:
        loaded = load_config(config)
    except CopylintError as error:
        _check_config_error(f"copylint: {error}\n", folder, case, "load_config")
        return
    except Exception as error:
        raise _crash("load_config", error) from error
    article = folder / "article.md"
    doc = Document(str(article), canonical(case.article or ARTICLE))
    try:
        reports = check_document(doc, loaded.rules)
    except CopylintError as error:  # spaCy missing, say: still one line
        _check_config_error(f"copylint: {error}\n", folder, case, "check_document")
        return
    except Exception as error:
        raise _crash("check_document with a config", error) from error
    keys = [_key(report.to_json()) for report in reports]
    check_positions(keys, article.read_bytes(), "library, house rules")


def check_config_cli(case: ConfigCase, folder: Path) -> None:
    """Through CliRunner: exit 0 or 1 with a JSON list, or 2 with one line naming a file."""
    config = write_config_case(case, folder)
    article = str(folder / "article.md")
    args = ["check", "--format", "json", article]
    result = run_cli(args if case.discover else [*args, "--config", str(config)])
    _check_result(result, "cli config")
    _check_config_outcome(result.exit_code, result.stdout, result.stderr, folder, case, "cli")


def _check_config_outcome(
    code: int, stdout: str, stderr: str, folder: Path, case: ConfigCase, how: str
) -> None:
    if code == 2:
        _check_config_error(stderr, folder, case, how)
    elif code in (0, 1):
        _no_crash_output(stderr, how)
        keys = [_key(finding) for finding in _parse_json(stdout, how)]
        check_positions(keys, (folder / "article.md").read_bytes(), f"{how}, house rules")
    else:
        raise PropertyFailure(f"{how}: exit {code} for a config", stderr.strip()[:1000])


def _subprocess(
    args: Sequence[str], cwd: Path, stdin: bytes = b""
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    environment.pop("COPYLINT_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "copylint", *args],
        cwd=cwd,
        input=stdin.decode("utf-8", "surrogateescape"),
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        timeout=120,
        check=False,
    )


def check_document_subprocess(case: DocumentCase, folder: Path) -> None:
    paths = write_document_case(case, folder)
    done = _subprocess(["check", "--format", "json", *map(str, paths.values())], folder)
    _check_findings_output(done.returncode, done.stdout, done.stderr, paths, "python -m copylint")


def check_config_subprocess(case: ConfigCase, folder: Path) -> None:
    config = write_config_case(case, folder)
    args = ["check", "--format", "json", "article.md"]
    done = _subprocess(args if case.discover else [*args, "--config", str(config)], folder)
    _check_config_outcome(
        done.returncode, done.stdout, done.stderr, folder, case, "python -m copylint"
    )


def document_properties(case: DocumentCase) -> None:
    """Every document property, library and CliRunner, in a fresh folder (the benchmark's)."""
    with tempfile.TemporaryDirectory() as folder:
        library = check_document_library(case, Path(folder))
        check_document_cli(case, Path(folder), library)


def config_properties(case: ConfigCase) -> None:
    """Every config property, library and CliRunner, in a fresh folder (the benchmark's)."""
    with tempfile.TemporaryDirectory() as folder:
        check_config_library(case, Path(folder))
    with tempfile.TemporaryDirectory() as folder:
        check_config_cli(case, Path(folder))


def fresh_folder() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="copylint-fuzz-")


# ---------------------------------------------------------------------------------------------
# The tests.


@fuzz_settings(share=2.0)
@given(text=documents(), suffix=st.sampled_from(SUFFIXES))
def test_prose_keeps_length_and_newlines(text: str, suffix: str) -> None:
    check_prose(canonical(text), suffix)


@fuzz_settings(share=2.0)
@given(text=st.text(UNICODE, max_size=200))
def test_prose_keeps_length_and_newlines_of_any_text(text: str) -> None:
    check_prose(canonical(text), ".md")


@fuzz_settings()
@given(case=document_cases())
def test_documents_through_the_library(case: DocumentCase) -> None:
    with fresh_folder() as folder:
        check_document_library(case, Path(folder))


@fuzz_settings()
@given(case=document_cases())
def test_documents_through_the_cli(case: DocumentCase) -> None:
    with fresh_folder() as folder:
        library = check_document_library(case, Path(folder))
    with fresh_folder() as folder:
        check_document_cli(case, Path(folder), library)


@fuzz_settings(share=0.1)
@given(case=document_cases())
def test_documents_through_python_m_copylint(case: DocumentCase) -> None:
    with fresh_folder() as folder:
        check_document_subprocess(case, Path(folder))


@fuzz_settings(share=2.0)
@given(case=configs())
def test_configs_through_the_library(case: ConfigCase) -> None:
    with fresh_folder() as folder:
        check_config_library(case, Path(folder))


@fuzz_settings(share=2.0)
@given(case=configs())
def test_configs_through_the_cli(case: ConfigCase) -> None:
    with fresh_folder() as folder:
        check_config_cli(case, Path(folder))


@fuzz_settings(share=0.1)
@given(case=configs())
def test_configs_through_python_m_copylint(case: ConfigCase) -> None:
    with fresh_folder() as folder:
        check_config_subprocess(case, Path(folder))


# Known shapes, pinned: each ran through the same properties on every run.
@pytest.mark.parametrize(
    "text",
    [
        "",
        "\ufeff",
        "\r\n\r\r\n",
        "“Starmet”\r\rStarmer Starmer\r",
        "---\ntitle: x\n---\ncolour\n",
        "```\ncolor\n",
        "e\u0301 colour 😀 color\u2028color\x85colour",
        "{{ x({a: {b: 1}}) }} colour {{",
        "<t>\n{{}}<![<",  # HTML whose only text is a template: nothing shown (the long run's)
    ],
)
def test_known_documents(text: str) -> None:
    for locale in ("en-US", "en-GB"):
        document_properties(DocumentCase(text, ".md", locale, ("CR", True)))
        document_properties(DocumentCase(text, ".txt", locale, ("CRLF", False)))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "rules: {house/x: {}}\n",
        "rules: {house/x: {kind: existence, category: style, severity: info, message: '{}',"
        " tokens: [TK]}}\n",
        "rules:\n  house/x: &r {kind: existence}\n  house/y: *r\n",
        "locale: [\n",
        "rules: null\n",
    ],
)
def test_known_configs(text: str) -> None:
    config_properties(ConfigCase(text))
