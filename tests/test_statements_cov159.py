"""The statement reader on constructions missed on the tuning half of the cumulative and
growth batches (up to seed 157), and on the pool's phrasings of them (own wording)."""

from __future__ import annotations

from statement_reads import cumulatives, read_statements

from giaoban_qa.document import build_document
from giaoban_qa.rules.number import CumulativeBelowMonth


def _changes(text: str) -> list[tuple[int, str, str | None]]:
    return [(c.sign, c.change.number_text, c.ratio.number_text if c.ratio else None) for c in read_statements(text).changes]


def _cumulative_findings(text: str) -> list[str]:
    doc = build_document("t.txt", text)
    return [f.message.en for f in CumulativeBelowMonth().check(doc, None)]


# -- a day's or a week's own figure inside the sum since the start ----------------------------


def test_a_days_figure_is_held_by_the_sum_to_that_day() -> None:
    got = cumulatives("Ban tổ chức cho biết lượng khách ngày 5 tháng Giêng là 3.410 lượt, lũy kế hết ngày 5 lượng khách về lễ hội đạt 21.700 lượt.")
    assert got == [("21.700", "3.410")]


def test_a_weeks_figure_is_held_by_the_sum_since_the_start() -> None:
    assert cumulatives("Trong tuần, phường cấp 12 giấy phép xây dựng, lũy kế từ đầu năm cấp 230 giấy phép.") == [("230", "12")]
    assert cumulatives("Tuần qua lực lượng chức năng bắt giữ 7 vụ buôn lậu, lũy kế từ đầu năm bắt giữ 96 vụ.") == [("96", "7")]


def test_the_day_a_span_runs_to_is_no_days_own_figure() -> None:
    assert cumulatives("Tính đến ngày 20, huyện đã giải ngân 48 tỷ đồng, lũy kế từ đầu năm giải ngân 61 tỷ đồng.") == [("61", None)]
    assert cumulatives("Từ ngày 1 đến nay xã tiếp nhận 40 hồ sơ, lũy kế từ đầu năm tiếp nhận 310 hồ sơ.") == [("310", None)]


def test_a_days_figure_above_the_sum_is_reported_as_a_days_figure() -> None:
    found = _cumulative_findings("Trong ngày, bệnh viện tiếp nhận 180 ca cấp cứu, lũy kế từ đầu tháng tiếp nhận 150 ca.")
    assert len(found) == 1 and "single-day or single-week" in found[0]


# -- a counted range after "từ đầu năm" ------------------------------------------------------


def test_a_counted_range_after_tu_dau_nam_reads_its_first_figure() -> None:
    assert cumulatives("Từ đầu năm học đến nay, trường đã tổ chức 4-5 đợt tập huấn cho giáo viên.") == [("4", None)]


def test_a_range_of_amounts_or_levels_after_tu_dau_nam_is_no_sum() -> None:
    assert cumulatives("Từ đầu năm tới nay, giá lúa dao động quanh mức 5.200-5.600 đồng/kg.") == []
    assert cumulatives("Từ đầu năm đến nay, giá thuê mặt bằng ở mức 30-35 triệu đồng mỗi tháng.") == []


# -- "tính chung" over an occasion or a stretch of time --------------------------------------


def test_tinh_chung_over_an_occasion_sums() -> None:
    assert cumulatives("Tính chung trong dịp nghỉ lễ, công an tỉnh đã xử lý 640 trường hợp vi phạm nồng độ cồn.") == [("640", None)]
    assert cumulatives("Tính chung cả đợt cao điểm, đoàn kiểm tra đã lập biên bản 85 cơ sở.") == [("85", None)]


def test_tinh_chung_over_a_place_or_what_it_includes_is_still_no_sum() -> None:
    assert cumulatives("Tính chung trên cả nước có 38 tỉnh đạt chuẩn.") == []
    assert cumulatives("Tính chung cả khách mời, số người dự hội nghị khoảng 900 người.") == []


# -- a contribution to the change of the CPI -------------------------------------------------


def test_a_groups_contribution_to_the_cpi_is_a_change() -> None:
    got = _changes("Giá gas giảm 3,2% so với tháng trước, góp phần giảm CPI chung khoảng 0,04%.")
    assert got == [(-1, "3,2", None), (-1, "0,04", None)]
    assert _changes("Nhóm dịch vụ y tế tăng 5,1%, góp phần làm tăng CPI 0,2%.") == [(1, "5,1", None), (1, "0,2", None)]


def test_the_cpi_named_after_its_change_is_read_as_before() -> None:
    assert _changes("Giá điện tăng 2,5% làm CPI chung tăng 0,1%.") == [(1, "2,5", None), (1, "0,1", None)]


# -- a change said negative between its verb and the figure ----------------------------------


def test_growth_said_negative_is_a_decline() -> None:
    assert _changes("Năm trước ngành thủy sản tăng trưởng âm 1,25%, năm nay tăng 3,1%.") == [(-1, "1,25", None), (1, "3,1", None)]
    assert _changes("Chỉ số sản xuất ngành khai khoáng tăng trưởng -4,2% so với cùng kỳ.") == [(-1, "4,2", None)]


def test_a_dash_or_minus_without_a_change_verb_before_it_reads_nothing_new() -> None:
    assert _changes("Lợi nhuận của nhóm ngành - theo báo cáo - 5% so với cùng kỳ.") == []
    assert _changes("Doanh thu tăng 5% - 7% so với cùng kỳ.") == []  # a range, as before


# -- a sub-period's own figure said after the sum ("riêng tuần này", "riêng 2016") -----------


def test_a_weeks_figure_after_the_sum_is_held_by_it() -> None:
    assert cumulatives("Lũy kế từ đầu năm tiếp nhận 1.480 hồ sơ, riêng tuần này tiếp nhận 1.520 hồ sơ.") == [("1.480", "1.520")]
    assert cumulatives("Lũy kế từ đầu năm tiếp nhận 1.480 hồ sơ. Riêng tuần qua tiếp nhận 95 hồ sơ.") == [("1.480", "95")]


def test_one_years_figure_after_a_sum_over_years_counted_by_its_classifier() -> None:
    got = cumulatives("Sau bốn năm có mặt, doanh số cộng dồn của mẫu xe đạt 36.000 chiếc, riêng năm 2019 là 11.400 xe.")
    assert got == [("36.000", "11.400")]
    found = _cumulative_findings("Sau bốn năm, doanh số cộng dồn của mẫu xe đạt 3.600 chiếc, riêng năm 2019 là 11.400 xe.")
    assert len(found) == 1 and "single-year" in found[0]


def test_a_later_figure_of_another_thing_after_a_classifier_is_not_its_part() -> None:
    assert cumulatives("Doanh số cộng dồn đạt 36.000 chiếc, riêng năm 2019 hãng tuyển 400 người.") == [("36.000", None)]


# -- the order, sequel or manner of a change between its verb and its figure -----------------


def test_changes_said_respectively_or_correspondingly() -> None:
    got = _changes("Doanh thu và lợi nhuận đạt 820 tỷ đồng và 95 tỷ đồng, tăng lần lượt 14% và 22% so với năm trước.")
    assert got == [(1, "14", None), (1, "22", None)]
    got = _changes("Sản lượng và kim ngạch xuất khẩu giảm tương ứng 3,5% và 6,1% so với cùng kỳ.")
    assert got == [(-1, "3,5", None), (-1, "6,1", None)]


def test_changes_with_their_sequel_or_manner() -> None:
    assert _changes("Cổ phiếu ngân hàng tăng tiếp 2,3% trong phiên sáng.") == [(1, "2,3", None)]
    assert _changes("Lợi nhuận của công ty giảm sút gần 30% so với cùng kỳ.") == [(-1, "30", None)]
    assert _changes("Kim ngạch thương mại hai nước tăng kỷ lục 64% trong quý I.") == [(1, "64", None)]


def test_going_on_to_a_level_is_no_change() -> None:
    assert _changes("Mức đóng năm nay là 4,5%, đến năm sau tăng tiếp lên 5%.") == []
    assert _changes("Tỷ lệ bội chi năm trước là 4,5%, sau đó giảm tiếp là 4% cho giai đoạn tới.") == []


def test_a_change_with_its_manner_keeps_its_ratio() -> None:
    assert _changes("Doanh thu đạt 300 tỷ đồng, tăng tương ứng 12% so với cùng kỳ (bằng 112%).") == [(1, "12", "112")]


# -- "N tháng đầu năm" with the count in words; a summed figure a raised total adds ----------


def test_months_from_the_start_counted_in_words_sum() -> None:
    assert cumulatives("Sáu tháng đầu năm, toàn tỉnh thu hút 2,4 triệu lượt khách du lịch.") == [("2,4", None)]
    assert cumulatives("Trong năm tháng đầu năm 2019, cả nước có 51.000 doanh nghiệp thành lập mới.") == [("51.000", None)]


def test_a_summed_figure_a_raised_total_adds_is_its_new_figure() -> None:
    got = cumulatives("Ba tháng đầu năm, hãng đã giao 2.150 chiếc cho khách hàng, nâng doanh số cộng dồn từ khi ra mắt lên hơn 18.000 xe.")
    assert got == [("18.000", "2.150")]
    assert cumulatives("Trong 4 tháng đầu năm cấp 400 giấy phép, nâng tổng số giấy phép còn hiệu lực lên 2.300 giấy.") == [("2.300", "400")]


def test_an_average_level_from_a_start_is_no_sum() -> None:
    assert cumulatives("Trong ba tháng đầu năm, nồng độ bụi trung bình từ 61,5 μg/m3 vào tháng 1 giảm xuống 40,2 μg/m3 vào tháng 3.") == []


def test_a_bare_figure_in_a_title_before_the_marker_is_no_sum() -> None:
    assert cumulatives("Bộ phim “Siêu nhân 3” là phim ăn khách nhất trong 6 tháng đầu năm.") == []
    assert cumulatives("Đội bóng đã thua 7 trận từ đầu năm đến nay.") == [("7", None)]


def test_the_evidence_line_names_the_kind_of_figure_inside_the_sum() -> None:
    from giaoban_qa.evidence import describe_evidence

    doc = build_document("t.txt", "Trong tuần, phường tiếp nhận 180 hồ sơ, lũy kế từ đầu năm tiếp nhận 150 hồ sơ.")
    (finding,) = CumulativeBelowMonth().check(doc, None)
    assert "ngày/tuần" in describe_evidence(finding, "vi") and "day or week" in describe_evidence(finding, "en")


def test_a_numbered_hamlet_is_no_new_figure_of_a_raised_total() -> None:
    got = cumulatives("Vụ sạt lở xảy ra tại thôn 12, xã Ia Tô, nâng tổng số hộ phải di dời trong mùa mưa lên 9 hộ.")
    assert got == [("9", None)]
    assert cumulatives("Trận lũ quét qua xóm 25 và ấp 30, nâng tổng số nhà bị sập lên 14 căn.") == [("14", None)]
