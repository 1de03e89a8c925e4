"""The statement reader on the total-with-parts and cumulative constructions generalised
after the seed-151 coverage batch, with sentences written for these tests."""

from __future__ import annotations

from statement_reads import cumulatives as _cum
from statement_reads import read_statements as _st
from statement_reads import totals as _totals


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


def test_the_rest_after_con_lai_is_a_part() -> None:
    assert _totals("Xã có 120 hộ, trong đó 45 hộ nghèo, còn lại 75 hộ cận nghèo.") == [("120", ["45", "75"])]
    assert _totals("Hãng bán được 90 triệu chiếc điện thoại, trong đó 70 triệu là điện thoại cao cấp, còn lại 20 triệu là điện thoại giá rẻ.") == [("90", ["70", "20"])]
    # "còn" alone still sets a clause apart.
    assert _totals("Xã có 120 hộ, trong đó 45 hộ nghèo, còn 75 hộ đã thoát nghèo từ năm trước.") == [("120", ["45"])]


def test_a_bare_count_said_to_be_something_counts_the_total_noun() -> None:
    assert _totals("Trường có 40 giáo viên, trong đó 12 đã có bằng thạc sĩ.") == [("40", ["12"])]
    assert _totals("Hội nghị có khoảng 1.500 đại biểu, trong đó khoảng 1.300 là đại diện doanh nghiệp.") == [("1.500", ["1.300"])]


def test_a_clause_after_a_part_of_the_total_noun_is_no_kind() -> None:
    assert _totals("Lực lượng chức năng kiểm tra 12.000 xe, trong đó có 1.400 xe vi phạm, tước 450 giấy phép lái xe.") == [("12.000", ["1.400"])]
    assert _totals("Đội đã đá 5 trận, trong đó 3 trận hòa và 2 lần thất bại.") == [("5", ["3", "2"])]


def test_a_house_number_is_no_total() -> None:
    assert _totals("Cửa hàng tại 51 Lê Đại Hành, với quy mô gồm 2 tầng, nay đã thành siêu thị.") == []
    assert _totals("Dự án triển khai tại 12 xã, trong đó 5 xã miền núi.") == [("12", ["5"])]


def test_the_others_are_a_group_of_their_own() -> None:
    assert _totals("Vụ nổ làm 5 người chết và 60 người khác bị thương, trong đó có 9 người bị thương nặng.") == [("60", ["9"])]


def test_a_later_part_named_by_a_long_lead_ending_in_a_link_word() -> None:
    got = _totals("Tổng vốn khoảng 9.000 tỷ đồng, trong đó vốn ngân sách khoảng 4.000 tỷ đồng, chiếm 44% và nguồn vốn huy động từ các nhà đầu tư khác khoảng 5.000 tỷ đồng.")
    assert got == [("9.000", ["4.000", "5.000"])]


def test_people_counted_as_cases_and_by_nouns_with_no_count_unit() -> None:
    assert _totals("Có 60 người bị thương được đưa tới bệnh viện, trong đó 11 trường hợp bị thương nặng.") == [("60", ["11"])]
    assert _totals("Đoàn có 40 phóng viên, trong đó 12 người là phóng viên ảnh.") == [("40", ["12"])]
    # Not the places the people of the part before come from.
    assert _totals("Chuyến bay chở 200 người, gồm 150 công dân Pháp và công dân từ 12 quốc gia khác.") == [("200", ["150"])]


def test_total_named_after_co_so_luong_with_a_two_word_count_unit() -> None:
    got = _totals("Năm nay tỉnh có số lượng thí sinh đăng ký dự thi là 12.400 trong đó có 12.100 thí sinh dự thi, vắng 300 thí sinh.")
    assert got == [("12.400", ["12.100", "300"])]


def test_a_road_number_among_the_total_words() -> None:
    assert _totals("Công ty thuê 160 ha rừng dọc quốc lộ 14 ở xã A, trong đó có 150 ha rừng thông.") == [("160", ["150"])]


def test_a_total_far_before_its_intro() -> None:
    # A total named by many syllables, up to 140 characters before "trong đó".
    got = _totals("Cả 5 thí sinh của đội tuyển quốc gia tham dự vòng chung kết kỳ thi Olympic Hóa học quốc tế năm nay đều đoạt huy chương, trong đó có 2 huy chương vàng, 3 huy chương bạc.")
    assert got == [("5", ["2", "3"])]


def test_bang_khen_is_a_noun() -> None:
    got = _totals("Đoàn có 9 học sinh đoạt giải, trong đó có 2 huy chương bạc, 3 huy chương đồng, 4 bằng khen.")
    assert got == [("9", ["2", "3", "4"])]


def test_colon_members_do_not_swallow_a_nested_trong_do() -> None:
    got = _totals("Còn 20 địa phương có số vụ tăng, trong đó 8 tỉnh tăng trên 15% là: Hà Nam, Gia Lai, Yên Bái, trong đó, có 3 tỉnh tăng trên 30%.")
    assert got == [("20", ["8"])]


def test_parenthesis_after_the_last_item_of_another_noun() -> None:
    got = _totals("Lễ duyệt binh có tổng cộng 4.000 binh sĩ và 200 thiết bị quân sự (bao gồm cả 60 máy bay).")
    assert got == [("200", ["60"])]
    # Two items of one noun share the list.
    assert _totals("Cuộc thi có 6 bài của học sinh (HS) và 2 bài của giáo viên (GV), trong đó: 3 bài đạt giải.") == []


def test_a_period_with_a_slash_before_the_list() -> None:
    got = _totals("Cả nước có 1,1 triệu người thất nghiệp, giảm 8,3 nghìn người so với quý IV/2016, trong đó 138,8 nghìn người có trình độ đại học, 104,2 nghìn người có trình độ cao đẳng.")
    assert got == [("1,1", ["138,8", "104,2"])]


def test_a_time_named_by_a_few_words() -> None:
    assert _totals("Ông có 40 năm công tác trong ngành bao gồm 12 năm làm giám đốc sở.") == [("40", ["12"])]


def test_times_and_events_are_one_count() -> None:
    assert _totals("Đội đã kiểm tra 9 lần trong quý, trong đó tháng trước có 3 vụ vi phạm.") == [("9", ["3"])]


def test_a_range_total_is_read_at_its_first_figure_when_its_parts_fit() -> None:
    assert _totals("Chúng thường đi từ 2 - 3 xe, trong đó 1 xe đi trước để dò đường.") == [("2", ["1"])]
    # Parts that pass the first figure are not read (they may fit in the range's end).
    assert _totals("Mỗi tổ có 3-4 người, trong đó 4 người là nữ.") == []
    got = _st("Chúng thường đi từ 2 - 3 xe, trong đó 1 xe đi trước để dò đường.").totals
    assert got[0].by_kind and not got[0].complete


def test_the_count_of_the_items_before_their_colon_is_no_part() -> None:
    got = _st("Khu nhà có tổng diện tích 2.000 m2, bao gồm 2 khu vực chính: nhà xưởng rộng 1.200 m2, kho rộng 500 m2.").totals
    assert [(t.total.number_text, [p.number_text for p in t.parts]) for t in got] == [("2.000", ["1.200", "500"])]
    assert not got[0].complete  # the main items, maybe not all
    # A count of the total's own noun is a part.
    assert _totals("Kỳ thi có 4 môn, gồm 3 môn bắt buộc là: Toán, Văn, Anh và 2 môn tự chọn.") == [("4", ["3", "2"])]


def test_raised_total_of_people_adds_learners() -> None:
    assert _cum("Năm nay hãng đào tạo thêm ít nhất 1.500 học viên, nâng tổng số người được hưởng lợi lên 13.000 người.") == [("13.000", "1.500")]


def test_a_capitalised_marker_opens_a_sentence_whose_stop_was_lost() -> None:
    got = _cum("Nhiều trẻ để lại di chứng Tính từ đầu năm 2017 đến nay, khoa Nhi (bệnh viện tỉnh) đã tiếp nhận 96 ca viêm não.")
    assert got == [("96", None)]


def test_a_bound_is_read_as_a_part_only_when_it_fits() -> None:
    assert _totals("Cô phải đá thêm 3 trận vòng loại để vào vòng đấu chính (gồm tối đa 7 trận từ vòng 1 đến chung kết).") == []
    assert _totals("Xã có 100 hộ, trong đó tối đa 30 hộ được hỗ trợ.") == [("100", ["30"])]


def test_the_next_item_may_open_its_own_parenthesis() -> None:
    got = _totals("Trường có 30 học sinh đạt giải, trong đó có 7 giải Nhất với các môn Vật lý (4 em), Hóa học (2 em) và Lịch sử (1 em).")
    assert got == [("30", ["7"])]


def test_a_far_total_takes_parts_of_another_noun_only_when_it_is_named_on_the_way() -> None:
    assert _totals("Sáng nay, hơn 300.000 thí sinh cả nước chính thức kết thúc kỳ thi năm nay với bài thi tổ hợp Khoa học xã hội gồm 3 môn Lịch sử, Địa lý, Giáo dục công dân.") == []


def test_the_list_after_a_whole_of_trong_so_splits_the_part() -> None:
    got = _totals("Hội đồng đã chọn 80 trong số 120 tác phẩm vào vòng chung khảo để trao giải năm nay, bao gồm: 10 giải A, 20 giải B và 50 giải C.")
    assert got == [("80", ["10", "20", "50"])]


def test_parts_after_semicolons_in_the_total_unit() -> None:
    got = _totals("Số tiền trốn thuế là 900 triệu đồng (trong đó, riêng năm 2014 là 400 triệu đồng; năm 2015 là 500 triệu đồng).")
    assert got == [("900", ["400", "500"])]


def test_a_part_after_an_approximator_following_parts_of_the_total_noun() -> None:
    got = _totals("Trang trại có hơn 1.000 con dê, trong đó có khoảng 700 con dê giống, 200 dê thịt và trên 100 dê con.")
    assert got == [("1.000", ["700", "200", "100"])]


def test_parts_that_pass_the_part_a_are_of_the_whole_b() -> None:
    assert _totals("Đội tuyển chỉ thua 1 trong tổng số 6 trận gần nhất, trong đó có 3 trận hòa.") == [("6", ["3"])]
    assert _totals("Quốc hội có 132 trong tổng số 491 đại biểu là nữ, trong đó 32 nữ đại biểu là người dân tộc thiểu số.") == [("132", ["32"])]


def test_a_decree_number_in_a_comma_run_of_the_total_words() -> None:
    got = _totals("Bộ đã công bố 200 cơ sở đủ điều kiện tham gia đóng mới, sửa chữa tàu theo Nghị định 67, trong đó có hơn 60 doanh nghiệp đóng tàu vỏ thép.")
    assert got == [("200", ["60"])]


def test_visits_of_the_people_the_parts_count() -> None:
    got = _totals("Trên 9.000 cán bộ đã được quy hoạch, trên 4.000 lượt cán bộ lãnh đạo, quản lý các cấp được luân chuyển, trong đó cấp Trung ương luân chuyển trên 100 cán bộ về địa phương.")
    assert got == [("4.000", ["100"])]


def test_an_average_since_january_is_no_sum() -> None:
    assert _cum("Sản lượng khai thác đạt trung bình 400.000 thùng/ngày từ đầu năm đến nay, so với 300.000 thùng/ngày năm ngoái.") == []
    assert _cum("Từ đầu năm đến nay, huyện đã cấp 1.230 giấy chứng nhận.") == [("1.230", None)]


def test_an_age_after_tuoi_is_no_total_of_a_list() -> None:
    # A random pool article: the age "độ tuổi 20" was read as the total of "bao gồm 32 chiếc".
    from giaoban_qa.document import build_document
    from giaoban_qa.extract.statements import statements

    for text in ("Khi ấy trẻ đã có 28 răng, 4 chiếc răng hàm cuối cùng sẽ mọc trong độ tuổi 20 khi xương hàm phát triển đầy đủ, "
                 "đủ chỗ cho hàm răng bao gồm 32 chiếc.",
                 "Trẻ có 28 răng trong hàm, 4 chiếc răng khôn sẽ mọc ở độ tuổi 20 khi xương hàm đã lớn, đủ chỗ cho cả hàm bao gồm 32 chiếc."):
        assert build_document("t.txt", text).fact(statements).totals == [], text
