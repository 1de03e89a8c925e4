"""Odd but valid inputs found in black-box QA: each behaves like its ordinary twin."""

from __future__ import annotations

from giaoban_qa.document import build_document

from conftest import findings_for

REPORT = (
    "BÁO CÁO\nKết quả giao ban tháng 11 năm 2020\n\n"
    "Ngày 04 tháng 11 năm 2020, Huyện ủy Ba Chẽ tổ chức giao ban. "
    "Theo Báo cáo số 118/BC-UBND ngày 29/11/2020, doanh thu đạt 120 tỷ đồng.\n"
)


def _rules_and_excerpts(text: str) -> list[tuple[str, str]]:
    return [(f.rule, f.excerpt) for f in findings_for(text)]


def test_lone_cr_line_endings_read_like_lf():
    expected = _rules_and_excerpts(REPORT)
    assert ("citation.dated-after-meeting", "29/11/2020") in expected
    assert _rules_and_excerpts(REPORT.replace("\n", "\r")) == expected


def test_lone_cr_lines_and_positions():
    doc = build_document("t.txt", REPORT.replace("\n", "\r"))
    assert len(doc.paragraphs) == 3
    line, column = doc.line_col(doc.source.index("Ngày"))
    assert (line, column) == (4, 1)


def test_unreadable_subfolder_is_an_input_error_not_silently_skipped(tmp_path, monkeypatch, capsys):
    import json
    import os

    from giaoban_qa.cli import main

    (tmp_path / "ok.txt").write_text(REPORT, encoding="utf-8")
    closed = tmp_path / "closed"
    closed.mkdir()
    (closed / "x.txt").write_text(REPORT, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == str(closed):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code = main(["check", str(tmp_path), "-f", "json", "--fail-on", "never", "--lang", "en"])
    data = json.loads(capsys.readouterr().out)
    assert code == 2
    errors = {f["path"]: f["error"] for f in data["files"] if f["error"]}
    assert list(errors) == [str(closed)] and "permission denied" in errors[str(closed)]


def test_a_file_named_twice_is_checked_once(tmp_path, monkeypatch, capsys):
    import json

    from giaoban_qa.cli import main

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(REPORT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check", "docs/a.txt", "./docs/a.txt", "docs", str(tmp_path / "docs" / "a.txt"), "-f", "json"])
    data = json.loads(capsys.readouterr().out)
    assert [f["path"] for f in data["files"]] == ["docs/a.txt"]
    assert data["summary"]["findings"] == len(findings_for(REPORT))


def test_a_fifo_inside_a_folder_is_skipped_not_read_forever(tmp_path):
    import os

    import pytest

    from giaoban_qa.loaders import iter_input_paths

    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    # The dangling link is still reported (as a missing file); the FIFO would block a read.
    assert [os.path.basename(p) for p in iter_input_paths([str(tmp_path)])] == ["a.txt", "dangling.txt"]
