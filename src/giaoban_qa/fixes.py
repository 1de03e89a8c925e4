"""Applying findings' exact suggestions: which may be applied, and applying them to a text.

A finding is fixable when its rule declares ``fix`` ("safe" or "unsafe", see
``giaoban_qa.rules.Rule.fix``) and its suggestion is a plain string different from its
excerpt: that string replaces exactly ``text[start:end]``. ``text.unicode-normalisation``
is the one whole-text fix: its finding stands for every decomposed letter, and applying it
normalises the whole text to NFC.

Pure functions: reading and writing files is ``giaoban_qa.fixwrite``'s job.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from typing import Iterable

from giaoban_qa.findings import Located

SAFE, UNSAFE = "safe", "unsafe"
# The rule whose fix is "normalise the whole text", not a replacement of its span.
WHOLE_TEXT_NFC = "text.unicode-normalisation"


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` (offsets of the original text) by ``replacement``."""

    start: int
    end: int
    replacement: str
    finding: Located


@functools.lru_cache(maxsize=None)
def _rule_fix(code: str) -> str | None:
    # Cached: all_rules() walks the rule package each call, and this runs per finding.
    from giaoban_qa.rules import all_rules

    rule = all_rules().get(code)
    return getattr(rule, "fix", None) if rule is not None else None


def fixable(finding: Located) -> str | None:
    """"safe", "unsafe" or None: how ``finding``'s suggestion may be applied."""
    fix = _rule_fix(finding.rule)
    if fix not in (SAFE, UNSAFE):
        return None
    if finding.rule == WHOLE_TEXT_NFC:
        return fix
    suggestion = finding.finding.suggestion
    if not isinstance(suggestion, str) or suggestion == finding.excerpt:
        return None
    return fix


def replacement(finding: Located) -> str | None:
    """The text that replaces ``finding``'s excerpt, when it is an exact replacement
    (the whole-text NFC fix has none: its excerpt's NFC form stands for it)."""
    if finding.rule == WHOLE_TEXT_NFC:
        return unicodedata.normalize("NFC", finding.excerpt)
    suggestion = finding.finding.suggestion
    return suggestion if isinstance(suggestion, str) else None


def chosen(findings: Iterable[Located], unsafe: bool = False) -> list[Located]:
    """The fixable findings to apply, in text order, none overlapping another (of two that
    overlap the earlier one wins; the other is found again on the next run)."""
    allowed = {SAFE, UNSAFE} if unsafe else {SAFE}
    candidates = sorted((f for f in findings if fixable(f) in allowed), key=lambda f: (f.start, f.end, f.rule))
    out: list[Located] = []
    last_end = -1
    for f in candidates:
        if f.rule == WHOLE_TEXT_NFC:
            continue  # applied to the whole text afterwards, overlaps nothing
        if f.start < last_end:
            continue
        out.append(f)
        last_end = max(last_end, f.end)
    nfc = [f for f in candidates if f.rule == WHOLE_TEXT_NFC]
    return sorted(out + nfc[:1], key=lambda f: (f.start, f.end, f.rule))


def apply_fixes(text: str, findings: list[Located], unsafe: bool = False) -> tuple[str, list[Located]]:
    """``text`` with the fixes of ``findings`` applied, and the findings applied.

    Offsets are the original text's, as findings carry them; edits do not overlap and are
    applied right to left so each one's offsets stay valid. A finding whose excerpt is no
    longer at its offsets (a stale finding) is not applied."""
    applied: list[Located] = []
    whole_nfc = False
    for f in reversed(chosen(findings, unsafe)):
        if f.rule == WHOLE_TEXT_NFC:
            whole_nfc = True
            applied.append(f)
            continue
        new = replacement(f)
        if new is None or text[f.start : f.end] != f.excerpt:
            continue
        text = text[: f.start] + new + text[f.end :]
        applied.append(f)
    if whole_nfc:
        text = unicodedata.normalize("NFC", text)
    applied.reverse()
    return text, applied


def describe_fix(fix: str | None, lang: str = "vi") -> str:
    """How a rule's suggestions are applied, in words (``rules`` and ``explain``)."""
    if fix == SAFE:
        return "sửa an toàn (--fix)" if lang == "vi" else "safe fix (--fix)"
    if fix == UNSAFE:
        return "sửa cần xem lại (--unsafe-fixes)" if lang == "vi" else "unsafe fix (--unsafe-fixes)"
    return "không tự sửa" if lang == "vi" else "no automatic fix"
