from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from giaoban_qa.cli import main

BAD = "KẾT LUẬN\nNgày 02 tháng 11 năm 2020, Thường trực Huyện ủy tổ chức hội nghị giao ban.\nThực hiện Báo cáo số 369/BC-UBND, ngày 30 tháng 11 năm 2020 của UBND huyện.\n"
CLEAN = "Ngày 02 tháng 11 năm 2020, Thường trực Huyện ủy tổ chức hội nghị giao ban.\n"


def run(args, capsys):
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_contract(tmp_path, capsys):
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    code, out, err = run(["check", str(tmp_path), "--format", "json"], capsys)
    data = json.loads(out)
    assert set(data) == {"tool", "files", "findings", "summary"}
    assert data["tool"]["name"] == "giaoban-qa"
    assert [Path(f["path"]).name for f in data["files"]] == ["bad.txt", "broken.txt", "clean.txt"]
    assert data["files"][1]["error"] and "broken.txt" in data["files"][1]["error"]
    (finding,) = data["findings"]
    for key in ("rule", "category", "severity", "path", "start", "end", "line", "column", "excerpt", "message", "suggestion", "evidence"):
        assert key in finding
    assert finding["rule"] == "citation.dated-after-meeting" and finding["category"] == "citation"
    assert BAD[finding["start"] : finding["end"]] == finding["excerpt"] == "ngày 30 tháng 11 năm 2020"
    assert (finding["line"], finding["column"]) == (3, 35)
    ref = finding["evidence"]["reference"]
    assert BAD[ref["start"] : ref["end"]] == "Ngày 02 tháng 11 năm 2020"
    assert data["summary"]["files"] == 3 and data["summary"]["by_severity"]["error"] == 1
    assert code == 2  # an unreadable input outranks findings
    assert "broken.txt" in err


def test_exit_codes_follow_fail_on(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_text(BAD, encoding="utf-8")
    assert run(["check", str(bad), "-f", "json"], capsys)[0] == 1
    assert run(["check", str(bad), "-f", "json", "--fail-on", "never"], capsys)[0] == 0
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    assert run(["check", str(clean)], capsys)[0] == 0


def test_english_messages_and_rich_output(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_text(BAD, encoding="utf-8")
    code, out, _ = run(["check", str(bad), "--lang", "en"], capsys)
    assert "after the meeting" in out and "citation.dated-after-meeting" in out and "3:35" in out
    code, out, _ = run(["check", str(bad)], capsys)
    assert "sau hội nghị" in out


def test_output_file_is_written(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_text(BAD, encoding="utf-8")
    target = tmp_path / "out" / "report.json"
    run(["check", str(bad), "-f", "json", "-o", str(target)], capsys)
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["findings"] == 1


def test_configuration_select_ignore_and_severity(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_text(BAD, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.giaoban-qa]\nseverity = {"citation.dated-after-meeting" = "warning"}\n', encoding="utf-8")
    code, out, _ = run(["check", str(bad), "-f", "json"], capsys)
    assert json.loads(out)["findings"][0]["severity"] == "warning" and code == 0
    (tmp_path / "giaoban-qa.toml").write_text('ignore = ["citation"]\n', encoding="utf-8")
    code, out, _ = run(["check", str(bad), "-f", "json"], capsys)
    assert json.loads(out)["findings"] == []
    # flags override the file
    code, out, _ = run(["check", str(bad), "-f", "json", "--select", "citation.dated-after-meeting", "--config", str(tmp_path / "pyproject.toml")], capsys)
    assert len(json.loads(out)["findings"]) == 1


def test_bad_configuration_and_unknown_rule_are_usage_errors(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_text(BAD, encoding="utf-8")
    (tmp_path / "giaoban-qa.toml").write_text("fail_on = 3\n", encoding="utf-8")
    code, _, err = run(["check", str(bad), "--lang", "en"], capsys)
    assert code == 2 and "unknown key" in err
    code, _, err = run(["check", str(bad)], capsys)  # Vietnamese by default
    assert code == 2 and "khóa không biết: fail_on" in err
    (tmp_path / "giaoban-qa.toml").unlink()
    code, _, err = run(["check", str(bad), "--select", "no.such-rule", "--lang", "en"], capsys)
    assert code == 2 and "unknown rule" in err
    code, _, err = run(["check", str(bad), "--select", "no.such-rule"], capsys)
    assert code == 2 and "không có quy tắc hoặc tiền tố 'no.such-rule'" in err


def test_stdin(monkeypatch, capsys):
    import io

    class FakeStdin:
        buffer = io.BytesIO(BAD.encode("utf-8"))

    monkeypatch.setattr(sys, "stdin", FakeStdin)
    code, out, _ = run(["check", "-", "-f", "json"], capsys)
    assert code == 1 and json.loads(out)["findings"][0]["path"] == "<stdin>"


def test_rules_and_explain(capsys):
    code, out, _ = run(["rules", "--format", "json"], capsys)
    rows = json.loads(out)
    assert {"date.malformed", "citation.dated-after-meeting"} <= {r["rule"] for r in rows}
    code, out, _ = run(["explain", "date.malformed", "--lang", "en"], capsys)
    assert code == 0 and "Why it matters" in out and "23/112020" in out
    code, out, _ = run(["explain", "date.malformed"], capsys)  # Vietnamese by default
    assert code == 0 and "Vì sao quan trọng" in out and "23/112020" in out
    code, _, err = run(["explain", "nope"], capsys)
    assert code == 2


def test_text_and_facts(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_text(BAD, encoding="utf-8")
    code, out, _ = run(["text", str(bad)], capsys)
    assert out == BAD
    code, out, _ = run(["facts", str(bad), "-f", "json", "-k", "citations"], capsys)
    (row,) = json.loads(out)["citations"]
    assert row["symbol"] == "369/BC-UBND" and BAD[row["start"] : row["end"]] == row["text"]


def test_startup_does_not_import_heavy_modules():
    code = (
        "import sys; from giaoban_qa.cli import main; "
        "main(['check', '-', '-f', 'json']); "
        "heavy = [m for m in ('pandas', 'great_expectations', 'dateparser', 'pandera', 'trafilatura', 'jinja2') if m in sys.modules]; "
        "print(','.join(heavy), file=sys.stderr)"
    )
    proc = subprocess.run([sys.executable, "-c", code], input=CLEAN.encode(), capture_output=True)
    assert proc.stderr.decode().strip() == ""


def test_unwritable_output_is_a_clear_error(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_text(BAD, encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    code, _, err = run(["check", str(bad), "-f", "json", "-o", str(blocker / "sub" / "r.json")], capsys)
    assert code == 2 and err.startswith("giaoban-qa: ") and "Traceback" not in err


def test_output_into_a_folder_names_the_output_not_a_temp_file(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_text(BAD, encoding="utf-8")
    folder = tmp_path / "reports"
    folder.mkdir()
    code, _, err = run(["check", str(bad), "-f", "json", "-o", str(folder)], capsys)
    assert code == 2 and err.count("\n") == 1
    assert str(folder) in err and ".tmp" not in err
    assert list(folder.iterdir()) == [] and sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt", "reports"]


@pytest.mark.parametrize("size", ["0", "-3"])
def test_max_size_must_be_positive(tmp_path, capsys, size):
    bad = tmp_path / "bad.txt"
    bad.write_text(BAD, encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["check", str(bad), "--max-size", size])
    assert exit_info.value.code == 2 and "--max-size" in capsys.readouterr().err


@pytest.mark.parametrize(
    "content",
    [
        b"\xff\xfe garbage",  # not UTF-8
        b'max-size = "abc"\n',
        b"max-size = -1\n",
        b'options = "x"\n',
        b"baseline = 3\n",
        b"rules-dir = 3\n",
        b'[per-file-ignores]\n"x/*" = ["no.such-rule"]\n',
    ],
)
def test_bad_configuration_values_are_one_line_usage_errors(tmp_path, capsys, content):
    bad = tmp_path / "bad.txt"
    bad.write_text(BAD, encoding="utf-8")
    (tmp_path / "giaoban-qa.toml").write_bytes(content)
    code, _, err = run(["check", str(bad), "-f", "json"], capsys)
    assert code == 2 and err.startswith("giaoban-qa: ") and err.count("\n") == 1, err


def test_config_max_size_is_in_mebibytes_like_the_flag(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_text(BAD, encoding="utf-8")
    (tmp_path / "giaoban-qa.toml").write_text("max-size = 1\n", encoding="utf-8")
    code, out, _ = run(["check", str(bad), "-f", "json"], capsys)
    assert code == 1 and json.loads(out)["summary"]["input_errors"] == 0


def test_per_file_ignores_are_relative_to_the_configuration_file(tmp_path, capsys, monkeypatch):
    sub = tmp_path / "archive" / "2015"
    sub.mkdir(parents=True)
    (sub / "bad.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "giaoban-qa.toml").write_text('[per-file-ignores]\n"archive/2015/*" = ["citation"]\n', encoding="utf-8")
    for cwd, path in [(tmp_path, "archive/2015/bad.txt"), (sub, "bad.txt"), (tmp_path.parent, str(sub / "bad.txt"))]:
        monkeypatch.chdir(cwd)
        code, out, _ = run(["check", path, "-f", "json"], capsys)
        assert (code, json.loads(out)["summary"]["suppressed"]) == (0, 1), path


def test_rules_takes_the_short_format_flag_like_check(capsys):
    code, out, _ = run(["rules", "-f", "json"], capsys)
    assert code == 0 and "date.malformed" in {r["rule"] for r in json.loads(out)}


def test_broken_user_rule_pack_is_a_configuration_error_not_a_silently_skipped_rule(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_text(BAD + "Covid 19 vẫn diễn biến phức tạp.\n", encoding="utf-8")
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "terms.yaml").write_text(":\n - [", encoding="utf-8")
    (tmp_path / "giaoban-qa.toml").write_text('rules-dir = "packs"\n', encoding="utf-8")
    code, _, err = run(["check", str(bad), "-f", "json", "--lang", "en"], capsys)
    assert code == 2 and err.count("\n") == 1 and "terms.yaml" in err and "line 1" in err, err


def test_broken_review_file_is_a_one_line_error(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_text(BAD, encoding="utf-8")
    review = tmp_path / "r.yaml"
    review.write_text(":\n - [", encoding="utf-8")
    code, _, err = run(["review", str(bad), "--file", str(review), "--lang", "en"], capsys)
    assert code == 2 and err.count("\n") == 1 and "r.yaml" in err and "line 1" in err, err


def test_plain_terminal_view_marks_the_span_under_the_context_line(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_text(BAD, encoding="utf-8")
    code, out, _ = run(["check", str(bad), "--no-color"], capsys)
    lines = out.splitlines()
    i = next(n for n, line in enumerate(lines) if line.startswith("    │ ") and "ngày 30 tháng 11 năm 2020" in line)
    context, marks = lines[i], lines[i + 1]
    start = context.index("ngày 30 tháng 11 năm 2020")
    assert marks.startswith("    │ ") and marks[marks.index("^") :] == "^" * len("ngày 30 tháng 11 năm 2020")
    assert marks.index("^") == start and "\x1b" not in out


def test_context_line_stops_at_lone_carriage_returns(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(BAD.replace("\n", "\r").encode("utf-8"))
    code, out, _ = run(["check", str(bad), "--no-color"], capsys)
    assert code == 1 and "\r" not in out
    context = next(line for line in out.splitlines() if line.startswith("    │ "))
    assert context.startswith("    │ Thực hiện Báo cáo số 369/BC-UBND")


def test_terminal_summary_counts_files_that_could_not_be_read(tmp_path, capsys):
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    code, out, _ = run(["check", str(tmp_path), "--lang", "en"], capsys)
    # Proper plural forms, not "file(s)" (issue 14).
    assert code == 2 and "No findings." not in out and "(1 file could not be read)" in out and "(s)" not in out
    code, out, _ = run(["check", str(tmp_path)], capsys)
    assert "1 tệp không đọc được" in out


def test_stdin_filename_names_the_input_and_picks_its_format(monkeypatch, capsys):
    import io

    page = (
        "<html><body><nav>Trang chủ | Tìm kiếm theo chuyên mục</nav><article><h1>Giao ban</h1>"
        + "".join(f"<p>Đoạn {i}: công tác xây dựng Đảng tiếp tục được quan tâm trên địa bàn huyện.</p>" for i in range(5))
        + "<p>Thực hiện Kế hoạch số 27-KH/HU, ngày 14/32023 của Ban Thường vụ Huyện ủy.</p></article></body></html>"
    )

    class FakeStdin:
        buffer = io.BytesIO(page.encode("utf-8"))

    monkeypatch.setattr(sys, "stdin", FakeStdin)
    code, out, _ = run(["check", "-", "--stdin-filename", "tin/page.html", "-f", "json", "--select", "date.malformed"], capsys)
    data = json.loads(out)
    (finding,) = data["findings"]
    assert finding["path"] == "tin/page.html" and finding["excerpt"] == "14/32023"
    assert "<p>" not in finding["excerpt"] and code == 1


def test_the_start_ups_objects_are_frozen_once_per_process(tmp_path, capsys):
    import gc
    import subprocess
    import sys

    report = tmp_path / "r.txt"
    report.write_text("Ngày 2 tháng 3 năm 2021.\n", encoding="utf-8")
    probe = ("import gc, sys; from giaoban_qa.cli import main; main(['check', sys.argv[1], '-f', 'json']);"
             "first = gc.get_freeze_count(); main(['check', sys.argv[1], '-f', 'json']);"
             "print(first, gc.get_freeze_count(), gc.isenabled(), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", probe, str(report)], capture_output=True, text=True)
    first, again, enabled = done.stderr.split()[-3:]
    # (The count only falls after the first: frozen objects that die leave it; a second
    # freeze would have added what the first run made.)
    assert int(first) > 10_000 and int(again) <= int(first) and enabled == "True"
