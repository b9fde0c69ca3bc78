"""MDX pages: Markdown with JavaScript in it, whose statements, expressions and components'
tags are set aside as templates are, so that only the copy is read."""

from __future__ import annotations

from pathlib import Path

from copylint.config import load_config
from copylint.engine import check_document
from copylint.text.document import Document
from copylint.text.sources import discover

PAGE = """\
---
title: "Hate crimes in Berkeley"
---
import Chart from '../components/Chart'
export const meta = {
  author: 'Jane'
}

<p>
  {" "}
  A lot of things happend.{" "}
  "We saw it," she said.
</p>

<Chart data={[1, 2, 3]} caption="Hate crimes by year" />

Prose with an {/* editor's note */} expression and {props.count} items.
export market grew, and
import duties rose.

<Note kind={a > b ? "x" : "y"}>
  A note with a {// a line comment
  } comment in it.
</Note>

```js
const x = {a: 1}
```
"""


def copy_of(doc: Document) -> list[str]:
    return [" ".join(doc.prose[b.start : b.end].split()) for b in doc.prose_blocks]


def test_only_the_copy_of_an_mdx_page_is_prose() -> None:
    assert copy_of(Document("page.mdx", PAGE)) == [
        "Hate crimes in Berkeley",
        'A lot of things happend. "We saw it," she said.',
        "Prose with an expression and items. export market grew, and import duties rose.",
        "A note with a comment in it.",
    ]


def test_the_same_text_as_markdown_keeps_its_braces() -> None:
    """Outside MDX, a brace is text (a template's `{{` aside): a `.md` page is read as before."""
    assert "Prose with an {/* editor's note */} expression" in Document("page.md", PAGE).prose


def test_an_mdx_page_is_checked_where_its_copy_stands() -> None:
    rules = load_config(None, "en-US").rules
    found = [
        (r.finding.rule, r.line, r.column, r.text)
        for r in check_document(Document("page.mdx", PAGE), rules)
    ]
    # The spacers' marks ({" "}) open no quotation; the typo is found at its place.
    assert found == [("spelling/typo", 11, 19, "happend")]


def test_a_folder_s_mdx_pages_are_articles(tmp_path: Path) -> None:
    (tmp_path / "a.mdx").write_text(PAGE, "utf-8")
    (tmp_path / "b.js").write_text("export const x = 1\n", "utf-8")
    assert [Path(path).name for path in discover([str(tmp_path)])] == ["a.mdx"]
