"""`--format json`: the JSON contract of DESIGN.md, one array, validated by the shipped schema."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from copylint.checks.base import Rule
    from copylint.finding import Report


def render(reports: Sequence[Report], rules: Sequence[Rule], *, color: bool) -> str:
    # Unicode stays readable: editors and scripts decode UTF-8, and newsroom names are not ASCII.
    return json.dumps([report.to_json() for report in reports], ensure_ascii=False, indent=2) + "\n"
