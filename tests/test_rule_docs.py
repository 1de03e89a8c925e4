"""Every rule documents itself, and its documented examples behave as documented."""

from __future__ import annotations

import pytest

from giaoban_qa.archive.base import ArchiveRule
from giaoban_qa.rules import all_rules

from conftest import findings_for

RULES = all_rules()
# Cross-document rules document examples made of several documents; they find nothing in
# one text, so tests/test_archive_rules.py runs their examples through `audit` instead.
SINGLE_DOCUMENT_RULES = sorted(code for code, rule in RULES.items() if not issubclass(rule, ArchiveRule))


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_has_documentation(code: str) -> None:
    rule = RULES[code]
    doc = rule.documentation()
    assert rule.summary() and not rule.summary().startswith("**")
    for heading in ("**What it does**", "**Why it matters**", "**Example**", "**Use instead**"):
        assert heading in doc, f"{code} docstring lacks {heading}"
    assert code.split(".", 1)[0] == rule.category.value, "rule ids start with their category"


@pytest.mark.parametrize("code", SINGLE_DOCUMENT_RULES)
def test_documented_example_fails_and_fix_passes(code: str) -> None:
    failing, passing = RULES[code].examples()
    assert failing and passing
    # A rule about how the file was stored documents the encoding its Example is stored in.
    encoding = getattr(RULES[code], "example_encoding", "utf-8")
    assert [f for f in findings_for(failing, encoding=encoding) if f.rule == code], f"{code}: its Example is not flagged"
    assert not [f for f in findings_for(passing) if f.rule == code], f"{code}: its 'Use instead' text is flagged"


def test_rule_page_markdown_keeps_sections_and_example_lines():
    page = RULES["date.published-before-event"].markdown()
    assert page.startswith("# date.published-before-event\n")
    for heading in ("## What it does", "## Why it matters", "## Example", "## Use instead"):
        assert f"\n{heading}\n" in page
    # A multi-line example stays one block with its line breaks, not a reflowed paragraph.
    example = page.split("## Example\n", 1)[1].split("## Use instead", 1)[0]
    assert example.lstrip().startswith("```text\nHội nghị sơ kết 6 tháng đầu năm 2020\n21:27 25/06/2020\n")
