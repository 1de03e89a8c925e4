"""`giaoban-qa audit` end to end on tiny archives: output contract, parallel runs, the
cache, grouping by sidecar, fact tables with schemas, and user checks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from giaoban_qa.cli import main
from giaoban_qa.rules import all_rules

from archive_helpers import audit, use_fake_tables_where_missing, write_archive

ROOT = Path(__file__).resolve().parents[1]
CITATION_CONFLICT = all_rules()["citation.archive-conflict"].examples()[0]


def run(args, capsys):
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def _without_group(text: str) -> str:
    return text.replace(" Ba Chẽ", "")


def test_audit_json_contract_and_exit_code(tmp_path, capsys):
    folder = write_archive(tmp_path / "a", CITATION_CONFLICT)
    (folder / "broken.txt").write_bytes(b"\x00\x01binary")
    code, out, err = run(["audit", str(folder), "-f", "json", "--no-cache", "-j", "1"], capsys)
    data = json.loads(out)
    assert set(data) == {"tool", "files", "findings", "summary"}
    assert [Path(f["path"]).name for f in data["files"]] == ["broken.txt", "thang-1.txt", "thang-2.txt"]
    (finding,) = [f for f in data["findings"] if f["rule"] == "citation.archive-conflict"]
    assert finding["category"] == "citation" and finding["severity"] == "error"
    assert finding["excerpt"] == "ngày 15/01/2021" or "03-KH/HU" in finding["excerpt"]
    assert code == 2 and "broken.txt" in err  # an unreadable input outranks findings
    (folder / "broken.txt").unlink()
    assert run(["audit", str(folder), "-f", "json", "--no-cache"], capsys)[0] == 1
    assert run(["audit", str(folder), "-f", "json", "--no-cache", "--fail-on", "never"], capsys)[0] == 0
    code, out, _ = run(["audit", str(folder), "--no-cache", "--lang", "en", "--no-color"], capsys)
    assert "citation.archive-conflict" in out and "different dates" in out


def test_audit_usage_errors(tmp_path, capsys):
    assert run(["audit", str(tmp_path), "-f", "nope"], capsys)[0] == 2
    assert run(["audit", str(tmp_path), "-j", "0"], capsys)[0] == 2
    assert run(["audit", str(tmp_path), "--checks", str(tmp_path / "missing")], capsys)[0] == 2


def test_parallel_run_equals_serial_run(tmp_path):
    folder = write_archive(tmp_path / "a", CITATION_CONFLICT)
    for i in range(6):  # enough files for several chunks
        (folder / f"copy-{i}.txt").write_text((folder / "thang-1.txt").read_text(encoding="utf-8"), encoding="utf-8")
    serial, _ = audit(folder, jobs=1)
    parallel, stats = audit(folder, jobs=2)
    assert stats.extracted == 8
    as_json = lambda r: [f.to_json() for f in r.findings]  # noqa: E731
    assert as_json(serial) == as_json(parallel) and as_json(serial)


def test_cache_reextracts_only_changed_files(tmp_path):
    folder = write_archive(tmp_path / "a", CITATION_CONFLICT)
    (folder / "other.txt").write_text("Huyện ủy Ba Chẽ: tin tức\nNgày 01/3/2021, Huyện ủy Ba Chẽ tổ chức hội nghị.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    first, stats = audit(folder, cache_dir=cache)
    assert (stats.extracted, stats.cached) == (3, 0)
    again, stats = audit(folder, cache_dir=cache)
    assert (stats.extracted, stats.cached) == (0, 3)
    assert [f.to_json() for f in again.findings] == [f.to_json() for f in first.findings]
    # One changed file is re-extracted; the fix removes the cross-document finding.
    fixed = folder / "thang-2.txt"
    fixed.write_text(fixed.read_text(encoding="utf-8").replace("25/01/2021", "15/01/2021"), encoding="utf-8")
    after, stats = audit(folder, cache_dir=cache)
    assert (stats.extracted, stats.cached) == (1, 2)
    assert not [f for f in after.findings if f.rule == "citation.archive-conflict"]
    # Other settings are another cache namespace; no cache at all re-extracts everything.
    _, stats = audit(folder, cache_dir=cache, select="citation")
    assert stats.extracted == 3
    _, stats = audit(folder, cache_dir=None)
    assert (stats.extracted, stats.cached) == (3, 0)
    assert (cache / "CACHEDIR.TAG").exists()


def test_cache_and_moved_files(tmp_path):
    folder = write_archive(tmp_path / "a", CITATION_CONFLICT)
    cache = tmp_path / "cache"
    audit(folder, cache_dir=cache)
    moved = tmp_path / "b"
    folder.rename(moved)
    result, stats = audit(moved, cache_dir=cache)
    assert stats.cached == 2
    assert all(f.path.startswith(str(moved)) for f in result.findings)
    for f in result.findings:
        for row in f.evidence["variants"]:
            assert all(o["path"].startswith(str(moved)) for o in row["occurrences"])


def test_groups_from_sidecar(tmp_path, capsys):
    folder = write_archive(tmp_path / "a", _without_group(CITATION_CONFLICT))
    result, _ = audit(folder, select="citation.archive-conflict")
    assert result.findings == []  # no group: "03-KH/HU" of unknown districts are not compared
    (folder / "giaoban-qa-archive.yaml").write_text('groups:\n  "thang-*.txt": "huyện Ba Chẽ"\n', encoding="utf-8")
    result, _ = audit(folder, select="citation.archive-conflict")
    assert len(result.findings) == 1 and result.findings[0].evidence["group"] == "huyện Ba Chẽ"
    # An explicit sidecar elsewhere.
    (folder / "giaoban-qa-archive.yaml").unlink()
    other = tmp_path / "groups.yaml"
    other.write_text('groups:\n  "a/thang-1.txt": "huyện Ba Chẽ"\n  "a/thang-2.txt": "huyện Tiên Yên"\n', encoding="utf-8")
    result, _ = audit(folder, select="citation.archive-conflict", groups=str(other))
    assert result.findings == []


def test_group_detection_from_text():
    from giaoban_qa.archive.grouping import detect_group
    from giaoban_qa.document import build_document

    def group(text):
        return detect_group(build_document("t.txt", text))

    assert group("Huyện ủy Ba Chẽ tổ chức hội nghị giao ban.\n")[0] == "huyện Ba Chẽ"
    assert group("UBND huyện\nĐơn Dương, ngày 05 tháng 01 năm 2020\nBáo cáo tình hình tháng 12.\n") == ("Đơn Dương", "place line")
    assert group("Hội nghị giao ban tháng 5.\nNội dung hội nghị.\n\nTrung tâm TT&VH Ba Chẽ\n") == ("Ba Chẽ", "attribution")
    # A person's name after a body is not a place; nothing named: no group.
    assert group("Bí thư Huyện ủy Trần Văn Kỳ chủ trì hội nghị.\n") == ("", "none")
    assert group("Thường trực Huyện ủy tổ chức hội nghị.\n") == ("", "none")


def test_severity_and_per_file_ignores_apply_to_cross_document_findings(tmp_path):
    folder = write_archive(tmp_path / "a", CITATION_CONFLICT)
    result, _ = audit(folder, select="citation.archive-conflict", severity={"citation.archive-conflict": "info"})
    assert [f.severity.value for f in result.findings] == ["info"]
    result, _ = audit(folder, select="citation.archive-conflict", per_file_ignores={"*thang-2.txt": ["citation"]})  # the primary location
    assert result.findings == [] and [f.suppressed_by for f in result.suppressed] == ["per-file-ignores"]


def test_inline_markers_and_baselines_apply_to_audit_findings(tmp_path, capsys):
    folder = write_archive(tmp_path / "a", CITATION_CONFLICT)
    target = folder / "thang-2.txt"
    original = target.read_text(encoding="utf-8")
    target.write_text("<!-- giaoban-qa: ignore-file citation.archive-conflict -->\n" + original, encoding="utf-8")
    result, _ = audit(folder, select="citation.archive-conflict", cache_dir=tmp_path / "cache")
    assert result.findings == [] and result.suppressed[0].suppressed_by.startswith("inline marker")
    result, _ = audit(folder, select="citation.archive-conflict", cache_dir=tmp_path / "cache")  # markers come from the cache
    assert result.findings == [] and len(result.suppressed) == 1
    target.write_text(original, encoding="utf-8")
    from giaoban_qa.baseline import baseline_dict

    baseline = tmp_path / "baseline.json"
    today, _ = audit(folder)
    baseline.write_text(json.dumps(baseline_dict(today, baseline)), encoding="utf-8")
    code, out, err = run(["audit", str(folder), "-f", "json", "--no-cache", "--baseline", str(baseline)], capsys)
    data = json.loads(out)
    assert code == 0 and data["findings"] == [] and data["summary"]["baselined"] == len(today.findings) >= 1, err


def test_html_report_of_an_audit(tmp_path, capsys):
    folder = write_archive(tmp_path / "a", CITATION_CONFLICT)
    report = tmp_path / "audit.html"
    code, _, err = run(["audit", str(folder), "-f", "html", "-o", str(report), "--no-cache"], capsys)
    html = report.read_text(encoding="utf-8")
    assert code == 1 and "citation.archive-conflict" in html and "Tiếp tục thực hiện Kế hoạch" in html


def test_progress_and_summary_on_stderr(tmp_path, capsys):
    folder = write_archive(tmp_path / "a", CITATION_CONFLICT)
    code, out, err = run(["audit", str(folder), "-f", "json", "--no-cache", "--progress", "--lang", "en"], capsys)
    assert code == 1 and "2 documents (0 from cache)" in err and json.loads(out)["summary"]["findings"] >= 1
    # Vietnamese by default, numbers written the Vietnamese way.
    code, out, err = run(["audit", str(folder), "-f", "json", "--no-cache", "--progress"], capsys)
    assert code == 1 and "2 văn bản (0 lấy từ bộ nhớ đệm) trong " in err and " giây; 1 phát hiện liên văn bản" in err


def test_facts_tables_to_parquet_csv_json(tmp_path, capsys):
    import pandas as pd

    folder = write_archive(tmp_path / "a", CITATION_CONFLICT)
    out_dir = tmp_path / "tables"
    code, _, err = run(["facts", str(folder), "-f", "parquet", "-o", str(out_dir)], capsys)
    assert code == 0, err
    docs = pd.read_parquet(out_dir / "documents.parquet")
    assert {"sha256", "title", "kind", "event_date", "published", "group", "chars", "path"} <= set(docs.columns)
    assert sorted(docs["event_date"]) == ["2021-02-05", "2021-03-04"] and set(docs["group"]) == {"huyện Ba Chẽ"}
    cites = pd.read_parquet(out_dir / "citations.parquet")
    assert sorted(cites["date"]) == ["2021-01-15", "2021-01-25"] and str(cites["start"].dtype) == "Int64"
    assert (out_dir / "dates.parquet").exists()
    code, out, _ = run(["facts", str(folder), "-f", "json", "-k", "documents"], capsys)
    assert code == 0 and json.loads(out)["documents"][0]["kind"] == "giao-ban"
    assert run(["facts", str(folder), "-f", "parquet"], capsys)[0] == 2  # parquet needs -o DIR


def test_schema_failure_is_reported_with_rows_and_nothing_written(tmp_path, capsys, monkeypatch):
    from giaoban_qa.extract import FACT_TABLES, load_fact_tables

    load_fact_tables()

    def broken_periods(doc):
        return [{"start": 0, "end": 5, "text": doc.text[:5], "kind": "fortnight", "first_month": 13, "last_month": 2,
                 "year": 2021, "year_inferred": False, "role": "title"}]

    monkeypatch.setitem(FACT_TABLES, "periods", broken_periods)
    folder = write_archive(tmp_path / "a", CITATION_CONFLICT)
    out_dir = tmp_path / "tables"
    code, _, err = run(["facts", str(folder), "-f", "parquet", "-o", str(out_dir), "--lang", "en"], capsys)
    assert code == 2
    assert "periods" in err and "extractor bug" in err and "thang-1.txt" in err and "first_month" in err and "kind" in err
    assert not out_dir.exists() or not list(out_dir.iterdir())
    code, out, err = run(["facts", str(folder), "-f", "csv", "--lang", "en"], capsys)
    assert code == 2 and out == ""

    def missing_column(doc):
        return [{"start": 0, "end": 5, "text": "x", "kind": "month"}]

    monkeypatch.setitem(FACT_TABLES, "periods", missing_column)
    code, _, err = run(["facts", str(folder), "-f", "json", "-k", "periods"], capsys)
    assert code == 2 and "column missing" in err


def test_schemas_accept_valid_rows_and_coerce_types():
    from giaoban_qa.archive.schemas import SchemaFailure, to_frame

    row = {"path": "a.txt", "start": 0, "end": 4, "text": "5,2%", "value": 5, "unit": "%", "approx": False, "qualifier": None,
           "relation": "plan", "metric": None, "period_text": None, "cumulative_months": None}
    frame = to_frame("quantities", [row, {**row, "cumulative_months": 4}])
    assert str(frame["cumulative_months"].dtype) == "Int64" and frame["value"].dtype == float
    with pytest.raises(SchemaFailure) as info:
        to_frame("quantities", [{**row, "relation": "plan-ish", "end": -1}])
    assert {f["column_name"] for f in info.value.failures} >= {"relation", "end"}
    assert to_frame("quantities", []).empty


SUITE_ARCHIVE = """=== thang-4.txt
Huyện ủy Ba Chẽ: giao ban tháng 4 năm 2021
Ngày 05/5/2021, Thường trực Huyện ủy Ba Chẽ tổ chức hội nghị giao ban. Thu ngân sách nhà nước lũy kế 4 tháng đạt 45 tỷ đồng, bằng 350% kế hoạch năm.
=== thang-5.txt
Huyện ủy Ba Chẽ: giao ban tháng 5 năm 2021
Thường trực Huyện ủy Ba Chẽ họp giao ban. Triển khai Kế hoạch số 03-KH/UBND ngày 15/01/2021 và Nghị quyết số 20-NQ/TU ngày 02/12/2019.
"""


def test_great_expectations_suites_become_findings(tmp_path, monkeypatch):
    use_fake_tables_where_missing(monkeypatch)
    folder = write_archive(tmp_path / "a", SUITE_ARCHIVE)
    result, stats = audit(folder, select="date.malformed", checks=ROOT / "checks")
    found = {f.rule: f for f in result.findings if ".check-" in f.rule}
    assert set(found) == {"number.check-budget-plan-0-300", "date.check-meeting-has-event-date", "citation.check-party-issuer"}, stats.notes
    plan = found["number.check-budget-plan-0-300"]
    assert plan.severity.value == "warning" and plan.category.value == "number"
    (row,) = plan.evidence["rows"]
    text = (folder / "thang-4.txt").read_text(encoding="utf-8")
    assert row["path"].endswith("thang-4.txt") and text[row["start"] : row["end"]].startswith("350")
    assert found["date.check-meeting-has-event-date"].path.endswith("thang-5.txt")
    party = found["citation.check-party-issuer"]
    assert party.excerpt.startswith("Kế hoạch số 03-KH/UBND") and party.evidence["unexpected_count"] == 1


def test_suite_for_a_table_nobody_registers_is_skipped_with_a_note(tmp_path):
    suite = tmp_path / "s.yaml"
    suite.write_text("name: s\nmeta: {table: nonexistent, category: text, severity: info}\nexpectations: []\n", encoding="utf-8")
    folder = write_archive(tmp_path / "a", CITATION_CONFLICT)
    result, stats = audit(folder, select="date.malformed", checks=suite)
    assert any("nonexistent" in str(n) for n in stats.notes)
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: s\nmeta: {table: dates, category: nope}\nexpectations: []\n", encoding="utf-8")
    from giaoban_qa.archive.checks import SuiteError

    with pytest.raises(SuiteError):
        audit(folder, checks=bad)


def test_check_startup_stays_light_with_archive_registered():
    code = (
        "import sys; from giaoban_qa.cli import main; main(['rules', '--format', 'json']); "
        "heavy = [m for m in ('pandas', 'great_expectations', 'pandera', 'pyarrow', 'sqlite3', 'multiprocessing.pool') if m in sys.modules]; "
        "print(','.join(heavy), file=sys.stderr)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, env=env)
    assert proc.returncode == 0 and proc.stderr.decode().strip() == ""
    assert "citation.archive-conflict" in proc.stdout.decode()


def test_audit_reports_the_same_per_document_findings_as_check(tmp_path, capsys):
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "bad.txt").write_text(
        "KẾT LUẬN\nNgày 02 tháng 11 năm 2020, Thường trực Huyện ủy tổ chức hội nghị giao ban.\n"
        "Thực hiện Báo cáo số 369/BC-UBND, ngày 30 tháng 11 năm 2020 của UBND huyện. Họp ngày 23/112020.\n", encoding="utf-8")
    import unicodedata

    (folder / "nfd.txt").write_text(unicodedata.normalize("NFD", (folder / "bad.txt").read_text(encoding="utf-8")), encoding="utf-8")
    _, checked, _ = run(["check", str(folder), "-f", "json"], capsys)
    cache = tmp_path / "cache"
    for _ in range(2):  # cold, then from the cache
        _, audited, _ = run(["audit", str(folder), "-f", "json", "--cache-dir", str(cache), "-j", "2"], capsys)
        per_document = [f for f in json.loads(audited)["findings"] if f["rule"] in {g["rule"] for g in json.loads(checked)["findings"]}]
        assert per_document == json.loads(checked)["findings"] and len(per_document) >= 4


def test_unusable_cache_folder_is_a_note_not_a_failure(tmp_path):
    folder = write_archive(tmp_path / "a", CITATION_CONFLICT)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    result, stats = audit(folder, cache_dir=blocker / "cache")
    assert stats.extracted == 2 and any("unusable" in str(n) for n in stats.notes) and result.findings


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_facts_csv_and_json_into_a_folder_write_one_file_per_table(tmp_path, capsys, fmt):
    import pandas as pd

    folder = write_archive(tmp_path / "a", CITATION_CONFLICT)
    out_dir = tmp_path / "tables"
    out_dir.mkdir()
    code, _, err = run(["facts", str(folder), "-f", fmt, "-o", str(out_dir)], capsys)
    assert code == 0, err
    assert {"documents." + fmt, "citations." + fmt, "dates." + fmt} <= {p.name for p in out_dir.iterdir()}
    docs = pd.read_csv(out_dir / "documents.csv") if fmt == "csv" else pd.DataFrame(json.loads((out_dir / "documents.json").read_text("utf-8")))
    assert sorted(docs["event_date"]) == ["2021-02-05", "2021-03-04"]


@pytest.mark.parametrize("content", [":\n - [", "groups: [1, 2]\n", "\xff"])
def test_bad_or_missing_groups_file_is_a_one_line_usage_error(tmp_path, capsys, content):
    folder = write_archive(tmp_path / "a", CITATION_CONFLICT)
    groups = tmp_path / "groups.yaml"
    groups.write_bytes(content.encode("latin-1"))
    for path in (groups, tmp_path / "missing.yaml"):
        code, _, err = run(["audit", str(folder), "--no-cache", "-f", "json", "--groups", str(path)], capsys)
        assert code == 2 and err.startswith("giaoban-qa: ") and err.count("\n") == 1 and str(path) in err, err
        assert "Errno" not in err
