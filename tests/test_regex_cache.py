"""The compiled-pattern cache of the command line (``giaoban_qa.recache``): a stored pattern
is exactly what ``re`` compiles, a damaged file is ignored, an empty GIAOBAN_QA_CACHE_DIR
turns it off, and a check's report is the same with a cold cache, a warm one and none."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Named groups, flags, look-arounds, a backreference, classes with Vietnamese letters,
# possessive and bounded repeats: the shapes the extractors use.
PATTERNS = [
    (r"(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})", 0),
    (r"(?<![^\W\d_])([^\W\d_]+)[\W\d_]++\1(?![^\W\d_])", 0),
    (r"(?i)ngày\s+\d+\s+tháng\s+\d+", 0),
    (r"\b(?:Ủy|Uỷ)\s+ban\b", 2),  # re.IGNORECASE
    (r"^[ \t]{0,3}#{1,6}(?=[ \t])", 8 | 16),  # MULTILINE | DOTALL
    (r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹ]{2,}x{0,5}?", 0),
]
TEXT = "Ngày 12 tháng 3, họp 02/11/2020; Uỷ ban lĩnh vực vực; ## Tiêu đề\nàáx"


def _run(code: str, cache: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "GIAOBAN_QA_CACHE_DIR": cache}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return proc.stdout


MATCHES = f"""
out = []
for p, f in {PATTERNS!r}:
    c = re.compile(p, f)
    out.append([[m.span(), m.groups(), m.groupdict()] for m in c.finditer({TEXT!r})])
recache.save()
print(json.dumps(out))
"""


def _matches_code(before: str = "") -> str:
    return "import re, json\nfrom giaoban_qa import recache\nrecache.install()\n" + before + MATCHES


def test_stored_patterns_equal_what_re_compiles_and_match_alike(tmp_path: Path) -> None:
    cache = str(tmp_path / "c")
    cold = _run(_matches_code(), cache)
    files = list((tmp_path / "c" / "regex").glob("*.json"))
    assert len(files) == 1
    stored = {(row[0], row[1]) for row in json.loads(files[0].read_text(encoding="utf-8"))}
    assert set(PATTERNS) <= stored
    served = f"""
for p, f in {PATTERNS!r}:
    assert (str, p, f) not in re._cache  # built when first used, not at install
    compiled = re.compile(p, f)
    assert (p, f) in recache._used and (p, f) not in recache._missed  # served from the stored program
    assert re._cache[(str, p, f)] is compiled  # and cached by re as usual
    assert re.compile(p, f) == recache._original_compile(p, f)  # equal to a fresh compile
"""
    warm = _run(_matches_code(served), cache)
    assert warm == cold
    assert json.loads(warm)[0][0][1] == ["02", "11", "2020"]


@pytest.mark.parametrize("content", ["not json", "[1, 2]", '[["(a", 0, 0, "!!", 0, {}, []]]', '{"a": 1}',
                                     '[["x", 0, 32, "AAAA", 0, {}, []]]'])
def test_a_damaged_cache_file_is_ignored(tmp_path: Path, content: str) -> None:
    cache = tmp_path / "c"
    _run(_matches_code(), str(cache))
    (file,) = (cache / "regex").glob("*.json")
    file.write_text(content, encoding="utf-8")
    out = _run(_matches_code(), str(cache))
    assert json.loads(out)[0][0][1] == ["02", "11", "2020"]
    assert json.loads(file.read_text(encoding="utf-8"))  # rewritten with what this run compiled


def test_a_run_keeps_its_own_patterns_when_others_fill_the_file(tmp_path: Path) -> None:
    """The rows dropped at the limit are the least recently used: a run's patterns, served
    or new, are written last, so patterns of other runs (another checkout) go first."""
    cache = str(tmp_path / "c")
    _run(_matches_code(), cache)
    (file,) = (tmp_path / "c" / "regex").glob("*.json")
    filler = f"for i in range(recache._LIMIT):\n    re.compile('filler%d' % i)\nrecache.save()\n"
    _run("import re\nfrom giaoban_qa import recache\nrecache.install()\n" + filler, cache)
    stored = [(row[0], row[1]) for row in json.loads(file.read_text(encoding="utf-8"))]
    assert not set(PATTERNS) & set(stored)  # pushed out by a run that needed all the room
    _run(_matches_code(), cache)  # PATTERNS back, after the newest fillers (the limit less len(PATTERNS))
    # This run uses a stored filler, one new pattern and PATTERNS (stored): those go last,
    # in the order used, the new one after them, and the oldest filler is dropped.
    from giaoban_qa import recache

    last = recache._LIMIT - 1
    again = f"re.compile('filler{last}')\nre.compile('one more')\n"
    _run("import re, json\nfrom giaoban_qa import recache\nrecache.install()\n" + again + MATCHES, cache)
    stored = [(row[0], row[1]) for row in json.loads(file.read_text(encoding="utf-8"))]
    assert len(stored) == len(set(stored)) == recache._LIMIT
    assert stored[-len(PATTERNS) - 2:] == [(f"filler{last}", 0), *PATTERNS, ("one more", 0)]
    assert ("filler6", 0) not in stored and stored[0] == ("filler7", 0)


def test_an_empty_cache_dir_turns_it_off(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    out = _run(_matches_code(), "")
    assert json.loads(out)[0][0][1] == ["02", "11", "2020"]
    assert not any(tmp_path.rglob("*.json"))


def test_check_reports_the_same_with_a_cold_a_warm_and_no_cache(tmp_path: Path) -> None:
    def check(cache: str) -> str:
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "GIAOBAN_QA_CACHE_DIR": cache}
        proc = subprocess.run([sys.executable, "-m", "giaoban_qa", "check", "examples", "-f", "json", "--jobs", "1"],
                              capture_output=True, text=True, env=env, cwd=ROOT)
        assert proc.returncode in (0, 1), proc.stderr
        return proc.stdout

    none = check("")
    cold = check(str(tmp_path / "c"))
    assert list((tmp_path / "c" / "regex").glob("*.json"))
    warm = check(str(tmp_path / "c"))
    assert json.loads(none)["findings"]
    assert none == cold == warm


def test_the_command_lines_own_imports_are_served_from_the_cache(tmp_path: Path) -> None:
    """``python -m giaoban_qa`` installs the cache before importing the command line, so the
    patterns its imports compile (argparse's gettext) are stored and served like the rest."""
    report = ROOT / "examples" / "tin-tong-ket-nam-2020.txt"
    code = f"""
import runpy, sys
sys.argv = ["giaoban_qa", "check", {str(report)!r}, "-f", "json", "-o", {str(tmp_path / "r.json")!r}]
try:
    runpy.run_module("giaoban_qa", run_name="__main__")
except SystemExit:
    pass
import gettext
from giaoban_qa import recache
print((gettext._token_pattern.pattern, gettext._token_pattern.flags & ~32) in recache._used)
"""
    cache = str(tmp_path / "c")
    assert _run(code, cache).split() == ["False"]  # cold: compiled by re, and stored
    assert _run(code, cache).split() == ["True"]
