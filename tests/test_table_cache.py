"""``audit --tables`` with the cache: an unchanged archive gets the tables written before
(same bytes) without pandas, pandera or pyarrow; a changed file, or a kept copy whose
bytes are not those of its manifest, builds them as usual (``giaoban_qa.archive.tablecache``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from giaoban_qa.archive import engines
from giaoban_qa.cli import main

from archive_helpers import write_cases_and_rule_examples

pytest.importorskip("pandera")
pytest.importorskip("pyarrow")

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def archive(tmp_path) -> Path:
    return write_cases_and_rule_examples(tmp_path / "archive")


def _audit(archive: Path, out: Path, *extra: str) -> str:
    code = main(["audit", str(archive), "-f", "json", "-o", str(out), "--tables", str(out.with_suffix(".tables")),
                 "--partition-size", "3", "--fail-on", "never", "--engine", "local", "-j", "1", *extra])
    assert code == 0
    return out.read_text(encoding="utf-8")


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


class _Built:
    def __init__(self, monkeypatch) -> None:
        self.count = 0
        original = engines._PartWriter.finish

        def finish(writer) -> None:
            self.count += 1
            original(writer)

        monkeypatch.setattr(engines._PartWriter, "finish", finish)


def test_an_unchanged_rerun_copies_the_tables_it_wrote(archive, tmp_path, monkeypatch):
    built = _Built(monkeypatch)
    cache = str(tmp_path / "cache")
    cold = _audit(archive, tmp_path / "cold.json", "--cache-dir", cache)
    assert built.count == 1
    assert list((tmp_path / "cache" / "tables").iterdir())  # a copy was kept
    warm = _audit(archive, tmp_path / "warm.json", "--cache-dir", cache)
    assert built.count == 1  # not built again
    assert warm == cold
    cold_files = _files(tmp_path / "cold.tables")
    assert len(cold_files) >= 7 and _files(tmp_path / "warm.tables") == cold_files
    # The same as a run without any cache, byte for byte.
    _audit(archive, tmp_path / "none.json", "--no-cache")
    assert _files(tmp_path / "none.tables") == cold_files


def test_a_tampered_copy_is_not_used(archive, tmp_path, monkeypatch):
    built = _Built(monkeypatch)
    cache = tmp_path / "cache"
    _audit(archive, tmp_path / "cold.json", "--cache-dir", str(cache))
    (entry,) = (cache / "tables").iterdir()
    part = next((entry / "documents").iterdir())
    part.write_bytes(part.read_bytes()[:-10] + b"0123456789")
    _audit(archive, tmp_path / "warm.json", "--cache-dir", str(cache))
    assert built.count == 2
    assert _files(tmp_path / "warm.tables") == _files(tmp_path / "cold.tables")


def test_a_changed_file_builds_the_tables_again(archive, tmp_path, monkeypatch):
    built = _Built(monkeypatch)
    cache = str(tmp_path / "cache")
    _audit(archive, tmp_path / "cold.json", "--cache-dir", cache)
    changed = sorted(archive.rglob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nNgày 05/3/2021.\n", encoding="utf-8")
    _audit(archive, tmp_path / "warm.json", "--cache-dir", cache)
    assert built.count == 2
    _audit(archive, tmp_path / "none.json", "--no-cache")
    assert _files(tmp_path / "warm.tables") == _files(tmp_path / "none.tables") != _files(tmp_path / "cold.tables")


def test_the_copying_rerun_imports_no_table_library(archive, tmp_path):
    cache = tmp_path / "cache"
    code = ("import json, sys\nfrom giaoban_qa.cli import main\n"
            "code = main(sys.argv[1:])\n"
            "print(json.dumps([code, sorted(m for m in ('pandas', 'pandera', 'pyarrow') if m in sys.modules)]))\n")
    args = ["audit", str(archive), "-f", "json", "-o", str(tmp_path / "r.json"), "--tables", str(tmp_path / "t"),
            "--cache-dir", str(cache), "--fail-on", "never", "--engine", "local", "-j", "1"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    runs = [json.loads(subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                                      check=True).stdout.splitlines()[-1]) for _ in range(2)]
    assert runs[0] == [0, ["pandas", "pandera", "pyarrow"]]  # the first run writes the tables
    assert runs[1] == [0, []]


def test_the_dask_engine_copies_the_tables_of_an_unchanged_archive(archive, tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    written = []
    original = engines.DaskEngine._write_tables

    def write_tables(engine, *args, **kwargs):
        written.append(1)
        return original(engine, *args, **kwargs)

    monkeypatch.setattr(engines.DaskEngine, "_write_tables", write_tables)
    cache = str(tmp_path / "cache")
    cold = _audit(archive, tmp_path / "cold.json", "--cache-dir", cache, "--engine", "dask", "-j", "2")
    warm = _audit(archive, tmp_path / "warm.json", "--cache-dir", cache, "--engine", "dask", "-j", "2")
    assert written == [1] and warm == cold
    assert _files(tmp_path / "warm.tables") == _files(tmp_path / "cold.tables")
    # The local engine's copy is its own (the key names the engine), and its report the same.
    local = _audit(archive, tmp_path / "local.json", "--cache-dir", cache)
    assert local == cold
    assert written == [1] and len(list((tmp_path / "cache" / "tables").iterdir())) == 2


def test_the_copying_rerun_gathers_no_rows_and_a_lost_record_gathers_them_all(archive, tmp_path, monkeypatch):
    """While the kept tables may be copied, cached documents' rows are not gathered; a
    record missing from the cache (the same file, so the same tables key) ends that: the
    rows deferred so far are added, and the tables built equal those of a run without cache."""
    import sqlite3

    built = _Built(monkeypatch)
    added: list[int] = []
    original_add = engines._PartWriter.add
    monkeypatch.setattr(engines._PartWriter, "add", lambda writer, ordinal, rows: (added.append(ordinal), original_add(writer, ordinal, rows))[1])
    cache = tmp_path / "cache"
    _audit(archive, tmp_path / "cold.json", "--cache-dir", str(cache))
    documents = len(added)
    assert documents >= 4 and built.count == 1
    added.clear()
    _audit(archive, tmp_path / "warm.json", "--cache-dir", str(cache))
    assert added == [] and built.count == 1
    with sqlite3.connect(cache / "records.sqlite3") as db:
        (key,) = db.execute("SELECT key FROM records ORDER BY key LIMIT 1").fetchone()
        db.execute("DELETE FROM records WHERE key = ?", (key,))
    lost = _audit(archive, tmp_path / "lost.json", "--cache-dir", str(cache))
    assert sorted(added) == list(range(documents)) and built.count == 2
    _audit(archive, tmp_path / "none.json", "--no-cache")
    assert lost == (tmp_path / "cold.json").read_text(encoding="utf-8")
    assert _files(tmp_path / "lost.tables") == _files(tmp_path / "none.tables") == _files(tmp_path / "cold.tables")
