"""The audit cache under concurrency and damage (issue 17.5, 17.6): two real processes on
one empty cache both finish with the same report; a damaged cache is said once, rebuilt
or bypassed, never a traceback; a SIGKILL mid-audit leaves a cache that gives the same
findings."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from giaoban_qa.archive.cache import Cache
from giaoban_qa.rules import all_rules

from archive_helpers import audit, write_archive

ROOT = Path(__file__).resolve().parents[1]
CITATION_CONFLICT = all_rules()["citation.archive-conflict"].examples()[0]
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}


def _findings(result) -> list[tuple]:
    return [(f.path, f.rule, f.start, f.end, f.message("en")) for f in result.findings]


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "giaoban_qa", *args]


def _archive(tmp_path: Path, copies: int = 1) -> Path:
    folder = write_archive(tmp_path / "a", CITATION_CONFLICT)
    names = sorted(p for p in folder.iterdir())
    for i in range(1, copies):
        for p in names:
            (folder / f"{p.stem}-{i}{p.suffix}").write_text(p.read_text("utf-8"), encoding="utf-8")
    return folder


def _two_audits(folder: Path, cache: Path, cwd: Path) -> list[tuple[int, bytes, bytes]]:
    procs = [
        subprocess.Popen(
            _cli("audit", str(folder), "-f", "json", "--cache-dir", str(cache), "-j", "1", "--no-progress"),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV, cwd=cwd,
        )
        for _ in range(2)
    ]
    return [(p.returncode, *p.communicate(timeout=120)) for p in procs]


def _same_reports(runs) -> None:
    for code, out, err in runs:
        assert b"Traceback" not in err and b"locked" not in err, err.decode()
    reports = [json.loads(out)["findings"] for _, out, _ in runs]
    assert reports[0] == reports[1] and reports[0]


def test_two_audits_on_one_empty_cache_both_finish_with_the_same_report(tmp_path):
    folder = _archive(tmp_path, copies=2)
    _same_reports(_two_audits(folder, tmp_path / "cache", tmp_path))


def _has_open(pid: int, name: str) -> bool:
    try:
        return any(os.readlink(f"/proc/{pid}/fd/{fd}").endswith(name) for fd in os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to see when the runs opened the cache")
def test_audits_wait_for_a_cache_another_run_is_writing(tmp_path):
    """Another audit in the middle of writing holds the database's write lock: before the
    fix a run that needed it for more than 5 s died with 'database is locked'."""
    folder = _archive(tmp_path, copies=2)
    cache = tmp_path / "cache"
    cache.mkdir()
    holder = sqlite3.connect(cache / "records.sqlite3", isolation_level=None)
    holder.execute("PRAGMA journal_mode=WAL")
    holder.execute("CREATE TABLE records (key TEXT PRIMARY KEY, data BLOB NOT NULL)")
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO records VALUES ('other-run', x'00')")
    procs = [
        subprocess.Popen(
            _cli("audit", str(folder), "-f", "json", "--cache-dir", str(cache), "-j", "1", "--no-progress"),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV, cwd=tmp_path,
        )
        for _ in range(2)
    ]
    # Held until both have opened the cache, then 6 s more: longer than sqlite3's default
    # 5 s wait, well within the cache's own.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not all(_has_open(p.pid, "records.sqlite3") for p in procs):
        time.sleep(0.05)
    time.sleep(6)
    holder.execute("COMMIT")
    holder.close()
    runs = [(p.wait(timeout=120), *p.communicate(timeout=120)) for p in procs]
    _same_reports(runs)


def _filled_cache(tmp_path: Path) -> tuple[Path, Path, list[tuple]]:
    folder = _archive(tmp_path)
    cache = tmp_path / "cache"
    result, stats = audit(folder, cache_dir=cache)
    assert stats.extracted == 2 and not stats.notes
    return folder, cache, _findings(result)


def _damage_pages(db: Path) -> None:
    data = bytearray(db.read_bytes())
    assert len(data) >= 3 * 4096
    data[4096:] = os.urandom(len(data) - 4096)  # every page after the first: garbage
    db.write_bytes(bytes(data))


def _set_all_records(db: Path, blob: bytes) -> None:
    with sqlite3.connect(db) as con:
        con.execute("UPDATE records SET data = ?", (blob,))
    con.close()


def _wrong_schema(db: Path) -> None:
    with sqlite3.connect(db) as con:
        con.execute("DROP TABLE records")
        con.execute("CREATE TABLE records (key INTEGER, data TEXT, extra TEXT)")
    con.close()


def _unsealed(db: Path) -> None:
    """Each record as it was, well formed, but without the seal the cache puts on it."""
    with sqlite3.connect(db) as con:
        for key, blob in con.execute("SELECT key, data FROM records").fetchall():
            data = zlib.decompress(blob)
            assert data.startswith(Cache.SEAL)
            con.execute("UPDATE records SET data = ? WHERE key = ?", (zlib.compress(data[len(Cache.SEAL) + 16:]), key))
    con.close()


def _resealed_elsewhere(db: Path) -> None:
    """A record whose body changed after it was sealed (a finding's offset shifted)."""
    with sqlite3.connect(db) as con:
        for key, blob in con.execute("SELECT key, data FROM records").fetchall():
            data = zlib.decompress(blob).replace(b'"start":', b'"start":1', 1)
            con.execute("UPDATE records SET data = ? WHERE key = ?", (zlib.compress(data), key))
    con.close()


DAMAGE = {
    "well formed, without the seal": _unsealed,
    "changed after it was sealed": _resealed_elsewhere,
    "garbage pages": _damage_pages,
    "not zlib": lambda db: _set_all_records(db, b"\x00not zlib at all"),
    "zlib of a list": lambda db: _set_all_records(db, zlib.compress(b"[1, 2, 3]")),
    "zlib of the wrong mapping": lambda db: _set_all_records(db, zlib.compress(b'{"findings": 5, "tables": []}')),
    "finding of the wrong shape": lambda db: _set_all_records(
        db, zlib.compress(b'{"findings": [{"rule": 1}], "tables": {}, "kind": "txt"}')
    ),
    "zlib of invalid JSON": lambda db: _set_all_records(db, zlib.compress(b"{not json")),
    "wrong schema": _wrong_schema,
    "zero bytes": lambda db: db.write_bytes(b""),
    "garbage file": lambda db: db.write_bytes(os.urandom(10000)),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_damaged_cache_is_reported_once_and_rebuilt(tmp_path, damage):
    folder, cache, expected = _filled_cache(tmp_path)
    db = cache / Cache.FILE
    for suffix in ("-wal", "-shm"):
        assert not (cache / (Cache.FILE + suffix)).exists() or suffix
    DAMAGE[damage](db)
    result, stats = audit(folder, cache_dir=cache)
    assert _findings(result) == expected
    cache_notes = [str(n) for n in stats.notes if "cache" in str(n)]  # notes are messages (i18n.Text)
    if damage != "zero bytes":  # an empty file is a new, empty database: nothing to say
        assert len(cache_notes) == 1 and "\n" not in cache_notes[0], stats.notes
    assert stats.extracted == 2
    # The cache works again: the next run reads both documents from it.
    result, stats = audit(folder, cache_dir=cache)
    assert _findings(result) == expected and stats.cached == 2 and not stats.notes


def test_damaged_cache_through_the_command_line_is_one_line_on_stderr(tmp_path, capsys):
    from giaoban_qa.cli import main

    folder, cache, _ = _filled_cache(tmp_path)
    _damage_pages(cache / Cache.FILE)
    code = main(["audit", str(folder), "-f", "json", "--cache-dir", str(cache), "--no-progress"])
    captured = capsys.readouterr()
    assert code == 1 and json.loads(captured.out)["findings"]
    assert "Traceback" not in captured.err
    assert sum("cache" in line for line in captured.err.splitlines()) == 1, captured.err


def test_sigkill_mid_audit_then_rerun_gives_the_same_findings(tmp_path, capsys):
    from giaoban_qa.cli import main

    folder = _archive(tmp_path, copies=30)
    cache = tmp_path / "cache"
    assert main(["audit", str(folder), "-f", "json", "--no-cache", "-j", "1", "--no-progress"]) == 1
    expected = json.loads(capsys.readouterr().out)["findings"]
    proc = subprocess.Popen(
        _cli("audit", str(folder), "-f", "json", "--cache-dir", str(cache), "-j", "1", "--no-progress"),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV, cwd=tmp_path,
    )
    # Killed once it has opened the cache (or after 10 s at most).
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not (cache / "records.sqlite3").exists():
        time.sleep(0.01)
    time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    for _ in range(2):  # the run after the kill, and one reading what that one stored
        assert main(["audit", str(folder), "-f", "json", "--cache-dir", str(cache), "-j", "1", "--no-progress"]) == 1
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err
        assert json.loads(captured.out)["findings"] == expected
