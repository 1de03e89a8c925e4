"""The statement reader on constructions missed on the tuning half of the part/whole and
share batches (up to seed 161), and on the pool's phrasings of them (own wording)."""

from __future__ import annotations

from statement_reads import read_statements


def _shares(text: str) -> list[str]:
    return [q.number_text for q in read_statements(text).shares]


def _pw(text: str) -> list[tuple[str, str, str | None]]:
    return [(p.part.number_text, p.whole.number_text, p.percent.number_text if p.percent else None) for p in read_statements(text).part_whole]


# -- shares ----------------------------------------------------------------------------------


def test_chiem_giu_holds_a_share() -> None:
    assert _shares("Doanh nghiệp này chiếm giữ tới hơn 80% thị phần điện thoại cố định.") == ["80"]
    assert _shares("Nhóm vũ trang vẫn chiếm giữ được khoảng 20% diện tích thị trấn.") == ["20"]
    assert _shares("Lực lượng nổi dậy còn chiếm giữ khoảng 10% diện tích thành phố.") == ["10"]


def test_chiem_and_how_large_then_the_figure_aside() -> None:
    assert _shares("Vi phạm về trật tự đô thị vẫn chiếm tỷ lệ cao (61,2%) trong số vụ việc.") == ["61,2"]
    assert _shares("Ở trường này giáo viên nữ chiếm đa số (khoảng 85%), nên lịch họp linh hoạt.") == ["85"]
    assert _shares("Năm ngoái vốn vào chế biến chiếm tỷ lệ lớn nhất, tới 37,5%.") == ["37,5"]
    # To dominate is no share; a figure that does not close the parenthesis is not one either.
    assert _shares("Đội khách chiếm ưu thế trên sân (58% thời gian kiểm soát bóng).") == []
    assert _shares("Sản lượng cá chiếm tỷ lệ cao (30% - 38%) trên thế giới.") == []


# -- part / whole ----------------------------------------------------------------------------


def test_a_rank_after_vi_tri_is_no_part() -> None:
    assert _pw("Theo bảng xếp hạng, nước này đứng ở vị trí 31 trên tổng số 140 quốc gia.") == []
    assert _pw("Trường xếp vị trí 12 trong số 200 trường được khảo sát.") == []
    # A count of places stays one.
    assert _pw("Tỉnh đã cắm mốc tại 14 vị trí trong tổng số 20 vị trí trên tuyến.") == [("14", "20", None)]


def test_a_range_of_the_part_is_read_by_its_first_figure_without_a_percentage() -> None:
    assert _pw("Liên minh có thể giành được khoảng 300-340 ghế trong tổng số 450 ghế của quốc hội.") == [("300", "450", None)]
    assert _pw("Mỗi khóa có 12 - 15 học viên trong số 40 học viên bỏ dở, chiếm 30%.") == [("12", "40", None)]
    # A score is no range of a part.
    assert _pw("Đội thắng với tỷ số 2-1 trong 3 trận gần đây.") == []


def test_whole_first_then_thi_or_con_before_the_part() -> None:
    assert _pw("Trong tổng số 2.140 tuyến phố thì 1.350 tuyến chưa có vỉa hè đạt chuẩn.") == [("1.350", "2.140", None)]
    assert _pw("Trong số 9 triệu học sinh cả nước còn gần 1,2 triệu học sinh thiếu phòng học.") == [("1,2", "9", None)]


def test_whole_first_then_a_short_clause_before_a_part_of_its_own_noun() -> None:
    assert _pw("Trong số 15 trận đấu đó, đội chủ nhà đã thắng tới 9 trận.") == [("9", "15", None)]
    assert _pw("Trong số 2.300 máy chủ bị tấn công, đơn vị đã khôi phục được khoảng 1.800 máy chủ.") == [("1.800", "2.300", None)]
    # Not a part of another noun, nor an increase.
    assert _pw("Trong số 15 trận đấu đó, đội chủ nhà đã ghi 9 bàn.") == []
    assert _pw("Trong số 40 xã, năm nay tăng thêm 6 xã.") == []


def test_two_parts_and_two_wholes_pair_by_their_nouns() -> None:
    got = _pw("Năm qua tòa chỉ xét xử 2 vụ án với 5 bị cáo trong số 70 vụ án, 160 bị cáo bị khởi tố.")
    assert got == [("2", "70", None), ("5", "160", None)]
    assert _pw("Đơn vị đã cắm ba điểm với 12 cọc mốc, trong tổng số 9 điểm, 30 cọc mốc trên tuyến.") == [("12", "30", None)]
    # A part that fits its own whole keeps it.
    assert _pw("Phim có 8 đề cử trên tổng số 9 hạng mục, 10 đề cử năm ngoái.") == [("8", "9", None)]


def test_whole_first_after_a_bare_trong() -> None:
    assert _pw("Trong 40 thôn, có 32 thôn đạt chuẩn văn hóa, chiếm 80%.") == [("32", "40", "80")]
    assert _pw("Trong 9 mẫu xe hãng đang bán, có tới 5 mẫu xe lắp ráp trong nước.") == [("5", "9", None)]
    # A span of time is no whole.
    assert _pw("Trong 6 tháng, có 4 tháng chỉ số giá tăng trên 1%.") == []


def test_whole_first_then_several_parts_of_its_noun() -> None:
    got = _pw("Trong số 40 dự án chậm tiến độ, huyện A có 12 dự án, huyện B có 9 dự án.")
    assert got == [("12", "40", None), ("9", "40", None)]
    # The list stops at a figure of another noun or above the whole.
    assert _pw("Trong 15 xe, 6 xe bị hỏng phanh, 30 xe khác vẫn chạy.") == [("6", "15", None)]
