"""From the paths a user names to Documents: discover, read bytes, decode, refuse binaries."""

from __future__ import annotations

import codecs
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from copylint.errors import InputError
from copylint.text.document import Document

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".mdx")
STDIN = "-"
# Well above any article (a long read is 100 KB), well below what would take a run minutes.
DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024
_GLOB_CHARS = frozenset("*?[")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
_KINDS = (
    (stat.S_ISDIR, "is a folder, not a file"),
    (stat.S_ISFIFO, "is a pipe (FIFO), not a regular file"),
    (stat.S_ISCHR, "is a device, not a regular file"),
    (stat.S_ISBLK, "is a device, not a regular file"),
    (stat.S_ISSOCK, "is a socket, not a regular file"),
)

# Told of a file found in a folder or by a glob and passed over: its path and why.
Skipped = Callable[[str, str], None]


def discover(paths: Iterable[str], skipped: Skipped | None = None) -> Iterator[str]:
    """Every file to check, in the order given: a named file whatever its suffix, a folder's
    articles recursively (hidden folders skipped), a glob's matches, and '-' for stdin. A file
    named twice, by any path, is checked once. A path that names nothing, or names something
    that is not a regular file, is passed on for `read_document` to report while the other
    files are still checked; one that a folder or a glob finds is passed over and told to
    `skipped`. Neither a folder walk nor a glob's `**` follows a link to a folder, so a link
    loop cannot make either run for ever."""
    seen: set[object] = set()
    for given in paths:
        for found, problem in _expand(given):
            key = found if found == STDIN else _identity(found)
            if key in seen:
                continue
            seen.add(key)
            if problem is None:
                yield found
            elif skipped is not None:
                skipped(found, problem)


def _identity(path: str) -> object:
    """What makes two paths one file, by a link or not: its device and inode (one system call,
    where resolving the path is one for each of its folders); its absolute path if it names
    nothing."""
    try:
        found = os.stat(path)
    except (OSError, ValueError):
        return os.path.abspath(path)
    return found.st_dev, found.st_ino


def _expand(given: str) -> Iterator[tuple[str, str | None]]:
    """The files `given` names, each with why it is passed over (None: it is not)."""
    if given == STDIN or not given:
        yield given, None
    elif os.path.isdir(given):
        yield from _regular(_walk(given))
    elif os.path.lexists(given):
        yield given, None  # whatever it is: `read_document` says if it is not a regular file
    elif _GLOB_CHARS & set(given) and (matches := _glob(given)):
        for match in matches:
            yield from _regular(_walk(match) if os.path.isdir(match) else [match])
    else:
        yield given, None


def _walk(folder: str) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.lower().endswith(ARTICLE_SUFFIXES) and not name.startswith("."):
                yield os.path.join(root, name)


def _glob(pattern: str) -> list[str]:
    """The matches of a glob, sorted. pathlib's `**` does not follow links to folders, where
    the glob module's would go round a link loop for ever."""
    parts = Path(pattern).parts
    first = next((i for i, part in enumerate(parts) if _GLOB_CHARS & set(part)), len(parts))
    base = Path(*parts[:first]) if first else Path()
    rest = "/".join(parts[first:])
    if not rest:
        return []
    try:
        found = [
            path
            for path in base.glob(rest)
            if not any(part.startswith(".") for part in path.relative_to(base).parts)
        ]
    except (OSError, ValueError):
        return []
    return sorted(str(path) for path in found)


def _regular(paths: Iterable[str]) -> Iterator[tuple[str, str | None]]:
    """Each of `paths` with why it is no regular file (links followed), or None."""
    for path in paths:
        yield path, _not_regular(path)


def _not_regular(path: str) -> str | None:
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        return f"cannot read: {error.strerror}"
    return _kind_problem(mode)


def _kind_problem(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    return next((problem for test, problem in _KINDS if test(mode)), "is not a regular file")


def read_document(
    path: str,
    stdin_filename: str | None = None,
    max_size: int = DEFAULT_MAX_FILE_SIZE,
    limit_set_in: str | None = None,
) -> Document:
    """The article at `path` ('-': stdin), refused in one line if it is not a regular file of
    text, or is bigger than `max_size` bytes. Only what the limit allows is ever read."""
    if path == STDIN:
        name = stdin_filename or "<stdin>"
        data = sys.stdin.buffer.read(max_size + 1)
        if len(data) > max_size:
            raise InputError(name, _too_big(max_size, limit_set_in))
        return Document(name, decode(data, name))
    if not path:
        raise InputError("''", "an empty path names no file")
    data = _read_regular(path, max_size, limit_set_in)
    return Document(path, decode(data, path), data)


def _read_regular(path: str, max_size: int, limit_set_in: str | None) -> bytes:
    # Opened without blocking, so that a FIFO is refused rather than waited on for ever.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
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
    with os.fdopen(descriptor, "rb") as file:
        status = os.fstat(file.fileno())
        not_regular = _kind_problem(status.st_mode)
        if not_regular is not None:
            raise InputError(path, not_regular)
        if status.st_size > max_size:
            raise InputError(path, _too_big(max_size, limit_set_in, status.st_size))
        try:
            # Asked for the limit, the reader would allocate that much for every file, which
            # costs more than the reading; so ask for what the file holds, and read on only
            # if it grew.
            data = file.read(status.st_size + 1)
            if len(data) > status.st_size:
                data += file.read(max_size + 1 - len(data))
        except OSError as error:
            raise InputError(path, f"cannot read: {error.strerror}") from None
    if len(data) > max_size:  # it grew while it was read
        raise InputError(path, _too_big(max_size, limit_set_in))
    return data


def _too_big(limit: int, set_in: str | None, size: int | None = None) -> str:
    how_big = "is bigger than that" if size is None else f"is {_size(size)}"
    where = f"max_file_size in {set_in}" if set_in else "max_file_size in a house config"
    return f"{how_big}, over the limit of {_size(limit)} a file ({where})"


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.3g} MB"
    if count >= 1024:
        return f"{count / 1024:.3g} KB"
    return f"{count} bytes"


def decode(data: bytes, path: str) -> str:
    """UTF-8 text with LF line ends. A UTF-8 BOM is dropped and CRLF or CR becomes LF: neither
    changes a line or a column an editor shows, so positions stay those of the file on disk."""
    if data.startswith(_UTF32_BOMS):
        raise InputError(path, "is UTF-32; save it as UTF-8")
    if data.startswith(_UTF16_BOMS):
        raise InputError(path, "is UTF-16; save it as UTF-8")
    if _looks_like_utf16(data):
        raise InputError(path, "is UTF-16 without a byte-order mark; save it as UTF-8")
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


def _looks_like_utf16(data: bytes) -> bool:
    """Text in UTF-16 with no byte-order mark: most characters are ASCII, so every other byte
    of it is a zero, at the even offsets (big-endian) or the odd ones (little-endian)."""
    sample = data[:4096]
    if len(sample) < 8 or b"\0" not in sample:
        return False
    even, odd = sample[0::2], sample[1::2]
    return max(even.count(0), odd.count(0)) > 0.8 * len(odd) and min(
        even.count(0), odd.count(0)
    ) < 0.1 * len(odd)
