"""Citation rules: cited documents checked against the report that cites them."""

from __future__ import annotations

import datetime as dt
from typing import Iterable

from giaoban_qa.document import Document
from giaoban_qa.extract.citations import Citation, citations
from giaoban_qa.extract.dates import STRONG_ANCHORS, DateFact, anchor_date, event_date, published
from giaoban_qa.findings import Category, Finding, Msg, Severity
from giaoban_qa.rules import Rule, RuleContext, register
from giaoban_qa.rules.date import date_evidence


def report_reference_date(doc: Document) -> tuple[DateFact | None, str]:
    """The date a cited document must not be later than: the meeting, else publication."""
    event = doc.fact(event_date)
    _, anchor = doc.fact(anchor_date)
    # A year guessed from the first full date in the text is too weak to accuse a citation.
    if event is not None and event.date is not None and (not event.year_inferred or anchor in STRONG_ANCHORS):
        return event, "event"
    pub = doc.fact(published)
    if pub is not None and pub.date.date is not None:
        return pub.date, "published"
    return None, "none"


def citation_evidence(c: Citation) -> dict:
    return {"role": "cited", **c.to_json(), "date": c.date.to_json() if c.date else None}


def _plausible_date(cited: dt.date, reference: dt.date) -> dt.date | None:
    """The same day in the latest earlier month that is not after ``reference``."""
    year, month = cited.year, cited.month
    for _ in range(12):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        try:
            candidate = dt.date(year, month, cited.day)
        except ValueError:
            continue
        if candidate <= reference:
            return candidate
    return None


@register
class CitedDocumentAfterMeeting(Rule):
    """A cited document dated after the meeting or report that cites it.

    **What it does**
    Compares the date of every cited document ("Báo cáo số 369/BC-UBND, ngày 30 tháng 11
    năm 2020") with the date of the meeting in the lead sentence, or with the publication
    date when there is no meeting date. A meeting cannot act on a document that did not
    exist yet.

    **Why it matters**
    One of the two dates is wrong: usually the cited document's month was typed as the
    meeting's month. Readers who look the document up will not find it.

    **Example**
    Ngày 02 tháng 11 năm 2020, Thường trực Huyện ủy tổ chức hội nghị giao ban.
    Thống nhất thực hiện các nhiệm vụ trong Báo cáo số 369/BC-UBND, ngày 30 tháng 11 năm 2020 của UBND huyện.

    **Use instead**
    Ngày 02 tháng 11 năm 2020, Thường trực Huyện ủy tổ chức hội nghị giao ban.
    Thống nhất thực hiện các nhiệm vụ trong Báo cáo số 369/BC-UBND, ngày 30 tháng 10 năm 2020 của UBND huyện.
    """

    code = "citation.dated-after-meeting"
    category = Category.CITATION
    severity = Severity.ERROR

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        reference, role = report_reference_date(doc)
        if reference is None:
            return
        ref_date = reference.date
        assert ref_date is not None
        for c in doc.fact(citations):
            if c.date is None or c.date.date is None or c.date.year_inferred:
                continue
            cited = c.date.date
            if cited <= ref_date:
                continue
            guess = _plausible_date(cited, ref_date)
            label = c.type_word or "Văn bản"
            name = f"{label} số {c.symbol or c.number}"
            what_vi = "hội nghị" if role == "event" else "ngày đăng bài"
            what_en = "the meeting" if role == "event" else "the publication date"
            severity = Severity.WARNING if reference.year_inferred else None
            yield self.finding(
                c.date.value_start,
                c.date.end,
                Msg(
                    f"{name} ghi ngày {cited:%d/%m/%Y}, sau {what_vi} ({ref_date:%d/%m/%Y}) đã viện dẫn nó.",
                    f"{name} is dated {cited:%d/%m/%Y}, after {what_en} ({ref_date:%d/%m/%Y}) that cites it.",
                ),
                suggestion=(
                    Msg(f"Kiểm tra lại ngày của văn bản (có thể là {guess:%d/%m/%Y}).", f"Check the document's date (perhaps {guess:%d/%m/%Y}).")
                    if guess
                    else Msg("Kiểm tra lại ngày của văn bản.", "Check the document's date.")
                ),
                evidence={"reference": date_evidence(reference, role), "cited": citation_evidence(c)},
                severity=severity,
            )
