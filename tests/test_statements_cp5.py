"""The statement reader on constructions missed on the tuning half of the cumulative batches
(up to seed 162), in own wording."""

from __future__ import annotations

from statement_reads import cumulatives


# -- a raised total adds a new figure summed since a start of its own -------------------------


def test_a_raised_total_adds_the_new_figure_summed_since_january() -> None:
    got = cumulatives("Từ đầu năm đến nay phường lắp mới thêm 35 camera nâng tổng số camera đang vận hành hiện nay là 210 camera.")
    assert got == [("210", "35")]


def test_a_sum_since_january_without_a_raise_stays_its_own_statement() -> None:
    assert cumulatives("Từ đầu năm đến nay phường lắp mới thêm 35 camera trên các tuyến phố.") == [("35", None)]


def test_a_raised_total_of_another_thing_does_not_add_the_new_figure() -> None:
    got = cumulatives("Từ đầu năm đến nay xã xây mới thêm 12 phòng học, nâng tổng số học sinh được học bán trú lên 640 em.")
    assert ("640", "12") not in got


# -- a bare figure that numbers a row is not what a raised total adds -------------------------


def test_a_raised_total_does_not_add_a_figure_that_numbers_a_row() -> None:
    got = cumulatives("Xe có 2 ghế ở hàng đầu, 3 ghế ở hàng 2 và ghế phụ gập, nâng tổng số chỗ ngồi lên con số 7.")
    assert got == [("7", None)]


def test_a_raised_total_still_adds_a_counted_figure_before_it() -> None:
    assert cumulatives("Hội đồng chấm thêm 12 điểm cho đội nhà, nâng tổng số điểm của đội lên 31.") == [("31", "12")]
