"""Results kept between runs, so that a re-run on unchanged articles runs no rule.

A result is kept under a key made of everything it depends on: copylint's version, the
config's fingerprint (every file it applied, the locale, the lexicon), the rules selected,
whether unused suppressions are reported, the file's suffix and its bytes. An edit to any of
them makes a new key, so a kept result is never stale; one that cannot be read (a crash
mid-write, another version's layout, a hand edit) is taken as missing, never trusted. Results
are files in `.copylint_cache/` of the folder copylint runs in (`COPYLINT_CACHE_DIR` moves it),
written whole or not at all, so two runs at once (pre-commit's) do not clash. The entity
rule's recogniser keeps its answers there too, by the sentence it read (`ner/`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from copylint import __version__
from copylint.digests import hex_digest
from copylint.finding import Applicability, Edit, Finding, Fix, Report, Severity

LAYOUT = "1"
DEFAULT_FOLDER = ".copylint_cache"


def default_folder() -> Path:
    return Path(os.environ.get("COPYLINT_CACHE_DIR") or DEFAULT_FOLDER)


def prepare(folder: Path) -> None:
    """The cache folder made, if it is not there, with a .gitignore: nothing in it belongs in
    a repository. OSError if it cannot be."""
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        (folder / ".gitignore").write_text("*\n", encoding="utf-8")


@dataclass(eq=False, repr=False)
class ResultCache:
    folder: Path

    def key(self, data: bytes, path: str, config: str, rules: Sequence[str], flags: str) -> str:
        suffix = os.path.splitext(path)[1].lower()
        return hex_digest(__version__, config, "\0".join(rules), flags, suffix, data=data)

    def get(self, key: str, path: str) -> list[Report] | None:
        try:
            stored = json.loads(self._file(key).read_text(encoding="utf-8"))
            if stored.get("copylint") != __version__:
                return None
            return [_report(path, item) for item in stored["findings"]]
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
            return None

    def put(self, key: str, reports: Sequence[Report]) -> None:
        from copylint.acceptance import write_atomically

        stored = {"copylint": __version__, "findings": [_stored(r) for r in reports]}
        target = self._file(key)
        try:
            prepare(self.folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(target, json.dumps(stored, ensure_ascii=False).encode("utf-8"))
        except OSError:
            pass  # a cache that cannot be written only makes the next run slower

    def _file(self, key: str) -> Path:
        return self.folder / f"v{LAYOUT}" / key[:2] / f"{key[2:]}.json"


def _stored(report: Report) -> dict[str, Any]:
    finding = report.finding
    fix = finding.fix
    return {
        "rule": finding.rule,
        "category": finding.category,
        "severity": finding.severity.value,
        "message": finding.message,
        "span": [finding.start, finding.end],
        "suggestions": list(finding.suggestions),
        "fix": None
        if fix is None
        else [fix.applicability.value, [[e.start, e.end, e.text] for e in fix.edits]],
        "at": [report.line, report.column, report.end_line, report.end_column],
        "text": report.text,
        "edits": [list(edit) for edit in report.edits],
    }


def _report(path: str, item: dict[str, Any]) -> Report:
    fix = None
    if item["fix"] is not None:
        applicability, edits = item["fix"]
        made = tuple(Edit(int(a), int(b), str(text)) for a, b, text in edits)
        fix = Fix(Applicability(applicability), made)
    start, end = item["span"]
    finding = Finding(
        rule=str(item["rule"]),
        category=str(item["category"]),
        severity=Severity(item["severity"]),
        message=str(item["message"]),
        start=int(start),
        end=int(end),
        suggestions=tuple(str(s) for s in item["suggestions"]),
        fix=fix,
    )
    line, column, end_line, end_column = (int(n) for n in item["at"])
    edits = tuple((int(a), int(b), int(c), int(d), str(text)) for a, b, c, d, text in item["edits"])
    return Report(path, line, column, end_line, end_column, str(item["text"]), finding, edits)
