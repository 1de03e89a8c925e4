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
from giaoban_qa.evidence import describe_evidence
from giaoban_qa.findings import Located
from giaoban_qa.i18n import suppression_reason

TEMPLATES = Path(__file__).parent / "templates"
SEVERITIES = ("error", "warning", "info")
SEVERITY_COLOURS = {"error": "#c62828", "warning": "#ef8f00", "info": "#1e7bb8"}

def labels(lang: str) -> dict[str, str]:
    """The page's words from the message catalogue (``html.*`` keys, templates such as
    "dòng {line}, cột {column}" left for the script to fill), plus category names."""
    from giaoban_qa.findings import Category
    from giaoban_qa.i18n import CATALOGUE, category_name

    out = {}
    for key, (vi, en) in CATALOGUE.items():
        if key.startswith("html."):
            out[key[5:]] = en if lang == "en" else vi
    for category in Category:
        out["cat_" + category.value] = category_name(category.value, lang)
    return out


LABELS: dict[str, dict[str, str]] = {lang: labels(lang) for lang in ("vi", "en")}


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
        # The evidence in words (the structured "v" still gives the spans to link to).
        "w": describe_evidence(f, lang),
        "st": entry.get("status", "open"), "nt": entry.get("note", ""),
        "sp": suppression_reason(f.suppressed_by, lang) if f.suppressed else None,
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
        consistent = [c for c in f.checks if c.get("consistent")]
        files.append({
            "p": f.path, "k": f.kind, "e": f.error,
            # Text only where something is marked (findings, or statements checked and found
            # consistent): hundreds of articles with nothing to show would only make it heavier.
            "t": doc.source if doc is not None and (f.path in with_findings or consistent) else None,
            "cv": f.coverage,
            # Consistent checks, marked quietly in the text with their computation on hover.
            "ck": [{"a": c["start"], "b": c["end"], "k": c["kind"], "r": c["rule"],
                    "c": (c.get("computation") or {}).get(lang, "")} for c in consistent],
        })
    for f in everything:  # a finding whose file is not listed (should not happen) still shows
        if f.path not in index:
            index[f.path] = len(files)
            files.append({"p": f.path, "k": None, "e": None, "t": None, "cv": None, "ck": []})
    rows = [_finding_row(f, index[f.path], lang, review) for f in everything]
    registry = all_rules()
    rules = {}
    for code in sorted({f.rule for f in everything}):
        cls = registry.get(code)
        # The page as sections (heading, body, example or not): the script shows examples as
        # blocks that keep their line breaks.
        rules[code] = {"sm": cls.summary(lang) if cls else code,
                       "sec": [[heading, body, key in ("example", "instead")] for key, heading, body in cls.sections(lang)] if cls else []}
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
            "coverage": result.coverage(),
        },
        "skipped": [sk.to_json() for sk in result.skipped],
    }


def category_chart(result: RunResult, width: int = 330, bar: int = 14, gap: int = 4, label_width: int = 120,
                   lang: str = "vi") -> dict[str, Any]:
    """Geometry of a horizontal stacked bar chart: one bar per category, split by severity."""
    from giaoban_qa.i18n import category_name

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
        bars.append({"y": y, "label": category_name(category, lang), "parts": parts, "total": sum(counts.values()), "end": round(x + 4, 1)})
    return {"width": width, "height": max(bar, len(bars) * (bar + gap)), "bar": bar, "bars": bars, "label_width": label_width}


def render(result: RunResult, lang: str = "vi", review: dict[str, dict[str, Any]] | None = None,
           review_file: str | None = None, **_: Any) -> str:
    payload = build_payload(result, lang, review, review_file)
    return render_page("report.html.j2", payload, chart=category_chart(result, lang=lang))


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
        **{"coverage_text": _coverage_text(payload), **context},
    )


def _coverage_text(payload: dict[str, Any]) -> str:
    """The run's coverage line for the header (empty when the payload has none)."""
    from giaoban_qa.coverage import coverage_line

    coverage = payload.get("summary", {}).get("coverage")
    return coverage_line(coverage, payload["lang"]) if coverage else ""
