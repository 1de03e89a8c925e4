"""Period rules: the periods a report names, reviews and plans, cumulative periods, the
periods of cited reports, terms of office and congress ordinals."""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterable

from giaoban_qa.document import Document
from giaoban_qa.extract.citations import Citation, citations
from giaoban_qa.extract.periods import (
    PeriodFact,
    lowered,
    periods,
    report_date,
    report_periods,
    review_plan_pairs,
    sentence_of,
    subject_period,
    TERM_PATTERN,
    terms,
    word_start,
)
from giaoban_qa.findings import Category, Finding, Msg, Severity
from giaoban_qa.rules import Rule, RuleContext, register


def period_evidence(p: PeriodFact, role: str) -> dict:
    return {**p.to_json(), "role": role}


def _index(p: PeriodFact, edge: str = "first") -> int | None:
    month = p.first_month if edge == "first" else p.last_month
    if month is None:
        return None
    return (p.year or 0) * 12 + month - 1


def _kind(p: PeriodFact) -> str:
    # "6 tháng đầu năm" and "9 tháng" are both results from January to date.
    if p.kind in ("half", "cumulative") and p.first_month == 1:
        return "to_date"
    return p.kind


def _shift(p: PeriodFact, other: PeriodFact, step: int) -> bool:
    """True when ``other`` is ``p`` moved by ``step`` periods of p's length."""
    if p.months is None or other.months != p.months or (p.kind != other.kind and _kind(p) != _kind(other)):
        return False
    a, b = _index(p), _index(other)
    if a is None or b is None:
        return False
    if p.year_source not in ("text", "sentence") or other.year_source not in ("text", "sentence"):
        # A year guessed from the report's date may be wrong at a year's turn: months only.
        return (a + step * p.months) % 12 == b % 12
    return a + step * p.months == b


def _comparable(a: PeriodFact, b: PeriodFact) -> bool:
    """Same kind of period: months with months, half-years with half-years."""
    if a.months is None or b.months is None:
        return False
    if _kind(a) == _kind(b) == "to_date":
        return True
    return a.kind == b.kind and a.months == b.months


def _vi_period(p: PeriodFact) -> str:
    return f"“{p.text.strip()}”"


_REPORT_TITLE = re.compile(
    r"(?:giao\s+ban|hội\s+nghị|sơ\s+kết|tổng\s+kết|kết\s+luận|báo\s+cáo|họp|đánh\s+giá|kiểm\s+điểm|thường\s+kỳ|phiên)",
    re.IGNORECASE,
)


# Titles that are a report's results by name ("Kết quả thực hiện nhiệm vụ tháng 8/2021",
# "Tình hình kinh tế - xã hội tháng 9"), beside the meeting words of _REPORT_TITLE.
_RESULTS_TITLE = re.compile(r"^\s*(?:kết\s+quả|tình\s+hình)\b", re.IGNORECASE)


# What may open a body statement before the month it reports: nothing, "Trong", or the
# results words ("Kết quả thực hiện nhiệm vụ tháng 5: …", "Tình hình kinh tế - xã hội tháng 5").
_BODY_MONTH_OPENER = re.compile(
    r"[\s\-–•*+\d.)IVX]*(?:nhìn\s+chung[,\s]+)?(?:(?:trong|riêng)\s+|(?:kết\s+quả|tình\s+hình)(?:\s+thực\s+hiện)?(?:\s+(?:nhiệm\s+vụ|công\s+tác|kinh\s+tế\s*-\s*xã\s+hội))?(?:\s+trong)?\s+)?",
    re.IGNORECASE,
)
# …and right after it: the statement goes on (":", ",", " năm 2022,", "/2022:").
# (", " after "vừa qua"; no comma once the year is said, "Trong tháng 2 năm 2024 toàn huyện …";
# a heading line that ends with the month, "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 2".)
_BODY_MONTH_AFTER = re.compile(r"(?:\s*năm\s+\d{4}|/\d{4})?(?:\s+vừa\s+qua)?\s*[:,]|(?:[^\S\n]*năm[^\S\n]+\d{4}|/\d{4})(?!\d)|[^\S\n]*(?:\n|\Z)", re.IGNORECASE)


# What a body statement says of its month: results ("đạt 95% kế hoạch", "tăng khá", "giảm",
# "hoàn thành") or plans ("phấn đấu", "dự kiến", "sẽ", "tập trung", "triển khai").
_RESULT_WORDS = re.compile(r"(?<!\w)(?:đạt|tăng|giảm|hoàn\s+thành|thực\s+hiện\s+được|ước\s+(?:đạt|tính|thực\s+hiện))(?!\w)", re.IGNORECASE)
_PLAN_WORDS = re.compile(r"(?<!\w)(?:phấn\s+đấu|dự\s+kiến|sẽ|tập\s+trung|triển\s+khai|phương\s+hướng|cần|tiếp\s+tục)(?!\w)", re.IGNORECASE)


def _states_results(text: str, sentence, month_end: int) -> bool:
    """True when the statement opening with a month reports results of it and plans none: a
    month-T report may open a statement of T+1 with its tasks ("Tháng 10, tập trung …"), not
    with its results ("Tháng 10 năm 2022, giá trị sản xuất công nghiệp tăng khá")."""
    if sentence is None:
        return False
    rest = text[month_end : sentence.end]
    return bool(_RESULT_WORDS.search(rest)) and not _PLAN_WORDS.search(rest)


def _title_report_month(doc: Document, rp) -> PeriodFact | None:
    """The single month a report's title names as its own ("Báo cáo … tháng 9 năm 2022",
    "Kết quả thực hiện nhiệm vụ tháng 8/2021", "Hội nghị giao ban tháng 9"), when the body
    states no review period of its own."""
    if rp.review is not None and rp.review.in_title:
        title = rp.review
    elif rp.review is None:
        title = rp.title
    else:
        return None
    if title is None or title.kind != "month" or title.first_month != title.last_month or title.last_month is None:
        return None
    if not (_REPORT_TITLE.search(doc.title_text) or _RESULTS_TITLE.search(doc.title_text)):
        return None
    return title


@register
class TitlePeriodMismatch(Rule):
    """The period in the title is not the one the body reviews or plans.

    **What it does**
    Reads the period the title names ("giao ban tháng 11 năm 2020") and the periods the
    lead says are reviewed and planned ("đánh giá … tháng 10 và phương hướng nhiệm vụ
    tháng 11"). Two conventions are both accepted: a meeting late in month M reviews M and
    plans M+1; a meeting early in M+1 that is still called "tháng M+1" reviews M and plans
    M+1. A review period other than the title's or the one before it, or a plan period other
    than the title's or the one after it, is reported. A title that names the report's
    month ("Kết quả thực hiện nhiệm vụ tháng 8/2021", "Báo cáo tình hình kinh tế - xã hội
    tháng 9 năm 2022") is also compared with the first body statement that opens with a
    month ("Kết quả thực hiện nhiệm vụ tháng 5: …", "Tháng 6 năm 2022, …", "Trong tháng
    6, …", "Trong tháng 6 năm 2022 toàn huyện …", "Trong tháng 6 vừa qua, …", a heading
    line "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 6"), or with the month the lead reviews ("Ngày
    28/9, … họp đánh giá kết quả tháng 6 …"): a month two or more away from the title's is
    reported, and so is the month after it when the statement gives its results, not its
    tasks ("Tháng 10 năm 2022, giá trị sản xuất công nghiệp tăng khá" under a September
    title).

    **Why it matters**
    Each sentence looks right alone, so editors miss it; readers and the archive file the
    report under the title's month while its content is about another.

    **Example**
    Hội nghị giao ban tháng 11 năm 2020
    Ngày 23/11/2020, Thường trực Huyện ủy tổ chức hội nghị đánh giá kết quả công tác tháng 9 và triển khai nhiệm vụ tháng 10 năm 2020.

    **Use instead**
    Hội nghị giao ban tháng 11 năm 2020
    Ngày 23/11/2020, Thường trực Huyện ủy tổ chức hội nghị đánh giá kết quả công tác tháng 11 và triển khai nhiệm vụ tháng 12 năm 2020.
    """

    code = "period.title-mismatch"
    category = Category.PERIOD
    severity = Severity.ERROR

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        rp = doc.fact(report_periods)
        yield from self._title_statements_vs_lead(doc, rp)
        yield from self._title_month_vs_body_start(doc, rp)
        title = rp.title
        if title is None or title.kind not in ("month", "quarter", "half", "cumulative", "year"):
            return
        if not _REPORT_TITLE.search(doc.title_text):
            return  # a news headline ("Đến năm 2020, TP giảm …") does not name a reporting period
        problems = []
        if rp.review is not None and _comparable(title, rp.review):
            ok = bool(_shift(title, rp.review, 0) or _shift(title, rp.review, -1))
            self.checked(ctx, "period", rp.review.start, rp.review.end, ok,
                         Msg(f"tiêu đề: {_vi_period(title)} · đánh giá: {_vi_period(rp.review)}", f"title: {_vi_period(title)} · reviews: {_vi_period(rp.review)}"))
            if not ok:
                problems.append(("review", rp.review))
        if rp.plan is not None and _comparable(title, rp.plan):
            ok = bool(_shift(title, rp.plan, 0) or _shift(title, rp.plan, 1))
            self.checked(ctx, "period", rp.plan.start, rp.plan.end, ok,
                         Msg(f"tiêu đề: {_vi_period(title)} · triển khai: {_vi_period(rp.plan)}", f"title: {_vi_period(title)} · plans: {_vi_period(rp.plan)}"))
            if not ok:
                problems.append(("plan", rp.plan))
        if not problems:
            return
        role, culprit = problems[0]
        what_vi = " và ".join(("đánh giá " if r == "review" else "triển khai nhiệm vụ ") + _vi_period(p) for r, p in problems)
        what_en = " and ".join(("reviews " if r == "review" else "plans ") + _vi_period(p) for r, p in problems)
        evidence = {"title": period_evidence(title, "title")}
        if rp.review is not None:
            evidence["review"] = period_evidence(rp.review, "review")
        if rp.plan is not None:
            evidence["plan"] = period_evidence(rp.plan, "plan")
        yield self.finding(
            culprit.start,
            culprit.end,
            Msg(
                f"Tiêu đề ghi kỳ {_vi_period(title)} nhưng phần mở đầu {what_vi}.",
                f"The title names {_vi_period(title)} but the lead {what_en}.",
            ),
            suggestion=Msg(
                "Kiểm tra lại kỳ báo cáo ở tiêu đề hoặc ở phần mở đầu (họp cuối tháng M: đánh giá tháng M, triển khai tháng M+1; họp đầu tháng M: đánh giá tháng M-1, triển khai tháng M).",
                "Check the period in the title or in the lead (a meeting late in month M reviews M and plans M+1; one early in M reviews M-1 and plans M).",
            ),
            evidence=evidence,
        )


    def _title_month_vs_body_start(self, doc: Document, rp) -> Iterable[Finding]:
        """A results title naming month T ("Kết quả thực hiện nhiệm vụ tháng 8/2021") whose
        body opens a statement with a month two or more away ("Kết quả thực hiện nhiệm vụ
        tháng 5: …", "Tháng 5 năm 2021, …"). T-1 (a meeting early in T) and T+1 (the plan)
        are accepted; only the first such statement of the body is read."""
        title = _title_report_month(doc, rp)
        if title is None:
            return
        lead = rp.lead_review
        reported = None
        if lead is not None and lead.kind == "month" and _REPORT_TITLE.search(doc.title_text):
            # _title_statements_vs_lead compares the lead's own review; a body statement is
            # still read when the lead disagrees with the title (both are then reported).
            a, b = _index(title), _index(lead)
            if a is None or b is None or -1 <= ((b - a + 6) % 12) - 6 <= 1:
                return
            reported = (lead.start, lead.end)
            lead = None
        text = doc.text
        if lead is not None and lead.kind == "month" and lead.first_month == lead.last_month and not lead.in_title:
            # "Kết quả thực hiện nhiệm vụ tháng 5/2024" over a lead that reviews month 2.
            candidates = [lead]
        else:
            candidates = None
        for p in candidates or doc.fact(periods):
            if p.in_title or p.kind != "month" or p.first_month != p.last_month or p.role in ("subject", "plan") or p.cue in ("bound", "plan"):
                continue
            if reported == (p.start, p.end):
                return  # the lead's own month, reported by _title_statements_vs_lead
            if candidates is None:
                sentence = sentence_of(doc, p.start)
                if sentence is None:
                    continue
                before = text[sentence.start : p.start]
                if not _BODY_MONTH_OPENER.fullmatch(before):
                    continue
                if not _BODY_MONTH_AFTER.match(text, p.end):
                    continue
            a, b = _index(title), _index(p)
            if a is None or b is None:
                return
            both_years = title.year_source in ("text", "sentence") and p.year_source in ("text", "sentence")
            gap = b - a if both_years else ((b - a + 6) % 12) - 6
            if -1 <= gap <= 0 or gap == 1 and not _states_results(text, sentence_of(doc, p.start), p.end):
                return
            yield self.finding(
                p.start,
                p.end,
                Msg(
                    f"Tiêu đề báo cáo {_vi_period(title)} nhưng phần nội dung báo cáo {_vi_period(p)}.",
                    f"The title reports {_vi_period(title)} but the body reports {_vi_period(p)}.",
                ),
                suggestion=Msg(
                    "Kiểm tra lại tháng ở tiêu đề hoặc ở nội dung (báo cáo tháng T đánh giá tháng T hoặc tháng T-1).",
                    "Check the month in the title or in the body (a month-T report reviews T, or T-1).",
                ),
                evidence={"title": period_evidence(title, "title"), "body": period_evidence(p, "review")},
            )
            return

    def _title_statements_vs_lead(self, doc: Document, rp) -> Iterable[Finding]:
        """A title that itself reviews and plans ("Đánh giá … tháng 4, triển khai … tháng 5")
        must agree with the lead that says it again."""
        if not _REPORT_TITLE.search(doc.title_text):
            return
        for role_vi, role_en, in_title, in_lead in (
            ("đánh giá", "reviews", rp.review, rp.lead_review),
            ("triển khai nhiệm vụ", "plans", rp.plan, rp.lead_plan),
        ):
            if in_title is None or in_lead is None or not _comparable(in_title, in_lead) or _shift(in_title, in_lead, 0):
                continue
            yield self.finding(
                in_lead.start,
                in_lead.end,
                Msg(
                    f"Tiêu đề {role_vi} {_vi_period(in_title)} nhưng phần mở đầu {role_vi} {_vi_period(in_lead)}.",
                    f"The title {role_en} {_vi_period(in_title)} but the lead {role_en} {_vi_period(in_lead)}.",
                ),
                suggestion=Msg("Thống nhất kỳ báo cáo giữa tiêu đề và phần mở đầu.", "Make the title and the lead name the same period."),
                evidence={"title": period_evidence(in_title, "title"), "lead": period_evidence(in_lead, role_en)},
            )


@register
class PlanNotNext(Rule):
    """The period planned is not the one right after the period reviewed.

    **What it does**
    Compares the period the lead reviews with the period it sets tasks for: "đánh giá kết
    quả công tác tháng 4; triển khai nhiệm vụ tháng 5", "sơ kết 6 tháng đầu năm, triển khai
    nhiệm vụ 6 tháng cuối năm", "tổng kết năm 2020, triển khai nhiệm vụ năm 2021". Periods of
    the same kind must follow each other. The same is checked in every sentence of the body
    that states a reviewed period and, joined by a plan word ("đề ra", "bàn", "phương
    hướng", "triển khai", "nhiệm vụ", "kế hoạch", "chương trình công tác"), the period planned
    next: "đánh giá kết quả tháng 4 và đề ra phương hướng, nhiệm vụ tháng 5". Section headings
    count too: "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 10" and the next heading numbered in the
    same style, "II. NHIỆM VỤ TRỌNG TÂM THÁNG 11" ("A.", "1.", "Phần thứ hai:" alike), however
    many pages apart.

    **Why it matters**
    A skipped or repeated period is a typing slip in one of the two numbers, and the
    report then plans for the wrong month.

    **Example**
    Ngày 04/5/2020, Ban Thường vụ Huyện ủy tổ chức hội nghị đánh giá kết quả công tác tháng 4; triển khai nhiệm vụ trọng tâm tháng 6 năm 2020.

    **Use instead**
    Ngày 04/5/2020, Ban Thường vụ Huyện ủy tổ chức hội nghị đánh giá kết quả công tác tháng 4; triển khai nhiệm vụ trọng tâm tháng 5 năm 2020.
    """

    code = "period.plan-not-next"
    category = Category.PERIOD
    severity = Severity.ERROR

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        rp = doc.fact(report_periods)
        review, plan = rp.review, rp.plan
        if review is not None and plan is not None and review.in_title and not plan.in_title and rp.lead_review is not None:
            # The lead's plan follows the lead's own review; the title is period.title-mismatch's.
            review = rp.lead_review
        reported: set[int] = set()
        # The title's and the lead's statements are compared above (report_periods); the
        # body's own "review … plan" sentences are compared each on its own.
        pairs = [(review, plan)] + [
            (pair.review, pair.plan) for pair in doc.fact(review_plan_pairs) if not pair.plan.in_title
        ]
        for review, plan in pairs:
            if review is None or plan is None or plan.start in reported or not _comparable(review, plan):
                continue
            if reported and plan.role == "plan":
                continue  # the lead's statement, already reported through the report's periods
            if _kind(review) == _kind(plan) == "to_date":
                continue  # "6 tháng đầu năm … 9 tháng": not a review/plan pair of one report
            if _shift(review, plan, 1):
                continue
            reported.add(plan.start)
            yield self._finding(review, plan)

    def _finding(self, review: PeriodFact, plan: PeriodFact) -> Finding:
        return self.finding(
            plan.start,
            plan.end,
            Msg(
                f"Đánh giá {_vi_period(review)} nhưng triển khai nhiệm vụ {_vi_period(plan)}: kỳ kế hoạch không phải kỳ liền sau.",
                f"Reviews {_vi_period(review)} but plans {_vi_period(plan)}: the plan period does not follow the review period.",
            ),
            suggestion=Msg("Kiểm tra lại kỳ đánh giá hoặc kỳ triển khai nhiệm vụ.", "Check the review period or the plan period."),
            evidence={"review": period_evidence(review, "review"), "plan": period_evidence(plan, "plan")},
        )


@register
class ReviewNotStarted(Rule):
    """The period a meeting reviews had not begun on the meeting date.

    **What it does**
    Compares the first day of the reviewed period ("đánh giá kết quả công tác tháng 11")
    with the date of the meeting, or for an article its publication date. A meeting late in
    month M may review M (figures marked "ước"), but not a month that has not started.

    **Why it matters**
    The review period or the meeting date is mistyped; the figures cannot belong to the
    month named.

    **Example**
    Hội nghị giao ban khối xã, thị trấn
    Ngày 23/10/2020, Huyện ủy tổ chức hội nghị đánh giá tình hình trong tháng 11 và đề ra phương hướng, nhiệm vụ trong tháng 12 năm 2020.

    **Use instead**
    Hội nghị giao ban khối xã, thị trấn
    Ngày 23/11/2020, Huyện ủy tổ chức hội nghị đánh giá tình hình trong tháng 11 và đề ra phương hướng, nhiệm vụ trong tháng 12 năm 2020.
    """

    code = "period.review-not-started"
    category = Category.PERIOD
    severity = Severity.ERROR

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        review = doc.fact(report_periods).review
        when, when_inferred = doc.fact(report_date)
        if review is None or when is None or review.year is None or review.year_source == "anchor":
            return
        first = review.first_day()
        if first is None or first <= when:
            return
        yield self.finding(
            review.start,
            review.end,
            Msg(
                f"Kỳ được đánh giá {_vi_period(review)} bắt đầu từ {first:%d/%m/%Y}, sau ngày hội nghị {when:%d/%m/%Y}.",
                f"The reviewed period {_vi_period(review)} begins on {first:%d/%m/%Y}, after the meeting on {when:%d/%m/%Y}.",
            ),
            suggestion=Msg("Kiểm tra lại kỳ đánh giá hoặc ngày hội nghị.", "Check the reviewed period or the meeting date."),
            evidence={"review": period_evidence(review, "review"), "report_date": when.isoformat()},
            severity=Severity.WARNING if review.year_inferred or when_inferred else None,
        )


@register
class PlanPeriodOver(Rule):
    """The period a meeting sets tasks for has already ended on the meeting date.

    **What it does**
    Compares the last day of the planned period ("triển khai nhiệm vụ tháng 4 năm 2020")
    with the date of the meeting or, for an article, its publication date.

    **Why it matters**
    Nobody plans a month that is over: either the meeting date or the plan period is
    mistyped.

    **Example**
    Ngày 04/5/2020, Ban Thường vụ Huyện ủy tổ chức hội nghị đánh giá kết quả công tác tháng 3; triển khai nhiệm vụ trọng tâm tháng 4 năm 2020.

    **Use instead**
    Ngày 04/5/2020, Ban Thường vụ Huyện ủy tổ chức hội nghị đánh giá kết quả công tác tháng 4; triển khai nhiệm vụ trọng tâm tháng 5 năm 2020.
    """

    code = "period.plan-over"
    category = Category.PERIOD
    severity = Severity.ERROR

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        plan = doc.fact(report_periods).plan
        when, when_inferred = doc.fact(report_date)
        if plan is None or when is None or plan.year is None:
            return
        last = plan.last_day()
        if last is None or when <= last:
            return
        if plan.year_inferred and plan.year_source == "anchor":
            return  # the year is only a guess from the report date itself
        days = (when - last).days
        yield self.finding(
            plan.start,
            plan.end,
            Msg(
                f"Kỳ triển khai nhiệm vụ {_vi_period(plan)} đã kết thúc ({last:%d/%m/%Y}) trước ngày hội nghị {when:%d/%m/%Y}.",
                f"The plan period {_vi_period(plan)} ended on {last:%d/%m/%Y}, {days} day(s) before the meeting on {when:%d/%m/%Y}.",
            ),
            suggestion=Msg("Kiểm tra lại kỳ kế hoạch hoặc ngày hội nghị.", "Check the plan period or the meeting date."),
            evidence={"plan": period_evidence(plan, "plan"), "report_date": when.isoformat(), "days_after_end": days},
            severity=Severity.WARNING if plan.year_inferred or when_inferred else None,
        )


_RESULT_AFTER = re.compile(
    r"\b(?:đạt|ước|thực hiện|tăng|giảm|thu|chi|giải ngân|hoàn thành|có|được|bằng|xảy ra|phát hiện|xử lý|cấp|trồng)\b",
    re.IGNORECASE,
)
_FUTURE_WORDS = re.compile(
    r"\b(?:phấn đấu|dự kiến|sẽ|chuẩn bị|tiến tới|hướng tới|kế hoạch|chỉ tiêu|mục tiêu|dự báo|nhiệm vụ|giải pháp|triển khai|tổ chức sơ kết|sơ kết)\b",
    re.IGNORECASE,
)


@register
class CumulativeImpossible(Rule):
    """A cumulative period that has not elapsed yet at the report's date.

    **What it does**
    Checks every cumulative result ("lũy kế 5 tháng", "6 tháng đầu năm đạt …", "9 tháng
    năm 2020 tăng …") against the last month the report covers: the month it reviews, or
    else the month of the meeting or publication. Results for five months cannot be in a
    report about April; "6 tháng đầu năm" results cannot be in a report of March. A
    cumulative written right after the month its own statement reports ("Trong tháng 4,
    …; lũy kế 5 tháng …", "Tháng 4: …, tính chung / cộng dồn 3 tháng …", "… lũy kế đến
    hết tháng 5") must run to that month; fewer months are reported too. In a report whose
    title names month N and whose body states no review period of its own, "lũy kế / tính
    chung / cộng dồn K tháng", "lũy kế đến hết tháng K" must have K = N or N-1 (a meeting
    early in N reviews N-1). Twelve months count only when written from January to
    December ("lũy kế 12 tháng đầu năm", "lũy kế đến hết tháng 12", a plain "tính chung 12
    tháng"): "bình quân 12 tháng", "12 tháng qua / gần đây / trước", "12 tháng tính đến hết
    tháng 9" are a trailing year, and a January report sums up the year before.

    **Why it matters**
    The number of months is wrong, or the figures belong to another report; readers compare
    them with the wrong period of last year.

    **Example**
    Ngày 04/5/2020, Ban Thường vụ Huyện ủy tổ chức hội nghị đánh giá kết quả công tác tháng 4; triển khai nhiệm vụ trọng tâm tháng 5 năm 2020. Thu ngân sách trong tháng ước đạt 1,7 tỷ đồng, lũy kế 5 tháng ước đạt trên 15 tỷ đồng.

    **Use instead**
    Ngày 04/5/2020, Ban Thường vụ Huyện ủy tổ chức hội nghị đánh giá kết quả công tác tháng 4; triển khai nhiệm vụ trọng tâm tháng 5 năm 2020. Thu ngân sách trong tháng ước đạt 1,7 tỷ đồng, lũy kế 4 tháng ước đạt trên 15 tỷ đồng.
    """

    code = "period.cumulative-impossible"
    category = Category.PERIOD
    severity = Severity.ERROR

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        rp = doc.fact(report_periods)
        when, when_inferred = doc.fact(report_date)
        review = rp.review
        limit: int | None = None
        limit_year: int | None = None
        source = ""
        if review is not None and review.kind in ("month", "quarter", "half", "cumulative") and review.last_month:
            limit, limit_year, source = review.last_month, review.year, "review"
        elif when is not None:
            limit, limit_year, source = when.month, when.year, "date"
        text = doc.text
        all_periods = doc.fact(periods)
        for i, p in enumerate(all_periods):
            if p.first_month != 1 or p.last_month is None or p.kind not in ("cumulative", "half"):
                continue
            local = _statement_month(doc, all_periods, i)
            if local is not None:
                # "Trong tháng 4 …; lũy kế 5 tháng …": the sentence says which month it
                # reports, and the cumulative runs to that month, whatever the report's date.
                finding = self._against_month(doc, p, local)
                if finding is not None:
                    yield finding
                continue
            twelve = p.last_month >= 12 and _year_to_date_twelve(text, p)
            title_month = _title_report_month(doc, rp) if p.last_month < 12 or twelve else None
            if title_month is not None and twelve and title_month.last_month == 1:
                title_month = None  # a January report sums up last year's twelve months
            if title_month is not None and (p.last_month < title_month.last_month - 1 or p.last_month > title_month.last_month):
                finding = self._against_title_month(doc, rp, p, title_month)
                if finding is not None:
                    yield finding
                    continue
            elif title_month is not None and rp.lead_review is None and _EXPLICIT_CUMULATIVE.match(p.text):
                # "Lũy kế 6 tháng" in a report titled "… tháng 6": it runs to the month the
                # report names; a body that reviews another month disagrees with the title,
                # which period.title-mismatch reports.
                continue
            if limit is None or p.last_month <= limit or (p.last_month >= 12 and not (twelve and limit > 1)):
                continue
            if p.kind not in ("cumulative", "half") or p.role in ("plan", "subject") or p.cue in ("plan", "bound"):
                continue  # plans, cited reports' periods, and "so với cùng kỳ 6 tháng …"
            if p.year is not None and limit_year is not None and p.year != limit_year:
                continue
            if p.year_source == "text" and limit_year is None:
                continue
            sentence = sentence_of(doc, p.start)
            s_start, s_end = (sentence.start, sentence.end) if sentence else (p.start, p.end)
            after = text[p.end : min(s_end, p.end + 80)]
            is_luy_ke = p.text.lower().startswith(("lũy", "luỹ"))
            if not is_luy_ke and not _RESULT_AFTER.search(after):
                continue
            # Plans are told in their own clause: "…; phấn đấu 6 tháng đầu năm đạt …".
            clause_start = max(s_start, text.rfind(";", s_start, p.start) + 1)
            clause_end = text.find(";", p.end, s_end)
            if _FUTURE_WORDS.search(text[clause_start : min(s_end if clause_end < 0 else clause_end, p.end + 80)]):
                continue
            # Against the reviewed month the comparison is between two statements of the
            # report; against a date, the year of both must be written for an error.
            certain = source == "review" or (not when_inferred and p.year_source in ("text", "sentence"))
            limit_vi = f"tháng {limit}" + (f"/{limit_year}" if limit_year else "")
            basis_vi = f"kỳ báo cáo là {_vi_period(review)}" if source == "review" and review else f"báo cáo ngày {when:%d/%m/%Y}"
            basis_en = f"the report reviews {_vi_period(review)}" if source == "review" and review else f"the report is dated {when:%d/%m/%Y}"
            yield self.finding(
                p.start,
                p.end,
                Msg(
                    f"Kỳ lũy kế {_vi_period(p)} kéo dài đến tháng {p.last_month}, nhưng {basis_vi} (chỉ đến {limit_vi}).",
                    f"The cumulative period {_vi_period(p)} runs to month {p.last_month}, but {basis_en} (up to month {limit}).",
                ),
                suggestion=Msg(f"Có thể là “lũy kế {limit} tháng” / “{limit} tháng đầu năm”.", f"Perhaps {limit} months (“lũy kế {limit} tháng”)."),
                evidence={
                    "cumulative": period_evidence(p, "cumulative"),
                    **({"review": period_evidence(review, "review")} if source == "review" and review else {}),
                    "report_date": when.isoformat() if when else None,
                    "last_month_covered": limit,
                },
                severity=None if certain else Severity.WARNING,
            )


    def _against_title_month(self, doc: Document, rp, p: PeriodFact, title: PeriodFact) -> Finding | None:
        """"Lũy kế / tính chung K tháng" with K < N-1 or K > N in a report whose title names
        month N and whose body states no review period of its own: the cumulative of a
        month-N report runs to N (or to N-1 when the meeting early in N reviews N-1)."""
        if rp.lead_review is not None:
            return None
        if not _EXPLICIT_CUMULATIVE.match(p.text) or p.role in ("plan", "subject") or p.cue in ("plan", "bound"):
            return None
        if p.year_source == "text" and title.year is not None and p.year != title.year:
            return None  # last year's figure, named with its year
        text = doc.text
        sentence = sentence_of(doc, p.start)
        s_start, s_end = (sentence.start, sentence.end) if sentence else (p.start, p.end)
        clause_start = max(s_start, text.rfind(";", s_start, p.start) + 1)
        clause_end = text.find(";", p.end, s_end)
        # A plan is said before the cumulative or right after it ("… phấn đấu lũy kế 6
        # tháng …", "lũy kế 6 tháng kế hoạch …"); "đạt 45% kế hoạch vốn" later is a result.
        if _FUTURE_WORDS.search(text[clause_start : p.start]) or _FUTURE_WORDS.match(text, p.end + 1 if text[p.end : p.end + 1].isspace() else p.end):
            return None
        if clause_end >= 0 and clause_end < p.start:
            return None
        if re.search(r"(?i)so\s+với|cùng\s+kỳ", text[max(s_start, p.start - 40) : p.start]):
            return None
        # "Tính chung 6 tháng …, trong đó tính chung 3 tháng đầu năm …": a part of a cumulative
        # the sentence already gave, not the report's own cumulative.
        nested = _NESTED_IN.search(text, s_start, p.start)
        if nested and (_EXPLICIT_CUMULATIVE.search(text, s_start, nested.start()) or any(o.kind in ("cumulative", "half") and o.first_month == 1 and s_start <= o.start < nested.start() for o in doc.fact(periods))):
            return None
        n = title.last_month
        return self.finding(
            p.start,
            p.end,
            Msg(
                f"Kỳ lũy kế {_vi_period(p)} kéo dài đến tháng {p.last_month}, nhưng tiêu đề ghi báo cáo {_vi_period(title)} (lũy kế phải đến tháng {n - 1} hoặc {n}).",
                f"The cumulative period {_vi_period(p)} runs to month {p.last_month}, but the title reports {_vi_period(title)} (it should run to month {n - 1} or {n}).",
            ),
            suggestion=Msg(f"Có thể là “lũy kế {n} tháng”.", f"Perhaps {n} months (“lũy kế {n} tháng”)."),
            evidence={"cumulative": period_evidence(p, "cumulative"), "title": period_evidence(title, "title"), "last_month_covered": n},
        )

    def _against_month(self, doc: Document, p: PeriodFact, month: PeriodFact) -> Finding | None:
        """A cumulative that does not run to the month its own statement reports."""
        if p.role in ("plan", "subject") or p.cue in ("plan", "bound") or p.last_month == month.last_month:
            return None
        if p.year is not None and month.year is not None and p.year_source == month.year_source == "text" and p.year != month.year:
            return None
        explicit = bool(_EXPLICIT_CUMULATIVE.match(p.text))
        if not explicit and (p.last_month or 0) < (month.last_month or 0):
            return None  # "Tháng 5 …, 4 tháng đầu năm …": only "lũy kế / tính chung" must match
        text = doc.text
        sentence = sentence_of(doc, p.start)
        s_start, s_end = (sentence.start, sentence.end) if sentence else (p.start, p.end)
        clause_start = max(s_start, text.rfind(";", s_start, p.start) + 1)
        clause_end = text.find(";", p.end, s_end)
        if _FUTURE_WORDS.search(text[clause_start : min(s_end if clause_end < 0 else clause_end, p.end + 80)]):
            return None
        return self.finding(
            p.start,
            p.end,
            Msg(
                f"Kỳ lũy kế {_vi_period(p)} kéo dài đến tháng {p.last_month}, nhưng câu này báo cáo {_vi_period(month)}.",
                f"The cumulative period {_vi_period(p)} runs to month {p.last_month}, but the statement reports {_vi_period(month)}.",
            ),
            suggestion=Msg(f"Có thể là “lũy kế {month.last_month} tháng”.", f"Perhaps {month.last_month} months (“lũy kế {month.last_month} tháng”)."),
            evidence={"cumulative": period_evidence(p, "cumulative"), "month": period_evidence(month, "review"), "last_month_covered": month.last_month},
        )


# Twelve months are usually a trailing year ("CPI bình quân 12 tháng", "tính chung 12 tháng
# qua", "12 tháng tính đến hết tháng 9") or a whole-year plan, not a year-to-date figure:
# they are compared with the report's month only when written from the start of the year
# ("12 tháng đầu năm", "từ đầu năm đến hết tháng 12", "lũy kế đến hết tháng 12") or as a
# plain "lũy kế / tính chung / cộng dồn 12 tháng" with nothing after it that makes it a
# rolling window.
_TWELVE_FROM_JANUARY = re.compile(r"(?i)đầu\s+năm|(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+\d{1,2}/)?tháng\s+12\b")
_TWELVE_ROLLING_AFTER = re.compile(
    r"(?i)\s*(?:qua|vừa\s+qua|gần\s+(?:đây|nhất)|trước|liên\s+tiếp|liền|tới|sau|tiếp\s+theo|kể\s+từ|từ|"
    r"tính\s+(?:đến|tới)|(?:đến|tới)\s+(?:hết\s+)?(?:ngày|tháng)|trở\s+lại)(?!\w)"
)
_TWELVE_ROLLING_BEFORE = re.compile(r"(?i)(?:bình\s+quân|trung\s+bình|trong\s+vòng|vòng|suốt|kỳ\s+hạn|hạn)\s*\Z")


def _year_to_date_twelve(text: str, p: PeriodFact) -> bool:
    """True for a twelve-month cumulative that plainly runs from January to December."""
    if p.first_month != 1 or p.last_month != 12 or p.kind != "cumulative":
        return False
    if _TWELVE_FROM_JANUARY.search(p.text):
        return True
    if not _EXPLICIT_CUMULATIVE.match(p.text):
        return False
    if _TWELVE_ROLLING_AFTER.match(text, p.end) or _TWELVE_ROLLING_BEFORE.search(text, max(0, p.start - 24), p.start):
        return False
    return True


_NESTED_IN = re.compile(r"(?<!\w)(?:trong\s+đó|riêng|bao\s+gồm|gồm)(?!\w)", re.IGNORECASE)
# The cumulative words that tie a figure to the months from January to the month reported.
_EXPLICIT_CUMULATIVE = re.compile(r"(?:l(?:ũy|uỹ)\s+kế|tính\s+chung|cộng\s+dồn|từ\s+đầu\s+năm)", re.IGNORECASE)
_MONTH_STATEMENT_REACH = 260


def _statement_month(doc: Document, ps: list[PeriodFact], i: int) -> PeriodFact | None:
    """The single month a cumulative's statement reports: the period right before it in
    its sentence, or in the sentence before it within the same paragraph ("Trong tháng 4,
    thu … ; lũy kế 4 tháng …", "Tháng 4/2021: … Lũy kế 4 tháng …")."""
    p = ps[i]
    if i == 0:
        return None
    q = ps[i - 1]
    if q.kind != "month" or q.first_month != q.last_month or q.cue in ("bound", "plan") or q.role == "subject":
        return None
    if p.start - q.end > _MONTH_STATEMENT_REACH or "\n" in doc.text[q.end : p.start]:
        return None
    between = doc.text[q.end : p.start]
    if re.search(r"(?i)so\s+với|cùng\s+kỳ|kế\s+hoạch|chỉ\s+tiêu", between[-40:]):
        return None
    return q


_REPORT_TYPES = ("Báo cáo",)


def may_cite_reports(doc: Document) -> bool:
    """A cheap test before the citation table is built: does the text cite a report?"""
    text = doc.text
    return "/BC-" in text or "-BC/" in text or "áo cáo số" in text or bool(re.search(r"áo cáo \d", text))


def _is_report(c: Citation) -> bool:
    return (c.type_word in _REPORT_TYPES) or c.type_abbr == "BC"


def _cited_report_period(doc: Document, c: Citation) -> tuple[PeriodFact, dt.date, bool] | None:
    """The period a cited report is about, with its year resolved, and whether that year is a guess."""
    if not _is_report(c) or c.date is None or c.date.date is None or not c.subject:
        return None
    if not re.match(r"\s*(?:tình hình|kết quả|công tác|việc|thực hiện)", c.subject, re.IGNORECASE):
        return None  # "Báo cáo … về phương hướng …" is about the future
    p = subject_period(doc, c.subject_span)
    if p is None or p.first_month is None or p.last_month is None:
        return None
    cited = c.date.date
    guessed = p.year_source != "text"
    if guessed:
        # The year nearest the report's own date ("ngày 05/01/2021 về tình hình tháng 12" is December 2020).
        candidates = [
            PeriodFact(p.start, p.end, p.text, p.kind, p.first_month, p.last_month, y, True, "citation", p.cue, p.role)
            for y in (cited.year - 1, cited.year, cited.year + 1)
        ]
        p = min(candidates, key=lambda q: abs((q.first_day() - cited).days))  # type: ignore[operator]
    return p, cited, guessed or c.date.year_inferred


@register
class CitedSubjectAfterDate(Rule):
    """A cited report about a period that had not begun on the report's own date.

    **What it does**
    Reads the subject of every cited report ("Báo cáo số 369/BC-UBND, ngày 15/9/2020 của
    UBND huyện về tình hình kinh tế - xã hội tháng 10 năm 2020") and compares the start of
    the period it covers with the report's date. A report cannot describe the situation in a
    month that had not started.

    **Why it matters**
    The report's date or its period is mistyped; the document cannot be found under either.

    **Example**
    Thống nhất thực hiện các nhiệm vụ nêu trong Báo cáo số 369/BC-UBND, ngày 15/9/2020 của UBND huyện về tình hình kinh tế - xã hội tháng 10 năm 2020.

    **Use instead**
    Thống nhất thực hiện các nhiệm vụ nêu trong Báo cáo số 369/BC-UBND, ngày 30/10/2020 của UBND huyện về tình hình kinh tế - xã hội tháng 10 năm 2020.
    """

    code = "period.cited-subject-after-date"
    category = Category.PERIOD
    severity = Severity.ERROR

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        if not may_cite_reports(doc):
            return
        for c in doc.fact(citations):
            found = _cited_report_period(doc, c)
            if found is None:
                continue
            p, cited, guessed = found
            first = p.first_day()
            if first is None or first <= cited:
                continue
            name = f"{c.type_word or 'Báo cáo'} số {c.symbol or c.number}"
            yield self.finding(
                p.start,
                p.end,
                Msg(
                    f"{name} ghi ngày {cited:%d/%m/%Y} nhưng nói về {_vi_period(p)}, kỳ bắt đầu từ {first:%d/%m/%Y}.",
                    f"{name} is dated {cited:%d/%m/%Y} but reports on {_vi_period(p)}, which begins on {first:%d/%m/%Y}.",
                ),
                suggestion=Msg("Kiểm tra lại ngày của báo cáo hoặc kỳ báo cáo.", "Check the report's date or the period it covers."),
                evidence={"cited": {"text": c.text, "start": c.start, "end": c.end, "date": cited.isoformat()}, "period": period_evidence(p, "subject")},
                severity=Severity.WARNING if guessed else None,
            )


# Days after the end of its period within which a report is usually dated: monthly
# reports around the end of the month or in the first weeks after; annual reviews later.
DEFAULT_LATE_DAYS = {1: 45, 3: 60, 6: 75, 9: 75, 12: 120}


@register
class CitedReportLate(Rule):
    """A cited report dated long after the period it reports on.

    **What it does**
    For every cited report whose subject names its period ("… về tình hình kinh tế - xã
    hội tháng 4 năm 2020"), measures the days between the end of that period and the
    report's date. Beyond 45 days for a month (60 for a quarter, 75 for a half-year, 120
    for a year; option `max_days`) it reports the gap.

    **Why it matters**
    Monthly reports are written at the end of their month. A report dated months later is
    usually a slip in the month of its date or of its period.

    **Example**
    Thống nhất thực hiện các nhiệm vụ nêu trong Báo cáo số 118/BC-UBND, ngày 20/8/2021 của UBND huyện về tình hình kinh tế - xã hội tháng 4 năm 2021.

    **Use instead**
    Thống nhất thực hiện các nhiệm vụ nêu trong Báo cáo số 118/BC-UBND, ngày 28/4/2021 của UBND huyện về tình hình kinh tế - xã hội tháng 4 năm 2021.
    """

    code = "period.cited-report-late"
    category = Category.PERIOD
    severity = Severity.WARNING
    OPTIONS = {"max_days": ("int", 1, 36500)}

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        override = ctx.options.get("max_days")
        if not may_cite_reports(doc):
            return
        for c in doc.fact(citations):
            found = _cited_report_period(doc, c)
            if found is None:
                continue
            p, cited, guessed = found
            last = p.last_day()
            if last is None or guessed:
                continue
            months = p.months or 1
            limit = int(override) if override else next(v for k, v in sorted(DEFAULT_LATE_DAYS.items()) if months <= k)
            gap = (cited - last).days
            if gap <= limit:
                continue
            name = f"{c.type_word or 'Báo cáo'} số {c.symbol or c.number}"
            yield self.finding(
                c.date.value_start if c.date else c.start,
                c.date.end if c.date else c.end,
                Msg(
                    f"{name} ghi ngày {cited:%d/%m/%Y}, {gap} ngày sau khi kỳ {_vi_period(p)} kết thúc ({last:%d/%m/%Y}).",
                    f"{name} is dated {cited:%d/%m/%Y}, {gap} days after the end of {_vi_period(p)} ({last:%d/%m/%Y}).",
                ),
                suggestion=Msg("Kiểm tra lại tháng của ngày báo cáo hoặc kỳ báo cáo.", "Check the month of the report's date or its period."),
                evidence={
                    "cited": {"text": c.text, "start": c.start, "end": c.end, "date": cited.isoformat()},
                    "period": period_evidence(p, "subject"),
                    "days_after_period": gap,
                    "max_days": limit,
                },
            )


_TERM = TERM_PATTERN  # "nhiệm kỳ 2020-2025", with any dash or "đến" (extract.periods)
_STATE_COUNCIL = re.compile(r"(?:HĐND|UBND|Hội đồng nhân dân|Ủy ban nhân dân|Uỷ ban nhân dân|Quốc hội|đại biểu dân cử)", re.IGNORECASE)
_PARTY_BODY = re.compile(r"(?:Đảng|Huyện ủy|Huyện uỷ|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Quận ủy|Thị ủy|Ban Chấp hành|BCH)", re.IGNORECASE)
_CELL = re.compile(r"chi\s+bộ", re.IGNORECASE)
# Bodies whose terms follow their own rules: boards, councils other than the People's
# Councils, associations, international bodies.
_OTHER_BODY = re.compile(
    r"(?:Hội\s+đồng(?!\s+nhân\s+dân)(?:\s+quản\s+trị)?|HĐQT|Ban\s+kiểm\s+soát|Hiệp\s+hội|Liên\s+hợp\s+quốc|Hiệu\s+trưởng|Giám\s+đốc)",
    re.IGNORECASE,
)


def _last_end(pattern: re.Pattern[str], text: str) -> int:
    """Where the last match of ``pattern`` in ``text`` ends (-1 when none)."""
    end = -1
    for m in pattern.finditer(text):
        end = m.end()
    return end
# A Party committee above the cell: its congress and its committee sit for five years.
_PARTY_COMMITTEE = re.compile(
    r"(?:Đảng\s+bộ|Đảng\s+ủy|Đảng\s+uỷ|Huyện\s+[uủ]ỷ?|Tỉnh\s+[uủ]ỷ?|Thành\s+[uủ]ỷ?|Quận\s+[uủ]ỷ?|Thị\s+[uủ]ỷ?|Ban\s+Chấp\s+hành|BCH|Ban\s+Thường\s+vụ|BTV|Đại\s+hội\s+(?:đại\s+biểu\s+)?Đảng)",
    re.IGNORECASE,
)
_MASS_ORGANISATION = re.compile(
    r"(?:Mặt\s+trận|MTTQ|Hội\s+Nông\s+dân|Hội\s+Liên\s+hiệp\s+Phụ\s+nữ|Hội\s+LHPN|Hội\s+Cựu\s+chiến\s+binh|Hội\s+CCB|Đoàn\s+Thanh\s+niên|Đoàn\s+TNCS|Liên\s+đoàn\s+Lao\s+động)",
    re.IGNORECASE,
)


@register
class TermLength(Rule):
    """A term of office that does not span five years ("nhiệm kỳ 2020-2026").

    **What it does**
    Reads every "nhiệm kỳ YYYY-YYYY" (any dash: "2020 – 2025", "2020—2025", or "2020 đến
    2025"). Party committees above the cell (Đảng bộ, Huyện ủy, Ban Chấp hành, Ban Thường
    vụ), People's Councils, the National Assembly, the Fatherland Front and the unions are
    elected for five years (Party 2020-2025, HĐND 2021-2026): a term of any other length is
    reported. Party cells may have shorter terms (two to five years); for other bodies
    (company boards, international councils) only a term longer than five years is.

    **Why it matters**
    One of the two years is mistyped; the term is the first thing readers check in a
    congress report.

    **Example**
    Chuẩn bị tốt các điều kiện cho Đại hội đại biểu Đảng bộ huyện lần thứ XXV, nhiệm kỳ 2020-2026.

    **Use instead**
    Chuẩn bị tốt các điều kiện cho Đại hội đại biểu Đảng bộ huyện lần thứ XXV, nhiệm kỳ 2020-2025.
    """

    code = "period.term-length"
    category = Category.PERIOD
    severity = Severity.ERROR
    fix = "unsafe"

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        text = doc.text
        for term in doc.fact(terms):
            a, b = term.first, term.last
            length = b - a
            before = text[max(0, term.start - 100) : term.start]
            # The term is the body's named nearest before it: "Chủ tịch UBND TP vừa thành
            # lập Hội đồng Kiến trúc-Quy hoạch TP nhiệm kỳ 2017-2021" is the council's term.
            other = _last_end(_OTHER_BODY, before)
            if other > max(_last_end(_STATE_COUNCIL, before), _last_end(_PARTY_BODY, before), _last_end(_MASS_ORGANISATION, before), _last_end(_PARTY_COMMITTEE, before)):
                before = before[other:]
            council = bool(_STATE_COUNCIL.search(before))
            party = bool(_PARTY_BODY.search(before))
            cell = bool(_CELL.search(before))
            committee = not cell and bool(_PARTY_COMMITTEE.search(before))
            mass = not (council or party) and bool(_MASS_ORGANISATION.search(before))
            if council and a < 2011:
                continue  # councils elected 2004 sat until 2011, the National Assembly of 2007 until 2011
            if council or committee:
                # Councils and Party committees above the cell are elected for five years.
                bad = length != 5
            elif party:
                bad = not 2 <= length <= 5  # a cell, or a newly formed committee
            elif mass:
                bad = length != 5  # the Front and the unions: five years since 2012
            else:
                # Other bodies (UN Security Council 2020-2021, boards of companies) have other terms.
                bad = False
            if length > 5 or length < 1:
                bad = True
            if not bad:
                continue
            severity = None if (council or committee or party) and not cell else Severity.WARNING
            yield self.finding(
                term.first_span[0],
                term.last_span[1],
                Msg(
                    f"Nhiệm kỳ {a}-{b} dài {length} năm; nhiệm kỳ thường là 5 năm (Đảng bộ 2020-2025, HĐND 2021-2026).",
                    f"The term {a}-{b} spans {length} year(s); terms are 5 years (Party 2020-2025, People's Councils 2021-2026).",
                ),
                suggestion=f"{a}-{a + 5}",
                evidence={
                    "term": {"text": text[term.start : term.end], "start": term.start, "end": term.end, "from": a, "to": b, "years": length},
                    "body": "council" if council else "party" if party else "mass organisation" if mass else "other",
                },
                severity=severity,
            )


# Found from the upper-case numeral (a cheap character-class scan), the cue read backwards.
# (Opening on one letter, not on a repeat, so the regex engine skips ahead to those letters:
# 2x faster, same matches.)
_ROMAN = re.compile(r"[IVXLCDM][IVXLCDM]{1,8}(?!\w)")
_ROMAN_CUE = re.compile(r"(?<!\w)(?:lần\s+thứ|khóa|khoá|đại\s+hội|kỳ\s+họp\s+thứ|hội\s+nghị\s+trung\s+ương|nhiệm\s+kỳ)\s+\Z", re.IGNORECASE)
_VALID_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")


def roman_value(numeral: str) -> int | None:
    """The value of a well-formed Roman numeral, else None ("XIIII", "IIX", "VV")."""
    if not numeral or not _VALID_ROMAN.fullmatch(numeral):
        return None
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, ch in enumerate(numeral):
        v = values[ch]
        total += -v if i + 1 < len(numeral) and values[numeral[i + 1]] > v else v
    return total


def _repair_roman(numeral: str) -> str | None:
    """The numeral the writer most likely meant, read additively ("XIIII" → 14 → "XIV")."""
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = sum(values[ch] for ch in numeral)
    if not 0 < total < 4000:
        return None
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while total >= value:
            out += sym
            total -= value
    return out


def _roman_candidates(numeral: str) -> list[str]:
    """What the writer may have meant: every well-formed numeral left by deleting one stray
    letter, the last letter first ("XIVI" → "XIV", "XII", "XVI"), then the additive reading
    ("XIIII" → "XIV")."""
    out: list[str] = []
    for i in reversed(range(len(numeral))):
        shorter = numeral[:i] + numeral[i + 1 :]
        if roman_value(shorter) is not None and shorter not in out:
            out.append(shorter)
    additive = _repair_roman(numeral)
    if additive and additive not in out:
        out.append(additive)
    return out[:4]


@register
class InvalidRomanNumeral(Rule):
    """A congress, term or session ordinal written with a malformed Roman numeral.

    **What it does**
    Checks the Roman numeral after "lần thứ", "khóa", "Đại hội", "Hội nghị Trung ương":
    "XXV", "XIII", "XIV" are well formed; "XIIII", "IIX", "VV", "XXXXV" are not.

    **Why it matters**
    Congress and term ordinals identify the body that decided; a malformed numeral cannot
    be read as a number and is certainly a typing slip.

    **Example**
    Tiến tới Đại hội đại biểu Đảng bộ huyện lần thứ XIIII, nhiệm kỳ 2020-2025.

    **Use instead**
    Tiến tới Đại hội đại biểu Đảng bộ huyện lần thứ XIV, nhiệm kỳ 2020-2025.
    """

    code = "period.invalid-roman-numeral"
    category = Category.PERIOD
    severity = Severity.ERROR

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        text = doc.text
        for m in _ROMAN.finditer(text):
            if m.start() > 0 and text[m.start() - 1].isalnum():
                continue
            numeral = m.group()
            if roman_value(numeral) is not None or not _ROMAN_CUE.search(text, max(0, m.start() - 28), m.start()):
                continue
            candidates = _roman_candidates(numeral)
            yield self.finding(
                m.start(),
                m.end(),
                Msg(f"Số La Mã “{numeral}” viết sai quy tắc.", f"Malformed Roman numeral “{numeral}”."),
                suggestion=Msg(" hoặc ".join(candidates), " or ".join(candidates)) if candidates else None,
                evidence={"numeral": {"text": numeral, "start": m.start(), "end": m.end(), "additive_value": sum({"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}[c] for c in numeral)}},
            )


# The nearest body named before "nhiệm kỳ" decides which cycle the term must follow.
_TERM_BODY = re.compile(
    r"(?P<council>HĐND|UBND|Hội đồng nhân dân|Ủy ban nhân dân|Uỷ ban nhân dân|Quốc hội)"
    r"|(?P<national>Trung ương|toàn quốc|Chính phủ|Bộ Chính trị|Ban Bí thư|Liên hợp quốc|khóa XIII|khoá XIII)"
    r"|(?P<party>Đảng bộ|Huyện ủy|Huyện uỷ|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Quận ủy|Quận uỷ|Thị ủy|Thị uỷ|Đảng ủy|Đảng uỷ|Đại hội Đảng|Đại hội đại biểu Đảng)"
    r"|(?P<other>Chi bộ|chi bộ|Hội |Đoàn |Mặt trận|Công đoàn|Liên minh|Liên đoàn)",
)


def _nearest_cycle(year: int, remainder: int) -> int:
    """The election year nearest ``year`` among those ≡ ``remainder`` (mod 5)."""
    below = year - (year - remainder) % 5
    return below if year - below <= below + 5 - year else below + 5


@register
class TermCycle(Rule):
    """A five-year term that does not start in its body's election year.

    **What it does**
    Local Party committees are elected for 2010-2015, 2015-2020, 2020-2025, 2025-2030;
    People's Councils and the National Assembly for 2011-2016, 2016-2021, 2021-2026. The
    body named just before "nhiệm kỳ" decides the cycle: "HĐND huyện … nhiệm kỳ
    2020-2025" or "Đảng bộ huyện … nhiệm kỳ 2021-2026" is reported. Party cells, mass
    organisations and central bodies are left alone.

    **Why it matters**
    The two cycles are one year apart and are easily swapped; the term names the council
    or committee that decided, so a wrong one attributes the decision to another body.

    **Example**
    Kỳ họp thứ hai HĐND huyện khóa XX, nhiệm kỳ 2020-2025 đã thông qua 12 nghị quyết.

    **Use instead**
    Kỳ họp thứ hai HĐND huyện khóa XX, nhiệm kỳ 2021-2026 đã thông qua 12 nghị quyết.
    """

    code = "period.term-cycle"
    category = Category.PERIOD
    severity = Severity.WARNING
    fix = "unsafe"

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        text = doc.text
        low = doc.fact(lowered)
        for m in _TERM.finditer(low):
            if not word_start(low, m.start()):
                continue
            a, b = int(m.group("a")), int(m.group("b"))
            if b - a != 5 or a < 2010:
                continue
            body = None
            for bm in _TERM_BODY.finditer(text, max(0, m.start() - 100), m.start()):
                body = bm.lastgroup
            if body == "council" and a >= 2011 and a % 5 != 1:
                expected, body_vi, body_en = _nearest_cycle(a, 1), "HĐND, Quốc hội", "People's Councils and the National Assembly"
            elif body == "party" and a % 5 != 0:
                expected, body_vi, body_en = _nearest_cycle(a, 0), "cấp ủy địa phương", "local Party committees"
            else:
                continue
            yield self.finding(
                m.start("a"),
                m.end("b"),
                Msg(
                    f"Nhiệm kỳ {a}-{b} lệch chu kỳ bầu cử của {body_vi} (… {expected}-{expected + 5} …).",
                    f"The term {a}-{b} is off the election cycle of {body_en} (… {expected}-{expected + 5} …).",
                ),
                suggestion=f"{expected}-{expected + 5}",
                evidence={"term": {"text": text[m.start() : m.end()], "start": m.start(), "end": m.end(), "from": a, "to": b}, "body": body},
            )


_ORDINAL_TERM = re.compile(
    r"(?P<kw>lần\s+thứ|khóa|khoá)\s+(?P<ord>[IVXLCDM]{1,9}|\d{1,3})\s*(?:,\s*|\(\s*|\s+)nhiệm\s+kỳ\s*:?\s*"
    r"(?P<a>(?:19|20)\d\d)\s*[\-–—]\s*(?P<b>(?:19|20)\d\d)(?!\d)",
)
_BODY_BEFORE = re.compile(
    r"(?P<body>(?:Đảng\s+bộ|HĐND|Hội\s+đồng\s+nhân\s+dân|UBND|Ủy\s+ban\s+nhân\s+dân|Quốc\s+hội|Ban\s+Chấp\s+hành)"
    r"(?:\s+(?:huyện|tỉnh|xã|thị\s+trấn|thành\s+phố|quận|phường|thị\s+xã|khối)(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3})?)\s*\Z",
)


def _ordinal(value: str) -> int | None:
    return int(value) if value.isdigit() else roman_value(value)


@register
class TermOrdinalMismatch(Rule):
    """One body given two ordinals for the same term, or one ordinal for two terms.

    **What it does**
    Collects "<body> lần thứ / khóa <ordinal>, nhiệm kỳ <years>" ("Đảng bộ huyện lần thứ
    XXV, nhiệm kỳ 2020-2025", "HĐND huyện khóa XX, nhiệm kỳ 2021-2026") and reports a body
    whose congress ordinal and term disagree with another mention in the same report: the
    ordinal of a congress and the khóa of the committee it elects are the same number.

    **Why it matters**
    Ordinals and terms identify the committee that decided; two of them in one report
    make it unclear which one, and one of them is a typing slip.

    **Example**
    Chuẩn bị tốt các điều kiện cho Đại hội đại biểu Đảng bộ huyện lần thứ XXV, nhiệm kỳ 2020-2025. Hội nghị cho ý kiến vào Dự thảo Văn kiện Đại hội Đảng bộ huyện khóa XXIV, nhiệm kỳ 2020-2025.

    **Use instead**
    Chuẩn bị tốt các điều kiện cho Đại hội đại biểu Đảng bộ huyện lần thứ XXV, nhiệm kỳ 2020-2025. Hội nghị cho ý kiến vào Dự thảo Văn kiện Đại hội Đảng bộ huyện khóa XXV, nhiệm kỳ 2020-2025.
    """

    code = "period.term-ordinal-mismatch"
    category = Category.PERIOD
    severity = Severity.ERROR
    fix = "unsafe"

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        text = doc.text
        first_seen: dict[str, tuple[int, int, int, re.Match[str]]] = {}
        for m in _ORDINAL_TERM.finditer(text):
            ordinal = _ordinal(m.group("ord"))
            body_m = _BODY_BEFORE.search(text, max(0, m.start() - 60), m.start())
            if ordinal is None or body_m is None:
                continue
            body = re.sub(r"\s+", " ", body_m.group("body")).lower()
            a, b = int(m.group("a")), int(m.group("b"))
            seen = first_seen.get(body)
            if seen is None:
                first_seen[body] = (ordinal, a, b, m)
                continue
            o0, a0, b0, m0 = seen
            same_term, same_ordinal = (a, b) == (a0, b0), ordinal == o0
            if same_term == same_ordinal:
                continue  # both agree, or a different congress altogether
            first_text = text[m0.start() : m0.end()]
            this_text = text[m.start() : m.end()]
            if same_term:
                start, end = m.start("ord"), m.end("ord")
            else:
                start, end = m.start("a"), m.end("b")
            yield self.finding(
                start,
                end,
                Msg(
                    f"“{body_m.group('body')} {this_text}” không khớp với “{first_text}” ở trên: cùng một {'nhiệm kỳ' if same_term else 'khóa'} nhưng {'khóa' if same_term else 'nhiệm kỳ'} khác.",
                    f"“{body_m.group('body')} {this_text}” disagrees with “{first_text}” above: the same {'term' if same_term else 'ordinal'} with a different {'ordinal' if same_term else 'term'}.",
                ),
                suggestion=m0.group("ord") if same_term else f"{a0}-{b0}",
                evidence={
                    "first": {"text": first_text, "start": m0.start(), "end": m0.end(), "ordinal": o0, "term": f"{a0}-{b0}"},
                    "this": {"text": this_text, "start": m.start(), "end": m.end(), "ordinal": ordinal, "term": f"{a}-{b}"},
                    "body": body,
                },
            )
