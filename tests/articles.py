"""Articles the tests share."""

from __future__ import annotations

from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_a48f44d96701f5af.txt"
# The seed spelt British throughout (it mixes centered and defense with emphasised and
# self-defence) and without its one typo (Starmet), so that the tests of configs and inputs see
# only its chrome and the rules they are about.
ARTICLE = (
    SEED.read_bytes()
    .replace(b"Starmet", b"Starmer")
    .replace(b"centered", b"centred")
    .replace(b"defense", b"defence")
    .replace(b"Defense", b"Defence")
)
