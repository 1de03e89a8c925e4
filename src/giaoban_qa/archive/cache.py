"""The incremental cache: one SQLite file under a cache folder (``.giaoban-qa-cache/``).

A record (findings and fact rows of one document, as JSON, zlib-compressed) is stored
under the SHA-256 of the file's bytes combined with the tool's fingerprint (version and
the size and modification time of every module and rule pack it loads) and the run's
settings (selected rules, severities, options, user rule folders, tables). A re-run over
an archive with one changed file re-extracts one file. SQLite is in the standard library,
is safe for one writer and many readers, and keeps the cache a single file.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from pathlib import Path
from typing import Any

from giaoban_qa.config import Config

DEFAULT_DIR = ".giaoban-qa-cache"
SCHEMA = 1


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
    """Records by key. Writes are batched; call ``close`` to commit the last batch."""

    def __init__(self, folder: str | Path, namespace: str) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        tag = self.folder / "CACHEDIR.TAG"
        if not tag.exists():
            tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n# giaoban-qa cache; safe to delete\n")
            (self.folder / ".gitignore").write_text("*\n")
        self.namespace = namespace
        self.db = sqlite3.connect(str(self.folder / "records.sqlite3"))
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS records (key TEXT PRIMARY KEY, data BLOB NOT NULL)")
        self.pending = 0
        self.hits = 0
        self.misses = 0

    def _key(self, digest: str) -> str:
        return f"{digest}:{self.namespace}"

    def get(self, digest: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT data FROM records WHERE key = ?", (self._key(digest),)).fetchone()
        if row is None:
            self.misses += 1
            return None
        self.hits += 1
        return json.loads(zlib.decompress(row[0]))

    def put(self, digest: str, record: dict[str, Any]) -> None:
        stored = {k: v for k, v in record.items() if k != "path"}
        blob = zlib.compress(json.dumps(stored, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 3)
        self.db.execute("INSERT OR REPLACE INTO records (key, data) VALUES (?, ?)", (self._key(digest), blob))
        self.pending += 1
        if self.pending >= 500:
            self.db.commit()
            self.pending = 0

    def close(self) -> None:
        self.db.commit()
        self.db.close()
