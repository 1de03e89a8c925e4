"""Hostile containers and settings (issue 17): zip bombs in .docx, YAML alias bombs in
every file a user or an archive supplies."""

from __future__ import annotations

import zipfile

import pytest

from giaoban_qa.cli import main
from giaoban_qa.loaders import InputError, load_path

REPORT = "Ngày 04 tháng 11 năm 2020, Huyện ủy Ba Chẽ tổ chức giao ban.\n"

# The "billion laughs": 9 levels of 9 aliases, 555 bytes that expand to 9^9 strings.
ALIAS_BOMB = "".join(
    f"{a}: &{a} [{', '.join([f'*{b}'] * 9)}]\n" for b, a in zip("abcdefgh", "bcdefghi")
)
ALIAS_BOMB = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + ALIAS_BOMB
# Small enough that the loader before the fix read it at once: the test then fails by the
# missing refusal, not by exhausting memory.
SMALL_ALIASES = 'a: &a ["x", "y"]\nb: [*a, *a]\nfindings: {}\ngroups: {}\n'


def run(args, capsys):
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


# -- 17.2: .docx zip bombs -------------------------------------------------------------


def _docx_with_big_part(path, megabytes: int, part: str = "word/media/image1.bin"):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph(REPORT.strip())
    document.save(str(path))
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr(part, b"\0" * (megabytes * 1024 * 1024))
    return path


def test_docx_uncompressed_size_is_checked_against_max_size(tmp_path, capsys):
    bomb = _docx_with_big_part(tmp_path / "bomb.docx", 24)
    assert bomb.stat().st_size < 1024 * 1024  # small on disk: the old limit let it through
    with pytest.raises(InputError, match=r"bomb\.docx: \.docx content is 24\.\d MiB uncompressed, over the 20 MiB limit"):
        load_path(str(bomb))
    code, out, err = run(["check", str(bomb), "-f", "json"], capsys)
    assert code == 2 and "uncompressed" in err and len(err.strip().splitlines()) == 1
    # The same file is read when the limit allows it.
    assert "Ba Chẽ" in load_path(str(bomb), 30 * 1024 * 1024).text


def test_docx_with_too_many_parts_is_refused(tmp_path):
    docx = pytest.importorskip("docx")
    from giaoban_qa.loaders.docx import MAX_PARTS

    path = tmp_path / "parts.docx"
    document = docx.Document()
    document.add_paragraph(REPORT.strip())
    document.save(str(path))
    with zipfile.ZipFile(path, "a") as z:
        for i in range(MAX_PARTS + 1):
            z.writestr(f"word/extra/part{i}.xml", b"")
    with pytest.raises(InputError, match="parts, more than"):
        load_path(str(path))


# -- 17.3: YAML alias bombs --------------------------------------------------------------


@pytest.mark.parametrize("text", [ALIAS_BOMB, SMALL_ALIASES], ids=["billion-laughs", "small"])
def test_review_file_with_aliases_is_refused(tmp_path, capsys, text):
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    review = tmp_path / "review.yaml"
    review.write_text(text, encoding="utf-8")
    code, out, err = run(["check", str(report), "-f", "html", "-o", str(tmp_path / "out.html"), "--review", str(review)], capsys)
    assert code == 2
    assert "review.yaml" in err and "aliases" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("text", [ALIAS_BOMB, SMALL_ALIASES], ids=["billion-laughs", "small"])
def test_archive_sidecar_with_aliases_is_refused(tmp_path, text):
    from giaoban_qa.archive.grouping import SIDECAR_NAME, load_sidecar

    sidecar = tmp_path / SIDECAR_NAME
    sidecar.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="aliases"):
        load_sidecar(sidecar)


def test_user_rule_pack_and_check_suite_with_aliases_are_refused(tmp_path):
    from giaoban_qa.packs import PackError, load_pack

    folder = tmp_path / "my-rules"
    folder.mkdir()
    (folder / "terms.yaml").write_text("extend: true\n" + SMALL_ALIASES, encoding="utf-8")
    with pytest.raises(PackError, match="aliases"):
        load_pack("terms", (str(folder),))

    from giaoban_qa.archive.checks import SuiteError, load_suites

    suites = tmp_path / "checks"
    suites.mkdir()
    (suites / "s.yaml").write_text("meta: &m {table: dates}\nexpectations: [*m]\n", encoding="utf-8")
    with pytest.raises(SuiteError, match="aliases"):
        load_suites(suites)


def test_deeply_nested_yaml_is_an_error_not_a_crash(tmp_path):
    from giaoban_qa.archive.grouping import load_sidecar

    sidecar = tmp_path / "deep.yaml"
    sidecar.write_text("groups: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="nested more than"):
        load_sidecar(sidecar)


def test_yaml_without_aliases_still_loads(tmp_path):
    from giaoban_qa.packs import load_user_yaml

    assert load_user_yaml("a: &anchor-only 1\nb: [1, {c: 2}]\n") == {"a": 1, "b": [1, {"c": 2}]}


def test_docx_with_an_unsupported_zip_version_is_an_input_error(tmp_path):
    """Found by benchmarks/fuzz.py: a flipped byte in the central directory made zipfile
    raise NotImplementedError before the size check could say the file is damaged."""
    docx = pytest.importorskip("docx")
    path = tmp_path / "v.docx"
    document = docx.Document()
    document.add_paragraph(REPORT.strip())
    document.save(str(path))
    data = bytearray(path.read_bytes())
    central = data.rfind(b"PK\x01\x02")
    data[central + 6] = 67  # "version needed to extract": 6.7
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match="not a readable .docx"):
        load_path(str(path))
