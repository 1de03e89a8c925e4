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
    or stray spaces inside the date ("23/ 11/2020").

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
            severity = Severity.WARNING if f.year_inferred and f.month == 2 and f.day == 29 else None
            yield self.finding(
                f.value_start,
                f.end,
                Msg(f"Ngày không tồn tại: “{f.text.strip()}” ({_vi_problem(f)}).", f"Impossible date “{f.text.strip()}”: {f.problem}."),
                suggestion=Msg("Kiểm tra lại ngày, tháng.", "Check the day and month."),
                evidence={"date": date_evidence(f, "impossible")},
                severity=severity,
            )


def _vi_problem(f: DateFact) -> str:
    if f.month is not None and not 1 <= f.month <= 12:
        return f"không có tháng {f.month}"
    return f"tháng {f.month} không có ngày {f.day}"


_FUTURE_TENSE = re.compile(r"\b(sẽ|dự kiến|chuẩn bị|sắp|tới đây)\b", re.IGNORECASE)


@register
class PublishedBeforeEvent(Rule):
    """A publication timestamp earlier than the event the article reports.

    **What it does**
    Compares the page's publication line ("05/05/2020 09:00", "21:27 27/06/2020") with the
    date of the meeting in the lead sentence. An article cannot report, in the past tense,
    a meeting that had not happened when it was published.

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
