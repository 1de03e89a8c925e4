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
