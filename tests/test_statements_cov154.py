"""The statement reader on constructions missed on the tuning half of the seed-154 coverage batch (own wording)."""

from __future__ import annotations

from statement_reads import cumulatives as _cum
from statement_reads import totals as _totals


def test_count_risen_to_a_level_since_january_is_cumulative() -> None:
    got = _cum("Số tàu cá bị xua đuổi từ đầu năm đã tăng lên gần 90 chiếc và hiện còn 12 chiếc bị giữ.")
    assert got and got[0][0] == "90"


def test_trade_surplus_is_no_part_of_the_turnover() -> None:
    assert _totals("Năm ngoái, thương mại hai chiều giữa hai tỉnh đạt 4,2 tỷ USD, trong đó tỉnh A xuất siêu 1,9 tỷ USD.") == []


def test_net_purchase_is_no_part_of_the_traded_value() -> None:
    assert _totals("Phiên hôm qua khối ngoại giao dịch 800 tỷ đồng, trong đó mua ròng 120 tỷ đồng.") == []


def test_raised_total_named_by_the_marker_noun_holds_the_new_figure() -> None:
    assert _cum("Bộ luật sửa đổi có thêm 12 điều, nâng tổng số điều luật lên 80 Các nhóm đối tượng cũng được mở rộng.") == [("80", "12")]
