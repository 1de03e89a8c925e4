"""PDF input: the seeds as PDFs (LibreOffice from their .docx, and reportlab) give the
findings of the .txt, each naming its page; running headers, footers and page numbers are
dropped; decomposed glyphs read as NFC; a scanned PDF and an old .doc get one-line errors
and, met in a folder, are listed as skipped."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

pytest.importorskip("pdfminer")

from pdf_helpers import OLE_DOC, page_texts, raw_pdf, reportlab_pdf, scanned_pdf, text_page  # noqa: E402

from giaoban_qa.cli import main  # noqa: E402
from giaoban_qa.config import Config  # noqa: E402
from giaoban_qa.engine import run_check  # noqa: E402
from giaoban_qa.loaders import InputError, load_bytes  # noqa: E402

OUR_REPORT = (
    "BÁO CÁO KẾT QUẢ GIAO BAN THÁNG 3\n\n"
    "Ngày 14/32023 Ban Thường vụ Huyện ủy tổ chức hội nghị giao ban. Các xã tiếp tục đầy mạnh phòng chống dịch Covid 19, "
    "chăm lo sức khỏe nhân nhân và phát triển sản phẩm OCCOP trên địa bàn huyện.\n\n"
    + "Công tác cải cách hành chính được quan tâm chỉ đạo, các xã hoàn thành kế hoạch đề ra trong tháng. " * 40
    + "\n\nĐồng chí Chủ tịch UBND huyện yêu cầu giải quyết dứt điểm đơn thư khuyến nại của công dân.\n"
)


def findings(path: Path):
    result = run_check([str(path)], Config())
    assert not result.files[0].error, result.files[0].error
    return result.findings


def same_as_text(pdf: Path, txt: Path) -> None:
    """The PDF's findings are the .txt's (rule and excerpt, one for one), each with the
    page its excerpt is on."""
    expected = Counter((f.rule, f.excerpt) for f in findings(txt))
    got = findings(pdf)
    assert Counter((f.rule, f.excerpt) for f in got) == expected, pdf.name
    pages = page_texts(pdf.read_bytes())
    for f in got:
        assert f.page is not None and 1 <= f.page <= len(pages)
        assert re.sub(r"\s+", " ", f.excerpt) in pages[f.page - 1], (pdf.name, f.rule, f.excerpt, f.page)


@pytest.fixture(scope="module")
def seed_pdfs(tmp_path_factory):
    from conftest import SHARED
    from docx_helpers import styled_docx
    from office import convert

    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not available")
    folder = tmp_path_factory.mktemp("seed-pdf")
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    docxs = []
    for seed in seeds:
        path = folder / f"{seed.stem}.docx"
        path.write_bytes(styled_docx(seed.read_text(encoding="utf-8"), running_header="HUYỆN ỦY – VĂN PHÒNG"))
        docxs.append(path)
    return seeds, convert(docxs, folder / "pdf")


def test_libreoffice_pdfs_of_the_seeds_give_the_findings_of_the_text(seed_pdfs) -> None:
    seeds, pdfs = seed_pdfs
    assert len(pdfs) == len(seeds) == 5
    multi_page = 0
    for seed, pdf in zip(seeds, pdfs):
        same_as_text(pdf, seed)
        multi_page += len(page_texts(pdf.read_bytes())) > 1
        text = load_bytes(pdf.read_bytes(), pdf.name, "pdf").text
        assert "HUYỆN ỦY – VĂN PHÒNG" not in text and not re.search(r"(?m)^Trang \d+$", text)
    assert multi_page >= 3  # page breaks, headers and footers were really exercised


def test_reportlab_pdfs_of_the_seeds_give_the_findings_of_the_text(seed_pdfs, tmp_path) -> None:
    seeds, _ = seed_pdfs
    for seed in seeds:
        pdf = tmp_path / f"{seed.stem}.pdf"
        pdf.write_bytes(reportlab_pdf(seed.read_text(encoding="utf-8")))
        same_as_text(pdf, seed)


def test_our_report_from_reportlab_names_pages_and_joins_wrapped_lines(tmp_path) -> None:
    txt = tmp_path / "r.txt"
    txt.write_text(OUR_REPORT, encoding="utf-8")
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(reportlab_pdf(OUR_REPORT))
    same_as_text(pdf, txt)
    got = findings(pdf)
    assert {f.page for f in got} == {1, 2}  # the last slip is on the second page
    text = load_bytes(pdf.read_bytes(), "r.pdf", "pdf").text
    # The long paragraph wraps over many lines and a page break: it is one line again.
    assert len([ln for ln in text.splitlines() if "cải cách hành chính" in ln]) == 1
    code = main(["check", str(pdf), "-f", "json", "--fail-on", "never"])
    assert code == 0


def test_decomposed_glyphs_read_as_nfc(tmp_path) -> None:
    nfd = unicodedata.normalize("NFD", OUR_REPORT)
    pdf = tmp_path / "nfd.pdf"
    pdf.write_bytes(reportlab_pdf(nfd))
    text = load_bytes(pdf.read_bytes(), "nfd.pdf", "pdf").text
    assert unicodedata.is_normalized("NFC", text) and "Ban Thường vụ Huyện ủy" in text
    composed = tmp_path / "nfc.pdf"
    composed.write_bytes(reportlab_pdf(OUR_REPORT))
    # Plain pdfminer splits the marks off (so its page text cannot serve here): the
    # decomposed PDF must give what the composed one gives, pages included.
    assert sorted((f.rule, f.excerpt, f.page) for f in findings(pdf)) == sorted((f.rule, f.excerpt, f.page) for f in findings(composed))
    txt = tmp_path / "r.txt"
    txt.write_text(OUR_REPORT, encoding="utf-8")
    same_as_text(composed, txt)


def test_json_names_the_page_only_for_pdfs(tmp_path, capsys) -> None:
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(reportlab_pdf(OUR_REPORT))
    txt = tmp_path / "r.txt"
    txt.write_text(OUR_REPORT, encoding="utf-8")
    main(["check", str(pdf), str(txt), "-f", "json"])
    data = json.loads(capsys.readouterr().out)
    by_kind = {p: [f for f in data["findings"] if f["path"] == p] for p in (str(pdf), str(txt))}
    assert by_kind[str(pdf)] and all(isinstance(f["page"], int) for f in by_kind[str(pdf)])
    assert by_kind[str(txt)] and all("page" not in f for f in by_kind[str(txt)])


def test_scanned_pdf_and_old_doc_get_one_line_errors(tmp_path, capsys) -> None:
    scanned = tmp_path / "scan.pdf"
    scanned.write_bytes(scanned_pdf())
    old = tmp_path / "cu.doc"
    old.write_bytes(OLE_DOC)
    for path, words in ((scanned, "no text layer"), (old, "save it as .docx")):
        code = main(["check", str(path), "--lang", "en"])
        err = capsys.readouterr()
        message = (err.out + err.err).strip()
        assert code == 2 and words in message and "Traceback" not in message, message
        with pytest.raises(InputError, match=re.escape(words)):
            load_bytes(path.read_bytes(), str(path), path.suffix[1:])
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj garbage")
    code = main(["check", str(broken)])
    captured = capsys.readouterr()
    assert code == 2 and "broken.pdf" in captured.out + captured.err


def test_a_folder_lists_every_file_it_does_not_read(tmp_path, capsys) -> None:
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    (folder / "r.txt").write_text(OUR_REPORT, encoding="utf-8")
    (folder / "sub" / "scan.pdf").write_bytes(scanned_pdf())
    (folder / "cu.doc").write_bytes(OLE_DOC)
    (folder / "bang.xlsx").write_bytes(b"PK\x03\x04")
    (folder / ".nhap.txt").write_text("nháp", encoding="utf-8")
    code = main(["check", str(folder), "-f", "json", "--lang", "en"])
    data = json.loads(capsys.readouterr().out)
    skipped = {Path(s["path"]).name: s["reason"] for s in data["skipped"]}
    assert set(skipped) == {"scan.pdf", "cu.doc", "bang.xlsx", ".nhap.txt"}
    assert "no text layer" in skipped["scan.pdf"] and "save it as .docx" in skipped["cu.doc"]
    assert data["summary"]["skipped"] == 4 and data["summary"]["files"] == 1 and code == 1
    # The terminal view lists them too, and counts them in its summary line.
    main(["check", str(folder), "--no-color"])
    out = capsys.readouterr().out
    assert "cu.doc" in out and "scan.pdf" in out and "4 tệp bỏ qua" in out
    # And the HTML report.
    report = tmp_path / "r.html"
    main(["check", str(folder), "-f", "html", "-o", str(report), "--lang", "en"])
    capsys.readouterr()
    page = report.read_text(encoding="utf-8")
    assert 'id="skipped"' in page and "cu.doc" in page and "save it as .docx" in page


def test_a_run_that_reads_no_file_exits_2(tmp_path, capsys) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["check", str(empty), "--lang", "en"]) == 2
    assert "no file was read" in capsys.readouterr().err
    only_doc = tmp_path / "old"
    only_doc.mkdir()
    (only_doc / "cu.doc").write_bytes(OLE_DOC)
    assert main(["check", str(only_doc), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "no file was read" in err and "save it as .docx" in err


def _refused(tmp_path, capsys, data: bytes, *options: str) -> str:
    """The one-line error ``check`` gives for a PDF (exit 2, no traceback, no report)."""
    pdf = tmp_path / "bomb.pdf"
    pdf.write_bytes(data)
    code = main(["check", str(pdf), "--lang", "en", *options])
    captured = capsys.readouterr()
    message = (captured.out + captured.err).strip()
    assert code == 2 and "Traceback" not in message and "bomb.pdf" in message, message
    assert len([line for line in message.splitlines() if "bomb.pdf" in line]) == 1, message
    return message


def test_a_small_pdf_with_more_text_than_max_size_is_refused(tmp_path, capsys) -> None:
    # 9 pages of 4 KB of text each compress to under 4 KB in all: the file passes --max-size, its text does not.
    page = text_page(["Cac xa hoan thanh ke hoach de ra trong thang, tiep tuc cai cach hanh chinh. " * 2] * 26)
    data = raw_pdf([page] * 9)
    assert len(data) < 0.01 * 1048576 / 2
    message = _refused(tmp_path, capsys, data, "--max-size", "0.01")
    assert "text of the PDF's first" in message and "0.01 MiB" in message
    # Within the limit, the same file is read.
    with pytest.raises(InputError, match="text of the PDF"):
        load_bytes(data, "bomb.pdf", "pdf", max_bytes=10_000)
    assert "Cac xa hoan thanh" in load_bytes(data, "bomb.pdf", "pdf", max_bytes=1_000_000).text


def test_a_pdf_stream_that_inflates_past_the_limit_is_refused_before_it_is_inflated(tmp_path, capsys) -> None:
    # 30 MB of blanks in one content stream, 30 KB compressed: the stream is never held whole.
    import tracemalloc

    data = raw_pdf([text_page(["Bao cao"]) + b" " * 30_000_000])
    assert len(data) < 100_000
    tracemalloc.start()
    with pytest.raises(InputError, match="inflates to more than 1 MiB"):
        load_bytes(data, "bomb.pdf", "pdf", max_bytes=1048576 // 10)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 4 * 1048576, peak  # the budget (1 MiB) held at most twice, not the 30 MB
    assert "inflates to more than 10 MiB" in _refused(tmp_path, capsys, data, "--max-size", "1")
    # Under the default 20 MiB the budget is 200 MiB: the same file is read (the blanks are no text).
    assert "Bao cao" in load_bytes(data, "bomb.pdf", "pdf").text


def test_a_pdf_with_more_pages_than_the_limit_is_refused_even_when_its_page_count_lies(tmp_path, capsys, monkeypatch) -> None:
    from giaoban_qa.loaders import pdf

    pages = [text_page([f"Trang so {i} cua bao cao."]) for i in range(5)]
    monkeypatch.setattr(pdf, "MAX_PAGES", 3)
    message = _refused(tmp_path, capsys, raw_pdf(pages, declared_pages=1))
    assert "more than 3 pages" in message
    monkeypatch.setattr(pdf, "MAX_PAGES", 5)
    assert "Trang so 4" in load_bytes(raw_pdf(pages, declared_pages=1), "ok.pdf", "pdf").text
