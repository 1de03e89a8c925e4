"""Where an audit's work runs: the engine seam.

An engine takes an ``AuditPlan`` (the ordered paths and what to do with each) and gives
back, through ``on_document``, each document's located findings, then the findings of the
cross-document rules and, when asked, the fact tables as partitioned Parquet. Both engines
run the same pure functions (``pipeline.Worker`` for a document, ``shards.summarise`` and
``shards.reduce_shard`` for the cross-document rules), so their reports are identical:

* ``LocalEngine``: today's pool of processes on this machine (``parallel``); shard items
  and ``--tables`` rows are spilled to files as they arrive and grouped / written one
  bucket or partition at a time at the end, so the client's memory stays flat.
* ``DaskEngine``: ``dask.distributed``. Paths are cut into partitions and mapped to workers
  (texts never pass through the client; workers read the files); each partition's shard
  items stay on the workers and are grouped by key with a Dask bag group-by (task shuffle),
  each shard reduced on a worker; only findings come back. Fact tables are Dask frames
  validated with the same pandera models and written with ``to_parquet``.

``facts`` uses the same two engines (``FactsPlan`` → ``engine.facts``): inputs in, fact
rows out, in input order, extracted by ``factrows.facts_of`` wherever it runs.

The cache (``cache.Cache``, one SQLite file in the cache folder) is shared by both:
``local`` reads and writes it in the client; under Dask each partition task reads it and
writes its misses at the end in one short transaction, so records of cached documents
never travel. On several machines the cache folder must be one the workers all see (a
shared filesystem with working locks), else give each host its own (a miss only costs
a re-extraction).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

from giaoban_qa.archive.shards import ShardPlan, compact, finding_order, reduce_shard, shard_id, summarise, table_rows
from giaoban_qa.config import Config
from giaoban_qa.i18n import Localized, Text
from giaoban_qa.records import field, record

if TYPE_CHECKING:  # the module is imported only when tables are written
    from giaoban_qa.archive.tablecache import PartsCache  # noqa: F401

DEFAULT_PARTITION = 200  # documents per Dask task / per Parquet part: ~0.5 MB of news text


@record
class AuditPlan:
    files: list[str]
    config: Config
    table_names: list[str]  # extracted for every document
    shard: ShardPlan
    cache_dir: str | None = None
    namespace: str = ""
    tables_dir: str | None = None  # write every extracted table as partitioned Parquet here
    keep_tables: tuple[str, ...] = ()  # tables handed back whole (user checks need frames)
    partition_size: int = DEFAULT_PARTITION
    stdin: bool = False  # also audit standard input, after the files (local engine only)

    @property
    def needs_tables(self) -> bool:
        """Whole fact tables are kept (in the cache too) only when written or checked."""
        return bool(self.tables_dir or self.keep_tables)

    def partitions(self) -> list[list[tuple[int, str]]]:
        n = max(1, self.partition_size)
        numbered = list(enumerate(self.files))
        return [numbered[i : i + n] for i in range(0, len(numbered), n)]


@record
class FactsPlan:
    """What ``facts`` asks an engine: the inputs (``engine.plan_inputs``, in walk order) and
    the tables to extract from each."""

    inputs: list[Any]  # engine.Input
    config: Config
    table_names: list[str]
    partition_size: int = DEFAULT_PARTITION

    def partitions(self) -> list[list[Any]]:
        n = max(1, self.partition_size)
        return [self.inputs[i : i + n] for i in range(0, len(self.inputs), n)]


@record
class FactsResult:
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # rows in input order
    errors: list[str] = field(default_factory=list)  # unreadable inputs, in input order


def gather_facts(plan: FactsPlan, records: Iterator[dict[str, Any]]) -> FactsResult:
    """Records of the inputs, in input order, into tables (both engines end here)."""
    out = FactsResult(tables={t: [] for t in plan.table_names})
    for record in records:
        if record["error"]:
            out.errors.append(record["error"])
            continue
        for table in plan.table_names:
            out.tables[table].extend(record["tables"].get(table, ()))
    return out


@record
class EngineResult:
    archive_findings: list[dict[str, Any]] = field(default_factory=list)
    cached: int = 0
    extracted: int = 0
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    written: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    worker_peaks_kib: dict[str, int] = field(default_factory=dict)  # Dask: peak RSS of each worker


OnDocument = Callable[[dict[str, Any]], None]


class EngineError(Localized):
    """The engine cannot run (no Dask installed, cluster unreachable, workers without the
    package): a one-line message for the user."""


# -- Parquet parts, shared by both engines so their tables are the same files -------------
def part_name(index: int) -> str:
    return f"part.{index}.parquet"  # what dask's to_parquet names them


def frame_of(table: str, rows: list[dict[str, Any]], columns: list[str]):
    """One partition's rows as an unvalidated pandas frame with the table's columns."""
    import pandas as pd

    records = [[row.get(c) for c in columns] for row in rows]
    frame = pd.DataFrame.from_records(records, columns=columns) if records else pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    return frame


def encode_nested(frame):
    """Dict and list values as JSON text (Parquet columns have one type), as ``facts -f parquet``."""
    import json

    for column in frame.columns:
        if frame[column].dtype == object and frame[column].map(lambda v: isinstance(v, (dict, list))).any():
            frame[column] = frame[column].map(lambda v: json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v)
    return frame


def table_columns(table: str, seen: list[str]) -> list[str]:
    """Declared columns first (schema order), then the others in the order first seen.
    (The declared columns are read from ``rowcheck``, which mirrors the pandera models
    without importing pandas: a re-run that copies or builds parts without pandas needs them.)"""
    from giaoban_qa.archive.rowcheck import declared_columns

    return list(dict.fromkeys([*declared_columns(table), *seen]))


def raw_part(table: str, rows: list[dict[str, Any]], columns: list[str]):
    """A partition's rows as a frame, before validation; a row without a declared column
    is a schema failure here already (a frame would fill it with nulls)."""
    from giaoban_qa.archive.schemas import SchemaFailure, _where

    declared = table_columns(table, [])
    missing = [
        {**_where(row), "column_name": ",".join(absent), "check": "column missing from the row", "value": None, "index": i}
        for i, row in enumerate(rows)
        if (absent := [c for c in declared if c not in row])
    ]
    if missing:
        raise SchemaFailure(table, missing)
    return frame_of(table, rows, columns)


def validated_part(table: str, rows: list[dict[str, Any]], columns: list[str]):
    """A partition validated by the table's pandera model (raises ``SchemaFailure``)."""
    from giaoban_qa.archive.schemas import SCHEMAS, SchemaFailure, _failures

    frame = raw_part(table, rows, columns)
    schema = SCHEMAS.get(table)
    if schema is None:
        return encode_nested(frame)
    import pandera.pandas as pa

    try:
        frame = schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        raise SchemaFailure(table, _failures(exc, rows)) from None
    return encode_nested(frame)


# -- the local engine ---------------------------------------------------------------------
class LocalEngine:
    name = "local"

    def __init__(self, jobs: int | None = None) -> None:
        from giaoban_qa.archive.parallel import default_jobs

        self.jobs = jobs or default_jobs()
        self.asked = jobs is not None

    def run(self, plan: AuditPlan, on_document: OnDocument) -> EngineResult:
        # (The cache module, and SQLite with it, is imported by ``_open_cache`` only when
        # the plan has a cache folder: ``--no-cache`` never needs it.)
        out = EngineResult()
        rule_classes = plan.shard.rules()
        spill = _Scratch()
        try:
            shards = _ShardSpill(spill.sub("shards"))
            parts = _PartWriter(plan, out, spill.sub("parts")) if plan.tables_dir else None
            inputs = self._run(plan, on_document, out, rule_classes, shards, parts)
            if parts:
                self._write_tables(plan, out, parts, inputs)
            crashes = []
            for key, items in shards.groups():
                for d in reduce_shard(items, plan.config.options, plan.config.rules_dirs, plan.config.strict):
                    if "error" in d:
                        crashes.append((repr(key), len(crashes), d))
                    else:
                        out.archive_findings.append(d)
            for _key, _n, crash in sorted(crashes, key=lambda c: c[:2]):  # in key order, as when shards were sorted in memory
                _rule_crashed(crash, plan.config)  # raises, unless --keep-going
        finally:
            spill.remove()
        out.archive_findings.sort(key=finding_order)
        return out

    def facts(self, plan: FactsPlan) -> FactsResult:
        """The fact rows of every input, extracted by the local pool (standard input, which
        only this process can read, in this process, in its place)."""
        from giaoban_qa.archive.factrows import FactsWorker, facts_of
        from giaoban_qa.archive.parallel import default_jobs
        from giaoban_qa.pool import map_paths

        files = [item for item in plan.inputs if item.path != "-"]
        jobs = max(1, min(self.jobs, len(files), default_jobs()))
        from_pool = map_paths(FactsWorker, (plan.config, plan.table_names), facts_of, files, jobs)
        here: FactsWorker | None = None

        def records() -> Iterator[dict[str, Any]]:
            nonlocal here
            for item in plan.inputs:
                if item.path == "-":
                    here = here or FactsWorker(plan.config, plan.table_names)
                    yield facts_of(here, item)
                else:
                    yield next(from_pool)

        return gather_facts(plan, records())

    @staticmethod
    def _write_tables(plan: AuditPlan, out: EngineResult, parts: "_PartWriter", inputs: "list[tuple[str, str]] | None") -> None:
        """The Parquet parts: copied from the cache when the same inputs wrote them before
        and every document came from the cache (no pandas, pandera nor pyarrow); else each
        part copied when its own inputs wrote it before (``tablecache.PartsCache``) and the
        others built; the set, and each part, are kept for the next run."""
        from giaoban_qa.archive.tablecache import KEEP, PartsCache, TablesCache, part_key, tables_key

        if inputs is None or not plan.cache_dir or not plan.tables_dir:
            if parts.deferred is not None:  # a file turned out unreadable: every row after all
                cache = _open_cache(plan, out.notes)
                try:
                    _replay_rows(plan, parts, cache)
                finally:
                    if cache:
                        cache.close()
            parts.finish()
            return
        key = tables_key(plan.namespace + ":local", plan.table_names, plan.partition_size, inputs, plan.shard.sidecar)
        store = TablesCache(plan.cache_dir)
        if out.extracted == 0:
            restored = store.restore(key, plan.tables_dir, plan.table_names)
            if restored is not None:
                out.written.extend(restored)
                return
        size = parts.size
        keys = [part_key(plan.namespace + ":local", plan.table_names, size, plan.shard.sidecar, inputs[i : i + size])
                for i in range(0, len(inputs), size)]
        kept = PartsCache(plan.cache_dir)
        cache = _open_cache(plan, out.notes) if parts.deferred else None
        try:
            parts.finish(kept, keys, lambda only: _replay_rows(plan, parts, cache, only))
        finally:
            if cache:
                cache.close()
        kept.prune(KEEP * max(1, len(keys)))
        store.store(key, out.written)

    def _run(self, plan: AuditPlan, on_document: OnDocument, out: EngineResult, rule_classes, shards: "_ShardSpill", parts: "_PartWriter | None") -> list[tuple[str, str]] | None:
        """Every document handled; returns (path, SHA-256) of each file in order when each
        was read and has a sound record (what the tables written depend on), else None."""
        from giaoban_qa.archive.parallel import default_jobs, process
        from giaoban_qa.archive.pipeline import file_digest

        kept: dict[str, list[tuple[int, dict]]] = {t: [] for t in plan.keep_tables}

        def handle(ordinal: int, path: str, record: dict[str, Any], digest: str | None = None) -> None:
            doc_out, items = summarise(record, path, ordinal, plan.shard, rule_classes)
            on_document(doc_out)
            shards.add(items)
            deferred = parts is not None and parts.deferred is not None and digest is not None
            if (parts and not deferred) or kept:
                rows = table_rows(record, path, ordinal, plan.shard)
                for table in kept:
                    kept[table].extend((ordinal, r) for r in rows.get(table, ()))
                if parts and not deferred:
                    parts.add(ordinal, rows)
            if deferred:
                parts.deferred.append((ordinal, path, digest))

        cache = _open_cache(plan, out.notes)
        try:
            pending: list[tuple[int, str]] = []
            digests: dict[str, str] = {}
            inputs: list[tuple[str, str]] | None = [] if cache and not plan.stdin else None
            file_digests = [file_digest(path) if cache else None for path in plan.files]
            for path, digest in zip(plan.files, file_digests):
                if inputs is not None:
                    if digest:
                        inputs.append((path, digest))
                    else:
                        inputs = None
            if parts is not None and inputs is not None and plan.cache_dir and plan.tables_dir:
                # The tables, or parts of them, may be kept from an earlier run: the rows of
                # cached documents are not gathered for parts that would be thrown away (a
                # Python pass over every row of the archive, a fifth of a cached re-run).
                # The parts built after all replay them (``_PartWriter.finish``).
                parts.deferred = []
            # A cached record's whole tables are read only when its rows are gathered now.
            with_tables = bool(kept) or (parts is not None and parts.deferred is None)
            for ordinal, (path, digest) in enumerate(zip(plan.files, file_digests)):
                record = cache.get(digest, tables=with_tables) if cache and digest else None
                if record is not None:
                    out.cached += 1
                    handle(ordinal, path, record, digest)
                else:
                    if digest:
                        digests[path] = digest
                    pending.append((ordinal, path))
            paths = [p for _o, p in pending]
            jobs = self.jobs
            # More workers than files or cores only cost memory (300 asked: 9.5 GB, 12x slower).
            limit = max(1, min(len(paths), default_jobs()))
            if jobs > limit:
                if self.asked:
                    out.notes.append(Text("note.jobs-lowered", {"jobs": self.jobs, "limit": limit, "files": len(paths), "cores": default_jobs()}))
                jobs = limit
            # Without tables to write or check, the workers compact the records themselves
            # (placing only the rows the rules keep, and sending less back).
            compact_for = None if plan.needs_tables else plan.shard
            for (ordinal, path), record in zip(pending, process(paths, plan.config, plan.table_names, jobs, compact_for)):
                out.extracted += 1
                record = compact(record, plan.shard, rule_classes, plan.needs_tables)
                if cache and not record.get("error") and path in digests:
                    cache.put(digests[path], record)
                elif inputs is not None:
                    inputs = None  # an unreadable file: its rows are not a function of its digest
                handle(ordinal, path, record)
            if plan.stdin:
                from giaoban_qa.archive.pipeline import Worker
                from giaoban_qa.engine import iter_sources

                worker = Worker(plan.config, plan.table_names)
                for _p, source, error in iter_sources(["-"], plan.config):
                    record = {"path": "<stdin>", "error": error} if source is None else worker.process_source(source)
                    handle(len(plan.files), "<stdin>", record)
        finally:
            if cache:
                cache.close()
        for table, rows in kept.items():
            rows.sort(key=lambda pair: pair[0])  # stable: rows of a document keep their order
            out.tables[table] = [r for _o, r in rows]
        return inputs


def _replay_rows(plan: AuditPlan, parts: "_PartWriter", cache, only: "set[int] | None" = None) -> None:
    """The rows of the cached documents ``parts`` deferred, added now (their records read
    again; one no longer in the cache is extracted again), and deferring ended; with
    ``only``, just those of the documents in these parts (the others stay deferred)."""
    from giaoban_qa.archive.parallel import process

    deferred = parts.deferred or []
    if only is None:
        parts.deferred = None
    else:
        parts.deferred = [d for d in deferred if d[0] // parts.size not in only]
        deferred = [d for d in deferred if d[0] // parts.size in only]
    for ordinal, path, digest in deferred:
        record = cache.get(digest, tables=True) if cache else None
        if record is None:
            record = compact(next(iter(process([path], plan.config, plan.table_names, 1))), plan.shard, plan.shard.rules(), plan.needs_tables)
        parts.add(ordinal, table_rows(record, path, ordinal, plan.shard))


class _Scratch:
    """The run's temporary folder, made when something is first written to it: an audit
    that spills nothing (a small archive, no ``--tables``) makes no folder at all."""

    def __init__(self) -> None:
        self.path: Path | None = None

    def sub(self, name: str) -> Callable[[], Path]:
        """A function giving ``<scratch>/name`` (the scratch folder made on the first call)."""
        def folder() -> Path:
            if self.path is None:
                import tempfile

                self.path = Path(tempfile.mkdtemp(prefix="giaoban-qa-spill-"))
            return self.path / name

        return folder

    def remove(self) -> None:
        if self.path is not None:
            import shutil

            shutil.rmtree(self.path, ignore_errors=True)


class _ShardSpill:
    """The local engine's shard items, on disk instead of in the client's memory: each item
    is appended to one of ``BUCKETS`` files by a stable hash of its shard key, and shards are
    grouped one bucket at a time at the end (an external group-by), so the client holds one
    bucket's rows at most, not the archive's. The first ``HOLD`` items are held in memory,
    by bucket, and written out only when more come: a small archive's items (the seeds: a
    few dozen) never cost a file, a pickle or the folder (an eighth of what ``audit``
    spent on five files beyond ``check``). Shards come out in the same order either way."""

    BUCKETS = 64
    HOLD = 2_000  # items held before spilling: well under a MiB

    def __init__(self, folder: Callable[[], Path], hold: int | None = None) -> None:
        self.folder = folder
        self.hold = self.HOLD if hold is None else hold
        self.files: dict[int, Any] = {}
        self.held: dict[int, list[tuple]] | None = {}  # None once spilled
        self.count = 0

    def add(self, items: list[tuple]) -> None:
        if not items:
            return
        from binascii import crc32  # zlib's CRC-32 (the same values); binascii is loaded already, zlib is not (--no-cache)

        by_bucket: dict[int, list[tuple]] = {}
        for item in items:
            by_bucket.setdefault(crc32(repr(shard_id(item)).encode("utf-8")) % self.BUCKETS, []).append(item)
        if self.held is not None:
            for bucket, chunk in by_bucket.items():
                self.held.setdefault(bucket, []).extend(chunk)
            self.count += len(items)
            if self.count <= self.hold:
                return
            by_bucket, self.held = self.held, None
        import pickle

        for bucket, chunk in by_bucket.items():
            fh = self.files.get(bucket)
            if fh is None:
                folder = self.folder()
                folder.mkdir(parents=True, exist_ok=True)
                fh = self.files[bucket] = open(folder / f"{bucket:02d}.pickle", "wb")
            pickle.dump(chunk, fh, protocol=pickle.HIGHEST_PROTOCOL)

    def groups(self) -> Iterator[tuple[tuple, list[tuple]]]:
        """(shard key, its items) for every shard, bucket by bucket."""
        if self.held is not None:
            for bucket in sorted(self.held):
                shards: dict[tuple, list[tuple]] = {}
                for item in self.held[bucket]:
                    shards.setdefault(shard_id(item), []).append(item)
                yield from shards.items()
            return
        import pickle

        for bucket in sorted(self.files):
            self.files[bucket].close()
            shards: dict[tuple, list[tuple]] = {}
            with open(self.folder() / f"{bucket:02d}.pickle", "rb") as fh:
                while True:
                    try:
                        chunk = pickle.load(fh)
                    except EOFError:
                        break
                    for item in chunk:
                        shards.setdefault(shard_id(item), []).append(item)
            yield from shards.items()
            del shards


class _PartWriter:
    """Parquet parts of the local engine. A partition's rows are held until its last
    document has arrived (documents come cached first, then extracted, each in order), then
    spilled to a file; at the end each part is read back, validated and written, one at a
    time, so the client never holds more than a few partitions of rows."""

    def __init__(self, plan: AuditPlan, out: EngineResult, folder: Callable[[], Path]) -> None:
        self.plan, self.out, self.folder = plan, out, folder
        self.size = max(1, plan.partition_size)
        self.count = (len(plan.files) + self.size - 1) // self.size
        self.rows: dict[int, dict[str, list[tuple[int, dict]]]] = {}
        self.seen: dict[int, int] = {}
        self.part_columns: dict[int, dict[str, list[str]]] = {}  # keys first seen, per part and table
        self.spilled: set[int] = set()
        # (ordinal, path, digest) of cached documents whose rows are not gathered while the
        # run may copy kept tables instead (None: every document's rows are added).
        self.deferred: list[tuple[int, str, str]] | None = None

    def _expected(self, part: int) -> int:
        return min(self.size, len(self.plan.files) - part * self.size)

    def add(self, ordinal: int, rows: dict[str, list[dict]]) -> None:
        part = ordinal // self.size
        bucket = self.rows.setdefault(part, {t: [] for t in self.plan.table_names})
        for table in self.plan.table_names:
            for row in rows.get(table, ()):
                bucket[table].append((ordinal, row))
        self.seen[part] = self.seen.get(part, 0) + 1
        if part < self.count and self.seen[part] >= self._expected(part):
            self._spill(part)

    def _spill(self, part: int) -> None:
        import pickle

        tables = {}
        columns: dict[str, list[str]] = {}
        earlier = self._load(part)  # standard input's rows come after the part was complete
        for table, rows in self.rows.pop(part, {}).items():
            rows.sort(key=lambda pair: pair[0])  # stable: rows of a document keep their order
            tables[table] = [*earlier.get(table, []), *(r for _o, r in rows)]
            columns[table] = list(dict.fromkeys(k for r in tables[table] for k in r))
        self.part_columns[part] = columns
        self.folder().mkdir(parents=True, exist_ok=True)
        with open(self.folder() / f"{part}.rows.pickle", "wb") as fh:
            pickle.dump(tables, fh, protocol=pickle.HIGHEST_PROTOCOL)
        self.spilled.add(part)

    def _load(self, part: int) -> dict[str, list[dict]]:
        import pickle

        if part not in self.spilled:
            return {}
        with open(self.folder() / f"{part}.rows.pickle", "rb") as fh:
            return pickle.load(fh)

    def finish(self, kept: "PartsCache | None" = None, keys: list[str] | None = None,
               replay: Callable[[set[int]], None] | None = None) -> None:
        """Every part validated and written. With ``kept`` (and each part's key in ``keys``),
        a part with a sound copy built with the same columns and written with the same
        unified schema is copied instead of built; ``replay(parts)`` adds the rows of those
        parts' documents that were deferred (cached ones), before they are built."""
        import pickle

        copies: dict[int, dict[str, dict[str, Any]]] = {}
        if kept is not None and keys is not None:
            for part in range(self.count):
                entry = kept.get(keys[part], self.plan.table_names)
                if entry is not None:
                    copies[part] = entry

        def build(parts: set[int]) -> None:
            """The rows of ``parts`` gathered and spilled (they are then built from rows)."""
            for part in parts:
                copies.pop(part, None)
            if replay is not None and parts:
                replay(parts)
            for part in sorted(p for p in self.rows if p in parts):  # a part whose documents did not all come
                self._spill(part)

        build(set(range(self.count)) - set(copies))
        for part in sorted(p for p in self.rows if p not in copies):
            self._spill(part)
        if not self.count:
            return
        # Columns of a table are the union over the archive, in the order first seen (every
        # part has all of them), so parts are validated and written once every document is in.
        def union() -> dict[str, list[str]]:
            columns: dict[str, list[str]] = {t: [] for t in self.plan.table_names}
            for part in sorted(set(self.part_columns) | set(copies)):
                for table in self.plan.table_names:
                    seen = copies[part][table]["seen"] if part in copies else self.part_columns.get(part, {}).get(table, [])
                    columns[table].extend(c for c in seen if c not in columns[table])
            return {t: table_columns(t, columns[t]) for t in self.plan.table_names}

        declared = union()
        stale = {p for p, entry in copies.items() if any(entry[t]["declared"] != declared[t] for t in self.plan.table_names)}
        while stale:  # built with other columns: from their rows (the union cannot change, their inputs are the same)
            build(stale)
            declared = union()
            stale = {p for p, entry in copies.items() if any(entry[t]["declared"] != declared[t] for t in self.plan.table_names)}
        # Pass 1: validate each part built here (pandera) and keep its Arrow schema; the
        # validated frame goes back to disk. Pass 2 writes every part with its table's
        # unified schema (a copy only when it was written with that very schema).
        schemas: dict[str, dict[int, Any]] = {t: {} for t in self.plan.table_names}
        validated: set[int] = set()

        # A part whose rows pass ``rowcheck``'s plain rules is built as an Arrow table
        # without pandas or pandera (the same bytes once written); any other goes the pandas
        # way. The rows of a part built without pandas stay on disk until it is written: if
        # its table's unified schema turns out to differ from the part's own types, that part
        # is written from a pandas frame after all (``load``).
        from giaoban_qa.archive.rowcheck import fast_part

        arrow_built: set[int] = set()

        def validate(parts: set[int]) -> None:
            for part in sorted(parts):
                rows = self._load(part)
                arrow_built.discard(part)
                for table in self.plan.table_names:
                    built = fast_part(table, rows.get(table, []), declared[table])
                    if built is None:
                        built = validated_part(table, rows.get(table, []), declared[table])
                        schemas[table][part] = arrow_schema(built)
                    else:
                        schemas[table][part] = built.schema
                        arrow_built.add(part)
                    with open(self.folder() / f"{part}.{table}.frame.pickle", "wb") as fh:
                        pickle.dump(built, fh, protocol=pickle.HIGHEST_PROTOCOL)
                if part not in arrow_built:
                    (self.folder() / f"{part}.rows.pickle").unlink(missing_ok=True)
                validated.add(part)

        validate(set(range(self.count)) - set(copies))
        for part, entry in copies.items():
            for table in self.plan.table_names:
                schemas[table][part] = read_schema(entry[table]["schema"])
        while True:
            unified = {t: unify([s[p] for p in sorted(s)]) for t, s in schemas.items()}
            prints = {t: schema_print(u) for t, u in unified.items()}
            stale = {p for p, entry in copies.items() if any(entry[t]["unified"] != prints[t] for t in self.plan.table_names)}
            if not stale:
                break
            build(stale)  # written with another schema: built from their rows after all
            validate(stale)

        def load(table: str, part: int):
            with open(self.folder() / f"{part}.{table}.frame.pickle", "rb") as fh:
                built = pickle.load(fh)
            if part in arrow_built and not is_frame(built) and not same_types(built.schema, unified[table]):
                from giaoban_qa.archive.rowcheck import conform

                conformed = conform(built, unified[table])
                return conformed if conformed is not None else validated_part(table, self._load(part).get(table, []), declared[table])
            return built

        def copy(table: str, part: int) -> Path | None:
            return kept.path(keys[part], table) if part in copies and kept is not None and keys is not None else None

        written = write_parts(self.plan.tables_dir, unified, self.count, load, copy)
        self.out.written.extend(written)
        if kept is None or keys is None:
            return
        root = Path(self.plan.tables_dir)
        for part in range(self.count):
            if part in copies:
                kept.touch(keys[part])
                continue
            meta = {t: {"seen": self.part_columns.get(part, {}).get(t, []), "declared": declared[t],
                        "schema": schema_text(schemas[t][part]), "unified": prints[t]} for t in self.plan.table_names}
            kept.store(keys[part], {t: root / t / part_name(part) for t in self.plan.table_names}, meta)


def schema_text(schema) -> str:
    """An Arrow schema as text for a JSON manifest (its IPC bytes, base64)."""
    import base64

    return base64.b64encode(schema.serialize().to_pybytes()).decode("ascii")


def read_schema(text: str):
    import base64

    import pyarrow as pa

    return pa.ipc.read_schema(pa.py_buffer(base64.b64decode(text)))


def schema_print(schema) -> str:
    """What a part file was written with, as a short fingerprint of the unified schema."""
    import hashlib

    return hashlib.sha256(schema.serialize().to_pybytes()).hexdigest()


def arrow_schema(frame):
    """A partition's Arrow schema (unified over parts so every part has the same one)."""
    import pyarrow as pa

    return pa.Schema.from_pandas(frame, preserve_index=False)


def unify(schemas: list[Any]):
    import pyarrow as pa

    return pa.unify_schemas(schemas, promote_options="permissive").remove_metadata()


def is_frame(built: Any) -> bool:
    """A pandas frame (the pandas way), not an Arrow table (``rowcheck.fast_part``)."""
    return type(built).__module__.startswith("pandas")


def same_types(a, b) -> bool:
    """Two Arrow schemas with the same column names and types (metadata aside)."""
    return a.names == b.names and all(x.type == y.type for x, y in zip(a, b))


def write_part(built, target: Path, schema) -> str:
    """A part's file, written with its table's unified ``schema``: from a validated pandas
    frame, or from the Arrow table ``rowcheck.fast_part`` built (whose types are then the
    unified ones: it carries the ``pandas`` metadata ``from_pandas`` would record)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if is_frame(built):
        table = pa.Table.from_pandas(built, schema=schema, preserve_index=False)
    else:
        if not same_types(built.schema, schema):
            raise ValueError(f"{target}: the part's types are not its table's unified types")
        table = pa.Table.from_arrays(built.columns, schema=schema.with_metadata(built.schema.metadata))
    pq.write_table(table, str(target))
    return str(target)


def write_parts(folder: str, schemas: dict[str, Any], count: int, load: Callable[[str, int], Any],
                copy: Callable[[str, int], Path | None] | None = None) -> list[Path]:
    """``folder/<table>/part.<i>.parquet`` for ``i < count``, each part loaded when written
    (``load(table, i)``) with its table's schema, or copied from the file ``copy(table, i)``
    names (the same bytes, written before); each table replaced atomically (a sibling
    folder renamed into place), so a failed run leaves the previous tables whole."""
    import shutil
    import tempfile

    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    written = []
    for table in sorted(schemas):
        tmp = Path(tempfile.mkdtemp(prefix=f".{table}.", dir=str(root)))
        try:
            for part in range(count):
                source = copy(table, part) if copy is not None else None
                if source is not None:
                    shutil.copyfile(source, tmp / part_name(part))
                else:
                    write_part(load(table, part), tmp / part_name(part), schemas[table])
            _replace_folder(tmp, root / table)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        written.append(root / table)
    return written


def _replace_folder(new: Path, target: Path) -> None:
    import shutil

    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        os.replace(target, old)
    os.replace(new, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _open_cache(plan: AuditPlan, notes: list[str] | None):
    if not plan.cache_dir:
        return None
    import sqlite3

    from giaoban_qa.archive.cache import Cache

    try:
        return Cache(plan.cache_dir, plan.namespace, notes)
    except (OSError, sqlite3.Error) as exc:  # a read-only folder: audit without the cache
        if notes is not None:
            notes.append(Text("note.cache-unusable", {"folder": str(plan.cache_dir), "error": str(exc)}))
        return None


# -- the Dask engine ----------------------------------------------------------------------
_WORKERS: dict[int, Any] = {}  # per worker process: one pipeline.Worker per plan


def run_partition(part: list[tuple[int, str]], plan: AuditPlan) -> dict[str, Any]:
    """One Dask task: the documents of one partition, from the cache or extracted here."""
    import sqlite3

    from giaoban_qa.archive.pipeline import Worker, file_digest

    key = hash((plan.namespace, tuple(plan.table_names), plan.shard.rule_codes))
    worker = _WORKERS.get(key)
    if worker is None:
        worker = _WORKERS[key] = Worker(plan.config, plan.table_names)
    rule_classes = plan.shard.rules()
    cache = _open_cache(plan, None)
    docs, items, to_store = [], [], []
    tables: dict[str, list[dict]] = {t: [] for t in plan.table_names} if plan.tables_dir or plan.keep_tables else {}
    cached = extracted = 0
    inputs: list[tuple[str, str]] | None = [] if cache else None  # what the tables depend on (see tablecache)
    try:
        for ordinal, path in part:
            digest = file_digest(path) if cache else None
            if inputs is not None:
                if digest:
                    inputs.append((path, digest))
                else:
                    inputs = None
            record = None
            if cache and digest:
                try:
                    record = cache.get(digest, tables=bool(tables))
                except sqlite3.Error:
                    record = None
            if record is None:
                record = compact(worker.process_path(path), plan.shard, rule_classes, plan.needs_tables)
                extracted += 1
                if digest and not record.get("error"):
                    to_store.append((digest, record))
                elif inputs is not None:
                    inputs = None
            else:
                cached += 1
            doc_out, doc_items = summarise(record, path, ordinal, plan.shard, rule_classes)
            docs.append(doc_out)
            items.extend(doc_items)
            if tables:
                for table, rows in table_rows(record, path, ordinal, plan.shard).items():
                    if table in tables:
                        tables[table].extend(rows)
        if cache and to_store:
            # All of the partition's misses in one short write (other workers write too).
            try:
                for digest, record in to_store:
                    cache.put(digest, record)
            except sqlite3.Error:
                pass
    finally:
        if cache:
            try:
                cache.close()
            except sqlite3.Error:
                pass
    columns = {t: list(dict.fromkeys(k for row in rows for k in row)) for t, rows in tables.items()}
    return {"docs": docs, "items": items, "tables": tables, "columns": columns, "cached": cached, "extracted": extracted,
            "inputs": inputs}


_FACTS_WORKERS: dict[int, Any] = {}  # per worker process: one FactsWorker per table list


def facts_partition(part: list[Any], plan: FactsPlan) -> list[dict[str, Any]]:
    """One Dask task of ``facts``: the records of one partition's inputs (read here)."""
    from giaoban_qa.archive.factrows import FactsWorker, facts_of

    key = hash(tuple(plan.table_names))
    worker = _FACTS_WORKERS.get(key)
    if worker is None or worker.config is not plan.config:
        worker = _FACTS_WORKERS[key] = FactsWorker(plan.config, plan.table_names)
    return [facts_of(worker, item) for item in part]


def _docs(result: dict[str, Any]) -> list[dict[str, Any]]:
    return result["docs"]


def _items(result: dict[str, Any]) -> list[tuple]:
    return result["items"]


def _counts(result: dict[str, Any]) -> tuple[int, int, dict[str, list[str]]]:
    return result["cached"], result["extracted"], result["columns"]


def _inputs(result: dict[str, Any]) -> list[tuple[str, str]] | None:
    return result["inputs"]


def _rows(result: dict[str, Any], table: str) -> list[dict[str, Any]]:
    return result["tables"].get(table, [])


def _part_frame(result: dict[str, Any], table: str, columns: list[str]):
    return raw_part(table, result["tables"].get(table, []), columns)


def _reduce_group(group: tuple, options: dict, rules_dirs: list[str], strict: bool) -> list[dict[str, Any]]:
    return reduce_shard(group[1], options, rules_dirs, strict)


def package_identity() -> str:
    """A hash of the package's code and shipped data (what a worker must share with the
    client for their findings to agree)."""
    import hashlib

    import giaoban_qa

    h = hashlib.sha256(giaoban_qa.__version__.encode())
    root = Path(giaoban_qa.__file__).resolve().parent
    for p in sorted(root.rglob("*")):
        if p.suffix in (".py", ".yaml", ".yml", ".json") and "__pycache__" not in p.parts:
            h.update(str(p.relative_to(root)).encode() + b"\0" + p.read_bytes())
    return h.hexdigest()[:16]


def _peak_rss_kib() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _worker_identity() -> str:
    try:
        return package_identity()
    except Exception as exc:  # the package is missing or broken on that worker
        return f"error: {type(exc).__name__}: {exc}"


class DaskEngine:
    name = "dask"

    def __init__(self, scheduler: str | None = None, workers: int | None = None, retries: int = 2) -> None:
        self.scheduler = scheduler
        self.workers = workers
        self.retries = retries

    def _connect(self):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise EngineError("engine.needs-dask") from None
        import dask

        # Object columns stay Python strings (as in the local engine's frames), so the Parquet
        # parts of both engines have the same types.
        dask.config.set({"dataframe.convert-string": False, "distributed.admin.tick.limit": "1h"})
        if self.scheduler:
            try:
                client = Client(self.scheduler, timeout="10s")
            except (OSError, TimeoutError) as exc:
                raise EngineError("engine.unreachable", scheduler=self.scheduler, error=str(exc)) from None
            return client, None
        from giaoban_qa.archive.parallel import default_jobs

        n = self.workers or default_jobs()
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50)
        return Client(cluster), cluster

    def _check_workers(self, client) -> None:
        identities = client.run(_worker_identity)
        if not identities:
            raise EngineError("engine.no-workers", scheduler=self.scheduler)
        mine = package_identity()
        wrong = {w: i for w, i in identities.items() if i != mine}
        if wrong:
            worker, identity = sorted(wrong.items())[0]
            why = identity if identity.startswith("error") else Text("engine.other-version")
            raise EngineError("engine.worker-cannot", worker=worker, why=why)

    def run(self, plan: AuditPlan, on_document: OnDocument) -> EngineResult:
        from distributed import as_completed
        from distributed.client import FutureCancelledError

        client, cluster = self._connect()
        try:
            self._check_workers(client)
            return self._run(client, plan, on_document)
        except FutureCancelledError as exc:
            raise EngineError("engine.cancelled", error=str(exc)) from None
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    def facts(self, plan: FactsPlan) -> FactsResult:
        """The fact rows of every input: partitions of inputs mapped onto the workers, which
        read the files; the rows come back partition by partition, in input order."""
        from distributed.client import FutureCancelledError
        from distributed.scheduler import KilledWorker

        if any(item.path == "-" for item in plan.inputs):
            raise EngineError("usage.stdin-local-only")
        client, cluster = self._connect()
        try:
            self._check_workers(client)
            parts = plan.partitions()
            if not parts:
                return gather_facts(plan, iter(()))
            [plan_future] = client.scatter([plan], broadcast=True)
            futures = client.map(facts_partition, parts, plan=plan_future, retries=self.retries, pure=False)

            def records() -> Iterator[dict[str, Any]]:
                for future in futures:  # in order; each partition's rows released once taken
                    yield from future.result()
                    future.release()

            try:
                return gather_facts(plan, records())
            except KilledWorker as exc:
                raise EngineError("engine.workers-died", error=str(exc)) from None
        except FutureCancelledError as exc:
            raise EngineError("engine.cancelled", error=str(exc)) from None
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    def _run(self, client, plan: AuditPlan, on_document: OnDocument) -> EngineResult:
        import dask.bag as db
        from distributed import as_completed
        from distributed.scheduler import KilledWorker

        out = EngineResult()
        parts = plan.partitions()
        if not parts:
            return out
        [plan_future] = client.scatter([plan], broadcast=True)
        results = client.map(run_partition, parts, plan=plan_future, retries=self.retries, pure=False)
        docs = client.map(_docs, results, retries=self.retries, pure=False)
        try:
            for future in as_completed(docs):
                for doc in future.result():
                    on_document(doc)
                future.release()
            counts = client.gather(client.map(_counts, results, pure=False))
        except KilledWorker as exc:
            raise EngineError("engine.workers-died", error=str(exc)) from None
        for cached, extracted, _columns in counts:
            out.cached += cached
            out.extracted += extracted
        # Cross-document rules: shard items are grouped by key on the workers.
        item_futures = client.map(_items, results, pure=False)  # held: a released future loses its data
        items = db.from_delayed(item_futures)
        n_groups = max(1, min(len(parts), 64))
        config = plan.config
        grouped = items.groupby(shard_id, npartitions=n_groups, shuffle="tasks")
        found = grouped.map(_reduce_group, config.options, list(config.rules_dirs), config.strict).flatten()
        found_future = client.compute(found, retries=self.retries)
        for d in found_future.result():
            if "error" in d:
                _rule_crashed(d, config)
            else:
                out.archive_findings.append(d)
        out.archive_findings.sort(key=finding_order)
        for table in plan.keep_tables:
            out.tables[table] = [r for rows in client.gather(client.map(_rows, results, table=table, pure=False)) for r in rows]
        if plan.tables_dir:
            out.written = self._tables_cached_or_written(client, plan, results, counts, out.extracted)
        try:
            out.worker_peaks_kib = dict(sorted(client.run(_peak_rss_kib).items()))
        except Exception:  # only for the statistics line
            pass
        return out

    def _tables_cached_or_written(self, client, plan: AuditPlan, results, counts, extracted: int) -> list[Path]:
        """As the local engine's ``_write_tables``: the parts of an unchanged archive copied
        from the cache folder, else written (and a copy kept)."""
        from giaoban_qa.archive.tablecache import TablesCache, tables_key

        parts = client.gather(client.map(_inputs, results, pure=False)) if plan.cache_dir else [None]
        if plan.stdin or any(p is None for p in parts):
            return self._write_tables(client, plan, results, counts)
        inputs = [pair for part in parts for pair in part]
        key = tables_key(plan.namespace + ":dask", plan.table_names, plan.partition_size, inputs, plan.shard.sidecar)
        store = TablesCache(plan.cache_dir)
        if extracted == 0:
            restored = store.restore(key, plan.tables_dir, plan.table_names)
            if restored is not None:
                return restored
        written = self._write_tables(client, plan, results, counts)
        store.store(key, written)
        return written

    def _write_tables(self, client, plan: AuditPlan, results, counts) -> list[Path]:
        """Every table as a Dask frame validated by its pandera model, written part by part
        by the workers. All tables go in three passes (validate and keep on the workers;
        unify each table's Arrow schema from the parts' schemas, which are small; write), so
        every part file of a table has one schema, as in the local engine."""
        import shutil
        import tempfile

        import dask
        import dask.dataframe as dd
        import pandera.pandas as pa

        from giaoban_qa.archive.schemas import SCHEMAS, SchemaFailure

        root = Path(plan.tables_dir)
        root.mkdir(parents=True, exist_ok=True)
        frames = {}
        self._held = []
        for table in plan.table_names:
            seen: list[str] = []
            for _c, _e, columns in counts:
                seen.extend(c for c in columns.get(table, ()) if c not in seen)
            columns = table_columns(table, seen)
            parts = client.map(_part_frame, results, table=table, columns=columns, pure=False)
            self._held.append(parts)  # a released future loses its data
            frame = dd.from_delayed(parts, meta=raw_part(table, [], columns), verify_meta=False)
            schema = SCHEMAS.get(table)
            if schema is not None:
                # The same pandera model, on the Dask frame (checked partition by partition).
                frame = schema.validate(frame, lazy=True)
            frames[table] = frame.map_partitions(encode_nested, meta=validated_part(table, [], columns))
        tmps = {t: Path(tempfile.mkdtemp(prefix=f".{t}.", dir=str(root))) for t in frames}
        try:
            persisted = dict(zip(frames, client.persist(list(frames.values()))))
            pieces = {t: f.to_delayed() for t, f in persisted.items()}
            schemas = client.compute({t: [dask.delayed(arrow_schema)(p) for p in ps] for t, ps in pieces.items()}, sync=True)
            writes = [dask.delayed(write_part)(p, tmps[t] / part_name(i), unify(schemas[t])) for t, ps in pieces.items() for i, p in enumerate(ps)]
            client.compute(writes, sync=True, retries=self.retries)
            del persisted, pieces
            for t in frames:
                _replace_folder(tmps[t], root / t)
        except pa.errors.SchemaErrors as exc:
            raise SchemaFailure(next(iter(frames)), [{"column_name": None, "check": str(exc)[:500], "value": None}]) from None
        finally:
            for tmp in tmps.values():
                shutil.rmtree(tmp, ignore_errors=True)
            self._held = []
        return [root / t for t in frames]


def _rule_crashed(crash: dict[str, Any], config) -> None:
    """A cross-document rule raised: exit 2 naming it, unless ``--keep-going`` (then said on
    stderr and skipped), as for the per-document rules: no rule falls silent with exit 0."""
    message = Text("usage.rule-cross", {"rule": crash.get("rule", "?"), "error": crash.get("detail", crash["error"])[:400]})
    if not getattr(config, "keep_going", False):
        from giaoban_qa.errors import RuleCrash

        raise RuleCrash("usage.rule-crash", message=message)
    print(f"giaoban-qa: {message.render(config.lang)}", file=sys.stderr)


def make_engine(name: str, jobs: int | None = None, scheduler: str | None = None):
    if name == "dask" or scheduler:
        return DaskEngine(scheduler=scheduler, workers=jobs)
    return LocalEngine(jobs)
