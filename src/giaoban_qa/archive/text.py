"""Matching keys for names and titles. Keys are for comparison only, never for display."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Vietnamese tone marks as combining characters (NFD). The other marks (breve, circumflex,
# horn) change the vowel itself and are kept in a spelling key.
TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=8192)  # names recur across an archive's documents
def fold(text: str) -> str:
    """Lower-case, no diacritics, single spaces: 'Đồng Văn Lưu' -> 'dong van luu'."""
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACE.sub(" ", stripped).strip().lower()


@lru_cache(maxsize=8192)
def spelling_key(text: str) -> str:
    """A spelling with the tone mark's position ignored, so 'Hoà' and 'Hòa' (old and new
    placement, both accepted) are one spelling while 'Hòa' and 'Hoa' are two."""
    out = []
    for syllable in _SPACE.sub(" ", text).strip().lower().split(" "):
        decomposed = unicodedata.normalize("NFD", syllable)
        tones = [c for c in decomposed if c in TONE_MARKS]
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
        out.append(base + ("".join(tones)))
    return " ".join(out)


@lru_cache(maxsize=8192)
def norm_space(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


_TITLE_REPLACEMENTS = [
    (re.compile(r"uỷ"), "ủy"),
    (re.compile(r"ủy ban nhân dân"), "ubnd"),
    (re.compile(r"hội đồng nhân dân"), "hđnd"),
    (re.compile(r"(?:ủy ban mặt trận tổ quốc(?: việt nam)?|ubmttq ?(?:việt nam|vn)?)"), "ubmttq"),
    (re.compile(r"ban thường vụ"), "btv"),
]
# Offices one person holds at a time in one locality: (rank words, body).
_OFFICE = re.compile(
    r"^(?P<rank>phó bí thư thường trực|phó bí thư|bí thư|phó chủ tịch thường trực|phó chủ tịch|chủ tịch)\s+"
    r"(?P<body>huyện ủy|thị ủy|thành ủy|tỉnh ủy|đảng ủy xã|đảng ủy thị trấn|"
    r"(?:ubnd|hđnd|ubmttq) (?:huyện|tỉnh|thị xã|thành phố|xã|thị trấn))"
    r"(?P<rest>(?:\s+\S+){0,3})$"
)


PLACE_MARK = " @ "  # between a body and the place named with it: "huyện ủy @ nam dan"


def base_body(body: str) -> str:
    return body.split(PLACE_MARK, 1)[0]


def canonical_office(title: str) -> tuple[str, str] | None:
    """('bí thư', 'huyện ủy') for 'Bí thư Huyện uỷ Ba Chẽ'; None for anything else,
    including former holders ('nguyên Bí thư …') and titles with extra qualifiers."""
    raw = norm_space(title)
    lowered = raw.lower()
    for pattern, repl in _TITLE_REPLACEMENTS:
        lowered = pattern.sub(repl, lowered)
    m = _OFFICE.match(lowered)
    if not m:
        return None
    rest = m.group("rest").strip()
    if rest:
        # Only a place name may follow the body ("Huyện ủy Ba Chẽ"): capitalised in the text.
        tail = raw.split()[-len(rest.split()):]
        if not all(w[:1].isupper() for w in tail):
            return None
        # The office of a named place is another office than that of the document's own
        # district: "Bí thư Huyện ủy Nam Đàn" and "Bí thư Huyện ủy Quỳnh Lưu" both exist.
        return m.group("rank"), f"{m.group('body')}{PLACE_MARK}{fold(' '.join(tail))}"
    return m.group("rank"), m.group("body")


def split_titles(titles: str | None) -> list[str]:
    return [t.strip() for t in re.split(r";|,", titles or "") if t.strip()]
