"""Number rules: percentages recomputed from their own figures, ratio and growth that
disagree, shares and parts that exceed their whole, a cumulative figure below one month
inside it, one metric stated with two values, and number formatting a reader misreads.

Every comparison is rounding-aware: a figure stands for the interval its printed precision
allows ("83%" is 82,5–83,5%; "100,2%" is 100,15–100,25%), widened when the text says the
figure is approximate ("gần", "hơn", "trên", "khoảng", "ước đạt").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Sequence

from giaoban_qa.document import Document
from giaoban_qa.extract.quantities import SCALES, Quantity, quantities
from giaoban_qa.extract.statements import initials_of, noun, same_metric, statements
from giaoban_qa.findings import Category, Finding, Msg, Severity
from giaoban_qa.rules import Rule, RuleContext, register

_EPS = 1e-9
_SAME_PERIOD_BASES = ("cùng kỳ", "năm trước", "năm ngoái")


def fmt(value: float, decimals: int = 2) -> str:
    """A number written the Vietnamese way: "." between thousands, "," before decimals."""
    text = f"{value:,.{decimals}f}"
    if decimals:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def fmt_like(value: float, like: Quantity) -> str:
    """``value`` written in the scale and unit of the figure ``like`` ("880 tỷ đồng")."""
    scale = SCALES.get(like.scale or "", 1.0)
    words = [fmt(value / scale, 3)]
    if like.scale:
        words.append(like.scale)
    if like.unit:
        words.append(like.unit)
    return " ".join(words)


def qev(q: Quantity) -> dict:
    """A quantity as evidence (its span is remapped by the engine)."""
    lo, hi = q.interval()
    return {
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "value": q.value,
        "unit": q.unit,
        "approx": q.approx,
        "qualifier": q.qualifier,
        "relation": q.relation,
        "base": q.base,
        "base_issuer": q.base_issuer,
        "metric": q.metric,
        "period_text": q.period_text,
        "interval": [lo, hi],
    }


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] + _EPS and b[0] <= a[1] + _EPS


def _sentence_starts(doc: Document) -> Sequence[int]:
    from giaoban_qa.document import sentence_starts  # the document's shared array

    return sentence_starts(doc)


def _sentence_key(doc: Document, q: Quantity) -> int:
    """The start of the sentence holding ``q`` (a binary search on a cached index)."""
    import bisect

    starts = doc.fact(_sentence_starts)
    i = bisect.bisect_right(starts, q.start) - 1
    return starts[i] if i >= 0 else -1


_DEFAULT_PACK: dict = {"stable_aggregates": [], "whole_units": [], "amount_units": []}


def _pack_list(ctx: RuleContext, key: str) -> tuple[str, ...]:
    """A list from rules/numbers.yaml (user packs merged over it)."""
    return _pack_values(ctx.rules_dirs, key)


@lru_cache(maxsize=64)
def _pack_values(rules_dirs: tuple[str, ...], key: str) -> tuple[str, ...]:
    from giaoban_qa.packs import load_pack

    pack = load_pack("numbers", rules_dirs) or _DEFAULT_PACK
    return tuple(str(x) for x in (pack.get(key) or []))


def _pct_step(p: Quantity) -> int:
    return max(p.decimals, 1)


@register
class PercentMismatch(Rule):
    """A percentage that disagrees with the numerator and denominator stated beside it.

    **What it does**
    Recomputes a percentage stated with its own part and whole — "A/B đạt X%", "A trên
    tổng số B, chiếm X%", "A trong tổng số B …, chiếm tỷ lệ X%", "A trong số B", "A hộ
    (trên tổng số B hộ), chiếm X%", "3/5 xã (60%)", "150/200 ý kiến (chiếm 75%)" (a count of
    any noun; not a day and month), "A (tương đương X%) trong tổng số B", "A trong số B …
    (tỷ lệ … là X%)", the percentage first: "X% học sinh
    (A/B em)", "đạt X%, tương ứng A/B", the whole after the percentage: "A hộ …, chiếm X%
    (tổng số B hộ)", "chiếm X% tổng số B", "đạt tỷ lệ X% so với tổng số B", the whole first:
    "Trong tổng số B hộ, có A hộ …, chiếm X%", or a part listed after "trong đó" with its
    own percentage: "B hộ, trong đó A hộ … (chiếm X%)" — and compares it with the stated X at the precision X is printed with ("83%"
    allows 82,5–83,5%; "100,2%" allows 100,15–100,25%). Approximate figures ("gần", "hơn",
    "khoảng") widen the tolerance. When several parts stand before one whole ("A … và C …,
    trong tổng số B"), the percentage may state any one of them or their sum.

    **Why it matters**
    A percentage that contradicts its own figures means one of the three numbers is wrong,
    and the reader cannot tell which. Such slips survive proofreading because each number
    looks plausible on its own.

    **Example**
    Diện tích sản xuất rau thương phẩm 22.460 ha/27.060 ha đạt 87% kế hoạch năm.

    **Use instead**
    Diện tích sản xuất rau thương phẩm 22.460 ha/27.060 ha đạt 83% kế hoạch năm.
    """

    code = "number.percent-mismatch"
    category = Category.NUMBER
    severity = Severity.ERROR

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        text = doc.text
        for st in doc.fact(statements).part_whole:
            p, a, b = st.percent, st.part, st.whole
            # Growth and same-period ratios compare with last year, not with B (the reader
            # leaves them out of a part/whole statement).
            if p is None or p.in_range:
                continue
            # A and B count the same thing: one unit, a bare A, one noun ("2 lần trong số 5 lần
            # thử"), or B named by A's initials ("379 doanh nghiệp trong tổng số 620 DNNN").
            same = (a.unit == b.unit) if a.unit else (not noun(text, a) or noun(text, a) == noun(text, b))
            if (not same and not initials_of(text, a, b)) or b.value <= 0:
                continue
            # "bán 2.210.000 cp trong tổng số 2.660.747 cp (tỷ lệ 1,1%) đang sở hữu": a holding of
            # shares is stated as a share of the company's capital, not of B.
            if noun(text, b) in _SHARE_NOUNS:
                continue
            b_lo, b_hi = b.interval()
            if b_lo <= 0:
                continue
            stated = p.interval()
            # "147 … và 4 …, trong tổng số 182, đạt 80,7%": any one of the parts, or their sum.
            candidates = [a, *st.alternatives]
            readings = [c.interval() for c in candidates]
            if len(candidates) > 1:
                readings.append((sum(r[0] for r in readings), sum(r[1] for r in readings)))
            consistent = any(_overlap((lo / b_hi * 100, hi / b_lo * 100), stated) for lo, hi in readings)
            exact = a.value / b.value * 100
            digits = _pct_step(p) + 1
            self.checked(ctx, "computation", p.start, p.end, consistent, _ratio_note(a.text, b.text, exact, digits, p.text))
            if consistent:
                continue
            # Rounded down instead of to the nearest ("50/54 = 92,59%" printed as 92,5%):
            # the percentage is only off in its last digit.
            step = 10.0 ** (-p.decimals)
            truncated = not p.approx and abs(int(exact / step + _EPS) * step - p.value) < step / 10
            why_vi = " (có lẽ đã làm tròn xuống thay vì làm tròn đúng)" if truncated else ""
            why_en = " (probably rounded down instead of to the nearest)" if truncated else ""
            yield self.finding(
                p.start,
                p.end,
                Msg(
                    f"Tỷ lệ {p.text} không khớp với {a.text}/{b.text} = {fmt(exact, digits)}%{why_vi}.",
                    f"{p.text} does not match {a.text}/{b.text} = {fmt(exact, digits)}%{why_en}.",
                ),
                suggestion=Msg(
                    f"Kiểm tra lại: theo các số đã nêu, tỷ lệ là {fmt(exact, digits)}%.",
                    f"Check the figures: they give {fmt(exact, digits)}%.",
                ),
                evidence={"percentage": qev(p), "numerator": qev(a), "denominator": qev(b), "computed": round(exact, 4), "truncated": truncated, "link": st.link},
                severity=Severity.WARNING if truncated else None,
            )


def _ratio_note(a: str, b: str, exact: float, digits: int, stated: str) -> Msg:
    """The recomputation of a percentage, for coverage marks ("713 / 1.159 = 61,5 %")."""
    from giaoban_qa.i18n import num

    return Msg(f"{a} / {b} = {num(exact, 'vi', digits)} %, văn bản ghi {stated}",
               f"{a} / {b} = {num(exact, 'en', digits)} %, the text says {stated}")


def _pairs_about_one_figure(doc: Document, qs: list[Quantity]) -> Iterable[tuple[Quantity, Quantity]]:
    """Consecutive percentages about the same figure: same anchor, no figure between them."""
    text = doc.text
    last: Quantity | None = None
    for q in qs:
        if q.unit != "%":
            if q.unit:
                last = None
            continue
        if last is not None and last.anchor == q.anchor and q.start - last.end < 120 and not re.search(r"[;\n]", text[last.end : q.start]) and _sentence_key(doc, last) == _sentence_key(doc, q):
            yield last, q
        last = q


@register
class GrowthRatioMismatch(Rule):
    """"bằng X% so với cùng kỳ" and "tăng Y%" about one figure where X is not 100 + Y.

    **What it does**
    When one figure is given both as a ratio to the same period last year ("bằng X% so với
    cùng kỳ") and as growth or decline ("tăng Y%", "giảm Y%"), in either order and with one
    of them perhaps in parentheses ("tăng 21,3% so với cùng kỳ (bằng 121,3%)", "bằng 108,5%
    so với cùng kỳ (tăng 8,5%)"), checks that X = 100 + Y (or 100 − Y), at the precision
    both are printed with. A level stated beside a growth ("cao hơn mức 5,5% cùng kỳ") is no
    ratio, and two percentages across a new clause ("…, nhưng …") are not paired.

    **Why it matters**
    The two readings are easy to confuse when drafting; a report that states both and
    gets them inconsistent publishes a wrong growth rate for a headline figure.

    **Example**
    Thu ngân sách đạt 150 tỷ đồng, bằng 126,5% so với cùng kỳ, tăng 16,5% so với cùng kỳ.

    **Use instead**
    Thu ngân sách đạt 150 tỷ đồng, bằng 126,5% so với cùng kỳ, tăng 26,5% so với cùng kỳ.
    """

    code = "number.growth-ratio-mismatch"
    category = Category.NUMBER
    severity = Severity.ERROR

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        for st in doc.fact(statements).changes:
            if st.ratio is None:
                continue
            ratio, change = st.ratio, st.change
            second = ratio if ratio.start > change.start else change
            sign = 1 if change.relation == "growth" else -1
            c_lo, c_hi = change.interval()
            implied = sorted((100 + sign * c_lo, 100 + sign * c_hi))
            expected = 100 + sign * change.value
            consistent = _overlap(ratio.interval(), (implied[0], implied[1]))
            self.checked(ctx, "computation", second.start, second.end, consistent,
                         Msg(f"100 % {'+' if sign > 0 else '−'} {change.text} = {fmt(expected)} %, văn bản ghi bằng {ratio.text}",
                             f"100 % {'+' if sign > 0 else '−'} {change.text} = {expected:g} %, the text says {ratio.text}"))
            if consistent:
                continue
            word_vi = "tăng" if sign > 0 else "giảm"
            yield self.finding(
                second.start,
                second.end,
                Msg(
                    f"“{ratio.text} so với cùng kỳ” và “{word_vi} {change.text}” không khớp: {word_vi} {change.text} nghĩa là bằng {fmt(expected)}%.",
                    f"“{ratio.text} of the same period” and “{'up' if sign > 0 else 'down'} {change.text}” disagree: that change means {fmt(expected)}%.",
                ),
                suggestion=Msg(
                    f"Sửa một trong hai số: bằng {fmt(expected)}% hoặc {word_vi} {fmt(abs(ratio.value - 100))}%.",
                    f"Correct one of them: {fmt(expected)}% or a change of {fmt(abs(ratio.value - 100))}%.",
                ),
                evidence={"ratio": qev(ratio), "change": qev(change), "implied_ratio": expected},
            )


@register
class DeclineOver100(Rule):
    """A decline of 100% or more of a figure the text still reports.

    **What it does**
    Flags "giảm X%" with X above 100 (nothing can fall by more than all of itself), and
    "giảm 100%" when the same sentence gives the figure a non-zero value.

    **Why it matters**
    Usually "bằng X%" or a growth was meant, or the percentage was computed on the wrong
    base; either way the published figure is impossible.

    **Example**
    Số vụ tai nạn giao thông là 12 vụ, giảm 120% so với cùng kỳ.

    **Use instead**
    Số vụ tai nạn giao thông là 12 vụ, giảm 20% so với cùng kỳ.
    """

    code = "number.decline-over-100"
    category = Category.NUMBER
    severity = Severity.ERROR

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        qs = doc.fact(quantities)
        for q in qs:
            if q.unit != "%" or q.relation != "decline" or q.in_range or q.approx:
                continue
            anchor = qs[q.anchor] if q.anchor is not None else None
            if q.value > 100 or (q.value == 100 and anchor is not None and anchor.value > 0):
                yield self.finding(
                    q.start,
                    q.end,
                    Msg(
                        f"Giảm {q.text} là không thể" + (f" khi số liệu vẫn là {anchor.text}." if anchor else "."),
                        f"A decline of {q.text} is impossible" + (f" while the figure is still {anchor.text}." if anchor else "."),
                    ),
                    suggestion=Msg("Có lẽ cần viết “bằng …% so với cùng kỳ”, hoặc kiểm tra lại tỷ lệ giảm.", "Probably “bằng …% so với cùng kỳ” was meant; check the rate."),
                    evidence={"decline": qev(q), **({"figure": qev(anchor)} if anchor else {})},
                )


@register
class AmbiguousGrowth(Rule):
    """"tăng X% so với cùng kỳ" with X from 100 to 150 on a budget-like total: "bằng" meant?

    **What it does**
    Flags a growth of 100% up to (not including) 150% over the same period for a stable
    aggregate (budget revenue, production value, retail sales, GRDP). Such totals rarely
    double in a year; "tăng 110,44%" is most often a misuse of "bằng 110,44%" (a 10,44%
    growth). It stays quiet on larger growth ("tăng 190,6% so với cùng kỳ"): read as
    "bằng", that would still be a 90,6% growth, as unusual as the text's own reading, so
    the wording is no sign of a slip and such figures are real (a low base, a new
    project). It is quiet too when the report states the ratio beside it ("bằng X%",
    checked by number.growth-ratio-mismatch) or the factor ("gấp N lần").

    **Why it matters**
    The two readings differ tenfold in the growth they claim. A reader quoting the report
    will repeat whichever one the wording says.

    It is quiet, too, on "tăng hơn 100%" (a rough doubling), on a surge said in words
    ("tăng đột biến", "tăng vọt") and when last year's figure beside it confirms the growth.

    **Precision**
    Measured on the whole pool of 31,267 real news articles
    (benchmarks/review_pool_numbers.py --ambiguous-growth-scan --whole-pool, verdicts in
    benchmarks/review_pool100_numbers.yaml): before its last changes it fired twice there,
    both false alarms (precision 0/2); now it fires on none. The pool states only 23
    growths of 100% or more over the same period (7 on stable aggregates), so real reports
    may still bring false alarms; it is a warning, for the writer to confirm. On planted
    text (benchmarks/eval_recall_numbers.py) it finds 48 of 48 growths of 100-150% and is
    quiet on 48 of 48 legitimate growths of 151-420%.

    **Example**
    Tổng thu ngân sách nhà nước đạt 566 tỷ đồng, tăng 110,44% so với cùng kỳ năm trước.

    **Use instead**
    Tổng thu ngân sách nhà nước đạt 566 tỷ đồng, bằng 110,44% so với cùng kỳ năm trước.
    """

    code = "number.ambiguous-growth"
    category = Category.NUMBER
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        aggregates = [a.lower() for a in _pack_list(ctx, "stable_aggregates")]
        text = doc.text
        for st in doc.fact(statements).changes:
            q = st.change
            if q.relation != "growth" or q.base not in _SAME_PERIOD_BASES or not 100 <= q.value < 150 or st.ratio is not None:
                continue
            if not q.metric or not any(a in q.metric for a in aggregates):
                continue
            # "tăng hơn 100%" is a rough real doubling, not a misused ratio.
            if q.approx:
                continue
            sentence = doc.sentence_at(q.start)
            if sentence is not None and (_FACTOR.search(text, sentence.start, sentence.end) or _SURGE.search(text, max(sentence.start, q.start - 80), q.start)):
                continue
            # Last year's figure given beside it ("(với 93.500 tỷ đồng)") and the growth reading
            # agrees with the two figures: the wording is right.
            if q.anchor is not None and _growth_confirmed(doc, q):
                continue
            yield self.finding(
                q.start,
                q.end,
                Msg(
                    f"“tăng {q.text} so với cùng kỳ” nghĩa là {q.metric} gấp {fmt(1 + q.value / 100)} lần cùng kỳ; có lẽ ý là “bằng {q.text}”.",
                    f"“up {q.text} on the same period” means {q.metric} is {fmt(1 + q.value / 100)} times last year's; “bằng {q.text}” (ratio) was probably meant.",
                ),
                suggestion=Msg(f"Nếu là tỷ lệ so với cùng kỳ, viết “bằng {q.text} so với cùng kỳ” (tăng {fmt(q.value - 100)}%).", f"If it is the ratio, write “bằng {q.text} so với cùng kỳ” (a {fmt(q.value - 100)}% growth)."),
                evidence={"growth": qev(q)},
            )


_SURGE = re.compile(r"(?<!\w)(?:đột\s+biến|tăng\s+vọt|tăng\s+mạnh|tăng\s+cao|gấp\s+(?:đôi|ba|\d))(?!\w)", re.IGNORECASE)


def _growth_confirmed(doc: Document, q: Quantity) -> bool:
    qs = doc.fact(quantities)
    figure = qs[q.anchor]
    sentence = doc.sentence_at(q.start)
    if sentence is None or figure.value <= 0:
        return False
    for other in qs:
        if other is figure or other.unit != figure.unit or not (sentence.start <= other.start < sentence.end) or other.value <= 0:
            continue
        implied = (figure.value / other.value - 1) * 100
        if abs(implied - q.value) <= max(5.0, q.value * 0.1):
            return True
    return False


_FACTOR = re.compile(r"(?<!\w)gấp(?:\s+(?:hơn|gần|khoảng|trên))?\s+(?:\d|hai|ba|đôi)", re.IGNORECASE)


@register
class ShareOver100(Rule):
    """A share ("chiếm X%") above 100%, or shares of one whole that add up to more than 100%.

    **What it does**
    Flags a share ("chiếm X%", "chiếm tỷ lệ / tỷ trọng X%", "chiếm khoảng X%") that is above
    100% whatever its rounding or qualifier allows, and a sentence listing several shares
    side by side ("A chiếm X%, B chiếm Y%, C Z%", "tỷ trọng …") whose sum exceeds 100%
    beyond rounding. Shares nested with "trong đó" or "riêng", or after ":" or ";", are not
    added up.

    **Why it matters**
    Parts cannot be more than their whole; the reader knows at once that a figure is
    wrong but not which one.

    **Example**
    Cơ cấu kinh tế: nông nghiệp chiếm 45,2%, công nghiệp chiếm 30,1%, dịch vụ chiếm 34,7%.

    **Use instead**
    Cơ cấu kinh tế: nông nghiệp chiếm 35,2%, công nghiệp chiếm 30,1%, dịch vụ chiếm 34,7%.
    """

    code = "number.share-over-100"
    category = Category.NUMBER
    severity = Severity.ERROR

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        text = doc.text
        groups: dict[int, list[Quantity]] = {}
        for q in doc.fact(statements).shares:
            if q.in_range:
                continue
            # "chiếm khoảng 105%" is over 100% whatever the rounding; "chiếm gần 101%" may not be.
            # A ratio to GDP is said with "chiếm" too ("dự trữ chiếm 250% GDP") and may pass 100%.
            if q.interval()[0] > 100 + _EPS and not _RATIO_WHOLE.match(_whole_after(text, q)):
                yield self.finding(
                    q.start,
                    q.end,
                    Msg(f"Tỷ trọng “chiếm {q.text}” vượt quá 100%.", f"A share of {q.text} exceeds 100%."),
                    suggestion=Msg("Kiểm tra lại tỷ lệ hoặc cách diễn đạt (có lẽ là “bằng”).", "Check the rate or the wording (perhaps “bằng” was meant)."),
                    evidence={"share": qev(q)},
                )
                continue
            groups.setdefault(_sentence_key(doc, q), []).append(q)
        for shares in groups.values():
            siblings = [shares[0]]
            for q in shares[1:]:
                between = text[siblings[-1].end : q.start]
                # Nested shares, and a new statement after ":" or ";", are no siblings; nor are
                # shares of two wholes ("86% dân số và 94% lực lượng lao động").
                # Nor a share set against another subject's ("…, trong khi với hai hãng kia lần
                # lượt là 55% và 25%": each of its own whole).
                if re.search(r"trong\s+đó|trong\s+số|trong\s+khi|riêng|bao\s+gồm|[(:;]", between, re.IGNORECASE):
                    break
                whole_a, whole_b = _whole_after(text, siblings[-1]), _whole_after(text, q)
                if whole_a and whole_b and whole_a != whole_b:
                    break
                siblings.append(q)
            if len(siblings) < 2 or any(s.approx for s in siblings):
                continue
            lo = sum(s.interval()[0] for s in siblings)
            total = sum(s.value for s in siblings)
            listing = " + ".join(s.text for s in siblings)
            self.checked(ctx, "computation", siblings[0].start, siblings[-1].end, lo <= 100 + _EPS,
                         Msg(f"{listing} = {fmt(total)} % (không quá 100 %)", f"{listing} = {total:g} % (at most 100 %)"))
            if lo <= 100 + _EPS:
                continue
            yield self.finding(
                siblings[0].start,
                siblings[-1].end,
                Msg(
                    f"Các tỷ trọng cộng lại {fmt(total)}%, vượt quá 100%: " + ", ".join(s.text for s in siblings) + ".",
                    f"The shares add up to {fmt(total)}%, more than 100%: " + ", ".join(s.text for s in siblings) + ".",
                ),
                suggestion=Msg("Kiểm tra lại từng tỷ trọng.", "Check each share."),
                evidence={"shares": [qev(s) for s in siblings], "sum": total},
            )


_RATIO_WHOLE = re.compile(r"(?:gdp|grdp|sản\s+phẩm\s+(?:quốc\s+nội|trên\s+địa\s+bàn)|thu\s+nhập|vốn\s+(?:chủ\s+sở\s+hữu|điều\s+lệ))", re.IGNORECASE)
_WHOLE_AFTER = re.compile(r"[^\S\n]*((?:(?!và\b|trong\b|so\b|của\b)[^\W\d_]+[^\S\n]*){1,5})")


def _whole_after(text: str, q: Quantity) -> str:
    """The whole named right after a share ("dân số" in "chiếm 86% dân số"), if any."""
    m = _WHOLE_AFTER.match(text, q.end, q.end + 60)
    return re.sub(r"^tổng(?:\s+số)?\s+", "", m.group(1).strip().lower()) if m else ""


_TOTAL_BEFORE = re.compile(r"(?:tổng\s+số|tổng\s+cộng|tổng)(?:\s+\w+){0,8}?\s+(?:là\s+|có\s+|gồm\s+|đạt\s+)?\Z", re.IGNORECASE)
# The parts follow the total, perhaps after a few words that qualify it ("1.250 hộ thuộc diện
# rà soát, trong đó ...").
_PARTS_INTRO = re.compile(r"[^\d,;:.()\n]{0,40}?(?:\)\s*)?[,:(]?\s*(?:trong\s+đó|bao\s+gồm|gồm)\b\s*:?", re.IGNORECASE)


_SHARE_NOUNS = frozenset(["cp", "cổ"])  # "cp", "cổ phiếu" / "cổ phần"


def _count_interval(text: str, q: Quantity) -> tuple[float, float]:
    """``q.interval()``, except that a whole number of things named by a noun ("4 môn", "3
    bài thi", "5 năm") is exact: a count has no rounding to allow for (only counts in a unit
    the quantity reader knows were exact before, so "3 + 2 môn" passed for "4 môn")."""
    if not q.unit and not q.scale and not q.approx and q.decimals == 0 and q.number_style == "plain" and noun(text, q):
        return (q.value, q.value)
    return q.interval()


@register
class PartsExceedTotal(Rule):
    """Parts listed after a total ("tổng số N, trong đó a, b") that add up to more than it.

    **What it does**
    Finds a figure followed by its parts after "trong đó", "gồm" or "bao gồm" ("tổng số 120
    hộ, trong đó …", "76 hộ được hỗ trợ, trong đó 51 hộ nghèo, 32 hộ cận nghèo", "4 người,
    trong đó 2 cháu", "tổng số hộ: 76 hộ, trong đó: hộ nghèo: 51 hộ; hộ cận nghèo: 32 hộ",
    "76 hộ (51 hộ nghèo, 32 hộ cận nghèo)", "… 76 hộ. Trong đó, 51 hộ …", "76 hộ được hỗ trợ
    với kinh phí 1,2 tỷ đồng, trong đó 51 hộ …", "140 ca tại 7 huyện, thị xã, trong đó 90 ca
    …", "9.400 tỷ đồng, tăng 12,5% so với đầu năm, trong đó …", "tổng chỉ tiêu là 2.400,
    trong đó …") and checks that the parts do not add up to more than the total. Parts
    are the figures that lead the items of the list, in the total's own unit (people may be
    listed by what they are: "12 người, trong đó 7 đảng viên"); a figure inside an item
    ("598 trận thắng (1.794 điểm)") or after a new clause ("trong khi …") is none. Parts that
    count the total's kinds by their own nouns ("80 tác phẩm, trong đó 6 giải A, 20 giải B")
    are read only when they fit in the total, so they never make a finding here. After
    "tổng số … gồm" (a complete list) parts adding up to less are reported too, as a
    warning.

    **Why it matters**
    A total that its own breakdown contradicts is an arithmetic slip a reader can check in
    seconds; it undermines every other figure in the report.

    **Example**
    Toàn xã có tổng số 120 hộ, trong đó 45 hộ nghèo, 80 hộ cận nghèo.

    **Use instead**
    Toàn xã có tổng số 120 hộ, trong đó 45 hộ nghèo, 75 hộ cận nghèo.
    """

    code = "number.parts-exceed-total"
    category = Category.NUMBER
    severity = Severity.ERROR

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        text = doc.text
        for st in doc.fact(statements).totals:
            total, parts = st.total, st.parts
            parts_sum = sum(p.value for p in parts)
            lo = sum(_count_interval(text, p)[0] for p in parts)
            hi = sum(_count_interval(text, p)[1] for p in parts)
            t_lo, t_hi = _count_interval(text, total)
            evidence = {"total": qev(total), "parts": [qev(p) for p in parts], "sum": parts_sum}
            listing = " + ".join(p.text for p in parts)
            over = lo > t_hi + _EPS
            short = (
                st.complete and st.said_total and not st.by_kind and len(parts) >= 2 and not total.approx and not any(p.approx for p in parts)
                and hi < t_lo - _EPS and not re.search(r"\.\.\.|…|v\.v", text[st.intro_end : parts[-1].end + 5])
            )
            self.checked(ctx, "computation", total.start, parts[-1].end, not over and not short,
                         Msg(f"{listing} = {fmt_like(parts_sum, total)} {'≤' if not over and not short else 'so với'} tổng số {total.text}",
                             f"{listing} = {fmt_like(parts_sum, total)} {'≤' if not over and not short else 'against'} the total {total.text}"))
            if over:
                yield self.finding(
                    total.start,
                    parts[-1].end,
                    Msg(f"Các thành phần ({listing} = {fmt_like(parts_sum, total)}) lớn hơn tổng số {total.text}.", f"The parts ({listing} = {fmt_like(parts_sum, total)}) exceed the total {total.text}."),
                    suggestion=Msg("Kiểm tra lại tổng số hoặc các số thành phần.", "Check the total or its parts."),
                    evidence=evidence,
                )
            elif short:
                yield self.finding(
                    total.start,
                    parts[-1].end,
                    Msg(f"Các thành phần ({listing} = {fmt_like(parts_sum, total)}) không bằng tổng số {total.text}.", f"The parts ({listing} = {fmt_like(parts_sum, total)}) do not add up to the total {total.text}."),
                    suggestion=Msg("Kiểm tra lại tổng số hoặc bổ sung thành phần còn thiếu.", "Check the total or add the missing part."),
                    evidence=evidence,
                    severity=Severity.WARNING,
                )


def _is_month(q: Quantity) -> bool:
    return bool(q.period_text) and q.period_text.startswith(("trong tháng", "tháng "))


def _is_cumulative(q: Quantity) -> bool:
    p = q.period_text or ""
    return p.startswith(("lũy kế", "luỹ kế", "từ đầu năm")) or (q.cumulative_months or 0) > 1


# How a finding names the figure inside the cumulative one, by its kind (Cumulative.partner_kind).
_PARTNER_WORDS: dict[str, tuple[str, str]] = {
    "increment": ("số mới trong kỳ", "the new figure it includes"),
    "month": ("số của riêng một tháng", "the single-month figure"),
    "day or week": ("số của riêng một ngày hoặc một tuần", "the single-day or single-week figure"),
    "year": ("số của riêng một năm", "the single-year figure"),
}


@register
class CumulativeBelowMonth(Rule):
    """A cumulative figure ("lũy kế N tháng") smaller than the one-month figure inside it.

    **What it does**
    In a sentence giving a figure for the month ("trong tháng", "tháng 5", "riêng tháng 5"),
    the day or the week ("trong tuần", "ngày 9"), or a new figure ("cấp mới", "thêm") and a cumulative figure of the same measure and
    unit ("lũy kế 4 tháng", "lũy kế đến hết tháng 4", "4 tháng đầu năm", "từ đầu năm",
    "nâng tổng số … lên", "tính chung 4 tháng", "cộng dồn"), checks that the cumulative
    figure is not smaller, allowing for "hơn", "gần" and rounding. The marker may follow
    the figure ("9 vụ từ đầu năm đến nay"); the month's figure may follow the cumulative one
    ("; riêng tháng 5 đạt …", ", trong đó tháng 5 …") or stand in the sentence before or
    after ("Thu ngân sách tháng 5 đạt … . Tính chung 5 tháng, …"). The two figures may name
    their measure in other words ("giải quyết việc làm mới cho" / "giải quyết việc làm
    cho"), but not another measure ("thu" / "chi").

    **Why it matters**
    A sum of months cannot be smaller than one of its months. One of the two figures is
    wrong — often a scale word ("triệu" for "tỷ") or a misplaced decimal comma.

    **Example**
    Thu ngân sách trong tháng ước đạt 17 tỷ đồng, lũy kế 4 tháng ước đạt 15 tỷ đồng.

    **Use instead**
    Thu ngân sách trong tháng ước đạt 1,7 tỷ đồng, lũy kế 4 tháng ước đạt 15 tỷ đồng.
    """

    code = "number.cumulative-below-month"
    category = Category.NUMBER
    severity = Severity.ERROR

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        for st in doc.fact(statements).cumulative:
            cum, month = st.cumulative, st.partner
            if month is None:
                continue
            # A cumulative figure of another measure ("thu … trong tháng 17 tỷ, chi lũy kế 15 tỷ").
            # "phát triển mới 45 hội viên, nâng tổng số hội viên lên 40": the raised total names
            # itself anew, right after the figure it adds.
            raised = st.partner_kind == "increment" and st.marker.startswith(("nâng", "đưa"))
            if not raised and cum.metric and month.metric and not same_metric(cum.metric, month.metric) and not cum.metric_inherited and not month.metric_inherited:
                continue
            if cum.interval()[1] < month.interval()[0] - _EPS:
                what_vi, what_en = _PARTNER_WORDS.get(st.partner_kind or "month", _PARTNER_WORDS["month"])
                yield self.finding(
                    cum.start,
                    cum.end,
                    Msg(
                        f"Số lũy kế {cum.text} ({st.marker}) nhỏ hơn {what_vi} {month.text}.",
                        f"The cumulative figure {cum.text} ({st.marker}) is smaller than {what_en} {month.text}.",
                    ),
                    suggestion=Msg("Kiểm tra lại đơn vị (triệu/tỷ) và dấu thập phân của hai số.", "Check the scale words (triệu/tỷ) and decimal commas of both figures."),
                    evidence={"month": qev(month), "cumulative": qev(cum), "marker": st.marker, "partner": st.partner_kind},
                )


_COMPARISON_METRIC = re.compile(r"(?:so|với|cùng kỳ|tháng trước|năm trước)(?:\s|$)")


def _agree(a: Quantity, b: Quantity) -> bool:
    """Two statements of one figure agree: "hơn X" only says the figure is above X and
    "gần X" that it is a little below it; plain figures agree within their rounding."""
    def bounds(q: Quantity) -> tuple[float, float]:
        lo, hi = q.interval()
        if q.direction == "above":
            return lo, float("inf")
        if q.direction == "below":
            return float("-inf"), hi
        return lo, hi

    return _overlap(bounds(a), bounds(b))


def _period_key(q: Quantity) -> tuple:
    """One key for the ways a period is written: "6 tháng", "6 tháng đầu năm" and "lũy kế 6
    tháng" are the same months; "trong tháng" and "tháng 6" the month of the report."""
    text = q.period_text or ""
    if q.cumulative_months:
        return ("months", q.cumulative_months)
    m = re.search(r"(?:19|20)\d\d", text)
    if m:
        return ("year", m.group())
    if text.startswith(("trong tháng", "tháng ")):
        return ("month", re.sub(r"\D", "", text) or None)
    return ("text", text)


@register
class InconsistentRepeat(Rule):
    """The same metric stated twice in one report with different values.

    **What it does**
    Groups the figures of a report by indicator: what they measure (the noun phrase before
    the figure, e.g. "thu ngân sách nhà nước" — never a comparison phrase such as "so với
    cùng kỳ" or "so tháng trước", which only says what the figure is compared with), their
    unit, relation (plan, same period, growth, share), base and period ("6 tháng" and "6
    tháng đầu năm" are one period), and reports a figure that disagrees with an earlier
    statement of the same indicator beyond the rounding both allow (57,34% and 57,3% agree;
    57,34% and 57,4% do not). "gần X" only says the figure is a little below X and "hơn X"
    that it is above X; estimates ("ước đạt") are not compared, as a later figure may
    legitimately replace them.

    **Why it matters**
    Summaries and body text are drafted separately; when they drift apart, readers quote
    both and the report contradicts itself.

    **Example**
    Thu ngân sách trên địa bàn đạt gần 69 tỷ đồng, bằng 57,34% kế hoạch năm.
    Kết quả nổi bật: thu ngân sách trên địa bàn bằng 57,4% kế hoạch năm.

    **Use instead**
    Thu ngân sách trên địa bàn đạt gần 69 tỷ đồng, bằng 57,34% kế hoạch năm.
    Kết quả nổi bật: thu ngân sách trên địa bàn bằng 57,3% kế hoạch năm.
    """

    code = "number.inconsistent-repeat"
    category = Category.NUMBER
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        amount_units = set(_pack_list(ctx, "amount_units"))
        seen: dict[tuple, Quantity] = {}
        qs = doc.fact(quantities)
        for q in qs:
            # Bounded figures ("gần 69 tỷ", "hơn 1,7 tỷ") are compared by the interval their
            # word allows; estimates ("ước đạt") may legitimately differ from later figures.
            if not q.unit or not q.metric or q.in_range or q.direction == "estimate" or "ước" in (q.qualifier or "") or len(q.metric.split()) < 3:
                continue
            # News text names many similar things ("diện tích", "xảy ra … vụ") for different
            # places; only report-level statistics are compared: a percentage of plan or of
            # last year, or an amount stated for a named period.
            if q.unit == "%" and (q.relation not in ("plan", "same_period", "growth", "decline") or not q.base):
                continue
            if q.unit != "%" and (not q.period_text or q.unit not in amount_units or q.verb in ("tăng", "giảm", "vượt")):
                continue
            # The same indicator: what is measured (never a comparison phrase: the parser
            # strips "so với cùng kỳ", "so tháng trước" from metrics), its period, its base
            # and its unit.
            if _COMPARISON_METRIC.match(q.metric):
                continue
            key = (q.metric, q.unit, q.relation, q.base, q.base_issuer, _period_key(q))
            first = seen.get(key)
            if first is None:
                seen[key] = q
                continue
            # Percentages of two different figures ("vốn đăng ký 11,83 tỷ USD, tăng 57,9%" and
            # "vốn đăng ký tăng thêm 5,14 tỷ USD, tăng 35,8%") are about two indicators.
            if q.unit == "%" and first.anchor is not None and q.anchor is not None and not _agree(qs[first.anchor], qs[q.anchor]):
                continue
            if _sentence_key(doc, first) == _sentence_key(doc, q) or _agree(first, q):
                continue
            yield self.finding(
                q.start,
                q.end,
                Msg(
                    f"“{q.metric}” được nêu hai lần với số khác nhau: {first.text} và {q.text}.",
                    f"“{q.metric}” is stated twice with different values: {first.text} and {q.text}.",
                ),
                suggestion=Msg("Thống nhất số liệu giữa các phần của báo cáo.", "Make the figures agree across the report."),
                evidence={"first": qev(first), "second": qev(q)},
            )


@register
class DecimalSeparator(Rule):
    """A decimal point where Vietnamese writes a comma ("1.5 tỷ"), or a fractional count ("3,413 hộ").

    **What it does**
    In Vietnamese "." separates thousands and always has three digits after it. Flags a
    figure with a dot followed by one, two or four or more digits next to a unit or scale
    word ("1.5 tỷ đồng", "2.25%"), where the comma is meant; and a count of whole things
    written with a decimal comma and three digits ("3,413 hộ"), which a Vietnamese reader
    reads as 3,413 households — probably the thousands dot was meant.

    **Why it matters**
    The two conventions differ by a factor of a thousand; a reader cannot know which one
    the writer used, and an amount misread by a factor of 1.000 is the costliest slip.

    **Example**
    Tổng kinh phí hỗ trợ hơn 1.5 tỷ đồng.

    **Use instead**
    Tổng kinh phí hỗ trợ hơn 1,5 tỷ đồng.
    """

    code = "number.decimal-separator"
    category = Category.NUMBER
    severity = Severity.ERROR
    fix = "unsafe"

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        whole_units = set(_pack_list(ctx, "whole_units"))
        for q in doc.fact(quantities):
            if q.number_style == "decimal_point" and (q.unit or q.scale):
                fixed = q.number_text.replace(".", ",")
                yield self.finding(
                    q.start,
                    q.start + len(q.number_text),
                    Msg(
                        f"“{q.number_text}” dùng dấu chấm thập phân; tiếng Việt viết dấu phẩy ({fixed}), dấu chấm chỉ để tách hàng nghìn.",
                        f"“{q.number_text}” uses a decimal point; Vietnamese writes a decimal comma ({fixed}) and uses the dot for thousands.",
                    ),
                    suggestion=fixed,
                    evidence={"figure": qev(q)},
                )
            elif q.number_style == "vn_decimal" and q.decimals == 3 and q.unit in whole_units and not q.scale:
                fixed = q.number_text.replace(",", ".")
                yield self.finding(
                    q.start,
                    q.start + len(q.number_text),
                    Msg(
                        f"“{q.text}”: số {q.unit} không thể lẻ; có lẽ là {fixed} (dấu chấm tách hàng nghìn).",
                        f"“{q.text}”: a count of {q.unit} cannot be fractional; probably {fixed} (thousands dot) was meant.",
                    ),
                    suggestion=fixed,
                    evidence={"figure": qev(q)},
                    severity=Severity.WARNING,
                )


@register
class MixedFormat(Rule):
    """US-style thousands commas ("1,250,000") in a report that writes numbers the Vietnamese way.

    **What it does**
    Flags figures written with commas between thousands ("1,250,000 người", "33,448.222
    triệu") in a report whose other figures are unmistakably Vietnamese-style ("3.413",
    "57,34%"). In a Vietnamese report the comma is the decimal separator, so such a figure
    is read wrongly or not at all. A text written in one convention throughout is left
    alone.

    **Why it matters**
    Readers and data pipelines parse figures by the document's convention; a single figure
    in the other convention becomes a different number.

    **Example**
    Tổng số 3.413 đối tượng được hỗ trợ; đã chi trả cho 1,250,000 lượt người.

    **Use instead**
    Tổng số 3.413 đối tượng được hỗ trợ; đã chi trả cho 1.250.000 lượt người.
    """

    code = "number.mixed-format"
    category = Category.NUMBER
    severity = Severity.WARNING
    fix = "unsafe"

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        qs = doc.fact(quantities)
        # Only figures no convention can read otherwise count as evidence of the Vietnamese
        # style: "3.413", "57,34" (not "6,922", which is 6.922 in English).
        vn_style = [
            q for q in qs
            if (q.unit or q.scale) and (q.number_style == "vn_thousands" or (q.number_style == "vn_decimal" and q.decimals != 3))
        ]
        if not vn_style:
            return  # one convention throughout (an English text, a table): nothing is mixed
        for q in qs:
            if q.number_style != "us_thousands":
                continue
            fixed = q.number_text.replace(",", "\0").replace(".", ",").replace("\0", ".")
            mixed_vi = f" trong khi báo cáo viết kiểu Việt Nam ở chỗ khác (“{vn_style[0].number_text}”)"
            mixed_en = f" while the report uses the Vietnamese style elsewhere (“{vn_style[0].number_text}”)"
            yield self.finding(
                q.start,
                q.start + len(q.number_text),
                Msg(f"“{q.number_text}” viết dấu phẩy tách hàng nghìn kiểu Anh – Mỹ{mixed_vi}.", f"“{q.number_text}” uses US-style thousands commas{mixed_en}."),
                suggestion=fixed,
                evidence={"figure": qev(q), "vietnamese_style": qev(vn_style[0])},
            )


@register
class ScaleCompound(Rule):
    """A compound amount whose smaller part is too big ("5 tỷ 1.200 triệu đồng").

    **What it does**
    In "X tỷ Y triệu đồng" the triệu part must be below 1.000 (and the nghìn part of
    "X triệu Y nghìn" likewise); otherwise the amount is written in a way no reader can
    take at face value.

    **Why it matters**
    "5 tỷ 1.200 triệu" is either 6,2 tỷ or a typing slip for 5 tỷ 120 triệu; the
    published amount is uncertain.

    **Example**
    Giá trị sản xuất công nghiệp thực hiện 49 tỷ đồng 1.720 triệu đồng.

    **Use instead**
    Giá trị sản xuất công nghiệp thực hiện 49 tỷ đồng 720 triệu đồng.
    """

    code = "number.scale-compound"
    category = Category.NUMBER
    severity = Severity.ERROR

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        for q in doc.fact(quantities):
            if not q.compound_overflow:
                continue
            bad = next(p for p in q.compound_parts if p.get("overflow"))
            top = SCALES.get(q.scale or "", 1.0)
            read_as = f"{fmt(q.value / top, 3)} {q.scale}"
            whole = int(q.value // top + _EPS)
            rest = (q.value - whole * top) / bad["scale"]
            carried = f"{whole} {q.scale} {fmt(rest)} {bad['word']}" + (f" {q.unit}" if q.unit else "")
            yield self.finding(
                q.start,
                q.end,
                Msg(
                    f"“{q.text}”: phần “{bad['text']} {bad['word']}” phải nhỏ hơn 1.000; số tiền không rõ ({read_as}?).",
                    f"“{q.text}”: the “{bad['text']} {bad['word']}” part must be below 1,000; the amount is unclear (“{read_as}”?).",
                ),
                suggestion=Msg(
                    f"Nếu là tổng hai phần thì viết “{carried}”; nếu không, kiểm tra lại phần “{bad['text']} {bad['word']}”.",
                    f"If the parts are meant to add up, write “{carried}”; otherwise check the “{bad['text']} {bad['word']}” part.",
                ),
                evidence={"figure": qev(q), "parts": bad},
            )
