"""The statement reader on the part/whole and share constructions generalised after the
seed-155 coverage batch, with sentences written for these tests."""

from __future__ import annotations

from giaoban_qa.document import build_document
from giaoban_qa.extract.statements import statements


def _st(text: str):
    return build_document("t.txt", text).fact(statements)


def _pw(text: str) -> list[tuple[str, str, str | None]]:
    return [(p.part.number_text, p.whole.number_text, p.percent.number_text if p.percent else None) for p in _st(text).part_whole]


def _shares(text: str) -> list[str]:
    return [q.number_text for q in _st(text).shares]


# -- part / whole ---------------------------------------------------------------------------


def test_whole_first_then_part_without_a_percentage() -> None:
    assert _pw("Trong tổng số 45 hợp tác xã được rà soát, có 31 hợp tác xã đã chuyển đổi mô hình.") == [("31", "45", None)]
    assert _pw("Trong số 16 trạm bơm, hiện có 9 trạm bơm đã được nâng cấp.") == [("9", "16", None)]
    # B's own words may hold a year ("vụ Đông 2023"); a generic whole ("địa phương") takes a kind of it.
    assert _pw("Trong số 10 địa phương tham gia vụ Đông 2023, đã có 6 huyện hoàn thành gieo trồng.") == [("6", "10", None)]
    assert _pw("Trong tổng số 80 bệnh nhân được điều trị, 72 bệnh nhân đã xuất viện.") == [("72", "80", None)]
    # Another thing, or a figure larger than the whole, is no part of it.
    assert _pw("Trong số 16 trạm bơm, có 40 tỷ đồng vốn tỉnh.") == []
    assert _pw("Trong tổng số 12 xã, có 15 xã đạt chuẩn.") == []
    # The percentage form is read as before.
    assert _pw("Trong tổng số 250 hộ, có 200 hộ có nước sạch, chiếm 80%.") == [("200", "250", "80")]


def test_bare_tren_in_the_parenthesis_of_a_percentage() -> None:
    assert _pw("Tỷ lệ giải ngân của huyện mới đạt 40% (12 công trình trên 30 công trình).") == [("12", "30", "40")]
    assert _pw("Đội chỉ tận dụng được 25% số cơ hội (3 bàn trên 12 cú sút), vẫn thắng sát nút.") == [("3", "12", "25")]
    # Without the percentage's parenthesis, or with a rate, "trên" joins no part and whole.
    assert _pw("Xã có 3 cán bộ trên 12 thôn.") == []
    assert _pw("Mật độ đạt 80% (2 người trên 1 km2).") == []


# -- shares ---------------------------------------------------------------------------------


def test_share_list_goes_on_after_ranges() -> None:
    got = _shares("Chi phí vận chuyển chiếm từ 10% - 15% với hàng rời, từ 20% - 25% với hàng lạnh, 18% với hàng container.")
    assert got == ["18"]


def test_share_said_with_la_after_rieng_or_trong_khi() -> None:
    assert _shares("Năm 2022, doanh nghiệp chiếm 30% thị phần phân bón, riêng trong mảng phân hữu cơ là 45%.") == ["30", "45"]
    assert _shares("Hàng nhập khẩu chiếm tới 60% trong khi hàng trong nước chỉ là 40%.") == ["60", "40"]
    # A verb of its own before "là" says something else of the next figure.
    assert _shares("Nông nghiệp chiếm 30% GDP, riêng năm nay tăng trưởng là 5%.") == ["30"]


def test_a_level_word_before_a_percentage_is_no_label() -> None:
    # "trung cấp 18%": the share of the intermediate level, not a level numbered 18.
    got = _shares("Lao động phổ thông chiếm 40%, cao đẳng chiếm 25%, trung cấp 15%, đại học chiếm 20%.")
    assert got == ["40", "25", "15", "20"]
