"""The statement reader on constructions added in r15 (number words, "trong số đó", levels
reached, "lần lượt", tables of statistics), with sentences written for these tests."""

from __future__ import annotations

from giaoban_qa.document import build_document
from giaoban_qa.extract.statements import statements


def _st(text: str):
    return build_document("t.txt", text).fact(statements)


def _totals(text: str) -> list[tuple[str, list[str]]]:
    return [(t.total.text, [p.text for p in t.parts]) for t in _st(text).totals]


def _changes(text: str) -> list[tuple[int, str]]:
    return [(c.sign, c.change.text) for c in _st(text).changes]


def test_trong_so_do_opens_a_list_and_names_no_whole() -> None:
    st = _st("Đoàn có 40 người, trong số đó 12 người là cán bộ.")
    assert [(t.total.text, [p.text for p in t.parts]) for t in st.totals] == [("40 người", ["12 người"])]
    assert st.part_whole == []


def test_items_counted_in_words_are_skipped_and_the_list_is_incomplete() -> None:
    st = _st("Vụ tai nạn làm 4 người bị thương, gồm một cụ già, một em nhỏ và 2 thanh niên.")
    assert [(t.total.text, [p.text for p in t.parts]) for t in st.totals] == [("4 người", ["2"])]
    assert not st.totals[0].complete


def test_bare_total_after_so_and_its_noun() -> None:
    assert _totals("Số thí sinh dự thi là 1.250, trong đó 400 thí sinh tự do.") == [("1.250", ["400 thí sinh"])]


def test_level_reached_is_no_change() -> None:
    assert _changes("Tỷ lệ hộ nghèo giảm xuống 0%.") == []
    assert _changes("Lãi suất cho vay giảm xuống còn 6,5%.") == []
    assert _changes("Tỷ lệ thất nghiệp tăng lên 4,8%.") == []
    # A price is no percentage: "giảm xuống khoảng 7%" is the size of the cut.
    assert _changes("Giá bán lẻ ô tô sẽ giảm xuống khoảng 7%, tương đương 500 USD mỗi xe.") == [(-1, "khoảng 7%")] or _changes(
        "Giá bán lẻ ô tô sẽ giảm xuống khoảng 7%, tương đương 500 USD mỗi xe.") == [(-1, "7%")]
    assert _changes("Doanh thu tăng 5,2% so với cùng kỳ.") == [(1, "5,2%")]


def test_respectively_continues_a_change_whatever_the_verb() -> None:
    got = _changes("Cổ phiếu A giảm 11%, trong khi cổ phiếu B và C lần lượt bay hơi 5,8% và 5,2%.")
    assert got == [(-1, "11%"), (-1, "5,8%"), (-1, "5,2%")]


def test_respectively_continues_a_share() -> None:
    shares = [q.text for q in _st("Nông nghiệp chiếm 30%, còn công nghiệp và dịch vụ lần lượt là 35% và 25%.").shares]
    assert shares == ["30%", "35%", "25%"]


def test_fractions_in_a_table_of_statistics() -> None:
    st = _st("Thống kê trận đấu: 5 Aces 3 71% Giao bóng 1 ăn điểm 58% 9/10 Điểm Break 4/7 29 Điểm Winner 34")
    assert sorted((pw.part.text, pw.whole.text) for pw in st.part_whole) == [("4", "7"), ("9", "10 Điểm")] or sorted(
        (pw.part.value, pw.whole.value) for pw in st.part_whole) == [(4, 7), (9, 10)]


def test_a_date_is_still_a_date() -> None:
    assert _st("Sáng 9/10, đoàn đến thăm 12 hộ nghèo.").part_whole == []


def _pw(text: str) -> list[tuple[float, float, float | None]]:
    return [(pw.part.value, pw.whole.value, pw.percent.value if pw.percent else None) for pw in _st(text).part_whole]


def test_whole_in_parentheses_after_the_percentage_or_the_part() -> None:
    assert _pw("Có 18 xã đạt chuẩn nông thôn mới, chiếm 72% số xã (25 xã).") == [(18, 25, 72)]
    assert _pw("Có 18 xã đạt chuẩn nông thôn mới, chiếm 72% (trên 25 xã).") == [(18, 25, 72)]
    assert _pw("Có 18 xã đạt chuẩn nông thôn mới (trên 25 xã), chiếm 72%.") == [(18, 25, 72)]
    assert _pw("Đã giải ngân 18 tỷ đồng, đạt 72% kế hoạch (25 tỷ đồng).") == [(18e9, 25e9, 72)]
    # Not a whole: another noun, a change, a time.
    assert _pw("Có 18 hộ được hỗ trợ, chiếm 72% (25 người).") == []
    assert _pw("Thu ngân sách đạt 18 tỷ đồng, đạt 72% kế hoạch (tăng 25 tỷ đồng so với cùng kỳ).") == []


def test_percentage_before_its_figures_after_a_verb_in_parentheses() -> None:
    assert _pw("Tỷ lệ xã đạt chuẩn là 72% (đạt 18 xã trên 25 xã).") == [(18, 25, 72)]


def test_a_long_part_closed_by_its_own_share_in_parentheses() -> None:
    text = "Năm nay có 12/36 tác phẩm của các hội viên ở huyện miền núi và các cộng tác viên ở thành phố đạt giải (chiếm hơn 33%)."
    assert _pw(text) == [(12, 36, 33)]


def test_parts_of_a_total_that_is_itself_a_share_have_no_percentage_of_it() -> None:
    st = _st("Có 442 đại biểu tham gia biểu quyết (chiếm 90,02%), trong đó số đại biểu tán thành là 410, chiếm 83,5%.")
    assert [(t.total.value, [p.value for p in t.parts]) for t in st.totals] == [(442, [410])]
    assert st.part_whole == []


def test_parts_written_as_fractions_of_the_total() -> None:
    assert _totals("Có 41 đoàn có ý kiến, trong đó: 26/41 đoàn tán thành, 15/41 đoàn đề nghị giữ nguyên.") == [("41", ["26", "15"])]
    assert _totals("Có 41 đoàn có ý kiến, trong đó 26/40 đoàn tán thành.") == []


def test_a_share_after_an_opening_quote() -> None:
    assert [q.text for q in _st("“Chiếm gần 50% sản lượng toàn cầu, nước ta có nhiều lợi thế.").shares] == ["gần 50%"] or [
        q.value for q in _st("“Chiếm gần 50% sản lượng toàn cầu, nước ta có nhiều lợi thế.").shares] == [50]


def _cum(text: str) -> list[tuple[float, float | None]]:
    return [(c.cumulative.value, c.partner.value if c.partner else None) for c in _st(text).cumulative]


def test_cumulative_is_the_part_of_a_whole_not_the_whole() -> None:
    assert _cum("Hệ thống chỉ thành công 2 lần trong số 5 lần thử từ đầu năm 2010 tới nay.") == [(2, None)]


def test_cumulative_is_no_year_nor_whose_sum_it_is() -> None:
    assert _cum("Tính từ đầu năm 2017 đến nay, xe mẫu 2017 bản tiêu chuẩn giảm giá 2,2 triệu đồng.") == []
    assert _cum("Tổng số lỗ lũy kế của 10 nhà máy tới cuối năm là 16.100 tỷ đồng.") == [(16100e9, None)]
    assert _cum("Thu ngân sách trong tháng đạt 12 tỷ đồng, lũy kế 5 tháng đạt 50 tỷ đồng.") == [(50e9, 12e9)]


def test_names_own_shares_in_parentheses_after_a_share() -> None:
    shares = sorted(q.value for q in _st("Tỉnh A chiếm tới 15% tổng diện tích cả nước, chỉ sau Tỉnh B (52%) và Tỉnh C (33%).").shares)
    assert shares == [15, 33, 52]


def test_a_range_with_the_sign_on_both_ends_is_a_range() -> None:
    assert [q.value for q in _st("Xe cá nhân chiếm trên 81% thị phần (xe buýt chỉ chiếm khoảng 15%-18%).").shares] == [81]


def test_a_rank_between_figure_and_marker_is_no_cumulative() -> None:
    assert _cum("Phiên đấu giá thu hút 65 nhà đầu tư, trong đó có 2 tổ chức, còn 63 cá nhân - đông thứ hai từ đầu năm tới nay.") == []
