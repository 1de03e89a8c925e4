"""Suppressions: inline markers in the checked files and ``per-file-ignores`` from the
configuration. A suppressed finding is never dropped: it moves to ``RunResult.suppressed``
with the reason, and every report format counts it.

Inline markers are HTML comments, which render invisibly in Markdown and HTML and read
plainly in a .txt file::

    <!-- giaoban-qa: ignore citation.dated-after-meeting -->   the next non-blank line
    <!-- giaoban-qa: ignore date, citation -->                 several ids or prefixes
    <!-- giaoban-qa: ignore -->                                every rule
    Some text … <!-- giaoban-qa: ignore date.malformed -->     a marker after text: its own line
    <!-- giaoban-qa: ignore-file date.published-before-event -->  the whole file

The document model blanks HTML comments out of ``doc.text``, so markers are read from
``doc.source``. For .html inputs the comments are gone from the extracted text too; they are
read from the raw page, and a line marker applies to the first block of text after it.
"""

from __future__ import annotations

import re
from pathlib import Path

from giaoban_qa.config import Config
from giaoban_qa.document import Document
from giaoban_qa.findings import Located
from giaoban_qa.records import field, record
from giaoban_qa.rules import matches

MARKER = re.compile(r"<!--\s*giaoban-qa\s*:\s*(ignore-file|ignore)\b([^>]*?)-->", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_BLOCK_END = re.compile(r"</?(?:p|div|h[1-6]|li|td|th|tr|br|section|article|blockquote|pre)\b[^>]*>", re.IGNORECASE)
_WS = re.compile(r"\s+")


@record
class Markers:
    """The markers of one file: rule patterns for the whole file and per line (1-based)."""

    whole_file: list[list[str]] = field(default_factory=list)
    by_line: dict[int, list[list[str]]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.whole_file or self.by_line)

    def reason_for(self, rule: str, line: int) -> str | None:
        for patterns in self.whole_file:
            if not patterns or matches(rule, patterns):
                return "inline marker (ignore-file)"
        for patterns in self.by_line.get(line, []):
            if not patterns or matches(rule, patterns):
                return f"inline marker (line {line})"
        return None


def parse_rules(raw: str) -> list[str]:
    """Rule ids or prefixes, separated by commas or spaces; empty means every rule."""
    return [r for r in re.split(r"[\s,]+", raw.strip()) if r]


def markers_in_text(source: str) -> Markers:
    """Markers of a .txt/.md text: a marker alone on its line applies to the next non-blank
    line; a marker after text on a line applies to that line."""
    found = Markers()
    if "giaoban-qa" not in source:  # the common case costs one scan
        return found
    line_starts = [0] + [m.end() for m in re.finditer(r"\n", source)]
    for m in MARKER.finditer(source):
        rules = parse_rules(m.group(2))
        if m.group(1).lower() == "ignore-file":
            found.whole_file.append(rules)
            continue
        line = source.count("\n", 0, m.start()) + 1
        line_start = line_starts[line - 1]
        line_end = source.find("\n", m.end())
        line_end = len(source) if line_end == -1 else line_end
        rest_of_line = MARKER.sub("", source[line_start:line_end]).strip()
        target = line if rest_of_line else _next_non_blank_line(source, line_starts, line)
        if target is not None:
            found.by_line.setdefault(target, []).append(rules)
    return found


def _next_non_blank_line(source: str, line_starts: list[int], line: int) -> int | None:
    for index in range(line, len(line_starts)):
        start = line_starts[index]
        end = source.find("\n", start)
        end = len(source) if end == -1 else end
        if source[start:end].strip():
            return index + 1
    return None


def markers_in_html(raw_html: str, extracted: str) -> Markers:
    """Markers of an HTML page, placed on lines of the extracted text: a line marker applies
    to the line of the extracted text where the first block of text after it begins."""
    found = Markers()
    if "giaoban-qa" not in raw_html:
        return found
    for m in MARKER.finditer(raw_html):
        rules = parse_rules(m.group(2))
        if m.group(1).lower() == "ignore-file":
            found.whole_file.append(rules)
            continue
        following = _first_text_block(raw_html[m.end() : m.end() + 20000])
        if not following:
            continue
        offset = _find_loose(extracted, following[:60])
        if offset is not None:
            found.by_line.setdefault(extracted.count("\n", 0, offset) + 1, []).append(rules)
    return found


def _first_text_block(markup: str) -> str:
    import html as htmllib  # only for a marker in HTML: not on every check's start

    for chunk in _BLOCK_END.split(markup):
        text = _WS.sub(" ", htmllib.unescape(_TAG.sub("", MARKER.sub("", chunk)))).strip()
        if text:
            return text
    return ""


def _find_loose(haystack: str, needle: str) -> int | None:
    """Offset of ``needle`` in ``haystack`` with any run of whitespace matching any other."""
    words = needle.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    m = re.search(pattern, haystack)
    return m.start() if m else None


def markers_for(doc: Document) -> Markers:
    if doc.kind in ("txt", "md"):
        chunks = doc.masked_chunks()
        if chunks is not None and not any("giaoban-qa" in c for c in chunks):
            # Every marker is a comment, which masking took out of the text: none here
            # (and the source of a big document is not rebuilt to look).
            return Markers()
        return markers_in_text(doc.source)
    if doc.kind == "html" and doc.path != "<stdin>":
        try:
            raw = Path(doc.path).read_bytes().decode("utf-8", errors="replace")
        except OSError:
            return Markers()
        return markers_in_html(raw, doc.source)
    return Markers()


def per_file_reason(path: str, rule: str, config: Config) -> str | None:
    from giaoban_qa.engine import ignored_for_path

    if config.per_file_ignores and ignored_for_path(path, rule, config):
        return "per-file-ignores"
    return None


def apply_suppressions(doc: Document, located: list[Located], config: Config) -> tuple[list[Located], list[Located]]:
    """Split a file's findings into (kept, suppressed); suppressed ones carry the reason."""
    if not located:
        return located, []
    markers = markers_for(doc)
    kept: list[Located] = []
    suppressed: list[Located] = []
    for finding in located:
        reason = per_file_reason(doc.path, finding.rule, config)
        if reason is None and markers:
            reason = markers.reason_for(finding.rule, finding.line)
        if reason is None:
            kept.append(finding)
        else:
            finding.suppressed = True
            finding.suppressed_by = reason
            suppressed.append(finding)
    return kept, suppressed
