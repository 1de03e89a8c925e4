"""Words of running text as the spelling model sees them, shared by the model's build
script and the rules so that both count the same things.

A *word* is a run of letters. It is *plain* when nothing but spaces or ordinary punctuation
touches it (only plain words are returned): a letter run glued to a digit, a slash, an @, an underscore, a hyphen or an
apostrophe ("97.221tỷ", "QĐ-UBND", "e-mail", "abc@x.vn", "Covid-19") is part of a code,
a URL or a compound the model does not judge. Two plain words form a *pair* (a bigram)
when only spaces separate them; punctuation, a line break or a non-plain word breaks the
chain.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_LETTERS = re.compile(r"[^\W\d_]+")
_GLUE = set("_/@\\-–'’&+=#%:~|<>*")
# A plain word in one regex pass (C speed): a whole letter run, nothing glued before or
# after it, not the inside of a domain or "Tp.HCM". Non-plain runs are not returned: they
# sit between two plain words, so they already break the phrase (the gap is not spaces).
_PLAIN = re.compile(
    r"(?<![\w_/@\\\-–'’&+=#%:~|<>*])(?<![^\W_]\.)[^\W\d_]+(?![\w/@\\\-–'’&+=#%:~|<>*])(?!\.[^\W_])"
)


class Word(NamedTuple):
    start: int
    end: int
    text: str
    plain: bool
    joined: bool  # only spaces since the previous word (a bigram with it is counted)


Word._make_plain = tuple.__new__  # type: ignore[attr-defined]


def words(text: str) -> list[Word]:
    """Every plain word of ``text``, and whether only spaces separate it from the previous
    one (a phrase continues)."""
    out = []
    append = out.append
    make = Word._make_plain
    prev_end = -10
    for m in _PLAIN.finditer(text):
        s, e = m.span()
        gap = s - prev_end
        if gap == 1:
            c = text[prev_end]
            joined = c == " " or c == "\u00a0"
        elif 1 < gap <= 3:
            joined = not text[prev_end:s].strip(" \u00a0")
        else:
            joined = False
        # tuple.__new__ directly: the NamedTuple constructor costs a Python call per word.
        append(make(Word, (s, e, text[s:e], True, joined)))
        prev_end = e
    return out
