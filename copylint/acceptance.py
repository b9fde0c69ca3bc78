"""What a house accepts: words, names and phrases a rule must never flag.

    accept:
      entity/near-miss: [Frederico]       # a columnist one slip from a minister
      spelling: [programme]               # a whole category
      "*": ['/Kyiv Independent.*/']       # every rule; a regex between slashes

A finding is dropped when its text is an accepted string, or an accepted regex matches all of
it. Lists from the files a config extends are added together.
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from copylint.finding import Report
from copylint.patterns import Pattern, compile_pattern

EVERY_RULE = "*"


class Accepted(NamedTuple):
    code: str  # a rule id, a category, or "*"
    text: str
    pattern: Pattern | None  # for `/regex/`

    def covers(self, report: Report) -> bool:
        rule = report.finding.rule
        if self.code != EVERY_RULE and rule != self.code and not rule.startswith(self.code + "/"):
            return False
        if self.pattern is None:
            return report.text == self.text
        return self.pattern.search(report.text) == (0, len(report.text))


def accepted(lists: Mapping[str, Sequence[str]]) -> tuple[Accepted, ...]:
    """The accept lists of a config, each regex compiled (`PatternError` if one is bad)."""
    return tuple(
        Accepted(code, text, _regex(text)) for code, texts in lists.items() for text in texts
    )


def _regex(text: str) -> Pattern | None:
    if len(text) > 2 and text.startswith("/") and text.endswith("/"):
        return compile_pattern(rf"\A(?:{text[1:-1]})\Z")
    return None


def add_accepted(config: Path, entries: Mapping[str, Iterable[str]]) -> int:
    """Add `entries` (rule id or category: texts) to the accept lists of the config at
    `config`, keeping its comments and layout, creating it if there is none; returns how many
    were new. The file is written whole or not at all."""
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    text = config.read_text(encoding="utf-8") if config.exists() else ""
    data = yaml.load(text) if text.strip() else None
    if data is None:
        data = {}
    lists = data.setdefault("accept", {})
    added = 0
    for code, texts in entries.items():
        listed = lists.setdefault(code, [])
        for item in texts:
            if item not in listed:
                listed.append(item)
                added += 1
    if added:
        buffer = io.StringIO()
        yaml.dump(data, buffer)
        write_atomically(config, buffer.getvalue().encode("utf-8"))
    return added


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then rename it over `path`: a reader
    sees the old file or the new one, never half of either."""
    import tempfile  # only when writing: a check never pays for it

    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        if path.exists():
            os.chmod(temporary, stat.S_IMODE(path.stat().st_mode))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def drop_accepted(reports: Iterable[Report], accepts: Sequence[Accepted]) -> list[Report]:
    if not accepts:
        return list(reports)
    return [report for report in reports if not any(a.covers(report) for a in accepts)]
