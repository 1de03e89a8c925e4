"""Evidence in words: what a finding compared, as a sentence in the reader's language.

``describe_evidence(finding, lang)`` turns the structured evidence of a finding (which the
JSON report keeps as it is) into one or two sentences with the compared values and where
they are ("Hội nghị: 02/11/2020 (dòng 7) · Báo cáo số 369/BC-UBND: 30/11/2020 (dòng 37) →
văn bản có sau hội nghị 28 ngày"). The terminal (``-v``), the HTML report, SARIF messages and
Word comments all call it. Renderers are keyed by rule code, kept here rather than in the
rule modules; a rule without one gets the generic renderer, which quotes every span of its
evidence with its line. Numbers are written the reader's way (``i18n.num``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from giaoban_qa.i18n import num, t

Renderer = Callable[[dict[str, Any], str], str]
RENDERERS: dict[str, Renderer] = {}


def renders(*codes: str) -> Callable[[Renderer], Renderer]:
    def register(fn: Renderer) -> Renderer:
        for code in codes:
            RENDERERS[code] = fn
        return fn

    return register


def describe_evidence(finding: Any, lang: str = "vi") -> str:
    """The evidence of ``finding`` (a ``Located`` or ``Finding``, or anything with ``rule``
    and ``evidence``) in words; an empty string when it has none."""
    evidence = getattr(finding, "evidence", None) or {}
    if not evidence:
        return ""
    renderer = RENDERERS.get(getattr(finding, "rule", ""))
    if renderer is not None:
        try:
            return renderer(evidence, lang)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError):
            pass  # evidence of an unexpected shape (an older cache, a changed rule): say what is there
    return generic(evidence, lang)


# ---- pieces -----------------------------------------------------------------------------
def where(value: dict[str, Any], lang: str) -> str:
    line = value.get("line") if isinstance(value, dict) else None
    return t("ev.line", lang, line=num(line, lang)) if isinstance(line, int) else ""


def quoted(value: dict[str, Any] | None, lang: str, key: str = "text") -> str:
    """“text” (dòng N) of a span-bearing evidence object."""
    if not isinstance(value, dict):
        return "—"
    text = value.get(key)
    if not isinstance(text, str):
        text = value.get("name") if isinstance(value.get("name"), str) else ""
    w = where(value, lang)
    body = f"“{text}”" if text else "—"
    return t("ev.at", lang, text=body, where=w) if w else body


def day(iso: Any) -> str:
    """A date of the evidence (ISO) the way the reports write it: 02/11/2020."""
    if not isinstance(iso, str):
        return "—"
    try:
        return dt.date.fromisoformat(iso[:10]).strftime("%d/%m/%Y")
    except ValueError:
        return iso


def dated(value: dict[str, Any] | None, lang: str) -> str:
    """02/11/2020 (dòng 7) of a date object of the evidence."""
    if not isinstance(value, dict):
        return "—"
    date = value.get("date")
    if isinstance(date, dict):  # a citation: its own date object
        return dated(date, lang)
    text = day(date) if date else f"“{value.get('text', '')}”"
    w = where(value, lang)
    return t("ev.at", lang, text=text, where=w) if w else text


def days_between(a: Any, b: Any) -> int | None:
    try:
        return (dt.date.fromisoformat(str(a)[:10]) - dt.date.fromisoformat(str(b)[:10])).days
    except ValueError:
        return None


def figure(q: dict[str, Any] | None, lang: str) -> str:
    return quoted(q, lang)


def citation_name(c: dict[str, Any]) -> str:
    words = c.get("type_word") or ""
    symbol = c.get("symbol") or ""
    return f"{words} {symbol}".strip() or str(c.get("text", ""))


# ---- dates and citations ------------------------------------------------------------------
@renders("citation.dated-after-meeting", "citation.dated-after-report")
def _cited_after(ev: dict[str, Any], lang: str) -> str:
    ref, cited = ev["reference"], ev["cited"]
    role = ref.get("role", "event")
    label = t(f"ev.role.{role}", lang) if f"ev.role.{role}" in _roles() else t("ev.role.report", lang)
    cited_date = cited.get("date") or {}
    out = f"{label}: {dated(ref, lang)} · {citation_name(cited)}: {dated(cited_date, lang)}"
    n = days_between(cited_date.get("date"), ref.get("date"))
    if n is not None:
        what = t(f"ev.what.{role}", lang) if role in ("event", "published", "header") else t("ev.what.event", lang)
        out += " " + t("ev.days-after", lang, n=n, what=what)
    return out


def _roles() -> set[str]:
    from giaoban_qa.i18n import CATALOGUE

    return {k for k in CATALOGUE if k.startswith("ev.role.")}


@renders("date.published-before-event")
def _published(ev: dict[str, Any], lang: str) -> str:
    n = days_between(ev["event"].get("date"), ev["published"].get("date")) or 0
    return t("ev.published-before", lang, published=dated(ev["published"], lang), event=dated(ev["event"], lang), n=n)


@renders("citation.before-issuer-existed")
def _before_issuer(ev: dict[str, Any], lang: str) -> str:
    c = ev["citation"]
    return t("ev.issuer-existed", lang, citation=f"{citation_name(c)} ({where(c, lang)})", issuer=ev.get("issuer", ""), began=day(ev.get("term_began")))


@renders("citation.header-date-format")
def _header_date(ev: dict[str, Any], lang: str) -> str:
    return t("ev.header-date", lang, date=quoted(ev["date"], lang))


@renders("citation.inconsistent-repeat")
def _repeat_citation(ev: dict[str, Any], lang: str) -> str:
    return t("ev.repeat-citation", lang, first=quoted(ev["first"], lang), second=quoted(ev["cited"], lang))


@renders("citation.issuer-mismatch")
def _issuer(ev: dict[str, Any], lang: str) -> str:
    words = ev.get("issuer_words")
    return t("ev.issuer", lang, citation=quoted(ev["citation"], lang), issuer=ev.get("issuer", ""),
             words=quoted(words, lang) if isinstance(words, dict) else str(words or "—"))


@renders("citation.missing-year")
def _missing_year(ev: dict[str, Any], lang: str) -> str:
    return t("ev.missing-year", lang, citation=quoted(ev["citation"], lang), full=ev.get("full_symbol", ""))


@renders("citation.party-state-form")
def _party_state(ev: dict[str, Any], lang: str) -> str:
    system = ev.get("issuer_system", "")
    shape = ev.get("shape", "")
    return t("ev.party-state", lang, citation=quoted(ev["citation"], lang), issuer=ev.get("issuer", ""),
             system=t(f"ev.system.{system}", lang) if system in ("party", "state") else system,
             shape=t(f"ev.system.{shape}", lang) if shape in ("party", "state") else shape)


@renders("citation.type-mismatch")
def _type_mismatch(ev: dict[str, Any], lang: str) -> str:
    return t("ev.type-mismatch", lang, citation=quoted(ev["citation"], lang), abbr=ev.get("type_abbr", ""), words=ev.get("accepted_words", ""))


@renders("citation.unknown-type")
def _unknown_type(ev: dict[str, Any], lang: str) -> str:
    near = t("ev.near-miss", lang, abbr=ev["near_miss"]) if ev.get("near_miss") else ""
    return t("ev.unknown-type", lang, citation=quoted(ev["citation"], lang), abbr=ev.get("type_abbr", ""), near=near)


@renders("date.anniversary-count")
def _anniversary(ev: dict[str, Any], lang: str) -> str:
    base, report = str(ev.get("base_date", "")), str(ev.get("report_date", ""))
    years = int(report[:4]) - int(base[:4]) if base[:4].isdigit() and report[:4].isdigit() else "—"
    return t("ev.anniversary", lang, count=quoted(ev["count"], lang), base=day(base), report=report[:4], years=years)


@renders("date.impossible")
def _impossible(ev: dict[str, Any], lang: str) -> str:
    return t("ev.date", lang, date=quoted(ev["date"], lang))


@renders("date.malformed")
def _malformed(ev: dict[str, Any], lang: str) -> str:
    return t("ev.malformed", lang, date=quoted(ev["date"], lang), meant=day(ev["date"].get("date")))


@renders("date.past-event-in-future")
def _past_event(ev: dict[str, Any], lang: str) -> str:
    verb = ev.get("verb") or {}
    n = days_between(ev["date"].get("date"), ev.get("report_date")) or 0
    return t("ev.past-event", lang, verb=f"“{verb.get('text', '')}”" if verb else "", date=dated(ev["date"], lang), report=day(ev.get("report_date")), n=n)


@renders("date.symbol-year-mismatch")
def _symbol_year(ev: dict[str, Any], lang: str) -> str:
    return t("ev.symbol-year", lang, symbol=quoted(ev["symbol"], lang), year=ev["symbol"].get("year", ""), date=dated(ev["date"], lang))


@renders("date.weekday-mismatch")
def _weekday(ev: dict[str, Any], lang: str) -> str:
    wd = ev["weekday"]
    return t("ev.weekday", lang, date=dated(ev["date"], lang), actual=t(f"wd.{wd['actual']}", lang), written=quoted(wd, lang))


# ---- numbers ------------------------------------------------------------------------------
def _digits(q: dict[str, Any]) -> int:
    text = str(q.get("text", ""))
    decimals = len(text.split(",", 1)[1].rstrip("% ")) if "," in text else 0
    return max(decimals, 1) + 1


@renders("number.percent-mismatch")
def _percent(ev: dict[str, Any], lang: str) -> str:
    p = ev["percentage"]
    return t("ev.percent", lang, a=figure(ev["numerator"], lang), b=figure(ev["denominator"], lang),
             computed=num(ev["computed"], lang, _digits(p)), stated=quoted(p, lang))


@renders("number.growth-ratio-mismatch")
def _growth_ratio(ev: dict[str, Any], lang: str) -> str:
    change = ev["change"]
    growth = change.get("relation") == "growth"
    word = t("ev.growth" if growth else "ev.decline", lang)
    return t("ev.growth-ratio", lang, ratio=quoted(ev["ratio"], lang), change=f"{word} {quoted(change, lang)}",
             sign="+" if growth else "−", value=num(change.get("value", 0), lang), implied=num(ev["implied_ratio"], lang))


def _sum_like(value: float, like: dict[str, Any], lang: str) -> str:
    text = str(like.get("text", ""))
    unit = like.get("unit") or ""
    scale = 1.0
    for word, factor in (("nghìn tỷ", 1e12), ("ngàn tỷ", 1e12), ("tỷ", 1e9), ("tỉ", 1e9), ("triệu", 1e6), ("nghìn", 1e3), ("ngàn", 1e3)):
        if f" {word}" in f" {text}":
            return f"{num(value / factor, lang, 3)} {word} {unit}".strip()
    return f"{num(value / scale, lang)} {unit}".strip()


@renders("number.parts-exceed-total")
def _parts(ev: dict[str, Any], lang: str) -> str:
    parts = " + ".join(f"“{p.get('text', '')}”" for p in ev["parts"])
    return t("ev.parts", lang, parts=parts, sum=_sum_like(ev["sum"], ev["total"], lang), total=quoted(ev["total"], lang))


@renders("number.share-over-100")
def _shares(ev: dict[str, Any], lang: str) -> str:
    if "shares" in ev:
        shares = " + ".join(f"“{s.get('text', '')}”" for s in ev["shares"])
        return t("ev.shares", lang, shares=shares, sum=num(ev["sum"], lang))
    return t("ev.share", lang, share=quoted(ev["share"], lang))


@renders("number.decline-over-100")
def _decline(ev: dict[str, Any], lang: str) -> str:
    fig = t("ev.decline-figure", lang, figure=quoted(ev["figure"], lang)) if ev.get("figure") else ""
    return t("ev.decline-over", lang, decline=quoted(ev["decline"], lang), figure=fig)


@renders("number.ambiguous-growth")
def _ambiguous(ev: dict[str, Any], lang: str) -> str:
    g = ev["growth"]
    return t("ev.ambiguous-growth", lang, growth=quoted(g, lang), base=f"“{g.get('base') or '—'}”", value=g.get("text", ""))


# The evidence line by the kind of figure inside the cumulative one (Cumulative.partner_kind).
_CUMULATIVE_BELOW_KEYS = {"day or week": "ev.cumulative-below-day-week", "year": "ev.cumulative-below-year"}


@renders("number.cumulative-below-month")
def _cumulative_below(ev: dict[str, Any], lang: str) -> str:
    key = _CUMULATIVE_BELOW_KEYS.get(ev.get("partner") or "", "ev.cumulative-below")
    return t(key, lang, cumulative=quoted(ev["cumulative"], lang), month=quoted(ev["month"], lang))


@renders("number.inconsistent-repeat")
def _repeat(ev: dict[str, Any], lang: str) -> str:
    return t("ev.repeat", lang, first=quoted(ev["first"], lang), second=quoted(ev["second"], lang))


@renders("number.decimal-separator")
def _decimal(ev: dict[str, Any], lang: str) -> str:
    return t("ev.figure", lang, figure=quoted(ev["figure"], lang))


@renders("number.mixed-format")
def _mixed(ev: dict[str, Any], lang: str) -> str:
    return t("ev.mixed-format", lang, figure=quoted(ev["figure"], lang), vn=quoted(ev["vietnamese_style"], lang))


@renders("number.scale-compound")
def _scale(ev: dict[str, Any], lang: str) -> str:
    parts = ev.get("parts") or {}
    return t("ev.scale-compound", lang, figure=quoted(ev["figure"], lang), part=f"“{parts.get('text', '')}”", word=parts.get("word", ""))


# ---- periods ------------------------------------------------------------------------------
@renders("period.cited-report-late")
def _cited_late(ev: dict[str, Any], lang: str) -> str:
    return t("ev.cited-late", lang, cited=quoted(ev["cited"], lang), period=quoted(ev["period"], lang),
             days=num(ev.get("days_after_period", 0), lang), max=num(ev.get("max_days", 0), lang))


@renders("period.cited-subject-after-date")
def _subject_after(ev: dict[str, Any], lang: str) -> str:
    return t("ev.cited-subject-after", lang, cited=quoted(ev["cited"], lang), period=quoted(ev["period"], lang))


@renders("period.cumulative-impossible")
def _cumulative_impossible(ev: dict[str, Any], lang: str) -> str:
    return t("ev.cumulative-impossible", lang, cumulative=quoted(ev["cumulative"], lang), report=day(ev.get("report_date")), last=ev.get("last_month_covered", "—"))


@renders("period.invalid-roman-numeral")
def _roman(ev: dict[str, Any], lang: str) -> str:
    n = ev["numeral"]
    return t("ev.roman", lang, numeral=quoted(n, lang), value=n.get("additive_value", "—"))


@renders("period.plan-not-next")
def _plan_not_next(ev: dict[str, Any], lang: str) -> str:
    return t("ev.plan-not-next", lang, review=quoted(ev["review"], lang), plan=quoted(ev["plan"], lang))


@renders("period.plan-over")
def _plan_over(ev: dict[str, Any], lang: str) -> str:
    return t("ev.plan-over", lang, plan=quoted(ev["plan"], lang), report=day(ev.get("report_date")), n=ev.get("days_after_end", 0))


@renders("period.review-not-started")
def _review_not_started(ev: dict[str, Any], lang: str) -> str:
    return t("ev.review-not-started", lang, review=quoted(ev["review"], lang), report=day(ev.get("report_date")))


@renders("period.term-cycle")
def _term_cycle(ev: dict[str, Any], lang: str) -> str:
    term = ev["term"]
    return t("ev.term", lang, term=quoted(term, lang), start=term.get("from", ""), end=term.get("to", ""))


@renders("period.term-length")
def _term_length(ev: dict[str, Any], lang: str) -> str:
    term = ev["term"]
    return t("ev.term-length", lang, term=quoted(term, lang), years=term.get("years", "—"))


@renders("period.term-ordinal-mismatch")
def _term_ordinal(ev: dict[str, Any], lang: str) -> str:
    return t("ev.term-ordinal", lang, first=quoted(ev["first"], lang), this=quoted(ev["this"], lang))


@renders("period.title-mismatch")
def _title_period(ev: dict[str, Any], lang: str) -> str:
    rest = ""
    if ev.get("review"):
        rest += t("ev.review", lang, review=quoted(ev["review"], lang))
    if ev.get("plan"):
        rest += t("ev.plan", lang, plan=quoted(ev["plan"], lang))
    if ev.get("lead"):
        rest += t("ev.lead", lang, lead=quoted(ev["lead"], lang))
    return t("ev.title-period", lang, title=quoted(ev["title"], lang), rest=rest)


# ---- names --------------------------------------------------------------------------------
@renders("name.roster")
def _roster(ev: dict[str, Any], lang: str) -> str:
    roster = ev.get("roster") or {}
    titles = ", ".join(roster.get("titles") or [])
    return t("ev.roster", lang, mention=quoted(ev["mention"], lang, "name"), title=quoted(ev.get("title"), lang),
             roster=f"“{roster.get('name', '')}” ({titles})" if titles else f"“{roster.get('name', '')}”")


@renders("name.title-conflict")
def _title_conflict(ev: dict[str, Any], lang: str) -> str:
    return t("ev.title-conflict", lang, person=f"“{ev.get('person', '')}”", earlier=quoted(ev["earlier"], lang), title=quoted(ev["title"], lang))


@renders("name.variant")
def _variant(ev: dict[str, Any], lang: str) -> str:
    majority = ev.get("majority") or []
    name = majority[0].get("name", "") if majority else ""
    return t("ev.variant", lang, variant=quoted(ev["variant"], lang, "name"), majority=f"“{name}”", n=ev.get("majority_count", len(majority)),
             count=num(ev.get("majority_count", len(majority)), lang))


# ---- text ---------------------------------------------------------------------------------
@renders("text.encoding-damage")
def _mojibake(ev: dict[str, Any], lang: str) -> str:
    return t("ev.mojibake", lang, written=f"“{ev.get('written', '')}”")


@renders("text.invisible-char")
def _invisible(ev: dict[str, Any], lang: str) -> str:
    return t("ev.invisible", lang, chars=", ".join(ev.get("characters") or []), where=where(ev.get("at") or {}, lang))


@renders("text.repeated-syllable")
def _repeated(ev: dict[str, Any], lang: str) -> str:
    return t("ev.repeated", lang, syllable=ev.get("syllable", ""), first=where(ev["first"], lang), second=where(ev["second"], lang))


@renders("text.term-variant")
def _term_variant(ev: dict[str, Any], lang: str) -> str:
    return t("ev.term-variant", lang, written=f"“{ev.get('written', '')}”", term=f"“{ev.get('term', '')}”")


@renders("text.tone-style-mixed")
def _tone(ev: dict[str, Any], lang: str) -> str:
    counts = ev.get("counts") or {}
    return t("ev.tone", lang, old=num(counts.get("old", 0), lang), new=num(counts.get("new", 0), lang))


@renders("text.typo")
def _typo(ev: dict[str, Any], lang: str) -> str:
    return t("ev.typo", lang, written=f"“{ev.get('written', '')}”", right=f"“{ev.get('right', '')}”")


@renders("text.unicode-normalisation")
def _nfd(ev: dict[str, Any], lang: str) -> str:
    return t("ev.nfd", lang, marks=num(ev.get("decomposed_marks", 0), lang), letters=num(ev.get("precomposed_letters", 0), lang))


@renders("text.invalid-syllable")
def _invalid_syllable(ev: dict[str, Any], lang: str) -> str:
    candidates = ev.get("candidates") or []
    near = t("ev.nearest", lang, candidates=", ".join(f"“{c}”" for c in candidates[:3])) if candidates else ""
    return t("ev.invalid-syllable", lang, written=f"“{ev.get('written', '')}”", near=near)


@renders("text.legacy-encoding")
def _legacy(ev: dict[str, Any], lang: str) -> str:
    return t("ev.legacy", lang, name=ev.get("encoding_name") or ev.get("encoding", ""))


@renders("text.real-word-slip")
def _real_word(ev: dict[str, Any], lang: str) -> str:
    context = ev.get("context") or {}
    left, right = context.get("left"), context.get("right")
    side = "left" if left else "right"

    def pair(word: str) -> str:
        return f"“{left} {word}”" if side == "left" else f"“{word} {right}”" if right else f"“{word}”"

    written, candidate = ev.get("written", ""), ev.get("candidate", "")
    return t("ev.real-word", lang, written=pair(written), candidate=pair(candidate),
             written_count=num((ev.get("counts_written") or {}).get(side, 0), lang),
             candidate_count=num((ev.get("counts_candidate") or {}).get(side, 0), lang))


@renders("text.brand-variant")
def _brand(ev: dict[str, Any], lang: str) -> str:
    forms = ev.get("forms") or {}
    listing = ", ".join(t("ev.times", lang, form=f"“{form}”", n=n) for form, n in forms.items())
    return t("ev.brand", lang, forms=listing, majority=f"“{ev.get('majority', '')}”")


@renders("text.glued-figure")
def _glued(ev: dict[str, Any], lang: str) -> str:
    return t("ev.glued", lang, figure=f"“{ev.get('figure', '')}”", word=f"“{ev.get('word', '')}”")


@renders("text.symbol-spacing")
def _symbol_spacing(ev: dict[str, Any], lang: str) -> str:
    return t("ev.symbol-spacing", lang, written=f"“{ev.get('written', '')}”", symbol=f"“{ev.get('symbol', '')}”")


# ---- cross-document and anything else -----------------------------------------------------
def _spans(value: Any, out: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        if isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
            out.append(value)
        for inner in value.values():
            _spans(inner, out)
    elif isinstance(value, list):
        for inner in value:
            _spans(inner, out)
    return out


def generic(ev: dict[str, Any], lang: str) -> str:
    """Every span of the evidence, quoted with its place (and its document when the
    evidence spans several), in order: no raw keys, no debug values."""
    parts = []
    seen = set()
    for span in _spans(ev, []):
        text = span.get("excerpt") or span.get("text") or span.get("name")
        key = (span.get("path"), span.get("start"), span.get("end"))
        if not isinstance(text, str) or key in seen:
            continue
        seen.add(key)
        if span.get("path"):
            parts.append(t("ev.in-doc", lang, value=f"“{text}”", path=span["path"], where=where(span, lang)))
        else:
            parts.append(quoted({**span, "text": text}, lang))
    return " · ".join(parts[:8]) + (" · …" if len(parts) > 8 else "")
