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

        def finish(writer, *args, **kwargs) -> None:
            self.count += 1
            original(writer, *args, **kwargs)

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
    assert runs[0] == [0, ["pyarrow"]]  # the first run writes the tables (every part passes archive.rowcheck: no pandas)
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


def test_the_copying_rerun_gathers_no_rows_and_a_lost_record_gathers_only_its_own(archive, tmp_path, monkeypatch):
    """While the kept tables may be copied, cached documents' rows are not gathered; a
    record missing from the cache (the same file, so the same part keys) is extracted
    again, its rows added, and its part still copied (its inputs are the same): the
    tables equal those of a run without cache."""
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
    parts = _Parts(monkeypatch)
    lost = _audit(archive, tmp_path / "lost.json", "--cache-dir", str(cache))
    assert len(added) == 1 and built.count == 2 and parts.built == set()
    _audit(archive, tmp_path / "none.json", "--no-cache")
    assert lost == (tmp_path / "cold.json").read_text(encoding="utf-8")
    assert _files(tmp_path / "lost.tables") == _files(tmp_path / "none.tables") == _files(tmp_path / "cold.tables")


class _Parts:
    """The part files built (not copied) by the local engine, as ``part.<i>.parquet`` names."""

    def __init__(self, monkeypatch) -> None:
        self.built: set[str] = set()
        original = engines.write_part

        def write_part(frame, target, schema):
            self.built.add(Path(target).name)
            return original(frame, target, schema)

        monkeypatch.setattr(engines, "write_part", write_part)


def _change(archive: Path, index: int) -> Path:
    changed = sorted(archive.rglob("*.txt"))[index]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nNgày 05/3/2021 họp lần 2.\n", encoding="utf-8")
    return changed


def _part_of(archive: Path, changed: Path, out: Path) -> str:
    """The part file that holds ``changed`` in the documents table written to ``out``."""
    import pandas as pd

    for part in sorted((out / "documents").iterdir()):
        if str(changed) in set(pd.read_parquet(part)["path"]):
            return part.name
    raise AssertionError(f"{changed} in no part")


def test_one_changed_file_rebuilds_only_its_part(archive, tmp_path, monkeypatch):
    cache = str(tmp_path / "cache")
    _audit(archive, tmp_path / "cold.json", "--cache-dir", cache)
    count = len(list((tmp_path / "cold.tables" / "documents").iterdir()))
    assert count >= 3
    changed = _change(archive, 4)
    parts = _Parts(monkeypatch)
    warm = _audit(archive, tmp_path / "warm.json", "--cache-dir", cache)
    assert parts.built == {_part_of(archive, changed, tmp_path / "warm.tables")}
    monkeypatch.undo()
    none = _audit(archive, tmp_path / "none.json", "--no-cache")
    assert warm == none
    assert _files(tmp_path / "warm.tables") == _files(tmp_path / "none.tables") != _files(tmp_path / "cold.tables")
    # Changed back: the earlier copies of that part serve again, nothing is built.
    changed.write_text(changed.read_text(encoding="utf-8").removesuffix("\nNgày 05/3/2021 họp lần 2.\n"), encoding="utf-8")
    _change(archive, 0)  # and another file, so the whole set kept is of no use
    parts = _Parts(monkeypatch)
    again = _audit(archive, tmp_path / "again.json", "--cache-dir", cache)
    assert len(parts.built) == 1 and "part.0.parquet" in parts.built
    _audit(archive, tmp_path / "none2.json", "--no-cache")
    assert again == (tmp_path / "none2.json").read_text(encoding="utf-8")
    assert _files(tmp_path / "again.tables") == _files(tmp_path / "none2.tables")


def test_a_corrupted_part_copy_is_rebuilt(archive, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    _audit(archive, tmp_path / "cold.json", "--cache-dir", str(cache))
    entries = sorted((cache / "parts").iterdir())
    assert len(entries) == len(list((tmp_path / "cold.tables" / "documents").iterdir()))
    import pandas as pd

    # Corrupt the copy of a part that does not hold the file about to change (the entries
    # are named by hashes, so which one holds it differs from run to run).
    changed = sorted(archive.rglob("*.txt"))[0]
    victim = next(e / "documents.parquet" for e in entries
                  if str(changed) not in set(pd.read_parquet(e / "documents.parquet")["path"]))
    victim.write_bytes(victim.read_bytes()[:-10] + b"0123456789")
    _change(archive, 0)
    parts = _Parts(monkeypatch)
    _audit(archive, tmp_path / "warm.json", "--cache-dir", str(cache))
    assert len(parts.built) == 2  # the changed file's part and the corrupted one
    monkeypatch.undo()
    _audit(archive, tmp_path / "none.json", "--no-cache")
    assert _files(tmp_path / "warm.tables") == _files(tmp_path / "none.tables")


def test_other_library_versions_or_a_copy_written_with_another_schema_rebuild(archive, tmp_path, monkeypatch):
    import json as json_

    from giaoban_qa.archive import tablecache

    cache = tmp_path / "cache"
    _audit(archive, tmp_path / "cold.json", "--cache-dir", str(cache))
    count = len(list((tmp_path / "cold.tables" / "documents").iterdir()))
    _change(archive, 0)
    versions = tablecache._versions
    monkeypatch.setattr(tablecache, "_versions", lambda: [*versions(), "pyarrow-next"])
    parts = _Parts(monkeypatch)
    _audit(archive, tmp_path / "warm.json", "--cache-dir", str(cache))
    assert len(parts.built) == count  # every part: written by other libraries
    monkeypatch.undo()
    # A copy that says it was written with another unified schema (or other columns) is not used.
    _audit(archive, tmp_path / "warm2.json", "--cache-dir", str(cache))
    _change(archive, 1)
    for field_, value in (("unified", "0" * 64), ("declared", ["path"])):
        entry = sorted((cache / "parts").iterdir(), key=lambda p: (p / "manifest.json").stat().st_mtime)[-1]
        manifest = json_.loads((entry / "manifest.json").read_text(encoding="utf-8"))
        manifest["tables"]["documents"][field_] = value
        (entry / "manifest.json").write_text(json_.dumps(manifest), encoding="utf-8")
        parts = _Parts(monkeypatch)
        _audit(archive, tmp_path / "warm3.json", "--cache-dir", str(cache))
        assert 1 <= len(parts.built) <= 2
        monkeypatch.undo()
        _audit(archive, tmp_path / "none.json", "--no-cache")
        assert _files(tmp_path / "warm3.tables") == _files(tmp_path / "none.tables")
        _change(archive, 2)


def test_an_edited_groups_sidecar_over_unchanged_files_builds_the_tables_again(archive, tmp_path, monkeypatch):
    # The documents table's group column comes from the sidecar: with the same files and a
    # new sidecar, neither the whole-set copy nor a part copy may be reused.
    built = _Built(monkeypatch)
    cache = str(tmp_path / "cache")
    sidecar = archive / "giaoban-qa-archive.yaml"
    sidecar.write_text('groups:\n  "**": "huyện Thứ Nhất"\n', encoding="utf-8")
    _audit(archive, tmp_path / "cold.json", "--cache-dir", cache)
    sidecar.write_text('groups:\n  "**": "huyện Thứ Hai"\n', encoding="utf-8")
    _audit(archive, tmp_path / "warm.json", "--cache-dir", cache)
    assert built.count == 2
    _audit(archive, tmp_path / "none.json", "--no-cache")
    assert _files(tmp_path / "warm.tables") == _files(tmp_path / "none.tables") != _files(tmp_path / "cold.tables")


def _table_keys(cache: Path) -> list[str]:
    import sqlite3

    from giaoban_qa.archive.cache import Cache

    with sqlite3.connect(cache / Cache.FILE) as db:
        keys = [k for (k,) in db.execute("SELECT key FROM records ORDER BY key")]
    db.close()
    return [k for k in keys if k.endswith(Cache.TABLES)]


def _digests(archive: Path) -> dict[str, int]:
    """SHA-256 of each file's bytes -> how many files have them."""
    import hashlib

    out: dict[str, int] = {}
    for p in archive.rglob("*.txt"):
        digest = hashlib.sha256(p.read_bytes()).hexdigest()
        out[digest] = out.get(digest, 0) + 1
    return out


def test_whole_tables_are_stored_apart_and_read_only_when_rows_are_gathered(archive, tmp_path, monkeypatch):
    """A record's whole tables live under their own key: the copying re-run reads none of
    them; a run that gathers rows (no kept tables) reads them all, and its tables are those
    of the first run."""
    import shutil

    from giaoban_qa.archive.cache import Cache

    cache = tmp_path / "cache"
    cold = _audit(archive, tmp_path / "cold.json", "--cache-dir", str(cache))
    documents = len(list(archive.rglob("*.txt")))
    assert len(_table_keys(cache)) == len(_digests(archive)) > 3
    asked: list[bool] = []
    original = Cache.get
    monkeypatch.setattr(Cache, "get", lambda self, digest, tables=False: (asked.append(tables), original(self, digest, tables))[1])
    assert _audit(archive, tmp_path / "warm.json", "--cache-dir", str(cache)) == cold
    assert len(asked) == documents and not any(asked)
    asked.clear()
    shutil.rmtree(cache / "tables")
    shutil.rmtree(cache / "parts")
    assert _audit(archive, tmp_path / "gathered.json", "--cache-dir", str(cache)) == cold
    assert asked.count(True) == documents
    assert _files(tmp_path / "gathered.tables") == _files(tmp_path / "cold.tables")


def test_a_record_whose_tables_are_lost_or_swapped_is_extracted_again(archive, tmp_path):
    """The tables of a record are sealed with their own key: missing, or another record's
    tables put in their place, the document's rows are extracted again (said once), and the
    tables are those of a run without the cache."""
    import shutil
    import sqlite3

    from giaoban_qa.archive.cache import Cache

    cache = tmp_path / "cache"
    _audit(archive, tmp_path / "cold.json", "--cache-dir", str(cache))
    first, second, third = _table_keys(cache)[:3]
    with sqlite3.connect(cache / Cache.FILE) as db:
        db.execute("DELETE FROM records WHERE key = ?", (first,))
        (blob,) = db.execute("SELECT data FROM records WHERE key = ?", (third,)).fetchone()
        db.execute("UPDATE records SET data = ? WHERE key = ?", (blob, second))
    db.close()
    shutil.rmtree(cache / "tables")
    shutil.rmtree(cache / "parts")
    from giaoban_qa.archive.audit import AuditOptions, run_audit
    from giaoban_qa.config import Config

    result, stats = run_audit([str(archive)], Config(select=["ALL"], strict=True),
                              AuditOptions(jobs=1, cache_dir=str(cache), tables_dir=str(tmp_path / "again.tables"), partition_size=3))
    # Their records are whole (the report's share comes from the cache); their rows, when
    # the parts are built, come from extracting the two documents again.
    assert stats.cached == len(list(archive.rglob("*.txt"))) and stats.extracted == 0
    assert sum("cache" in str(n) for n in stats.notes) == 1, stats.notes
    _audit(archive, tmp_path / "none.json", "--no-cache")
    assert _files(tmp_path / "again.tables") == _files(tmp_path / "none.tables")
