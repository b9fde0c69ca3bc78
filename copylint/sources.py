"""From the paths a user names to Documents: discover, read bytes, decode, refuse binaries."""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from copylint.document import Document
from copylint.errors import InputError

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")
STDIN = "-"
_GLOB_CHARS = frozenset("*?[")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def discover(paths: Iterable[str]) -> Iterator[str]:
    """Every file to check, in the order given: a named file whatever its suffix, a folder's
    articles recursively (hidden folders skipped), a glob's matches, and '-' for stdin."""
    seen: set[str] = set()
    for given in paths:
        for found in _expand(given):
            if found not in seen:
                seen.add(found)
                yield found


def _expand(given: str) -> Iterator[str]:
    if given == STDIN or os.path.isfile(given):
        yield given
    elif os.path.isdir(given):
        yield from _walk(given)
    elif _GLOB_CHARS & set(given):
        matches = sorted(glob.glob(given, recursive=True))
        if not matches:
            raise InputError(given, "no file matches this pattern")
        for match in matches:
            yield from _walk(match) if os.path.isdir(match) else [match]
    else:
        raise InputError(given, "no such file or folder")


def _walk(folder: str) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.lower().endswith(ARTICLE_SUFFIXES) and not name.startswith("."):
                yield os.path.join(root, name)


def read_document(path: str, stdin_filename: str | None = None) -> Document:
    if path == STDIN:
        name = stdin_filename or "<stdin>"
        return Document(name, decode(sys.stdin.buffer.read(), name))
    try:
        data = Path(path).read_bytes()
    except IsADirectoryError:
        raise InputError(path, "is a folder, not a file") from None
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror}") from None
    return Document(path, decode(data, path))


def decode(data: bytes, path: str) -> str:
    """UTF-8 text with LF line ends. A UTF-8 BOM is dropped and CRLF or CR becomes LF: neither
    changes a line or a column an editor shows, so positions stay those of the file on disk."""
    if data.startswith(_UTF16_BOMS):
        raise InputError(path, "is UTF-16; save it as UTF-8")
    if b"\0" in data:
        raise InputError(path, "is a binary file, not text", _line_of(data, data.index(b"\0")))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = _line_of(data, error.start)
        raise InputError(
            path, f"is not valid UTF-8 (byte 0x{data[error.start]:02x})", line
        ) from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1
