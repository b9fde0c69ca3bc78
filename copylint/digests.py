"""Digests of what a run compares with what it kept: a config's fingerprint, a pre-built pack's
YAML, a result's key, a recogniser's answer. They are BLAKE2b's, imported from CPython's own
`_blake2`, not from `hashlib`, whose import loads OpenSSL for its other algorithms: 3 ms of a
0.11 s run on one article. (A baseline's fingerprints, which a newsroom keeps in its files, stay
SHA-256.)"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # an interpreter that does not build it in
    from hashlib import blake2b

_DIGEST_BYTES = 32


def hex_digest(*parts: str, data: bytes = b"") -> str:
    """The digest of `parts`, each ended by a NUL (so that no two lists of them read alike),
    then of `data`, in hex."""
    digest = blake2b(digest_size=_DIGEST_BYTES)
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(data)
    return digest.hexdigest()
