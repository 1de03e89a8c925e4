"""The terminal view: findings grouped by file, the line with the span highlighted."""

from __future__ import annotations

import io
from typing import Any

from giaoban_qa.engine import RunResult
from giaoban_qa.findings import Located
from giaoban_qa.i18n import t
from giaoban_qa.safe_text import printable

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render(result: RunResult, lang: str = "vi", color: bool | None = None, width: int | None = None,
           verbose: bool = False, quiet: bool = False, **_: Any) -> str:
    from rich.console import Console
    from rich.text import Text

    from giaoban_qa.coverage import coverage_line

    buf = io.StringIO()
    if width is None:
        import shutil

        width = max(80, shutil.get_terminal_size((120, 24)).columns) if color else 120
    console = Console(file=buf, force_terminal=bool(color), no_color=not color, width=width, highlight=False, soft_wrap=False)
    sources = {f.path: f.document for f in result.files}
    current = None
    for f in result.files:
        if f.error:
            console.print(Text(f"✗ {printable(f.error)}", style="bold magenta"), soft_wrap=True)  # one line per error
    # Never silent about a file a folder held and that was not read.
    for skipped in result.skipped:
        console.print(Text(f"– {printable(skipped.path)}: {printable(skipped.reason)}", style="dim"))
    for finding in result.findings:
        if finding.path != current:
            current = finding.path
            console.print()
            console.print(Text(printable(finding.path), style="bold underline"))
        _print_finding(console, finding, sources.get(finding.path), lang, verbose)
    if quiet:
        return buf.getvalue()
    console.print()
    if any(f.coverage for f in result.files):
        # One line, however long, a script can grep for; the counts stay the last lines.
        console.print(Text(coverage_line(result.coverage(), lang), style="dim"), soft_wrap=True)
    for line, style in summary_lines(result, lang):
        console.print(Text(line, style=style))
    return buf.getvalue()


def summary_lines(result: RunResult, lang: str) -> list[tuple[str, str]]:
    """The run's summary in words: "5 tệp, 17 phát hiện (2 lỗi, 15 cảnh báo)" /
    "5 files, 17 findings (2 errors, 15 warnings)", then what was unreadable or set aside."""
    counts = result.by_severity()
    files = t("n.files", lang, n=len(result.files))
    lines = []
    if result.findings:
        by_sev = ", ".join(t(f"n.{s}", lang, n=n) for s, n in counts.items() if n)
        lines.append((t("term.summary", lang, files=files, findings=t("n.findings", lang, n=len(result.findings)), counts=by_sev), "bold"))
    elif result.input_errors:
        lines.append((t("term.clean-read", lang, files=files), "bold"))
    else:
        lines.append((t("term.clean", lang, files=files), "bold green"))
    extras = []
    if result.input_errors:
        extras.append(t("n.unreadable", lang, n=result.input_errors))
    if result.skipped:
        extras.append(t("n.skipped", lang, n=len(result.skipped)))
    if result.suppressed:
        extras.append(t("n.suppressed", lang, n=len(result.suppressed)))
    if result.baselined:
        extras.append(t("n.baselined", lang, n=result.baselined))
    if extras:
        lines.append(("(" + ", ".join(extras) + ")", "dim"))
    return lines


def _print_finding(console, finding: Located, doc, lang: str, verbose: bool = False) -> None:
    from rich.text import Text

    sev = finding.severity.value
    head = Text()
    where = f"{t('term.page', lang)} {finding.page}, " if finding.page is not None else ""
    head.append(f"  {where}{finding.line}:{finding.column} ", style="dim")
    head.append(f"{t('sev.' + sev, lang):<8}", style=STYLE[sev])
    head.append(f" {finding.rule}", style="bold")
    console.print(head)
    # Wrapped lines keep the indent (a bare "    " prefix would only indent the first).
    _print_indented(console, Text(printable(finding.message(lang))))
    if doc is not None:
        # One screen line of context around the span: news bodies are often one long line.
        context, marks = _context_line(doc.source, finding, console.width - 8)
        console.print(context, no_wrap=True, overflow="ellipsis")
        if console.no_color:  # without reverse video, carets under the span show where it is
            console.print(Text(marks), no_wrap=True, overflow="ellipsis")
    suggestion = finding.suggestion(lang)
    if suggestion:
        _print_indented(console, Text(f"{t('term.suggest', lang)}: {printable(suggestion)}", style="green"))
    if verbose:
        from giaoban_qa.evidence import describe_evidence

        words = describe_evidence(finding, lang)
        if words:
            _print_indented(console, Text(f"{t('term.evidence', lang)}: {printable(words)}", style="dim"))


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
    # Controls in the document are shown as escapes: an ESC sequence or a carriage return
    # in the text could otherwise erase or hide this very finding on the reader's screen.
    before = printable(source[left : finding.start].replace("\t", " "))
    span = printable(source[finding.start : end_in_line])
    after = printable(source[end_in_line:right])
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
