"""The Parquet tables of an unchanged archive, kept beside the record cache.

A cached ``audit --tables DIR`` re-run had every record from the cache and still rebuilt the
tables: pandas, pandera and pyarrow imported (about a second of CPU), every part validated
and written again, three quarters of the re-run's time. The parts written are a function
of the inputs only: the tool and the run's settings (the cache namespace), the tables and
the partition size, the versions of the libraries that write them, and the files (path and
SHA-256) in order. So after the local engine writes the tables, a copy of every part file
is kept under ``<cache>/tables/<key>/`` with a manifest (each file's SHA-256), and a later
run whose key is the same, every document from the cache, copies them into place instead
(each table's folder replaced atomically, as when written) without importing any of the
three. A copy whose bytes do not match its manifest is not used: the tables are built as
usual. A run with a changed file, an unreadable one, or standard input builds them as usual.
Only the latest ``KEEP`` archives' copies are kept.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

FORMAT = 2  # 2: the sidecar groups are part of the key
KEEP = 4  # sets of tables kept (one per archive / settings), the oldest removed first
LIBRARIES = ("pandas", "pandera", "pyarrow")


def _versions() -> list[str]:
    """The versions of the libraries that write the tables, looked up once a run (each
    lookup scans the installed distributions: once per part key it was a tenth of a
    re-run with one changed file)."""
    global _VERSIONS
    if _VERSIONS is None:
        _VERSIONS = _lookup_versions()
    return list(_VERSIONS)


_VERSIONS: list[str] | None = None


def _lookup_versions() -> list[str]:
    from importlib import metadata

    out = []
    for name in LIBRARIES:
        try:
            out.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            out.append(f"{name}=-")
    return out


def tables_key(namespace: str, table_names: list[str], partition_size: int, files: list[tuple[str, str]], sidecar: list | None = None) -> str:
    """What the written parts depend on, hashed; ``files`` are (path, SHA-256) in order.
    ``sidecar`` (the user's groups file entries) is part of it: the documents table's group
    column comes from it, so an edited sidecar over unchanged files must not copy old tables."""
    data = [FORMAT, namespace, list(table_names), partition_size, _versions(), [list(f) for f in files], list(sidecar or [])]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, default=str).encode("utf-8", "surrogatepass")).hexdigest()


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class TablesCache:
    """Copies of written tables under ``folder/tables/<key>``."""

    def __init__(self, folder: str | Path) -> None:
        self.root = Path(folder) / "tables"

    def has(self, key: str, table_names: list[str]) -> bool:
        """Whether a copy of ``key``'s tables is kept (its bytes are checked by ``restore``)."""
        try:
            manifest = json.loads((self.root / key / "manifest.json").read_text(encoding="utf-8"))
            order = [table for table, _files in manifest["tables"]]
            return manifest.get("key") == key and sorted(order) == sorted(table_names)
        except (OSError, ValueError, KeyError, TypeError):
            return False

    def restore(self, key: str, tables_dir: str, table_names: list[str]) -> list[Path] | None:
        """The tables of ``key`` copied into ``tables_dir`` (the folders, in the order they
        were written when stored), or None when there is no sound copy."""
        from giaoban_qa.archive.engines import _replace_folder

        entry = self.root / key
        try:
            manifest = json.loads((entry / "manifest.json").read_text(encoding="utf-8"))
            order = [table for table, _files in manifest["tables"]]  # as they were written
            tables: dict[str, list[list[Any]]] = dict(manifest["tables"])
            if manifest.get("key") != key or sorted(order) != sorted(table_names) or len(tables) != len(order):
                return None
        except (OSError, ValueError, KeyError, TypeError):
            return None
        root = Path(tables_dir)
        written: list[Path] = []
        try:
            root.mkdir(parents=True, exist_ok=True)
            for table in order:
                tmp = Path(tempfile.mkdtemp(prefix=f".{table}.", dir=str(root)))
                try:
                    for name, digest in tables[table]:
                        if "/" in name or "\\" in name or name.startswith("."):
                            raise ValueError(name)
                        target = tmp / name
                        shutil.copyfile(entry / table / name, target)
                        if _sha256(target) != digest:
                            raise ValueError(name)
                    _replace_folder(tmp, root / table)
                except BaseException:
                    shutil.rmtree(tmp, ignore_errors=True)
                    raise
                written.append(root / table)
        except (OSError, ValueError, TypeError):
            return None
        try:
            os.utime(entry / "manifest.json")  # recently used: kept longest
        except OSError:
            pass
        return written

    def store(self, key: str, written: list[Path]) -> None:
        """Keep a copy of the table folders just written under ``key``; any problem means
        no copy (the next run builds the tables again)."""
        entry = self.root / key
        tmp: Path | None = None
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(prefix=f".{key[:12]}.", dir=str(self.root)))
            tables: list[list[Any]] = []
            for folder in written:
                files = sorted(p for p in folder.iterdir() if p.is_file())
                (tmp / folder.name).mkdir()
                copies: list[list[str]] = []
                for path in files:
                    shutil.copyfile(path, tmp / folder.name / path.name)
                    copies.append([path.name, _sha256(tmp / folder.name / path.name)])
                tables.append([folder.name, copies])
            (tmp / "manifest.json").write_text(json.dumps({"key": key, "tables": tables}), encoding="utf-8")
            shutil.rmtree(entry, ignore_errors=True)
            os.replace(tmp, entry)
            tmp = None
            self._prune(keep=entry)
        except OSError:
            pass
        finally:
            if tmp is not None:
                shutil.rmtree(tmp, ignore_errors=True)

    def _prune(self, keep: Path) -> None:
        entries = []
        for p in self.root.iterdir():
            if p.is_dir() and not p.name.startswith(".") and p != keep:
                try:
                    entries.append(((p / "manifest.json").stat().st_mtime, p))
                except OSError:
                    entries.append((0.0, p))
        entries.sort(reverse=True)
        for _mtime, p in entries[KEEP - 1 :]:
            shutil.rmtree(p, ignore_errors=True)


# -- one Parquet part at a time -------------------------------------------------------------
# With one file changed, the set above is of no use and every part of every table was
# validated (pandera: half of such a re-run) and written again, though the partitioning
# (``partition_size`` documents a part, in input order) puts the changed file in one part.
# So each part's files are also kept under a key of that part's own inputs, with what
# its frames were built with (the table's columns) and what their files were written with
# (the table's Arrow schema unified over the parts): a re-run rebuilds only the parts whose
# key has no sound copy, or whose table's columns or unified schema came out different
# (then those parts are rebuilt too, from their rows), and copies the others.
PART_FORMAT = 1


def part_key(namespace: str, table_names: list[str], partition_size: int, sidecar: list, files: list[tuple[str, str]]) -> str:
    """What one part's frames depend on besides the table's columns and unified schema:
    the settings, the library versions, the user's sidecar groups and the part's files
    (path and SHA-256) in order."""
    data = [PART_FORMAT, namespace, list(table_names), partition_size, _versions(), sidecar, [list(f) for f in files]]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, default=str).encode("utf-8", "surrogatepass")).hexdigest()


class PartsCache:
    """Copies of single parts under ``folder/parts/<key>/``: ``<table>.parquet`` for every
    table and ``manifest.json`` (per table: the file's SHA-256, the columns first seen in
    the part, the columns its frame had, its Arrow schema before unification, and the
    unified schema's fingerprint it was written with)."""

    def __init__(self, folder: str | Path) -> None:
        self.root = Path(folder) / "parts"

    def get(self, key: str, table_names: list[str]) -> dict[str, dict[str, Any]] | None:
        """The manifest's tables of a sound copy of ``key`` (every file's bytes checked), or None."""
        entry = self.root / key
        try:
            manifest = json.loads((entry / "manifest.json").read_text(encoding="utf-8"))
            tables = manifest["tables"]
            if manifest.get("key") != key or sorted(tables) != sorted(table_names):
                return None
            for table, meta in tables.items():
                if "/" in table or "\\" in table or table.startswith("."):
                    return None
                if _sha256(entry / f"{table}.parquet") != meta["sha256"]:
                    return None
                if not (isinstance(meta["seen"], list) and isinstance(meta["declared"], list) and isinstance(meta["schema"], str) and isinstance(meta["unified"], str)):
                    return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        return tables

    def path(self, key: str, table: str) -> Path:
        return self.root / key / f"{table}.parquet"

    def touch(self, key: str) -> None:
        try:
            os.utime(self.root / key / "manifest.json")  # recently used: kept longest
        except OSError:
            pass

    def store(self, key: str, files: dict[str, Path], meta: dict[str, dict[str, Any]]) -> None:
        """Keep copies of one part's files (``files``: table -> the file written) with
        ``meta`` (per table: seen, declared, schema, unified); any problem means no copy."""
        tmp: Path | None = None
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(prefix=f".{key[:12]}.", dir=str(self.root)))
            tables = {}
            for table, path in files.items():
                shutil.copyfile(path, tmp / f"{table}.parquet")
                tables[table] = {**meta[table], "sha256": _sha256(tmp / f"{table}.parquet")}
            (tmp / "manifest.json").write_text(json.dumps({"key": key, "tables": tables}), encoding="utf-8")
            shutil.rmtree(self.root / key, ignore_errors=True)
            os.replace(tmp, self.root / key)
            tmp = None
        except OSError:
            pass
        finally:
            if tmp is not None:
                shutil.rmtree(tmp, ignore_errors=True)

    def prune(self, keep: int) -> None:
        """Only the ``keep`` most recently used parts stay."""
        try:
            entries = []
            for p in self.root.iterdir():
                if p.is_dir() and not p.name.startswith("."):
                    try:
                        entries.append(((p / "manifest.json").stat().st_mtime, p.name, p))
                    except OSError:
                        entries.append((0.0, p.name, p))
        except OSError:
            return
        entries.sort(reverse=True)
        for _mtime, _name, p in entries[keep:]:
            shutil.rmtree(p, ignore_errors=True)
