"""The statement reader on constructions found while measuring number coverage on fresh
pool samples (issue 11, item 3), with sentences written for these tests."""

from __future__ import annotations

from giaoban_qa.document import build_document
from giaoban_qa.extract.statements import statements

from conftest import findings_for


def _st(text: str):
    return build_document("t.txt", text).fact(statements)


def _totals(text: str) -> list[tuple[str, list[str]]]:
    return [(t.total.number_text, [p.number_text for p in t.parts]) for t in _st(text).totals]


def _rules(text: str) -> list[str]:
    return [f.rule for f in findings_for(text, "number")]


def test_hyphen_or_dash_among_the_total_words() -> None:
    assert _totals("Toàn huyện có 900 ha lúa vụ đông - xuân bị ngập, trong đó có 120 ha lúa bị chết.") == [("900", ["120"])]
    assert _totals("Mưa làm 7 nhà hư hỏng do sạt lở ta-luy, trong đó 5 nhà ở xã Đông, 2 nhà ở xã Tây.") == [("7", ["5", "2"])]
    assert _totals("Khách sạn có 180 phòng - trong đó có 120 phòng đơn và 40 phòng đôi.") == [("180", ["120", "40"])]
    # … and a part list that adds up to more than such a total is still an error.
    assert "number.parts-exceed-total" in _rules("Mưa làm 7 nhà hư hỏng do sạt lở ta-luy, trong đó 5 nhà ở xã Đông, 4 nhà ở xã Tây.")


def test_a_part_given_as_a_range_stands_for_its_first_figure() -> None:
    assert _totals("Đoàn có khoảng 25 tàu, trong đó nước Đông góp từ 8-9 tàu, còn nước Tây gửi 3 tàu.") == [("25", ["8", "3"])]
    assert _totals("Vốn dự kiến là 90 tỷ đồng, trong đó vốn vay là 40 - 50 tỷ đồng.") == [("90", ["40"])]
    got = _st("Xã có 40 hộ, gồm 10-12 hộ nghèo và 20 hộ cận nghèo.").totals
    assert [p.number_text for p in got[0].parts] == ["10", "20"] and not got[0].complete
    # The range's own percentage is not read against its first figure.
    text = "Vốn dự kiến là 90 tỷ đồng, trong đó vốn vay là 40 - 50 tỷ đồng (chiếm 50%)."
    assert not _st(text).part_whole
    assert "number.percent-mismatch" not in _rules(text)


def test_the_link_words_say_a_part_of_another_noun_is_of_the_whole() -> None:
    got = [(pw.part.number_text, pw.whole.number_text) for pw in _st("Bộ phim nhận 6 đề cử trên tổng số 11 hạng mục của liên hoan.").part_whole]
    assert got == [("6", "11")]
    # Not when A cannot be a part of B (more of it than of B) …
    assert not _st("Có 640 ngàn thí sinh dự thi trên tổng số hơn 350 ngàn chỉ tiêu.").part_whole
    # … nor for a numbered item ("giải 2" is the second prize, not two prizes) …
    assert not _st("Đề tài đoạt giải 2 trong số 30 giải được trao.").part_whole
    # … and the percentage of two different nouns is not checked.
    assert "number.percent-mismatch" not in _rules("Trường có 12 giải thưởng trên tổng số 40 học sinh dự thi, chiếm 50%.")


def test_a_raised_total_given_as_a_range() -> None:
    got = [(c.cumulative.number_text, c.partner) for c in _st("Dự án nâng tổng công suất của cảng lên 30-35 triệu tấn mỗi năm.").cumulative]
    assert got == [("30", None)]
    # After "từ đầu năm" a range is a level, not a sum.
    assert not _st("Từ đầu năm tới nay, giá vàng dao động quanh mức 36,1-36,4 triệu đồng.").cumulative


def test_a_marker_after_and_opens_its_own_clause() -> None:
    assert not _st("Giải đặc biệt là 15 tỷ đồng và cộng dồn không giới hạn.").cumulative
    got = [(c.cumulative.number_text, c.partner.number_text if c.partner else None) for c in _st("Thu tháng 4 đạt 30 tỷ đồng và lũy kế 4 tháng đạt 110 tỷ đồng.").cumulative]
    assert got == [("110", "30")]


def test_asides_codes_and_ordinals_among_the_total_words() -> None:
    assert _totals("Đoàn kiểm tra phát hiện 6 hộ kinh doanh không đủ điều kiện (vi phạm khoản 2, Điều 15 của quy định), trong đó có 4 hộ dùng bàn cũ.") == [("6", ["4"])]
    assert _totals("Bộ đã công bố 150 cơ sở đủ điều kiện theo Nghị định 67, trong đó có 40 cơ sở đóng tàu vỏ thép.") == [("150", ["40"])]
    assert _totals("Đội có 6 thí sinh đoạt giải tại kỳ thi lần thứ 18, trong đó có 2 huy chương vàng, 4 huy chương bạc.") == [("6", ["2", "4"])]
    assert _totals("Diện tích bị thiệt hại khoảng 9.000 ha, (trong đó huyện Đông 5.000 ha, huyện Tây 3.000 ha).") == [("9.000", ["5.000", "3.000"])]
    # An aside that itself lists parts keeps them ("76 hộ (gồm …)").
    assert _totals("Xã có 76 hộ (gồm 51 hộ nghèo, 25 hộ cận nghèo) được hỗ trợ.") == [("76", ["51", "25"])]


def test_a_total_after_a_percentage_or_named_only_by_its_scale() -> None:
    assert _totals("Cả trận, anh chuyền chính xác 92%, tung ra 7 cú sút, trong đó có 3 pha thành bàn.") == [("7", ["3"])]
    assert _totals("Chủ đầu tư đang nợ công ty 1.200 tỷ, trong đó 700 tỷ khối lượng đang dở dang.") == [("1.200", ["700"])]
    assert _totals("Số người thiệt mạng đã vượt trên 90, trong đó có 20 thường dân và 50 binh sĩ.") == [("90", ["20", "50"])]


def test_the_second_of_two_joined_figures_split_by_its_own_words() -> None:
    assert _totals("Vụ tai nạn làm 3 người thiệt mạng và 42 người bị thương, trong đó có 6 người bị thương nặng.") == [("42", ["6"])]
    # A list about both figures stays unread as before.
    assert _totals("Thi có 5 bài của học sinh và 2 bài của giáo viên, trong đó 3 bài đạt giải.") == []


def test_bao_is_a_noun_unless_it_opens_bao_gom() -> None:
    got = _totals("Trên xe có tổng cộng 4.500 bao thuốc lá ngoại, bao gồm 1.500 bao nhãn hiệu A và 3.000 bao nhãn hiệu B.")
    assert got == [("4.500", ["1.500", "3.000"])]
    assert "number.parts-exceed-total" in _rules("Trên xe có tổng cộng 4.500 bao thuốc lá ngoại, bao gồm 1.500 bao nhãn hiệu A và 3.500 bao nhãn hiệu B.")


def test_a_multiple_after_a_comma_and_a_noun_pair_in_the_first_lead() -> None:
    assert _totals("Khoảng 1.800 đại biểu trực tiếp tham dự, gấp 3 lần năm 2016, trong đó khối doanh nghiệp khoảng 1.200 đại biểu.") == [("1.800", ["1.200"])]
    assert _totals("Khu công nghiệp rộng 340 ha trong đó đất công nghiệp, dịch vụ 121 ha, cách trung tâm 45 km.") == [("340", ["121"])]


def test_injured_split_after_the_dead() -> None:
    assert _totals("Vụ tai nạn làm 4 người chết và 13 người bị thương, trong đó, có 9 nạn nhân bị thương nặng.") == [("13", ["9"])]
    assert _totals("Đoàn có 105 hành khách và 11 thành viên, trong đó có 20 trẻ em.") == []


def test_no_sum_in_a_comparison_or_a_price() -> None:
    assert not _st("Từ đầu năm đến nay, số người di cư giảm so với con số khoảng 60.000 người của cùng kỳ năm ngoái.").cumulative
    assert not _st("Từ đầu năm 2017 đến nay, cổ phiếu này có lúc đã xuống đến 21.500 đồng/cổ phiếu.").cumulative
    # A raised capacity per year is still a raised total, and a sum since January still a sum.
    assert [c.cumulative.number_text for c in _st("Phương án nâng tổng công suất nhà máy lên 500.000 tấn/năm.").cumulative] == ["500.000"]
    assert [c.cumulative.number_text for c in _st("Từ đầu năm đến nay, huyện đã cấp 1.230 giấy chứng nhận, cao gấp 8 lần so với năm 2014.").cumulative] == ["1.230"]


def test_times_of_a_count_and_counts_against_amounts() -> None:
    def pw(text: str) -> list[tuple[str, str]]:
        return [(p.part.number_text, p.whole.number_text) for p in _st(text).part_whole]

    assert pw("Tiền đạo này đã sút hỏng 4 lần trong tổng số 9 quả phạt đền.") == [("4", "9")]
    assert pw("Dự án chia thành 03 giai đoạn trên tổng diện tích gần 8ha của khu.") == []
    # A link word that opens a sentence the text forgot to end belongs to that sentence.
    assert pw("Doanh số chỉ đạt 512 chiếc Trong số 1.960 xe bán ra trong tháng, mẫu A có 900 xe.") == []
    assert pw("Có 3 triệu người nhập cư trên tổng dân số 13 triệu.") == [("3", "13")]


def test_a_percentage_with_a_verb_of_its_own_is_no_share() -> None:
    got = [q.number_text for q in _st("Ngành này chiếm khoảng 16% kim ngạch xuất khẩu, đóng góp trên 10% giá trị sản xuất công nghiệp.").shares]
    assert got == ["16"]
    assert [q.number_text for q in _st("Nhóm này chiếm 50% GDP cả nước, 70% vốn FDI và 30% lao động.").shares] == ["50", "70", "30"]
