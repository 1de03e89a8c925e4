"""File names that are not UTF-8 and terminal escapes in documents and names (issue 17.7,
17.8): every format and command writes valid UTF-8; the terminal never gets a control
sequence from a document or a file name."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from giaoban_qa.cli import main
from giaoban_qa.safe_text import no_surrogates, printable

# Our own sentences: an impossible date and a term variant, so every format has findings.
REPORT = "BÁO CÁO\nNgày 31/4/2020, Huyện ủy tổ chức giao ban về Covid 19.\n"
# A document that tries to retitle the window, move the cursor up and erase the line, and
# return to the line start to overwrite it.
HOSTILE = "BÁO CÁO\nNgày 31/4/2020, \x1b]0;pwned\x07 Covid 19 \x1b[1A\x1b[2K\r xong.\n"
INJECTED = ("\x1b]", "\x1b[1A", "\x1b[2K", "\r", "\x1b[8m")


def _latin1_name(folder: Path) -> Path:
    """A file whose name is Latin-1 bytes (an archive unpacked with a legacy code page)."""
    raw = os.fsencode(folder) + b"/b\xe1o-c\xe1o.txt"
    with open(raw, "wb") as fh:
        fh.write(REPORT.encode("utf-8"))
    return Path(os.fsdecode(raw))


def _utf8(data: bytes) -> str:
    return data.decode("utf-8")  # strict: raises on anything that is not UTF-8


@pytest.fixture
def legacy(tmp_path, monkeypatch):
    """A folder named relative to the current one (SARIF writes relative URIs for those)."""
    folder = tmp_path / "d"
    folder.mkdir()
    path = _latin1_name(folder)
    assert "\udce1" in str(path)
    monkeypatch.chdir(tmp_path)
    return Path("d")


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "html", "concise", "rich"])
def test_non_utf8_name_in_every_format_to_a_file(legacy, tmp_path, capsys, fmt):
    out = tmp_path / f"out.{fmt}"
    assert main(["check", str(legacy), "-f", fmt, "-o", str(out)]) == 1
    assert "Traceback" not in capsys.readouterr().err
    text = _utf8(out.read_bytes())
    if fmt in ("json", "sarif"):
        data = json.loads(text)
        if fmt == "json":
            assert {f["path"] for f in data["findings"]} == {str(legacy / "b\udce1o-c\udce1o.txt")}
        else:
            uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in data["runs"][0]["results"]}
            assert all(u.endswith("b%E1o-c%E1o.txt") for u in uris)
    elif fmt == "junit":
        ET.fromstring(text)
    else:
        assert "o-c" in text


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "concise", "rich"])
def test_non_utf8_name_on_standard_output(legacy, capsys, fmt):
    assert main(["check", str(legacy), "-f", fmt]) == 1
    out = capsys.readouterr().out
    _utf8(out.encode("utf-8"))
    if fmt in ("json", "sarif"):
        json.loads(out)


def test_non_utf8_name_in_baseline_facts_and_audit(legacy, tmp_path, capsys):
    baseline = tmp_path / "baseline.json"
    assert main(["baseline", "create", str(legacy), "-o", str(baseline)]) == 0
    json.loads(_utf8(baseline.read_bytes()))
    # The baseline written with the escaped name still matches the file.
    assert main(["check", str(legacy), "--baseline", str(baseline), "-f", "json"]) == 0
    capsys.readouterr()
    assert main(["facts", str(legacy), "-f", "json"]) == 0
    json.loads(capsys.readouterr().out)
    assert main(["facts", str(legacy), "-f", "csv", "-o", str(tmp_path / "f.csv")]) == 0
    _utf8((tmp_path / "f.csv").read_bytes())
    assert main(["audit", str(legacy), "--no-cache", "-f", "json", "-o", str(tmp_path / "a.json"), "--no-progress"]) == 1
    json.loads(_utf8((tmp_path / "a.json").read_bytes()))
    assert "Traceback" not in capsys.readouterr().err


@pytest.fixture
def hostile(tmp_path):
    folder = tmp_path / "h"
    folder.mkdir()
    (folder / "x\x1b[8mhidden.txt").write_text(HOSTILE, encoding="utf-8")
    return folder


@pytest.mark.parametrize("color", ["--color", "--no-color"])
def test_terminal_shows_document_and_name_controls_as_escapes(hostile, capsys, color):
    assert main(["check", str(hostile), color]) == 1
    out = capsys.readouterr().out
    for seq in INJECTED:
        assert seq not in out, repr(seq)
    assert "\\x1b]0;pwned" in out and "\\x1b[8mhidden" in out
    if color == "--no-color":
        assert "\x1b" not in out


def test_concise_and_facts_tables_escape_controls(hostile, capsys):
    assert main(["check", str(hostile), "-f", "concise"]) == 1
    assert main(["facts", str(hostile)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\\x1b[8mhidden" in out


def test_error_lines_on_stderr_escape_controls(tmp_path, capsys):
    missing = tmp_path / "no\x1b]0;x\x07such.txt"
    assert main(["check", str(missing), "-f", "json"]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\x1b]0;x\\x07such" in err


def test_printable_and_no_surrogates():
    assert printable("a\x1b[2Kb\rc\u202ed\udce1") == "a\\x1b[2Kb\\x0dc\\u202ed\\xe1"
    assert printable("tab\tand\nnewline kept, Tiếng Việt") == "tab\tand\nnewline kept, Tiếng Việt"
    assert no_surrogates("b\udce1o") == "b\\udce1o" and json.loads('"' + no_surrogates("b\udce1o") + '"') == "b\udce1o"


def test_concise_keeps_one_finding_per_line(tmp_path, capsys):
    """Found by benchmarks/fuzz.py: a date whose "Ngày" ends a line is quoted across it."""
    path = tmp_path / "r.txt"
    path.write_text("BÁO CÁO\nHuyện ủy họp ngày\n31/4/2020 về Covid 19.\n", encoding="utf-8")
    assert main(["check", str(path), "-f", "concise"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(line.startswith(str(path) + ":") for line in lines), lines
