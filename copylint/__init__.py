"""copylint: a copy linter for newsrooms."""

__version__ = "0.1.0"
