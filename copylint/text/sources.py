"""From the paths a user names to Documents: discover, read bytes, decode, refuse binaries."""

from __future__ import annotations

import codecs
import glob
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from copylint.errors import InputError
from copylint.text.document import Document

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")
STDIN = "-"
_GLOB_CHARS = frozenset("*?[")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def discover(paths: Iterable[str]) -> Iterator[str]:
    """Every file to check, in the order given: a named file whatever its suffix, a folder's
    articles recursively (hidden folders skipped), a glob's matches, and '-' for stdin. A file
    named twice, by any path, is checked once. A path that names nothing is passed on, for
    `read_document` to report while the other files are still checked."""
    seen: set[str] = set()
    for given in paths:
        for found in _expand(given):
            key = found if found == STDIN else os.path.realpath(found)
            if key not in seen:
                seen.add(key)
                yield found


def _expand(given: str) -> Iterator[str]:
    if given == STDIN or os.path.isfile(given):
        yield given
    elif os.path.isdir(given):
        yield from _walk(given)
    elif _GLOB_CHARS & set(given) and (matches := sorted(glob.glob(given, recursive=True))):
        for match in matches:
            yield from _walk(match) if os.path.isdir(match) else [match]
    else:
        yield given


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
    except FileNotFoundError:
        # `discover` passes on a path that names nothing, so that the other files still run.
        problem = "no such file or folder"
        if _GLOB_CHARS & set(path):
            problem = "no file matches this pattern"
        raise InputError(path, problem) from None
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
    # The BOM goes before decoding, so that a decoding error's offset is one into `data`.
    data = data.removeprefix(codecs.BOM_UTF8)
    nul = data.find(b"\0")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        if nul == -1:
            line = _line_of(data, error.start)
            problem = f"is not valid UTF-8 (byte 0x{data[error.start]:02x})"
            raise InputError(path, problem, line) from None
        # A binary file: its line is that of the first byte that is not text.
        nul = min(nul, error.start)
    if nul != -1:
        raise InputError(path, "is a binary file, not text", _line_of(data, nul))
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _line_of(data: bytes, offset: int) -> int:
    """The line an editor shows `offset` on: CRLF, CR and LF each end a line, as in `decode`."""
    before = data[:offset]
    return before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1
