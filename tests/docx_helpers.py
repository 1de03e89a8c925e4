"""Building .docx files for tests and reading back what giaoban-qa wrote into them."""

from __future__ import annotations

import io
import re

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DATE_OR_WORD = re.compile(r"(\d[\d/]*\d|\S+)")


def styled_docx(text: str) -> bytes:
    """A .docx of ``text`` as an editor would style it: the first line a heading, lines
    that look like a heading (short, upper case) as headings, every third word of a body
    paragraph bold and every fifth italic (so words and findings cross run boundaries),
    and lines with " | " as rows of a table."""
    import docx

    document = docx.Document()
    lines = [ln.strip() for ln in text.splitlines()]
    table_rows: list[list[str]] = []

    def flush_table() -> None:
        if not table_rows:
            return
        cols = max(len(r) for r in table_rows)
        table = document.add_table(rows=len(table_rows), cols=cols)
        for i, row in enumerate(table_rows):
            for j, cell in enumerate(row):
                table.cell(i, j).text = cell
        table_rows.clear()

    first = True
    for line in lines:
        if not line:
            continue
        if " | " in line:
            table_rows.append([c.strip() for c in line.split(" | ")])
            continue
        flush_table()
        if first or (len(line) < 80 and line.upper() == line):
            document.add_heading(line, 1 if first else 2)
            first = False
            continue
        paragraph = document.add_paragraph()
        for i, word in enumerate(re.split(r"(\s+)", line)):
            if not word:
                continue
            run = paragraph.add_run(word)
            k = i // 2
            run.bold = k % 3 == 2
            run.italic = k % 5 == 4
    flush_table()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def comment_anchors(data: bytes) -> dict[int, str]:
    """Each comment's id and the document text its range covers, as the document was before
    the tracked changes (deleted text counted, inserted text not)."""
    import docx

    document = docx.Document(io.BytesIO(data))
    open_ids: list[str] = []
    texts: dict[str, list[str]] = {}
    for node in document.element.body.iter():
        if node.tag == W + "commentRangeStart":
            open_ids.append(node.get(W + "id"))
            texts.setdefault(node.get(W + "id"), [])
        elif node.tag == W + "commentRangeEnd":
            open_ids.remove(node.get(W + "id"))
        elif node.tag in (W + "t", W + "delText") and node.text:
            if node.tag == W + "t" and any(a.tag == W + "ins" for a in node.iterancestors()):
                continue
            for i in open_ids:
                texts[i].append(node.text)
    return {int(k): "".join(v) for k, v in texts.items()}


def tracked_changes(data: bytes) -> list[tuple[str, str, str]]:
    """(author, deleted text, inserted text) of each change: the deletions met in document
    order up to the insertion that ends them."""
    import docx

    document = docx.Document(io.BytesIO(data))
    out = []
    deleted: list[str] = []
    author = None
    for node in document.element.body.iter(W + "del", W + "ins"):
        if node.tag == W + "del":
            deleted.append("".join(t.text or "" for t in node.iter(W + "delText")))
            author = node.get(W + "author")
        else:
            out.append((node.get(W + "author"), "".join(deleted), "".join(t.text or "" for t in node.iter(W + "t"))))
            deleted, author = [], None
    if deleted:
        out.append((author, "".join(deleted), ""))
    return out
