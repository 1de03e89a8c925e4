from __future__ import annotations

import pytest

from giaoban_qa.document import build_document
from giaoban_qa.extract.citations import citations
from giaoban_qa.extract.dates import dates, event_date, published


def _dates(text: str):
    return build_document("x.txt", text).fact(dates)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("họp ngày 23/11/2020.", (23, 11, 2020)),
        ("họp ngày 3/7/2019.", (3, 7, 2019)),
        ("họp ngày 23-11-2020.", (23, 11, 2020)),
        ("họp ngày 23.11.2020.", (23, 11, 2020)),
        ("Ngày 30 tháng 11 năm 2020, hội nghị", (30, 11, 2020)),
        ("Đơn Dương, ngày 05 tháng 01 năm 2020", (5, 1, 2020)),
    ],
)
def test_full_date_forms(text, expected):
    found = _dates(text)
    assert [(f.day, f.month, f.year) for f in found] == [expected]
    assert found[0].precision == "day" and not found[0].year_inferred


def test_numbers_are_not_dates():
    assert _dates("Tổng diện tích 22.460 ha/27.060 ha đạt 83%, 3.413 đối tượng, 95% hộ, 1.158 ha.") == []
    assert _dates("đạt 5/7 chỉ tiêu, 12/15 xã đạt chuẩn, tỷ lệ 1/3") == []


def test_partial_dates_get_an_inferred_year_from_the_publication_line():
    doc = build_document("x.txt", "Giao ban\n05/05/2020 09:00\nNgày 04/5, Ban Thường vụ Huyện ủy tổ chức hội nghị.")
    assert doc.fact(published).date.date.isoformat() == "2020-05-05"
    ev = doc.fact(event_date)
    assert (ev.day, ev.month, ev.year, ev.year_inferred) == (4, 5, 2020, True)


def test_time_of_day_and_weekday_prefixes():
    found = _dates("Chiều 3/7, hội nghị diễn ra. Thứ Hai, ngày 24/11/2020, đoàn làm việc.")
    assert found[0].time_of_day == "chiều" and (found[0].day, found[0].month) == (3, 7)
    assert found[1].weekday == 0 and (found[1].day, found[1].month, found[1].year) == (24, 11, 2020)


def test_day_range_reads_the_first_day():
    found = _dates("Trong 2 ngày 3-4/7, hội nghị diễn ra.")
    assert [(f.day, f.month, f.form) for f in found] == [(3, 7, "range")]


def test_event_date_of_a_meeting_lead():
    doc = build_document("x.txt", "KẾT LUẬN\nNgày 02 tháng 11 năm 2020, Thường trực Huyện ủy tổ chức hội nghị giao ban.")
    assert doc.fact(event_date).date.isoformat() == "2020-11-02"


def test_citations_in_both_systems():
    text = (
        "Thực hiện Báo cáo số 369/BC-UBND, ngày 30 tháng 11 năm 2020 của UBND huyện về tình hình kinh tế - xã hội tháng 10 năm 2020; "
        "Công văn số 1167/UBND-TH ngày 10/9/2019; Nghị quyết số 245/2020/NQ-HĐND ngày 31/3/2020 của Hội đồng nhân dân tỉnh; "
        "Nghị quyết số 20-NQ/TU ngày 02/12/2019 của Tỉnh ủy về phương hướng năm 2020; Kết luận số 656-KL/TU; Luật số 83/2015/QH13."
    )
    cs = build_document("x.txt", text).fact(citations)
    by_symbol = {c.symbol: c for c in cs}
    bc = by_symbol["369/BC-UBND"]
    assert (bc.system, bc.type_word, bc.type_abbr, bc.issuer) == ("state", "Báo cáo", "BC", "UBND")
    assert bc.date.date.isoformat() == "2020-11-30" and bc.issuer_words == "UBND huyện"
    assert bc.subject == "tình hình kinh tế - xã hội tháng 10 năm 2020"
    cv = by_symbol["1167/UBND-TH"]
    assert (cv.type_abbr, cv.issuer, cv.unit) == (None, "UBND", "TH")
    nq = by_symbol["245/2020/NQ-HĐND"]
    assert (nq.system, nq.year, nq.issuer) == ("state_legal", 2020, "HĐND")
    party = by_symbol["20-NQ/TU"]
    assert (party.system, party.type_abbr, party.issuer, party.issuer_words) == ("party", "NQ", "TU", "Tỉnh ủy")
    assert by_symbol["656-KL/TU"].date is None
    assert by_symbol["83/2015/QH13"].system == "law"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ký ngày 5 tháng Một năm 2020 tại Hà Nội.", (5, 1, 2020)),
        ("Hội nghị 12 tháng 3, 2021 đã bế mạc.", (12, 3, 2021)),
        ("Cập nhật 2020-01-05 lúc 9 giờ.", (5, 1, 2020)),
    ],
)
def test_odd_forms_are_normalised_by_dateparser(text, expected):
    (found,) = _dates(text)
    assert (found.day, found.month, found.year, found.form) == (*expected, "odd")


def test_dateparser_is_not_imported_for_ordinary_dates():
    import subprocess
    import sys

    code = (
        "import sys; from giaoban_qa.document import build_document; from giaoban_qa.extract.dates import dates; "
        "build_document('x', 'Ngày 02 tháng 11 năm 2020 và 23/11/2020.').fact(dates); print('dateparser' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"


def test_long_form_with_comma_before_the_year():
    (found,) = _dates("Hội nghị ngày 12 tháng 3, 2021 đã bế mạc; ngày 5 tháng 3, 2000 hộ dân nhận hỗ trợ.")[:1]
    assert (found.day, found.month, found.year, found.form) == (12, 3, 2021, "words")
    second = _dates("Ngày 5 tháng 3, 2000 hộ dân nhận hỗ trợ.")[0]
    assert second.year_inferred  # ", 2000 hộ dân" is a count, not the year
