"""An audit without tables builds the cross-document rules' rows straight from the facts
(``pipeline.Worker`` with ``from_facts``): what leaves a worker must be what compacting the
whole record gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive_helpers import write_cases_and_rule_examples


def _plan_and_workers():
    from giaoban_qa.archive.pipeline import Worker
    from giaoban_qa.archive.rules import ArchiveRule
    from giaoban_qa.archive.shards import ShardPlan
    from giaoban_qa.config import Config
    from giaoban_qa.engine import selected_rules
    from giaoban_qa.extract import load_fact_tables

    import giaoban_qa.archive.documents  # noqa: F401

    config = Config(select=["ALL"], strict=True)
    archive_rules = [r for r in selected_rules(config) if isinstance(r, ArchiveRule)]
    registered = load_fact_tables()
    names = sorted(t for t in {"documents", "dates", *(t for r in archive_rules for t in r.tables)} if t in registered)
    plan = ShardPlan.for_rules(archive_rules, [])
    return plan, Worker(config, names, compact_for=plan), Worker(config, names)


def _items(items):
    """Shard items with a row's index replaced by its rank among the rule's rows of its table
    (the places table leaves out organisations, so indices shift; their order may not)."""
    out, rank = [], {}
    for code, key, ordinal, _i, table, row, doc in items:
        rank[code, table] = rank.get((code, table), -1) + 1
        out.append((code, json.dumps(key), ordinal, rank[code, table], table, json.dumps(row), json.dumps(doc)))
    return out


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> list[Path]:
    folder = write_cases_and_rule_examples(tmp_path_factory.mktemp("from_facts"))
    return sorted(p for p in folder.rglob("*.txt"))


def test_rows_from_the_facts_give_the_shard_items_of_the_whole_record(documents):
    from giaoban_qa.archive.shards import DOC_FIELDS, compact, summarise

    plan, fast, whole = _plan_and_workers()
    assert fast.from_facts and not whole.from_facts
    classes = plan.rules()
    total = 0
    for ordinal, path in enumerate(documents):
        a = fast.process_path(str(path))
        b = compact(whole.process_path(str(path)), plan, classes, False)
        doc_a, items_a = summarise(a, str(path), ordinal, plan, classes)
        doc_b, items_b = summarise(b, str(path), ordinal, plan, classes)
        assert doc_a == doc_b, path
        assert _items(items_a) == _items(items_b), path
        assert {k: a["document"].get(k) for k in (*DOC_FIELDS[1:], "group_source")} == \
            {k: b["document"].get(k) for k in (*DOC_FIELDS[1:], "group_source")}, path
        total += len(items_a)
    assert total > 0  # the rule examples give the rules rows to read


def test_places_without_organisations_are_the_places_table_but_its_organs():
    from giaoban_qa.archive.pipeline import _place_rows_without_organisations
    from giaoban_qa.document import build_document
    from giaoban_qa.extract.people import place_rows

    text = ("Sáng nay, Huyện ủy Lạc Dương họp với UBND huyện Lạc Dương và xã Đạ Sar.\n"
            "Đoàn công tác của tỉnh Lâm Đồng đến thôn Đông Mang, xã Lát.\n")
    doc = build_document("made-up.txt", text, "txt", "utf-8")
    rows = place_rows(doc)
    assert any(r["kind"] == "org" for r in rows) and any(r["kind"] != "org" for r in rows)
    doc = build_document("made-up.txt", text, "txt", "utf-8")
    assert _place_rows_without_organisations(doc) == [r for r in rows if r["kind"] != "org"]


def test_a_rule_whose_keep_may_read_any_column_gets_whole_rows(monkeypatch):
    from giaoban_qa.archive.rules import CitedDocumentConflict

    monkeypatch.setattr(CitedDocumentConflict, "keep_reads_columns", False)
    _plan, fast, _whole = _plan_and_workers()
    assert not fast.from_facts
