"""Speed of the editor's round trip on a large Word file and on PDFs.

    python benchmarks/bench_editor.py [--paragraphs 2000] [--repeat 3]

Builds a .docx of --paragraphs paragraphs from our own sentences (headings, bold and italic runs, a
table every 40 paragraphs, a planted slip in every paragraph), then times, in-process:
reading it (the loader's text and run map), checking it, annotating it (comments and
tracked changes for every finding), and accepting every change. With pdfminer installed it
also times reading a PDF made by reportlab from the same sentences. Prints one line per
step: median seconds over --repeat runs.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

PARAGRAPH = (
    "Ngày 14/32023 Ban Thường vụ Huyện ủy tổ chức hội nghị giao ban đánh giá kết quả tháng 2. "
    "Các xã tiếp tục đầy mạnh phòng chống dịch Covid 19, chăm lo sức khỏe nhân dân và phát triển "
    "sản phẩm OCOP; thu ngân sách đạt 94% kế hoạch, giải ngân vốn đầu tư công đạt 58%."
)


def build(paragraphs: int) -> bytes:
    """A .docx of ``paragraphs`` paragraphs (rounded to 400) of runs, every third word
    bold and every fifth italic, a small table every 40 paragraphs. The XML is written
    directly (python-docx's add_run is far too slow for thousands of paragraphs)."""
    import docx
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def run(word: str, i: int) -> str:
        props = ("<w:b/>" if i % 3 == 2 else "") + ("<w:i/>" if i % 5 == 4 else "")
        return f'<w:r>{"<w:rPr>" + props + "</w:rPr>" if props else ""}<w:t xml:space="preserve">{word} </w:t></w:r>'

    paragraph = "<w:p>" + "".join(run(w, i) for i, w in enumerate(PARAGRAPH.split(" "))) + "</w:p>"
    cell = lambda text: f"<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"  # noqa: E731
    table = f"<w:tbl><w:tr>{cell('Chỉ tiêu')}{cell('Kết quả')}</w:tr><w:tr>{cell('Sản phẩm OCCOP')}{cell('7 sản phẩm')}</w:tr></w:tbl>"
    block = "".join(paragraph + (table if i % 40 == 39 else "") for i in range(400))

    def save(blocks: int) -> bytes:
        document = docx.Document()
        document.add_heading("BÁO CÁO KẾT QUẢ GIAO BAN THÁNG 3 NĂM 2023", 1)
        body = document.element.body
        for element in parse_xml(f"<w:body {ns}>{block * blocks}</w:body>"):
            body.insert(len(body) - 1, element)
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()

    return save(max(1, round(paragraphs / 400)))


def timed(fn, repeat: int):
    times, value = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), value


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--paragraphs", type=int, default=2000, help="about 60 pages per 400")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from giaoban_qa.annotate import accept_all_changes, annotate_docx_tracked
    from giaoban_qa.config import Config
    from giaoban_qa.engine import check_source, selected_rules
    from giaoban_qa.loaders import load_bytes

    data = build(args.paragraphs)
    config = Config()
    rules = selected_rules(config)
    t_load, source = timed(lambda: load_bytes(data, "big.docx", "docx"), args.repeat)
    t_check, (doc, findings) = timed(lambda: check_source(source, rules, config), args.repeat)
    t_annotate, (annotated, tracked) = timed(lambda: annotate_docx_tracked(data, findings), args.repeat)
    t_accept, _ = timed(lambda: accept_all_changes(annotated), 1)
    print(f"docx: {args.paragraphs} paragraphs, {len(data) / 1048576:.2f} MiB zipped, {len(source.text):,} characters, {len(findings)} findings, {len(tracked)} tracked changes")
    print(f"read (text + run map)   {t_load:6.2f} s")
    print(f"check (all rules)       {t_check:6.2f} s")
    print(f"annotate                {t_annotate:6.2f} s")
    print(f"read + check + annotate {t_load + t_check + t_annotate:6.2f} s")
    print(f"accept all changes      {t_accept:6.2f} s")
    try:
        from pdf_helpers import reportlab_pdf

        text = "BÁO CÁO GIAO BAN\n\n" + "\n\n".join([PARAGRAPH] * 200)
        pdf = reportlab_pdf(text)
        t_pdf, src = timed(lambda: load_bytes(pdf, "r.pdf", "pdf"), args.repeat)
        print(f"pdf: {len(src.pages or [])} pages, read in {t_pdf:6.2f} s ({t_pdf / max(1, len(src.pages or [])):.3f} s/page)")
    except Exception as exc:  # reportlab or its font missing: the PDF line is optional
        print(f"pdf: skipped ({type(exc).__name__}: {exc})")


if __name__ == "__main__":
    main()
