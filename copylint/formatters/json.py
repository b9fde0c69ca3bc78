"""`--format json`: the JSON contract of DESIGN.md, one array, validated by the shipped schema."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from copylint.formatters.printable import json_safe

if TYPE_CHECKING:
    from copylint.finding import Report, RuleInfo, RunStats


# One encoder for every finding: json.dumps with an option builds a new one each call.
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def render(
    reports: Sequence[Report],
    rules: Sequence[RuleInfo],
    *,
    color: bool,
    stats: RunStats | None = None,
) -> str:
    """One finding a line: readable, diffable, and written by the C encoder (an indented dump
    runs in Python, several times slower on a run with thousands of findings). Unicode stays
    readable: editors and scripts decode UTF-8, and newsroom names are not ASCII."""
    if not reports:
        return "[]\n"
    lines = (json_safe(_ENCODER.encode(report.to_json())) for report in reports)
    return "[\n" + ",\n".join(lines) + "\n]\n"
