"""Text of a .docx file: body paragraphs and table cells, one paragraph per line."""

from __future__ import annotations

import io
import zipfile

from giaoban_qa.loaders.decode import InputError


def docx_text(data: bytes, path: str) -> str:
    try:
        import docx  # python-docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - dependency declared in pyproject
        raise InputError("input.docx-needs-package", path=path) from None
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError("input.docx-not-zip", path=path)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError):
        raise InputError("input.docx-no-document", path=path) from None
    except Exception as exc:  # truncated zip, bad XML (lxml), ValueError: all mean a broken file
        raise InputError("input.docx-damaged", path=path, error=type(exc).__name__) from None
    lines: list[str] = []
    # Walk the body in order so tables stay where they are in the document.
    _block_lines(document.element.body, lines)
    return "\n".join(lines).strip("\n") + "\n"


def _block_lines(container, lines: list[str]) -> None:
    """Paragraphs and tables that are direct children of ``container``, in order; content
    controls (w:sdt) are looked into. Each piece of text is emitted once."""
    for block in container.iterchildren():
        if block.tag == _W + "tbl":
            _table_lines(block, lines)
        else:
            _block_lines_of(block, lines)


def _table_lines(table, lines: list[str]) -> None:
    """One line per row, cells joined by " | "; a table nested in a cell follows its row."""
    for row in table.iterchildren(_W + "tr"):
        cells: list[str] = []
        nested: list[str] = []
        for cell in row.iterchildren(_W + "tc"):
            cell_lines: list[str] = []
            for block in cell.iterchildren():
                if block.tag == _W + "tbl":
                    _table_lines(block, nested)
                else:
                    _block_lines_of(block, cell_lines)
            cells.append(" ".join(cell_lines).strip())
        lines.append(" | ".join(cells))
        lines.extend(nested)


def _block_lines_of(block, lines: list[str]) -> None:
    if block.tag == _W + "p":
        lines.append(_paragraph_text(block))
    elif block.tag in (_W + "sdt", _W + "customXml"):
        inner = block.find(_W + "sdtContent") if block.tag == _W + "sdt" else block
        if inner is not None:
            _block_lines(inner, lines)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _paragraph_text(p) -> str:
    parts: list[str] = []
    # A text box is stored twice (the drawing and its VML fallback): read it once.
    fallback = {node for fb in p.iter(_MC_FALLBACK) for node in fb.iter()}
    for node in p.iter():
        if node in fallback:
            continue
        tag = node.tag
        if tag == _W + "t" and node.text:
            # Superscript runs (footnote marks) would glue digits onto numbers: bracket them.
            run = node.getparent()
            rpr = run.find(_W + "rPr") if run is not None else None
            va = rpr.find(_W + "vertAlign") if rpr is not None else None
            if va is not None and va.get(_W + "val") == "superscript":
                parts.append(f"[{node.text}]")
            else:
                parts.append(node.text)
        elif tag == _W + "tab":
            parts.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            parts.append(" ")
    return "".join(parts)
