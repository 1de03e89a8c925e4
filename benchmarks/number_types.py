"""The NUMBER statement types the miner, the coverage sample and the recall evaluation share.

    from number_types import TYPES, split_sentences, has_trigger, construction

A sentence is a span of an article's text (NFC) ended by ".", "!", "?" or "…" before a
space, or by a line break; it is referred to by (article id, start offset, length), never by
its text. Each type has a trigger (the words that make a sentence a candidate for that type
of statement) and every candidate sentence is abstracted into a surface construction:
figures become NUM, their units UNIT, the relation words are kept and the other words fold
into "…".
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator

# The five statement types of the number rules.
TYPES = ("part_whole", "share", "growth_ratio", "cumulative", "total_parts")

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“(]*[A-ZĐÀ-Ỹ0-9])|\n+")

_NUM = r"\d+(?:[.,]\d+)*"
_PCT = _NUM + r"\s*%"
TRIGGERS: dict[str, re.Pattern[str]] = {
    # A percentage with its own part and whole: "A trong/trên tổng số B", "A/B", "A (trên B)".
    "part_whole": re.compile(
        r"\d[^.;%]{0,40}?(?:trong\s+tổng\s+số|trên\s+tổng\s+số|trong\s+số|trên\s+tổng|trên)\s+(?:\w+\s+){0,3}?\d"
        r"|\d+(?:\.\d{3})*\s*(?:[^\W\d]+\s*){0,2}/\s*\d+(?:\.\d{3})*(?!\s*/|\d)\s*[^\W\d]",
        re.IGNORECASE,
    ),
    "share": re.compile(r"chiếm(?:\s+(?:tỷ|tỉ)\s+(?:lệ|trọng))?\s+(?:\w+\s+){0,3}?" + _PCT, re.IGNORECASE),
    "growth_ratio": re.compile(r"(?:tăng|giảm|bằng)\s+(?:\w+\s+){0,2}?" + _PCT, re.IGNORECASE),
    "cumulative": re.compile(
        r"(?:lũy|luỹ)\s+kế|từ\s+đầu\s+năm|nâng\s+tổng\s+số|tính\s+chung|cộng\s+dồn|nâng\s+tổng",
        re.IGNORECASE,
    ),
    "total_parts": re.compile(r"\d[^.;]{0,60}?[,(:]?\s*(?:trong\s+đó|bao\s+gồm|gồm)\b[^.;]{0,40}?\d", re.IGNORECASE),
}
_WIDE_PART_WHOLE = re.compile(
    r"\d[^.;%]{0,40}?(?:trong\s+tổng\s+số|trên\s+tổng\s+số|trong\s+số|trên\s+tổng)\s+(?:\w+\s+){0,3}?\d", re.IGNORECASE
)
# growth_ratio needs both a change and a ratio ("bằng/đạt X%") in the sentence.
_RATIO = re.compile(r"(?:bằng|đạt)\s+(?:\w+\s+){0,2}?" + _PCT, re.IGNORECASE)
_NEEDS_PCT = re.compile(_PCT)
_ANY_NUM = re.compile(r"\d")


def has_trigger(kind: str, sentence: str, wide: bool = False) -> bool:
    """``wide``: the part/whole trigger without its percentage (``WIDE_NOTE``)."""
    if not TRIGGERS[kind].search(sentence):
        return False
    if kind == "growth_ratio":
        # A change alone is read too: the sentences with a ratio beside it are too few for a sample.
        return True
    if kind == "part_whole":
        if wide and not _NEEDS_PCT.search(sentence):
            return bool(_WIDE_PART_WHOLE.search(_DATE.sub(" ", sentence)))
        return bool(_NEEDS_PCT.search(sentence)) and bool(TRIGGERS[kind].search(_DATE.sub(" ", sentence)))
    if kind == "cumulative":
        return len(_ANY_NUM.findall(sentence)) >= 1 and bool(re.search(r"\d", sentence))
    return True


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, length) of each sentence of ``text``."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            yield start, m.start() - start
        start = m.end()
    if start < len(text):
        yield start, len(text) - start


# The part/whole sample ran out (every pool sentence with its trigger and a percentage is
# labelled): the wide trigger (sample_numbers.py --wide, from seed 101 on) also takes the
# sentences with the part/whole relation words ("A trong tổng số B", "A trên B", "A/B ...")
# and no percentage, whose statement is a part and its whole ("A/B=" in the labels). Without a
# percentage only the phrase forms count: a bare "trên" or "/" there is mostly a date, an
# address or a score ("ngày 5/6 đang ...", "số 1132/11 đường ...").
WIDE_NOTE = "part/whole trigger without the percentage"


def trigger_sentences(text: str, wide: bool = False) -> Iterator[tuple[str, int, int, str]]:
    """``(kind, start, length, sentence)`` for every sentence of ``text`` (NFC) that has a
    figure and a type's trigger words; a sentence with several types comes once per type
    (``wide``: ``has_trigger(..., wide=True)``)."""
    for start, length in split_sentences(text):
        sentence = text[start : start + length]
        if not any(c.isdigit() for c in sentence):
            continue
        for kind in TYPES:
            if has_trigger(kind, sentence, wide):
                yield kind, start, length, sentence


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# -- constructions --------------------------------------------------------------------------

RELATION_WORDS = (
    "trong tổng số", "trên tổng số", "tổng số", "tổng cộng", "trong số", "trên tổng", "trong đó", "bao gồm",
    "chiếm tỷ lệ", "chiếm tỉ lệ", "chiếm tỷ trọng", "chiếm tỉ trọng", "tỷ lệ", "tỉ lệ", "tỷ trọng",
    "so với cùng kỳ", "so cùng kỳ", "so với", "cùng kỳ", "kế hoạch", "dự toán", "kh",
    "lũy kế", "luỹ kế", "từ đầu năm", "đầu năm", "nâng tổng số", "nâng tổng", "tính chung", "cộng dồn",
    "trong tháng", "tháng", "năm", "quý", "đến nay", "đến hết", "lên", "đến", "đạt", "bằng", "chiếm",
    "tăng", "giảm", "gồm", "trên", "trong", "là", "có", "với", "và", "còn", "riêng", "hơn", "gần", "khoảng", "ước",
)
_REL = sorted(RELATION_WORDS, key=len, reverse=True)
_UNIT_WORDS = (
    "tỷ đồng", "triệu đồng", "nghìn đồng", "ngàn đồng", "tỷ", "triệu", "nghìn", "ngàn", "đồng", "usd", "%",
    "ha", "tấn", "km", "m2", "m3", "kg", "người", "hộ", "lượt", "doanh nghiệp", "dự án", "xã", "vụ", "trường hợp",
    "học sinh", "lao động", "đảng viên", "thôn", "công trình", "hồ sơ", "cơ sở", "chiếc", "con", "căn", "ca",
    "đơn vị", "tổ chức", "lần", "giấy", "sản phẩm", "lít", "cây", "xe",
)
_UNITS = sorted(_UNIT_WORDS, key=len, reverse=True)
_TOKEN = re.compile(r"DATE|\d+(?:[.,]\d+)*|[^\W\d_]+|[%/(),;:]")


# Where the construction is centred: on the relation word, not on the figure before it.
_CENTRE = {
    "part_whole": re.compile(r"trong\s+tổng\s+số|trên\s+tổng|trong\s+số|trên|/"),
    "total_parts": re.compile(r"trong\s+đó|bao\s+gồm|gồm"),
}
_DATE = re.compile(r"(?<![\d.,])\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\d.,]*\s*(?:%|[^\W\d]))|(?<![\d.,])\d{1,2}/\d{4}(?!\d)")


def construction(sentence: str, kind: str, before: int = 4, after: int = 7) -> str:
    """The surface construction around the trigger of ``kind`` in ``sentence``."""
    low = _DATE.sub(lambda m: "DATE".ljust(len(m.group())), sentence.lower())
    m = TRIGGERS[kind].search(low)
    centre = m.start() if m else 0
    c = _CENTRE.get(kind)
    cm = c.search(low, centre) if c and m else None
    if cm:
        centre = cm.start()
    tokens = [(t.start(), t.group()) for t in _TOKEN.finditer(low)]
    out: list[str] = []
    i = 0
    while i < len(tokens):
        pos, tok = tokens[i]
        if tok == "DATE":
            out.append(("DATE", pos))
            i += 1
            continue
        if tok[0].isdigit():
            out.append(("NUM", pos))
            i += 1
            # the unit right after a figure
            rest = " ".join(t for _, t in tokens[i : i + 2])
            for u in _UNITS:
                if rest == u or rest.startswith(u + " ") or (u == "%" and rest.startswith("%")):
                    out.append(("UNIT", pos))
                    i += len(u.split()) if u != "%" else 1
                    break
            continue
        rest = " ".join(t for _, t in tokens[i : i + 4])
        for r in _REL:
            if rest == r or rest.startswith(r + " "):
                out.append((r, pos))
                i += len(r.split())
                break
        else:
            out.append((tok if tok in "/(),;:" else "…", pos))
            i += 1
    # keep a window of tokens around the trigger
    k = next((j for j, (_, p) in enumerate(out) if p >= centre), 0)
    window = out[max(0, k - before) : k + after]
    words: list[str] = []
    for w, _ in window:
        if w == "…" and words and words[-1] == "…":
            continue
        if w == "UNIT" and words and words[-1] == "UNIT":
            continue
        words.append(w)
    while words and words[0] in ("…", ",", ";"):
        words.pop(0)
    while words and words[-1] in ("…", ",", ";"):
        words.pop()
    return " ".join(words)
