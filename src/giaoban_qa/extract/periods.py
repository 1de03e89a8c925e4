"""Reporting periods: "tháng 11 năm 2020", "quý I/2024", "6 tháng đầu năm", "lũy kế 4 tháng".

A briefing is about a period. This module finds every month, quarter, half-year,
cumulative ("lũy kế N tháng", "9 tháng năm 2020"), months-to-date ("từ đầu năm đến nay")
and year mention with its span, tells whether the words before it make it a period that is
reviewed ("đánh giá kết quả công tác tháng 4") or planned ("triển khai nhiệm vụ trọng tâm
tháng 5"), and derives the report's own periods: the title period, the review period and
the plan period of the title and lead. Periods inside the subject of a cited document
("Báo cáo … về tình hình kinh tế - xã hội tháng 10 năm 2020") get the role ``subject``.

Years are explicit when written next to the period ("tháng 5 năm 2020", "quý I/2024").
Otherwise a year written after it in the same sentence is shared ("tháng 4; … tháng 5 năm
2020": both 2020, December before January taking the year before), and failing that the
year of the report's anchor date is used. Both are marked ``year_inferred``; rules never
report an error on an inferred year.

Patterns start on a literal ("tháng", "quý", "năm", "nửa", "lũy kế") or a digit, never on an
optional group, so the scan stays linear and cheap.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Sequence

from giaoban_qa.document import BREAK_MARKS, SENTENCE_BREAK, Document, Span, lower_text
from giaoban_qa.extract import fact_table, gated_matches
from giaoban_qa.extract.dates import _matches_at, anchor_date, event_date, published
from giaoban_qa.records import record, replace

ROMAN_QUARTER = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
NUMBER_WORDS = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10, "mười một": 11,
}
_NUM = r"\d{1,2}|mười\s+một|một|hai|ba|bốn|sáu|bảy|tám|chín|mười"
_YEAR_TAIL = r"(?:\s*(?:,\s*)?năm\s+|\s*/\s*|\.)(?P<y>(?:19|20)\d\d)(?!\d)"

# Every pattern runs on the lower-cased text and starts with a literal, so the regex
# engine jumps from one occurrence of "tháng"/"quý"/"năm" to the next instead of trying
# each character; the word boundary before the literal is checked in code.
_MONTH = re.compile(
    rf"tháng\s+(?P<m>\d{{1,2}})(?!\d)"
    # "tháng 9 và 9 tháng năm 2024": the number after "và" counts months, it does not end a range.
    rf"(?:\s*(?:[\-–]|và|đến)\s*(?:tháng\s+)?(?P<m2>\d{{1,2}})(?!\d)(?!/\d{{1,2}}\b)(?!\s*tháng(?!\w)))?"
    rf"(?:{_YEAR_TAIL})?"
)
_QUARTER = re.compile(
    rf"quý\s+(?P<q>iv|i{{1,3}}|[1-4])(?!\w)"
    rf"(?:\s*(?:[\-–,]|và)\s*(?:quý\s+)?(?P<q2>iv|i{{1,3}}|[1-4])(?!\w))?(?:{_YEAR_TAIL})?"
)
# "6 tháng đầu năm", "9 tháng năm 2020", "6 tháng cuối năm 2020", "5 tháng/2021": found
# from "tháng", the count read backwards.
_COUNTED = re.compile(
    r"tháng\s*(?:(?P<edge>đầu|cuối)\s+năm(?:\s+(?P<y1>(?:19|20)\d\d)(?!\d))?"
    r"|năm\s+(?P<y2>(?:19|20)\d\d)(?!\d)|/\s*(?P<y3>(?:19|20)\d\d)(?!\d))"
)
_COUNT_BEFORE = re.compile(rf"(?<!\w)(?P<n>{_NUM})\s+\Z")
# "lũy kế 4 tháng", "luỹ kế đến hết 5 tháng".
_LUY_KE = re.compile(
    rf"l(?:ũy|uỹ)\s+kế\s+(?:(?:đến\s+(?:hết\s+)?|từ\s+đầu\s+năm\s+(?:đến\s+nay\s+)?)?)(?P<n>{_NUM})\s+tháng(?!\w)"
    rf"(?:\s*(?:đầu\s+năm)?(?:{_YEAR_TAIL})?)?"
)
# "tính chung 5 tháng", "cộng dồn 5 tháng", "lũy kế đến hết tháng 5", "lũy kế từ đầu năm
# đến cuối tháng 5": the cumulative words with a count of months or the month they run to.
_CUM_WORDS = re.compile(
    rf"(?:tính\s+chung|cộng\s+dồn|l(?:ũy|uỹ)\s+kế)(?:\s+(?:cả|trong))?(?:\s+từ\s+đầu\s+năm)?"
    rf"(?:\s+(?:đến|tới)(?:\s+(?:hết|cuối))?)?\s+(?:(?P<n>{_NUM})\s+tháng(?!\w)|tháng\s+(?P<m>\d{{1,2}})(?![\d/]\d))"
    rf"(?:\s*(?:đầu\s+năm)?(?:{_YEAR_TAIL})?)?"
)
# After "lũy kế / tính chung / cộng dồn K tháng": words naming a span that does not run from
# January ("3 tháng quý II", "3 tháng hè", "2 tháng gần đây", "9 tháng niên vụ", "7 tháng năm
# tài chính", "3 tháng cao điểm", "2 tháng lương", "18 tháng triển khai", "3 tháng mùa mưa").
_OTHER_SPAN_AFTER = re.compile(
    r"(?:\s+|(?<=\s))(?:quý|hè|mùa|vụ|niên\s+vụ|năm\s+(?:tài\s+chính|học)|tài\s+khóa|tài\s+khoá|cao\s+điểm|gần\s+(?:đây|nhất)|"
    r"trở\s+lại\s+đây|liên\s+tiếp|liên\s+tục|lương|triển\s+khai|thực\s+hiện|thi\s+công|cuối(?!\s+năm\s+(?:nay|\d))|đợt|"
    r"kể\s+từ|từ\s+(?:khi|ngày|tháng)|sau\s+khi|trước\s+đó|tết|khô|mưa|nắng|nghỉ|học\s+kỳ|của\s+(?:quý|đợt|mùa|vụ|dự\s+án|năm\s+học))(?!\w)"
)
# "lũy kế năm 2016", "lũy kế cả năm 2016": the whole year.
_CUM_YEAR = re.compile(r"(?:tính\s+chung|cộng\s+dồn|l(?:ũy|uỹ)\s+kế)(?:\s+cả)?\s+năm\s+(?P<y>(?:19|20)\d\d)(?!\d)")
# "(tính) từ đầu năm đến hết tháng 5": January to May.
_TO_MONTH = re.compile(
    rf"từ\s+đầu\s+năm(?:\s+nay)?\s+(?:đến|tới)(?:\s+(?:hết|cuối))?\s+tháng\s+(?P<m>\d{{1,2}})(?!\d)(?:{_YEAR_TAIL})?"
)
_HALF_WORDS = re.compile(r"nửa\s+(?P<edge>đầu|cuối)\s+năm(?:\s+(?P<y>(?:19|20)\d\d)(?!\d))?")
_TO_DATE = re.compile(r"từ\s+đầu\s+năm(?:\s+(?:đến\s+nay|tới\s+nay))?(?!\w)")
_YEAR = re.compile(r"năm\s+(?P<y>(?:19|20)\d\d)(?![\d/\-–])")


def lowered(doc: Document) -> str:
    """The text in lower case with every character at its offset (for literal-first
    search): ``document.lower_text``, shared."""
    return doc.fact(lower_text)


def word_start(low: str, i: int) -> bool:
    return i == 0 or not low[i - 1].isalnum()


def local_sentence(text: str, offset: int, reach: int = 300) -> Span:
    """The sentence around ``offset`` found on a window of ``reach`` characters each side,
    with the same boundaries as ``Document.sentences`` but without splitting the whole text
    (``document.SENTENCE_BREAK``, which opens on the full stop or line break, so the regex
    engine skips ahead to them)."""
    lo = max(0, offset - reach)
    start = lo
    # A full stop right before the window opens a break at its first character.
    scan = lo - 1 if lo > 0 and text[lo - 1] in BREAK_MARKS else lo
    for m in SENTENCE_BREAK.finditer(text, scan, offset + 1):
        if m.end() > offset:
            break
        start = m.end()
    hi = min(len(text), offset + reach)
    scan = offset - 1 if offset > 0 and text[offset - 1] in BREAK_MARKS else offset
    after = SENTENCE_BREAK.search(text, scan, hi)
    end = hi if after is None else after.start("gap") if after.group("gap") is not None else after.start()
    while start < end and text[start].isspace():
        start += 1
    return Span(start, max(end, start))


def _sentences_around(doc: Document) -> dict[int, Span]:
    return {}


def sentence_around(doc: Document, offset: int) -> Span:
    """``local_sentence(doc.text, offset)``, computed once per document and offset (the
    period facts and the review/plan pairs both read the sentence of every period)."""
    memo = doc.fact(_sentences_around)
    span = memo.get(offset)
    if span is None:
        span = memo[offset] = local_sentence(doc.text, offset)
    return span


def _sentence_starts(doc: Document) -> Sequence[int]:
    from giaoban_qa.document import sentence_starts  # the document's shared array

    return sentence_starts(doc)


def sentence_of(doc: Document, offset: int) -> Span | None:
    """``doc.sentence_at`` with the index of sentence starts built once per document."""
    import bisect

    sentences = doc.sentences
    k = bisect.bisect_right(doc.fact(_sentence_starts), offset) - 1
    if 0 <= k < len(sentences) and sentences[k].start <= offset < max(sentences[k].end, sentences[k].start + 1):
        return sentences[k]
    return None


# Words just before a period that say it is reviewed or planned. The cue nearest to the
# period wins: "tình hình thực hiện nhiệm vụ … tháng 10 và phương hướng nhiệm vụ tháng 11".
_REVIEW_CUE = re.compile(
    r"(?:tình\s+hình|kết\s+quả|đánh\s+giá|kiểm\s+điểm|sơ\s+kết|tổng\s+kết|thực\s+hiện\s+nhiệm\s+vụ(?:\s+công\s+tác)?|"
    r"đạt\s+được|(?<!\w)trong$|báo\s+cáo)",
    re.IGNORECASE,
)
_PLAN_CUE = re.compile(
    r"(?:phương\s+hướng|nhiệm\s+vụ\s+trọng\s+tâm|triển\s+khai(?:\s+thực\s+hiện)?(?:\s+các)?\s+nhiệm\s+vụ|"
    r"nhiệm\s+vụ(?:\s+công\s+tác)?(?:\s+trong)?$|kế\s+hoạch(?:\s+công\s+tác)?$|đề\s+ra|(?:xây\s+dựng|triển\s+khai|ban\s+hành)\s+kế\s+hoạch|phấn\s+đấu|chỉ\s+tiêu|dự\s+kiến|"
    r"để\s+triển\s+khai|thời\s+gian\s+tới|(?<!\w)sẽ(?!\w))",
    re.IGNORECASE,
)
_CUE_WINDOW = 90
# A period right after these words is the name of the meeting ("giao ban tháng 11"), which
# by convention may review the month before; cue words further left do not reach past it.
_MEETING_NAME_BEFORE = re.compile(r"(?:giao\s+ban|họp\s+thường\s+kỳ)(?:\s+định\s+kỳ)?$", re.IGNORECASE)
# A meeting named between the cue and the period: the period dates that meeting.
_MEETING_NAMED_AFTER = re.compile(r"(?<!\w)(?:hội\s+nghị|kỳ\s+họp|phiên\s+họp|đại\s+hội|diễn\s+đàn)(?!\w)", re.IGNORECASE)
# Cues too weak to make a whole year a reviewed period ("phấn đấu tăng 9% trong năm 2017").
_WEAK_REVIEW = re.compile(r"(?:trong|báo\s+cáo)$", re.IGNORECASE)
# A year or month after these words is a deadline or a starting point, not a period
# the report covers: "đến năm 2020", "từ tháng 7", "trước tháng 10".
_NOT_A_PERIOD_BEFORE = re.compile(r"(?<!\w)(?:đến|tới|từ|trước|sau|giai\s+đoạn|cuối|đầu|hết|so\s+với|cùng\s+kỳ)$", re.IGNORECASE)
# The year in the name of a law or constitution ("Luật Hợp tác xã năm 2012").
_NAMED_YEAR_BEFORE = re.compile(r"(?:\bLuật|\bBộ\s+luật|Hiến\s+pháp)\s+[^,;.:]{0,50}$")


@record(frozen=True, slots=True)  # thousands a big document: no dict each
class PeriodFact:
    """A period mention with its span, the months it covers and the year when known."""

    start: int
    end: int
    text: str
    kind: str  # month | quarter | half | months_to_date | year | cumulative | other
    first_month: int | None
    last_month: int | None
    year: int | None
    year_inferred: bool = False
    year_source: str = ""  # text | sentence | anchor | ""
    cue: str | None = None  # review | plan | None: what the words before it say
    role: str = "other"  # title | review | plan | cumulative | subject | other
    in_title: bool = False

    @property
    def months(self) -> int | None:
        if self.first_month is None or self.last_month is None:
            return None
        return self.last_month - self.first_month + 1

    def first_day(self) -> dt.date | None:
        if self.year is None or self.first_month is None:
            return None
        return dt.date(self.year, self.first_month, 1)

    def last_day(self) -> dt.date | None:
        if self.year is None or self.last_month is None:
            return None
        nxt = dt.date(self.year + (self.last_month == 12), self.last_month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "first_month": self.first_month,
            "last_month": self.last_month,
            "year": self.year,
            "year_inferred": self.year_inferred,
            "role": self.role,
        }


# The cumulative words, each found from its second word, rarer than the first ("tính",
# "cộng" and "l" open many words): the patterns that open on them (_LUY_KE, _CUM_YEAR,
# _CUM_WORDS) are tried only where they stand, instead of two scans of the whole text
# stopping at every "t", "c" and "l" (same matches, a fifth of the time).
_CUMULATIVE_HEADS = (("chung", ("tính",)), ("dồn", ("cộng",)), ("kế", ("lũy", "luỹ")))


def _cumulative_heads(low: str) -> list[int]:
    """Where "tính chung", "cộng dồn", "lũy kế" or "luỹ kế" starts (any white space between
    the words, as the patterns' "\\s+"), in text order."""
    starts = []
    for second, firsts in _CUMULATIVE_HEADS:
        at = low.find(second)
        while at != -1:
            gap = at
            while gap > 0 and low[gap - 1].isspace():
                gap -= 1
            if gap < at:
                starts += [gap - len(first) for first in firsts if gap >= len(first) and low.startswith(first, gap - len(first))]
            at = low.find(second, at + 1)
    starts.sort()
    return starts


def _number(word: str) -> int | None:
    w = re.sub(r"\s+", " ", word.strip().lower())
    if w.isdigit():
        return int(w)
    return NUMBER_WORDS.get(w)


def _year(m: re.Match[str], *names: str) -> int | None:
    for name in names:
        try:
            value = m.group(name)
        except IndexError:
            continue
        if value:
            return int(value)
    return None


def find_periods(doc: Document) -> list[PeriodFact]:
    """Every period mention in text order, years only where written next to it."""
    text = doc.text
    low = doc.fact(lowered)
    found: list[PeriodFact] = []
    # Characters already claimed by a period; a byte map keeps the check linear in the
    # text size however many periods a long file has.
    claimed = bytearray(len(text) + 1)

    def free(s: int, e: int) -> bool:
        return claimed.find(1, s, e) == -1

    def add(m: re.Match[str], kind: str, first: int | None, last: int | None, year: int | None, s: int | None = None) -> None:
        s = m.start() if s is None else s
        e = m.end()
        while e > s and text[e - 1] in " .,":
            e -= 1
        if not free(s, e):
            return
        found.append(PeriodFact(s, e, text[s:e], kind, first, last, year, year_source="text" if year else ""))
        claimed[s:e] = b"\x01" * (e - s)

    heads = _cumulative_heads(low)
    for m in _matches_at(_LUY_KE, low, heads):
        if not word_start(low, m.start()):
            continue
        n = _number(m.group("n"))
        if n and 1 <= n <= 12:
            add(m, "other" if _OTHER_SPAN_AFTER.match(low, m.end()) else "cumulative", 1, n, _year(m, "y"))
    for m in _matches_at(_CUM_YEAR, low, heads):
        if word_start(low, m.start()):
            add(m, "year", 1, 12, _year(m, "y"))
    for pattern in (_CUM_WORDS, _TO_MONTH):
        for m in _matches_at(pattern, low, heads) if pattern is _CUM_WORDS else pattern.finditer(low):
            if not word_start(low, m.start()):
                continue
            counted = "n" in pattern.groupindex and m.group("n")
            n = _number(m.group("n")) if counted else int(m.group("m"))
            if n and 1 <= n <= 12:
                # "tính chung 3 tháng hè", "cộng dồn 2 tháng lương", "lũy kế 9 tháng niên vụ":
                # K months of another span, not January to month K.
                add(m, "other" if counted and _OTHER_SPAN_AFTER.match(low, m.end()) else "cumulative", 1, n, _year(m, "y"))
    for m in _COUNTED.finditer(low):
        count = _COUNT_BEFORE.search(low, max(0, m.start() - 12), m.start())
        if count is None:
            continue
        n = _number(count.group("n"))
        if not n or not 1 <= n <= 12:
            continue
        if count.start() > 0 and low[count.start() - 1] in ",./":
            continue  # "1,5 tháng": not a count of months
        year = _year(m, "y1", "y2", "y3")
        at = count.start()
        if re.match(r"\s+(?:trước|ngoái)(?!\w)", low[m.end() : m.end() + 10]):
            continue  # "6 tháng đầu năm trước": last year's half, no year written
        if (m.group("edge") or "") == "cuối":
            add(m, "half" if n == 6 else "other", 13 - n, 12, year, at)
        elif n == 6:
            add(m, "half", 1, 6, year, at)
        elif n == 12:
            add(m, "year", 1, 12, year, at)
        else:
            add(m, "cumulative", 1, n, year, at)
    for m in _HALF_WORDS.finditer(low):
        if not word_start(low, m.start()):
            continue
        first = 1 if m.group("edge") == "đầu" else 7
        add(m, "half", first, first + 5, _year(m, "y"))
    for m in _QUARTER.finditer(low):
        if not word_start(low, m.start()):
            continue
        q = ROMAN_QUARTER.get(m.group("q").upper())
        q2 = ROMAN_QUARTER.get((m.group("q2") or "").upper()) if m.group("q2") else None
        if q is None:
            continue
        last_q = q2 if q2 and q2 > q else q
        add(m, "quarter", 3 * q - 2, 3 * last_q, _year(m, "y"))
    for m in _MONTH.finditer(low):
        if not word_start(low, m.start()):
            continue
        before = text[max(0, m.start() - 14) : m.start()]
        if re.search(r"\d[ \t\u00a0]*\Z", before):
            continue  # "ngày 26 tháng 6": a date, not a period (a number ending the line before is not)
        if re.search(r"cách\s+mạng\s*$", before, re.IGNORECASE):
            continue
        if re.match(r"\s*(?:âm\s+lịch|\(âm)", text[m.end() : m.end() + 12], re.IGNORECASE):
            continue
        month = int(m.group("m"))
        month2 = int(m.group("m2")) if m.group("m2") else None
        if not 1 <= month <= 12 or (month2 is not None and not month < month2 <= 12):
            if month2 is not None and 1 <= month <= 12:
                month2 = None
            else:
                continue
        year = _year(m, "y")
        add(m, "month", month, month2 or month, year)
    for m in _TO_DATE.finditer(low):
        if low.endswith("ngay ", max(0, m.start() - 5), m.start()):
            continue  # "ngay từ đầu năm": right at the start of the year, not a period
        if word_start(low, m.start()):
            add(m, "months_to_date", 1, None, None)
    for m in _YEAR.finditer(low):
        if not word_start(low, m.start()):
            continue
        before = text[max(0, m.start() - 3) : m.start()]
        if re.search(r"\d\s*$", before):
            continue
        add(m, "year", 1, 12, int(m.group("y")))
    found.sort(key=lambda p: p.start)
    return found


def _case_sensitive(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern`` without IGNORECASE, for the lower-cased text; None when its source has an
    upper-case character (a letter, or an escape such as "\\S"), which lowering would change."""
    if any(c.isupper() for c in pattern.pattern):
        return None
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


# The cue patterns run on the lower-cased text without IGNORECASE: the same matches (an
# IGNORECASE literal matches a character whose simple lower case is the literal's, which is
# what ``str.lower`` gives for all but "İ"; and the equivalences sre adds for "i"/"ı" and
# "s"/"ſ") and several times faster, the engine comparing characters without folding them.
# A text holding one of ``_FOLD_EXCEPTIONS`` is read with the IGNORECASE patterns.
_FOLD_EXCEPTIONS = ("ı", "ſ", "İ")
_CUE_PATTERNS = (_MEETING_NAME_BEFORE, _REVIEW_CUE, _PLAN_CUE, _MEETING_NAMED_AFTER, _WEAK_REVIEW)
_LOWER_CUE_PATTERNS = tuple(_case_sensitive(p) for p in _CUE_PATTERNS)


def _cue_patterns(doc: Document) -> tuple[str, tuple[re.Pattern[str], ...]]:
    """The text the cues are read on and the five cue patterns for it, once per document."""
    text = doc.text
    if all(p is not None for p in _LOWER_CUE_PATTERNS) and not any(c in text for c in _FOLD_EXCEPTIONS):
        low = doc.fact(lowered)
        if len(low) == len(text):
            return low, _LOWER_CUE_PATTERNS  # type: ignore[return-value]
    return text, _CUE_PATTERNS


def _cue(text: str, start: int, floor: int, patterns: tuple[re.Pattern[str], ...] = _CUE_PATTERNS) -> str | None:
    """Whether the words just before ``start`` review or plan the period (nearest cue wins).

    ``patterns`` are ``_CUE_PATTERNS``, or their case-sensitive forms when ``text`` is the
    lower-cased text (``_cue_patterns``)."""
    meeting_name_before, review_cue, plan_cue, meeting_named_after, weak_review = patterns
    lo = max(floor, start - _CUE_WINDOW)
    window = text[lo:start].rstrip()
    if meeting_name_before.search(window):
        return None  # "kết quả giao ban tháng 11": the month names the meeting, not what it reviews
    best: tuple[int, int, str] | None = None
    for kind, pattern in (("review", review_cue), ("plan", plan_cue)):
        for m in pattern.finditer(window):
            # The cue ending nearest the period wins; of two ending together, the longer
            # ("thực hiện nhiệm vụ" over "nhiệm vụ", "nhiệm vụ trong" over "trong").
            key = (m.end(), -m.start(), kind)
            if best is None or key[:2] > best[:2]:
                best = key
    if best is None:
        return None
    if meeting_named_after.search(window, best[0]):
        return None  # "báo cáo lên Hội nghị Bộ trưởng Tài chính APEC tháng 10": the month names that meeting
    if best[2] == "review" and weak_review.search(window[: best[0]]):
        return "weak-review"
    return best[2]


def _lead_spans(doc: Document) -> list[Span]:
    """The sentences that state what the report reviews and plans: the title and the lead."""
    pub = doc.fact(published)
    title_end = doc.title.end if doc.title else 0
    spans: list[Span] = []
    paragraphs = 0
    for para in doc.paragraphs:
        if para.end <= title_end or (pub and para.start == pub.span.start):
            continue
        paragraphs += 1
        if paragraphs > 3:
            break
        # The first two sentences, found without splitting a long paragraph whole.
        first = local_sentence(doc.text, para.start)
        first = Span(first.start, min(first.end, para.end))
        spans.append(first)
        nxt = first.end + 1
        while nxt < para.end and doc.text[nxt].isspace():
            nxt += 1
        if nxt < para.end:
            second = local_sentence(doc.text, nxt)
            spans.append(Span(max(second.start, nxt), min(second.end, para.end)))
    return spans


def report_date(doc: Document) -> tuple[dt.date | None, bool]:
    """The date the report speaks from (meeting, else publication, else anchor) and whether
    its year is inferred."""
    ev = doc.fact(event_date)
    _, source = doc.fact(anchor_date)
    if ev is not None and ev.date is not None and (not ev.year_inferred or source in ("published", "header", "title")):
        # "Ngày 04/5" under a publication line of 05/05/2020 is almost surely 2020, but the
        # year is still not written: rules keep such comparisons at warning level.
        return ev.date, ev.year_inferred
    pub = doc.fact(published)
    if pub is not None and pub.date.date is not None:
        return pub.date.date, False
    return None, True


def periods(doc: Document) -> list[PeriodFact]:
    """Every period with cue, role and year (inferred years marked)."""
    raw = doc.fact(find_periods)
    text = doc.text
    title = doc.title
    lead = doc.fact(_lead_spans)
    lead_start = min((s.start for s in lead), default=0)
    lead_end = max((s.end for s in lead), default=0)
    anchor, _ = doc.fact(anchor_date)
    ref, _ = doc.fact(report_date)
    default_year = (ref or anchor).year if (ref or anchor) else None
    cue_text, cue_patterns = _cue_patterns(doc) if raw else (text, _CUE_PATTERNS)
    out: list[PeriodFact] = []

    for i, p in enumerate(raw):
        sentence = sentence_around(doc, p.start)
        floor = sentence.start
        in_title = title is not None and title.start <= p.start < title.end
        if in_title:
            floor = max(floor, title.start)
        # Do not read a cue across the previous period: "tháng 10 và phương hướng … tháng 11".
        if i > 0 and raw[i - 1].end > floor:
            floor = raw[i - 1].end
        cue = _cue(cue_text, p.start, floor, cue_patterns)
        if cue == "weak-review":
            # "trong 6 tháng cuối năm" in a headline, or in a directive, is not what the
            # report reviews; "Trong tháng 11, …" in the lead is.
            cue = None if p.kind == "year" or in_title or (p.first_month or 1) > 1 and p.kind not in ("month", "quarter") else "review"
        if _NOT_A_PERIOD_BEFORE.search(text[max(floor, p.start - 16) : p.start].rstrip()):
            cue = "bound"
        elif p.kind == "year" and _NAMED_YEAR_BEFORE.search(text, max(floor, p.start - 70), p.start):
            cue = "bound"
        year, inferred, source = p.year, False, p.year_source
        if year is None and p.kind not in ("months_to_date",):
            shared = _shared_year(raw, i, sentence)
            if shared is not None:
                year, inferred, source = shared, True, "sentence"
            elif default_year is not None:
                year, inferred, source = default_year, True, "anchor"
        in_subject = _in_cited_subject(text, p.start, sentence.start)
        in_lead = lead_start <= p.start < lead_end and any(s.start <= p.start < s.end for s in lead)
        if in_subject:
            role = "subject"
        elif cue == "bound":
            role = "other"
        elif in_title:
            role = cue if cue in ("review", "plan") else "title"
        elif in_lead and cue in ("review", "plan"):
            role = cue
        elif p.kind in ("cumulative", "half", "months_to_date"):
            role = "cumulative"
        else:
            role = "other"
        out.append(replace(p, year=year, year_inferred=inferred, year_source=source, cue=cue, role=role, in_title=in_title))
    return out


# A document number ("369/BC-UBND", "20-NQ/TU", "245/2020/NQ-HĐND") before "về": the
# period after it is the subject of the cited document, not the report's own.
_SYMBOL = re.compile(r"\d{1,5}(?:/(?:19|20)\d\d)?[/\-][A-ZĐ]{1,6}")
_ABOUT = re.compile(r"(?<!\w)về(?!\w)")


def _in_cited_subject(text: str, offset: int, floor: int) -> bool:
    """Whether ``offset`` lies in the "về …" subject of a cited document of its sentence.

    The same reading as the citation extractor's subject, found locally so that the period
    facts do not need the whole citation table."""
    window = text[floor:offset]
    last = None
    for last in _ABOUT.finditer(window):
        pass
    if last is None or ";" in window[last.end() :]:
        return False
    return bool(_SYMBOL.search(window, max(0, last.start() - 160), last.start()))


def _shared_year(raw: list[PeriodFact], i: int, sentence: Span | None) -> int | None:
    """The year written on a later period of the same sentence, for "tháng 4; … tháng 5 năm 2020"."""
    p = raw[i]
    # A year shared by a list of periods is written within a line or two of them.
    limit = min(sentence.end if sentence else p.end + 200, p.end + 250)
    for q in raw[i + 1 : i + 9]:
        if q.start >= limit:
            break
        if q.year is not None and q.kind != "year":
            if p.first_month and q.first_month and p.first_month > q.first_month and p.kind == q.kind:
                return q.year - 1  # "tháng 12 và phương hướng nhiệm vụ tháng 01 năm 2021"
            return q.year
        if q.kind == "year" and q.start - p.end < 40:
            return q.year
    return None


@record(frozen=True)
class ReportPeriods:
    """The periods a report is about: named in its title, reviewed and planned."""

    title: PeriodFact | None
    review: PeriodFact | None
    plan: PeriodFact | None
    # When the title itself says what is reviewed and planned, the lead's own statements,
    # so the two can be compared.
    lead_review: PeriodFact | None = None
    lead_plan: PeriodFact | None = None


_PERIOD_KINDS = ("month", "quarter", "half", "cumulative", "year", "other")


def same_family(a: PeriodFact, b: PeriodFact) -> bool:
    """Periods of one kind; "6 tháng đầu năm" and "9 tháng" are both January-to-date."""
    if a.kind == b.kind:
        return True
    to_date = ("half", "cumulative")
    return a.kind in to_date and b.kind in to_date and a.first_month == b.first_month == 1


def report_periods(doc: Document) -> ReportPeriods:
    ps = doc.fact(periods)
    title = next((p for p in ps if p.role == "title" and p.kind in _PERIOD_KINDS), None)
    # A title that names a month and also a year ("tháng 11 năm 2020") is about the month.
    if title is not None and title.kind == "year":
        finer = next((p for p in ps if p.role == "title" and p.kind != "year"), None)
        title = finer or title
    review = next((p for p in ps if p.role == "review" and p.kind in _PERIOD_KINDS), None)
    plan = None
    if review is not None:
        plan = next((p for p in ps if p.role == "plan" and p.start > review.start and p.kind == review.kind), None)
    if plan is None:
        plan = next((p for p in ps if p.role == "plan" and p.kind in _PERIOD_KINDS), None)
    lead_review = lead_plan = None
    if review is not None and review.in_title:
        lead_review = next((p for p in ps if p.role == "review" and not p.in_title and same_family(p, review)), None)
    if plan is not None and plan.in_title:
        lead_plan = next((p for p in ps if p.role == "plan" and not p.in_title and same_family(p, plan)), None)
    return ReportPeriods(title, review, plan, lead_review, lead_plan)


def subject_period(doc: Document, subject_span: tuple[int, int] | None) -> PeriodFact | None:
    """The period a cited document is about: the first reviewed period of its subject."""
    if not subject_span:
        return None
    inside = [p for p in doc.fact(periods) if subject_span[0] <= p.start < subject_span[1] and p.kind != "months_to_date"]
    if not inside:
        return None
    fine = [p for p in inside if p.kind != "year"]
    return (fine or inside)[0]


@fact_table("periods")
def period_rows(doc: Document) -> list[dict[str, Any]]:
    return [p.to_json() for p in doc.fact(periods)]


# -- review/plan pairs within one sentence ------------------------------------------------

# Words that make a period the one a sentence plans, strict enough to be read anywhere in
# a report (not only in its lead): "… tháng 4, đề ra phương hướng nhiệm vụ tháng 5",
# "bàn nhiệm vụ tháng 5", "triển khai nhiệm vụ tháng 5". A deadline ("dự kiến tháng 6
# hoàn thành", "phấn đấu trong tháng 6") is not a plan period.
_STRICT_PLAN_CUE = re.compile(
    r"(?:phương\s+hướng(?:[\s,]+nhiệm\s+vụ)?(?:\s+trọng\s+tâm)?(?:\s+công\s+tác)?(?:\s+trong)?|"
    r"nhiệm\s+vụ(?:[\s,]+(?:và\s+)?giải\s+pháp)?(?:\s+(?:trọng\s+tâm|chủ\s+yếu))?(?:\s+công\s+tác)?(?:\s+trọng\s+tâm)?(?:\s+trong)?|"
    r"kế\s+hoạch(?:\s+công\s+tác)?(?:\s+trong)?|chương\s+trình\s+công\s+tác(?:\s+trong)?|"
    r"(?<!\w)đề\s+ra(?:\s+trong)?|(?<!địa\s)(?<!\w)bàn(?:\s+(?:giải\s+pháp|biện\s+pháp))?(?:\s+trong)?|"
    r"triển\s+khai(?:\s+thực\s+hiện)?(?:\s+(?:các\s+)?công\s+tác)?(?:\s+trong)?)$",
    re.IGNORECASE,
)
_STRICT_REVIEW_CUE = re.compile(
    r"(?:tình\s+hình|kết\s+quả|đánh\s+giá|kiểm\s+điểm|sơ\s+kết|tổng\s+kết|thực\s+hiện\s+nhiệm\s+vụ|công\s+tác|"
    r"đạt\s+được|diễn\s+biến|hoạt\s+động)",
    re.IGNORECASE,
)
_PAIR_KINDS = ("month", "quarter", "half", "year")
# A plan the figures are measured against, not a plan stated: "đạt 102% kế hoạch tháng 4",
# "vượt kế hoạch tháng 4", "so với kế hoạch tháng 5".
_PLAN_AS_TARGET = re.compile(
    r"(?<!\w)(?:đạt|vượt|so\s+với|bằng|hoàn\s+thành)(?:\s+(?:mức\s+)?\d+(?:[.,]\d+)?\s*%)?(?:\s+(?:so\s+với|chỉ\s+tiêu))?"
    r"\s+kế\s+hoạch(?:\s+công\s+tác)?(?:\s+trong)?$",
    re.IGNORECASE,
)
# What joins a reviewed month to the span it closes, reviewed with it ("tháng 9 và 9 tháng",
# "tháng 3 và quý I").
_JOINED = re.compile(r"\s*(?:,\s*)?(?:và|,)\s*")
_REVIEWED_TASKS = re.compile(r"(?:tình\s+hình|kết\s+quả|đánh\s+giá|kiểm\s+điểm)(?:\s+thực\s+hiện)?(?:\s+các)?\s+nhiệm\s+vụ(?:\s+\w+){0,3}$", re.IGNORECASE)


@record(frozen=True, slots=True)  # thousands a big document: no dict each
class ReviewPlanPair:
    """A period reviewed and the period planned next, stated in one sentence."""

    review: PeriodFact
    plan: PeriodFact


def review_plan_pairs(doc: Document) -> list[ReviewPlanPair]:
    """Every "review period … plan period" pair of one sentence, anywhere in the report.

    The review period is one whose words before it review ("kết quả công tác tháng 4",
    "tình hình … tháng 4"); the plan period is the next period of the same kind in the same
    sentence with a plan word right before it ("đề ra phương hướng, nhiệm vụ tháng 5",
    "bàn nhiệm vụ tháng 5", "triển khai nhiệm vụ trọng tâm tháng 5"). Nothing but the
    plan words may separate the two beyond 200 characters."""
    ps = doc.fact(periods)
    text = doc.text
    out: list[ReviewPlanPair] = []
    for i, p in enumerate(ps):
        if p.kind not in _PAIR_KINDS or p.role == "subject" or p.cue in ("bound", "plan"):
            continue
        sentence = sentence_around(doc, p.start)
        lo = max(sentence.start, ps[i - 1].end if i > 0 else 0, p.start - _CUE_WINDOW)
        if not _STRICT_REVIEW_CUE.search(text, lo, p.start) and p.cue != "review":
            continue
        joined_end = p.end
        for q in ps[i + 1 : i + 4]:
            if q.start >= sentence.end or q.start - p.end > 200:
                break
            if q.kind == "year" and p.kind != "year":
                continue  # "tháng 4 năm 2020": the year of the month, not a period
            if (
                p.kind == "month"
                and q.kind in ("cumulative", "half", "quarter")
                and q.last_month == p.last_month
                and _JOINED.fullmatch(text, joined_end, q.start)
            ):
                joined_end = q.end
                # "tháng 9 và 9 tháng năm 2024; phương hướng … tháng 10", "tháng 3 và quý I; nhiệm
                # vụ tháng 4": the month with the span it closes, reviewed together.
                continue
            if q.kind != p.kind or q.role == "subject":
                break
            between = text[p.end : q.start].rstrip()
            # "bàn phương hướng thực hiện nhiệm vụ tháng 5" plans, although "thực hiện nhiệm
            # vụ" is also a review cue; "kết quả thực hiện nhiệm vụ tháng 5" reviews.
            if (
                _STRICT_PLAN_CUE.search(between)
                and q.cue != "bound"
                and not _REVIEWED_TASKS.search(between)
                and not _PLAN_AS_TARGET.search(between)
            ):
                out.append(ReviewPlanPair(p, q))
            break
    seen = {(pair.review.start, pair.plan.start) for pair in out}
    out += [pair for pair in _heading_pairs(doc, ps) if (pair.review.start, pair.plan.start) not in seen]
    out.sort(key=lambda pair: pair.review.start)
    return out


# -- review and plan stated by section headings -------------------------------------------

# A section heading: at a line start, or after a sentence end inside a paragraph the
# source merged ("… tháng 10. II. NHIỆM VỤ …"). Its marker: a Roman numeral, a capital
# letter, a number, or "Phần I / Phần thứ nhất"; then ".", ")", "-", "–" or ":". All
# quantifiers are bounded or stop at a literal, so the scan is linear.
_HEAD_MARK = re.compile(
    r"(?:^|(?<=[.:;!?]\s))[^\S\n]{0,8}(?P<mark>(?P<part>(?:[Pp]hần|PHẦN)\s{1,3}(?:(?:thứ|THỨ)\s{1,3}[^\W\d_]{2,5}|[IVX]{1,5}|\d{1,2}))|(?P<roman>[IVX]{1,5})|(?P<letter>[A-H])|(?P<digit>\d{1,2}))"
    r"[^\S\n]{0,2}[.\-–):][^\S\n]{1,4}(?=\S)",
    re.MULTILINE,
)
# The first of these words in a heading decides what it states: "KẾT QUẢ THỰC HIỆN NHIỆM VỤ
# THÁNG 10" reviews, "NHIỆM VỤ TRỌNG TÂM THÁNG 11" and "KẾ HOẠCH THỰC HIỆN …" plan.
_HEAD_CUE = re.compile(
    r"(?P<review>kết\s+quả|tình\s+hình|đánh\s+giá|kiểm\s+điểm|sơ\s+kết|tổng\s+kết|thực\s+hiện|đạt\s+được)"
    r"|(?P<plan>nhiệm\s+vụ|phương\s+hướng|kế\s+hoạch|chương\s+trình|giải\s+pháp|triển\s+khai|dự\s+kiến)",
    re.IGNORECASE,
)
# What a plan heading says right before its period: "NHIỆM VỤ TRỌNG TÂM THÁNG 11",
# "PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 12", "Nhiệm vụ, giải pháp tháng 6", "KẾ HOẠCH THÁNG 6".
_HEAD_PLAN_BEFORE = re.compile(
    r"(?:phương\s+hướng|nhiệm\s+vụ|kế\s+hoạch|chương\s+trình|giải\s+pháp|triển\s+khai|dự\s+kiến)"
    r"(?:[\s,]+(?:nhiệm\s+vụ|giải\s+pháp|trọng\s+tâm|công\s+tác|chủ\s+yếu|thực\s+hiện|trong|của)){0,4}$",
    re.IGNORECASE,
)
# Where a heading can open: after a line break, or after a sentence end and a space, when a
# marker follows ("Phần", or a numeral or letter and its ".", "-", "–", ")" or ":"). ``_HEAD_MARK`` opens on "^" or a look-behind and so was
# tried at every position of the text; it is now tried only at these places (2x faster,
# same matches).
# One character class first (a line break, or a stop then a space), so the engine skips to
# those characters in C: an alternation of "\n" and a class it cannot skip with.
_HEAD_START = re.compile(r"[\n.:;!?](?:(?<=\n)|\s)(?=[^\S\n]{0,8}(?:[Pp]hần|PHẦN|(?:[IVX]{1,5}|[A-H]|\d{1,2})[^\S\n]{0,2}[.\-–):]))")


def _head_marks(text: str):
    """What ``_HEAD_MARK.finditer(text)`` yields, tried only where a heading can open."""
    return gated_matches(_HEAD_MARK, _HEAD_START, text, at_gate_end=True, also_at_start=True)


_PART_ORDINALS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6}
_HEAD_MAX = 180


def _heading_ordinal(m: re.Match[str]) -> tuple[str, int] | None:
    """(marker style, its number): ("roman", 2) for "II.", ("part", 1) for "Phần thứ nhất"."""
    if m.group("roman"):
        n = ROMAN_VALUES.get(m.group("roman"))
        return ("roman", n) if n else None
    if m.group("letter"):
        return "letter", ord(m.group("letter")) - ord("A") + 1
    if m.group("digit"):
        return "digit", int(m.group("digit"))
    word = m.group("part").split()[-1].lower()
    n = _PART_ORDINALS.get(word) or ROMAN_VALUES.get(word.upper()) or (int(word) if word.isdigit() else None)
    return ("part", n) if n else None


ROMAN_VALUES = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}


def _heading_pairs(doc: Document, ps: list[PeriodFact]) -> list[ReviewPlanPair]:
    """A section heading that reviews a period ("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 10") and
    the next heading of the same style, numbered after it, that plans one ("II. NHIỆM VỤ
    TRỌNG TÂM THÁNG 11", "B. Phương hướng tháng 11", "Phần thứ hai: …"): reports state
    their review and plan months this way, often pages apart."""
    import bisect

    text = doc.text
    if not ps:
        return []
    starts = [p.start for p in ps]
    heads: list[tuple[str, int, str, PeriodFact]] = []
    for m in _head_marks(text):
        ordinal = _heading_ordinal(m)
        if ordinal is None:
            continue
        line_end = text.find("\n", m.end(), m.end() + _HEAD_MAX + 1)
        stop = m.end() + _HEAD_MAX if line_end < 0 else line_end
        dot = re.search(r"[.!?;:](?:\s|$)", text[m.end() : stop])
        end = m.end() + dot.start() if dot else stop
        if dot is None and line_end < 0:
            continue  # no end within reach: a sentence, not a heading
        cue = _HEAD_CUE.search(text, m.end(), end)
        if cue is None:
            continue
        k = bisect.bisect_left(starts, m.end())
        period = None
        for p in ps[k : k + 4]:
            if p.start >= end:
                break
            if p.kind in _PAIR_KINDS and p.role != "subject" and p.cue != "bound" and p.start > cue.start():
                period = p
                break
        if period is None:
            continue
        role = "review" if cue.group("review") else "plan"
        if role == "plan" and not _HEAD_PLAN_BEFORE.search(text[m.end() : period.start].rstrip()):
            continue  # "2. Kế hoạch vốn tháng 12": a budget, not the month planned
        heads.append((ordinal[0], ordinal[1], role, period))
    out: list[ReviewPlanPair] = []
    last: dict[str, tuple[int, str, PeriodFact]] = {}
    for style, number, role, period in heads:
        prev = last.get(style)
        if prev is not None and prev[1] == "review" and role == "plan" and number > prev[0] and period.kind == prev[2].kind:
            out.append(ReviewPlanPair(prev[2], period))
        last[style] = (number, role, period)
    return out


# -- terms of office ----------------------------------------------------------------------

# "nhiệm kỳ 2020-2025", "nhiệm kỳ 2020 – 2025", "nhiệm kỳ: 2020 — 2025", "nhiệm kỳ 2020 đến 2025".
TERM_PATTERN = re.compile(
    r"nhiệm\s+kỳ\s*:?\s*\(?\s*(?P<a>(?:19|20)\d\d)\s*(?:[\-–—‒]|đến|tới)\s*(?P<b>(?:19|20)\d\d)(?!\d)"
)


@record(frozen=True, slots=True)  # thousands a big document: no dict each
class TermFact:
    """A term of office written as two years."""

    start: int
    end: int
    first: int
    last: int
    first_span: tuple[int, int]
    last_span: tuple[int, int]


def terms(doc: Document) -> list[TermFact]:
    """Every "nhiệm kỳ YYYY – YYYY" of the text, in text order."""
    low = doc.fact(lowered)
    out = []
    for m in TERM_PATTERN.finditer(low):
        if word_start(low, m.start()):
            out.append(TermFact(m.start(), m.end(), int(m.group("a")), int(m.group("b")), m.span("a"), m.span("b")))
    return out


# -- anniversaries ------------------------------------------------------------------------

# Found from the literal " năm" (fast) with the count read backwards; see _anniversary_counts.
# "năm" may end the clause: "bản kỷ niệm 60 năm.", "phiên bản kỷ niệm 10 năm, …" (a cue
# before it must then say it is an anniversary: no event name follows).
_ANNIVERSARY = re.compile(r"(?<![\d.,/])(?P<n>\d{1,3})\s+năm(?:\s+|(?=[.,;:!?)”\"]|\Z))")
_YEARS_WORD = re.compile(r" năm(?:\s+|(?=[.,;:!?)”\"]|\Z))")
_APPROX_BEFORE = re.compile(r"(?:hơn|gần|trên|khoảng|hàng|mấy|những|các|suốt|sau\s+hơn|ngót)\s*$", re.IGNORECASE)
# Words between "N năm" and the event's name: "70 năm Ngày Chiến thắng …", "… năm ngày hội …".
_ANNIV_GAP = re.compile(r"(?:\s*(?:ngày\s+hội|ngày|kể\s+từ|thành\s+lập|truyền\s+thống|kỷ\s+niệm|của|lễ)\s*)*", re.IGNORECASE)
# Epithets inside an event's name: "Chiến thắng lịch sử Điện Biên Phủ", "Cách mạng Tháng
# Tám thành công". The phrase is matched with the epithet left out.
_EPITHETS = ("lịch sử ", "vĩ đại ", "vẻ vang ", "oanh liệt ")
# A word right after the event's name that makes it a local body or another country's day.
_LOCAL_UNIT_AFTER = re.compile(
    r"\s+(?:bộ|ủy|uỷ|xã|huyện|tỉnh|phường|quận|thị|thành\s+phố|trường|khối|cơ\s+sở|chi|ngành|viên|cấp|khu|lào|campuchia|trung\s+quốc|cu\s*ba)(?!\w)"
)
_ANNIV_RANGE = re.compile(
    r"\s*\(\s*(?P<d1>\d{1,2})\s*[/.\-]\s*(?P<m1>\d{1,2})\s*[/.\-]\s*(?P<base>\d{4})\s*(?:[\-–—/]|đến)\s*"
    r"(?P<d2>\d{1,2})\s*[/.\-]\s*(?P<m2>\d{1,2})\s*[/.\-]\s*(?P<year>\d{4})\s*\)"
)
# "(1954 – 2024)", "(1954-2024)": the base and the celebration year only; also with a month
# or a date on either side that the full form above does not read ("(6/1967-6/2017)",
# "(6/2/1952-2017)"). The pool's ranges also join two dash dates by a slash
# ("(19-5-1890/19-5-2017)", mined outside the hold-out): "/" separates them above.
_ANNIV_YEAR_RANGE = re.compile(
    r"\s*\(\s*(?:\d{1,2}\s*[/.\-]\s*){0,2}(?P<base>(?:18|19|20)\d\d)\s*(?:[\-–—]|đến)\s*(?:\d{1,2}\s*[/.\-]\s*){0,2}(?P<year>(?:19|20)\d\d)\s*\)"
)
# A year of the sentence: "năm 2024", "2024", or the year of a date "19/5/2024"; not the
# year inside a document number ("245/2020/NQ-HĐND").
_SENTENCE_YEAR = re.compile(r"(?:(?<![\d/])\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*|(?<![\d/.\-]))(?P<y>(?:19|20)\d\d)(?![\d/])")


@record(frozen=True, slots=True)  # thousands a big document: no dict each
class AnniversaryMention:
    """ "N năm <event>" for an event of the anniversaries pack, with what the text says of
    the year it is celebrated in."""

    count: int
    count_span: tuple[int, int]
    event: str  # the pack's id; "" for an event the pack does not know
    name: str
    base: dt.date | None  # None for an event the pack does not know
    phrase_span: tuple[int, int]
    range_base: int | None = None  # "(7/5/1954 - 7/5/2024)" or "(1954 – 2024)"
    range_year: int | None = None
    range_span: tuple[int, int] | None = None
    sentence_years: tuple[int, ...] = ()  # other years written in the same sentence

    @property
    def base_year(self) -> int | None:
        """The event's base year: the pack's, else the one printed in the range."""
        return self.base.year if self.base else self.range_base


def anniversary_table(pack: dict) -> list[tuple]:
    """(phrase, id, base date, name, followed_by) of the pack, longest phrase first."""
    rows = []
    for item in (pack or {}).get("anniversaries", []):
        base = item.get("base_date")
        if not base:
            continue
        base = base if isinstance(base, dt.date) else dt.date.fromisoformat(str(base))
        followed_by = re.compile(item["followed_by"]) if item.get("followed_by") else None
        for phrase in item.get("match", []):
            rows.append((phrase.lower(), item.get("id", ""), base, item.get("name", ""), followed_by))
    rows.sort(key=lambda r: len(r[0]), reverse=True)
    return rows


# "kỷ niệm lần thứ 72 Ngày Chiến thắng …": the N-th anniversary, without "năm" (about one
# anniversary cue in fifty in the pool, mined outside the hold-out).
_ANNIV_ORDINAL = re.compile(r"(?<=niệm lần thứ )(?P<n>\d{1,3})\s+(?!năm)")


def _anniversary_counts(low: str):
    """"N năm " matches in the lower-cased text, found from the word instead of the digits,
    and "kỷ niệm lần thứ N " in text order."""
    if "niệm lần thứ " in low:
        found = sorted(list(_anniversary_year_counts(low)) + list(_ANNIV_ORDINAL.finditer(low)), key=lambda m: m.start())
        yield from found
        return
    yield from _anniversary_year_counts(low)


def _anniversary_year_counts(low: str):
    for w in _YEARS_WORD.finditer(low):
        i = w.start()
        if i == 0 or not low[i - 1].isdigit():
            continue
        begin = i - 1
        while begin > 0 and i - begin < 3 and low[begin - 1].isdigit():
            begin -= 1
        m = _ANNIVERSARY.match(low, begin)
        if m is not None and m.end() == w.end():
            yield m


def _phrase_at(low: str, at: int, table: list[tuple]) -> tuple[tuple, int] | None:
    """The pack row whose phrase starts at ``at`` (epithets skipped) and where it ends."""
    for row in table:
        phrase = row[0]
        if low.startswith(phrase, at):
            return row, at + len(phrase)
    # "chiến thắng lịch sử điện biên phủ": try the phrase with one epithet inside it.
    window = low[at : at + 80]
    for epithet in _EPITHETS:
        k = window.find(epithet)
        if k <= 0:
            continue
        folded = window[:k] + window[k + len(epithet) :]
        for row in table:
            if folded.startswith(row[0]) and len(row[0]) > k:
                return row, at + len(row[0]) + len(epithet)
    return None


# "kỷ niệm 25 năm …", "nhân dịp kỷ niệm …", "chào mừng 49 năm …", "… và 40 năm …" (after an
# anniversary): a count of years that is an anniversary whatever the event.
_ANNIV_CUE_BEFORE = re.compile(r"(?:(?:kỷ|kỉ|tưởng)\s+niệm(?:\s+lần\s+thứ)?|chào\s+mừng|(?<!\w)nhân(?:\s+dịp)?)\s+\Z", re.IGNORECASE)
# "kỷ niệm 6 năm trước" (a memory of six years ago), "N năm qua / tới / nữa": a span of
# time from now, no anniversary.
_ANNIV_TIME_AGO = re.compile(r"(?:trước|qua|tới|nữa|sau)(?!\w)")
# "N năm thành lập / ngày thành lập / truyền thống / thiết lập quan hệ": an anniversary
# count even without "kỷ niệm" (the coverage labels count "Sau 13 năm thành lập, …").
_ANNIV_FOUNDING_AFTER = re.compile(r"(?:ngày\s+)?(?:thành\s+lập|truyền\s+thống|thiết\s+lập\s+quan\s+hệ|ra\s+đời)(?!\w)")
_DURATION_BEFORE = re.compile(r"(?:trong|mỗi|từ|đến|hàng|vòng|chỉ|mất)\s+\Z")
# A range written without parentheses: "… Ấn Độ 15/8/1947 – 15/8/2017".
_ANNIV_BARE_RANGE = re.compile(
    r"(?<![\d/])(?P<d1>\d{1,2})/(?P<m1>\d{1,2})/(?P<base>(?:18|19|20)\d\d)\s?[\-–—]\s?(?P<d2>\d{1,2})/(?P<m2>\d{1,2})/(?P<year>(?:19|20)\d\d)(?![\d/])"
)
_ANNIV_AND_BEFORE = re.compile(r"(?:(?<!\w)và|,)\s+(?:cũng\s+là\s+)?\Z", re.IGNORECASE)


def anniversary_mentions(doc: Document, table: list[tuple] | None = None, unknown: bool = False) -> list[AnniversaryMention]:
    """Every "N năm <event>" of a known event, with its printed range and sentence years;
    with ``unknown``, also every count an anniversary cue introduces ("kỷ niệm 25 năm thành
    lập thành phố (1992 – 2017)") for events the pack does not know (``event`` "").

    ``table`` is ``anniversary_table(pack)``; by default the shipped pack."""
    if table is None:
        from giaoban_qa.packs import load_pack

        table = anniversary_table(load_pack("anniversaries") or {})
    text = doc.text
    low = doc.fact(lowered)
    if "–" in low or "—" in low:
        # Dashes folded so "Thương binh – Liệt sĩ" matches "thương binh - liệt sĩ" (same length).
        low = low.replace("–", "-").replace("—", "-")
    out: list[AnniversaryMention] = []
    for m in _anniversary_counts(low):
        n = int(m.group("n"))
        if n < 1 or _APPROX_BEFORE.search(text, max(0, m.start() - 10), m.start()):
            continue
        gap = _ANNIV_GAP.match(low, m.end())
        hit = _phrase_at(low, gap.end(), table) if gap else None
        if hit is None:
            hit = _phrase_at(low, m.end(), table)  # "66 năm Ngày chiến thắng …"
        if hit is None:
            if unknown:
                mention = _unknown_anniversary(text, low, m, out)
                if mention is not None:
                    out.append(mention)
            continue
        row, phrase_end = hit
        phrase, ident, base, name, followed_by = row
        if _LOCAL_UNIT_AFTER.match(low, phrase_end):
            # "15 năm ngày thành lập Đảng bộ xã": a local body's own founding, not the
            # pack's event; still an anniversary, of an event the pack does not know.
            if unknown:
                mention = _unknown_anniversary(text, low, m, out)
                if mention is not None:
                    out.append(mention)
            continue
        if followed_by is not None and not followed_by.match(low, phrase_end):
            # "kỷ niệm 150 năm quốc khánh Canada": not the pack's event, still an
            # anniversary of one it does not know.
            if unknown:
                mention = _unknown_anniversary(text, low, m, out)
                if mention is not None:
                    out.append(mention)
            continue
        reach = min(len(text), phrase_end + 60)
        rng = _ANNIV_RANGE.match(text, phrase_end) or _ANNIV_RANGE.search(text, phrase_end, reach)
        yrng = None if rng else (_ANNIV_YEAR_RANGE.match(text, phrase_end) or _ANNIV_YEAR_RANGE.search(text, phrase_end, reach))
        found = rng or yrng
        sentence = local_sentence(text, m.start())
        skip = found.span() if found else (0, 0)
        years = tuple(
            int(y.group("y"))
            for y in _SENTENCE_YEAR.finditer(text, sentence.start, sentence.end)
            if not skip[0] <= y.start("y") < skip[1] and int(y.group("y")) != base.year
        )
        out.append(
            AnniversaryMention(
                count=n,
                count_span=m.span("n"),
                event=ident,
                name=name,
                base=base,
                phrase_span=(m.end(), phrase_end),
                range_base=int(found.group("base")) if found else None,
                range_year=int(found.group("year")) if found else None,
                range_span=(found.start() + len(found.group()) - len(found.group().lstrip()), found.end()) if found else None,
                sentence_years=years,
            )
        )
    return out


def _unknown_anniversary(text: str, low: str, m: re.Match[str], earlier: list[AnniversaryMention]) -> AnniversaryMention | None:
    """ "kỷ niệm N năm <an event the pack does not know>", with the range printed after it."""
    before = low[max(0, m.start() - 30) : m.start()]
    cued = bool(_ANNIV_CUE_BEFORE.search(before))
    if not cued and earlier and m.start() - earlier[-1].count_span[1] < 150 and _ANNIV_AND_BEFORE.search(before):
        cued = True  # "… 55 năm Ngày thiết lập quan hệ ngoại giao và 40 năm Ngày ký kết …"
    if not cued and _ANNIV_FOUNDING_AFTER.match(low, m.end()) and not _DURATION_BEFORE.search(before):
        cued = True  # "Sau 10 năm thành lập, …", "hướng tới 75 năm thành lập Đảng bộ tỉnh"
    if not cued or _ANNIV_TIME_AGO.match(low, m.end()):
        return None
    sentence = local_sentence(text, m.start())
    nxt = _ANNIVERSARY.search(low, m.end(), sentence.end)
    # A long name ("50 năm Ngày thiết lập quan hệ ngoại giao giữa … (24/6/1967-24/6/2017)")
    # puts its range far from the count; the count check below keeps other ranges out.
    reach = min(sentence.end, m.end() + 200, nxt.start() if nxt else len(text))
    found = _ANNIV_RANGE.search(text, m.end(), reach) or _ANNIV_YEAR_RANGE.search(text, m.end(), reach) or _ANNIV_BARE_RANGE.search(text, m.end(), reach)
    n = int(m.group("n"))
    if found is not None and abs(int(found.group("year")) - int(found.group("base")) - n) > 3:
        found = None  # a range of something else
    return AnniversaryMention(
        count=n,
        count_span=m.span("n"),
        event="",
        name="",
        base=None,
        phrase_span=(m.end(), m.end()),
        range_base=int(found.group("base")) if found else None,
        range_year=int(found.group("year")) if found else None,
        range_span=(found.start() + len(found.group()) - len(found.group().lstrip()), found.end()) if found else None,
    )
