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
        raise InputError(f"{path}: reading .docx needs the python-docx package") from None
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(f"{path}: not a readable .docx file (not a zip package; an old .doc must be saved as .docx)")
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError):
        raise InputError(f"{path}: not a readable .docx file (no Word document inside the zip package)") from None
    except Exception as exc:  # truncated zip, bad XML (lxml), ValueError: all mean a broken file
        raise InputError(f"{path}: not a readable .docx file (damaged: {type(exc).__name__})") from None
    lines: list[str] = []
    body = document.element.body
    # Walk the body in order so tables stay where they are in the document.
    for block in body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(_paragraph_text(block))
        elif tag == "tbl":
            for row in block.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tr"):
                cells = [
                    " ".join(_paragraph_text(p) for p in cell.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")).strip()
                    for cell in row.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tc")
                ]
                lines.append(" | ".join(cells))
    return "\n".join(lines).strip("\n") + "\n"


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraph_text(p) -> str:
    parts: list[str] = []
    for node in p.iter():
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
