"""Finding names as an officer types them: case, umlauts and parts of words do not matter.

``matches("amt", "Ämterstruktur")`` and ``matches("aemter", "Ämterstruktur")`` are both
true: a text is compared in two spellings, with ä/ö/ü written out (ae, oe, ue) and reduced
to their base letter (a, o, u); ß is ss, other accents are dropped, and every word of
the search must occur somewhere (in any order, as a part of a word).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

_WRITTEN_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


def _plain(text: str) -> str:
    """Accents dropped (é → e, ä → a), after case folding (ß → ss)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def spellings(text: str) -> tuple[str, str]:
    """``text`` case-folded with umlauts written out, and with umlauts reduced."""
    folded = unicodedata.normalize("NFC", text.casefold())
    return _plain(folded.translate(_WRITTEN_OUT)), _plain(folded)


def matches(query: str, *texts: str | None) -> bool:
    """Whether every word of ``query`` occurs in one of ``texts`` (an empty query: always)."""
    words = query.split()
    if not words:
        return True
    haystacks = [s for t in texts if t for s in spellings(t)]
    return all(_found(word, haystacks) for word in words)


def _found(word: str, haystacks: Iterable[str]) -> bool:
    needles = set(spellings(word))
    return any(n in h for n in needles for h in haystacks)
