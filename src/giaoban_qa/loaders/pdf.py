"""Text of a PDF with a text layer: paragraphs in reading order, one per line.

Read with pdfminer.six (MIT, maintained; pure Python, so nothing to compile): its layout
analysis groups characters into lines and text boxes in reading order (columns too).
On top of it:

- a paragraph is a text box, split where a line ends short of the box's right edge, the
  next line is indented or the type size changes (a heading over its text); the lines of a paragraph are joined by one space, a line ending
  in a hyphen is joined without one (Vietnamese syllables are not hyphenated by
  typesetters, so the hyphen is the text's own: "Covid-19", "kinh tế-xã hội"), a soft
  hyphen is dropped; a paragraph running over a page break is joined again;
- lines in the top or bottom margin that repeat on several pages (running headers and
  footers) or are a page number ("3", "- 3 -", "Trang 3/10") are dropped;
- combining marks are glued to their letter and the text is NFC, so a PDF whose font
  draws "ệ" as "e" + two marks reads like one that draws it whole.

Each page's first offset is kept so a finding can name its page.

A PDF is bounded like a .docx (issue 17): its file size is checked against ``--max-size``
before it is read, but a small file can hold a great deal, so while it is parsed the
number of pages (``MAX_PAGES``), the bytes its compressed streams inflate to
(``STREAM_FACTOR`` times ``--max-size``; inflated in bounded steps, so a stream bomb never
reaches memory) and the text read so far (``--max-size`` in UTF-8) are checked too, and
reading stops with a one-line error at the first one over its limit.
"""

from __future__ import annotations

import io
import re
import threading
import unicodedata
import zlib
from dataclasses import dataclass

from giaoban_qa.loaders.decode import InputError, NotReadable

_PAGE_NUMBER = re.compile(r"(?i)^\s*(?:trang|page|tr\.)?\s*[-–—]?\s*\d{1,4}\s*(?:(?:/|của|of|trên)\s*\d{1,4})?\s*[-–—]?\s*$")
_SPACES = re.compile(r"[ \t\u00a0]{2,}")
_SPACE_BEFORE_MARK = re.compile(r"\s+(?=[\u0300-\u036f])")
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"})
# Share of a page's height that counts as its top or bottom margin.
_MARGIN = 0.08
# The most pages read (a .docx may have as many parts): a 20 MB file can declare 100,000
# pages that share one content stream, and each costs a layout analysis.
MAX_PAGES = 10_000
# Content streams hold drawing operators besides the text, fonts and images are streams
# too: what a document's streams inflate to may be several times its text, never this much.
STREAM_FACTOR = 10


class _TooLarge(Exception):
    """Raised inside pdfminer's stream decoding when the inflate budget is spent."""


class _InflateBudget(threading.local):
    remaining: int | None = None
    spent = False  # set when _TooLarge was raised, should a caller in pdfminer swallow it


_BUDGET = _InflateBudget()


class _BoundedZlib:
    """Stands in for the ``zlib`` module inside ``pdfminer.pdftypes``: while a budget is set
    (only during ``pdf_text``, per thread), inflating stops with ``_TooLarge`` as soon as
    the output would pass it, in steps of at most the budget left, so a stream that
    inflates to gigabytes costs no more memory than the budget. Without a budget it is
    plain zlib."""

    error = zlib.error

    @staticmethod
    def decompress(data: bytes, *args, **kwargs) -> bytes:
        if _BUDGET.remaining is None:
            return zlib.decompress(data, *args, **kwargs)
        inflater = _BoundedZlib.decompressobj(*args[:1], **{k: v for k, v in kwargs.items() if k == "wbits"})
        out = inflater.decompress(data)
        if not inflater.eof:
            raise zlib.error("incomplete or truncated stream")  # what zlib.decompress says
        return out

    @staticmethod
    def decompressobj(*args, **kwargs):
        inner = zlib.decompressobj(*args, **kwargs)
        if _BUDGET.remaining is None:
            return inner
        return _BoundedInflater(inner)

    def __getattr__(self, name: str):
        return getattr(zlib, name)


class _BoundedInflater:
    def __init__(self, inner) -> None:
        self._inner = inner

    @property
    def eof(self) -> bool:
        return self._inner.eof

    @property
    def unused_data(self) -> bytes:
        return self._inner.unused_data

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        chunks = []
        pending = data
        while True:
            remaining = _BUDGET.remaining or 0
            chunk = self._inner.decompress(pending, remaining + 1)
            pending = self._inner.unconsumed_tail
            if len(chunk) > remaining:
                _BUDGET.spent = True
                raise _TooLarge
            _BUDGET.remaining = remaining - len(chunk)
            chunks.append(chunk)
            if not pending or self._inner.eof:
                return b"".join(chunks)

    def flush(self, *args) -> bytes:
        # The input is all given to decompress, which leaves nothing unconsumed behind.
        return self._inner.flush(*args)


def _install_bounded_zlib() -> None:
    from pdfminer import pdftypes

    if not isinstance(pdftypes.zlib, _BoundedZlib):
        pdftypes.zlib = _BoundedZlib()


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    y0: float
    y1: float


@dataclass
class _Box:
    lines: list[_Line]
    x0: float
    x1: float


def pdf_text(data: bytes, path: str, max_bytes: int = 20 * 1024 * 1024) -> tuple[str, list[tuple[int, int]]]:
    """The text of a PDF and where each page starts: [(offset, page number)]. A PDF with
    more than ``MAX_PAGES`` pages, streams that inflate past ``STREAM_FACTOR * max_bytes``
    or more than ``max_bytes`` of text is refused (``InputError``)."""
    if b"%PDF-" not in data[:1024]:
        raise InputError("input.pdf-not-pdf", path=path)
    try:
        import pdfminer  # noqa: F401
    except ImportError:  # pragma: no cover - dependency declared in pyproject
        raise InputError("input.pdf-needs-package", path=path) from None
    pages: list[list[_Box]] = []
    heights: list[float] = []
    images = 0
    chars = 0
    text_bytes = 0
    limit = f"{max_bytes / 1048576:.3g}"  # --max-size 0.01 is read as 10,485 bytes: say 0.01
    _install_bounded_zlib()
    _BUDGET.remaining, _BUDGET.spent = STREAM_FACTOR * max_bytes, False
    try:
        for page in _layout_pages(data):
            if _BUDGET.spent:
                raise _TooLarge
            if len(pages) >= MAX_PAGES:
                raise InputError("input.pdf-too-many-pages", path=path, limit=MAX_PAGES)
            boxes, page_images, page_chars = _page_boxes(page)
            pages.append(boxes)
            heights.append(float(page.height) or 1.0)
            images += page_images
            chars += page_chars
            # Each line becomes at most its text and one separator in the document.
            text_bytes += sum(len(line.text.encode("utf-8", "surrogatepass")) + 1 for box in boxes for line in box.lines)
            if text_bytes > max_bytes:
                raise InputError("input.pdf-text-too-large", path=path, pages=len(pages), limit=limit)
        if _BUDGET.spent:
            raise _TooLarge
    except InputError:
        raise
    except _TooLarge:
        raise InputError("input.pdf-streams-too-large", path=path, size=f"{STREAM_FACTOR * max_bytes / 1048576:.3g}", limit=limit) from None
    except Exception as exc:  # pdfminer raises its own syntax, encryption and EOF errors
        name = type(exc).__name__
        if "Encrypt" in name or "Password" in name:
            raise InputError("input.pdf-encrypted", path=path) from None
        raise InputError("input.pdf-damaged", path=path, error=name) from None
    finally:
        _BUDGET.remaining = None
    if not pages:
        raise InputError("input.pdf-no-pages", path=path)
    if chars == 0:
        if images:
            raise NotReadable("input.pdf-scanned", path=path)
        raise NotReadable("input.pdf-no-text", path=path)
    _drop_headers_and_footers(pages, heights)
    text, starts = _assemble(pages)
    if text.count("(cid:") > max(3, len(text) // 200):
        raise InputError("input.pdf-no-unicode", path=path)
    return text, starts


def _layout_pages(data: bytes):
    """pdfminer's analysed pages, with every combining mark glued to the character before
    it before the layout analysis runs: a font that draws "ệ" as "e" and two zero-width
    marks would otherwise have the marks split off into lines of their own."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTChar
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    class MarkGluingAggregator(PDFPageAggregator):
        def render_char(self, *args, **kwargs) -> float:
            advance = super().render_char(*args, **kwargs)
            items = self.cur_item._objs
            if len(items) >= 2 and isinstance(items[-1], LTChar) and isinstance(items[-2], LTChar):
                mark = items[-1].get_text()
                if mark and all(unicodedata.combining(c) for c in mark):
                    items[-2]._text += mark
                    items.pop()
            return advance

    resources = PDFResourceManager(caching=True)
    device = MarkGluingAggregator(resources, laparams=LAParams())
    interpreter = PDFPageInterpreter(resources, device)
    for page in PDFPage.get_pages(io.BytesIO(data)):
        interpreter.process_page(page)
        yield device.get_result()


def _page_boxes(page) -> tuple[list[_Box], int, int]:
    from pdfminer.layout import LTChar, LTFigure, LTImage, LTTextBox, LTTextLine

    boxes: list[_Box] = []
    images = 0
    chars = 0

    def count(item) -> None:
        nonlocal images, chars
        if isinstance(item, LTImage):
            images += 1
        elif isinstance(item, LTChar):
            chars += 1
        elif isinstance(item, LTFigure):
            for child in item:
                count(child)

    for item in page:
        if isinstance(item, LTTextBox):
            lines = [
                _Line(_clean(line.get_text()), line.x0, line.x1, line.y0, line.y1)
                for line in item
                if isinstance(line, LTTextLine) and line.get_text().strip()
            ]
            chars += sum(len(line.text) for line in lines)
            if lines:
                boxes.append(_Box(lines, item.x0, item.x1))
        else:
            count(item)
    return boxes, images, chars


def _clean(text: str) -> str:
    text = text.replace("\n", " ").replace("\r", " ").translate(_LIGATURES)
    # Justified lines have wide gaps that the layout analysis reads as several spaces.
    text = _SPACES.sub(" ", _SPACE_BEFORE_MARK.sub("", text))
    return unicodedata.normalize("NFC", text).strip()


def _drop_headers_and_footers(pages: list[list[_Box]], heights: list[float]) -> None:
    def in_margin(line: _Line, height: float) -> bool:
        middle = (line.y0 + line.y1) / 2
        return middle > height * (1 - _MARGIN) or middle < height * _MARGIN

    seen: dict[str, set[int]] = {}
    for number, (boxes, height) in enumerate(zip(pages, heights)):
        for box in boxes:
            for line in box.lines:
                if in_margin(line, height):
                    seen.setdefault(re.sub(r"\d+", "#", line.text.casefold()), set()).add(number)
    repeated = {key for key, on in seen.items() if len(on) >= 2}
    for boxes, height in zip(pages, heights):
        for box in boxes:
            box.lines = [
                line
                for line in box.lines
                if not (in_margin(line, height) and (_PAGE_NUMBER.match(line.text) or re.sub(r"\d+", "#", line.text.casefold()) in repeated))
            ]
        boxes[:] = [b for b in boxes if b.lines]


def _paragraphs(box: _Box) -> list[list[_Line]]:
    """A box's lines grouped into paragraphs: a line ending well short of the box's right
    edge ends one, and so does a line followed by an indented one."""
    width = max(box.x1 - box.x0, 1.0)
    out: list[list[_Line]] = [[box.lines[0]]]
    for previous, line in zip(box.lines, box.lines[1:]):
        short = previous.x1 < box.x1 - 0.15 * width
        indented = line.x0 > box.x0 + 0.03 * width and line.x0 > previous.x0 + 0.03 * width
        # A heading over body text: the type size changes.
        resized = abs((line.y1 - line.y0) - (previous.y1 - previous.y0)) > 0.15 * max(previous.y1 - previous.y0, 1.0)
        if short or indented or resized:
            out.append([line])
        else:
            out[-1].append(line)
    return out


def _join(left: str, right: str) -> str:
    if left.endswith("\u00ad"):
        return left[:-1] + right
    if left.endswith("-") and len(left) > 1 and not left[-2].isspace():
        return left + right
    return left + " " + right


def _assemble(pages: list[list[_Box]]) -> tuple[str, list[tuple[int, int]]]:
    paragraphs: list[str] = []
    # Where each page's text begins: (paragraph index, offset in that paragraph, page).
    marks: list[tuple[int, int, int]] = []
    open_end = False  # the last paragraph's last line was full: it may go on next page
    for number, boxes in enumerate(pages, 1):
        first_on_page = True
        for box in boxes:
            for group in _paragraphs(box):
                text = group[0].text
                for line in group[1:]:
                    text = _join(text, line.text)
                if first_on_page and open_end and paragraphs and text[:1].islower():
                    joined = _join(paragraphs[-1], text)
                    marks.append((len(paragraphs) - 1, len(joined) - len(text), number))
                    paragraphs[-1] = joined
                else:
                    if first_on_page:
                        marks.append((len(paragraphs), 0, number))
                    paragraphs.append(text)
                first_on_page = False
                open_end = len(group) > 1 and group[-1].x1 >= box.x1 - 0.15 * max(box.x1 - box.x0, 1.0)
    offsets = [0]
    for paragraph in paragraphs:
        offsets.append(offsets[-1] + len(paragraph) + 1)
    return "\n".join(paragraphs) + "\n", [(offsets[i] + within, number) for i, within, number in marks]
