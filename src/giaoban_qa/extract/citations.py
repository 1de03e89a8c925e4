"""Cited documents: "Báo cáo số 369/BC-UBND, ngày 30 tháng 11 năm 2020 của UBND huyện về …".

Two numbering systems (see the domain reference): State documents are written
number/TYPE-ISSUER ("369/BC-UBND"), with the year for normative ones ("245/2020/NQ-HĐND"),
or number/ISSUER-UNIT for an official letter ("1167/UBND-TH"); Party documents are written
number-TYPE/ISSUER ("20-NQ/TU"). A citation keeps the type word in front of it, the date,
the issuer named in words and the subject ("về …") when the text gives them.
"""

from __future__ import annotations

import bisect
import re
from typing import Any, Iterator

from giaoban_qa.document import Document
from giaoban_qa.extract import fact_table, gated_matches
from giaoban_qa.extract.dates import DateFact, dates
from giaoban_qa.records import record

TYPE_WORDS = (
    "Nghị quyết liên tịch", "Nghị quyết", "Quyết định", "Chỉ thị", "Kết luận", "Kế hoạch", "Báo cáo",
    "Công văn", "Thông báo", "Thông tri", "Thông tư liên tịch", "Thông tư", "Nghị định", "Hướng dẫn", "Tờ trình",
    "Chương trình hành động", "Chương trình", "Đề án", "Phương án", "Dự án", "Quy định", "Quy chế", "Công điện",
    "Giấy mời", "Biên bản", "Thông cáo", "Hợp đồng", "Luật", "Pháp lệnh", "Lệnh", "Sắc lệnh", "Điều lệ",
    "Văn bản", "Công thư", "Bản ghi nhớ", "Giấy ủy quyền", "Giấy uỷ quyền", "Phiếu chuyển", "Thư công",
)
_TYPE = "|".join(sorted((re.escape(t) for t in TYPE_WORDS), key=len, reverse=True))
_UP = r"[A-ZĐ]"
_SYM = r"[A-Za-zĐđ]"
_ISSUER = rf"{_UP}[A-Za-zĐđƯƠ0-9&]*"  # "29-NQ/TƯ": the Party centre written with its marks

# The symbol alone, anchored on its digits; the type word in front of it is looked for
# backwards on a short window (an optional type-word group in front made the engine try
# the whole alternation of type words at every character).
# Real text sometimes spaces the first separator ("35- NQ/TW", "40 – CT/TW",
# "116/2020/NĐ - CP", "1998/ UBND-VP"): accepted there, with one space at most on each
# side, and the symbol is stored without the spaces (``Citation.spaced`` remembers them).
_SP = r"[ \u00a0]?"
# The slash left out, after a type word: "Quyết định 309 QĐ-TTg" (a type abbreviation and its
# issuer must follow; read as 309/QĐ-TTg).
_NOSLASH_TYPES = r"(?:QĐ|NQ|CT|KH|BC|TB|NĐ|TT|TTr|HD|KL|CV|CĐ)"
# Also seen in real text (r17ppl, pool mining): the year joined by a dash ("Nghị quyết
# 19-2017/NQ-CP", read as written), the issuer after a second slash ("324/CV/HHLTVN"), a
# steering committee named by its number ("73/QĐ-BCĐ 389/TP"), the old Government
# decrees' "28-CP" / "64-TTg" with no type part, and "số187/2004/NĐ-CP" with no space.
_OLD_ISSUERS = r"(?:CP|TTg|HĐBT|HĐCP)"
_SYMBOL = re.compile(
    rf"(?:(?<![\w/\-.])|(?<=số))(?P<symbol>"
    rf"(?P<party_no>\d{{1,5}}){_SP}[-–]{_SP}(?P<party_type>{_UP}{_SYM}*)/(?P<party_issuer>{_ISSUER}(?:-{_ISSUER})*)"
    rf"|(?P<state_no>\d{{1,5}}[a-e]?)(?:{_SP}/{_SP}|(?P<noslash>[ \u00a0])(?={_NOSLASH_TYPES}[-–]{_UP})|{_SP}[-–]{_SP}(?=(?:19|20)\d\d/{_UP}))(?:(?P<year>(?:19|20)\d\d)/{_SP})?(?P<state_a>{_UP}{_SYM}*\d*)"
    rf"(?:(?:{_SP}[-–]{_SP}|/)(?P<state_b>{_ISSUER}(?:-{_ISSUER}|[ \u00a0]\d{{2,4}}/{_ISSUER})*))?"
    rf"|(?P<old_no>\d{{1,5}})[-–](?P<old_issuer>{_OLD_ISSUERS})"
    rf")(?![\w/])"
)
# Where a symbol can start: its first digit, not after a letter, digit, "/", "-" or "."
# unless right after "số" (the look-behinds follow the digit so the engine skips to digits
# in C), then up to five digits, the letter of "30a/…", and the separator ``_SYMBOL`` needs
# next. ``_SYMBOL`` opens on a look-behind and so was tried at every position of the text;
# it is now tried only at these places (3x faster on the real corpus, same matches).
_SYMBOL_START = re.compile(rf"\d(?:(?<![\w/\-.]\d)|(?<=số\d))\d{{0,4}}[a-e]?(?:{_SP}[-–/]|[ \u00a0](?={_NOSLASH_TYPES}))")
_SPACING = re.compile(r"[\s–]")
_TYPE_BEFORE = re.compile(rf"(?P<type>{_TYPE})\s+(?:(?:số|Số)\s*:?\s*)?\Z")
_TYPE_WINDOW = 48
# A type word followed only by a number: "Chỉ thị 16 của Thủ tướng", "Chỉ thị số 05".
# "Nghị định 67", "Nghị định 67.", "Nghị định số 03/2017": the number, and its year when written.
# Written in lower case mid-sentence ("ban hành kèm theo quyết định số 68 ngày 4/7/2007"):
# a citation only with "số" (the common nouns "quyết định 3 việc", "báo cáo 2 lần" are not).
_LOWER_TYPES = ("nghị quyết", "quyết định", "chỉ thị", "kết luận", "kế hoạch", "báo cáo", "công văn", "thông báo",
                "thông tư", "nghị định", "hướng dẫn", "tờ trình", "công điện", "quy định")
_TYPE_LOWER = "|".join(re.escape(t) for t in _LOWER_TYPES)
_NUMBER_ONLY = re.compile(rf"(?P<type>{_TYPE})\s+(?:số\s+)?(?P<number>\d{{1,4}}(?:[/-](?:19|20)\d\d)?)(?![\d/\-]|[.,]\d|\s*%)")
# Found from "số N" and read backwards (an alternation of lower-case words tried at every
# character cost ten times the capitalised pass).
# The look-behind follows the "s" (tested on the character before it): opening on it, the
# pattern was tried at every position of the text (19x slower, same matches).
_SO_NUMBER = re.compile(r"s(?<!\w.)ố\s+(?P<number>\d{1,4}(?:/(?:19|20)\d\d)?)(?![\d/\-]|[.,]\d|\s*%)")
_LTYPE_BEFORE = re.compile(rf"(?<!\w)(?P<ltype>{_TYPE_LOWER})\s+\Z")
# Between a symbol and its date (mine_kinds.py, cited_date): "ngày", ", ngày", "(ngày …)",
# "- ngày", "ban hành ngày", "(ban hành ngày …)", "được Bộ Tài chính ban hành ngày", "ký
# ngày", or the date alone in parentheses "(12/3/2021)". Bounded, so linear.
_AND_NUMBER = re.compile(r"\s+(?:và|,)\s+(?:số\s+)?(?P<number>\d{1,4}(?:/(?:19|20)\d\d)?)(?![\d/\-]|[.,]\d|\s*%|\s+(?:năm|tháng|ngày|người|hộ|xã|tỷ|triệu)\b)")
_AFTER_DATE = re.compile(
    r"\s*+(?:[,(]|[-–])?\s*+(?:được\s+(?:[^,;.()\n]{2,60}?\s)?)?(?:(?:ban hành|ký|ký ban hành)\s+)?(?=(?:ngày|sáng|chiều)\b)"
    r"|\s*+\((?=\s?\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?\d{4}\s?\))"
    # the date right after the symbol with no "ngày": "Nghị định số 100/2015/NĐ-CP 20/10/2015 của …"
    # or after "ban hành" with no "ngày": "… của Chính phủ ban hành 16/11/2010"
    r"|[ \u00a0](?:(?:ban hành|ký)\s+)?(?=\d{1,2}/\d{1,2}/(?:19|20)\d\d(?!\d))",
    re.IGNORECASE,
)
_ISSUER_WORDS = re.compile(
    r"\s*,?\s*(?:của|do)\s+(?P<issuer>[^,;.()“”\"\n]{2,80}?)(?=\s+(?:về|tại|ngày|ban hành|ký|quy định|hướng dẫn|triển khai|nhằm|đã|và\s+(?:Nghị|Quyết|Chỉ|Kế|Báo|Công|Thông))\b|[,;.()“”\"\n]|$)"
)
_SUBJECT = re.compile(r"\s*,?\s*về\s+(?P<subject>[^;.\n]{3,200}?)(?=[;.\n]|$)")

# Issuers that mark a Party document (domain reference §2.3), matched on the symbol's
# issuer part.
PARTY_ISSUERS = {"TW", "TU", "HU", "ĐU", "QU", "TƯ", "BCĐ", "VPTW", "BTGTW", "BTCTW", "UBKTTW", "BDVTW", "BNCTW", "ĐĐ", "ĐUK", "TUQĐ", "ĐUQSTW", "TTHU", "BTV", "ĐUCA"}


@record(frozen=True, slots=True)  # thousands a big document: no dict each
class Citation:
    """A cited document ("Nghị quyết số 12-NQ/TU ngày …"): its type word, symbol, number and date."""

    start: int
    end: int
    text: str
    type_word: str | None
    type_span: tuple[int, int] | None
    symbol: str | None
    symbol_span: tuple[int, int] | None
    number: str
    system: str  # party | state | state_legal | law | number_only
    type_abbr: str | None
    issuer: str | None
    unit: str | None  # drafting unit of an official letter ("TH" in 1167/UBND-TH)
    year: int | None
    date: DateFact | None
    issuer_words: str | None
    issuer_words_span: tuple[int, int] | None
    subject: str | None
    subject_span: tuple[int, int] | None
    spaced: bool = False  # the symbol was written with spaces or an en dash ("NĐ - CP")

    @property
    def key(self) -> str:
        """Number and symbol: what identifies the document."""
        return self.symbol or f"{self.type_word} {self.number}"

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type_word": self.type_word,
            "symbol": self.symbol,
            "system": self.system,
            "type_abbr": self.type_abbr,
            "issuer": self.issuer,
            "year": self.year,
            "date": self.date.iso() if self.date else None,
            "issuer_words": self.issuer_words,
            "subject": self.subject,
        }


def _classify(m: re.Match[str]) -> tuple[str, str | None, str | None, str | None, int | None, str]:
    if m.group("party_no"):
        issuer = m.group("party_issuer")
        return "party", m.group("party_type"), issuer, None, None, m.group("party_no")
    if m.group("old_no"):
        return "state", None, m.group("old_issuer"), None, None, m.group("old_no")
    number = m.group("state_no")
    a, b = m.group("state_a"), m.group("state_b")
    year = int(m.group("year")) if m.group("year") else None
    if year and re.fullmatch(r"(QH|UBTVQH)\d+", a) and not b:
        return "law", None, a, None, year, number
    if b is None:
        if _is_type_abbreviation(a):
            # A symbol cut short of its issuer ("35/NQ", "116/2020/NĐ"): the part is a type.
            return ("state_legal" if year else "state"), a, None, None, year, number
        return "state", None, a, None, year, number
    if year:
        return "state_legal", a, b, None, year, number
    if _is_type_abbreviation(a):
        return "state", a, b, None, None, number
    # Official letter: ISSUER-UNIT, no type.
    return "state", None, a, b, None, number


# Abbreviations that name a type in a State symbol; anything else in first place is an
# issuer (Công văn "1167/UBND-TH"). Kept small and general: the YAML pack refines it.
_STATE_TYPES = {
    "NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC", "BB", "TTr", "HĐ", "CĐ",
    "BGN", "BTT", "GUQ", "GM", "GNP", "GĐ", "GCN", "GGT", "PG", "PC", "PB", "TT", "TTLT", "NĐ", "NQLT", "L", "PL",
    "CV", "KL", "QĐi", "HDLT",
}
# "TTg" is not here: it is the Prime Minister as issuer ("573/TTg-KTN" is a letter of his).


def _is_type_abbreviation(abbr: str) -> bool:
    return abbr in _STATE_TYPES


def citations(doc: Document) -> list[Citation]:
    text = doc.text
    all_dates = doc.fact(dates)
    by_start = {d.start: d for d in all_dates}
    out: list[Citation] = []
    # Start offsets of text inside symbol citations; a set keeps the number-only pass
    # linear however many citations a long file has.
    covered_starts: list[tuple[int, int]] = []
    for m in _symbols(text):
        symbol = m.group("symbol")
        system, type_abbr, issuer, unit, year, number = _classify(m)
        tm = _TYPE_BEFORE.search(text, max(0, m.start() - _TYPE_WINDOW), m.start())
        type_span = (tm.start("type"), tm.end("type")) if tm else None
        if system == "state" and type_abbr is None and unit is None and not tm:
            continue  # "3/7", "5/TB" without a type word in front: not clearly a citation
        if system in ("party", "state") and m.group("party_no") is None and _looks_like_fraction(symbol):
            continue
        if system == "party" and issuer.upper() != issuer and not tm:
            continue
        if m.group("noslash") and not tm:
            continue  # "… 309 QĐ-TTg" without a type word in front: not clearly a citation
        out.append(_build(doc, m, type_span, (m.start("symbol"), m.end("symbol")), system, type_abbr, issuer, unit, year, number, by_start))
        covered_starts.append((type_span[0] if type_span else m.start(), m.end()))
    starts = [a for a, _ in covered_starts]
    for m in _NUMBER_ONLY.finditer(text):
        # Citations are found in text order, so the one that could cover m is the last
        # starting at or before it.
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and m.start() < covered_starts[i][1]:
            continue
        number = m.group("number")
        year = int(number.split("/")[1]) if "/" in number else None
        if "-" in number:
            year = int(number.split("-")[1])  # "Nghị quyết 19-2017"
        tg = "type"
        out.append(_build(doc, m, (m.start(tg), m.end(tg)), None, "number_only", None, None, None, year, number, by_start))
        # "Quyết định 19 và 54": a second document of the same type, its number only.
        more = _AND_NUMBER.match(text, m.end())
        if more:
            number = more.group("number")
            year = int(number.split("/")[1]) if "/" in number else None
            out.append(_build(doc, more, (m.start(tg), m.end(tg)), None, "number_only", None, None, None, year, number, by_start))
    if "số " in text:
        taken = sorted((c.start, c.end) for c in out)
        starts2 = [a for a, _ in taken]
        for m in _SO_NUMBER.finditer(text):
            lt = _LTYPE_BEFORE.search(text, max(0, m.start() - 24), m.start())
            if lt is None:
                continue
            i = bisect.bisect_right(starts2, m.start()) - 1
            if i >= 0 and m.start() < taken[i][1]:
                continue
            number = m.group("number")
            year = int(number.split("/")[1]) if "/" in number else None
            out.append(_build(doc, m, (lt.start("ltype"), lt.end("ltype")), None, "number_only", None, None, None, year, number, by_start))
    out.sort(key=lambda c: c.start)
    return out


def _symbols(text: str) -> Iterator[re.Match[str]]:
    """What ``_SYMBOL.finditer(text)`` yields, tried only where a symbol can start."""
    return gated_matches(_SYMBOL, _SYMBOL_START, text)


def _looks_like_fraction(symbol: str) -> bool:
    return bool(re.fullmatch(r"\d+/\d+", symbol))


def _build(
    doc: Document,
    m: re.Match[str],
    type_span: tuple[int, int] | None,
    symbol_span: tuple[int, int] | None,
    system: str,
    type_abbr: str | None,
    issuer: str | None,
    unit: str | None,
    year: int | None,
    number: str,
    by_start: dict[int, DateFact],
) -> Citation:
    text = doc.text
    type_word = text[type_span[0] : type_span[1]] if type_span else None
    if type_word and type_word[0].islower():
        type_word = type_word[0].upper() + type_word[1:]  # the type's name, as the symbol-less pass reads it
    written = text[symbol_span[0] : symbol_span[1]] if symbol_span else None
    spaced = bool(written and _SPACING.search(written))
    symbol = re.sub(r"\s+", "", written).replace("–", "-") if written and spaced else written
    if symbol and m.re is _SYMBOL and m.group("noslash"):
        symbol = f"{number}/{symbol[len(number):]}"
    end = m.end()
    date = None
    gap = _AFTER_DATE.match(text, end)
    if gap:
        # The date right after the symbol belongs to the cited document.
        for candidate_start in range(gap.end() - 8 if gap.end() >= 8 else 0, gap.end() + 1):
            if candidate_start in by_start and by_start[candidate_start].day is not None:
                date = by_start[candidate_start]
                end = date.end
                break
    issuer_words = issuer_span = subject = subject_span = None
    iw = _ISSUER_WORDS.match(text, end)
    if iw:
        issuer_words = iw.group("issuer").strip()
        issuer_span = (iw.start("issuer"), iw.start("issuer") + len(issuer_words))
        end = issuer_span[1]
    sm = _SUBJECT.match(text, end)
    if sm:
        subject = sm.group("subject").strip()
        subject_span = (sm.start("subject"), sm.start("subject") + len(subject))
    if date is None:
        # "Nghị quyết số 20-NQ/TU của Tỉnh ủy ngày 02/12/2019", "… do UBND tỉnh ban hành
        # ngày 16/7/2015": the date after the issuer.
        gap = _AFTER_DATE.match(text, end)
        if gap and gap.end() in by_start and by_start[gap.end()].day is not None:
            date = by_start[gap.end()]
    start = type_span[0] if type_span else symbol_span[0] if symbol_span else m.start()
    cite_end = max(m.end(), date.end if date else 0)
    return Citation(
        start=start,
        end=cite_end,
        text=text[start:cite_end],
        type_word=type_word,
        type_span=type_span,
        symbol=symbol,
        symbol_span=symbol_span,
        number=number,
        system=system,
        type_abbr=type_abbr,
        issuer=issuer,
        unit=unit,
        year=year,
        date=date,
        issuer_words=issuer_words,
        issuer_words_span=issuer_span,
        subject=subject,
        subject_span=subject_span,
        spaced=spaced,
    )


@fact_table("citations")
def citation_rows(doc: Document) -> list[dict[str, Any]]:
    return [c.to_json() for c in doc.fact(citations)]
