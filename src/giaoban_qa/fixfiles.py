"""``check --fix`` / ``--diff`` on files: plan each file's fixes, show or write them.

.txt/.md are rewritten with their encoding, byte-order mark and line endings kept (the
fixes replace characters inside lines; every other byte is the file's own, which
``plan_fix`` proves by re-encoding the unfixed text and comparing it with the file);
.docx files get the fixes as tracked changes by "giaoban-qa" (the editor accepts or
rejects them in Word); .html pages and standard input are reported, not rewritten.
Files are written atomically, keeping their permissions.
"""

from __future__ import annotations

import codecs
import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path

from giaoban_qa.findings import Located
from giaoban_qa.fixes import apply_fixes, chosen
from giaoban_qa.i18n import Text


@dataclass
class FilePlan:
    path: str
    kind: str
    before: str  # the text offsets point into, as read
    after: str  # the same text with the fixes applied (for .docx: as if accepted)
    applied: list[Located] = field(default_factory=list)
    data: bytes | None = None  # the new file, None when it is not rewritten
    note: Text | None = None  # why a file with fixes is not rewritten

    @property
    def changed(self) -> bool:
        return self.after != self.before


def _encoding_of(data: bytes) -> tuple[str, bytes]:
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return encoding, bom
    return "utf-8", b""


def plan_fix(path: str, kind: str, findings: list[Located], unsafe: bool = False) -> FilePlan | None:
    """What fixing ``path`` would change; None when none of its findings is fixable."""
    todo = chosen(findings, unsafe)
    if not todo:
        return None
    if path == "-" or path.startswith("<") or not Path(path).is_file():
        return FilePlan(path, kind, "", "", note=Text("fix.note-stdin"))
    data = Path(path).read_bytes()
    if kind == "docx":
        return _plan_docx(path, data, findings, todo)
    if kind == "html":
        # Offsets point into the page's extracted text, not its markup: nothing to rewrite.
        return FilePlan(path, kind, "", "", note=Text("fix.note-html", {"n": len(todo)}))
    from giaoban_qa.loaders.decode import decode_bytes

    before = decode_bytes(data, path)
    after, applied = apply_fixes(before, findings, unsafe)
    encoding, bom = _encoding_of(data)
    if bom + before.encode(encoding) != data:
        return FilePlan(path, kind, before, before, note=Text("fix.note-roundtrip"))
    return FilePlan(path, kind, before, after, applied, data=bom + after.encode(encoding))


def _plan_docx(path: str, data: bytes, findings: list[Located], todo: list[Located]) -> FilePlan:
    from giaoban_qa.annotate import annotate_docx_changes
    from giaoban_qa.loaders.docx import docx_text

    before = docx_text(data, path)
    new, tracked = annotate_docx_changes(data, findings, changes=todo)
    if not tracked:
        return FilePlan(path, "docx", before, before, note=Text("fix.note-docx"))
    return FilePlan(path, "docx", before, docx_text(new, path), tracked, data=new)


def write_plan(plan: FilePlan) -> None:
    """Rewrite the file atomically with its permissions kept."""
    from giaoban_qa.reporters import write_atomic

    if plan.data is None:
        return
    mode = os.stat(plan.path).st_mode & 0o7777
    write_atomic(plan.path, plan.data, mode=mode)


def unified_diff(plan: FilePlan) -> str:
    """The plan as a unified diff of the text (for .docx: the text as if accepted)."""
    label = plan.path.replace("\\", "/")
    # git's a/ b/ prefixes for relative paths; an absolute path is shown as it is.
    before, after = (label, label) if Path(plan.path).is_absolute() else (f"a/{label}", f"b/{label}")
    lines = difflib.unified_diff(plan.before.splitlines(keepends=True), plan.after.splitlines(keepends=True), fromfile=before, tofile=after)
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)
