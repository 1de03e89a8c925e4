"""Text of a .docx file: body paragraphs and table cells, one paragraph per line."""

from __future__ import annotations

import io
import zipfile

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
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError(f"{path}: not a readable .docx file (damaged: {type(exc).__name__})") from None
    if len(parts) > MAX_PARTS:
        raise InputError(f"{path}: .docx package has {len(parts)} parts, more than {MAX_PARTS}")
    total = sum(info.file_size for info in parts)
    if total > max_bytes:
        raise InputError(
            f"{path}: .docx content is {total / 1048576:.1f} MiB uncompressed, over the "
            f"{max_bytes / 1048576:g} MiB limit (raise --max-size)"
        )


def docx_text(data: bytes, path: str, max_bytes: int = 20 * 1024 * 1024) -> str:
    try:
        import docx  # python-docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - dependency declared in pyproject
        raise InputError(f"{path}: reading .docx needs the python-docx package") from None
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(f"{path}: not a readable .docx file (not a zip package; an old .doc must be saved as .docx)")
    check_package_size(data, path, max_bytes)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError):
        raise InputError(f"{path}: not a readable .docx file (no Word document inside the zip package)") from None
    except Exception as exc:  # truncated zip, bad XML (lxml), ValueError: all mean a broken file
        raise InputError(f"{path}: not a readable .docx file (damaged: {type(exc).__name__})") from None
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
