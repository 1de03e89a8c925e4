"""Findings written into a Word file: comments anchored on exactly the finding's text,
tracked changes for exact replacements, runs keeping their formatting."""

from __future__ import annotations

import io

import pytest

docx = pytest.importorskip("docx")

from docx_helpers import W, comment_anchors, styled_docx, tracked_changes  # noqa: E402

from giaoban_qa.annotate import accept_all_changes, annotate_docx, check_and_annotate, evidence_in_words  # noqa: E402
from giaoban_qa.config import Config  # noqa: E402
from giaoban_qa.engine import check_source, selected_rules  # noqa: E402
from giaoban_qa.fixes import chosen  # noqa: E402
from giaoban_qa.loaders import load_bytes  # noqa: E402

# Our own sentences with planted slips: a garbled date, a term variant split over runs
# (bold and italic), a typo inside a hyperlink, a canonical term in a table cell.
_WP = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def planted_docx() -> bytes:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_heading("BÁO CÁO KẾT QUẢ GIAO BAN THÁNG 11", 1)
    p = document.add_paragraph("Ngày 23/11")
    p.add_run("2020").bold = True
    p.add_run(" Huyện ủy tổ chức hội nghị. Công tác phòng chống dịch Covid ")
    p.add_run("19 được").italic = True
    p.add_run(" triển khai, đầy mạnh tuyên truyền cho nhân nhân.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Chỉ tiêu"
    table.cell(0, 1).text = "Kết quả"
    table.cell(1, 0).text = "Sản phẩm OCCOP"
    table.cell(1, 1).text = "12 sản phẩm"
    p = document.add_paragraph("Xem ")
    rid = document.part.relate_to("https://example.org/", RT.HYPERLINK, is_external=True)
    p._p.append(
        parse_xml(
            f'<w:hyperlink {_WP} r:id="{rid}"><w:r><w:t xml:space="preserve">khuyến </w:t></w:r>'
            "<w:r><w:rPr><w:b/></w:rPr><w:t>nại của dân</w:t></w:r></w:hyperlink>"
        )
    )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def located(data: bytes, name: str = "r.docx"):
    config = Config(strict=True)
    doc, found = check_source(load_bytes(data, name, "docx"), selected_rules(config), config)
    return found


def test_every_finding_is_a_comment_on_exactly_its_text_and_every_exact_fix_a_tracked_change() -> None:
    data = planted_docx()
    findings = located(data)
    assert {f.excerpt for f in findings} >= {"23/112020", "Covid 19", "đầy mạnh", "nhân nhân", "OCCOP", "khuyến nại"}
    out = annotate_docx(data, findings)
    document = docx.Document(io.BytesIO(out))
    comments = list(document.comments)
    assert len(comments) == len(findings)
    anchors = comment_anchors(out)
    assert sorted(anchors[c.comment_id] for c in comments) == sorted(f.excerpt for f in findings)
    assert {c.author for c in comments} == {"giaoban-qa"}
    by_anchor = {anchors[c.comment_id]: c.text for c in comments}
    assert "text.typo" in by_anchor["đầy mạnh"] and "đẩy mạnh" in by_anchor["đầy mạnh"]
    changes = tracked_changes(out)
    expected = [(f.excerpt, f.finding.suggestion) for f in chosen(findings, unsafe=True)]
    assert [(d, i) for _, d, i in changes] == expected
    assert {a for a, _, _ in changes} == {"giaoban-qa"}


def test_runs_keep_their_formatting_and_the_input_is_unchanged() -> None:
    data = planted_docx()
    before = bytes(data)
    out = annotate_docx(data, located(data))
    assert data == before
    body = docx.Document(io.BytesIO(out)).element.body
    deleted_bold = [d for d in body.iter(W + "delText") if d.text == "2020"]
    assert deleted_bold and deleted_bold[0].getparent().find(f"{W}rPr/{W}b") is not None
    inserted_italic = [r for r in body.iter(W + "r") if r.getparent().tag == W + "ins" and r.findtext(W + "t") == "Covid-19"]
    # The replacement takes the formatting of the first run it replaces ("Covid " is plain).
    assert inserted_italic and inserted_italic[0].find(f"{W}rPr/{W}i") is None
    # The part of the italic run outside the finding is still italic.
    kept = [t for t in body.iter(W + "t") if t.text == " được"]
    assert kept and kept[0].getparent().find(f"{W}rPr/{W}i") is not None


def test_accepting_every_change_leaves_nothing_the_fixes_addressed() -> None:
    data = planted_docx()
    findings = located(data)
    fixed = {f.rule + f.excerpt for f in chosen(findings, unsafe=True)}
    accepted = accept_all_changes(annotate_docx(data, findings))
    left = {f.rule + f.excerpt for f in located(accepted)}
    assert fixed and not (fixed & left)
    # Reading the annotated file itself sees the changes as accepted too.
    assert not ({f.rule for f in located(annotate_docx(data, findings))} & {"text.typo", "date.malformed"})


def test_check_and_annotate_and_english_comments() -> None:
    data = planted_docx()
    out, result = check_and_annotate(data, "r.docx", Config(lang="en"))
    assert result.findings and len(list(docx.Document(io.BytesIO(out)).comments)) == len(result.findings)
    texts = [c.text for c in docx.Document(io.BytesIO(out)).comments]
    assert any("Suggestion: đẩy mạnh" in t and "Rule: text.typo" in t for t in texts)


def test_findings_for_another_file_are_refused() -> None:
    from giaoban_qa.annotate import AnnotateError

    data = planted_docx()
    other = styled_docx("Báo cáo\nNgày 14/32023 họp giao ban.\n")
    with pytest.raises(AnnotateError):
        annotate_docx(other, located(data))


def test_evidence_in_words_names_the_compared_facts() -> None:
    words = evidence_in_words({"reference": {"role": "hội nghị", "text": "ngày 02/11/2020", "start": 3, "end": 9}, "cited": {"symbol": "118/BC-UBND", "date": {"date": "2020-11-30"}}})
    assert words == "hội nghị: ngày 02/11/2020 · cited: 118/BC-UBND (2020-11-30)"
