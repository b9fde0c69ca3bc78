"""Write rules/packs.json, the shipped packs pre-built (see copylint/packs.py):
`python scripts/build_packs.py` after changing a pack."""

from __future__ import annotations

import json

from copylint.config import shipped_packs, shipped_packs_dir
from copylint.packs import build, built_file


def main() -> None:
    target = built_file(shipped_packs_dir())
    text = json.dumps(build(shipped_packs()), ensure_ascii=False, indent=1, sort_keys=True)
    target.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
