"""YAML test cases per rule (sqlfluff style): ``tests/rule_cases/<rule id>.yaml``.

Each case has ``text`` and ``expect``: a list of expected findings of that rule (each with
``excerpt`` and optionally ``severity``, ``suggestion``), or ``[]`` for a passing case.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from giaoban_qa.rules import all_rules

from conftest import findings_for

CASE_DIR = Path(__file__).parent / "rule_cases"


def _cases():
    for path in sorted(CASE_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            yield pytest.param(data["rule"], case, id=f"{data['rule']}::{case['name']}")


@pytest.mark.parametrize("rule, case", list(_cases()))
def test_rule_case(rule: str, case: dict) -> None:
    assert rule in all_rules(), f"unknown rule {rule}"
    found = [f for f in findings_for(case["text"], select=case.get("select", rule), kind=case.get("kind", "txt"), encoding=case.get("encoding", "utf-8")) if f.rule == rule]
    expected = case["expect"]
    assert [f.excerpt for f in found] == [e["excerpt"] for e in expected], [f.message("en") for f in found]
    for f, e in zip(found, expected):
        if "severity" in e:
            assert f.severity.value == e["severity"]
        if "suggestion" in e:
            assert e["suggestion"] in (f.suggestion("vi") or "") + " " + (f.suggestion("en") or "")
        if "message_contains" in e:
            assert e["message_contains"] in f.message("vi") + " " + f.message("en")
