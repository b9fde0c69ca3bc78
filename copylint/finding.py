"""What a rule reports, and the same finding placed in a file for the formatters."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any, NamedTuple


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def _by_fields(self: Any) -> tuple[type, tuple[object, ...]]:
    """How a slotted dataclass below is pickled: its class and its fields in order, where
    `dataclasses` would pickle a dict of them per object, twice as slow. A copy of the process
    or a worker may send back tens of thousands of findings (75,000 took 0.9 s to pickle)."""
    return type(self), tuple(getattr(self, name) for name in self.__slots__)


class RuleInfo(NamedTuple):
    """What an output format may say of a rule: its metadata, not the rule that ran."""

    id: str
    category: str
    severity: Severity
    message: str
    description: str = ""
    pack: str = ""


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text from `start` to `end` (offsets into `Document.text`) with `text`."""

    start: int
    end: int
    text: str

    __reduce__ = _by_fields


class Applicability(str, Enum):
    """Whether a fix may be applied without a person reading it (ruff's distinction): a safe
    fix never changes what the copy says (a house spelling, a line of web chrome deleted); an
    unsafe one might (a name put right that was another name)."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, slots=True)
class Fix:
    applicability: Applicability
    edits: tuple[Edit, ...]

    __reduce__ = _by_fields


@dataclass(frozen=True, slots=True)
class Finding:
    """One fault a rule saw, as offsets into `Document.text` (lines are the Document's job)."""

    rule: str
    category: str
    severity: Severity
    message: str
    start: int
    end: int
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None

    __reduce__ = _by_fields


@dataclass(frozen=True, slots=True)
class Report:
    """A finding placed in its file: 1-based lines, code-point columns, end column exclusive."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    finding: Finding
    # The fix's edits placed in the file: (line, column, end line, end column, new text).
    edits: tuple[tuple[int, int, int, int, str], ...] = ()

    __reduce__ = _by_fields

    def to_json(self) -> dict[str, object]:
        """The fields of the JSON contract (DESIGN.md), in its order; `fix` only where there
        is one."""
        f = self.finding
        found: dict[str, object] = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": f.rule,
            "category": f.category,
            "severity": f.severity.value,
            "message": f.message,
            "text": self.text,
            "suggestions": list(f.suggestions),
        }
        if f.fix is not None:
            found["fix"] = {
                "applicability": f.fix.applicability.value,
                "edits": [
                    {"line": a, "column": b, "end_line": c, "end_column": d, "text": text}
                    for a, b, c, d, text in self.edits
                ],
            }
        return found


class RunStats(NamedTuple):
    """How a run went, for a summary: files checked, and files refused (unreadable, too big)."""

    checked: int
    refused: int = 0
