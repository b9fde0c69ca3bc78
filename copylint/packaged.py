"""The files shipped inside the package: the variant table, word lists and schemas.

Installed, they are plain files beside the modules and are read by path: that spares each run
the import of importlib.resources' readers, about 2 ms of a start paid on every commit. Run
from a zip (a zipped wheel on sys.path), there is no such path, and importlib.resources reads
them from the archive.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def read_packaged(relative_path: str) -> str:
    """The text of a file of the package, by its path inside it: `data/variants.tsv`."""
    try:
        return (PACKAGE / relative_path).read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        from importlib.resources import files

        return files(__package__).joinpath(relative_path).read_text(encoding="utf-8")
