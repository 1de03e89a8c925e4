"""The incremental cache: one SQLite file under a cache folder (``.giaoban-qa-cache/``).

A record (findings and fact rows of one document, as JSON, zlib-compressed) is stored
under the SHA-256 of the file's bytes combined with the tool's fingerprint (version and
the size and modification time of every module and rule pack it loads) and the run's
settings (selected rules, severities, options, user rule folders, tables). A re-run over
an archive with one changed file re-extracts one file. SQLite is in the standard library,
is safe for one writer and many readers, and keeps the cache a single file.

A record's whole fact tables (kept only for ``--tables`` and check suites) are stored
apart from the rest, under the record's key with ``TABLES`` after it, written in the same
transaction: they were two thirds of a record's bytes, and a re-run that copies its kept
tables (``tablecache``) never reads them — decoding them was a third of its time.
``get(digest, tables=True)`` reads both; a record whose tables are missing is a miss.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from pathlib import Path
from typing import Any

from giaoban_qa.config import Config
from giaoban_qa.i18n import Text

DEFAULT_DIR = ".giaoban-qa-cache"
SCHEMA = 2  # 2: whole tables apart from the record (``Cache.TABLES``), seals bound to the key


def tool_fingerprint(config: Config) -> str:
    """Changes whenever code, shipped packs or the user's rule folders change."""
    import giaoban_qa

    h = hashlib.sha256(f"{giaoban_qa.__version__}|schema{SCHEMA}".encode())
    package = Path(giaoban_qa.__file__).resolve().parent
    roots = [package, (package / "data").resolve(), *(Path(d) for d in config.rules_dirs)]
    for root in roots:
        if not root.is_dir():
            continue
        for p in sorted(root.rglob("*")):
            if p.suffix in (".py", ".yaml", ".yml", ".json") and "__pycache__" not in p.parts:
                st = p.stat()
                h.update(f"{p.relative_to(root)}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:24]


def settings_fingerprint(config: Config, tables: list[str]) -> str:
    data = {
        "select": config.select,
        "ignore": config.ignore,
        "severity": config.severity,
        "options": config.options,
        "rules_dirs": list(config.rules_dirs),
        "max_size": config.max_size,
        "tables": tables,
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:24]


class Cache:
    """Records by key. Writes are batched; call ``close`` to commit the last batch.

    Several runs may share one cache folder: the database is in WAL mode with a busy
    timeout, and its setup is retried while another run holds the lock. Damage is never
    fatal: a file that is not a database, a table of another shape or a page SQLite
    cannot read makes the cache start again empty (or be bypassed when it cannot be
    recreated); a record without the seal this code puts on what it writes is re-extracted.
    Each is said once, in ``notes``.
    """

    FILE = "records.sqlite3"
    BUSY_SECONDS = 60.0
    BATCH = 200

    def __init__(self, folder: str | Path, namespace: str, notes: list[str] | None = None) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        tag = self.folder / "CACHEDIR.TAG"
        if not tag.exists():
            tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n# giaoban-qa cache; safe to delete\n")
            (self.folder / ".gitignore").write_text("*\n")
        self.namespace = namespace
        self._seal_key = hashlib.blake2b(namespace.encode("utf-8"), digest_size=32).digest()
        self.notes = notes if notes is not None else []
        self.batch: list[tuple[str, bytes]] = []
        self.hits = 0
        self.misses = 0
        self.bad_records = 0
        self.db: sqlite3.Connection | None = None
        try:
            self.db = self._open()
        except sqlite3.DatabaseError as exc:
            if _busy(exc):
                raise  # still locked after BUSY_SECONDS: the caller runs without the cache
            self._rebuild(exc)

    # -- opening, damage -------------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(str(self.folder / self.FILE), timeout=self.BUSY_SECONDS)
        try:
            _retry_busy(lambda: db.execute("PRAGMA journal_mode=WAL").fetchone())
            db.execute("PRAGMA synchronous=NORMAL")
            columns = _retry_busy(lambda: db.execute("PRAGMA table_info(records)").fetchall())
            if not columns:
                _retry_busy(lambda: db.execute("CREATE TABLE IF NOT EXISTS records (key TEXT PRIMARY KEY, data BLOB NOT NULL)"))
                db.commit()
            elif [(c[1], c[2].upper()) for c in columns] != [("key", "TEXT"), ("data", "BLOB")]:
                raise sqlite3.DatabaseError("table 'records' has another schema")
            return db
        except BaseException:
            db.close()
            raise

    def _close_db(self) -> None:
        """Close the connection if one is open; a damaged database may fail even that."""
        if self.db is not None:
            try:
                self.db.close()
            except sqlite3.Error:
                pass
            self.db = None

    def _rebuild(self, exc: BaseException) -> None:
        """Start again with an empty database; without one when that fails too."""
        self._close_db()
        try:
            for suffix in ("", "-wal", "-shm", "-journal"):
                (self.folder / (self.FILE + suffix)).unlink(missing_ok=True)
            self.db = self._open()
            self.notes.append(Text("note.cache-rebuilt", {"folder": str(self.folder), "error": str(exc)}))
        except (OSError, sqlite3.Error) as again:
            self.notes.append(Text("note.cache-damaged", {"folder": str(self.folder), "error": str(exc), "again": str(again)}))

    # A record is sealed with a keyed hash of its bytes: a record read back with its seal
    # intact is one this code wrote under this key (the namespace holds the tool's code
    # fingerprint), so its shape need not be checked field by field — that check, a Python
    # pass over every finding and kept row of every cached document, was most of a cached
    # re-run's own work. A record without its seal (damaged, or written by anything else)
    # is re-extracted and said once, as before.
    SEAL = b"gq1:"

    # The seal also covers the key, so neither a record nor its tables pass for another's.
    def _seal(self, key: str, data: bytes) -> bytes:
        h = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=16, key=self._seal_key)
        h.update(b"\0")
        h.update(data)
        return self.SEAL + h.digest()

    def _unseal(self, key: str, blob: bytes) -> bytes:
        size = len(self.SEAL) + 16
        data = blob[size:]
        if blob[:size] != self._seal(key, data):
            raise ValueError("the record's seal does not match")
        return data

    def _key(self, digest: str) -> str:
        return f"{digest}:{self.namespace}"

    TABLES = ":tables"  # after a record's key: the key of its whole tables (stored apart)
    APART = "tables_apart"  # in a stored record: its tables are under its key + TABLES

    # -- records ---------------------------------------------------------------------------
    def get(self, digest: str, tables: bool = False) -> dict[str, Any] | None:
        """The record stored for ``digest``, or None. Its whole tables (when it has some)
        are read only with ``tables``; without, the record has no ``tables`` key."""
        if self.db is None:
            self.misses += 1
            return None
        key = self._key(digest)
        try:
            row = self.db.execute("SELECT data FROM records WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError as exc:
            if not _busy(exc):
                self._rebuild(exc)
            row = None
        if row is None:
            self.misses += 1
            return None
        try:
            record = json.loads(self._unseal(key, zlib.decompress(row[0])))
            apart = record.pop(self.APART, False)
            if tables and apart:
                row = self.db.execute("SELECT data FROM records WHERE key = ?", (key + self.TABLES,)).fetchone()
                if row is None:
                    raise KeyError("the record's tables are missing")
                record["tables"] = json.loads(self._unseal(key + self.TABLES, zlib.decompress(row[0])))
                if not isinstance(record["tables"], dict):
                    raise TypeError("the record's tables are not a mapping")
        except sqlite3.DatabaseError as exc:
            if not _busy(exc):
                self._rebuild(exc)
            self.misses += 1
            return None
        except (zlib.error, TypeError, ValueError, KeyError, AttributeError, RecursionError):
            # Not what we wrote: re-extracted, and the record is replaced by the new one.
            self.bad_records += 1
            self.misses += 1
            return None
        self.hits += 1
        return record

    def _blob(self, key: str, value: Any) -> bytes:
        data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return zlib.compress(self._seal(key, data) + data, 3)

    def put(self, digest: str, record: dict[str, Any]) -> None:
        if self.db is None:
            return
        key = self._key(digest)
        stored = {k: v for k, v in record.items() if k != "path" and k != "tables"}
        if "tables" in record:
            stored[self.APART] = True
            self.batch.append((key + self.TABLES, self._blob(key + self.TABLES, record["tables"])))
        self.batch.append((key, self._blob(key, stored)))  # after its tables: one batch holds both
        if len(self.batch) >= self.BATCH:
            self._flush()

    def _flush(self) -> None:
        """Write the batch in one short transaction: a run that held the write lock from
        its first record to its last made a second run on the same cache wait for it."""
        batch, self.batch = self.batch, []
        if self.db is None or not batch:
            return
        try:
            self.db.executemany("INSERT OR REPLACE INTO records (key, data) VALUES (?, ?)", batch)
            self.db.commit()
        except sqlite3.DatabaseError as exc:
            try:
                self.db.rollback()
            except sqlite3.Error:
                pass
            if _busy(exc):
                self.notes.append(Text("note.cache-busy", {"folder": str(self.folder), "seconds": f"{self.BUSY_SECONDS:g}", "n": len(batch)}))
                return
            self._rebuild(exc)

    def close(self) -> None:
        if self.bad_records:
            self.notes.append(Text("note.cache-bad-records", {"folder": str(self.folder), "n": self.bad_records}))
        self._flush()
        self._close_db()


def _busy(exc: BaseException) -> bool:
    text = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


def _retry_busy(step, seconds: float = Cache.BUSY_SECONDS):
    """Run ``step`` again while another process holds the database lock: switching to WAL
    and creating the table are not covered by SQLite's own busy timeout in every case."""
    import random
    import time

    deadline = time.monotonic() + seconds
    while True:
        try:
            return step()
        except sqlite3.OperationalError as exc:
            if not _busy(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02 + random.random() * 0.05)
