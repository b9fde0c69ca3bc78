"""The shipped rule packs, pre-built: `rules/packs.json` holds each pack as its YAML parses,
with a digest of that YAML, so a run on the shipped packs reads one JSON file and never
imports PyYAML. A pack whose YAML has changed since (edited in place) is read from the YAML.
`python scripts/build_packs.py` writes the file; tests/test_packs.py checks it is current."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from copylint.digests import hex_digest
from copylint.yamlfile import YamlFile, load_yaml

BUILT_NAME = "packs.json"


def read_pack(path: Path) -> YamlFile:
    """A shipped pack, from its pre-built form where that is of the same YAML."""
    entry = _built(path.parent).get(path.stem)
    if entry is not None and entry.get("blake2b") == _digest(path):
        return YamlFile(str(path), entry["data"])
    return load_yaml(path)


def build(packs: dict[str, Path]) -> dict[str, Any]:
    """The pre-built form of `packs` (name to YAML file)."""
    return {
        name: {"blake2b": _digest(path), "data": load_yaml(path).data}
        for name, path in sorted(packs.items())
    }


def built_file(folder: Path) -> Path:
    return folder / BUILT_NAME


@cache
def _built(folder: Path) -> dict[str, Any]:
    try:
        data = json.loads(built_file(folder).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # missing or unreadable: every pack is read from its YAML
    return data if isinstance(data, dict) else {}


def _digest(path: Path) -> str:
    return hex_digest(data=path.read_bytes())
