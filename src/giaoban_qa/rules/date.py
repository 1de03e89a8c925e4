"""Date rules: malformed and impossible dates, and a publication line older than its event."""

from __future__ import annotations

import re
from typing import Iterable

from giaoban_qa.document import Document
from giaoban_qa.extract.dates import DateFact, dates, event_date, published
from giaoban_qa.findings import Category, Finding, Msg, Severity
from giaoban_qa.rules import Rule, RuleContext, register


def date_evidence(f: DateFact, role: str) -> dict:
    return {"role": role, **f.to_json()}


@register
class MalformedDate(Rule):
    """A date whose digits or separators are garbled.

    **What it does**
    Finds date-shaped text that no reader can take at face value: day, month and year
    run together ("23/112020"), doubled or mixed separators ("23//11/2020", "23/11-2020"),
    or stray spaces inside the date ("23/ 11/2020"), day and month run together after a
    date word ("ngày 126/2021"; "số 126/2021" is a number), a digit too many in the year
    ("12/6/20211").

    **Why it matters**
    The date of a meeting or a cited document is what readers and auditors look up. A
    garbled date is usually a typing slip that survived proofreading; the report looks
    careless and the date cannot be cited.

    **Example**
    Ngày 23/112020 Huyện ủy đã tổ chức hội nghị trực tuyến giao ban khối xã, thị trấn.

    **Use instead**
    Ngày 23/11/2020 Huyện ủy đã tổ chức hội nghị trực tuyến giao ban khối xã, thị trấn.
    """

    code = "date.malformed"
    category = Category.DATE
    severity = Severity.ERROR
    fix = "safe"

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        for f in doc.fact(dates):
            if f.form != "malformed":
                continue
            yield self.finding(
                f.start,
                f.end,
                Msg(
                    f"Ngày viết sai định dạng: “{f.text}” (có lẽ là {f.repaired}).",
                    f"Malformed date “{f.text}” (probably {f.repaired}).",
                ),
                suggestion=f.repaired,
                evidence={"date": date_evidence(f, "malformed")},
                # Spaces or mixed separators are still readable; digits run together are not.
                severity=None if f.garbled else Severity.WARNING,
            )


@register
class ImpossibleDate(Rule):
    """A date that does not exist in the calendar (31/4, 29/02/2021, month 13).

    **What it does**
    Checks each date's day against the length of its month (leap years included when the
    year is known) and its month against 1–12.

    **Why it matters**
    A date that cannot exist is certainly a typing slip; the real date is unknown to the
    reader, and any comparison with other dates in the report is meaningless.

    **Example**
    Ngày 31/4/2020, Ban Thường vụ Huyện ủy tổ chức hội nghị.

    **Use instead**
    Ngày 30/4/2020, Ban Thường vụ Huyện ủy tổ chức hội nghị.
    """

    code = "date.impossible"
    category = Category.DATE
    severity = Severity.ERROR

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        facts = list(doc.fact(dates))
        pub = doc.fact(published)
        if pub:
            facts.append(pub.date)
        for f in facts:
            if f.valid or f.problem is None:
                continue
            if _DAY_RANGE.search(f.text) and f.year is None and f.day is not None and f.month is not None and f.day < f.month <= 31:
                continue  # "mưa dông trong ngày 24-25": two days of the month, not day 24 of month 25
            severity = Severity.WARNING if f.year_inferred and f.month == 2 and f.day == 29 else None
            yield self.finding(
                f.value_start,
                f.end,
                Msg(f"Ngày không tồn tại: “{f.text.strip()}” ({_vi_problem(f)}).", f"Impossible date “{f.text.strip()}”: {f.problem}."),
                suggestion=Msg("Kiểm tra lại ngày, tháng.", "Check the day and month."),
                evidence={"date": date_evidence(f, "impossible")},
                severity=severity,
            )


_DAY_RANGE = re.compile(r"\d\s*[\-–]\s*\d{1,2}\s*$")


def _vi_problem(f: DateFact) -> str:
    if f.month is not None and not 1 <= f.month <= 12:
        return f"không có tháng {f.month}"
    return f"tháng {f.month} không có ngày {f.day}"


_FUTURE_TENSE = re.compile(r"\b(sẽ|dự kiến|chuẩn bị|sắp|tới đây)\b", re.IGNORECASE)


@register
class PublishedBeforeEvent(Rule):
    """A publication timestamp earlier than the event the article reports.

    **What it does**
    Compares the page's publication line ("05/05/2020 09:00", "21:27 27/06/2020", "Thứ Hai,
    ngày 04/05/2020 | 09:15", "Ngày xuất bản: 04/05/2020", "date: 2020-05-04T02:00:00Z") with
    the date of the meeting in the lead sentence ("Sáng 5/5", "Chiều ngày 5.5", "Trong hai
    ngày 5 và 6/5", its year taken from the publication line). An article cannot report, in
    the past tense, a meeting that had not happened when it was published.

    **Why it matters**
    Either the publication date or the meeting date is wrong; auditors use both to order an
    archive, and one of them will send them to the wrong month.

    **Example**
    Hội nghị sơ kết 6 tháng đầu năm 2020
    21:27 25/06/2020
    Sáng ngày 26 tháng 6 năm 2020, Ban Thường vụ Huyện ủy tổ chức Hội nghị sơ kết.

    **Use instead**
    Hội nghị sơ kết 6 tháng đầu năm 2020
    21:27 27/06/2020
    Sáng ngày 26 tháng 6 năm 2020, Ban Thường vụ Huyện ủy tổ chức Hội nghị sơ kết.
    """

    code = "date.published-before-event"
    category = Category.DATE
    severity = Severity.ERROR

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        pub = doc.fact(published)
        event = doc.fact(event_date)
        if not pub or not event or not pub.date.date or not event.date:
            return
        if pub.date.date >= event.date:
            return
        sentence = doc.sentence_at(event.start)
        if sentence and _FUTURE_TENSE.search(sentence.text(doc)):
            return  # an announcement of a coming meeting
        days = (event.date - pub.date.date).days
        severity = Severity.WARNING if event.year_inferred else None
        yield self.finding(
            pub.date.start,
            pub.date.end,
            Msg(
                f"Ngày đăng {pub.date.date:%d/%m/%Y} sớm hơn ngày diễn ra sự kiện {event.date:%d/%m/%Y} ({days} ngày).",
                f"Published on {pub.date.date:%d/%m/%Y}, {days} day(s) before the event it reports ({event.date:%d/%m/%Y}).",
            ),
            suggestion=Msg("Kiểm tra lại ngày đăng hoặc ngày tổ chức hội nghị.", "Check the publication date or the meeting date."),
            evidence={"published": date_evidence(pub.date, "published"), "event": date_evidence(event, "event")},
            severity=severity,
        )


# -- calendar rules (weekdays, anniversaries, document-number years, past events) --------

_WEEKDAY_VI = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]
_WEEKDAY_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_ORDINAL_BEFORE = re.compile(r"(?:lần|họp|phiên|đợt|khóa|khoá|nghị|hạng|bậc|lớp|tuần|kỳ|giải|vòng|số)\s*\Z", re.IGNORECASE)
_WEEKDAY_AFTER = re.compile(r"\s*\(\s*(?P<wd>thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\s*\)", re.IGNORECASE)


def _strong_anchor(doc: Document) -> bool:
    from giaoban_qa.extract.dates import STRONG_ANCHORS, anchor_date

    return doc.fact(anchor_date)[1] in STRONG_ANCHORS


def _weekday_of(word: str) -> int | None:
    from giaoban_qa.extract.dates import WEEKDAY_NUMBER

    word = word.lower()
    if word.startswith("chủ"):
        return 6
    return WEEKDAY_NUMBER.get(word.split()[-1])


@register
class WeekdayMismatch(Rule):
    """A weekday that is not the weekday of the date it names.

    **What it does**
    Computes the weekday of every full date written with one ("Thứ Hai, ngày 23/11/2020",
    "ngày 23/11/2020 (thứ Hai)") and reports a weekday that differs. A date whose year is
    only inferred is checked at warning level, and only when the year comes from the
    publication line, the header or the title.

    **Why it matters**
    Invitations and schedules are read by weekday; a wrong one sends people on the wrong
    day, and shows that the day or the month was mistyped.

    **Example**
    Thứ Hai, ngày 24/11/2020, Thường trực Huyện ủy làm việc với Đảng ủy xã Vi Hương.

    **Use instead**
    Thứ Ba, ngày 24/11/2020, Thường trực Huyện ủy làm việc với Đảng ủy xã Vi Hương.
    """

    code = "date.weekday-mismatch"
    category = Category.DATE
    severity = Severity.ERROR
    fix = "unsafe"

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        strong: bool | None = None
        for f in doc.fact(dates):
            if f.date is None or f.form == "malformed":
                continue
            weekday, span = f.weekday, f.weekday_span
            if weekday is None:
                m = _WEEKDAY_AFTER.match(doc.text, f.end)
                if not m:
                    continue
                weekday, span = _weekday_of(m.group("wd")), (m.start("wd"), m.end("wd"))
            if weekday is None or span is None:
                continue
            if _ORDINAL_BEFORE.search(doc.text, max(0, span[0] - 12), span[0]):
                continue  # "Hội nghị lần thứ năm, ngày …", "kỳ họp thứ 7, ngày …": an ordinal
            if f.year_inferred:
                strong = _strong_anchor(doc) if strong is None else strong
                if not strong:
                    continue
            actual = f.date.weekday()
            if actual == weekday:
                continue
            written = doc.text[span[0] : span[1]]
            yield self.finding(
                span[0],
                span[1],
                Msg(
                    f"Ngày {f.date:%d/%m/%Y} là {_WEEKDAY_VI[actual]}, không phải “{written}”.",
                    f"{f.date:%d/%m/%Y} is a {_WEEKDAY_EN[actual]}, not “{written}” ({_WEEKDAY_EN[weekday]}).",
                ),
                suggestion=_WEEKDAY_VI[actual],
                evidence={"date": date_evidence(f, "dated"), "weekday": {"text": written, "start": span[0], "end": span[1], "written": weekday, "actual": actual}},
                severity=Severity.WARNING if f.year_inferred else None,
            )


from giaoban_qa.extract.periods import _ANNIVERSARY  # noqa: E402,F401  (the count pattern, read by tests)

_GOAL_WORDS = re.compile(r"tầm nhìn|đến năm|hướng tới|tiến tới|mục tiêu|phấn đấu|chuẩn bị|chào mừng", re.IGNORECASE)
_PREPARE_WORDS = re.compile(r"tầm nhìn|đến năm|hướng tới|tiến tới|mục tiêu|phấn đấu|chuẩn bị", re.IGNORECASE)

_TABLES: dict[int, tuple[object, list]] = {}


def _anniversary_table(ctx: RuleContext) -> list[tuple]:
    """Match phrases longest first, built once per loaded pack."""
    from giaoban_qa.extract.periods import anniversary_table

    pack = ctx.pack("anniversaries") or {}
    cached = _TABLES.get(id(pack))
    if cached is not None and cached[0] is pack:
        return cached[1]
    rows = anniversary_table(pack)
    _TABLES[id(pack)] = (pack, rows)
    return rows


@register
class AnniversaryCount(Rule):
    """An anniversary whose number of years does not match the year it is celebrated.

    **What it does**
    Finds "N năm <event>" for the events in the `anniversaries` pack ("66 năm Ngày chiến
    thắng Điện Biên Phủ", "130 năm ngày sinh Chủ tịch Hồ Chí Minh") and checks N against
    the base year: with the years in parentheses ("(7/5/1954 - 7/5/2020)", "(1954 – 2020)")
    when given; else with a year written in the same sentence ("Năm 2020, … kỷ niệm 66 năm
    …", "Sáng 7/5/2020, …") when one is the count's year or one or two years off it (a year
    right before the count's is a preparation year after "hướng tới", "chuẩn bị", not after
    "chào mừng"); else
    against the report's date (an anniversary a few months ahead or just past is accepted).
    The base year printed in the parentheses is checked too. Epithets inside the event's
    name ("Chiến thắng lịch sử Điện Biên Phủ") are read through.

    **Why it matters**
    Anniversary counts are quoted in every propaganda plan; a wrong count is copied from
    last year's report and is noticed at once by readers.

    **Example**
    Ngày 04/5/2020, Ban Thường vụ Huyện ủy họp và chỉ đạo tổ chức tốt các hoạt động kỷ niệm 67 năm ngày chiến thắng Điện Biên Phủ.

    **Use instead**
    Ngày 04/5/2020, Ban Thường vụ Huyện ủy họp và chỉ đạo tổ chức tốt các hoạt động kỷ niệm 66 năm ngày chiến thắng Điện Biên Phủ.
    """

    code = "date.anniversary-count"
    category = Category.DATE
    severity = Severity.ERROR
    fix = "unsafe"

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        from giaoban_qa.extract.periods import anniversary_mentions, report_date

        text = doc.text
        if "năm" not in text and "lần thứ" not in text:
            return  # no "N năm" and no "kỷ niệm lần thứ N"
        for a in anniversary_mentions(doc, _anniversary_table(ctx), unknown=True):
            if a.base is None:
                finding = self._against_own_range(doc, a)
                if finding is not None:
                    yield finding
                continue
            n, base, name = a.count, a.base, a.name
            evidence = {"count": {"text": str(n), "start": a.count_span[0], "end": a.count_span[1], "value": n}, "event": a.event, "base_date": base.isoformat()}
            if a.range_year is not None and a.range_span is not None:
                year, printed_base = a.range_year, a.range_base
                expected = year - base.year
                evidence["range"] = {"text": text[a.range_span[0] : a.range_span[1]], "start": a.range_span[0], "end": a.range_span[1], "base": printed_base, "year": year}
                if n == expected and printed_base == base.year:
                    continue
                if n != expected:
                    message = Msg(
                        f"“{n} năm {name}” không khớp: {base.year} + {n} = {base.year + n}, nhưng năm kỷ niệm là {year} ({expected} năm).",
                        f"“{n} years” of {name} does not add up: {base.year} + {n} = {base.year + n}, but the anniversary year is {year} ({expected} years).",
                    )
                    start, end, suggestion = a.count_span[0], a.count_span[1], str(expected)
                else:
                    message = Msg(
                        f"Năm gốc {printed_base} trong ngoặc sai: {name} là ngày {base:%d/%m/%Y}.",
                        f"The base year {printed_base} in parentheses is wrong: {name} dates from {base:%d/%m/%Y}.",
                    )
                    at = text.find(str(printed_base), a.range_span[0], a.range_span[1])
                    start, end, suggestion = at, at + 4, str(base.year)
                yield self.finding(start, end, message, suggestion=suggestion, evidence=evidence)
                continue
            occurrence_year = base.year + n
            clause_start = max(text.rfind(";", 0, a.count_span[0]), text.rfind(".", 0, a.count_span[0]), a.count_span[0] - 120) + 1
            before = text[clause_start : a.count_span[0]]
            if occurrence_year in a.sentence_years:
                continue  # the sentence names the year the count gives
            # A year of the sentence one or two years off the count is the year it is
            # celebrated in ("Năm 2024, … kỷ niệm 72 năm Chiến thắng Điện Biên Phủ");
            # a year before it may be the year of preparation ("chuẩn bị kỷ niệm …").
            # Only the year right before is a preparation year, and "chào mừng" celebrates
            # in the year it is written ("Năm 2023, … chào mừng kỷ niệm 94 năm …" is wrong).
            near = [y for y in a.sentence_years if 1 <= abs(y - occurrence_year) <= 2 and not (y == occurrence_year - 1 and _PREPARE_WORDS.search(before))]
            if near:
                year = min(near, key=lambda y: abs(y - occurrence_year))
                expected = year - base.year
                evidence["sentence_year"] = year
                yield self.finding(
                    a.count_span[0],
                    a.count_span[1],
                    Msg(
                        f"“{n} năm {name}” không khớp năm {year} của câu: {base.year} + {n} = {base.year + n}; năm {year} là {expected} năm.",
                        f"“{n} years” of {name} does not match the sentence's year {year}: {base.year} + {n} = {base.year + n}; in {year} it is {expected} years.",
                    ),
                    suggestion=str(expected),
                    evidence=evidence,
                )
                continue
            if any(abs(y - occurrence_year) <= 2 for y in a.sentence_years):
                continue
            when, inferred = doc.fact(report_date)
            if when is None:
                continue
            try:
                occurrence = base.replace(year=occurrence_year)
            except ValueError:
                continue
            ahead, behind = (occurrence - when).days, (when - occurrence).days
            if occurrence.year == when.year or 0 <= ahead <= 240 or 0 <= behind <= 100:
                continue
            # "…; đến năm 2030, kỷ niệm 100 năm thành lập Đảng, …" is a goal counted right.
            if ahead > 0 and _GOAL_WORDS.search(before):
                continue
            expected = when.year - base.year
            evidence["report_date"] = when.isoformat()
            yield self.finding(
                a.count_span[0],
                a.count_span[1],
                Msg(
                    f"“{n} năm {name}” không khớp năm {when.year}: {base.year} + {n} = {base.year + n}; năm {when.year} là {expected} năm.",
                    f"“{n} years” of {name} does not match {when.year}: {base.year} + {n} = {base.year + n}; in {when.year} it is {expected} years.",
                ),
                suggestion=str(expected),
                evidence=evidence,
                severity=Severity.WARNING if inferred else None,
            )


    def _against_own_range(self, doc: Document, a) -> Finding | None:
        """An event the pack does not know, counted against the years printed after it:
        "kỷ niệm 26 năm thành lập thành phố (1992 – 2017)"."""
        if a.range_year is None or a.range_base is None or a.range_span is None:
            return None
        expected = a.range_year - a.range_base
        if expected == a.count:
            return None
        text = doc.text
        return self.finding(
            a.count_span[0],
            a.count_span[1],
            Msg(
                f"“kỷ niệm {a.count} năm” không khớp khoảng năm ghi kèm ({a.range_base} – {a.range_year} là {expected} năm).",
                f"“{a.count} years” does not match the years printed with it ({a.range_base}–{a.range_year} is {expected} years).",
            ),
            suggestion=str(expected),
            evidence={
                "count": {"text": str(a.count), "start": a.count_span[0], "end": a.count_span[1], "value": a.count},
                "range": {"text": text[a.range_span[0] : a.range_span[1]], "start": a.range_span[0], "end": a.range_span[1], "base": a.range_base, "year": a.range_year},
            },
        )


_NUMBER_WITH_YEAR = re.compile(r"/(?:19|20)\d\d/")


@register
class SymbolYearMismatch(Rule):
    """The year in a document's number differs from the year of its date.

    **What it does**
    Legal documents carry their year in the number ("245/2020/NQ-HĐND", "30/2020/NĐ-CP",
    "83/2015/QH13"). When the citation also gives the date ("ngày 31/3/2020"), the two years
    must be the same.

    **Why it matters**
    The number is how the document is looked up; a mistyped year points to another
    document or to none.

    **Example**
    Hỗ trợ theo Nghị quyết số 245/2019/NQ-HĐND ngày 31/3/2020 của Hội đồng nhân dân tỉnh.

    **Use instead**
    Hỗ trợ theo Nghị quyết số 245/2020/NQ-HĐND ngày 31/3/2020 của Hội đồng nhân dân tỉnh.
    """

    code = "date.symbol-year-mismatch"
    category = Category.DATE
    severity = Severity.ERROR

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        from giaoban_qa.extract.citations import citations

        if not _NUMBER_WITH_YEAR.search(doc.text):
            return  # no "245/2020/…" in the text: skip building the citation table
        for c in doc.fact(citations):
            if c.year is None or c.date is None or c.date.date is None or c.date.year_inferred or c.symbol_span is None:
                continue
            if c.year == c.date.date.year:
                continue
            symbol_start = c.symbol_span[0]
            year_at = doc.text.find(str(c.year), symbol_start, c.symbol_span[1])
            start, end = (year_at, year_at + 4) if year_at >= 0 else c.symbol_span
            yield self.finding(
                start,
                end,
                Msg(
                    f"Số hiệu {c.symbol} mang năm {c.year} nhưng văn bản ghi ngày {c.date.date:%d/%m/%Y}.",
                    f"The number {c.symbol} carries the year {c.year} but the document is dated {c.date.date:%d/%m/%Y}.",
                ),
                suggestion=c.symbol.replace(f"/{c.year}/", f"/{c.date.date.year}/") if c.symbol else None,
                evidence={"symbol": {"text": c.symbol, "start": c.symbol_span[0], "end": c.symbol_span[1], "year": c.year}, "date": date_evidence(c.date, "cited")},
            )


_PAST_EVENT = re.compile(
    r"(?:đã|vừa)\s+(?:được\s+)?(?:tổ\s+chức|diễn\s+ra|khai\s+mạc|bế\s+mạc|tiến\s+hành|kết\s+thúc|khánh\s+thành|khởi\s+công|ra\s+mắt|họp|phát\s+động)(?!\w)",
)
_NOT_PAST = re.compile(r"(?<!\w)(?:sẽ|dự\s+kiến|kế\s+hoạch|chuẩn\s+bị|trước\s+ngày|đến\s+ngày|hạn|tới\s+đây|sắp|hoàn\s+thành\s+trước)(?!\w)", re.IGNORECASE)


@register
class PastEventInFuture(Rule):
    """A sentence says something has taken place on a date after the report's own date.

    **What it does**
    In sentences that speak of the past ("đã tổ chức", "đã diễn ra", "vừa khai mạc"), compares
    each date near the verb with the date of the report (the meeting, else the publication
    line). Sentences that also speak of plans ("sẽ", "dự kiến", "kế hoạch", "trước ngày") and
    the dates of cited documents are left alone.

    **Why it matters**
    An event cannot be reported as done before it happened: the date's day, month or year
    is mistyped.

    **Example**
    Ngày 02/11/2020, Thường trực Huyện ủy tổ chức hội nghị giao ban. Hội nghị sơ kết 10 tháng đã được tổ chức ngày 28/11/2020 với sự tham gia của các xã.

    **Use instead**
    Ngày 02/11/2020, Thường trực Huyện ủy tổ chức hội nghị giao ban. Hội nghị sơ kết 10 tháng đã được tổ chức ngày 28/10/2020 với sự tham gia của các xã.
    """

    code = "date.past-event-in-future"
    category = Category.DATE
    severity = Severity.ERROR

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        from giaoban_qa.extract.citations import citations
        from giaoban_qa.extract.periods import report_date

        when, when_inferred = doc.fact(report_date)
        if when is None:
            return
        text = doc.text
        event = doc.fact(event_date)
        pub = doc.fact(published)
        reference = max(when, pub.date.date) if pub and pub.date.date else when
        cited_spans: list[tuple[int, int]] | None = None  # built only when a date needs it
        all_dates = doc.fact(dates)
        strong: bool | None = None
        reported: set[int] = set()
        from giaoban_qa.extract.periods import lowered, sentence_of, word_start

        low = doc.fact(lowered)
        import bisect

        date_starts = [f.start for f in all_dates]
        for m in _PAST_EVENT.finditer(low):
            if not word_start(low, m.start()):
                continue
            sentence = sentence_of(doc, m.start())
            if sentence is None:
                continue
            s_text = text[sentence.start : sentence.end]
            if _NOT_PAST.search(s_text):
                continue
            lo = bisect.bisect_left(date_starts, max(sentence.start, m.start() - 100))
            hi = bisect.bisect_right(date_starts, min(sentence.end, m.start() + 100))
            for f in all_dates[lo:hi]:
                if f.start < sentence.start or f.start >= sentence.end or f.start in reported:
                    continue
                if f.date is None or f.form == "malformed" or (event is not None and f.start == event.start):
                    continue
                if abs(f.start - m.start()) > 100 or f.date <= reference:
                    continue
                if cited_spans is None:
                    cited_spans = [(c.start, c.end) for c in doc.fact(citations)]
                if any(a <= f.start < b for a, b in cited_spans):
                    continue
                if f.year_inferred:
                    strong = _strong_anchor(doc) if strong is None else strong
                    if not strong:
                        continue
                reported.add(f.start)
                days = (f.date - reference).days
                yield self.finding(
                    f.value_start,
                    f.end,
                    Msg(
                        f"Câu kể việc đã xảy ra (“{text[m.start():m.end()]}”) vào ngày {f.date:%d/%m/%Y}, sau ngày của báo cáo ({reference:%d/%m/%Y}) {days} ngày.",
                        f"The sentence reports as done (“{text[m.start():m.end()]}”) something dated {f.date:%d/%m/%Y}, {days} day(s) after the report's date ({reference:%d/%m/%Y}).",
                    ),
                    suggestion=Msg("Kiểm tra lại ngày, tháng, năm của sự kiện.", "Check the day, month and year of the event."),
                    evidence={"date": date_evidence(f, "past event"), "report_date": reference.isoformat(), "verb": {"text": text[m.start() : m.end()], "start": m.start(), "end": m.end()}},
                    severity=Severity.WARNING if f.year_inferred or when_inferred else None,
                )
