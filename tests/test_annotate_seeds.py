"""The five real seeds as styled Word files (headings, bold and italic runs, a table):
annotated, their comments and tracked changes match check's findings one for one;
LibreOffice opens and converts them; accepting every change removes every fixed finding.
A page is rendered to PNG for a person to look at (GIAOBAN_QA_ANNOTATED_PNG)."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from docx_helpers import comment_anchors, styled_docx, tracked_changes  # noqa: E402
from office import convert, render_page  # noqa: E402

from giaoban_qa.annotate import accept_all_changes, annotate_docx  # noqa: E402
from giaoban_qa.config import Config  # noqa: E402
from giaoban_qa.engine import check_source, selected_rules  # noqa: E402
from giaoban_qa.fixes import chosen, replacement  # noqa: E402
from giaoban_qa.loaders import load_bytes  # noqa: E402

# Our own table rows (a planted canonical-term slip in a cell), appended to every seed.
TABLE = "\nChỉ tiêu | Kết quả tháng\nSản phẩm OCCOP được công nhận | 7 sản phẩm\n"


def located(data: bytes, name: str):
    config = Config(strict=True)
    return check_source(load_bytes(data, name, "docx"), selected_rules(config), config)[1]


@pytest.fixture(scope="module")
def seed_docs(tmp_path_factory):
    from conftest import SHARED

    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not available")
    folder = tmp_path_factory.mktemp("seed-docx")
    docs = []
    for seed in sorted((SHARED / "seeds").glob("*.txt")):
        data = styled_docx(seed.read_text(encoding="utf-8") + TABLE)
        findings = located(data, seed.stem + ".docx")
        annotated = annotate_docx(data, findings)
        path = folder / f"{seed.stem}.giaoban-qa.docx"
        path.write_bytes(annotated)
        docs.append((seed.stem, data, findings, annotated, path))
    return docs


def test_comments_and_tracked_changes_match_the_findings_one_for_one(seed_docs) -> None:
    total = 0
    for name, data, findings, annotated, _ in seed_docs:
        comments = list(docx.Document(io.BytesIO(annotated)).comments)
        anchors = comment_anchors(annotated)
        assert len(comments) == len(findings), name
        assert sorted(anchors[c.comment_id] for c in comments) == sorted(f.excerpt for f in findings), name
        for c in comments:
            assert c.author == "giaoban-qa"
        for f in findings:
            assert any(f.rule in c.text and f.message() in c.text for c in comments), (name, f.rule)
        expected = [(f.excerpt, replacement(f)) for f in chosen(findings, unsafe=True)]
        assert [(d, i) for _, d, i in tracked_changes(annotated)] == expected, name
        total += len(findings)
    assert total >= 15  # the seeds' real slips plus the planted table cell


def test_accepting_all_changes_removes_every_fixed_finding(seed_docs) -> None:
    for name, _, findings, annotated, _ in seed_docs:
        fixed = {(f.rule, f.excerpt) for f in chosen(findings, unsafe=True)}
        left = {(f.rule, f.excerpt) for f in located(accept_all_changes(annotated), name)}
        assert fixed and not (fixed & left), (name, fixed & left)


def test_libreoffice_converts_every_annotated_seed(seed_docs, tmp_path) -> None:
    pdfs = convert([path for *_, path in seed_docs], tmp_path)
    for pdf in pdfs:
        assert pdf.read_bytes().startswith(b"%PDF")
    png = render_page(pdfs[0], Path(os.environ.get("GIAOBAN_QA_ANNOTATED_PNG", str(tmp_path / "annotated-page"))))
    assert png.stat().st_size > 1000
