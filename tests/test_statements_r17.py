"""The statement reader on constructions added in r17 (issue 11, number recall), with
sentences written for these tests."""

from __future__ import annotations

from giaoban_qa.document import build_document
from giaoban_qa.extract.quantities import quantities
from giaoban_qa.extract.statements import statements


def _st(text: str):
    return build_document("t.txt", text).fact(statements)


def _totals(text: str) -> list[tuple[str, list[str]]]:
    return [(t.total.text, [p.text for p in t.parts]) for t in _st(text).totals]


def test_part_named_by_the_abbreviation_of_the_total_noun() -> None:
    got = _totals("Tỉnh có 820 doanh nghiệp (DN) thành lập mới, trong đó có 610 DN tư nhân, 45 DN có vốn nước ngoài.")
    assert got == [("820 doanh nghiệp", ["610 DN", "45 DN"])]


def test_a_fraction_as_total_is_split_in_its_part_not_its_whole() -> None:
    got = _totals("Đoàn có 9/12 vận động viên giành huy chương, trong đó có 2 huy chương vàng, 4 huy chương bạc, 3 huy chương đồng.")
    assert [(t.total.value, [p.value for p in t.parts]) for t in _st(
        "Đoàn có 9/12 vận động viên giành huy chương, trong đó có 2 huy chương vàng, 4 huy chương bạc, 3 huy chương đồng.").totals] == [(9, [2, 4, 3])]
    assert [t.total.value for t in _st("Đã có 18/25 xã đạt chuẩn, trong đó 6 xã đạt chuẩn nâng cao.").totals] == [18]


def test_grade_and_floor_numbers_are_no_figures() -> None:
    qs = build_document("t.txt", "Năm nay 5.200 học sinh vào lớp 10 công lập, 30 hộ ở tầng 5.").fact(quantities)
    assert [q.number_text for q in qs] == ["5.200", "30"]
    got = _totals("Năm nay có 5.200 học sinh vào lớp 10 công lập (trong đó 4.900 học sinh vào lớp thường và 300 học sinh vào lớp chuyên).")
    assert got == [("5.200 học sinh", ["4.900 học sinh", "300 học sinh"])]
    # A count after the grade word is still a count.
    assert [q.number_text for q in build_document("t.txt", "Trường mở thêm lớp 30 học sinh.").fact(quantities)] == ["30"]


def test_list_headed_by_what_it_is_split_by() -> None:
    got = _totals("Số thuyền đã đăng ký là 410 chiếc, trong đó theo loại: có 350 chiếc thuyền gỗ và 60 chiếc thuyền nhựa.")
    assert got == [("410 chiếc", ["350 chiếc", "60 chiếc"])]


def test_two_figures_joined_by_va_share_the_list() -> None:
    # "trong đó" after "A và B" of one noun lists both, not B alone (3 > 2 is no error).
    assert _totals("Cuộc thi có 6 bài của học sinh (HS) và 2 bài của giáo viên (GV), trong đó: 3 bài đạt giải.") == []


def test_bare_amount_in_the_scale_word_of_the_total() -> None:
    got = _totals("Quỹ có tổng nguồn là 540 tỷ đồng, trong đó vốn điều lệ là 400 tỷ và vốn bổ sung là 140 tỷ đồng.")
    assert got == [("540 tỷ đồng", ["400 tỷ", "140 tỷ đồng"])]


def test_people_named_by_a_noun_with_no_count_unit() -> None:
    assert _totals("Trận lũ làm 3 nạn nhân mất tích, gồm: xã A 2 người và xã B 1 người.") == [("3", ["2 người", "1 người"])]
    cum = _st("Đợt này trường nhận thêm 40 bé, nâng tổng số bé được nhận lên 310 em.").cumulative
    assert [(c.cumulative.number_text, c.partner.number_text if c.partner else None) for c in cum] == [("310", "40")]


def test_right_from_the_start_of_the_year_is_a_point_in_time() -> None:
    assert _st("Ngay từ đầu năm 2024, huyện đã giao 18 xã triển khai kế hoạch.").cumulative == []
    assert [c.cumulative.number_text for c in _st("Ngay từ đầu năm đến nay, huyện đã hỗ trợ 18 hộ.").cumulative] == ["18"]


def test_shares_said_with_tuong_duong_after_a_first_share() -> None:
    shares = _st("Danh sách có 390 người là phụ nữ (chiếm tỷ lệ 45,2%), 180 người là người dân tộc thiểu số (tương đương 21,3%).").shares
    assert [q.number_text for q in shares] == ["45,2", "21,3"]
    # No share before it: "tương đương" alone states no share.
    assert _st("Lợi nhuận đạt 5 tỷ đồng, tương đương 10% doanh thu.").shares == []


def test_share_said_with_chiem_and_words_before_la() -> None:
    assert [q.number_text for q in _st("Số người có trình độ trên đại học chiếm tỷ lệ vượt trội là 64,9%.").shares] == ["64,9"]


def test_whole_first_then_co_without_a_comma() -> None:
    pw = _st("Trong tổng số 30 chỉ tiêu kinh tế - xã hội của tỉnh có 24 chỉ tiêu đạt kế hoạch, đạt 80%.").part_whole
    assert [(p.part.number_text, p.whole.number_text, p.percent.number_text if p.percent else None) for p in pw] == [("24", "30", "80")]


def test_a_code_or_a_duration_among_the_total_words() -> None:
    assert _totals("Huyện có 40 tàu cá đóng theo NĐ 67, trong đó có 31 tàu vỏ thép, 9 tàu vỏ gỗ.") == [("40 tàu", ["31 tàu", "9 tàu"])]
    assert _totals("Gói tín dụng trị giá 120 tỷ đồng trong vòng 5 năm, trong đó 45 tỷ đồng giải ngân ngay.") == [("120 tỷ đồng", ["45 tỷ đồng"])]


def test_cumulative_is_no_date_written_with_a_dot_nor_a_multiple() -> None:
    assert _st("Từ đầu năm 2024 đến 8.5, công ty đã chi trả cho gần 2,7 triệu vé.").cumulative == []
    assert _st("Giá cổ phiếu đã tăng gấp 12 lần kể từ đầu năm.").cumulative == []
    assert [c.cumulative.number_text for c in _st("Từ đầu năm đến nay, xã đã tiếp nhận 12 lần hồ sơ.").cumulative] == ["12"]


def test_a_list_of_things_is_counted_and_later_parts_may_take_a_long_lead() -> None:
    assert _totals("Thành phố rà soát danh mục 640 biệt thự cũ, trong đó đưa 25 biệt thự ra khỏi danh mục.") == [("640", ["25"])]
    got = _totals("Kho nhận 900 tấn (trong đó, hàng đã kiểm định chất lượng là 700 tấn, hàng chưa kiểm định chất lượng là 200 tấn).")
    assert got == [("900 tấn", ["700 tấn", "200 tấn"])]


def test_shares_said_with_chiem_and_a_word_before_the_figure() -> None:
    for sentence, want in [
        ("Các hãng này đều chiếm thị phần trên 2%.", ["2"]),
        ("Hàng nhập từ các tỉnh chiếm tỉ lệ lớn 64% nhu cầu.", ["64"]),
        ("Trong đó, tiền thuê mặt bằng chiếm mất 40%.", ["40"]),
        ("Chi thường xuyên chỉ chiếm còn 18,5% tổng chi.", ["18,5"]),
    ]:
        assert [q.number_text for q in _st(sentence).shares] == want, sentence
    # A range is no share ("chiếm giữ khoảng 10% diện tích", held, is one: tests/test_statements_cov161.py).
    assert _st("Tỷ lệ học sinh dân tộc thiểu số ở nhiều xã chiếm từ 25% đến 35%.").shares == []
    # "giảm mất 70%" stays a change.
    assert [c.sign for c in _st("Doanh thu giảm mất 70% so với cùng kỳ.").changes] == [-1]


def test_percentage_after_the_long_own_words_of_b() -> None:
    pw = _st("Có 12/90 doanh nghiệp thuộc các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ mất an toàn về tài chính trong năm qua, chiếm tỉ lệ 13,3%.").part_whole
    assert [(p.part.number_text, p.whole.number_text, p.percent.number_text if p.percent else None) for p in pw] == [("12", "90", "13,3")]


def _changes(text: str) -> list[tuple[int, str]]:
    return [(c.sign, c.change.number_text) for c in _st(text).changes]


def test_changes_said_with_their_manner() -> None:
    assert _changes("Phí dịch vụ tăng trung bình 6,2% so với năm trước.") == [(1, "6,2")]
    assert _changes("Cổ phiếu B giảm khá mạnh 3,1%, xuống 20.000 đồng.") == [(-1, "3,1")]
    assert _changes("Giá đất tăng vọt 45% kể từ năm 2020.") == [(1, "45")]
    # A ratio to GDP reached is a level, not a change.
    assert _changes("Bội chi ngân sách ước tăng lên khoảng 5,5% GDP trong năm nay.") == []


def test_total_past_a_comparison_with_the_same_period() -> None:
    assert _totals("Sở đã tiếp 180 lượt công dân, tăng 12% so với cùng kỳ năm trước, trong đó có 95 lượt công dân đến khiếu nại.") == [("180 lượt", ["95 lượt"])]
    # Past a change of it, the list ends at a semicolon: the next figure of the summary is no part.
    got = _totals("Tổng tài sản là 9.600 tỷ đồng, tăng 700 tỷ đồng so với cùng kỳ, trong đó công ty mẹ đạt 8.700 tỷ đồng; vốn chủ sở hữu đạt 1.600 tỷ đồng.")
    assert got == [("9.600 tỷ đồng", ["8.700 tỷ đồng"])]


def test_asides_ages_and_bare_counts_in_the_scale_word() -> None:
    assert _totals("Dự kiến có 1.800 đại biểu (nhiều gấp 3 lần năm trước) sẽ dự hội nghị, trong đó khối doanh nghiệp khoảng 1.200 đại biểu.") == [("1.800 đại biểu", ["1.200 đại biểu"])]
    assert [(t.total.number_text, [p.number_text for p in t.parts]) for t in _st("Cầu thủ này ghi 14 bàn dù đã 35 tuổi, trong đó 3 bàn từ ngoài vòng cấm.").totals] == [("14", ["3"])]
    assert [(t.total.number_text, [p.number_text for p in t.parts]) for t in _st("Hãng bán được 80 triệu chiếc máy, trong đó 60 triệu là máy cao cấp.").totals] == [("80", ["60"])]
    assert [(t.total.number_text, [p.number_text for p in t.parts]) for t in _st("Kinh phí của dự án khoảng 23.000 tỷ đồng (trong đó có 5.000 tỷ để xây dựng khu tái định cư).").totals] == [("23.000", ["5.000"])]


def _cum(text: str) -> list[tuple[str, str | None]]:
    return [(c.cumulative.number_text, c.partner.number_text if c.partner else None) for c in _st(text).cumulative]


def test_cumulative_markers_and_targets() -> None:
    # "nâng … từ A lên B": the total raised to is B.
    assert _cum("Dự án sẽ nâng tổng công suất của nhà máy từ 120 MW lên 200 MW.")[0][0] == "200"
    # "nâng doanh số cộng dồn … lên": a raised total, not what a sum is made from.
    assert _cum("Quý này đã có 1.200 xe được giao, nâng doanh số cộng dồn từ khi ra mắt lên con số hơn 9.000 xe.") == [("9.000", "1.200")]
    assert _cum("Tính chung trong 5 tháng năm 2024 (đến ngày 15/5), toàn tỉnh xảy ra 19 vụ tai nạn giao thông.")[0][0] == "19"
    assert _cum("Tính chung thì kim ngạch xuất nhập khẩu 6 tháng đạt gần 150 tỷ USD.") == [("150", None)]
    # An age is no sum.
    assert _cum("Từ đầu năm 2020 đến tháng 8/2021, Nguyễn Văn A (41 tuổi) cùng đồng phạm móc nối với nhiều lái xe.") == []


def test_parts_counted_by_a_classifier_and_a_bare_total_in_its_scale_word() -> None:
    assert _totals("Qua kiểm tra có 20 tàu cá vỏ thép bị hư hỏng, trong đó, công ty A đóng 12 chiếc; công ty B 8 chiếc.") == [("20 tàu", ["12 chiếc", "8 chiếc"])]
    got = [(t.total.number_text, [p.number_text for p in t.parts]) for t in _st("Tổng số thuê bao điện thoại cả nước là hơn 120 triệu, trong đó có 6,5 triệu thuê bao cố định.").totals]
    assert got == [("120", ["6,5"])]
    # Not for a total taken from the sentence before: the list counts the first figure's things.
    assert _totals("Có 25 máy phụ được lắp trên 17 tàu vỏ thép. Trong đó có 10 cái hiệu A, 9 cái hiệu B, 4 cái hiệu C.") == []


def test_va_among_the_total_words_when_the_list_counts_its_own_noun() -> None:
    assert _totals("Trung tâm đã lấy 4 mẫu và phân tích chất lượng nước, gồm 3 mẫu tại giếng, 1 mẫu tại bể chứa.") == [("4", ["3", "1"])]
    # "6 người và hàng hóa, bao gồm 100 thùng …" lists the goods, not the people.
    assert _totals("Trên đò có 6 người và hàng hóa, bao gồm 100 thùng dưa, 100 thùng đào, 8 thùng nho.") == []
