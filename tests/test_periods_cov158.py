"""review_plan_pairs on constructions found while widening the review_plan coverage sample
(issue 11, label batches seed 158/159). Every sentence is invented for the test."""

from __future__ import annotations

import pytest

from giaoban_qa.document import build_document
from giaoban_qa.extract.periods import periods, review_plan_pairs


def _pairs(sentence: str) -> list[str]:
    doc = build_document("x.txt", "Tin tức\n" + sentence)
    return [f"{p.review.first_month}>{p.plan.first_month}" for p in review_plan_pairs(doc)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a reviewed month, the months from January to it, then the plan month
        ("Báo cáo tình hình thực hiện nhiệm vụ tháng 9 và 9 tháng năm 2031; phương hướng, nhiệm vụ tháng 10.", ["9>10"]),
        ("Xã kiểm điểm công tác tháng 6 và 6 tháng đầu năm, bàn nhiệm vụ trọng tâm tháng 7.", ["6>7"]),
        ("Tình hình tháng 3, 3 tháng năm 2031 và kế hoạch tháng 4 được trình bày.", ["3>4"]),
        # "nhiệm vụ, giải pháp (chủ yếu)" before the plan month
        ("Đánh giá kết quả tháng 4 và nhiệm vụ, giải pháp chủ yếu tháng 5 của ngành.", ["4>5"]),
        ("Sơ kết công tác tháng 2, đề ra nhiệm vụ và giải pháp tháng 3.", ["2>3"]),
        # "triển khai công tác" before the plan month
        ("Cuộc họp đánh giá công tác tháng 6, triển khai công tác tháng 7.", ["6>7"]),
        ("Phòng tổng kết hoạt động tháng 11 và triển khai các công tác tháng 12.", ["11>12"]),
        # the month with the quarter it closes; a month with two spans it closes
        ("Báo cáo kết quả công tác tháng 3 và quý I năm 2031; nhiệm vụ trọng tâm tháng 4 và quý II.", ["3>4"]),
        ("Đánh giá tình hình tháng 6, quý II và 6 tháng đầu năm; nhiệm vụ tháng 7.", ["6>7"]),
        ("Doanh thu tháng 3 và quý II; kế hoạch tháng 4.", []),
        # a plan the figures are measured against is not a plan stated
        ("Kết quả tháng 4 đạt 102% kế hoạch tháng 4.", []),
        ("Công tác tháng 4 hoàn thành vượt kế hoạch tháng 4.", []),
        ("Tình hình tháng 4: sản lượng đạt 80% kế hoạch tháng 5.", []),
        # constructions read before, kept
        ("Hội nghị đánh giá kết quả tháng 4, triển khai nhiệm vụ tháng 5.", ["4>5"]),
        ("Báo cáo kết quả thực hiện nhiệm vụ tháng 4 và phương hướng tháng 5.", ["4>5"]),
        ("Ủy ban rà soát kết quả tháng 3, thống nhất kế hoạch công tác tháng 4.", ["3>4"]),
        # no review month + plan month pair
        ("Kết quả tháng 9 và 9 tháng năm 2031 cao hơn tháng 8.", []),
        ("Đơn vị đánh giá kết quả tháng 4 và đề ra nhiệm vụ thời gian tới.", []),
        ("Nhiệm vụ, giải pháp chủ yếu tháng 5 và tháng 6 được giao cụ thể.", []),
        ("Công trình triển khai công tác thi công từ tháng 7 đến tháng 9.", []),
    ],
)
def test_review_plan_constructions(sentence, expected):
    assert _pairs(sentence) == expected


def test_month_then_counted_months_is_two_periods():
    doc = build_document("x.txt", "Tin tức\nThu ngân sách tháng 9 và 9 tháng năm 2031 đều tăng.")
    got = [(p.kind, p.first_month, p.last_month) for p in doc.fact(periods)]
    assert got == [("month", 9, 9), ("cumulative", 1, 9)]


def test_month_range_with_va_still_a_range():
    doc = build_document("x.txt", "Tin tức\nSố liệu tháng 4 và 5 năm 2031 được tổng hợp.")
    got = [(p.kind, p.first_month, p.last_month) for p in doc.fact(periods)]
    assert got[0] == ("month", 4, 5)
