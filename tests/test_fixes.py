"""Applying exact suggestions: which are safe, applying right to left, idempotence."""

from __future__ import annotations

import pytest

from conftest import findings_for
from giaoban_qa.fixes import apply_fixes, fixable
from giaoban_qa.rules import all_rules

TEXT = "Ngày 23/112020 Huyện ủy đầy mạnh phòng chống dịch Covid 19; hội nghị có 55 hộ hộ tham gia.\r\n"


def test_safe_fixes_only_by_default_and_offsets_of_the_original_text() -> None:
    findings = findings_for(TEXT)
    kinds = {f.rule: fixable(f) for f in findings}
    assert kinds["date.malformed"] == "safe" and kinds["text.typo"] == "safe" and kinds["text.term-variant"] == "safe"
    assert kinds["text.repeated-syllable"] == "unsafe"
    fixed, applied = apply_fixes(TEXT, findings)
    assert fixed == "Ngày 23/11/2020 Huyện ủy đẩy mạnh phòng chống dịch Covid-19; hội nghị có 55 hộ hộ tham gia.\r\n"
    assert [f.rule for f in applied] == ["date.malformed", "text.typo", "text.term-variant"]
    fixed_all, applied_all = apply_fixes(TEXT, findings, unsafe=True)
    assert "55 hộ tham gia" in fixed_all and len(applied_all) == 4


def test_fixing_twice_changes_nothing() -> None:
    fixed, _ = apply_fixes(TEXT, findings_for(TEXT), unsafe=True)
    again, applied = apply_fixes(fixed, findings_for(fixed), unsafe=True)
    assert again == fixed and applied == []


def test_advice_is_never_applied_and_stale_findings_are_skipped() -> None:
    text = "Ngày 31/4/2021 Huyện ủy họp."
    findings = findings_for(text)
    assert findings and all(fixable(f) is None for f in findings)
    assert apply_fixes(text, findings, unsafe=True) == (text, [])
    stale = findings_for(TEXT)
    assert apply_fixes("x" + TEXT, stale)[1] == []


def test_nfd_text_is_normalised_whole() -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", "Huyện ủy đầy mạnh công tác.")
    fixed, applied = apply_fixes(text, findings_for(text))
    assert fixed == "Huyện ủy đẩy mạnh công tác." and {f.rule for f in applied} == {"text.typo", "text.unicode-normalisation"}


@pytest.mark.parametrize("code", [c for c, r in all_rules().items() if r.fix])
def test_a_fixing_rule_is_clean_on_its_own_example_once_fixed(code: str) -> None:
    rule = all_rules()[code]
    example, _ = rule.examples()
    assert rule.fix in ("safe", "unsafe") and example
    findings = findings_for(example, code)
    fixed, applied = apply_fixes(example, findings, unsafe=True)
    left = findings_for(fixed, code)
    assert len(left) == len(findings) - len(applied)
