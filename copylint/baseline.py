"""A baseline: the findings an old archive already has, so that only new ones are reported.

`copylint check --write-baseline FILE` records each finding by its file, its rule and a
fingerprint of the flagged text and its neighbourhood (up to 30 characters either side, on its
line, white space collapsed): an edit elsewhere in the file, lines added above it, leave the
fingerprint as it was. `--baseline FILE` then drops the findings it records, as many times as
it records them, and says how many of its findings are gone, so the baseline can shrink.
Paths are kept relative to the baseline's folder, with forward slashes, so a baseline committed
to an articles repository works from any clone.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from copylint.errors import ConfigError
from copylint.finding import Report
from copylint.text.document import Document

FORMAT = "copylint-baseline/1"
_AROUND = 30

Key = tuple[str, str, str]  # path, rule, fingerprint


def fingerprint(doc: Document, report: Report) -> str:
    """What identifies a finding in its file whatever happens around it."""
    finding = report.finding
    line_start = doc.text.rfind("\n", 0, finding.start) + 1
    line_end = doc.text.find("\n", finding.end)
    line_end = len(doc.text) if line_end < 0 else line_end
    before = doc.text[max(line_start, finding.start - _AROUND) : finding.start]
    after = doc.text[finding.end : min(line_end, finding.end + _AROUND)]
    context = " ".join(f"{before}\u241f{report.text}\u241f{after}".split())
    import hashlib  # only a baseline asks; `copylint.digests` says why not at the top

    return hashlib.sha256(f"{finding.rule}\0{context}".encode()).hexdigest()[:20]


class Recorded(NamedTuple):
    report: Report
    fingerprint: str


def relative(path: str, baseline: Path) -> str:
    """A finding's path as the baseline records it."""
    if path.startswith("<") or path == "-":
        return path
    folder = os.path.abspath(baseline.parent if str(baseline.parent) else ".")
    return Path(os.path.relpath(os.path.abspath(path), folder)).as_posix()


def write_baseline(baseline: Path, recorded: Sequence[Recorded]) -> None:
    from copylint.acceptance import write_atomically

    entries = sorted(
        (
            {
                "path": relative(item.report.path, baseline),
                "rule": item.report.finding.rule,
                "fingerprint": item.fingerprint,
                "line": item.report.line,
                "text": item.report.text,
            }
            for item in recorded
        ),
        key=lambda entry: (entry["path"], entry["line"], entry["rule"], entry["fingerprint"]),
    )
    text = json.dumps({"format": FORMAT, "findings": entries}, ensure_ascii=False, indent=1)
    write_atomically(baseline, (text + "\n").encode("utf-8"))


def read_baseline(baseline: Path) -> Counter[Key]:
    """The findings a baseline records, each as often as it records it."""
    try:
        data = json.loads(baseline.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} file")
        return Counter(
            (str(entry["path"]), str(entry["rule"]), str(entry["fingerprint"]))
            for entry in data["findings"]
        )
    except FileNotFoundError:
        raise ConfigError(str(baseline), 1, 1, "no such baseline file") from None
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as error:
        problem = f"not a copylint baseline ({error})" if str(error) else "not a copylint baseline"
        raise ConfigError(str(baseline), 1, 1, problem) from None


def new_findings(
    recorded: Iterable[Recorded], known: Counter[Key], baseline: Path, checked: Iterable[str]
) -> tuple[list[Report], int]:
    """The findings the baseline does not record, and how many of the findings it records for
    the files checked are gone."""
    left = Counter(known)
    new = []
    for item in recorded:
        key = (relative(item.report.path, baseline), item.report.finding.rule, item.fingerprint)
        if left[key] > 0:
            left[key] -= 1
        else:
            new.append(item.report)
    seen = {relative(path, baseline) for path in checked}
    fixed = sum(count for (path, _, _), count in left.items() if path in seen and count > 0)
    return new, fixed
