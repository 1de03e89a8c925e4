"""Text of a .docx file: body paragraphs and table cells, one paragraph per line.

The walk that builds the text also records where every character came from (a ``w:t``
element and an offset in it, a ``w:tab``/``w:br`` element, or a separator the walk itself
added), so ``giaoban_qa.annotate`` maps a finding's offsets back to the runs it covers
from the very walk that produced the offsets: the two cannot drift apart.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import Any

from giaoban_qa.loaders.decode import InputError


# A .docx is a zip package whose parts python-docx reads whole into memory: a 3 MB file can
# hold a 3 GB part. The sizes the zip's directory declares are checked before parsing
# (zipfile never inflates a part past its declared size, so they cannot lie about it).
MAX_PARTS = 10_000


def check_package_size(data: bytes, path: str, max_bytes: int) -> None:
    """Refuse a package whose parts, uncompressed, exceed ``max_bytes`` or number more
    than ``MAX_PARTS`` (``InputError``, one line)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = package.infolist()
    except Exception as exc:  # BadZipFile, NotImplementedError ("zip file version 6.7"), EOFError: damaged
        raise InputError("input.docx-damaged", path=path, error=type(exc).__name__) from None
    if len(parts) > MAX_PARTS:
        raise InputError("input.docx-too-many-parts", path=path, parts=len(parts), limit=MAX_PARTS)
    total = sum(info.file_size for info in parts)
    if total > max_bytes:
        raise InputError("input.docx-too-large", path=path, size=f"{total / 1048576:.1f}", limit=f"{max_bytes / 1048576:g}")


@dataclass
class Piece:
    """``text[start:end]`` of the extracted text and where it came from: ``node`` is a
    ``w:t`` element (``node.text[offset:offset + end - start]`` is that text), a ``w:tab``/
    ``w:br``/``w:cr`` element (one character), or None for a separator added by the walk
    (line breaks between paragraphs, `` | `` between cells, brackets round superscripts)."""

    start: int
    end: int
    node: Any
    offset: int = 0
    superscript: bool = False


# A segment while a line is being built: (text, node, offset into node.text, superscript).
_Seg = tuple[str, Any, int, bool]


def open_docx(data: bytes, path: str, max_bytes: int = 20 * 1024 * 1024):
    """The python-docx ``Document`` of ``data``, or a one-line ``InputError``."""
    try:
        import docx  # python-docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - dependency declared in pyproject
        raise InputError("input.docx-needs-package", path=path) from None
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError("input.docx-not-zip", path=path)
    check_package_size(data, path, max_bytes)
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError):
        raise InputError("input.docx-no-document", path=path) from None
    except Exception as exc:  # truncated zip, bad XML (lxml), ValueError: all mean a broken file
        raise InputError("input.docx-damaged", path=path, error=type(exc).__name__) from None


def docx_text(data: bytes, path: str, max_bytes: int = 20 * 1024 * 1024) -> str:
    return docx_text_map(open_docx(data, path, max_bytes))[0]


def docx_text_map(document) -> tuple[str, list[Piece]]:
    """The extracted text of a python-docx ``Document`` and the pieces it is made of, in
    order and covering every character."""
    lines: list[list[_Seg]] = []
    # Walk the body in order so tables stay where they are in the document.
    _block_lines(document.element.body, lines)
    segs: list[_Seg] = []
    for i, line in enumerate(lines):
        if i:
            segs.append(("\n", None, 0, False))
        segs.extend(line)
    segs = _strip(segs, "\n")
    segs.append(("\n", None, 0, False))
    pieces: list[Piece] = []
    parts: list[str] = []
    pos = 0
    for text, node, offset, sup in segs:
        if not text:
            continue
        parts.append(text)
        pieces.append(Piece(pos, pos + len(text), node, offset, sup))
        pos += len(text)
    return "".join(parts), pieces


def _strip(segs: list[_Seg], chars: str | None = None) -> list[_Seg]:
    """``str.strip`` over a list of segments, keeping each remaining character's origin."""
    segs = [s for s in segs if s[0]]
    while segs:
        text, node, offset, sup = segs[0]
        kept = text.lstrip(chars)
        if kept:
            segs[0] = (kept, node, offset + len(text) - len(kept), sup)
            break
        segs.pop(0)
    while segs:
        text, node, offset, sup = segs[-1]
        kept = text.rstrip(chars)
        if kept:
            segs[-1] = (kept, node, offset, sup)
            break
        segs.pop()
    return segs


def _join(lines: list[list[_Seg]], sep: str) -> list[_Seg]:
    out: list[_Seg] = []
    for i, line in enumerate(lines):
        if i:
            out.append((sep, None, 0, False))
        out.extend(line)
    return out


def _block_lines(container, lines: list[list[_Seg]]) -> None:
    """Paragraphs and tables that are direct children of ``container``, in order; content
    controls (w:sdt) are looked into. Each piece of text is emitted once."""
    for block in container.iterchildren():
        if block.tag == _W + "tbl":
            _table_lines(block, lines)
        else:
            _block_lines_of(block, lines)


def _table_lines(table, lines: list[list[_Seg]]) -> None:
    """One line per row, cells joined by " | "; a table nested in a cell follows its row."""
    for row in table.iterchildren(_W + "tr"):
        cells: list[list[_Seg]] = []
        nested: list[list[_Seg]] = []
        for cell in row.iterchildren(_W + "tc"):
            cell_lines: list[list[_Seg]] = []
            for block in cell.iterchildren():
                if block.tag == _W + "tbl":
                    _table_lines(block, nested)
                else:
                    _block_lines_of(block, cell_lines)
            cells.append(_strip(_join(cell_lines, " ")))
        lines.append(_join(cells, " | "))
        lines.extend(nested)


def _block_lines_of(block, lines: list[list[_Seg]]) -> None:
    if block.tag == _W + "p":
        lines.append(_paragraph_segments(block))
    elif block.tag in (_W + "sdt", _W + "customXml"):
        inner = block.find(_W + "sdtContent") if block.tag == _W + "sdt" else block
        if inner is not None:
            _block_lines(inner, lines)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _paragraph_segments(p) -> list[_Seg]:
    parts: list[_Seg] = []
    # A text box is stored twice (the drawing and its VML fallback): read it once.
    fallback = {node for fb in p.iter(_MC_FALLBACK) for node in fb.iter()}
    # Superscript runs (footnote marks) would glue digits onto numbers: bracket them. One
    # query per paragraph: walking every run's properties costs a proxy per element.
    superscript = set(_superscript_texts()(p)) if _has_superscript(p) else set()
    # Only the elements that make text are visited (python-docx builds a Python object for
    # every element a walk touches).
    for node in p.iter(_W + "t", _W + "tab", _W + "br", _W + "cr"):
        if fallback and node in fallback:
            continue
        tag = node.tag
        if tag == _W + "t":
            text = node.text
            if not text:
                continue
            if node in superscript:
                parts.extend([("[", None, 0, True), (text, node, 0, True), ("]", None, 0, True)])
            else:
                parts.append((text, node, 0, False))
        elif tag == _W + "tab":
            parts.append(("\t", node, 0, False))
        else:
            parts.append((" ", node, 0, False))
    return parts


_XPATH: list = []


def _superscript_texts():
    """The compiled query for the w:t of superscript runs (compiled once, lxml is loaded by
    python-docx anyway)."""
    if not _XPATH:
        from lxml import etree

        _XPATH.append(etree.XPath("./descendant::w:r[w:rPr/w:vertAlign/@w:val='superscript']/w:t", namespaces={"w": _W[1:-1]}))
    return _XPATH[0]


def _has_superscript(p) -> bool:
    for _ in p.iter(_W + "vertAlign"):
        return True
    return False
