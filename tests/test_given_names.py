"""The given-name table ``name.variant`` reads (rules/given_names.json) and its builder."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from giaoban_qa.packs import SHIPPED
from giaoban_qa.rules import name as name_rules

ROOT = Path(__file__).resolve().parents[1]


def test_shipped_table_holds_counts_only():
    data = json.loads((SHIPPED / "given_names.json").read_text(encoding="utf-8"))
    counts = data["counts"]
    assert len(counts) > 300
    assert all(isinstance(k, str) and k[:1].isupper() and " " not in k for k in counts)
    assert all(isinstance(v, int) and v >= 3 for v in counts.values())
    assert counts["Minh"] > counts["Hoan"] > 0


def test_rare_beside_tells_a_slip_from_two_names():
    assert name_rules._rare_beside("Kho", "Khoa")
    assert name_rules._rare_beside("VIN", "VINH")  # a heading in capitals
    assert not name_rules._rare_beside("Hoa", "Hoan")  # Hoan is the rarer, but a name
    assert not name_rules._rare_beside("Hoan", "Hoa")


def test_missing_table_reads_as_no_evidence(monkeypatch, tmp_path):
    monkeypatch.setattr(name_rules, "SHIPPED", tmp_path)
    name_rules._given_name_counts.cache_clear()
    try:
        assert name_rules._given_name_counts() == {}
        assert not name_rules._rare_beside("Kho", "Khoa")
    finally:
        monkeypatch.undo()
        name_rules._given_name_counts.cache_clear()


def test_builder_counts_the_last_syllable_of_full_names():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from build_given_names import given_name_counts
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    texts = ["Hôm qua, ông Nguyễn Văn Vinh và bà Trần Thị Thu Hà dự họp. Nguyễn Văn Tèo mở đầu câu.",
             "Sở Xây Dựng Mới họp; đồng chí Lê Minh Vinh phát biểu."]
    counts = given_name_counts(texts, frozenset({"nguyễn", "trần", "lê"}))
    # "Nguyễn Văn Tèo" opens a sentence after a full stop: not counted; "Sở Xây Dựng Mới" has no family name.
    assert counts == {"Vinh": 2, "Hà": 1}
