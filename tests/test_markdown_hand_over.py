"""A long Markdown text's blocks handed to the reader as they are parsed, and dropped: the same
reading as the whole parse, with far fewer tokens held at once."""

from __future__ import annotations

from typing import Any

import pytest

from copylint.text import markdown

# Every kind of block, at the top level and inside containers, with a link and a footnote used
# before they are defined and a task box in a list.
RICH = """\
---
title: A long post
---

# Council votes on [the plan][plan][^1]

Councillors met on *Tuesday*, and read [the report][report] before voting.

| Ward | Votes |
|------|-------|
| North | 12 \\| 3 |
| South | [seven][report] |

> A quotation with [a link][plan] in it,
> over two lines.

- [x] a task done
- [ ] a task to do, citing [the plan][plan]
  1. a nested item
  2. another

Term
: its definition, with [a link](https://example.com/a)

<div class="aside">
<p>An aside in <em>HTML</em>.</p>
</div>

```python
print("code is not prose")
```

---

Setext heading
==============

{{< figure src="a.jpg" >}}

A closing paragraph.[^1]

[plan]: https://example.com/plan "The plan"
[report]: <https://example.com/report>
[^1]: The footnote, with [a link][plan].
"""


@pytest.mark.parametrize("hand_over", [1, 2, 7])
def test_a_text_handed_over_a_few_blocks_at_a_time_reads_as_the_whole_parse(
    monkeypatch: pytest.MonkeyPatch, hand_over: int
) -> None:
    text = RICH * 3
    whole = markdown.read_markdown(text)
    monkeypatch.setattr(markdown, "HAND_OVER", hand_over)
    monkeypatch.setattr(markdown, "HANDED_OVER", 0)
    assert markdown.read_markdown(text) == whole


def test_a_link_used_before_its_definition_is_read_as_a_link_when_handed_over_early(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(markdown, "HAND_OVER", 1)
    monkeypatch.setattr(markdown, "HANDED_OVER", 0)
    text = "See [the report][r] now.\n\nSecond paragraph.\n\n[r]: https://example.com/r\n"
    reading = markdown.read_markdown(text)
    assert reading.prose == ("See  the report     now.\n\nSecond paragraph.\n\n" + " " * 26 + "\n")
    [first, second] = reading.blocks
    assert (first.start, first.end, second.start, second.end) == (0, 24, 26, 43)
    assert [(link.start, link.end, link.href) for link in first.links] == [
        (5, 15, "https://example.com/r")
    ]


def test_the_reader_never_holds_much_more_than_hand_over_tokens(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 600 small tables of 22 tokens each, handed over once 50 tokens are made.
    text = "| a | b |\n|---|---|\n| c | d |\n\n" * 600
    held: list[int] = []
    read = markdown._Walk.read

    def noting_read(walk: markdown._Walk, tokens: list[Any], parsed: bool) -> None:
        held.append(len(tokens))
        read(walk, tokens, parsed)

    monkeypatch.setattr(markdown, "HAND_OVER", 50)
    monkeypatch.setattr(markdown, "HANDED_OVER", 0)
    monkeypatch.setattr(markdown._Walk, "read", noting_read)
    reading = markdown.read_markdown(text)
    assert sum(held) == 600 * 22
    assert held == [66] * 200  # three tables a time: the first block to reach 50
    assert reading.prose.split() == ["a", "b", "c", "d"] * 600
