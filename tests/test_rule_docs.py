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


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_has_a_vietnamese_page(code: str) -> None:
    """A rule added without its Vietnamese page (giaoban_qa/rule_pages_vi.py) fails here."""
    from giaoban_qa.rule_pages_vi import PAGES

    assert code in PAGES, f"{code} has no Vietnamese page in giaoban_qa/rule_pages_vi.py"
    summary, what, why = PAGES[code]
    assert summary.strip() and what.strip() and why.strip()
    rule = RULES[code]
    page = rule.markdown("vi")
    for heading in ("## Quy tắc làm gì", "## Vì sao quan trọng", "## Ví dụ", "## Nên viết"):
        assert f"\n{heading}\n" in page
    assert "What it does" not in page and "Why it matters" not in page
    # The examples are the docstring's, the very texts the test above runs.
    failing, passing = rule.examples()
    assert failing in page and passing in page
    assert rule.summary("vi") == summary and rule.summary("en") == rule.summary()


def test_no_vietnamese_page_for_a_rule_that_does_not_exist():
    from giaoban_qa.rule_pages_vi import PAGES

    assert set(PAGES) <= set(RULES), set(PAGES) - set(RULES)


def test_explain_and_rules_take_lang(capsys):
    from giaoban_qa.cli import main

    assert main(["explain", "number.percent-mismatch"]) == 0
    out = capsys.readouterr().out
    assert "Quy tắc làm gì" in out and "22.460 ha/27.060 ha đạt 87%" in out
    assert main(["explain", "number.percent-mismatch", "--lang", "en"]) == 0
    assert "What it does" in capsys.readouterr().out
    assert main(["rules", "-f", "json", "--lang", "vi"]) == 0
    import json

    rows = {r["rule"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["number.percent-mismatch"]["summary"].startswith("Tỷ lệ phần trăm")
    assert main(["explain", "number.percent", "--lang", "vi"]) == 2
    assert "Có phải ý bạn là: number.percent-mismatch" in capsys.readouterr().err
