"""Text from files and file names made safe to print: one line, no terminal escapes.

An article may hold control characters (an escape sequence would recolour or rewrite the
reader's terminal), a finding may span two lines, and a file name that is not UTF-8 reaches
Python as lone surrogates, which no UTF-8 output can hold.
"""

from __future__ import annotations

import re

_UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def printable(text: str) -> str:
    """`text` for one line of a terminal: `\\n`, `\\x1b`, and `\\xe9` for a byte of a file
    name that was not UTF-8."""
    if _UNPRINTABLE.search(text) is None:
        return text
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match[0]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte Python's file-system decoding could not read
        return f"\\x{code - 0xDC00:02x}"
    if char in _NAMED:
        return _NAMED[char]
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def json_safe(encoded: str) -> str:
    """JSON text with any lone surrogate written as its `\\udcXX` escape: still the same string
    to a JSON reader, which can give back the file name's bytes, and valid UTF-8 to write."""
    if _SURROGATE.search(encoded) is None:
        return encoded
    return _SURROGATE.sub(lambda match: f"\\u{ord(match[0]):04x}", encoded)


def without_surrogates(text: str) -> str:
    """`text` with the bytes a file name could not decode written as `\\xe9`."""
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub(_escape, text)
