"""copylint: a copy linter for newsrooms. `copylint.Linter` is its library API."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Linter", "__version__"]

if TYPE_CHECKING:
    from copylint.api import Linter


def __getattr__(name: str) -> Any:
    # Imported on first use: `import copylint` alone stays as cheap as the command's start.
    if name == "Linter":
        from copylint.api import Linter

        return Linter
    raise AttributeError(f"module 'copylint' has no attribute {name!r}")
