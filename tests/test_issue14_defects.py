"""Defects of issue 14 that had no test of their own: each test names the defect."""

from __future__ import annotations

import json

import pytest

from giaoban_qa.cli import main
from conftest import findings_for

TONE_TEXT = "Ban Thường vụ Huyện uỷ: đánh giá kết quả. Ban Thường vụ Huyện ủy tổ chức hội nghị; Thường trực Huyện ủy chủ trì."


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_tone_message_has_no_doubled_parentheses(lang):
    """Issue 14: 'the tone message "(hòa, thủy) (ủy)" doubles parentheses'."""
    (finding,) = findings_for(TONE_TEXT, select="text.tone-style-mixed")
    message = finding.message(lang)
    assert ") (" not in message and "((" not in message and "))" not in message
    assert "(hòa, thủy)" in message and "“ủy”" in message
    assert "word(s)" not in message


def test_a_folder_without_reports_is_not_a_pass(tmp_path, capsys):
    """Issue 14: 'a folder with no reports in it passes with exit 0 and "0 tệp"'."""
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "không đọc được tệp nào, chưa kiểm tra gì" in err and "không phải định dạng giaoban-qa đọc được" in err
    assert main(["check", str(tmp_path), "--lang", "en"]) == 2
    assert "no file was read, nothing was checked (1 skipped: not a format giaoban-qa reads" in capsys.readouterr().err


def test_english_summary_has_real_plurals(tmp_path, capsys):
    """Issue 14: 'English summary "5 file(s), 17 finding(s) (2 error, 15 warning)"'."""
    for i in range(2):
        (tmp_path / f"r{i}.txt").write_text("Hội nghị ngày 31/4/2021 đã đánh giá.\nNgày 30 tháng 2 năm 2021.\n", encoding="utf-8")
    main(["check", str(tmp_path), "-f", "text", "--lang", "en"])
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert "(s)" not in last and last.startswith("2 files, ") and "findings" in last and "errors" in last


def test_the_audit_summary_is_in_the_chosen_language(tmp_path, capsys):
    """Issue 14: the audit summary '278 documents (0 from cache) in 4.7 s; …' in English."""
    (tmp_path / "r.txt").write_text("Ngày 30 tháng 2 năm 2021, hội nghị giao ban.\n", encoding="utf-8")
    main(["audit", str(tmp_path), "--no-cache", "--progress", "-f", "json", "-o", str(tmp_path / "a.json")])
    err = capsys.readouterr().err
    assert "1 văn bản (0 lấy từ bộ nhớ đệm) trong" in err and "giây" in err
    main(["audit", str(tmp_path), "--no-cache", "--progress", "-f", "json", "-o", str(tmp_path / "a.json"), "--lang", "en"])
    assert "1 document (0 from cache) in" in capsys.readouterr().err


def test_rules_and_explain_take_lang(capsys):
    """Issue 14: '`rules` and `explain` (English only; `--lang` refused there)'."""
    assert main(["explain", "date.weekday-mismatch", "--lang", "vi"]) == 0
    vi = capsys.readouterr().out
    assert main(["explain", "date.weekday-mismatch", "--lang", "en"]) == 0
    en = capsys.readouterr().out
    assert "Quy tắc làm gì" in vi and "What it does" in en
    main(["rules", "-f", "json", "--lang", "vi"])
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(r["summary"] for r in rows)


def test_legacy_input_error_is_vietnamese_by_default(tmp_path, capsys):
    """Issue 14: input errors ('no such file or folder', the legacy-encoding message) in
    English inside the Vietnamese interface."""
    main(["check", str(tmp_path / "none.txt")])
    assert "không có tệp hoặc thư mục này" in capsys.readouterr().out
    (tmp_path / "tcvn.txt").write_bytes(b"Bao cao thang 3 nam " + b"\xb8\xb5\xb6\xb7" * 20)
    main(["check", str(tmp_path / "tcvn.txt")])
    out = capsys.readouterr()
    assert "tcvn.txt: không phải UTF-8 hợp lệ tại byte 20" in out.out + out.err
