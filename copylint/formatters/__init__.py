"""Output formats, one module each; `FORMATTERS` is the only list of them.

Every formatter returns exactly what goes to stdout: complete lines, each ending in a newline,
or an empty string when there is nothing to print. The caller writes it as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from copylint.formatters import github, json, sarif, text

if TYPE_CHECKING:
    from copylint.finding import Report, RuleInfo, RunStats


class Formatter(Protocol):
    def __call__(
        self,
        reports: Sequence[Report],
        rules: Sequence[RuleInfo],
        *,
        color: bool,
        stats: RunStats | None = None,
    ) -> str:
        """Render `reports` (sorted by path, line, column) found by `rules` (the rules that ran);
        `stats` says how many files were checked and refused, where a format has room."""
        ...


FORMATTERS: dict[str, Formatter] = {
    "text": text.render,
    "json": json.render,
    "sarif": sarif.render,
    "github": github.render,
}

__all__ = ["FORMATTERS", "Formatter"]
