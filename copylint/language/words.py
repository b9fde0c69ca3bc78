"""The dictionary of the typo rule: which words are English, and which are common.

`data/words.txt` is generated from SCOWL by `scripts/build_words.py`. It is read as bytes and
barely parsed, because every run pays for its loading: only the four thousand most frequent
words go into a set, which settles most of an article's words at once. The rest stay in the
file's bytes, one line per three-letter prefix (`acc: common words | other known words |`),
and a word is looked up by finding its prefix's line (a binary search, remembered; in a long
run, every line is indexed in one pass) and then ` word ` in that line. Loading takes under a
millisecond, a lookup about one microsecond.

Words are lower-case ASCII bytes, as an article's words are scanned (`copylint.checks.typo`).
"""

from __future__ import annotations

import mmap
from functools import cache

from copylint.packaged import PACKAGE

# What the words are read from: the file mapped (`mmap` has the methods of `bytes` used here).
ByteText = bytes | mmap.mmap
PREFIX = 3
_FREQUENT = b"\n[frequent]\n"
_WORDS = b"\n[words]\n"
_NOWHERE = (0, 0, 0)
_SEARCHES = 300


class Words:
    """SCOWL's words: `is_word` for any of them, `is_common` for those a typo is taken to be
    one slip from."""

    def __init__(self, data: ByteText) -> None:
        frequent = data.find(_FREQUENT) + len(_FREQUENT)
        words = data.find(_WORDS)
        self.frequent = frozenset(data[frequent:words].split())
        self._data = data
        self._first = words + len(_WORDS)
        # Where each prefix's line starts, where its common words end (at its bar) and where it
        # ends: found by binary search and remembered, all at once when many have been sought.
        self._lines: dict[bytes, tuple[int, int, int]] = {}
        self._indexed = False
        # What was looked up, and each prefix's common words, for the articles still to come.
        self._known: dict[bytes, bool] = {}
        self._common: dict[str, frozenset[str]] = {}

    def is_word(self, word: bytes) -> bool:
        if word in self.frequent:
            return True
        known = self._known.get(word)
        if known is None:
            start, _, end = self._line(word[:PREFIX])
            known = self._known[word] = self._data.find(b" " + word + b" ", start, end) != -1
        return known

    def is_common(self, word: str) -> bool:
        if len(word) < PREFIX:
            return word.encode() in self.frequent
        common = self._common.get(word[:PREFIX])
        if common is not None:
            return word in common
        start, bar, _ = self._line(word[:PREFIX].encode())
        return self._data.find(f" {word} ".encode(), start, bar) != -1

    def common_from(self, prefix: str) -> frozenset[str]:
        """The common words that begin with a three-letter prefix, read into a set the first
        time: a typo's slips are looked up many at once."""
        common = self._common.get(prefix)
        if common is None:
            start, bar, _ = self._line(prefix.encode())
            common = self._common[prefix] = frozenset(self._data[start:bar].decode().split())
        return common

    def starts_common(self, word: bytes) -> bool:
        """Whether a common word begins with this one: a clipping (`struct`, `config`)."""
        start, bar, _ = self._line(word[:PREFIX])
        return self._data.find(b" " + word, start, bar) != -1

    def _line(self, prefix: bytes) -> tuple[int, int, int]:
        """(start, bar, end) of the prefix's line: its common words lie between start and bar."""
        place = self._lines.get(prefix)
        if place is None:
            if self._indexed:
                return _NOWHERE
            if len(self._lines) < _SEARCHES:
                place = self._lines[prefix] = self._with_bar(*self._search(prefix))
            else:
                self._index()
                place = self._lines.get(prefix, _NOWHERE)
        return place

    def _with_bar(self, start: int, end: int) -> tuple[int, int, int]:
        if start == end:  # no such line: an empty one, never the whole file
            return _NOWHERE
        return start, self._data.find(b"|", start, end), end

    def _search(self, prefix: bytes) -> tuple[int, int]:
        """The prefix's line, by binary search over the sorted lines; (0, 0) if none."""
        data = self._data
        low, high = self._first, len(data)  # both at the start of a line
        while low < high:
            # The start of the line holding the middle byte: the newline before `low` is found
            # at worst, so it never falls before `low`.
            start = data.rfind(b"\n", low - 1, (low + high) // 2) + 1
            label = data[start : start + PREFIX]
            if label < prefix:
                low = data.find(b"\n", start) + 1
            elif label > prefix:
                high = start
            else:
                return start, data.find(b"\n", start)
        return 0, 0

    def _index(self) -> None:
        """Every line's place in one pass (about a millisecond): past a few hundred searches, a
        run of many articles will want most of them."""
        data, lines = self._data, self._lines
        at, size = self._first, len(data)
        while at < size:
            end = data.find(b"\n", at)
            lines[data[at : at + PREFIX]] = self._with_bar(at, end)
            at = end + 1
        self._indexed = True


@cache
def load_words() -> Words:
    return Words(_mapped_packaged_bytes("data/words.txt"))


def _mapped_packaged_bytes(relative_path: str) -> ByteText:
    """The file's bytes mapped into memory, not read: the pages a run looks at are read in
    as it looks, and processes share them (reading all 3 MB took 3 to 10 ms of a start)."""
    try:
        with (PACKAGE / relative_path).open("rb") as file:
            return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    except (FileNotFoundError, NotADirectoryError):  # run from a zip
        from importlib.resources import files

        return files("copylint").joinpath(relative_path).read_bytes()
