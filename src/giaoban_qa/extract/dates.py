"""Dates in Vietnamese report prose, found with a small regex grammar.

Forms: ``dd/mm/yyyy`` (also with ``-`` and ``.``), ``ngày X tháng Y năm Z``, partial dates
without a year after a cue word ("Ngày 04/5", "Chiều 3/7", "ngày 26 tháng 6"), day ranges
("ngày 3-4/7"), time-of-day and weekday prefixes, and the place-and-date header line
("Đơn Dương, ngày 05 tháng 01 năm 2020"). Malformed shapes ("23/112020") are kept with a
suggested repair so rules can report them. Years of partial dates are inferred from the
document's anchor (publication date, title, first full date) and marked as inferred.

``dateparser.search`` is not used to *find* dates: in this prose it misses the long form,
reads "95%" as 1995 and invents years from the clock.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any, Iterator

from giaoban_qa.document import Document, Span
from giaoban_qa.extract import fact_table
from giaoban_qa.records import record, replace

TIME_OF_DAY = r"(?P<tod>rạng\s+sáng|sáng|chiều|trưa|tối|đêm|khuya)"
WEEKDAY = r"(?P<wd>thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)"
WEEKDAY_NUMBER = {"hai": 0, "2": 0, "ba": 1, "3": 1, "tư": 2, "4": 2, "năm": 3, "5": 3, "sáu": 4, "6": 4, "bảy": 5, "7": 5}

# The words that may stand before a date's digits. Matched backwards from the digits on a
# short window: putting these optional groups in front of every pattern made the regex
# engine try them at every character of the text.
_PREFIX_BEFORE = re.compile(
    rf"(?:{WEEKDAY}\s*[,\-–(]?\s*)?(?:{TIME_OF_DAY}\s+)?(?:(?P<ngay>ngày)\s+)?\Z",
    re.IGNORECASE,
)

_FULL_NUMERIC = re.compile(
    r"(?<![\d.,/\-])(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\d]|[.,/]\d)"
)
_WORDS = re.compile(
    r"(?P<ngay>ngày)\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:(?:\s*+,\s++|\s++)năm\s++(?P<y>\d{4})|,\s*+(?P<y2>(?:19|20)\d\d)(?!\s*(?:người|hộ|ha|tấn|con|đồng|lượt)))?(?!\d)",
    re.IGNORECASE,
)
_RANGE = re.compile(
    r"(?<![\d.,/\-])(?P<d>\d{1,2})(?:\s*[\-–]\s*|(?P<words>\s+(?:và|đến|tới)\s+))(?P<d2>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?:/(?P<y>\d{4}))?(?![\d]|[.,/]\d)"
)
_PARTIAL = re.compile(
    r"(?<![\d.,/\-])(?P<d>\d{1,2})(?P<sep>[/\-])(?P<m>\d{1,2})(?![\d/]|[.,]\d|\s*[\-–]\s*\d)"
)
# Rarer shapes our grammar only spots; dateparser normalises them (month names such as
# "tháng Một", "5 tháng 1 năm 2020" without "ngày", ISO "2020-01-05"). Imported lazily:
# most documents have none, and the plain check path must stay fast.
_MONTH_WORD = r"(?:\d{1,2}|một|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười một|mười hai|mười)"
_ODD = re.compile(
    rf"(?<![\w/.\-])(?P<d>\d{{1,2}})\s+tháng\s+(?P<mw>{_MONTH_WORD})\s*+,?\s*+(?:năm\s++)?(?P<y>(?:19|20)\d\d)(?!\d)"
    r"|(?<![\w/.\-])(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)(?![\w\-])",
    re.IGNORECASE,
)

# Shapes a typing slip leaves: digits run together ("23/112020"), doubled or mixed
# separators ("23//11/2020", "23/11-2020"), stray spaces ("23/ 11/2020").
_MALFORMED = re.compile(
    r"(?<![\d.,/\-])(?P<d>\d{1,2})/(?P<m>\d{1,2})(?P<y>(?:19|20)\d{2})(?!\d)"
    r"|(?<![\d.,/\-])(?P<d2>\d{1,2})\s*(?P<s1>[/.\-]{1,2})\s*(?P<m2>\d{1,2})\s*(?P<s2>[/.\-]{1,2})\s*(?P<y2>(?:19|20)\d{2})(?!\d)",
)
# Two slips the shapes above miss: the slash between day and month lost ("ngày 126/2021"
# for 12/6/2021; read only after a date word, since "số 126/2021" is a number), and a
# digit too many in the year ("12/6/20211"). Bounded quantifiers only.
# The look-behind follows the first digit (it tests the character before it): a pattern
# opening on a look-behind is tried at every position of the text, one opening on a digit
# skips to the next digit (4x faster, same matches).
_DAY_MONTH_RUN = re.compile(r"(?P<dm>\d(?<![\d.,/\-]\d)\d{2,3})/(?P<y>(?:19|20)\d{2})(?![\d/]|[.,]\d)")
_LONG_YEAR = re.compile(r"(?<![\d.,/\-])(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d{3})(?![\d/]|[.,]\d)")
_DATE_WORD_BEFORE = re.compile(r"(?:ngày|sáng|chiều|trưa|tối|đêm|hôm|vào)\s*$", re.IGNORECASE)


def _day_month_splits(run: str) -> list[tuple[int, int]]:
    """The readings of day and month run together ("126" is 12/6; "111" is 1/11 or 11/1)."""
    out = []
    for cut in (1, 2):
        d, m = run[:cut], run[cut:]
        if 1 <= len(m) <= 2 and not (len(m) == 2 and m[0] == "0" and len(run) == 3) and 1 <= int(d) <= 31 and 1 <= int(m) <= 12:
            out.append((int(d), int(m)))
    return out


# Words right before a partial date that make "3/7" a date and not a fraction.
_PARTIAL_CUE = re.compile(
    r"(?:ngày|sáng|chiều|trưa|tối|đêm|hôm|từ|đến|tới|trước|sau|vào|lúc|và|hạn|dịp|\(|mùng|mồng"
    # "Sáng nay 6/2", "Tối hôm qua 5/2" (mine_kinds.py: event leads)
    r"|(?:sáng|chiều|trưa|tối|đêm|hôm)\s+(?:nay|qua))\s*$",
    re.IGNORECASE,
)
# "Sáng 6.2", "Ngày 20.2" (some papers write day.month with a dot: 8 % of the event leads
# mine_kinds.py finds). Read only right after a time of day or "ngày", where "6.2" cannot
# be a decimal.
_PARTIAL_DOT = re.compile(r"(?<![\d.,/\-])(?P<d>\d{1,2})\.(?P<m>\d{1,2})(?![\d/%]|[.,]\s?\d|\s*[%\-–]|\s*(?:tỷ|triệu|nghìn|ngàn|tấn|ha|km|m|kg|lần|điểm|độ)\b)")
_DOT_CUE = re.compile(r"(?:ngày|sáng|chiều|trưa|tối|đêm|khuya|(?:sáng|chiều|trưa|tối|đêm|hôm)\s+(?:nay|qua))\s+\Z", re.IGNORECASE)
_HEADER_LINE = re.compile(
    r"^[^\S\n]*+(?P<place>[A-ZĐÀ-Ỹ][^\n,;:]{1,40}?),\s*+ngày\s++\d{1,2}\s++tháng\s++\d{1,2}\s++năm\s++\d{4}[^\S\n]*+$",
    re.MULTILINE,
)
# A publication line: an optional label ("Cập nhật lúc", "Ngày xuất bản:", "Thời gian
# đăng:", "date:"), an optional time, an optional weekday ("Thứ Hai,", "T2,", "Thứ hai,
# ngày"), the date (numeric, ISO, or "15 tháng 5 năm 2021") and an optional time
# ("| 09:15", "- 09:15", "lúc 09:15", "09:15 AM", "(GMT+7)"). Matched with ``match`` at a
# paragraph's start only; every quantifier is possessive or bounded by a literal, so a run of
# spaces cannot be split several ways (an earlier form was cubic on whitespace runs).
_PUB_LABEL = (
    r"(?:(?:ngày|thời\s++gian|giờ)\s++)?(?:cập\s++nhật|đăng(?:\s++tải)?+|xuất\s++bản|phát\s++hành)(?:\s++(?:lúc|ngày|vào))?+"
    r"|ngày|thời\s++gian|posted|published|updated|date"
)
_PUB_TIME = r"\d{1,2}[:h]\d{2}(?::\d{2})?+(?:\s*+(?:AM|PM|SA|CH)(?!\w))?+"
_PUBLISHED = re.compile(
    # An author or section before a bar ("Thanh Hà | 15/05/2021 09:15"), or the whole line
    # in parentheses.
    r"^[^\S\n]*+(?:[^\d|\n(]{2,40}+\|[^\S\n]*+)?+\(?+"
    rf"(?P<label>(?:{_PUB_LABEL})\s*+:?\s*+)?+"
    rf"(?:(?P<t1>{_PUB_TIME})\s*+(?:[-–,|]\s*+)?+(?:ngày\s++)?+)?+"
    r"(?P<wd>(?:thứ\s++[^\s,|]++|chủ\s++nhật|T[2-7]|CN)\s*+[,\-–|]?+\s*+(?:ngày\s++)?+)?+"
    r"(?:(?P<d>\d{1,2})[/\-.](?P<m>\d{1,2})[/\-.](?P<y>\d{4})"
    r"|(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?:T(?P<it>\d\d:\d\d)[\d:.]*+Z?+)?+"
    r"|(?P<wdd>\d{1,2})\s++tháng\s++(?P<wdm>\d{1,2})(?:\s*+,\s*+|\s++năm\s++|\s++)(?P<wdy>\d{4}))"
    rf"(?:\s*+[-–,|]?+\s*+(?:(?:vào\s++)?+lúc\s++)?+(?P<t2>{_PUB_TIME})\s*+(?:\(?+[^\S\n]*+GMT[+\d: ]*+\)?+)?+)?+\)?+[^\S\n]*+$",
    re.IGNORECASE | re.MULTILINE,
)


@record(frozen=True, slots=True)  # thousands a big document: no dict each
class DateFact:
    """A date mention with its span and what the text states of it."""

    start: int
    end: int
    text: str
    day: int | None
    month: int | None
    year: int | None
    form: str  # numeric | words | range | partial | odd | malformed
    year_inferred: bool = False
    valid: bool = True
    problem: str | None = None
    repaired: str | None = None  # for malformed dates: the text as it was meant
    garbled: bool = False  # malformed beyond spacing: digits run together, doubled separators
    time_of_day: str | None = None
    weekday: int | None = None
    weekday_span: tuple[int, int] | None = None
    place: str | None = None  # set on a header line "Đơn Dương, ngày …"
    in_header: bool = False
    value_start: int = 0  # where the digits (or "ngày") begin, after any prefix

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def date(self) -> dt.date | None:
        if not self.valid or None in (self.day, self.month, self.year):
            return None
        return dt.date(self.year, self.month, self.day)  # type: ignore[arg-type]

    def iso(self) -> str | None:
        d = self.date
        return d.isoformat() if d else None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "date": self.iso(),
            "day": self.day,
            "month": self.month,
            "year": self.year,
            "year_inferred": self.year_inferred,
            "form": self.form,
        }


@record(frozen=True, slots=True)  # thousands a big document: no dict each
class Published:
    """The publication timestamp line of a news page ("05/05/2020 09:00")."""

    span: Span
    date: DateFact
    time: str | None


def _check_calendar(day: int | None, month: int | None, year: int | None) -> str | None:
    if month is not None and not 1 <= month <= 12:
        return f"month {month} does not exist"
    if day is not None:
        if day < 1:
            return f"day {day} does not exist"
        if month is not None:
            limit = calendar.monthrange(year if year else 2000, month)[1]
            if day > limit:
                return f"{day}/{month}{'/' + str(year) if year else ''} does not exist ({limit} days)"
    return None


class _Prefix:
    """What is written just before a date's core: the weekday, a time of day, "ngày".

    A plain class, not a dataclass: it is only read by ``_make`` (never compared, printed or
    copied), and each dataclass costs about half a millisecond of every cold start."""

    __slots__ = ("start", "weekday", "weekday_span", "time_of_day", "ngay")

    def __init__(self, start: int, weekday: int | None, weekday_span: tuple[int, int] | None, time_of_day: str | None, ngay: bool) -> None:
        self.start = start
        self.weekday = weekday
        self.weekday_span = weekday_span
        self.time_of_day = time_of_day
        self.ngay = ngay


def _prefix(text: str, core_start: int) -> _Prefix:
    window_start = max(0, core_start - 32)
    m = _PREFIX_BEFORE.search(text, window_start, core_start)
    if m is None or m.start() == core_start:
        return _Prefix(core_start, None, None, None, False)
    weekday = wd_span = None
    if m.group("wd"):
        word = m.group("wd").split()[-1].lower()
        weekday = 6 if m.group("wd").lower().startswith("chủ") else WEEKDAY_NUMBER.get(word)
        wd_span = (m.start("wd"), m.end("wd"))
    tod = m.group("tod")
    return _Prefix(m.start(), weekday, wd_span, tod.lower() if tod else None, bool(m.group("ngay")))


def _make(doc: Document, m: re.Match[str], form: str, day: int | None, month: int, year: int | None, pre: _Prefix) -> DateFact:
    problem = _check_calendar(day, month, year)
    value_start = m.start("ngay") if form == "words" else m.start("d")
    start = min(pre.start, m.start())
    return DateFact(
        start=start,
        end=m.end(),
        text=doc.text[start : m.end()],
        day=day,
        month=month,
        year=year,
        form=form,
        valid=problem is None,
        problem=problem,
        time_of_day=pre.time_of_day,
        weekday=pre.weekday,
        weekday_span=pre.weekday_span,
        value_start=value_start,
    )


# Every place a digit-led date pattern can start. One scan for these replaces a scan of the
# whole text per pattern; each pattern is then tried only at the candidates, where its own
# look-behind decides. No look-behind here (it slowed the scan 2x): a digit this scan skips
# inside an earlier candidate follows another digit, where no date pattern may start.
# The "và / đến" alternative is a lookahead: consuming "29 đến 3" would hide the start of
# "31- 5-2017" from the later patterns (the candidates are found without overlap).
# Written as one digit first ("\d" then the rest, the ISO year's first digit told by a
# look-behind): a pattern that opens on a single character class lets the regex engine skip
# to the next digit in C; one opening on "\d{1,2}" or an alternation is tried at every
# position (2.4x slower on the real corpus, same matches).
_CANDIDATE = re.compile(r"\d(?:\d?(?:\s*[/.\-–]|\s+tháng|(?=\s+(?:và|đến|tới)\s+\d))|(?<=1)9\d\d-|(?<=2)0\d\d-)", re.IGNORECASE)


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` yields, trying only the given start positions (which
    must include every position where the pattern can match)."""
    end = 0
    for start in starts:
        if start < end:
            continue
        m = pattern.match(text, start)
        if m is not None:
            end = max(m.end(), start + 1)
            yield m


# What a candidate ends with tells which patterns can start there: each pattern needs,
# right after its one or two digits, a separator written tight ("3/7") or after spaces
# ("3 - 5/7"), "tháng", "và / đến / tới" (the look-ahead: the candidate ends on its digits)
# or, for the ISO form, "YYYY-". Trying each pattern only at its own candidates keeps its
# matches (every place it can match is still tried) and saves most of the attempts.
_BY_SEPARATOR = {
    (True, "/"): (_FULL_NUMERIC, _PARTIAL, _LONG_YEAR, _MALFORMED),
    (True, "."): (_FULL_NUMERIC, _PARTIAL_DOT, _MALFORMED),
    (True, "-"): (_FULL_NUMERIC, _PARTIAL, _RANGE, _MALFORMED),
    (True, "–"): (_RANGE,),
    (False, "/"): (_MALFORMED,),
    (False, "."): (_MALFORMED,),
    (False, "-"): (_RANGE, _MALFORMED),
    (False, "–"): (_RANGE,),
}
_NGAY = re.compile("ngày", re.IGNORECASE)


def _starts_by_pattern(text: str) -> dict[re.Pattern[str], list[int]]:
    """The candidate starts of each date pattern, in text order. ``_WORDS`` ("ngày 5 tháng
    6") is tried where "ngày" and white space stand before a "5 tháng" candidate: opening on
    a literal under IGNORECASE, it was a scan trying every position of the text; and
    ``_DAY_MONTH_RUN`` where three or four digits end in a "DD/" candidate (it was a scan of
    its own)."""
    by: dict[re.Pattern[str], list[int]] = {p: [] for p in (_WORDS, _FULL_NUMERIC, _RANGE, _PARTIAL, _PARTIAL_DOT, _ODD, _MALFORMED, _LONG_YEAR, _DAY_MONTH_RUN)}
    words, ranges, odd, runs = by[_WORDS], by[_RANGE], by[_ODD], by[_DAY_MONTH_RUN]
    for m in _CANDIDATE.finditer(text):
        start, got = m.start(), m.group()
        last = got[-1]
        if last in "/.-–":
            if len(got) == 5 and got[3].isdigit():
                odd.append(start)  # "2020-": the ISO form
            else:
                for pattern in _BY_SEPARATOR[(got[-2].isdigit(), last)]:
                    by[pattern].append(start)
                if last == "/" and len(got) == 3 and start and text[start - 1].isdigit():
                    # "126/2021" is found at "26/": day and month run together start one or
                    # two digits before it.
                    if start >= 2 and text[start - 2].isdigit():
                        runs.append(start - 2)
                    runs.append(start - 1)
        elif last.isdigit():
            ranges.append(start)  # "9 và 10/5"
        else:
            odd.append(start)  # "5 tháng"
            gap = start
            while gap > 0 and text[gap - 1].isspace():
                gap -= 1
            if gap < start and gap >= 4 and _NGAY.match(text, gap - 4):
                words.append(gap - 4)
    return by


def find_dates(doc: Document) -> list[DateFact]:
    """Every date mention, in text order, with years of partial dates left empty."""
    text = doc.text
    starts = _starts_by_pattern(text)
    found: list[DateFact] = []
    # Characters already claimed by a date: later, looser patterns may not reuse them. A
    # byte map keeps this linear in the text size, however many dates a file has.
    claimed = bytearray(len(text) + 1)

    def claim(s: int, e: int) -> None:
        claimed[s:e] = b"\x01" * (e - s)

    def free(s: int, e: int) -> bool:
        return claimed.find(1, s, e) == -1

    for m in _matches_at(_WORDS, text, starts[_WORDS]):
        y = int(m.group("y") or m.group("y2")) if (m.group("y") or m.group("y2")) else None
        found.append(_make(doc, m, "words", int(m.group("d")), int(m.group("m")), y, _prefix(text, m.start())))
        claim(m.start("d"), m.end())
    for m in _matches_at(_FULL_NUMERIC, text, starts[_FULL_NUMERIC]):
        if free(m.start("d"), m.end()):
            found.append(_make(doc, m, "numeric", int(m.group("d")), int(m.group("m")), int(m.group("y")), _prefix(text, m.start())))
            claim(m.start("d"), m.end())
    for m in _matches_at(_RANGE, text, starts[_RANGE]):
        if not free(m.start("d"), m.end()):
            continue
        pre = _prefix(text, m.start())
        if m.group("words") and not (pre.ngay or pre.time_of_day):
            continue  # "ngày 17 và 18/5", "từ ngày 17 đến 19/5"; not "từ 3 đến 5/10 điểm"
        if m.group("y") or pre.ngay or pre.time_of_day or _cued(text, m.start()):
            y = int(m.group("y")) if m.group("y") else None
            d1, d2 = int(m.group("d")), int(m.group("d2"))
            if d1 < d2:
                found.append(_make(doc, m, "range", d1, int(m.group("m")), y, pre))
                claim(m.start("d"), m.end())
    for m in _matches_at(_PARTIAL, text, starts[_PARTIAL]):
        if not free(m.start("d"), m.end()):
            continue
        pre = _prefix(text, m.start())
        cued = pre.ngay or pre.time_of_day is not None or pre.weekday is not None or _cued(text, m.start())
        if not cued:
            continue
        day, month = int(m.group("d")), int(m.group("m"))
        if _check_calendar(day, month, None) and not pre.ngay:
            continue  # "đến 12/15 xã" is a fraction, not an impossible date
        if m.group("sep") == "-" and not (pre.ngay or pre.time_of_day):
            continue  # "từ 3-5 người" is a range of counts
        found.append(_make(doc, m, "partial", day, month, None, pre))
        claim(m.start("d"), m.end())
    for m in _matches_at(_PARTIAL_DOT, text, starts[_PARTIAL_DOT]):
        if not free(m.start("d"), m.end()) or not _DOT_CUE.search(text, max(0, m.start() - 16), m.start()):
            continue
        day, month = int(m.group("d")), int(m.group("m"))
        if _check_calendar(day, month, None):
            continue
        found.append(_make(doc, m, "partial", day, month, None, _prefix(text, m.start())))
        claim(m.start("d"), m.end())
    for m in _matches_at(_ODD, text, starts[_ODD]):
        if not free(m.start(), m.end()):
            continue
        parsed = _parse_odd(m.group())
        if parsed is None:
            continue
        found.append(
            DateFact(
                start=m.start(),
                end=m.end(),
                text=m.group(),
                day=parsed.day,
                month=parsed.month,
                year=parsed.year,
                form="odd",
                value_start=m.start(),
            )
        )
        claim(m.start(), m.end())
    for m in _matches_at(_MALFORMED, text, starts[_MALFORMED]):
        if not free(m.start(), m.end()):
            continue
        if m.group("d") is not None:
            d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
        else:
            if m.group("s1") == m.group("s2") and len(m.group("s1")) == 1 and " " not in m.group():
                continue  # a clean date the numeric grammar rejected for its context
            d, mo, y = int(m.group("d2")), int(m.group("m2")), int(m.group("y2"))
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            continue
        if re.search(r"tháng\s*$", text[max(0, m.start() - 8) : m.start()], re.IGNORECASE):
            continue  # "tháng 3- 4/2017" is a range of months
        problem = _check_calendar(d, mo, y)
        found.append(
            DateFact(
                start=m.start(),
                end=m.end(),
                text=m.group(),
                day=d,
                month=mo,
                year=y,
                form="malformed",
                valid=problem is None,
                problem=problem,
                repaired=f"{d:02d}/{mo:02d}/{y}" if m.group()[:2].isdigit() else f"{d}/{mo}/{y}",
                garbled=m.group("d") is not None or len(m.group("s1")) > 1 or len(m.group("s2")) > 1,
                value_start=m.start(),
            )
        )
        claim(m.start(), m.end())
    # Its start is no _CANDIDATE start ("126/" is found at "26/"): _starts_by_pattern steps
    # back from the candidate.
    for m in _matches_at(_DAY_MONTH_RUN, text, starts[_DAY_MONTH_RUN]):
        if not free(m.start(), m.end()) or not _DATE_WORD_BEFORE.search(text[max(0, m.start() - 8) : m.start()]):
            continue
        splits = _day_month_splits(m.group("dm"))
        if len(splits) != 1:
            continue  # no reading, or two ("111/2021"): nothing safe to suggest
        (d, mo), y = splits[0], int(m.group("y"))
        found.append(
            DateFact(
                start=m.start(), end=m.end(), text=m.group(), day=d, month=mo, year=y, form="malformed",
                valid=_check_calendar(d, mo, y) is None, problem=_check_calendar(d, mo, y),
                repaired=f"{d}/{mo}/{y}", garbled=True, value_start=m.start(),
            )
        )
        claim(m.start(), m.end())
    for m in _matches_at(_LONG_YEAR, text, starts[_LONG_YEAR]):
        if not free(m.start(), m.end()):
            continue
        d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y")[:4])
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            continue
        found.append(
            DateFact(
                start=m.start(), end=m.end(), text=m.group(), day=d, month=mo, year=y, form="malformed",
                valid=_check_calendar(d, mo, y) is None, problem=_check_calendar(d, mo, y),
                repaired=f"{m.group('d')}/{m.group('m')}/{y}", garbled=True, value_start=m.start(),
            )
        )
        claim(m.start(), m.end())
    # A header line holds a "ngày D tháng M năm Y" date, which needs a _WORDS start.
    for m in _HEADER_LINE.finditer(text) if starts[_WORDS] else ():
        for i, f in enumerate(found):
            if m.start() <= f.start < m.end():
                found[i] = replace(f, place=m.group("place").strip(), in_header=True)
    found.sort(key=lambda f: f.start)
    return found


# The odd shapes whose reading is plain, answered without dateparser (its first call costs
# a process ~0.15 s: the import, its locale data, its time-zone patterns): an ISO date or
# "D tháng M[,] [năm] Y" with single spaces that is a real day of the calendar, and "D tháng
# năm Y" ("4 tháng năm 2017", four months of the year), which dateparser never reads as a
# date (with a comma or a second "năm" it reads May). Everything else (month words, zeros,
# impossible days, other spacing) still goes to dateparser. benchmarks/verify_odd_dates.py
# compares the two on every such string over fourteen years; tests/test_dates_odd_fast.py
# on a seeded sample.
_ODD_PLAIN = re.compile(
    r"(?P<d>\d{1,2}) tháng (?P<m>\d{1,2}),? (?:năm )?(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2}) tháng (?P<nam>[nN]ăm) \d{4}"
    r"|(?P<iy>\d{4})-(?P<im>\d\d)-(?P<id>\d\d)"
)
_NOT_PARSED = object()


def _parse_odd_plain(candidate: str) -> Any:
    """The date dateparser gives ``candidate``, or None, when its shape is one of the plain
    ones above; ``_NOT_PARSED`` when dateparser must be asked."""
    m = _ODD_PLAIN.fullmatch(candidate)
    if m is None:
        return _NOT_PARSED
    if m.group("nam") is not None:
        return None
    if m.group("iy") is not None:
        y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    else:
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]:
        return dt.date(y, mo, d)
    return _NOT_PARSED


def _parse_odd(candidate: str) -> dt.date | None:
    """Normalise one odd date string with dateparser, inventing nothing: the day, month
    and year must all be in the string, and relative words resolve against a fixed base."""
    plain = _parse_odd_plain(candidate)
    if plain is not _NOT_PARSED:
        return plain
    return _dateparser_odd(candidate)


def _dateparser_odd(candidate: str) -> dt.date | None:
    """What dateparser reads in one odd date string (imported only here)."""
    import dateparser

    parsed = dateparser.parse(
        candidate,
        languages=["vi"],
        settings={
            "RELATIVE_BASE": dt.datetime(2000, 1, 1),
            "STRICT_PARSING": True,
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PREFER_DAY_OF_MONTH": "first",
        },
    )
    return parsed.date() if parsed else None


def _cued(text: str, start: int) -> bool:
    return bool(_PARTIAL_CUE.search(text, max(0, start - 12), start))


def fold_label(label: str) -> str:
    """A publication label without its colon, spaces collapsed, lower case ("Ngày :" -> "ngay")."""
    low = " ".join(label.replace(":", " ").lower().split())
    return "ngay" if low == "ngày" else low


def published(doc: Document) -> Published | None:
    """The publication timestamp line among the first lines of the document."""
    for para in doc.paragraphs[:6]:
        m = _PUBLISHED.match(doc.text, para.start, para.end)
        if m and m.end() >= para.end - 1:
            has_time = m.group("t1") or m.group("t2") or m.group("it")
            labelled = m.group().strip()[:1].isalpha()
            if not (has_time or labelled):
                continue
            if m.group("wdd") and not (has_time or m.group("wd") or (m.group("label") and fold_label(m.group("label")) != "ngay")):
                continue  # "Ngày 15 tháng 5 năm 2021" alone is the document's own date line
            key = "d" if m.group("d") else "id" if m.group("id") else "wdd"
            ykey = {"d": "y", "id": "iy", "wdd": "wdy"}[key]
            mkey = {"d": "m", "id": "im", "wdd": "wdm"}[key]
            day, month, year = int(m.group(key)), int(m.group(mkey)), int(m.group(ykey))
            first, last = min(m.start(key), m.start(ykey)), max(m.end(key), m.end(ykey))
            if m.group("it") and m.group().rstrip().endswith("Z") and int(m.group("it")[:2]) >= 17 and _check_calendar(day, month, year) is None:
                # "2020-08-10T20:00:00Z" is UTC: in Vietnam (UTC+7) it is already the 11th.
                local = dt.date(year, month, day) + dt.timedelta(days=1)
                day, month, year = local.day, local.month, local.year
            problem = _check_calendar(day, month, year)
            fact = DateFact(
                start=first,
                end=last,
                text=doc.text[first:last],
                day=day,
                month=month,
                year=year,
                form="numeric" if key == "d" else "words" if key == "wdd" else "odd",
                valid=problem is None,
                problem=problem,
                value_start=first,
            )
            return Published(Span(para.start, para.end), fact, m.group("t1") or m.group("t2") or m.group("it"))
    return None


_YEAR_IN_TITLE = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")


STRONG_ANCHORS = ("published", "header", "title")


def anchor_date(doc: Document) -> tuple[dt.date | None, str]:
    """The date partial dates are read against, and where it came from."""
    pub = doc.fact(published)
    if pub and pub.date.date:
        return pub.date.date, "published"
    for f in doc.fact(find_dates):
        if f.in_header and f.date:
            return f.date, "header"
    m = _YEAR_IN_TITLE.search(doc.title_text)
    if m:
        return dt.date(int(m.group()), 12, 31), "title"
    for f in doc.fact(find_dates):
        if f.date and f.form != "malformed":
            return f.date, "first full date"
    return None, "none"


def dates(doc: Document) -> list[DateFact]:
    """Every date with inferred years filled in (marked ``year_inferred``)."""
    raw = doc.fact(find_dates)
    anchor, _ = doc.fact(anchor_date)
    if anchor is None:
        return raw
    out = []
    for f in raw:
        if f.year is None and f.month is not None:
            year = anchor.year
            # A partial date months after the anchor most likely belongs to the year before
            # (an article of 05/01 about "ngày 28/12").
            if f.month - anchor.month > 6:
                year -= 1
            problem = _check_calendar(f.day, f.month, year)
            f = replace(f, year=year, year_inferred=True, valid=problem is None, problem=problem)
        out.append(f)
    return out


# The lead sentence of a meeting report says what took place; a first sentence that only
# recalls history ("Ngày 26/5/2004, tỉnh được chia tách…") does not date the report.
_EVENT_WORDS = re.compile(
    r"\b(?:hội nghị|họp|giao ban|làm việc|kỳ họp|phiên|khai mạc|bế mạc|diễn ra|tiếp xúc|"
    r"chủ trì|sơ kết|tổng kết|đại hội|thăm|kiểm tra|gặp mặt|tọa đàm|toạ đàm|lễ|ra quân|công bố|"
    r"tập huấn|bồi dưỡng|khai giảng|hội thảo|hội thi|diễn tập|mở lớp)\b",
    re.IGNORECASE,
)


def event_date(doc: Document) -> DateFact | None:
    """The date of the meeting or event the report is about, from its lead sentence."""
    pub = doc.fact(published)
    all_dates = doc.fact(dates)
    title_end = doc.title.end if doc.title else 0
    considered = 0
    for para in doc.paragraphs:
        is_title_sentence = para.start == 0 or doc.text[para.start : para.end].rstrip().endswith(".")
        if (para.end <= title_end and not is_title_sentence) or (pub and para.start == pub.span.start):
            continue
        considered += 1
        if considered > 4:
            break
        for sent in doc.sentences:
            if sent.start < para.start or sent.start >= para.end:
                continue
            # What took place is said right after the date, not at the end of a long sentence.
            opening = doc.text[sent.start : min(sent.end, sent.start + 160)]
            if not _EVENT_WORDS.search(opening):
                break
            for f in all_dates:
                if sent.start <= f.start < sent.end and f.start - sent.start <= 60 and f.day is not None:
                    lead = doc.text[sent.start : f.start]
                    if re.search(r"\d|số|\bvề\b", lead):
                        continue
                    return f
            break  # only the first sentence of a paragraph opens with the event date
    return None


@fact_table("dates")
def date_rows(doc: Document) -> list[dict[str, Any]]:
    ev = doc.fact(event_date)
    pub = doc.fact(published)
    rows = []
    for f in doc.fact(dates):
        role = "event" if ev is not None and f.start == ev.start else ""
        rows.append({**f.to_json(), "role": role, "valid": f.valid})
    if pub:
        rows.append({**pub.date.to_json(), "role": "published", "valid": pub.date.valid})
    return rows
