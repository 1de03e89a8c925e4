"""Helpers for archive tests: small archives written from '=== name.txt' sections."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from giaoban_qa.config import Config

SECTION = re.compile(r"^=== (\S+)\s*$", re.MULTILINE)


def split_archive(text: str) -> dict[str, str]:
    """{'name.txt': text} from a multi-document example."""
    parts = SECTION.split(text)
    assert parts[0].strip() == "", "an archive example starts with '=== name.txt'"
    return {name: body.strip("\n") + "\n" for name, body in zip(parts[1::2], parts[2::2])}


def write_archive(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in split_archive(text).items():
        (folder / name).write_text(body, encoding="utf-8")
    return folder


ARCHIVE_CASES = Path(__file__).resolve().parent / "archive_cases"


def write_cases_and_rule_examples(folder: Path) -> Path:
    """``folder/cases``: the files of ``tests/archive_cases``; ``folder/rules/<code>/<i>``:
    every cross-document rule's examples, written as archives."""
    from giaoban_qa.archive.base import ArchiveRule
    from giaoban_qa.rules import all_rules

    for case in sorted(ARCHIVE_CASES.rglob("*.txt")):
        target = folder / "cases" / case.relative_to(ARCHIVE_CASES)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(case, target)
    for code, cls in all_rules().items():
        if issubclass(cls, ArchiveRule):
            for i, example in enumerate(cls.examples()):
                write_archive(folder / "rules" / code / str(i), example)
    return folder


def audit(paths, select="ALL", jobs: int = 1, cache_dir=None, checks=None, groups=None, **config):
    from giaoban_qa.archive.audit import AuditOptions, run_audit

    cfg = Config(select=[select] if isinstance(select, str) else list(select), strict=True, **config)
    options = AuditOptions(jobs=jobs, cache_dir=str(cache_dir) if cache_dir else None, checks=str(checks) if checks else None, groups=groups)
    return run_audit([str(p) for p in (paths if isinstance(paths, list) else [paths])], cfg, options)


# -- test-only extractors ----------------------------------------------------------------
# Stand-ins for extract/people.py and extract/quantities.py (other branches) that read only
# the shapes our rule examples use, with the row contracts of notes/CONTRACTS.md. When the
# real extractor is registered the tests use it instead.
_PERSON = re.compile(r"Đồng chí (?P<name>[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?: [A-ZĐÀ-Ỹ][\wÀ-ỹ]*){1,3}) - (?P<title>[^.,;]+?)(?= chủ trì|[.,;])")
_AMOUNT = re.compile(
    r"(?P<metric>[A-ZĐa-zà-ỹđ][^.;,]*?) (?:(?P<cum>lũy kế (?P<n>\d+) tháng)|(?P<month>trong tháng)) đạt (?P<v>\d+(?:,\d+)?) tỷ đồng"
    r"(?:, bằng (?P<p>\d+(?:,\d+)?)% kế hoạch năm)?"
)


def fake_people(doc):
    from giaoban_qa.archive.text import fold

    rows = []
    for m in _PERSON.finditer(doc.text):
        rows.append({"start": m.start("name"), "end": m.end("name"), "text": m.group("name"), "name": m.group("name"),
                     "key": fold(m.group("name")), "titles": m.group("title"), "title": m.group("title"), "org": None})
    return rows


def fake_quantities(doc):
    rows = []
    for m in _AMOUNT.finditer(doc.text):
        metric = m.group("metric").strip().lower()
        n = int(m.group("n")) if m.group("n") else None
        period = m.group("cum") or m.group("month")
        value = float(m.group("v").replace(",", ".")) * 1e9
        rows.append({"start": m.start("v"), "end": m.end("v") + 8, "text": doc.text[m.start("v"): m.end("v") + 8], "value": value,
                     "unit": "đồng", "approx": False, "qualifier": None, "relation": None, "metric": metric,
                     "period_text": period, "cumulative_months": n})
        if m.group("p"):
            rows.append({"start": m.start("p"), "end": m.end("p") + 1, "text": m.group("p") + "%", "value": float(m.group("p").replace(",", ".")),
                         "unit": "%", "approx": False, "qualifier": None, "relation": "plan", "metric": metric,
                         "period_text": period, "cumulative_months": n})
    return rows


FAKE_TABLES = {"people": fake_people, "quantities": fake_quantities}


def use_fake_tables_where_missing(monkeypatch) -> list[str]:
    """Register the test-only extractors for tables no real extractor provides yet."""
    from giaoban_qa.extract import FACT_TABLES, load_fact_tables

    load_fact_tables()
    faked = []
    for name, fn in FAKE_TABLES.items():
        if name not in FACT_TABLES:
            monkeypatch.setitem(FACT_TABLES, name, fn)
            faked.append(name)
    return faked
