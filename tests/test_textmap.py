from __future__ import annotations

import unicodedata

from giaoban_qa.document import build_document
from giaoban_qa.textmap import normalise

from conftest import findings_for


def test_nfc_text_is_unchanged_and_identity_mapped():
    n = normalise("Huyện ủy")
    assert n.text == "Huyện ủy" and not n.changed and n.to_original(5) == 5


def test_decomposed_text_maps_back_to_original_offsets():
    original = unicodedata.normalize("NFD", "Nghị quyết ngày 31/4/2021 của Huyện ủy")
    n = normalise(original)
    assert n.text == unicodedata.normalize("NFC", original)
    start = n.text.index("31/4/2021")
    o_start, o_end = n.span_to_original(start, start + len("31/4/2021"))
    assert original[o_start:o_end] == "31/4/2021"


def test_finding_span_points_into_decomposed_user_text():
    original = unicodedata.normalize("NFD", "Tiếp tục triển khai Nghị quyết số 05-NQ/HU, ngày 31/4/2021 của Huyện ủy.")
    found = findings_for(original, "date.impossible")
    assert len(found) == 1
    f = found[0]
    assert original[f.start : f.end] == f.excerpt == "31/4/2021"


def test_markup_is_blanked_but_offsets_kept():
    text = "thu ngân sách ổn định<sup>1</sup>. **Bên cạnh** đó"
    doc = build_document("x.txt", text)
    assert len(doc.text) == len(text)
    assert "1" not in doc.text and "**" not in doc.text
    assert doc.text.index("Bên cạnh") == text.index("Bên cạnh")


def test_title_of_a_multi_line_header():
    doc = build_document("x.txt", "\n\nKẾT LUẬN\nCỦA THƯỜNG TRỰC HUYỆN ỦY\nTại hội nghị giao ban tháng 11 năm 2020\n\nNgày 02 tháng 11 năm 2020, Thường trực Huyện ủy tổ chức hội nghị.")
    assert doc.title_text.split() == "KẾT LUẬN CỦA THƯỜNG TRỰC HUYỆN ỦY Tại hội nghị giao ban tháng 11 năm 2020".split()
