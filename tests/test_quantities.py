"""The Vietnamese quantity parser and the number rules on the seeds."""

from __future__ import annotations

import json
import math
import sys
import time
from pathlib import Path

import pytest

from giaoban_qa.cli import main
from giaoban_qa.config import Config
from giaoban_qa.document import build_document
from giaoban_qa.engine import run_check
from giaoban_qa.extract.quantities import parse_number, quantities

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from eval_number import gold_results, read_gold  # noqa: E402


def qs(text: str):
    return build_document("t.txt", text).fact(quantities)


def one(text: str, figure: str):
    found = [q for q in qs(text) if q.text.startswith(figure)]
    assert found, [q.text for q in qs(text)]
    return found[0]


@pytest.mark.parametrize(
    "raw, value, decimals, style",
    [
        ("3.413", 3413, 0, "vn_thousands"),
        ("1.158", 1158, 0, "vn_thousands"),
        ("57,34", 57.34, 2, "vn_decimal"),
        ("3.798,254", 3798.254, 3, "vn_decimal"),
        ("1.250.000", 1250000, 0, "vn_thousands"),
        ("1.5", 1.5, 1, "decimal_point"),
        ("1,250,000", 1250000, 0, "us_thousands"),
        ("83", 83, 0, "plain"),
    ],
)
def test_parse_number(raw, value, decimals, style):
    assert parse_number(raw) == (pytest.approx(value), decimals, style)


@pytest.mark.parametrize(
    "text, figure, value, unit",
    [
        ("Giá trị thực hiện 764 tỷ 230 triệu đồng.", "764 tỷ", 764.23e9, "đồng"),
        ("Công nghiệp thực hiện 49 tỷ đồng 720 triệu đồng, đạt 8,3%.", "49 tỷ", 49.72e9, "đồng"),
        ("Giá trị ước đạt gần 15 tỉ đồng.", "15 tỉ", 15e9, "đồng"),
        ("Gói hỗ trợ 62 ngàn tỷ đồng.", "62 ngàn tỷ", 62e12, "đồng"),
        ("Tổng vốn 344,8 nghìn tỷ đồng.", "344,8", 344.8e12, "đồng"),
        ("Hỗ trợ 1,8 triệu đồng/người/tháng.", "1,8", 1.8e6, "đồng/người/tháng"),
        ("Tổng diện tích gieo trồng đạt 1.158 ha.", "1.158", 1158, "ha"),
        ("Có 55 hộ tham gia.", "55", 55, "hộ"),
        ("Hình thành 2 HTX và 18 DN.", "2 HTX", 2, "hợp tác xã"),
        ("Cứng hóa 14km rãnh thoát nước.", "14km", 14, "km"),
        ("Đạt 57,34% kế hoạch năm.", "57,34", 57.34, "%"),
    ],
)
def test_amounts_and_units(text, figure, value, unit):
    q = one(text, figure)
    assert math.isclose(q.value, value, rel_tol=1e-12) and q.unit == unit


def test_dates_document_numbers_and_years_are_not_quantities():
    text = "Ngày 23/11/2020, theo Báo cáo số 369/BC-UBND và Nghị quyết 42/NQ-CP, nhiệm kỳ 2020-2025, tháng 5 năm 2020, dịch Covid-19."
    assert [q.text for q in qs(text)] == []


@pytest.mark.parametrize(
    "text, figure, qualifier, direction",
    [
        ("thu ngân sách trong tháng ước đạt hơn 1,7 tỷ đồng", "1,7", "ước đạt hơn", "above"),
        ("Thu ngân sách đạt gần 69 tỷ đồng", "69", "gần", "below"),
        ("khoảng 8.183 tỷ đồng", "8.183", "khoảng", "around"),
        ("Huy động vốn ước đạt 440 tỷ đồng", "440", "ước đạt", "estimate"),
        ("còn chưa đến 5% GDP", "5%", "chưa đến", "below"),
    ],
)
def test_qualifiers(text, figure, qualifier, direction):
    q = one(text, figure)
    assert q.approx and q.qualifier == qualifier and q.direction == direction


def test_exact_figure_interval_follows_its_precision():
    assert one("đạt 83% kế hoạch", "83").interval() == (82.5, 83.5)
    lo, hi = one("đạt 100,2% dự toán", "100,2").interval()
    assert lo == pytest.approx(100.15) and hi == pytest.approx(100.25)
    lo, hi = one("ước đạt trên 15 tỷ đồng", "15").interval()
    assert lo == pytest.approx(14.5e9) and hi > 15.5e9  # "trên" opens the interval upwards


def test_relations_and_anchor_of_percentages():
    text = "Tổng thu ngân sách nhà nước thực hiện 150 tỷ 510 triệu đồng, đạt 100,2% dự toán, bằng 126,5% so với cùng kỳ."
    amount, plan, ratio = qs(text)
    assert (plan.relation, plan.base, ratio.relation, ratio.base) == ("plan", "dự toán", "same_period", "cùng kỳ")
    assert plan.anchor == ratio.anchor == amount.index
    assert amount.metric == plan.metric == "thu ngân sách nhà nước"  # "tổng" dropped: a stable key
    growth = one("Tổng giá trị sản xuất đạt 3.273 tỷ đồng, tăng 3,31% so với cùng kỳ.", "3,31")
    assert growth.relation == "growth" and growth.metric == "giá trị sản xuất"
    share = one("có 393 người ứng cử là phụ nữ (chiếm tỷ lệ 45,28%)", "45,28")
    assert share.relation == "share"
    decline = one("Số vụ tai nạn giảm 10,6% so với cùng kỳ.", "10,6")
    assert decline.relation == "decline"


def test_numerator_and_denominator():
    a, b, p = qs("Diện tích rau 22.460 ha/27.060 ha đạt 83% kế hoạch năm.")
    assert a.denominator == b.index and p.anchor == a.index
    a, b, p = qs("Có 45 hộ trên tổng số 120 hộ, chiếm 37,5%.")
    assert a.denominator == b.index and p.anchor == a.index
    a, b, p = qs("Đã có 3/5 xã đạt chuẩn (60%).")
    assert (a.value, a.unit, b.value, a.denominator, p.anchor) == (3, "xã", 5, b.index, a.index)
    p, a, b = qs("Tỷ lệ đạt 81,6% (404/495 tiêu chí).")
    assert p.anchor == a.index and a.denominator == b.index


def test_periods_and_metric_carried_over():
    month, cum, ratio = qs(
        "thu ngân sách nhà nước trên địa bàn trong tháng ước đạt hơn 1,7 tỷ đồng, "
        "lũy kế 4 tháng ước đạt trên 15 tỷ đồng, bằng 160,5% so với cùng kỳ."
    )
    assert (month.period_text, month.cumulative_months) == ("trong tháng", None)
    assert (cum.period_text, cum.cumulative_months) == ("lũy kế 4 tháng", 4)
    assert month.metric == cum.metric == ratio.metric == "thu ngân sách nhà nước"
    six = one("Thu ngân sách trên địa bàn 6 tháng đầu năm đạt gần 69 tỷ đồng.", "69")
    assert (six.period_text, six.cumulative_months, six.metric) == ("6 tháng đầu năm", 6, "thu ngân sách nhà nước")


def test_scale_compound_overflow_is_marked():
    q = one("thực hiện 49 tỷ đồng 1.720 triệu đồng", "49")
    assert q.compound_overflow and q.value == pytest.approx(50.72e9)
    assert not one("thực hiện 49 tỷ đồng 720 triệu đồng", "49").compound_overflow


def test_parser_is_linear():
    unit = "Thu ngân sách trong tháng ước đạt hơn 1,7 tỷ đồng, lũy kế 4 tháng ước đạt trên 15 tỷ đồng, bằng 160,5% so với cùng kỳ; 22.460 ha/27.060 ha đạt 83%.\n"

    def timed(n: int) -> float:
        doc = build_document("t.txt", unit * n)
        t0 = time.perf_counter()
        quantities(doc)
        return time.perf_counter() - t0

    timed(50)
    small, large = min(timed(200) for _ in range(3)), min(timed(2000) for _ in range(3))
    assert large < small * 25  # ten times the text, well under a hundred times the time


def test_gold_table_accuracy():
    results = gold_results(read_gold(ROOT / "tests" / "data" / "quantities_gold.tsv"))
    assert len(results) >= 100
    wrong = [(row["figure"], row["context"]) for row, _, ok in results if not ok]
    heldout = [ok for row, _, ok in results if row["set"] == "heldout"]
    assert sum(ok for *_, ok in results) / len(results) >= 0.97, wrong
    assert sum(heldout) / len(heldout) >= 0.95, wrong


def test_facts_command_lists_quantities(tmp_path, capsys):
    path = tmp_path / "r.txt"
    text = "Thu ngân sách đạt gần 69 tỷ đồng, bằng 57,34% kế hoạch năm.\n"
    path.write_text(text, encoding="utf-8")
    assert main(["facts", str(path), "-f", "json", "-k", "quantities"]) == 0
    rows = json.loads(capsys.readouterr().out)["quantities"]
    assert [(r["value"], r["unit"], r["approx"], r["relation"]) for r in rows] == [(69e9, "đồng", True, None), (57.34, "%", False, "plan")]
    assert all(text[r["start"] : r["end"]] == r["text"] for r in rows)
    assert rows[1]["metric"] == "thu ngân sách nhà nước" and rows[0]["qualifier"] == "gần"


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seeds_have_no_number_findings(shared, prefix):
    seed = next((shared / "seeds").glob(f"{prefix}_*.txt"))
    result = run_check([str(seed)], Config(select=["number"], strict=True))
    assert [(f.rule, f.excerpt) for f in result.findings] == []


def test_seed_003_figures_are_read(shared):
    seed = next((shared / "seeds").glob("003_*.txt"))
    doc = build_document(str(seed), seed.read_text(encoding="utf-8"))
    texts = {q.text: q for q in doc.fact(quantities)}
    assert texts["764 tỷ 230 triệu đồng"].value == pytest.approx(764.23e9)
    assert texts["49 tỷ đồng 720 triệu đồng"].value == pytest.approx(49.72e9)
    assert texts["22.460 ha"].denominator is not None


def test_user_pack_extends_stable_aggregates(tmp_path):
    from giaoban_qa.engine import check_document, selected_rules

    text = "Sản lượng lương thực đạt 12.000 tấn, tăng 105% so với cùng kỳ."
    doc = build_document("t.txt", text)
    shipped = Config(select=["number.ambiguous-growth"], strict=True)
    assert list(check_document(doc, selected_rules(shipped), shipped)) == []
    (tmp_path / "numbers.yaml").write_text("extend: true\nstable_aggregates: [sản lượng]\n", encoding="utf-8")
    extended = Config(select=["number.ambiguous-growth"], strict=True, rules_dirs=(str(tmp_path),))
    doc = build_document("t.txt", text)
    assert [f.rule for f in check_document(doc, selected_rules(extended), extended)] == ["number.ambiguous-growth"]
