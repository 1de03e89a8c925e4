from __future__ import annotations

import codecs
import io

import pytest

from giaoban_qa.loaders import InputError, load_path

TEXT = "Ngày 02 tháng 11 năm 2020, Thường trực Huyện ủy tổ chức hội nghị.\n"


def test_utf8_with_and_without_bom(tmp_path):
    plain = tmp_path / "a.txt"
    plain.write_bytes(TEXT.encode("utf-8"))
    bom = tmp_path / "b.txt"
    bom.write_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert load_path(str(plain)).text == TEXT
    assert load_path(str(bom)).text == TEXT


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_with_bom(tmp_path, encoding):
    path = tmp_path / "c.txt"
    data = TEXT.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    path.write_bytes(data)
    assert load_path(str(path)).text == TEXT


def test_legacy_encoding_refused_when_utf8_is_demanded(tmp_path):
    # "Hội nghị giao ban tháng 11 của các xã" in TCVN3 (ABC) bytes: not UTF-8.
    from giaoban_qa.loaders.legacy import encode

    path = tmp_path / "tcvn3.txt"
    path.write_bytes(encode("Hội nghị giao ban tháng 11 của các xã và thị trấn trong huyện.", "tcvn3"))
    with pytest.raises(InputError) as exc:
        load_path(str(path), encoding="utf-8")
    message = str(exc.value)
    assert "tcvn3.txt" in message and "TCVN3" in message and "--encoding tcvn3" in message and "\n" not in message
    assert load_path(str(path)).encoding == "tcvn3"


def test_binary_data_is_refused(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError, match="binary"):
        load_path(str(path))


def test_empty_and_missing_files(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        load_path(str(empty))
    with pytest.raises(InputError, match="no such file"):
        load_path(str(tmp_path / "nope.txt"))


def test_huge_file_is_refused_without_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2048)
    with pytest.raises(InputError, match="limit"):
        load_path(str(path), max_bytes=1024)


def test_file_is_never_modified(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    before = path.read_bytes()
    load_path(str(path))
    assert path.read_bytes() == before


def test_html_main_text_without_navigation_and_footnote_marks(tmp_path):
    paragraphs = "".join(
        f"<p>Đoạn {i}: công tác xây dựng Đảng, xây dựng hệ thống chính trị tiếp tục được quan tâm, chú trọng trên địa bàn huyện.</p>"
        for i in range(6)
    )
    page = f"""<html><head><title>Giao ban tháng 11</title></head><body>
    <nav><ul><li>Trang chủ</li><li>Tìm kiếm theo chuyên mục</li></ul></nav>
    <article><h1>Hội nghị giao ban tháng 11 năm 2020</h1>
    <p>Diện tích rau thương phẩm 22.460 ha<sup>1</sup>/27.060 ha đạt 83% kế hoạch năm, thu ngân sách được duy trì ổn định<sup>2</sup>.</p>
    {paragraphs}</article>
    <aside><h3>Thống kê truy cập</h3><p>Hôm nay: 1911</p><p>Đã truy cập: 6556406</p></aside>
    </body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    text = load_path(str(path)).text
    assert "22.460 ha [1]/27.060 ha" in text
    assert "22.460 ha1" not in text
    assert "Thống kê truy cập" not in text and "Tìm kiếm theo chuyên mục" not in text
    assert text.startswith("Hội nghị giao ban tháng 11 năm 2020")


def test_docx_paragraphs_and_tables(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("KẾT LUẬN CỦA THƯỜNG TRỰC HUYỆN ỦY")
    p = document.add_paragraph("Ngày 02 tháng 11 năm 2020, Thường trực Huyện ủy họp")
    run = p.add_run("1")
    run.font.superscript = True
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Thu ngân sách"
    table.rows[0].cells[1].text = "150 tỷ 510 triệu đồng"
    buf = io.BytesIO()
    document.save(buf)
    path = tmp_path / "kl.docx"
    path.write_bytes(buf.getvalue())
    text = load_path(str(path)).text
    assert text.splitlines()[0] == "KẾT LUẬN CỦA THƯỜNG TRỰC HUYỆN ỦY"
    assert "Huyện ủy họp[1]" in text
    assert "Thu ngân sách | 150 tỷ 510 triệu đồng" in text


def test_broken_docx(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match="broken.docx"):
        load_path(str(path))


def test_broken_docx_messages_say_what_is_wrong_in_words(tmp_path):
    import zipfile

    not_zip = tmp_path / "notzip.docx"
    not_zip.write_bytes(b"hello, this is not a zip")
    junk_zip = tmp_path / "junk.docx"
    with zipfile.ZipFile(junk_zip, "w") as archive:
        archive.writestr("foo.txt", "junk")
    with pytest.raises(InputError) as not_zip_error:
        load_path(str(not_zip))
    with pytest.raises(InputError) as junk_error:
        load_path(str(junk_zip))
    assert "not a zip" in str(not_zip_error.value) and "Error" not in str(not_zip_error.value)
    assert "no Word document" in str(junk_error.value) and "KeyError" not in str(junk_error.value)


@pytest.mark.parametrize(
    "name, content",
    [("only.md", "<!-- nothing yet -->\n\n---\n"), ("tags.txt", "<b></b> <sup>1</sup>\n**  **\n"), ("page.html", "<html><body><p>***</p></body></html>")],
)
def test_a_file_with_only_markup_is_an_input_error(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=f"{name}: .*no (main )?text"):
        load_path(str(path))


def test_utf8_file_with_a_stray_byte_is_not_called_a_legacy_encoding(tmp_path):
    text = ("Ngày 02 tháng 11 năm 2020, Thường trực Huyện ủy tổ chức hội nghị giao ban.\n" * 5).encode("utf-8")
    path = tmp_path / "damaged.txt"
    path.write_bytes(text[:200] + b"\xff" + text[200:])
    with pytest.raises(InputError) as info:
        load_path(str(path))
    message = str(info.value)
    assert "damaged.txt" in message and "legacy" not in message
    assert "1 invalid byte" in message and "byte 200" in message and "line 3" in message


def test_docx_nested_tables_and_content_controls_each_appear_once(tmp_path):
    docx = pytest.importorskip("docx")
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("Báo cáo tháng 11")
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Chỉ tiêu"
    inner = outer.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "Thu ngân sách"
    inner.cell(0, 1).text = "45,6 tỷ đồng"
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    document.element.body.insert(
        len(document.element.body) - 1,
        parse_xml(f'<w:sdt xmlns:w="{w}"><w:sdtContent><w:p><w:r><w:t>Ngày 02/11/2020 họp giao ban.</w:t></w:r></w:p></w:sdtContent></w:sdt>'),
    )
    path = tmp_path / "nested.docx"
    document.save(str(path))
    text = load_path(str(path)).text
    assert text.count("45,6 tỷ đồng") == 1 and text.count("Thu ngân sách") == 1
    assert "Thu ngân sách | 45,6 tỷ đồng" in text and "Chỉ tiêu" in text
    assert "Ngày 02/11/2020 họp giao ban." in text


def test_docx_text_box_with_a_fallback_is_read_once(tmp_path):
    docx = pytest.importorskip("docx")
    from docx.oxml import parse_xml

    document = docx.Document()
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    box = f'<w:txbxContent xmlns:w="{w}"><w:p><w:r><w:t>Đạt 45,6 tỷ đồng</w:t></w:r></w:p></w:txbxContent>'
    paragraph = parse_xml(
        f'<w:p xmlns:w="{w}" xmlns:mc="{mc}"><w:r><mc:AlternateContent>'
        f"<mc:Choice Requires='wps'>{box}</mc:Choice><mc:Fallback>{box}</mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    )
    document.element.body.insert(0, paragraph)
    path = tmp_path / "box.docx"
    document.save(str(path))
    assert load_path(str(path)).text.count("45,6 tỷ đồng") == 1
