"""The statement reader on constructions missed on the tuning half of the seed-156 coverage
batch of totals with parts, and on the pool's phrasings of them (own wording)."""

from __future__ import annotations

from statement_reads import totals as _totals


def test_bare_amount_in_the_totals_scale_word_after_a_lead_with_and() -> None:
    got = _totals("Năm nay huyện thu ngân sách đạt trên 500 tỷ đồng, trong đó thu từ thuế và phí đạt gần 400 tỷ.")
    assert got == [("500", ["400"])]


def test_bare_amounts_in_the_scale_word_each_after_a_long_lead() -> None:
    got = _totals("Hợp tác xã có vốn điều lệ là 12 tỷ đồng, trong đó vốn góp của các thành viên là 7,5 tỷ và vốn vay ưu đãi của ngân hàng là 4,5 tỷ đồng.")
    assert got == [("12", ["7,5", "4,5"])]


def test_total_given_as_a_rate_split_into_parts_without_the_rate() -> None:
    got = _totals("Nhà máy có công suất 4 triệu tấn/năm, gồm 3 triệu tấn xi măng bột và 1 triệu tấn clinker.")
    assert got == [("4", ["3", "1"])]


def test_the_totals_noun_with_its_rate_after_a_slash() -> None:
    assert _totals("Nhà máy có công suất 4 triệu tấn xi măng/năm, gồm 3 triệu tấn xi măng bột và 1 triệu tấn clinker.") == [("4", ["3", "1"])]
    assert _totals("Cảng đã đón 12 triệu lượt hành khách/năm, trong đó nhà ga nội địa đã phục vụ 8 triệu lượt.") == [("12", ["8"])]


def test_a_grade_of_injury_splits_the_injured_not_all_the_casualties() -> None:
    assert _totals("Vụ cháy làm 4 người thiệt mạng, 25 người bị thương, trong đó có 6 người nguy kịch.") == [("25", ["6"])]
    assert _totals("Vụ sập giàn giáo làm 2 công nhân tử vong và 9 công nhân bị thương, trong đó 3 người bị thương rất nặng.") == [("9", ["3"])]


def test_parts_of_no_grade_after_two_casualty_counts_stay_unread() -> None:
    assert _totals("Vụ cháy làm 4 người thiệt mạng và 25 người bị thương, trong đó có 6 trẻ em.") == []


def test_and_between_two_place_names_joins_no_things_of_a_people_total() -> None:
    assert _totals("Bệnh viện tiếp nhận 15 ca ngộ độc ở Lào Cai và Yên Bái chuyển về, trong đó có 2 người tử vong, 6 người nguy kịch.") == [("15", ["2", "6"])]


def test_and_between_names_still_stops_a_list_of_other_kinds() -> None:
    assert _totals("Tiền đạo này ghi 9 bàn thắng vào lưới Hà Nội và Hải Phòng, trong đó có 2 cú hattrick.") == []


def test_parts_counted_by_the_first_word_of_the_totals_two_word_unit() -> None:
    got = _totals("Huyện sẽ đưa vào sử dụng 600 phòng học, trong đó mầm non là 200 phòng, tiểu học 250 phòng, THCS 150 phòng.")
    assert got == [("600", ["200", "250", "150"])]


def test_a_models_code_of_capitals_and_digits_among_the_totals_words() -> None:
    assert _totals("Hãng đã bàn giao 24 chiếc Su-30MK2 (gồm 20 chiếc cho không quân và 4 chiếc cho hải quân).") == [("24", ["20", "4"])]
    assert _totals("Hãng hàng không hiện khai thác 30 máy bay A321, trong đó có 12 máy bay thuê.") == [("30", ["12"])]


def test_parts_of_the_thing_a_classifier_total_counts() -> None:
    got = _totals("Năm nay tỉnh hỗ trợ 120 chiếc tàu cá, gồm đóng mới 70 tàu vỏ thép và nâng cấp 50 chiếc tàu vỏ gỗ.")
    assert got == [("120", ["70", "50"])]


def test_the_injured_after_the_dead_are_no_part_of_the_dead() -> None:
    assert _totals("Vụ cháy làm 5 người chết, trong đó có 2 trẻ em, 7 người bị thương.") == [("5", ["2"])]
    assert _totals("Vụ sạt lở làm 9 người thiệt mạng, trong đó có 3 học sinh, và 14 người khác bị thương.") == [("9", ["3"])]
    assert _totals("Vụ cháy làm 4 người chết trong đó có một cụ già, 3 người bị thương.") == []


def test_the_dead_still_split_into_the_dead() -> None:
    assert _totals("Vụ cháy làm 5 người chết, trong đó có 2 trẻ em và 3 người lớn.") == [("5", ["2", "3"])]


def test_an_aside_among_the_totals_words_opens_no_parenthesised_list() -> None:
    got = _totals("Đội đã ghi 12 bàn ở giải năm nay (chỉ kém đội đầu bảng 2 bàn), trong đó 9 bàn ở lượt về vào lưới các đội mạnh như đội A (4 bàn) và đội B.")
    assert got == [("12", ["9"])]


def test_a_sum_of_the_parts_the_total_said_again_and_a_bracketed_insertion_are_no_parts() -> None:
    assert _totals("Đoàn có 420 thành viên, trong đó có 300 vận động viên, 80 huấn luyện viên, tổng là 380 người.") == [("420", ["300", "80"])]
    assert _totals("Giải có 8 đội bóng, trong đó chủ nhà góp mặt 2 đội (đội một và đội trẻ), 8 đội bóng sẽ chia ra 2 bảng.") == [("8", ["2"])]
    assert _totals("9 người này, gồm 7 công nhân và 2 kỹ sư, đã được đưa đi cấp cứu, [Vụ 30 người ngộ độc khí: chờ kết luận] Bác sĩ cho biết.") == [("9", ["7", "2"])]


def test_a_voltage_is_no_total() -> None:
    assert _totals("Tỉnh sẽ xây dựng đường dây 220 kV, trong đó sẽ đặt hai trạm 220 kV ở huyện A và trạm 220 kV ở huyện B.") == []


def test_a_day_after_ngay_or_phien_among_the_totals_words() -> None:
    assert _totals("Sàn ghi nhận 42 lệnh thỏa thuận tại phiên ngày 07/03, trong đó có 3 lệnh trên 1 triệu cổ phiếu.") == [("42", ["3"])]
    assert _totals("Bệnh viện tiếp nhận 26 ca cấp cứu trong ngày 14-2-2017, trong đó 9 ca do tai nạn giao thông.") == [("26", ["9"])]


def test_a_bare_count_said_to_be_at_a_place_counts_the_totals_noun() -> None:
    assert _totals("Tập đoàn hiện có 8.500 nhân viên trên toàn cầu, trong đó có 1.200 tại Việt Nam.") == [("8.500", ["1.200"])]
    assert _totals("Hội nghị có 3.000 đại biểu, trong đó 1.800 ở điểm cầu chính và 1.200 ở các điểm cầu tỉnh.") == [("3.000", ["1.800", "1.200"])]


def test_after_a_bare_count_at_a_place_a_figure_of_another_noun_ends_the_list() -> None:
    got = _totals("Hội nghị thu hút 3.000 đại biểu, trong đó hơn 1.800 ở điểm cầu trung tâm và hơn 60 doanh nghiệp mỗi điểm cầu tỉnh.")
    assert got == [("3.000", ["1.800"])]
