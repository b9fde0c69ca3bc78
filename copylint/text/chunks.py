"""An article's words as bytes: split a megabyte at a time (a list of every word of a 10 MB
text holds two million objects and takes 100 MB, where a rule needs only a pass over them),
and where a hit found in the bytes stands in the text's characters."""

from __future__ import annotations

from collections.abc import Iterator

# Bytes split at a time.
SPLIT_BYTES = 1 << 18
# ASCII letters lower-cased and every other byte a space: UTF-8 so translated holds the words
# a byte scan reads (a word beyond ASCII falls apart into its ASCII letters), at the same offsets.
LETTERS_LOWERED = bytes(
    byte | 0x20 if chr(byte).isascii() and chr(byte).isalpha() else ord(" ") for byte in range(256)
)


def split_words(words: bytes) -> Iterator[list[bytes]]:
    """The words of `words` (spaces between them), a megabyte's worth at a time, in order."""
    return (piece.split() for piece in pieces(words))


def pieces(words: bytes) -> Iterator[bytes]:
    """`words` (spaces between them) a megabyte at a time, cut between words, in order."""
    start = 0
    while start < len(words):
        end = words.find(b" ", start + SPLIT_BYTES)
        end = len(words) if end < 0 else end
        yield words[start:end]
        start = end


def character_offsets(encoded: bytes, byte_offsets: list[int]) -> list[int]:
    """The character offset of each of the sorted byte offsets into UTF-8 `encoded`, decoding
    it once, piece by piece, in order. In ASCII they are the same offsets."""
    if encoded.isascii():
        return byte_offsets
    offsets, done, counted = [], 0, 0
    for at in byte_offsets:
        counted += len(encoded[done:at].decode())
        done = at
        offsets.append(counted)
    return offsets
