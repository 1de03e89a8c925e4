"""No new import on the plain check path: a .txt is checked without python-docx, lxml,
pdfminer, the annotator or the fixer being imported (measured with -X importtime and
sys.modules); the same probe sees them when a .docx or a PDF is checked, so it can fail."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT

EDITOR_MODULES = ("docx", "lxml", "pdfminer", "reportlab", "cryptography", "giaoban_qa.annotate", "giaoban_qa.fixes", "giaoban_qa.fixfiles", "giaoban_qa.loaders.pdf", "giaoban_qa.loaders.docx", "difflib")


def imported(args: list[str]) -> tuple[set[str], set[str]]:
    """Modules -X importtime reports, and those in sys.modules at the end, for a check run."""
    code = (
        "import sys; from giaoban_qa.cli import main; main(%r); "
        "print('\\n'.join(sorted(sys.modules)), file=sys.stderr)"
    ) % (args,)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    timed = {m.group(1) for m in re.finditer(r"^import time:\s+\d+\s+\|\s+\d+\s+\|\s+(\S+)", proc.stderr, re.M)}
    loaded = {line for line in proc.stderr.splitlines() if line and not line.startswith("import time:")}
    return timed, loaded


def heavy(modules: set[str]) -> set[str]:
    return {m for m in modules if any(m == h or m.startswith(h + ".") for h in EDITOR_MODULES)}


def test_checking_a_txt_imports_none_of_the_editor_modules() -> None:
    timed, loaded = imported(["check", "examples/tin-tong-ket-nam-2020.txt", "-f", "json"])
    assert "giaoban_qa.engine" in loaded and timed
    assert heavy(timed) == set() and heavy(loaded) == set()


def test_the_probe_sees_them_when_they_are_used(tmp_path) -> None:
    pytest.importorskip("docx")
    from docx_helpers import styled_docx

    path = tmp_path / "r.docx"
    path.write_bytes(styled_docx("Báo cáo\nNgày 23/112020 Huyện ủy họp.\n"))
    _, loaded = imported(["check", str(path), "-f", "json"])
    assert {"docx", "giaoban_qa.loaders.docx"} <= heavy(loaded)


# The data and report libraries the plain check path must not load (issue 15): each costs
# tens of milliseconds to a second of start-up and is needed only for its own feature.
DATA_MODULES = ("pandas", "pyarrow", "pandera", "great_expectations", "jinja2", "dateparser", "trafilatura", "docx", "dask")


def data_heavy(modules: set[str]) -> set[str]:
    return {m for m in modules if any(m == h or m.startswith(h + ".") for h in DATA_MODULES)}


def test_checking_a_txt_imports_none_of_the_data_or_report_libraries() -> None:
    for args in (["check", "examples/tin-tong-ket-nam-2020.txt", "-f", "json"], ["check", "examples/tin-tong-ket-nam-2020.txt"]):
        timed, loaded = imported(args)
        assert "giaoban_qa.rules.text" in loaded and timed
        assert data_heavy(timed) == set() and data_heavy(loaded) == set(), args


def test_the_probe_sees_a_report_library_when_it_is_used(tmp_path) -> None:
    pytest.importorskip("jinja2")
    _, loaded = imported(["check", "examples/tin-tong-ket-nam-2020.txt", "-f", "html", "-o", str(tmp_path / "r.html")])
    assert "jinja2" in data_heavy(loaded)


def test_writing_a_report_with_o_imports_no_tempfile(tmp_path) -> None:
    out = tmp_path / "r.json"
    timed, loaded = imported(["check", "examples/tin-tong-ket-nam-2020.txt", "-f", "json", "-o", str(out)])
    assert out.is_file() and "giaoban_qa.engine" in loaded
    assert {"tempfile", "shutil", "random"} & (timed | loaded) == set()


def test_write_atomic_replaces_the_file_with_ordinary_permissions_and_leaves_no_temp(tmp_path) -> None:
    from giaoban_qa.reporters import write_atomic

    target = tmp_path / "sub" / "r.json"
    write_atomic(target, "một")
    write_atomic(target, b"hai")
    umask = os.umask(0)
    os.umask(umask)
    assert target.read_bytes() == b"hai"
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    assert sorted(p.name for p in target.parent.iterdir()) == ["r.json"]
    write_atomic(target, "ba", mode=0o600)
    assert target.stat().st_mode & 0o777 == 0o600
    with pytest.raises(IsADirectoryError):
        write_atomic(tmp_path, "x")


def test_checking_a_txt_imports_no_hashlib_and_digests_are_hashlibs() -> None:
    import hashlib

    from giaoban_qa import digests

    timed, loaded = imported(["check", "examples/tin-tong-ket-nam-2020.txt", "-f", "json"])
    assert "giaoban_qa.engine" in loaded and {"hashlib", "_hashlib"} & (timed | loaded) == set()
    for data in (b"", "Ủy ban nhân dân".encode("utf-8"), bytes(range(256)) * 9):
        assert digests.sha1(data).hexdigest() == hashlib.sha1(data).hexdigest()
        assert digests.blake2b(data, digest_size=8).digest() == hashlib.blake2b(data, digest_size=8).digest()
