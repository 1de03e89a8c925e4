"""The legacy Vietnamese encodings that old district archives are full of: Windows-1258,
TCVN3 (ABC, the ``.VnTime`` fonts) and VNI-Windows (the ``VNI-Times`` fonts).

Decoding turns them into Unicode; offsets in findings then point into the decoded text,
exactly as they do for a UTF-8 file. ``detect`` tells them apart from each other and from
Western European (Windows-1252) text by how Vietnamese each decoding reads: how many of its
words are among the commonest Vietnamese syllables, and how many letters no Vietnamese text
has. ``encode`` is the inverse, used by the tests and by anyone converting files back.

The byte values are those of the published code tables (TCVN 5712:1993 VN3 for ABC; the
VNI-Windows font layout, where a letter is a base letter followed by a mark byte).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from giaoban_qa.loaders.decode import LEGACY_ENCODINGS  # noqa: F401  (named there: decode.py loads this module only for a file that is not UTF-8)

ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-16": "UTF-16",
    "cp1258": "Windows-1258",
    "tcvn3": "TCVN3 (ABC)",
    "vni": "VNI-Windows",
    "cp1252": "Windows-1252",
}

# -- TCVN3 (ABC) ----------------------------------------------------------------------
# Each Vietnamese letter is one byte. The standard has no upper-case letters with tone
# marks: typists used an all-capitals font (.VnTimeH) over the lower-case bytes, so such
# headings decode to lower case (nothing in the bytes says otherwise).
_TCVN3_LETTERS = {
    "à": 0xB5, "á": 0xB8, "ả": 0xB6, "ã": 0xB7, "ạ": 0xB9,
    "ă": 0xA8, "ằ": 0xBB, "ắ": 0xBE, "ẳ": 0xBC, "ẵ": 0xBD, "ặ": 0xC6,
    "â": 0xA9, "ầ": 0xC7, "ấ": 0xCA, "ẩ": 0xC8, "ẫ": 0xC9, "ậ": 0xCB,
    "đ": 0xAE,
    "è": 0xCC, "é": 0xD0, "ẻ": 0xCE, "ẽ": 0xCF, "ẹ": 0xD1,
    "ê": 0xAA, "ề": 0xD2, "ế": 0xD5, "ể": 0xD3, "ễ": 0xD4, "ệ": 0xD6,
    "ì": 0xD7, "í": 0xDD, "ỉ": 0xD8, "ĩ": 0xDC, "ị": 0xDE,
    "ò": 0xDF, "ó": 0xE3, "ỏ": 0xE1, "õ": 0xE2, "ọ": 0xE4,
    "ô": 0xAB, "ồ": 0xE5, "ố": 0xE8, "ổ": 0xE6, "ỗ": 0xE7, "ộ": 0xE9,
    "ơ": 0xAC, "ờ": 0xEA, "ớ": 0xED, "ở": 0xEB, "ỡ": 0xEC, "ợ": 0xEE,
    "ù": 0xEF, "ú": 0xF3, "ủ": 0xF1, "ũ": 0xF2, "ụ": 0xF4,
    "ư": 0xAD, "ừ": 0xF5, "ứ": 0xF8, "ử": 0xF6, "ữ": 0xF7, "ự": 0xF9,
    "ỳ": 0xFA, "ý": 0xFD, "ỷ": 0xFB, "ỹ": 0xFC, "ỵ": 0xFE,
    "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7,
}
_TCVN3_DECODE = {byte: letter for letter, byte in _TCVN3_LETTERS.items()}

# -- VNI-Windows ------------------------------------------------------------------------
# A letter is its base letter followed by one mark byte (both read as Windows-1252
# characters); ơ, ư, đ and the i/ỵ letters are single bytes.
_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_CIRCUMFLEX = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
_TONE_MARKS = frozenset(_TONES.values())
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}


def _compose(*parts: str) -> str:
    return unicodedata.normalize("NFC", "".join(parts))


@lru_cache(maxsize=1)
def _vni_tables() -> tuple[dict[str, str], "re.Pattern[str]"]:
    """Two-character (and one-character) VNI sequences, as read through Windows-1252,
    mapped to the Vietnamese letters they draw; lower and upper case."""
    table: dict[str, str] = {}
    for lower in (True, False):
        case = (lambda s: s) if lower else str.upper
        for base in "aeouy":
            for mark, tone in _TONES.items():
                table[case(base) + case(mark)] = case(_compose(base, tone))
        for base in "aeo":
            for mark, tone in _CIRCUMFLEX.items():
                table[case(base) + case(mark)] = case(_compose(base, "\u0302", tone))
        for mark, tone in _BREVE.items():
            table[case("a") + case(mark)] = case(_compose("a", "\u0306", tone))
        for single, letter in _VNI_SINGLE.items():
            table[case(single)] = case(letter)
        for horned, letter in (("ô", "ơ"), ("ö", "ư")):
            for mark, tone in _TONES.items():
                table[case(horned) + case(mark)] = case(_compose(letter, tone))
    keys = sorted(table, key=len, reverse=True)  # two-character sequences first
    return table, re.compile("|".join(re.escape(k) for k in keys))


def _as_cp1252(data: bytes) -> str:
    """Windows-1252, with its five undefined bytes read as Latin-1 so nothing fails."""
    return "".join(
        chunk.decode("cp1252") if i % 2 == 0 else chunk.decode("latin-1")
        for i, chunk in enumerate(re.split(rb"([\x81\x8d\x8f\x90\x9d]+)", data))
    )


def decode(data: bytes, encoding: str) -> str:
    """``data`` in a legacy encoding as Unicode, composed (NFC): Windows-1258 writes tone
    marks as separate characters, which is the code page's way and no slip of the author's,
    so the converted text is what offsets point into."""
    return unicodedata.normalize("NFC", _decode(data, encoding))


def _decode(data: bytes, encoding: str) -> str:
    if encoding == "cp1258":
        return data.decode("cp1258", errors="replace")
    if encoding == "tcvn3":
        return "".join(_TCVN3_DECODE.get(b) or _as_cp1252(bytes([b])) for b in data) if _has_high(data) else data.decode("ascii")
    if encoding == "vni":
        table, pattern = _vni_tables()
        return pattern.sub(lambda m: table[m.group(0)], _as_cp1252(data))
    if encoding == "cp1252":
        return _as_cp1252(data)
    raise ValueError(f"unknown legacy encoding {encoding!r}")


def encode(text: str, encoding: str) -> bytes:
    """Unicode text in a legacy encoding. Letters TCVN3 cannot write (capitals with a tone
    mark) are written in lower case, as typists with the capitals font did."""
    text = unicodedata.normalize("NFC", text)
    if encoding == "cp1258":
        out = bytearray()
        for ch in text:
            try:
                out += ch.encode("cp1258")
            except UnicodeEncodeError:  # a toned letter: base (maybe with hat/horn) + tone mark
                marks = unicodedata.normalize("NFD", ch)
                tone = "".join(c for c in marks if c in _TONE_MARKS)
                rest = unicodedata.normalize("NFC", "".join(c for c in marks if c not in _TONE_MARKS))
                out += (rest + tone).encode("cp1258", errors="replace")
        return bytes(out)
    if encoding == "tcvn3":
        out = bytearray()
        for ch in text:
            if ch in _TCVN3_LETTERS:
                out.append(_TCVN3_LETTERS[ch])
            elif ch.lower() in _TCVN3_LETTERS and ch not in "ĂÂÊÔƠƯĐ":
                out.append(_TCVN3_LETTERS[ch.lower()])
            else:
                out += ch.encode("cp1252", errors="replace")
        return bytes(out)
    if encoding == "vni":
        table, _ = _vni_tables()
        reverse = {letter: seq for seq, letter in table.items() if not (len(seq) == 1 and letter == seq)}
        # Prefer the two-byte form where a letter has both (ỵ: "î" and "yï").
        for seq, letter in table.items():
            if len(seq) == 1:
                reverse[letter] = seq
        return "".join(reverse.get(ch, ch) for ch in text).encode("cp1252", errors="replace")
    raise ValueError(f"unknown legacy encoding {encoding!r}")


def _has_high(data: bytes) -> bool:
    return any(b >= 0x80 for b in data)


# -- detection ----------------------------------------------------------------------------
# The commonest syllables of Vietnamese administrative and news prose (our own list): a
# decoding that is right turns a good share of the words into these.
_COMMON = frozenset(
    """của và các có được trong là cho những với không người này đã một năm để đến từ về khi
    ra theo tại trên nhiều cũng sẽ đó như công tỉnh huyện xã ngày tháng việc phát triển kinh
    tế hội nghị chính quyền thực hiện đồng chí ban chỉ đạo nhân dân cán bộ đảng ủy tổ chức
    kết quả nhiệm vụ thời gian đơn vị địa phương tình hình quản lý báo cáo văn bản số sản xuất
    hoạt động đầu tư xây dựng trường học giáo dục y thành phố nước nhà đi vào lên làm hơn sau
    trước đây cao tăng giảm đạt mới cùng vụ vốn đất chương trình kế hoạch triển khai""".split()
)
_NON_VIETNAMESE_LETTERS = frozenset("ñöüæøßþëïåäçœšžÿµ¸¶·¹»¾¼½§®©«¬ªÆÐÞ×")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Guess:
    """How Vietnamese the bytes read in one encoding: common syllables, words, foreign letters."""

    encoding: str
    common_words: int
    words: int
    foreign_letters: int

    @property
    def score(self) -> float:
        return self.common_words - 2 * self.foreign_letters

    @property
    def vietnamese(self) -> bool:
        """Enough common syllables to be Vietnamese prose, and few letters no Vietnamese
        text has."""
        return self.common_words >= max(3, self.words // 20) and self.foreign_letters * 10 <= self.common_words


def _guess(data: bytes, encoding: str) -> Guess:
    text = decode(data, encoding).lower()
    words = _WORD.findall(text)
    common = sum(1 for w in words if w in _COMMON)
    foreign = sum(1 for c in text if c in _NON_VIETNAMESE_LETTERS)
    return Guess(encoding, common, len(words), foreign)


def detect(data: bytes) -> tuple[str | None, list[Guess]]:
    """The legacy Vietnamese encoding ``data`` is written in, or None when no decoding reads
    as Vietnamese; with every candidate's reading (Windows-1252 included) for the message."""
    sample = data[:65536]
    guesses = sorted((_guess(sample, enc) for enc in (*LEGACY_ENCODINGS, "cp1252")), key=lambda g: g.score, reverse=True)
    best = next((g for g in guesses if g.encoding != "cp1252"), None)
    if best is not None and best.vietnamese and best.score >= max(g.score for g in guesses):
        return best.encoding, guesses
    return None, guesses
