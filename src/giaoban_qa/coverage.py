"""What was checked in a file, not only what was wrong: facts read and the comparisons the
rules made, with how many were consistent.

Two sources, neither of which changes what a rule finds:

- the facts the extractors read (dates, citations, figures, people), counted only when a
  rule that ran asked for them (``Document.cached_fact``), so a run with ``--select date``
  does not claim to have read the citations;
- :class:`giaoban_qa.rules.Check` records a rule makes with ``self.checked(...)`` wherever it
  recomputes or compares something, whether the result is consistent or not.

``file_coverage`` is JSON (``files[].coverage`` of the JSON contract); ``add_coverage``
sums files into ``summary.coverage``; ``coverage_line`` is the terminal's one line.
"""

from __future__ import annotations

from typing import Any, Iterable

from giaoban_qa.document import Document
from giaoban_qa.i18n import t
from giaoban_qa.rules import CHECK_KINDS, Check

FACT_COUNTS = ("dates", "citations", "figures", "people")


def _fact_extractors() -> dict[str, Any]:
    from giaoban_qa.extract.citations import citations
    from giaoban_qa.extract.dates import dates
    from giaoban_qa.extract.people import people
    from giaoban_qa.extract.quantities import quantities

    return {"dates": dates, "citations": citations, "figures": quantities, "people": people}


def empty_coverage() -> dict[str, Any]:
    return {
        "read": {name: 0 for name in FACT_COUNTS},
        "checks": {kind: {"checked": 0, "consistent": 0, "inconsistent": 0} for kind in CHECK_KINDS},
    }


def file_coverage(doc: Document, checks: Iterable[Check]) -> dict[str, Any]:
    """The coverage of one document: facts read by the rules that ran, and checks made."""
    cov = empty_coverage()
    for name, extractor in _fact_extractors().items():
        facts = doc.cached_fact(extractor)
        if facts is not None:
            cov["read"][name] = _count(facts)
    for check in checks:
        entry = cov["checks"].setdefault(check.kind, {"checked": 0, "consistent": 0, "inconsistent": 0})
        entry["checked"] += 1
        entry["consistent" if check.consistent else "inconsistent"] += 1
    _name_coverage(doc, cov)
    return cov


def _name_coverage(doc: Document, cov: dict[str, Any]) -> None:
    """Names compared, from what ``name.variant`` already grouped (no rule change): every
    distinct person name of the document was compared with the others of its block; the
    spellings it reports as another way of writing a name are the inconsistent ones."""
    try:
        from giaoban_qa.extract.people import people
        from giaoban_qa.rules.name import _name_variant_groups
    except ImportError:
        return
    groups = doc.cached_fact(_name_variant_groups)
    mentions = doc.cached_fact(people)
    if groups is None or not mentions:
        return
    names = {m.name for m in mentions}
    variants = {m.name for _, _, minority in groups for m in minority} & names
    entry = cov["checks"]["name"]
    entry["checked"] += len(names)
    entry["inconsistent"] += len(variants)
    entry["consistent"] += len(names) - len(variants)


def _count(facts: Any) -> int:
    try:
        return len(facts)
    except TypeError:
        return 0


def add_coverage(total: dict[str, Any], cov: dict[str, Any] | None) -> dict[str, Any]:
    """Add one file's coverage into ``total`` (in place) and return it."""
    if not cov:
        return total
    for name, n in cov.get("read", {}).items():
        total["read"][name] = total["read"].get(name, 0) + n
    for kind, entry in cov.get("checks", {}).items():
        into = total["checks"].setdefault(kind, {"checked": 0, "consistent": 0, "inconsistent": 0})
        for key in ("checked", "consistent", "inconsistent"):
            into[key] += entry.get(key, 0)
    return total


def located_check(doc: Document, check: Check) -> dict[str, Any]:
    """A check placed in the user's original text (for the HTML report's marks)."""
    start, end = doc.norm.span_to_original(check.start, check.end)
    line, column = doc.line_col(start)
    return {
        "rule": check.rule, "kind": check.kind, "consistent": check.consistent,
        "start": start, "end": end, "line": line, "column": column,
        "computation": {"vi": check.computation.vi, "en": check.computation.en} if check.computation else None,
    }


def coverage_items(cov: dict[str, Any], lang: str = "vi") -> list[str]:
    """The parts of the coverage line: facts read, then each kind of check with its
    consistent and inconsistent counts ("1 phép tính đã kiểm tra lại, 1 khớp, 0 sai")."""
    items = []
    read = cov.get("read", {})
    for name in FACT_COUNTS:
        if read.get(name):
            items.append(t(f"cov.{name}", lang, n=read[name]))
    for kind in CHECK_KINDS:
        entry = cov.get("checks", {}).get(kind) or {}
        if entry.get("checked"):
            items.append(", ".join((
                t(f"cov.kind.{kind}", lang, n=entry["checked"]),
                t("cov.consistent", lang, n=entry["consistent"]),
                t("cov.inconsistent", lang, n=entry["inconsistent"]),
            )))
    return items


def coverage_line(cov: dict[str, Any], lang: str = "vi") -> str:
    items = coverage_items(cov, lang)
    return t("cov.line", lang, items="; ".join(items) if items else t("cov.nothing", lang))
