"""Words of running text as the spelling model sees them, shared by the model's build
script and the rules so that both count the same things.

A *word* is a run of letters. It is *plain* when nothing but spaces or ordinary punctuation
touches it: a letter run glued to a digit, a slash, an @, an underscore, a hyphen or an
apostrophe ("97.221tỷ", "QĐ-UBND", "e-mail", "abc@x.vn", "Covid-19") is part of a code,
a URL or a compound the model does not judge. Two plain words form a *pair* (a bigram)
when only spaces separate them; punctuation, a line break or a non-plain word breaks the
chain.
"""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple

_LETTERS = re.compile(r"[^\W\d_]+")
_GLUE = set("_/@\\-–'’&+=#%:~|<>*")


class Word(NamedTuple):
    start: int
    end: int
    text: str
    plain: bool
    joined: bool  # only spaces since the previous word (a bigram with it is counted)


def words(text: str) -> Iterator[Word]:
    """Every letter run of ``text`` with its plainness and whether it continues a phrase."""
    n = len(text)
    prev_end = -1
    prev_plain = False
    for m in _LETTERS.finditer(text):
        s, e = m.start(), m.end()
        before = text[s - 1] if s > 0 else " "
        after = text[e] if e < n else " "
        plain = not (before.isdigit() or after.isdigit() or before in _GLUE or after in _GLUE)
        if plain and after == "." and e + 1 < n and text[e + 1].isalnum():
            plain = False  # "vnexpress.net", "Tp.HCM"
        if plain and before == "." and s >= 2 and text[s - 2].isalnum():
            plain = False
        joined = prev_plain and plain and prev_end >= 0 and _only_spaces(text, prev_end, s)
        yield Word(s, e, m.group(), plain, joined)
        prev_end, prev_plain = e, plain


def _only_spaces(text: str, start: int, end: int) -> bool:
    if end - start > 3:
        return False
    return all(c == " " or c == "\u00a0" for c in text[start:end])
