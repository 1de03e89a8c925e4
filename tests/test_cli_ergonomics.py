"""Command-line rough edges: concise lines, statistics, quiet, did-you-mean, NO_COLOR,
piped explain, facts into a new folder, wrapped messages that keep their indent."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from giaoban_qa.cli import main

ROOT = Path(__file__).resolve().parents[1]
BAD = (
    "Ngày 23/112020 Huyện ủy đã tổ chức hội nghị trực tuyến giao ban khối xã, thị trấn.\n"
    "Hội nghị yêu cầu đầy mạnh công tác phòng chống dịch Covid 19 trên địa bàn.\n"
)


@pytest.fixture
def report(tmp_path) -> Path:
    path = tmp_path / "bao-cao.txt"
    path.write_text(BAD, encoding="utf-8")
    return path


def test_concise_is_one_jump_to_line_per_finding(report, capsys):
    assert main(["check", str(report), "-f", "concise"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(line.startswith(f"{report}:") for line in lines)
    first = lines[0].split(":", 3)
    assert first[1:3] == ["1", "6"] and first[3].startswith(" date.malformed ")
    assert any(" text.typo " in line for line in lines)


def test_statistics_counts_per_rule(report, capsys):
    main(["check", str(report), "--statistics", "-f", "json"])
    rows = json.loads(capsys.readouterr().out)
    counts = {row["rule"]: row["count"] for row in rows}
    assert counts["date.malformed"] == 1 and counts["text.typo"] == 1 and counts["text.term-variant"] == 1
    main(["check", str(report), "--statistics", "--lang", "en"])
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["count", "rule", "severity", "summary"]
    assert "date.malformed" in out and "/" not in out.replace(" / ", "")  # no finding lines with paths


def test_quiet_prints_findings_without_summary(report, capsys):
    main(["check", str(report), "-f", "text"])
    loud = capsys.readouterr().out
    main(["check", str(report), "-f", "text", "-q"])
    quiet = capsys.readouterr().out
    assert "date.malformed" in quiet and len(quiet) < len(loud)
    assert "phát hiện" in loud.splitlines()[-1] and "phát hiện" not in quiet.strip().splitlines()[-1]


def test_unknown_flag_and_command_suggest_the_nearest(report, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", str(report), "--formt", "json", "--lang", "en"])
    assert exc.value.code == 2
    assert "--formt (did you mean --format?)" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["chek", str(report), "--lang", "en"])
    assert "did you mean check?" in capsys.readouterr().err
    assert main(["check", str(report), "-f", "jsn", "--lang", "en"]) == 2
    assert "did you mean json?" in capsys.readouterr().err
    # and in Vietnamese, the default
    with pytest.raises(SystemExit):
        main(["check", str(report), "--formt", "json"])
    assert "tham số không nhận ra: --formt (có phải ý bạn là --format?)" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["chek", str(report)])
    assert "(có phải ý bạn là check?)" in capsys.readouterr().err


def test_help_lists_every_format(capsys):
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    for fmt in ("rich", "text", "concise", "json", "html", "sarif", "junit"):
        assert fmt in out


def _run(args, env_extra=None, tty=False):
    import os

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("NO_COLOR", None)
    env.update(env_extra or {})
    code = "import sys; from giaoban_qa.cli import main; sys.stdout.isatty = lambda: True; sys.exit(main(sys.argv[1:]))" if tty else \
        "import sys; from giaoban_qa.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=60)


def test_no_color_environment_is_respected(report):
    coloured = _run(["check", str(report)], tty=True)
    assert "\x1b[" in coloured.stdout
    plain = _run(["check", str(report)], {"NO_COLOR": "1"}, tty=True)
    assert "\x1b[" not in plain.stdout and "date.malformed" in plain.stdout


def test_explain_piped_has_no_padding():
    done = _run(["explain", "date.malformed"])
    assert done.returncode == 0 and done.stdout.startswith("# date.malformed\n")
    assert not any(line.endswith(" ") for line in done.stdout.splitlines())


def test_facts_into_a_folder_that_does_not_exist_yet(report, tmp_path, capsys):
    out = tmp_path / "bang"
    assert main(["facts", str(report), "-f", "csv", "-o", f"{out}/"]) == 0
    written = sorted(p.name for p in out.iterdir())
    assert "dates.csv" in written and len(written) > 1
    assert (out / "dates.csv").read_text(encoding="utf-8").startswith("path,")


def test_wrapped_message_keeps_its_indent(report):
    from giaoban_qa.config import Config
    from giaoban_qa.engine import run_check
    from giaoban_qa.reporters.terminal import render

    long = report.parent / "dai.txt"
    long.write_text("Hội nghị của Ban Thường vụ Huyện ủy yêu cầu đầy mạnh công tác phòng chống dịch.\n", encoding="utf-8")
    result = run_check([str(long)], Config(select=["text.typo"]), keep_documents=True)
    out = render(result, lang="vi", color=False, width=40)
    lines = out.splitlines()
    head = next(i for i, ln in enumerate(lines) if ln.startswith("  1:"))
    context = next(i for i, ln in enumerate(lines) if ln.startswith("    │"))
    message_lines = lines[head + 1 : context]
    assert len(message_lines) >= 2  # the message wrapped at 40 columns
    assert all(ln.startswith("    ") and not ln.endswith(" ") for ln in message_lines), message_lines
