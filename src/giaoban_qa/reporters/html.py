"""The auditor's HTML report: one self-contained file (CSS and JS inline, no network).

Everything the page shows comes from one JSON object embedded in a
``<script type="application/json">`` element, with ``<``, ``>`` and ``&`` written as
``\\u003c``/``\\u003e``/``\\u0026`` so no input text can close the element or open markup. The
script builds the DOM with ``textContent`` only, never ``innerHTML`` with data, and a
Content-Security-Policy with a per-report nonce refuses any other script, so a hostile
input (script tags, event attributes, ``javascript:`` links) is shown as text and runs
nothing. Documents are rendered only when opened and the findings list is paginated, so a
report of hundreds of files and thousands of findings stays responsive.
"""

from __future__ import annotations

import datetime as _dt
import json
import secrets
from pathlib import Path
from typing import Any

from giaoban_qa import __version__
from giaoban_qa.engine import RunResult
from giaoban_qa.findings import Located

TEMPLATES = Path(__file__).parent / "templates"
SEVERITIES = ("error", "warning", "info")
SEVERITY_COLOURS = {"error": "#c62828", "warning": "#ef8f00", "info": "#1e7bb8"}

LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "title": "Báo cáo kiểm tra giaoban-qa", "files": "Tệp", "findings": "Phát hiện", "error": "Lỗi",
        "warning": "Cảnh báo", "info": "Lưu ý", "suppressed": "Đã bỏ qua", "baselined": "Trong baseline",
        "input_errors": "Tệp không đọc được", "by_category": "Theo nhóm", "search": "Tìm trong thông báo, đoạn trích, tệp…",
        "all_categories": "Mọi nhóm", "all_rules": "Mọi quy tắc", "all_files": "Mọi tệp", "all_statuses": "Mọi trạng thái",
        "show_suppressed": "Hiện phát hiện đã bỏ qua", "severity": "Mức", "rule": "Quy tắc", "category": "Nhóm",
        "file": "Tệp", "line": "Dòng", "message": "Thông báo", "status": "Trạng thái", "open": "chưa xét",
        "confirmed": "xác nhận", "dismissed": "bác bỏ", "prev": "‹ Trước", "next": "Sau ›", "page": "Trang",
        "of": "/", "shown": "phát hiện khớp bộ lọc", "no_findings": "Không có phát hiện nào khớp bộ lọc.",
        "pick": "Chọn một phát hiện trong danh sách hoặc một đoạn tô sáng trong văn bản.", "excerpt": "Đoạn trích",
        "suggestion": "Gợi ý sửa", "evidence": "Bằng chứng", "explanation": "Giải thích quy tắc", "fingerprint": "Dấu vân tay",
        "note": "Ghi chú", "confirm": "Xác nhận", "dismiss": "Bác bỏ", "reopen": "Mở lại",
        "export": "Tải tệp review", "also_here": "Cũng tại đây", "no_text": "(văn bản không được nhúng: tệp không có phát hiện)",
        "document": "Văn bản", "generated": "Tạo lúc", "review_file": "Tệp review", "suppressed_by": "Bỏ qua do",
        "b_error": "Lỗi", "b_warning": "Cảnh báo", "b_info": "Lưu ý", "input_error": "Lỗi đọc tệp", "go_to": "đến vị trí", "hint": "Rê chuột lên đoạn tô sáng để xem thông báo, bấm để xem chi tiết.",
        "skipped": "Tệp bỏ qua", "skipped_list": "Tệp không được đọc và lý do",
    },
    "en": {
        "title": "giaoban-qa report", "files": "Files", "findings": "Findings", "error": "Errors",
        "warning": "Warnings", "info": "Info", "suppressed": "Suppressed", "baselined": "Baselined",
        "input_errors": "Unreadable files", "by_category": "By category", "search": "Search messages, excerpts, files…",
        "all_categories": "All categories", "all_rules": "All rules", "all_files": "All files", "all_statuses": "All statuses",
        "show_suppressed": "Show suppressed findings", "severity": "Severity", "rule": "Rule", "category": "Category",
        "file": "File", "line": "Line", "message": "Message", "status": "Status", "open": "open",
        "confirmed": "confirmed", "dismissed": "dismissed", "prev": "‹ Prev", "next": "Next ›", "page": "Page",
        "of": "of", "shown": "findings match the filters", "no_findings": "No finding matches the filters.",
        "pick": "Pick a finding in the list or a highlighted span in the text.", "excerpt": "Excerpt",
        "suggestion": "Suggestion", "evidence": "Evidence", "explanation": "About this rule", "fingerprint": "Fingerprint",
        "note": "Note", "confirm": "Confirm", "dismiss": "Dismiss", "reopen": "Reopen",
        "export": "Download review file", "also_here": "Also here", "no_text": "(text not embedded: the file has no findings)",
        "document": "Document", "generated": "Generated", "review_file": "Review file", "suppressed_by": "Suppressed by",
        "b_error": "error", "b_warning": "warning", "b_info": "info", "input_error": "Input error", "go_to": "go to", "hint": "Hover a highlighted span for its message, click it for details.",
        "skipped": "Skipped files", "skipped_list": "Files not read, and why",
    },
}


def embed_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` at all."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _finding_row(f: Located, file_index: int, lang: str, review: dict[str, dict[str, Any]]) -> dict[str, Any]:
    entry = review.get(f.fingerprint) or {}
    return {
        "f": file_index, "r": f.rule, "c": f.category.value, "s": f.severity.value,
        "a": f.start, "b": f.end, "l": f.line, "o": f.column, "x": f.excerpt,
        "m": f.message(lang), "g": f.suggestion(lang), "v": f.evidence, "p": f.fingerprint,
        "st": entry.get("status", "open"), "nt": entry.get("note", ""), "sp": f.suppressed_by if f.suppressed else None,
        "pg": f.page,
    }


def build_payload(result: RunResult, lang: str = "vi", review: dict[str, dict[str, Any]] | None = None,
                  review_file: str | None = None) -> dict[str, Any]:
    from giaoban_qa.rules import all_rules

    review = review or {}
    everything = [*result.findings, *result.suppressed]
    index = {f.path: i for i, f in enumerate(result.files)}
    files = []
    with_findings = {f.path for f in everything}
    for f in result.files:
        doc = f.document
        files.append({
            "p": f.path, "k": f.kind, "e": f.error,
            # Text only where something is highlighted: the report is about findings, and
            # hundreds of clean articles would only make it heavier.
            "t": doc.source if doc is not None and f.path in with_findings else None,
        })
    for f in everything:  # a finding whose file is not listed (should not happen) still shows
        if f.path not in index:
            index[f.path] = len(files)
            files.append({"p": f.path, "k": None, "e": None, "t": None})
    rows = [_finding_row(f, index[f.path], lang, review) for f in everything]
    registry = all_rules()
    rules = {}
    for code in sorted({f.rule for f in everything}):
        cls = registry.get(code)
        rules[code] = {"sm": cls.summary() if cls else code, "d": cls.documentation() if cls else ""}
    counts = {s: 0 for s in ("open", "confirmed", "dismissed")}
    for row in rows:
        if row["sp"] is None:
            counts[row["st"]] += 1
    return {
        "lang": lang,
        "L": LABELS[lang],
        "files": files,
        "findings": rows,
        "rules": rules,
        "review": {fp: {k: v for k, v in e.items() if isinstance(v, (str, int, float))} for fp, e in review.items()},
        "reviewFile": review_file,
        "summary": {
            "files": len(result.files), "findings": len(result.findings), "by_severity": result.by_severity(),
            "by_category": result.by_category(), "suppressed": len(result.suppressed), "baselined": result.baselined,
            "input_errors": result.input_errors, "review": counts, "skipped": len(result.skipped),
        },
        "skipped": [sk.to_json() for sk in result.skipped],
    }


def category_chart(result: RunResult, width: int = 320, bar: int = 16, gap: int = 6, label_width: int = 70) -> dict[str, Any]:
    """Geometry of a horizontal stacked bar chart: one bar per category, split by severity."""
    per: dict[str, dict[str, int]] = {}
    for f in result.findings:
        per.setdefault(f.category.value, {s: 0 for s in SEVERITIES})[f.severity.value] += 1
    biggest = max((sum(v.values()) for v in per.values()), default=0)
    scale = (width - label_width - 40) / biggest if biggest else 0
    bars = []
    for row, (category, counts) in enumerate(sorted(per.items())):
        y = row * (bar + gap)
        x = label_width
        parts = []
        for sev in SEVERITIES:
            w = counts[sev] * scale
            if counts[sev]:
                parts.append({"x": round(x, 1), "w": round(max(w, 1.5), 1), "colour": SEVERITY_COLOURS[sev], "sev": sev, "n": counts[sev]})
            x += w
        bars.append({"y": y, "label": category, "parts": parts, "total": sum(counts.values()), "end": round(x + 4, 1)})
    return {"width": width, "height": max(bar, len(bars) * (bar + gap)), "bar": bar, "bars": bars, "label_width": label_width}


def render(result: RunResult, lang: str = "vi", review: dict[str, dict[str, Any]] | None = None,
           review_file: str | None = None, **_: Any) -> str:
    payload = build_payload(result, lang, review, review_file)
    return render_page("report.html.j2", payload, chart=category_chart(result))


def render_page(template_name: str, payload: dict[str, Any], *, chart: dict[str, Any] | None = None,
                search_path: tuple[Path, ...] = (), scripts: tuple[Path, ...] = (), styles: tuple[Path, ...] = (),
                nonce: str | None = None, **context: Any) -> str:
    """A page built on the report: ``report.html.j2`` (or a template extending it, found in
    ``search_path`` first) with the report's CSS and script inlined, ``payload`` embedded as
    inert JSON and a fresh CSP nonce. ``scripts`` and ``styles`` are appended to the
    report's own, so a page that extends the report (the editor of ``giaoban-qa serve``)
    renders findings with the same code, not a copy of it. A server that also sends the
    policy as a header passes the ``nonce`` it put there."""
    import jinja2
    from markupsafe import Markup

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(p) for p in (*search_path, TEMPLATES)]),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    lang = payload["lang"]

    def inline(paths: tuple[Path, ...]) -> Markup:
        return Markup("\n".join(path.read_text(encoding="utf-8") for path in paths))

    return env.get_template(template_name).render(
        lang=lang,
        L=LABELS[lang],
        version=__version__,
        generated=_dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        summary=payload["summary"],
        skipped=payload.get("skipped", []),
        review_file=payload.get("reviewFile"),
        chart=chart if chart is not None else {"width": 0, "height": 0, "bar": 0, "bars": [], "label_width": 0},
        colours=SEVERITY_COLOURS,
        data_json=Markup(embed_json(payload)),
        # Our own static files, inlined so the page needs no network.
        style=inline((TEMPLATES / "report.css", *styles)),
        script=inline((TEMPLATES / "report.js", *scripts)),
        nonce=nonce or secrets.token_urlsafe(18),
        **context,
    )
