"""The statement reader on the total-with-parts and cumulative constructions generalised
after the seed-151 coverage batch, with sentences written for these tests."""

from __future__ import annotations

from giaoban_qa.document import build_document
from giaoban_qa.extract.statements import statements


def _st(text: str):
    return build_document("t.txt", text).fact(statements)


def _totals(text: str) -> list[tuple[str, list[str]]]:
    return [(t.total.number_text, [p.number_text for p in t.parts]) for t in _st(text).totals]


def _cum(text: str) -> list[tuple[str, str | None]]:
    return [(c.cumulative.number_text, c.partner.number_text if c.partner else None) for c in _st(text).cumulative]


def test_part_counted_in_the_head_word_of_the_total_unit() -> None:
    # "lượt người" / "lượt": one thing, after a lead of any length.
    assert _totals("Quý I tỉnh đón 4,2 triệu lượt người, trong đó du khách nước ngoài trên 600 nghìn lượt.") == [("4,2", ["600"])]


def test_negated_any_is_no_part() -> None:
    assert _totals("Thí sinh phải đạt tổng 24 điểm trong đó không có bài thi nào dưới 5 điểm.") == []
    assert _totals("Đội bóng ghi 30 bàn, trong đó có 12 bàn từ phạt góc.") == [("30", ["12"])]


def test_rieng_opens_a_long_part_name() -> None:
    got = _totals("Đoàn xe chở tổng cộng 40 tấn hàng, trong đó riêng chiếc xe tải thuê của hợp tác xã vận tải tỉnh bên đã chở 18 tấn.")
    assert got == [("40", ["18"])]


def test_one_figure_in_parentheses_details_a_part() -> None:
    got = _totals("Huyện đã cấp phép 30 dự án, trong đó có 12 dự án nông nghiệp (5 dự án có vốn nước ngoài).")
    assert got == [("30", ["12"]), ("12", ["5"])]
    # Not a figure of another time, nor a figure not read as a part.
    assert _totals("Huyện đã cấp phép 30 dự án, trong đó có 12 dự án nông nghiệp (14 dự án năm trước).") == [("30", ["12"])]
    assert _totals("Huyện đã cấp phép 30 dự án nông nghiệp (5 dự án có vốn nước ngoài).") == []


def test_total_named_by_a_long_noun_list() -> None:
    got = _totals("Tin được đăng trên 30 cổng thông tin của sở, ban, ngành, quận, huyện, trong đó 12 đơn vị đăng cả bài viết.")
    assert got == [("30", ["12"])]


def test_cumulative_span_closed_then_a_new_clause() -> None:
    # The figure before "từ đầu năm đến giờ" is the sum; the level after "và … lên" is not.
    assert _cum("Nhập siêu đạt khoảng 1,8 tỷ USD từ đầu năm đến giờ và có thể tăng lên 4 tỷ USD vào cuối năm.") == [("1,8", None)]


def test_cumulative_figure_denied_is_no_sum() -> None:
    assert _cum("Từ đầu năm tới nay, tiền đạo này vẫn không thể ghi được 1 bàn thắng.") == []
    assert _cum("Từ đầu năm tới nay, tiền đạo này đã ghi được 9 bàn thắng.") == [("9", None)]


def test_raised_total_adds_a_figure_counted_by_its_classifier() -> None:
    got = _cum("Quý I hãng đã giao 1.200 chiếc xe tải nhẹ tới khách hàng, nâng doanh số cộng dồn từ khi ra mắt lên hơn 9.000 xe.")
    assert got == [("9.000", "1.200")]


def test_change_summed_over_a_stated_time() -> None:
    assert _cum("Tính chung cả tuần, giá xăng đã giảm 900 đồng mỗi lít.") == [("900", None)]
    assert _cum("Tính chung cho cả tuần, giá thép giảm 300.000 đồng/tấn.") == [("300.000", None)]
    # A percentage, or a change against the same period, is no sum.
    assert _cum("Tính chung cả tuần, giá dầu thô giảm 2,7%.") == []
    assert _cum("Tính chung, so cùng kỳ, lượng xe nhập khẩu tăng tới 2.602 chiếc.") == []


def test_others_listed_with_a_name_are_no_sum() -> None:
    assert _cum("Kể từ đầu năm 2016, Bộ cho phép thí điểm dịch vụ này ở Đà Nẵng và 3 thành phố lớn khác.") == []
