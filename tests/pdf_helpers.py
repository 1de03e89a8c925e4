"""PDFs made for tests by a second producer (reportlab), and a scanned one."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu")


def _font() -> str:
    for folder in FONT_DIRS:
        path = Path(folder) / "DejaVuSans.ttf"
        if path.exists():
            return str(path)
    pytest.skip("no DejaVu Sans font (fonts-dejavu-core) for reportlab to embed")


def reportlab_pdf(text: str, header: str = "UBND HUYỆN – BẢN TIN NỘI BỘ") -> bytes:
    """``text`` typeset by reportlab (paragraphs wrapped and justified by it, DejaVu Sans
    embedded), a running header and "Trang N" on every page."""
    pytest.importorskip("reportlab")
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    pdfmetrics.registerFont(TTFont("DejaVuSans", _font()))
    body = ParagraphStyle("body", fontName="DejaVuSans", fontSize=11, leading=15, alignment=TA_JUSTIFY, spaceAfter=8)
    title = ParagraphStyle("title", parent=body, fontSize=14, leading=19)

    def running(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("DejaVuSans", 9)
        canvas.drawString(72, A4[1] - 40, header)
        canvas.drawCentredString(A4[0] / 2, 30, f"Trang {doc.page}")
        canvas.restoreState()

    story = []
    for i, line in enumerate(ln.strip() for ln in text.splitlines()):
        if line:
            escaped = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            story.append(Paragraph(escaped, title if i == 0 else body))
        else:
            story.append(Spacer(1, 2))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, topMargin=72, bottomMargin=72).build(story, onFirstPage=running, onLaterPages=running)
    return out.getvalue()


def scanned_pdf() -> bytes:
    """A page that is only an image (what a scanner makes): no text layer at all."""
    pytest.importorskip("reportlab")
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (600, 800), 255)
    draw = ImageDraw.Draw(image)
    for y in range(60, 760, 24):  # lines of "text" as a scanner sees them: ink, not letters
        draw.rectangle([50, y, 550 - (y * 7) % 120, y + 10], fill=0)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.drawImage(ImageReader(io.BytesIO(buffer.getvalue())), 0, 0, width=A4[0], height=A4[1])
    page.showPage()
    page.save()
    return out.getvalue()


# The first bytes of an OLE compound file: what every old Word .doc starts with.
OLE_DOC = bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 504


def page_texts(data: bytes) -> list[str]:
    """Each page's text by pdfminer's plain extraction (not our loader), whitespace folded."""
    from pdfminer.high_level import extract_text

    import unicodedata

    from pdfminer.pdfpage import PDFPage

    count = sum(1 for _ in PDFPage.get_pages(io.BytesIO(data)))
    return [re.sub(r"\s+", " ", unicodedata.normalize("NFC", extract_text(io.BytesIO(data), page_numbers=[i]))) for i in range(count)]


def raw_pdf(contents: list[bytes], declared_pages: int | None = None) -> bytes:
    """A PDF written by hand: one page per content stream in ``contents`` (each stored
    Flate-compressed), text in the standard Helvetica font (nothing embedded), the page
    tree's /Count as ``declared_pages`` (default: the true count; a hostile file may lie)."""
    import zlib

    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below, once the page tree's number is known
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    tree = add(b"")
    kids = []
    for content in contents:
        packed = zlib.compress(content, 9)
        stream = add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (tree, font, stream)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    count = len(kids) if declared_pages is None else declared_pages
    objects[tree - 1] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % count
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref))
    return out.getvalue()


def text_page(lines: list[str]) -> bytes:
    """A content stream that writes ``lines`` (ASCII) down the page in Helvetica."""
    ops = [b"BT /F1 10 Tf 12 TL 40 700 Td"]  # below the top margin, where running headers are dropped
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(b"(" + escaped.encode("ascii") + b") Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)
