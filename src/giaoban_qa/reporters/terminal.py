"""The terminal view: findings grouped by file, the line with the span highlighted."""

from __future__ import annotations

import io
from typing import Any

from giaoban_qa.engine import RunResult
from giaoban_qa.findings import Located

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
LABEL = {
    "vi": {"error": "lỗi", "warning": "cảnh báo", "info": "lưu ý", "suggest": "Gợi ý", "files": "tệp",
           "findings": "phát hiện", "clean": "Không có phát hiện nào.", "suppressed": "đã bỏ qua", "baselined": "trong baseline",
           "unreadable": "tệp không đọc được", "checked": "Không có phát hiện nào trong các tệp đã đọc."},
    "en": {"error": "error", "warning": "warning", "info": "info", "suggest": "Suggestion", "files": "file(s)",
           "findings": "finding(s)", "clean": "No findings.", "suppressed": "suppressed", "baselined": "in baseline",
           "unreadable": "file(s) could not be read", "checked": "No findings in the files that were read."},
}


def render(result: RunResult, lang: str = "vi", color: bool | None = None, width: int | None = None, quiet: bool = False, **_: Any) -> str:
    from rich.console import Console
    from rich.text import Text

    buf = io.StringIO()
    if width is None:
        import shutil

        width = max(80, shutil.get_terminal_size((120, 24)).columns) if color else 120
    console = Console(file=buf, force_terminal=bool(color), no_color=not color, width=width, highlight=False, soft_wrap=False)
    words = LABEL[lang]
    sources = {f.path: f.document for f in result.files}
    current = None
    for f in result.files:
        if f.error:
            console.print(Text(f"✗ {f.error}", style="bold magenta"))
    for finding in result.findings:
        if finding.path != current:
            current = finding.path
            console.print()
            console.print(Text(finding.path, style="bold underline"))
        _print_finding(console, finding, sources.get(finding.path), lang, words)
    if quiet:
        return buf.getvalue()
    counts = result.by_severity()
    console.print()
    if result.findings:
        summary = ", ".join(f"{n} {words[s]}" for s, n in counts.items() if n)
        console.print(Text(f"{len(result.files)} {words['files']}, {len(result.findings)} {words['findings']} ({summary})", style="bold"))
    elif result.input_errors:
        console.print(Text(f"{len(result.files)} {words['files']}. {words['checked']}", style="bold"))
    else:
        console.print(Text(f"{len(result.files)} {words['files']}. {words['clean']}", style="bold green"))
    extras = []
    if result.input_errors:
        extras.append(f"{result.input_errors} {words['unreadable']}")
    if result.suppressed:
        extras.append(f"{len(result.suppressed)} {words['suppressed']}")
    if result.baselined:
        extras.append(f"{result.baselined} {words['baselined']}")
    if extras:
        console.print(Text("(" + ", ".join(extras) + ")", style="dim"))
    return buf.getvalue()


def _print_finding(console, finding: Located, doc, lang: str, words: dict[str, str]) -> None:
    from rich.text import Text

    sev = finding.severity.value
    head = Text()
    head.append(f"  {finding.line}:{finding.column} ", style="dim")
    head.append(f"{words[sev]:<8}", style=STYLE[sev])
    head.append(f" {finding.rule}", style="bold")
    console.print(head)
    # Wrapped lines keep the indent (a bare "    " prefix would only indent the first).
    _print_indented(console, Text(finding.message(lang)))
    if doc is not None:
        # One screen line of context around the span: news bodies are often one long line.
        context, marks = _context_line(doc.source, finding, console.width - 8)
        console.print(context, no_wrap=True, overflow="ellipsis")
        if console.no_color:  # without reverse video, carets under the span show where it is
            console.print(Text(marks), no_wrap=True, overflow="ellipsis")
    suggestion = finding.suggestion(lang)
    if suggestion:
        _print_indented(console, Text(f"{words['suggest']}: {suggestion}", style="green"))


def _print_indented(console, text, indent: int = 4) -> None:
    """``text`` wrapped to the console with every line indented (a bare "    " prefix
    indents only the first line of a wrapped message)."""
    from rich.text import Text

    for line in text.wrap(console, max(20, console.width - indent)):
        line.rstrip()
        console.print(Text(" " * indent) + line, no_wrap=True)


def _context_line(source: str, finding: Located, width: int = 110):
    """The span's line cut to ``width`` around it, with the span in reverse video, and a
    line of carets under the span for output without colour."""
    from rich.cells import cell_len
    from rich.text import Text

    # Lines end at "\n", "\r\n" or a lone "\r".
    line_start = max(source.rfind("\n", 0, finding.start), source.rfind("\r", 0, finding.start)) + 1
    ends = [i for i in (source.find("\n", finding.end), source.find("\r", finding.end)) if i != -1]
    line_end = min(ends) if ends else len(source)
    end_in_line = min(finding.end, line_end)
    # Long lines (news bodies are often one line) are cut around the span.
    left = max(line_start, finding.start - (width // 2))
    right = min(line_end, max(end_in_line, finding.start) + (width // 2))
    before = source[left : finding.start].replace("\t", " ")
    span = source[finding.start : end_in_line]
    after = source[end_in_line:right]
    text = Text()
    text.append("    │ ", style="dim")
    cut = "…" if left > line_start else ""
    text.append(cut, style="dim")
    text.append(before)
    text.append(span, style="bold reverse")
    text.append(after)
    if right < line_end:
        text.append("…", style="dim")
    marks = "    │ " + " " * cell_len(cut + before) + "^" * max(1, cell_len(span))
    return text, marks
