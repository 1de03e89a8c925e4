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
