"""Findings inside the Word file: a comment on each finding's exact text and a tracked
change (deletion + insertion by "giaoban-qa") for each exact replacement.

Offsets in findings point into the text ``loaders.docx`` extracts; the same walk
(``docx_text_map``) says which ``w:t`` element and which characters of it each offset
came from. Runs are split at the findings' edges (each part keeps the run's formatting),
so a finding covers whole runs: a comment is ``w:commentRangeStart`` before the first and
``w:commentRangeEnd`` after the last (python-docx writes the comment itself), and a
tracked change wraps the runs in ``w:del`` (their ``w:t`` become ``w:delText``) followed by
a ``w:ins`` with the replacement in the first run's formatting. Runs inside hyperlinks,
content controls and table cells are split where they are; a deletion is made of one
``w:del`` per parent the runs have.

The loader reads a tracked document as if every change were accepted (``w:delText`` is
not read, ``w:ins`` is), so checking an annotated file reports what is left to fix.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from giaoban_qa.findings import Located
from giaoban_qa.i18n import Localized
from giaoban_qa.loaders.docx import Piece, _W, docx_text_map, open_docx

if TYPE_CHECKING:
    from giaoban_qa.config import Config
    from giaoban_qa.engine import RunResult

AUTHOR = "giaoban-qa"
INITIALS = "QA"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Elements that carry a run's content but are not text we map; kept whole in their run.
_RUN_TEXT = {_W + "t", _W + "tab", _W + "br", _W + "cr"}


class AnnotateError(Localized):
    """The findings do not fit the document (they were made for another file)."""


def evidence_in_words(evidence: dict[str, Any], lang: str = "vi") -> str:
    """A short readable line for a finding's evidence: the texts and values compared,
    joined by " · " ("hội nghị ngày 02/11/2020 · văn bản ngày 30/11/2020"). One function
    so a fuller rendering can replace it."""
    parts: list[str] = []

    def visit(key: str, value: Any, depth: int) -> None:
        if len(parts) >= 6:
            return
        if isinstance(value, dict):
            text = value.get("text") or value.get("symbol")
            if isinstance(text, str) and text.strip():
                label = value.get("role") or key
                when = value.get("date")
                when_text = when if isinstance(when, str) else (when.get("date") if isinstance(when, dict) else None)
                shown = f"{label}: {text.strip()}"
                if isinstance(when_text, str) and when_text not in text:
                    shown += f" ({when_text})"
                parts.append(shown)
                return
            if depth < 2:
                for k, v in value.items():
                    if k not in ("start", "end", "line", "column"):
                        visit(k, v, depth + 1)
        elif isinstance(value, list):
            shown = [v for v in value if isinstance(v, (str, int, float))]
            if shown and len(value) == len(shown):
                parts.append(f"{key}: {', '.join(map(str, shown[:5]))}")
            else:
                for v in value[:3]:
                    visit(key, v, depth + 1)
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool) and key not in ("start", "end", "line", "column"):
            parts.append(f"{key}: {value}")

    for key, value in evidence.items():
        visit(key, value, 0)
    return " · ".join(parts)


def comment_paragraphs(finding: Located, lang: str = "vi") -> list[str]:
    """The lines of a finding's comment: message, suggestion, rule id, evidence."""
    vi = lang != "en"
    lines = [finding.message(lang)]
    suggestion = finding.suggestion(lang)
    if suggestion:
        lines.append(("Gợi ý: " if vi else "Suggestion: ") + suggestion)
    lines.append(("Quy tắc: " if vi else "Rule: ") + f"{finding.rule} ({finding.severity.value})")
    words = evidence_in_words(finding.evidence, lang)
    if words:
        lines.append(("Căn cứ: " if vi else "Evidence: ") + words)
    return lines


@dataclass
class _Span:
    finding: Located
    runs: list[Any] = field(default_factory=list)  # w:r elements covering the finding, in order
    clean: bool = True  # only run text inside one paragraph (a tracked change can replace it)


def annotate_docx(
    data: bytes,
    findings: list[Located],
    lang: str = "vi",
    *,
    comments: bool = True,
    changes: list[Located] | None = None,
) -> bytes:
    """The .docx ``data`` with every finding as a comment and every exact replacement as a
    tracked change; ``findings`` are the located findings ``check`` produced for this very
    file. ``changes`` chooses the findings made tracked changes (default: every fixable
    one, safe or not, that overlaps no other); ``comments=False`` writes only the changes
    (``check --fix`` on a .docx)."""
    return _annotate(data, findings, lang, comments, changes)[0]


def annotate_docx_tracked(data: bytes, findings: list[Located], lang: str = "vi") -> tuple[bytes, list[Located]]:
    """``annotate_docx`` that also returns the findings that became tracked changes."""
    return _annotate(data, findings, lang, True, None)


def annotate_docx_changes(data: bytes, findings: list[Located], changes: list[Located], lang: str = "vi") -> tuple[bytes, list[Located]]:
    """Only the tracked changes for ``changes`` (no comments): the new .docx and the
    findings that became tracked changes (a span across paragraphs or cells cannot)."""
    return _annotate(data, findings, lang, False, changes)


def _annotate(
    data: bytes, findings: list[Located], lang: str, comments: bool, changes: list[Located] | None
) -> tuple[bytes, list[Located]]:
    from giaoban_qa import fixes

    document = open_docx(data, "<docx>")
    text, pieces = docx_text_map(document)
    for f in findings:
        if text[f.start : f.end] != f.excerpt:
            raise AnnotateError("annotate.mismatch", path=f.path, rule=f.rule, start=f.start)
    if changes is None:
        changes = fixes.chosen(findings, unsafe=True)
    change_ids = {id(f) for f in changes if fixes.replacement(f) is not None and f.rule != fixes.WHOLE_TEXT_NFC}
    wanted = [f for f in findings if comments or id(f) in change_ids]
    spans = _split_runs(pieces, wanted)
    body = document.element.body
    next_id = [_max_annotation_id(body) + 1]

    def new_id() -> str:
        next_id[0] += 1
        return str(next_id[0])

    when = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
    # Tracked changes first, then comments round them: a comment on a changed span then
    # covers both the deletion and the insertion.
    tracked: dict[int, tuple[Any, Any]] = {}
    for span in spans:
        if id(span.finding) in change_ids and span.clean and span.runs:
            tracked[id(span.finding)] = _track_change(span.runs, fixes.replacement(span.finding) or "", new_id, when)
    if comments:
        # python-docx makes the comments part (and reads it back); the comments themselves
        # are written here: its add_comment scans every comment for a free id, which is
        # quadratic in the number of findings.
        comments_element = document.comments._comments_elm
        comment_id = 1 + max((int(c.get(_W + "id")) for c in comments_element.iterchildren(_W + "comment") if (c.get(_W + "id") or "").isdigit()), default=-1)
        written: list[str] = []
        for span in spans:
            if not span.runs:
                continue
            first, last = span.runs[0], span.runs[-1]
            pair = tracked.get(id(span.finding))
            before = pair[0] if pair else _outer(first)
            after = pair[1] if pair else _outer(last)
            lines = [line.replace("\n", " ") for line in comment_paragraphs(span.finding, lang)]
            written.append(_comment_xml(comment_id, lines, when))
            _mark_comment(before, after, comment_id)
            comment_id += 1
        if written:
            from docx.oxml import parse_xml

            # One parse for all comments: building them element by element costs more than
            # the rest of the annotation.
            for comment in list(parse_xml(f'<w:comments xmlns:w="{_W[1:-1]}">{"".join(written)}</w:comments>')):
                comments_element.append(comment)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), [span.finding for span in spans if id(span.finding) in tracked]


def check_and_annotate(data: bytes, name: str, config: "Config") -> tuple[bytes, "RunResult"]:
    """Check a .docx given as bytes (``name`` is how it is reported) and annotate it."""
    from giaoban_qa.engine import FileResult, RunResult, check_source, selected_rules
    from giaoban_qa.loaders import load_bytes
    from giaoban_qa.suppress import apply_suppressions

    source = load_bytes(data, name, "docx")
    doc, located = check_source(source, selected_rules(config), config)
    kept, suppressed = apply_suppressions(doc, located, config)
    result = RunResult(files=[FileResult(name, kind="docx", document=doc)], findings=kept, suppressed=suppressed)
    return annotate_docx(data, kept, config.lang), result


def accept_all_changes(data: bytes) -> bytes:
    """The .docx with every tracked change accepted (deletions dropped, insertions kept):
    what Word's "Accept All Changes" leaves."""
    document = open_docx(data, "<docx>")
    body = document.element.body
    for deleted in list(body.iter(_W + "del")):
        if deleted.getparent() is not None and deleted.getparent().tag != _W + "rPr":
            deleted.getparent().remove(deleted)
    for inserted in list(body.iter(_W + "ins")):
        parent = inserted.getparent()
        if parent is None or parent.tag == _W + "rPr":
            continue
        index = parent.index(inserted)
        for child in list(inserted):
            parent.insert(index, child)
            index += 1
        parent.remove(inserted)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# -- run splitting ------------------------------------------------------------------------


def _split_runs(pieces: list[Piece], findings: list[Located]) -> list[_Span]:
    """Split runs at every finding's edges; return each finding's covering runs."""
    import bisect

    starts = [p.start for p in pieces]
    # Cut points per w:t element, in the element's own offsets.
    cuts: dict[int, tuple[Any, set[int]]] = {}
    for f in findings:
        for edge in (f.start, f.end):
            i = bisect.bisect_right(starts, edge) - 1
            if 0 <= i < len(pieces):
                p = pieces[i]
                if _is_text(p) and p.start < edge < p.end and not p.superscript:
                    cuts.setdefault(id(p.node), (p.node, set()))[1].add(p.offset + edge - p.start)
    # Every w:t and w:tab/w:br that a finding touches gets a run of its own first.
    touched: dict[int, Any] = {}
    for f in findings:
        for p in _pieces_in(pieces, starts, f.start, f.end):
            if p.node is not None and _in_run(p.node):
                touched[id(p.node)] = p.node
    parts: dict[int, list[tuple[int, int, Any]]] = {}
    for key, node in touched.items():
        run = _isolate(node)
        if node.tag == _W + "t":
            parts[key] = _cut_text_run(run, node, sorted(cuts.get(key, (None, set()))[1]))
        else:
            parts[key] = [(0, 1, run)]
    spans: list[_Span] = []
    for f in findings:
        span = _Span(f)
        paragraphs: list[Any] = []  # elements kept alive: lxml proxies' ids are stable only then
        for p in _pieces_in(pieces, starts, f.start, f.end):
            if p.node is None or id(p.node) not in parts:
                if p.node is None and (p.start < f.end and p.end > f.start):
                    span.clean = False  # a separator the walk added (paragraph, cell, bracket)
                continue
            lo = p.offset + max(f.start, p.start) - p.start
            hi = p.offset + min(f.end, p.end) - p.start
            for a, b, run in parts[id(p.node)]:
                if a >= lo and b <= hi and b > a:
                    span.runs.append(run)
                    paragraphs.append(_paragraph_of(run))
            if p.superscript:
                span.clean = False
        if len({id(x) for x in paragraphs}) > 1:
            span.clean = False
        spans.append(span)
    return spans


def _is_text(p: Piece) -> bool:
    return p.node is not None and p.node.tag == _W + "t"


def _in_run(node) -> bool:
    parent = node.getparent()
    return parent is not None and parent.tag == _W + "r"


def _pieces_in(pieces: list[Piece], starts: list[int], start: int, end: int) -> list[Piece]:
    import bisect

    i = max(0, bisect.bisect_right(starts, start) - 1)
    out = []
    while i < len(pieces) and pieces[i].start < max(end, start + 1):
        if pieces[i].end > start:
            out.append(pieces[i])
        i += 1
    return out


def _isolate(node):
    """Give ``node`` (a w:t, w:tab or w:br) a run of its own, with the run's formatting;
    the run's other content moves to copies before and after it. Returns the run."""
    run = node.getparent()
    content = [c for c in run if c.tag != _W + "rPr"]
    if len(content) == 1:
        return run
    index = content.index(node)
    before, after = content[:index], content[index + 1 :]
    for group, where in ((before, "before"), (after, "after")):
        if not group:
            continue
        clone = _empty_copy(run)
        for c in group:
            run.remove(c)
            clone.append(c)
        if where == "before":
            run.addprevious(clone)
        else:
            run.addnext(clone)
    return run


def _empty_copy(run):
    """A run with ``run``'s attributes and formatting but no content."""
    clone = copy.deepcopy(run)
    for c in list(clone):
        if c.tag != _W + "rPr":
            clone.remove(c)
    return clone


def _cut_text_run(run, t, cuts: list[int]) -> list[tuple[int, int, Any]]:
    """Split a run holding only the w:t ``t`` at ``cuts`` (offsets in ``t.text``)."""
    text = t.text or ""
    edges = [0] + [c for c in cuts if 0 < c < len(text)] + [len(text)]
    if len(edges) == 2:
        return [(0, len(text), run)]
    out = []
    previous = run
    for a, b in zip(edges, edges[1:]):
        if a == 0:
            piece = run
        else:
            piece = copy.deepcopy(run)
            previous.addnext(piece)
        _set_text(piece.find(_W + "t"), text[a:b])
        out.append((a, b, piece))
        previous = piece
    return out


def _set_text(t, text: str) -> None:
    t.text = text
    t.set(_XML_SPACE, "preserve")


def _paragraph_of(node):
    while node is not None and node.tag != _W + "p":
        node = node.getparent()
    return node


def _outer(run):
    """The element a comment marker goes beside: the run, or the tracked change that
    holds it (a marker between a w:del and its w:ins would split the pair)."""
    parent = run.getparent()
    return parent if parent is not None and parent.tag in (_W + "del", _W + "ins") else run


# -- tracked changes and comment markers ---------------------------------------------------


def _track_change(runs: list[Any], replacement: str, new_id, when: str) -> tuple[Any, Any]:
    """Wrap ``runs`` in w:del (one per parent) and put a w:ins with ``replacement`` after the
    last; returns the first and last element of the change (for comment markers)."""
    from docx.oxml import OxmlElement

    groups: list[list[Any]] = []
    for run in runs:
        if groups and groups[-1][-1].getparent() is run.getparent() and groups[-1][-1].getnext() is run:
            groups[-1].append(run)
        else:
            groups.append([run])
    first_element = None
    last_del = None
    for group in groups:
        deletion = OxmlElement("w:del")
        deletion.set(_W + "id", new_id())
        deletion.set(_W + "author", AUTHOR)
        deletion.set(_W + "date", when)
        group[0].addprevious(deletion)
        for run in group:
            deletion.append(run)  # moves the run
            for t in run.findall(_W + "t"):
                t.tag = _W + "delText"
                t.set(_XML_SPACE, "preserve")
            for tab in run.findall(_W + "tab"):
                pass  # a deleted tab stays a w:tab inside w:del
        first_element = first_element if first_element is not None else deletion
        last_del = deletion
    insertion = OxmlElement("w:ins")
    insertion.set(_W + "id", new_id())
    insertion.set(_W + "author", AUTHOR)
    insertion.set(_W + "date", when)
    if replacement:
        run = _empty_copy(runs[0])
        t = OxmlElement("w:t")
        _set_text(t, replacement)
        run.append(t)
        insertion.append(run)
    last_del.addnext(insertion)
    return first_element, insertion


def _comment_xml(comment_id: int, lines: list[str], when: str) -> str:
    """A ``w:comment`` by giaoban-qa, one paragraph per line, as Word writes them (the first
    paragraph carries the annotation mark)."""
    from xml.sax.saxutils import escape, quoteattr

    paragraphs = []
    for i, line in enumerate(lines):
        mark = '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>' if i == 0 else ""
        paragraphs.append(f'<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>{mark}<w:r><w:t xml:space="preserve">{escape(_xml_safe(line))}</w:t></w:r></w:p>')
    return f'<w:comment w:id="{comment_id}" w:author={quoteattr(AUTHOR)} w:initials={quoteattr(INITIALS)} w:date="{when}">{"".join(paragraphs)}</w:comment>'


def _xml_safe(text: str) -> str:
    """Characters XML 1.0 cannot carry (controls a damaged text may hold) become U+FFFD."""
    return "".join(c if c in "\t\n\r" or (" " <= c <= "\ud7ff") or ("\ue000" <= c <= "\ufffd") or c >= "\U00010000" else "\ufffd" for c in text)


def _mark_comment(before, after, comment_id: int) -> None:
    from docx.oxml import OxmlElement

    start = OxmlElement("w:commentRangeStart")
    start.set(_W + "id", str(comment_id))
    before.addprevious(start)
    end = OxmlElement("w:commentRangeEnd")
    end.set(_W + "id", str(comment_id))
    after.addnext(end)
    reference = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(_W + "val", "CommentReference")
    rpr.append(style)
    reference.append(rpr)
    ref = OxmlElement("w:commentReference")
    ref.set(_W + "id", str(comment_id))
    reference.append(ref)
    # The reference run cannot sit inside a deletion or insertion of ours.
    anchor = end
    parent = end.getparent()
    if parent is not None and parent.tag in (_W + "del", _W + "ins"):
        anchor = parent
        if parent.tag == _W + "del" and parent.getnext() is not None and parent.getnext().tag == _W + "ins":
            anchor = parent.getnext()
    anchor.addnext(reference)


def _max_annotation_id(body) -> int:
    highest = 0
    for node in body.iter():
        value = node.get(_W + "id")
        if value is not None and value.lstrip("-").isdigit():
            highest = max(highest, int(value))
    return highest + 1000
