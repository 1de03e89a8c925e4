"""Period extraction (roles, kinds, inferred years) and the seeds' period behaviour."""

from __future__ import annotations

from pathlib import Path

import pytest

from giaoban_qa.config import Config
from giaoban_qa.document import build_document
from giaoban_qa.engine import run_check
from giaoban_qa.extract import load_fact_tables
from giaoban_qa.extract.periods import periods, report_periods
from giaoban_qa.rules.period import roman_value


def _doc(text: str):
    return build_document("x.txt", text)


def _periods(text: str):
    return [(p.text, p.kind, p.first_month, p.last_month, p.year, p.year_inferred) for p in _doc(text).fact(periods)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("kết quả tháng 11 năm 2020", ("tháng 11 năm 2020", "month", 11, 11, 2020, False)),
        ("thu ngân sách quý I/2024 đạt", ("quý I/2024", "quarter", 1, 3, 2024, False)),
        ("sơ kết 6 tháng đầu năm 2020", ("6 tháng đầu năm 2020", "half", 1, 6, 2020, False)),
        ("triển khai nhiệm vụ 6 tháng cuối năm 2020", ("6 tháng cuối năm 2020", "half", 7, 12, 2020, False)),
        ("thu ngân sách 9 tháng năm 2020 đạt", ("9 tháng năm 2020", "cumulative", 1, 9, 2020, False)),
        ("doanh thu tháng 6.2018 tăng", ("tháng 6.2018", "month", 6, 6, 2018, False)),
        ("số liệu tháng 3-4/2017", ("tháng 3-4/2017", "month", 3, 4, 2017, False)),
    ],
)
def test_period_forms(text, expected):
    assert _periods(text)[0] == expected


def test_cumulative_without_year_has_no_year_without_anchor():
    assert _periods("lũy kế 4 tháng ước đạt 15 tỷ đồng") == [("lũy kế 4 tháng", "cumulative", 1, 4, None, False)]


def test_dates_are_not_periods():
    assert [p[1] for p in _periods("Ngày 26 tháng 6 năm 2020, hội nghị sơ kết.")] == []


def test_year_shared_in_a_sentence_is_inferred_and_wraps_december():
    ps = _doc("Hội nghị đánh giá kết quả công tác tháng 12 và triển khai nhiệm vụ tháng 01 năm 2021.").fact(periods)
    december, january = ps[0], ps[1]
    assert (december.year, december.year_inferred, december.role) == (2020, True, "review")
    assert (january.year, january.year_inferred, january.role) == (2021, False, "plan")


def test_anchor_year_is_marked_inferred():
    doc = _doc("Giao ban\n05/05/2020 09:00\nNgày 04/5, Ban Thường vụ Huyện ủy tổ chức hội nghị đánh giá kết quả công tác tháng 4.")
    p = doc.fact(periods)[0]
    assert (p.year, p.year_inferred, p.year_source) == (2020, True, "anchor")


def test_review_and_plan_roles_follow_the_nearest_cue():
    doc = _doc(
        "KẾT LUẬN\nTại hội nghị giao ban tháng 11 năm 2020\nNgày 02 tháng 11 năm 2020, Thường trực Huyện ủy tổ chức hội nghị giao ban.\n"
        "Sau khi nghe báo cáo tình hình thực hiện nhiệm vụ kinh tế - xã hội tháng 10 và phương hướng nhiệm vụ tháng 11 năm 2020, hội nghị thống nhất."
    )
    rp = doc.fact(report_periods)
    assert rp.title.text == "tháng 11 năm 2020"
    assert (rp.review.first_month, rp.plan.first_month) == (10, 11)


def test_deadline_years_are_not_plan_periods():
    doc = _doc("Đến năm 2020, thành phố giảm rác chôn lấp\nNghị quyết đề ra các chỉ tiêu, trong đó đến năm 2018 bảo đảm 100% người dân được tiếp cận.")
    rp = doc.fact(report_periods)
    assert rp.title is None and rp.plan is None


def test_subject_role_for_cited_report():
    doc = _doc("Căn cứ Báo cáo số 369/BC-UBND, ngày 30/10/2020 của UBND huyện về tình hình kinh tế - xã hội tháng 10 năm 2020.")
    assert [p.role for p in doc.fact(periods)] == ["subject"]


def test_periods_fact_table_rows_follow_the_contract():
    rows = load_fact_tables()["periods"](_doc("Hội nghị đánh giá kết quả công tác tháng 4; triển khai nhiệm vụ trọng tâm tháng 5 năm 2020."))
    keys = {"text", "start", "end", "kind", "first_month", "last_month", "year", "year_inferred", "role"}
    assert rows and all(keys <= set(r) for r in rows)
    assert [r["role"] for r in rows] == ["review", "plan"]
    assert all(r["kind"] in ("month", "quarter", "half", "months_to_date", "year", "cumulative", "week", "other") for r in rows)


@pytest.mark.parametrize("numeral, value", [("XXV", 25), ("XIV", 14), ("XIII", 13), ("IX", 9), ("XIIII", None), ("IIX", None), ("VV", None)])
def test_roman_numerals(numeral, value):
    assert roman_value(numeral) == value


def test_extraction_is_linear_enough():
    import time

    text = ("Trong tháng 4, thu ngân sách đạt 1,7 tỷ đồng, lũy kế 4 tháng đạt 15 tỷ đồng; quý I/2020 tăng 5%, năm 2020 ổn định. " * 400)
    t0 = time.perf_counter()
    found = _doc(text).fact(periods)
    assert len(found) >= 1600 and time.perf_counter() - t0 < 2.0


# -- the seeds ----------------------------------------------------------------------

PERIOD_AND_CALENDAR = [
    "period",
    "date.weekday-mismatch",
    "date.anniversary-count",
    "date.symbol-year-mismatch",
    "date.past-event-in-future",
]


def _seed(shared: Path, prefix: str) -> str:
    return str(next((shared / "seeds").glob(f"{prefix}_*.txt")))


def _seed_periods(shared: Path, prefix: str):
    from giaoban_qa.loaders import load_path

    path = _seed(shared, prefix)
    doc = build_document(path, load_path(path).text)
    return doc.fact(report_periods)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seeds_have_no_period_or_calendar_findings(shared, prefix):
    # 000 (held 23/11, reviews Nov, plans Dec) and 003 (held 02/11, reviews Oct, plans Nov)
    # follow the two real conventions; 002's anniversaries (66, 130, 95 years in 2020),
    # 245/2020/NQ-HĐND of 31/3/2020 and "lần thứ XXV, nhiệm kỳ 2020-2025" are all right.
    result = run_check([_seed(shared, prefix)], Config(select=PERIOD_AND_CALENDAR, strict=True))
    assert [(f.rule, f.excerpt) for f in result.findings] == []


@pytest.mark.parametrize(
    "prefix, title, review, plan",
    [
        ("000", (11, 11), (11, 11), (12, 12)),
        ("001", (11, 11), (11, 11), (12, 12)),
        ("002", None, (4, 4), (5, 5)),
        ("003", (11, 11), (10, 10), (11, 11)),
        ("004", None, (1, 6), (7, 12)),
    ],
)
def test_seed_report_periods(shared, prefix, title, review, plan):
    rp = _seed_periods(shared, prefix)

    def months(p):
        return (p.first_month, p.last_month) if p else None

    assert (months(rp.title), months(rp.review), months(rp.plan)) == (title, review, plan)


def test_seed_002_anniversaries_are_found_and_correct(shared):
    from giaoban_qa.loaders import load_path
    from giaoban_qa.rules import RuleContext
    from giaoban_qa.rules.date import _ANNIVERSARY, _anniversary_table

    text = load_path(_seed(shared, "002")).text.lower()
    table = _anniversary_table(RuleContext())
    counts = [m.group("n") for m in _ANNIVERSARY.finditer(text) if any(row[0] in text[m.end() : m.end() + 60] for row in table)]
    assert counts == ["66", "130", "95"]


def test_planted_variants_of_seed_002_are_found(shared):
    """The seed's correct facts turned into the errors the issue names are reported."""
    from giaoban_qa.loaders import load_path

    text = load_path(_seed(shared, "002")).text
    variants = {
        "date.anniversary-count": text.replace("kỷ niệm 66 năm", "kỷ niệm 67 năm"),
        "date.symbol-year-mismatch": text.replace("245/2020/NQ-HĐND", "245/2019/NQ-HĐND"),
        "period.invalid-roman-numeral": text.replace("lần thứ XXV, nhiệm kỳ", "lần thứ XXIIIII, nhiệm kỳ", 1),
        "period.term-length": text.replace("XXV, nhiệm kỳ 2020-2025", "XXV, nhiệm kỳ 2020-2026", 1),
        "period.cumulative-impossible": text.replace("lũy kế 4 tháng", "lũy kế 5 tháng"),
        "period.plan-not-next": text.replace("triển khai nhiệm vụ trọng tâm tháng 5 năm 2020", "triển khai nhiệm vụ trọng tâm tháng 6 năm 2020"),
        "period.title-mismatch": text.replace("triển khai nhiệm vụ trọng tâm tháng 5 năm 2020. Đồng chí", "triển khai nhiệm vụ trọng tâm tháng 6 năm 2020. Đồng chí"),
    }
    for rule, variant in variants.items():
        assert variant != text, rule
        doc = build_document("002.txt", variant)
        from giaoban_qa.engine import check_document, selected_rules

        config = Config(select=[rule], strict=True)
        assert [f.rule for f in check_document(doc, selected_rules(config), config)] == [rule], rule


@pytest.mark.parametrize(
    "text, roles",
    [
        # found on the real corpus: a law's year, a comparison base and a plan of work
        ("Ngày 5/6, Bộ tổ chức hội nghị sơ kết thi hành Luật Hợp tác xã (HTX) năm 2012.", ["other"]),
        ("Hội nghị đánh giá số vụ khiếu nại có xu hướng giảm so với năm 2015.", ["other"]),
        ("Hội nghị nghe báo cáo về tình hình hoạt động 2016 và kế hoạch công tác năm 2017.", ["plan"]),
        ("Hội nghị nhằm đánh giá tình hình thực hiện nhiệm vụ công tác tháng 1.", ["review"]),
        ("Phó Thủ tướng yêu cầu, trong 6 tháng cuối năm, các bộ tập trung kiềm chế tai nạn.", ["cumulative"]),
    ],
)
def test_cue_reading_on_real_shapes(text, roles):
    assert [p.role for p in _doc("Tin\n" + text).fact(periods)] == roles


def test_users_extend_the_anniversary_pack(tmp_path):
    (tmp_path / "anniversaries.yaml").write_text(
        "extend: true\n"
        "anniversaries:\n"
        "  - id: province_refounding\n"
        "    name: Ngày tái lập tỉnh\n"
        "    base_date: 1997-01-01\n"
        "    match: [\"ngày tái lập tỉnh\"]\n",
        encoding="utf-8",
    )
    from giaoban_qa.engine import check_document, selected_rules

    text = "Ngày 04/5/2020, Tỉnh ủy họp bàn tổ chức kỷ niệm 25 năm ngày tái lập tỉnh và 66 năm ngày chiến thắng Điện Biên Phủ."
    doc = build_document("x.txt", text)
    shipped_only = Config(select=["date.anniversary-count"], strict=True)
    assert check_document(doc, selected_rules(shipped_only), shipped_only) == []
    extended = Config(select=["date.anniversary-count"], strict=True, rules_dirs=(str(tmp_path),))
    found = check_document(build_document("x.txt", text), selected_rules(extended), extended)
    assert [(f.rule, f.suggestion) for f in found] == [("date.anniversary-count", "23")]
