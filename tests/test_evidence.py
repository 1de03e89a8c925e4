"""Evidence in words: every rule's evidence becomes a sentence with the compared values."""

from __future__ import annotations

import re

import pytest

from giaoban_qa.archive.base import ArchiveRule
from giaoban_qa.evidence import RENDERERS, describe_evidence
from giaoban_qa.rules import all_rules

from conftest import findings_for

RULES = all_rules()
SINGLE = sorted(code for code, rule in RULES.items() if not issubclass(rule, ArchiveRule))
# Raw keys of the structured evidence that must never reach a reader.
RAW = re.compile(r"\b(year_inferred|start|end|role|form|interval|majority_count|written|minority|computed)\s*:")


@pytest.mark.parametrize("code", SINGLE)
def test_every_rule_renders_its_documented_example_in_both_languages(code):
    assert code in RENDERERS, f"{code} has no evidence renderer in giaoban_qa/evidence.py"
    example = RULES[code].examples()[0]
    finding = next((f for f in findings_for(example) if f.rule == code), None)
    if finding is None:  # a rule about the file rather than its text (text.legacy-encoding): renderer required above
        return
    for lang in ("vi", "en"):
        words = describe_evidence(finding, lang)
        assert words and not RAW.search(words), (lang, words)


def test_the_issue_examples_read_as_sentences():
    text = ("KẾT LUẬN\nNgày 02 tháng 11 năm 2020, Thường trực Huyện ủy tổ chức hội nghị giao ban.\n"
            "Thực hiện Báo cáo số 369/BC-UBND, ngày 30 tháng 11 năm 2020 của UBND huyện.\n")
    f = next(f for f in findings_for(text) if f.rule == "citation.dated-after-meeting")
    assert describe_evidence(f, "vi") == "Hội nghị: 02/11/2020 (dòng 2) · Báo cáo 369/BC-UBND: 30/11/2020 (dòng 3) → văn bản có sau hội nghị 28 ngày"
    assert describe_evidence(f, "en").endswith("→ the document is dated 28 days after the meeting")
    f = next(f for f in findings_for("Số hộ được công nhận 713 hộ/1.159 hộ, đạt 54,52%.\n") if f.rule == "number.percent-mismatch")
    assert describe_evidence(f, "vi") == "“713 hộ” (dòng 1) / “1.159 hộ” (dòng 1) = 61,519 %, văn bản ghi “54,52%” (dòng 1)"
    assert "= 61.519 %, the text says" in describe_evidence(f, "en")


def test_unknown_shapes_fall_back_to_quoted_spans():
    class Odd:
        rule = "citation.dated-after-meeting"
        evidence = {"something": {"text": "ngày 5/5/2020", "start": 1, "end": 5, "line": 4, "column": 2}}

    assert describe_evidence(Odd(), "vi") == "“ngày 5/5/2020” (dòng 4)"
    assert describe_evidence(Odd(), "en") == "“ngày 5/5/2020” (line 4)"
