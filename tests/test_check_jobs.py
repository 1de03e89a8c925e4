"""``check --jobs N``: workers get paths and return located findings; every report is the
one ``--jobs 1`` gives (order and content), suppressed findings and unreadable files
included."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from giaoban_qa.cli import main

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def folder(tmp_path) -> Path:
    target = tmp_path / "in"
    shutil.copytree(ROOT / "examples", target)
    first = sorted(target.glob("*.txt"))[0]
    # One file with every finding suppressed by an inline marker, one unreadable.
    (target / "suppressed.txt").write_text("<!-- giaoban-qa: ignore-file -->\n" + first.read_text(encoding="utf-8"), encoding="utf-8")
    (target / "broken.txt").write_bytes(b"\x00\x01binary")
    return target


@pytest.mark.parametrize("fmt", ["json", "rich", "sarif", "junit"])
def test_jobs_2_report_is_the_jobs_1_report(folder, tmp_path, capsys, fmt):
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"{jobs}.{fmt}"
        code = main(["check", str(folder), "-f", fmt, "-o", str(out), "--no-color", "-j", jobs])
        err = capsys.readouterr().err
        outputs.append((code, out.read_text(encoding="utf-8"), err))
    assert outputs[0] == outputs[1]
    code, text, _err = outputs[0]
    assert code == 2 and "broken.txt" in text + _err
    if fmt == "json":
        import json

        data = json.loads(text)
        assert data["summary"]["findings"] > 0 and data["summary"]["suppressed"] > 0


def test_jobs_must_be_positive(folder, capsys):
    assert main(["check", str(folder), "-j", "0"]) == 2
    assert "--jobs" in capsys.readouterr().err


HEAVY = ("pandas", "pyarrow", "pandera", "great_expectations", "dask", "distributed", "jinja2", "dateparser", "trafilatura", "docx")


@pytest.mark.parametrize("command", [["check", "-j", "2"], ["check", "-j", "1"], ["audit", "--no-cache", "-j", "2"]])
def test_check_and_a_plain_audit_import_nothing_heavy(tmp_path, command):
    """``check`` (serial or on the pool) and an audit that writes no tables and runs no
    suites never import the data-frame stack or Dask (issue 15: audit imported pandas,
    pandera and pyarrow for an exception class)."""
    import subprocess
    import sys

    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Ngày 05/01/2021, Huyện ủy Ba Chẽ tổ chức hội nghị giao ban tháng 12 năm 2020.\n", encoding="utf-8")
    code = (
        "import sys; from giaoban_qa.cli import main; "
        f"main({[command[0], str(tmp_path), '-f', 'json', '-o', str(tmp_path / 'out.json'), *command[1:]]!r}); "
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**__import__("os").environ, "PYTHONPATH": str(ROOT / "src")})
    assert proc.stderr.strip().splitlines()[-1:] in ([], [""]), proc.stderr
