"""The bundled examples produce exactly their planted findings; the seeds behave as
specified (skipped when ../shared is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from giaoban_qa.config import Config
from giaoban_qa.engine import run_check
from giaoban_qa.evaluate import evaluate

from conftest import ROOT


def test_examples_match_their_manifests():
    ev = evaluate(ROOT / "examples", Config(strict=True))
    assert not ev.errors
    assert not ev.missed, [(p.file, p.rule, p.excerpt) for p in ev.missed]
    assert not ev.unexpected, [(f["path"], f["rule"], f["excerpt"]) for f in ev.unexpected]
    assert len(ev.found) >= 3


def _seed(shared: Path, prefix: str) -> str:
    return str(next((shared / "seeds").glob(f"{prefix}_*.txt")))


def _rules(shared: Path, prefix: str, select=("ALL",)):
    result = run_check([_seed(shared, prefix)], Config(select=list(select), strict=True))
    return [(f.rule, f.excerpt) for f in result.findings]


def test_seed_000_malformed_meeting_date(shared):
    assert ("date.malformed", "23/112020") in _rules(shared, "000", ["date"])


def test_seed_003_report_cited_after_meeting(shared):
    assert _rules(shared, "003", ["citation.dated-after-meeting"]) == [("citation.dated-after-meeting", "ngày 30 tháng 11 năm 2020")]


@pytest.mark.parametrize("prefix", ["001", "002", "004"])
def test_clean_seeds_have_no_date_or_first_citation_findings(shared, prefix):
    assert _rules(shared, prefix, ["date", "citation.dated-after-meeting"]) == []


def test_whole_corpus_runs_without_crashing(shared):
    result = run_check([str(shared / "corpus" / "real"), str(shared / "seeds")], Config(strict=True))
    assert len(result.files) > 200 and result.input_errors == 0
