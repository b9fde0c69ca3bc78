"""What the scripts that read Debian's SCOWL lists share."""

from __future__ import annotations

import gzip
from pathlib import Path


def scowl_version(doc_dir: Path) -> str:
    """Upstream version from the README, Debian version from the changelog, when present."""
    upstream = debian = "unknown"
    readme, changelog = doc_dir / "README.gz", doc_dir / "changelog.Debian.gz"
    if readme.exists():
        with gzip.open(readme, "rt", encoding="utf-8", errors="replace") as lines:
            upstream = next((line.split()[1] for line in lines if line.startswith("Version ")), "?")
    if changelog.exists():
        with gzip.open(changelog, "rt", encoding="utf-8", errors="replace") as lines:
            first = lines.readline()
        if "(" in first:
            debian = first.split("(", 1)[1].split(")", 1)[0]
    return f"SCOWL {upstream} (Debian package scowl {debian})"
