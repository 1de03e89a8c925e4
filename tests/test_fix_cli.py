"""``check --fix`` / ``--unsafe-fixes`` / ``--diff`` and ``annotate`` from the command line."""

from __future__ import annotations

import codecs
import io
import json
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from giaoban_qa.cli import main
from giaoban_qa.fixes import fixable

PLANTED = "Báo cáo giao ban\nNgày 23/112020 Huyện ủy đầy mạnh phòng chống dịch Covid 19.\nHội nghị có 55 hộ hộ tham gia.\n"


def run(args, capsys):
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def findings_json(paths, capsys) -> list[dict]:
    _, out, _ = run(["check", *map(str, paths), "-f", "json", "--fail-on", "never"], capsys)
    return json.loads(out)["findings"]


def safe_fixable(paths, capsys) -> list[dict]:
    from giaoban_qa.engine import run_check
    from giaoban_qa.config import Config

    result = run_check([str(p) for p in paths], Config())
    return [f for f in result.findings if fixable(f) == "safe"]


def copy_corpus(tmp_path: Path, shared: Path | None) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(ROOT / "examples", target, ignore=shutil.ignore_patterns("*.yaml"))
    if shared is not None:
        shutil.copytree(shared / "seeds", target / "seeds")
    return target


@pytest.fixture
def maybe_shared():
    from conftest import SHARED

    return SHARED if (SHARED / "seeds").is_dir() else None


def test_fix_removes_every_safe_finding_changes_no_other_line_and_is_idempotent(tmp_path, capsys, maybe_shared):
    corpus = copy_corpus(tmp_path, maybe_shared)
    originals = {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()}
    before = safe_fixable([corpus], capsys)
    # The examples alone hold 9 safe fixes; with the seeds and the real corpus, many more.
    assert len(before) >= (15 if maybe_shared else 5)
    fixed_lines = {(f.path, f.line) for f in before}
    code, _, err = run(["check", str(corpus), "--fix", "-f", "json"], capsys)
    assert "fixed" in err or "đã sửa" in err
    left = safe_fixable([corpus], capsys)
    assert left and all(f.path.endswith(".html") for f in left)  # a page is reported, not rewritten
    for path, old in originals.items():
        new = path.read_bytes()
        if path.suffix == ".html":
            assert new == old  # reported, not rewritten
            continue
        old_lines, new_lines = old.decode("utf-8-sig").split("\n"), new.decode("utf-8-sig").split("\n")
        assert len(old_lines) == len(new_lines)
        for number, (a, b) in enumerate(zip(old_lines, new_lines), 1):
            if a != b:
                assert (str(path), number) in fixed_lines, (path, number, a, b)
    after_first = {p: p.read_bytes() for p in originals}
    run(["check", str(corpus), "--fix", "-f", "json"], capsys)
    assert {p: p.read_bytes() for p in originals} == after_first
    code, out, _ = run(["check", str(corpus), "--diff"], capsys)
    assert out == ""


def test_diff_changes_nothing_and_shows_the_fixes(tmp_path, capsys):
    path = tmp_path / "r.txt"
    path.write_text(PLANTED, encoding="utf-8")
    code, out, _ = run(["check", str(path), "--diff"], capsys)
    assert code == 1 and path.read_text(encoding="utf-8") == PLANTED
    assert "-Ngày 23/112020 Huyện ủy đầy mạnh phòng chống dịch Covid 19.\n" in out
    assert "+Ngày 23/11/2020 Huyện ủy đẩy mạnh phòng chống dịch Covid-19.\n" in out
    assert "+Hội nghị có 55 hộ tham gia" not in out  # an unsafe fix is not shown without --unsafe-fixes
    code, out, _ = run(["check", str(path), "--diff", "--unsafe-fixes"], capsys)
    assert "+Hội nghị có 55 hộ tham gia.\n" in out and path.read_text(encoding="utf-8") == PLANTED


def test_unsafe_fixes_apply_the_rest(tmp_path, capsys):
    path = tmp_path / "r.txt"
    path.write_text(PLANTED, encoding="utf-8")
    run(["check", str(path), "--unsafe-fixes"], capsys)
    assert path.read_text(encoding="utf-8").splitlines()[2] == "Hội nghị có 55 hộ tham gia."


@pytest.mark.parametrize(
    "encoding,bom,newline",
    [("utf-8", b"", "\r\n"), ("utf-8", codecs.BOM_UTF8, "\n"), ("utf-16-le", codecs.BOM_UTF16_LE, "\r\n"), ("utf-16-be", codecs.BOM_UTF16_BE, "\n")],
)
def test_fix_keeps_encoding_bom_and_line_endings(tmp_path, capsys, encoding, bom, newline):
    path = tmp_path / "r.md"
    path.write_bytes(bom + PLANTED.replace("\n", newline).encode(encoding))
    path.chmod(0o640)
    run(["check", str(path), "--fix"], capsys)
    data = path.read_bytes()
    assert data.startswith(bom) and (path.stat().st_mode & 0o777) == 0o640
    text = data[len(bom) :].decode(encoding)
    assert text == PLANTED.replace("\n", newline).replace("23/112020", "23/11/2020").replace("đầy", "đẩy").replace("Covid 19", "Covid-19")


def test_fix_on_html_reports_and_leaves_the_page(tmp_path, capsys):
    path = tmp_path / "p.html"
    page = "<html><body><article><h1>Tin giao ban</h1><p>Ngày 23/112020 Huyện ủy đầy mạnh phòng chống dịch.</p></article></body></html>"
    path.write_text(page, encoding="utf-8")
    _, _, err = run(["check", str(path), "--fix", "--lang", "en"], capsys)
    assert path.read_text(encoding="utf-8") == page and "not rewritten" in err


def test_fix_on_docx_writes_tracked_changes(tmp_path, capsys):
    pytest.importorskip("docx")
    from docx_helpers import styled_docx, tracked_changes

    path = tmp_path / "r.docx"
    path.write_bytes(styled_docx(PLANTED))
    run(["check", str(path), "--fix"], capsys)
    changes = tracked_changes(path.read_bytes())
    assert sorted((d, i) for _, d, i in changes) == sorted([("23/112020", "23/11/2020"), ("đầy mạnh", "đẩy mạnh"), ("Covid 19", "Covid-19")])
    before = path.read_bytes()
    run(["check", str(path), "--fix"], capsys)
    assert path.read_bytes() == before  # the changes are read as accepted: nothing left to fix


def test_annotate_writes_a_copy_never_the_input(tmp_path, capsys):
    docx = pytest.importorskip("docx")
    from docx_helpers import comment_anchors, styled_docx

    path = tmp_path / "bao-cao.docx"
    data = styled_docx(PLANTED)
    path.write_bytes(data)
    code, _, err = run(["annotate", str(path)], capsys)
    out = tmp_path / "bao-cao.giaoban-qa.docx"
    assert code == 1 and out.exists() and path.read_bytes() == data and str(out) in err
    anchors = sorted(comment_anchors(out.read_bytes()).values())
    assert anchors == sorted(f["excerpt"] for f in findings_json([path], capsys))
    assert len(list(docx.Document(io.BytesIO(out.read_bytes())).comments)) == len(anchors)
    code, _, err = run(["annotate", str(path), "-o", str(path), "--lang", "en"], capsys)
    assert code == 2 and "input" in err and path.read_bytes() == data
    code, _, err = run(["annotate", str(tmp_path / "x.txt")], capsys)
    assert code == 2 and "check --fix" in err
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really")
    code, _, err = run(["annotate", str(broken)], capsys)
    assert code == 2 and err.count("\n") == 1 and "broken.docx" in err
