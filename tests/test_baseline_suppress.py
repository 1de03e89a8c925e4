"""Suppressions (inline markers, per-file-ignores), baselines, the review file and the
choice of files (--changed-only, --files-from)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from giaoban_qa.cli import main
from giaoban_qa.config import Config
from giaoban_qa.engine import run_check
from giaoban_qa.review import load_review
from giaoban_qa.suppress import markers_in_html, markers_in_text

HEAD = "KẾT LUẬN\nNgày 02 tháng 11 năm 2020, Thường trực Huyện ủy tổ chức hội nghị giao ban.\n"
CITE = "Thực hiện Báo cáo số 369/BC-UBND, ngày 30 tháng 11 năm 2020 của UBND huyện.\n"
CITE2 = "Theo Tờ trình số 12/TTr-UBND, ngày 25 tháng 11 năm 2020 của UBND huyện.\n"
BAD = HEAD + CITE
RULE = "citation.dated-after-meeting"


def _run(args, capsys):
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def _check(path: Path, **config) -> tuple[list, list]:
    result = run_check([str(path)], Config(**config))
    return result.findings, result.suppressed


# -- inline markers -----------------------------------------------------------------------
@pytest.mark.parametrize("marker", [
    f"<!-- giaoban-qa: ignore {RULE} -->",
    "<!-- giaoban-qa: ignore citation -->",
    "<!-- giaoban-qa: ignore date.malformed, citation. -->",
    "<!--giaoban-qa:ignore-->",
])
def test_marker_on_the_line_before_suppresses_the_next_line(tmp_path, marker):
    f = tmp_path / "a.md"
    f.write_text(HEAD + marker + "\n\n" + CITE, encoding="utf-8")
    findings, suppressed = _check(f)
    assert findings == [] and [s.rule for s in suppressed] == [RULE]
    assert suppressed[0].suppressed and suppressed[0].suppressed_by.startswith("inline marker")


def test_marker_applies_to_one_line_and_named_rules_only(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(HEAD + "<!-- giaoban-qa: ignore date -->\n" + CITE + CITE2, encoding="utf-8")
    findings, suppressed = _check(f)
    assert [x.excerpt for x in findings] == ["ngày 30 tháng 11 năm 2020", "ngày 25 tháng 11 năm 2020"] and suppressed == []
    f.write_text(HEAD + f"<!-- giaoban-qa: ignore {RULE} -->\n" + CITE + CITE2, encoding="utf-8")
    findings, suppressed = _check(f)
    assert [x.excerpt for x in findings] == ["ngày 25 tháng 11 năm 2020"]
    assert [x.excerpt for x in suppressed] == ["ngày 30 tháng 11 năm 2020"]


def test_marker_after_text_applies_to_its_own_line(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(HEAD + CITE.rstrip("\n") + f" <!-- giaoban-qa: ignore {RULE} -->\n" + CITE2, encoding="utf-8")
    findings, suppressed = _check(f)
    assert [x.excerpt for x in findings] == ["ngày 25 tháng 11 năm 2020"] and len(suppressed) == 1


def test_whole_file_marker(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(f"<!-- giaoban-qa: ignore-file {RULE} -->\n" + HEAD + CITE + CITE2, encoding="utf-8")
    findings, suppressed = _check(f)
    assert findings == [] and len(suppressed) == 2
    f.write_text("<!-- giaoban-qa: ignore-file date -->\n" + HEAD + CITE, encoding="utf-8")
    assert len(_check(f)[0]) == 1


def test_markers_in_raw_html_apply_to_the_extracted_text(tmp_path):
    page = (
        "<html><head><title>Giao ban</title></head><body><article><h1>Hội nghị giao ban tháng 11</h1>"
        "<p>Ngày 02 tháng 11 năm 2020, Thường trực Huyện ủy tổ chức hội nghị giao ban để đánh giá tình hình.</p>"
        f"<!-- giaoban-qa: ignore {RULE} -->\n<p>Thực hiện Báo cáo số 369/BC-UBND, ngày 30 tháng 11 năm 2020 của UBND huyện.</p>"
        "<p>Theo Tờ trình số 12/TTr-UBND, ngày 25 tháng 11 năm 2020 của UBND huyện.</p></article></body></html>"
    )
    f = tmp_path / "a.html"
    f.write_text(page, encoding="utf-8")
    findings, suppressed = _check(f)
    assert [x.excerpt for x in findings] == ["ngày 25 tháng 11 năm 2020"]
    assert [x.excerpt for x in suppressed] == ["ngày 30 tháng 11 năm 2020"]
    whole = markers_in_html(f"<!-- giaoban-qa: ignore-file {RULE} -->" + page, "x\n")
    assert whole.reason_for(RULE, 99) == "inline marker (ignore-file)"


def test_marker_parsing_without_markers_is_empty():
    assert not markers_in_text(HEAD + CITE)
    assert not markers_in_text("<!-- an ordinary comment -->\n" + CITE)


def test_per_file_ignores_are_counted_not_lost(tmp_path, capsys):
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "a.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "new.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "giaoban-qa.toml").write_text('[per-file-ignores]\n"*/old/*" = ["citation"]\n', encoding="utf-8")
    code, out, _ = _run(["check", str(tmp_path), "-f", "json"], capsys)
    data = json.loads(out)
    assert [Path(f["path"]).name for f in data["findings"]] == ["new.txt"]
    assert data["summary"]["suppressed"] == 1 and code == 1


# -- baselines ----------------------------------------------------------------------------
def test_baseline_create_then_check_reports_only_new_findings(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(BAD, encoding="utf-8")
    code, out, _ = _run(["baseline", "create", "docs", "-o", ".giaoban-qa-baseline.json", "--lang", "en"], capsys)
    assert code == 0 and "wrote 1 finding from 1 file to .giaoban-qa-baseline.json" in out
    code, out, _ = _run(["baseline", "create", "docs", "-o", ".giaoban-qa-baseline.json"], capsys)
    assert code == 0 and "đã ghi 1 phát hiện từ 1 tệp vào .giaoban-qa-baseline.json" in out
    stored = json.loads((tmp_path / ".giaoban-qa-baseline.json").read_text(encoding="utf-8"))
    assert [(e["path"], e["rule"]) for e in stored["findings"]] == [("docs/a.txt", RULE)]

    code, out, _ = _run(["check", "docs", "--baseline", ".giaoban-qa-baseline.json", "-f", "json"], capsys)
    data = json.loads(out)
    assert data["findings"] == [] and data["summary"]["baselined"] == 1 and code == 0

    # Edits elsewhere (lines added above, spacing changed below) keep the old finding matched;
    # a new error is reported.
    (docs / "a.txt").write_text("Văn bản được cập nhật.\n\n" + BAD + "\n" + CITE2, encoding="utf-8")
    code, out, _ = _run(["check", "docs", "--baseline", ".giaoban-qa-baseline.json", "-f", "json"], capsys)
    data = json.loads(out)
    assert [f["excerpt"] for f in data["findings"]] == ["ngày 25 tháng 11 năm 2020"]
    assert data["summary"]["baselined"] == 1 and code == 1

    # The same baseline matches when the check runs from another folder.
    monkeypatch.chdir(docs)
    code, out, _ = _run(["check", ".", "--baseline", "../.giaoban-qa-baseline.json", "-f", "json"], capsys)
    assert json.loads(out)["summary"]["baselined"] == 1


def test_baseline_matching_counts_duplicates(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    _run(["baseline", "create", "a.txt", "-o", "b.json"], capsys)
    # The same sentence twice (same context): one is in the baseline, the other is new.
    (tmp_path / "a.txt").write_text(HEAD + CITE + "\n" + HEAD + CITE, encoding="utf-8")
    code, out, _ = _run(["check", "a.txt", "--baseline", "b.json", "-f", "json"], capsys)
    data = json.loads(out)
    assert data["summary"]["baselined"] == 1 and len(data["findings"]) == 1


def test_missing_or_invalid_baseline_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    code, _, err = _run(["check", str(tmp_path / "a.txt"), "--baseline", str(tmp_path / "nope.json"), "--lang", "en"], capsys)
    assert code == 2 and "baseline file not found" in err
    (tmp_path / "bad.json").write_text("[1, 2]", encoding="utf-8")
    code, _, err = _run(["check", str(tmp_path / "a.txt"), "--baseline", str(tmp_path / "bad.json"), "--lang", "en"], capsys)
    assert code == 2 and "not a giaoban-qa baseline" in err


# -- auditor review -----------------------------------------------------------------------
def test_review_prints_open_findings_and_records_decisions(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(BAD + CITE2, encoding="utf-8")
    code, out, _ = _run(["review", "a.txt", "--file", "rev.yaml"], capsys)
    assert code == 1 and "2 chưa xét, 0 xác nhận, 0 bác bỏ" in out and "[chưa xét]" in out
    code, out, _ = _run(["review", "a.txt", "--file", "rev.yaml", "--lang", "en"], capsys)
    assert code == 1 and "2 open, 0 confirmed, 0 dismissed" in out
    fps = [line.split("fp=")[1] for line in out.splitlines() if "fp=" in line]
    assert len(fps) == 2
    code, out, _ = _run(["review", "a.txt", "--file", "rev.yaml", "--dismiss", fps[0], "--note", "Ngày ghi đúng theo biên bản", "--lang", "en"], capsys)
    assert "1 open, 0 confirmed, 1 dismissed" in out and fps[0] not in out.split("recorded", 1)[1].split("open,")[0]
    entries = load_review("rev.yaml")
    assert entries[fps[0]]["status"] == "dismissed" and entries[fps[0]]["note"] == "Ngày ghi đúng theo biên bản"
    assert entries[fps[0]]["rule"] == RULE
    _run(["review", "--file", "rev.yaml", "--confirm", fps[1]], capsys)
    code, out, _ = _run(["review", "a.txt", "--file", "rev.yaml", "--lang", "en"], capsys)
    assert code == 0 and "0 open, 1 confirmed, 1 dismissed" in out

    # A re-run after an edit elsewhere keeps the decisions (same fingerprints).
    (tmp_path / "a.txt").write_text("Bổ sung một dòng.\n" + BAD + CITE2, encoding="utf-8")
    code, out, _ = _run(["review", "a.txt", "--file", "rev.yaml", "--lang", "en"], capsys)
    assert "0 open, 1 confirmed, 1 dismissed" in out


def test_html_report_shows_review_status_from_the_file_beside_it(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    _, out, _ = _run(["review", "a.txt", "--file", "reports/giaoban-qa-report.review.json"], capsys)
    fp = out.split("fp=")[1].split()[0]
    _run(["review", "--file", "reports/giaoban-qa-report.review.json", "--dismiss", fp, "--note", "đã kiểm tra"], capsys)
    _run(["check", "a.txt", "-f", "html"], capsys)
    page = (tmp_path / "reports" / "giaoban-qa-report.html").read_text(encoding="utf-8")
    import re

    data = json.loads(re.search(r'id="report-data">(.*?)</script>', page, re.DOTALL).group(1))
    (row,) = data["findings"]
    assert (row["p"], row["st"], row["nt"]) == (fp, "dismissed", "đã kiểm tra")
    assert data["summary"]["review"] == {"open": 0, "confirmed": 0, "dismissed": 1}


def test_bad_review_status_is_reported(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "r.yaml").write_text("findings:\n  abc: {status: maybe}\n", encoding="utf-8")
    code, _, err = _run(["check", str(tmp_path / "a.txt"), "-f", "html", "-o", str(tmp_path / "r.html"), "--review", str(tmp_path / "r.yaml"), "--lang", "en"], capsys)
    assert code == 2 and "status must be one of" in err


# -- choosing files -----------------------------------------------------------------------
def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.email=t@example.org", "-c", "user.name=t", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_changed_only_checks_files_changed_against_a_ref(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _git(tmp_path, "init", "-q")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "old.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "docs" / "edited.txt").write_text(HEAD, encoding="utf-8")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "first")
    (tmp_path / "docs" / "edited.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "docs" / "new.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "notes.txt").write_text(BAD, encoding="utf-8")
    code, out, _ = _run(["check", "docs", "--changed-only", "-f", "json"], capsys)
    assert sorted(Path(f["path"]).name for f in json.loads(out)["files"]) == ["edited.txt", "new.txt"]
    # `--changed-only docs` takes "docs" as a path, not a ref.
    code, out, _ = _run(["check", "--changed-only", "docs", "-f", "json"], capsys)
    assert sorted(Path(f["path"]).name for f in json.loads(out)["files"]) == ["edited.txt", "new.txt"]
    code, out, _ = _run(["check", "--changed-only=HEAD", "-f", "json"], capsys)
    assert sorted(Path(f["path"]).name for f in json.loads(out)["files"]) == ["edited.txt", "new.txt", "notes.txt"]
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "second")
    code, out, _ = _run(["check", "docs", "--changed-only", "-f", "json"], capsys)
    assert json.loads(out)["files"] == [] and code == 0
    code, out, _ = _run(["check", "docs", "--changed-only=HEAD~1", "-f", "json"], capsys)
    assert len(json.loads(out)["files"]) == 2
    code, _, err = _run(["check", "docs", "--changed-only=no-such-ref"], capsys)
    assert code == 2 and "no-such-ref" in err


def test_files_from_reads_a_list(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "list").write_text(f"# uploads\n{tmp_path / 'b.txt'}\n\n", encoding="utf-8")
    code, out, _ = _run(["check", "--files-from", str(tmp_path / "list"), "-f", "json"], capsys)
    assert [Path(f["path"]).name for f in json.loads(out)["files"]] == ["b.txt"]


def test_check_without_paths_is_a_usage_error(capsys):
    code, _, err = _run(["check", "--lang", "en"], capsys)
    assert code == 2 and "PATH" in err
    code, _, err = _run(["check"], capsys)
    assert code == 2 and "ĐƯỜNG-DẪN" in err


def test_pre_commit_hook_definition():
    import yaml

    root = Path(__file__).resolve().parents[1]
    hooks = yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "giaoban-qa")
    assert hook["entry"].startswith("giaoban-qa check") and hook["language"] == "python"
    import re

    assert re.search(hook["files"], "docs/bao-cao.md") and not re.search(hook["files"], "src/x.py")


def test_review_files_beside_a_report_are_merged_newest_last(tmp_path):
    import os

    from giaoban_qa.review import load_reviews, review_paths_for

    report = tmp_path / "r.html"
    (tmp_path / "r.review.yaml").write_text("findings:\n  aaa: {status: confirmed, note: old}\n  bbb: dismissed\n", encoding="utf-8")
    (tmp_path / "r.review.json").write_text('{"version": 1, "findings": {"aaa": {"status": "dismissed", "note": "new"}}}', encoding="utf-8")
    os.utime(tmp_path / "r.review.yaml", (1_000_000, 1_000_000))
    merged = load_reviews(review_paths_for(report))
    assert merged["aaa"]["status"] == "dismissed" and merged["aaa"]["note"] == "new"
    assert merged["bbb"]["status"] == "dismissed"
