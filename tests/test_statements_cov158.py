"""The statement reader on the part/whole and total-with-parts constructions generalised
after the tuning half of the coverage batches (issue 11), with sentences written for
these tests."""

from __future__ import annotations

from statement_reads import read_statements, totals as _totals


def _pw(text: str) -> list[tuple[str, str, str | None]]:
    return [(p.part.number_text, p.whole.number_text, p.percent.number_text if p.percent else None) for p in read_statements(text).part_whole]


# -- part / whole ---------------------------------------------------------------------------


def test_bare_part_before_trong_and_a_count_of_things() -> None:
    assert _pw("Đội khách đã thắng 9 trong 12 trận sân khách mùa này.") == [("9", "12", None)]
    assert _pw("Xã Tân Lập là 1 trong 6 xã được chọn làm điểm.") == [("1", "6", None)]
    assert _pw("Chỉ 4 trong 10 người được hỏi biết quy định mới.") == [("4", "10", None)]


def test_bare_trong_is_no_whole_of_a_span_an_ordinal_a_score_or_a_named_part() -> None:
    assert _pw("Nhà máy sẽ chạy thử 2 trong 6 tháng tới.") == []
    assert _pw("Đây là lần thứ 3 trong 5 mùa giải đội bóng lên hạng.") == []
    assert _pw("Chủ nhà thắng với tổng tỷ số 3-1 trong 2 lượt trận.") == []
    assert _pw("Có 7 người bị thương trong 3 vụ tai nạn.") == []
    assert _pw("Máy tính bảng 2 trong 1 bán rất chạy.") == []


def test_whole_in_parentheses_after_trong_so() -> None:
    assert _pw("Xã đã chi khoảng 120 triệu đồng (trong số gần 150 triệu đồng được cấp).") == [("120", "150", None)]
    # "(trong số đó …" opens the parts of the figure before, it names no whole.
    assert _pw("Có 40 hộ (trong số đó 12 hộ nghèo).") == []


def test_a_superlative_before_trong_so_ranks_one_of_the_whole() -> None:
    assert _pw("Trường số 5 là trường đông học sinh nhất trong số 14 trường của huyện.") == []
    assert _pw("Có 12 học sinh giỏi nhất trong số 300 học sinh được chọn đi thi.") == [("12", "300", None)]


# -- totals with parts ----------------------------------------------------------------------


def test_a_part_names_its_total_back_with_trong_so_do() -> None:
    assert _totals("Vụ cháy làm 12 người bị thương, 3 người trong số đó bị bỏng nặng.") == [("12", ["3"])]
    assert _totals("Đội ghi được 40 bàn thắng, và 32 bàn trong số này đến từ các tình huống cố định.") == [("40", ["32"])]
    # A part that exceeds the total it names back is read, for the rule to tell.
    assert _totals("Vụ cháy làm 12 người bị thương, 30 người trong số đó bị bỏng nặng.") == [("12", ["30"])]


def test_a_part_opening_its_sentence_names_a_total_of_the_sentence_before() -> None:
    assert _totals("Bệnh viện tiếp nhận 25 bệnh nhân ngộ độc. 9 người trong số này phải thở máy.") == [("25", ["9"])]
    assert _totals("Xã đã cấp 140 sổ cho các hộ dân. Cán bộ địa chính cho biết, 35 sổ trong số đó cấp cho hộ nghèo.") == [("140", ["35"])]
    # Not a figure of another thing ("hộ" are no "sổ").
    assert _totals("Xã đã cấp 140 sổ cho các hộ dân. Cán bộ địa chính cho biết, 35 hộ trong số đó là hộ nghèo.") == []


def test_the_part_of_a_named_whole_is_no_total_named_back() -> None:
    # "đó" names the 60 trường, not the 25 of them before.
    assert _totals("Trong số 60 trường được khảo sát thì có 25 trường thiếu phòng học. 30 trường trong số đó thiếu giáo viên.") == []


def test_trong_so_do_after_a_part_opens_no_list_of_that_part() -> None:
    assert _totals("Có 5 người bị sét đánh. 3 người trong số đó đã tử vong và 2 người bị thương.") == [("5", ["3"])]
    # … but the part's own list may follow the words that name the total back.
    assert sorted(_totals("Xe chở 20 hành khách. 12 người trong số đó tử vong, bao gồm 3 trẻ em.")) == [("12", ["3"]), ("20", ["12"])]
    # A figure right after "trong số đó" makes the figure before a total with its list.
    assert _totals("Tỉnh đã phê duyệt 25 dự án trong số đó có 18 dự án du lịch.") == [("25", ["18"])]


def test_a_part_of_the_totals_own_unit_named_in_a_long_lead() -> None:
    got = _totals("Giá trị doanh nghiệp được định giá 820 tỷ đồng, trong đó giá trị thực tế phần vốn góp của nhà nước tại công ty là 515 tỷ đồng.")
    assert got == [("820", ["515"])]
    got = _totals("Trận lũ làm 7 người chết, trong đó Yên Bái là tỉnh bị thiệt hại nặng nhất với 4 người, tiếp đến là Lào Cai 3 người.")
    assert got == [("7", ["4", "3"])]


def test_a_negative_amount_is_no_part_of_the_total() -> None:
    assert _totals("Lợi nhuận sau thuế còn 12 tỷ đồng, trong đó phần lợi nhuận thuộc về công ty mẹ âm 30 tỷ đồng.") == []


def test_trong_so_nay_opens_a_list_like_trong_so_do() -> None:
    assert _totals("Huyện có 48 trường học. Trong số này có 30 trường đạt chuẩn và 18 trường chưa đạt chuẩn.") == [("48", ["30", "18"])]
    assert _totals("Tuyến đường có 20 nhà chờ, trong số này có 12 nhà chờ có mái che.") == [("20", ["12"])]
    assert _totals("Xã đã cấp 140 sổ. Trong số ấy, 35 sổ cấp cho hộ nghèo.") == [("140", ["35"])]


def _totals_by_kind(text: str) -> list[tuple[str, list[str], bool]]:
    return [(t.total.number_text, [p.number_text for p in t.parts], t.by_kind) for t in read_statements(text).totals]


def test_a_list_opening_the_next_sentence_splits_the_figure_before_its_percentages() -> None:
    got = _totals_by_kind("Kim ngạch xuất khẩu đạt 3,2 tỷ USD, tăng 8,5% so với cùng kỳ. Trong đó, xuất khẩu sang Nhật Bản đạt 1,1 tỷ USD.")
    assert got == [("3,2", ["1,1"], True)]


def test_a_list_opening_the_next_sentence_splits_the_figure_of_its_noun() -> None:
    got = _totals_by_kind("Toàn tỉnh có 620 trường học với gần 14.000 giáo viên. Trong đó, có 540 trường học công lập và 80 trường tư thục.")
    assert got == [("620", ["540", "80"], True)]
    # Not a figure the first part only says again ("5 vở diễn" is no part of the 5).
    got = _totals_by_kind("Nhà hát đòi bồi hoàn chi phí cho 5 vở diễn với số tiền 300 triệu đồng. Trong đó, chi phí cho 5 vở diễn là 200 triệu đồng.")
    assert all(total != "5" for total, _, _ in got)


def test_a_list_of_the_next_sentence_is_of_the_part_a_closing_whole_was_said_of() -> None:
    got = _totals_by_kind("Thành phố có 4.000 hộ, trong tổng số hơn 90.000 hộ, chưa có nhà ở. Trong đó, khoảng 1.500 hộ là công chức.")
    assert got == [("4.000", ["1.500"], True)]


def test_a_list_of_these_that_does_not_fit_the_last_figure_is_not_read() -> None:
    # "these" gathers the plants of the sentences before, not only the last figure's 3.
    got = _totals_by_kind("Có 5 nhà máy thua lỗ. 3 nhà máy dừng hoạt động. Trong số này, 7 nhà máy đã lỗ lũy kế lớn.")
    assert got == []


def test_a_part_naming_back_a_total_of_the_sentence_before_is_read_only_when_it_fits() -> None:
    assert _totals_by_kind("Bệnh viện tiếp nhận 25 bệnh nhân. 9 người trong số này phải thở máy.") == [("25", ["9"], True)]
    assert _totals_by_kind("Có 5 nhà máy thua lỗ. 3 nhà máy dừng hoạt động. 7 nhà máy trong số này đã lỗ lũy kế lớn.") == []
    assert _totals_by_kind("Có 5 nhà máy thua lỗ, 3 nhà máy dừng hoạt động, 7 nhà máy trong số này đã lỗ lũy kế lớn.") == []


def test_people_of_people_named_by_a_group_of_a_few_words() -> None:
    got = _totals("Vùng này có dân số khoảng 9 triệu người, trong đó cộng đồng Công giáo lên tới gần 2 triệu tín đồ.")
    assert got == [("9", ["2"])]
    got = _totals("Trường huy động 90 cán bộ, trong đó coi thi môn Toán 60 người và 30 người làm thư ký.")
    assert got == [("90", ["60", "30"])]


def test_parts_percentages_of_a_total_before_a_share_of_its_own_are_of_a_larger_whole() -> None:
    text = "Hơn 600 chuyến bay bị chậm, chiếm 12,5%. Trong đó có 450 chuyến bay trễ do máy bay về muộn, chiếm 76,2%."
    assert _pw(text) == []


def test_round_the_clock_is_no_part_of_a_whole() -> None:
    assert _pw("Lực lượng công an túc trực 24/24 tại chốt.") == []
    assert _pw("Đường dây nóng hoạt động 24/24 giờ.") == []
    assert _pw("Tổng đài hỗ trợ khách hàng 24/7.") == []
    assert _pw("Lớp có 24/24 học sinh đạt yêu cầu.") == [("24", "24", None)]


def test_a_bare_day_and_month_named_after_a_word_of_days_is_a_date() -> None:
    assert _pw("Chương trình được tổ chức nhân ngày Quốc tế thiếu nhi 1/6 tại nhà văn hóa.") == []
    assert _pw("Giá vàng tăng nhẹ trong phiên giao dịch 5/7.") == []
    assert _pw("Đội đã thắng 5/7 trận gần nhất.") == [("5", "7", None)]


def test_a_list_after_a_trong_b_splits_the_part_a() -> None:
    assert _totals("Đội giữ sạch lưới 9 trong 13 trận, trong đó có 5 trận trên sân nhà.") == [("9", ["5"])]
    # Parts that pass A are of the whole B.
    assert _totals("Đội chỉ thua 1 trong 5 trận gần nhất, trong đó có 2 trận hòa.") == [("5", ["2"])]


def test_parts_after_a_list_of_items_of_other_nouns_are_of_the_earlier_figure_of_their_noun() -> None:
    got = _totals("Trong tháng xảy ra 18 vụ tai nạn giao thông, làm chết 7 người, bị thương 12 người, trong đó đường bộ 16 vụ.")
    assert got == [("18", ["16"])]
    got = _totals("Trong tháng xảy ra 18 vụ tai nạn giao thông, làm chết 7 người, bị thương 12 người; trong đó đường bộ 16 vụ, đường sắt 2 vụ.")
    assert got == [("18", ["16", "2"])]
    # Parts of an item's own noun are not taken to the earlier figure.
    got = _totals("Trong tháng xảy ra 18 vụ tai nạn giao thông, làm chết 7 người, bị thương 12 người, trong đó 4 người bị thương nặng.")
    assert all(total != "18" for total, _ in got)


def test_a_count_of_kinds_is_no_part_of_a_count_of_things() -> None:
    assert _totals("Toàn huyện đã trồng 450 cây xanh gồm 12 loại, chủ yếu là cây bàng.") == []
    # … its items may follow a colon.
    assert _totals("Số cá bị chết là 9.000 con gồm 3 loại: 6.000 con cá mú, 2.000 con cá chẽm, 1.000 con cá bóp.") == [("9.000", ["6.000", "2.000", "1.000"])]


def test_a_figure_of_another_noun_after_cua_counts_whose_they_are() -> None:
    assert _totals("Hội nghị có khoảng 3.000 đại biểu gồm lãnh đạo của 18 nền kinh tế và các doanh nghiệp.") == []
    assert _totals("Sở đã xử phạt 5 cơ sở, trong đó đình chỉ hoạt động của 2 cơ sở.") == [("5", ["2"])]


def test_another_dimension_than_the_totals_measures_a_part_it_is_no_part() -> None:
    assert _totals("Cầu có tổng chiều dài 560 m, trong đó cầu chính dài 212 m, rộng 21-24 m.") == [("560", ["212"])]
    assert _totals("Tháp cao 30 m, trong đó phần móng có đường kính 12 m, chiều cao 2 m.") == []
    # The total's own dimension is one of its parts; money is no dimension ("nông nghiệp cao").
    assert _totals("Tượng đài cao 18 m, trong đó phần đế cao 4 m.") == [("18", ["4"])]
    got = _totals("Doanh thu đạt 900 tỷ đồng, trong đó doanh thu từ nông nghiệp công nghệ cao khoảng 300 tỷ đồng.")
    assert got == [("900", ["300"])]


def test_the_floor_area_of_a_building_is_no_part_of_its_ground() -> None:
    assert _totals("Nhà ga rộng 15.000 m2, trong đó diện tích sàn xây dựng 36.000 m2.") == []
    assert _totals("Tòa nhà có tổng diện tích sàn 40.000 m2, trong đó sàn thương mại 12.000 m2.") == [("40.000", ["12.000"])]


def test_gom_after_a_named_holder_is_read_only_when_it_fits() -> None:
    assert _totals("Đảng này nắm 51 ghế tại Thượng viện gồm 100 ghế.") == []
    assert _totals_by_kind("Thành phố có 8 dự án tại Thủ Thiêm gồm 5 dự án nhà ở và 3 dự án thương mại.") == [("8", ["5", "3"], True)]


def test_a_percentage_joined_by_a_bare_va_or_comma_that_goes_on_is_a_share_of_another_thing() -> None:
    assert _pw("Tỉnh đã cấp nước sạch cho 45/80 xã và 52,3% dân số nông thôn.") == [("45", "80", None)]
    assert _pw("Hơn 1/4 doanh nghiệp đặt trụ sở tại Hà Nội, 23% tập trung tại Đà Nẵng.") == [("1", "4", None)]
    # … but one that closes the clause restates A/B.
    assert _pw("Đã có 30/40 xã, 75%.") == [("30", "40", "75")]
