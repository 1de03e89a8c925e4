"""``giaoban-qa audit PATH…``: every per-document rule and the cross-document rules over a
whole archive, in parallel, with an incremental cache; optional Great Expectations suites
over the fact tables (``--checks``). Output formats are those of ``check``; the command
line is :mod:`giaoban_qa.commands.audit`.
"""

from __future__ import annotations

import sys
import time
from typing import Any, Iterator

from giaoban_qa.engine import FileResult
from giaoban_qa.records import field, record


@record
class AuditStats:
    documents: int = 0
    cached: int = 0
    extracted: int = 0
    bytes: int = 0
    seconds: float = 0.0
    archive_findings: int = 0
    check_findings: int = 0
    notes: list[str] = field(default_factory=list)
    worker_peaks_kib: dict[str, int] = field(default_factory=dict)


@record
class AuditOptions:
    jobs: int | None = None
    cache_dir: str | None = None  # None: no cache
    checks: str | None = None
    groups: str | None = None
    progress: bool = False
    full_tables: tuple[str, ...] = ()  # tables to keep whole in memory (for reports over them)
    # Keep the report's file entries (one per document) in a temporary file instead of the
    # client's memory; for reporters that only read them (json, sarif, junit), not those
    # that attach the text to them (rich, text, html).
    spill_files: bool = False
    engine: str = "local"  # "local" (process pool) or "dask"
    scheduler: str | None = None  # a running Dask scheduler (tcp://host:8786); None: a LocalCluster
    tables_dir: str | None = None  # write every fact table as partitioned Parquet under it
    partition_size: int = 200  # documents per Dask task and per Parquet part


def run_audit(paths: list[str], config, options: AuditOptions | None = None):
    """Audit ``paths``; returns the ``RunResult`` every reporter renders and the stats."""
    from giaoban_qa.archive.engines import AuditPlan, make_engine
    from giaoban_qa.archive.grouping import find_sidecars, load_sidecar
    from giaoban_qa.archive.pipeline import located_from_dict, markers_from_dict
    from giaoban_qa.archive.rules import ArchiveRule
    from giaoban_qa.archive.shards import ShardPlan
    from giaoban_qa.engine import FileResult, RunResult, config_relative_names, selected_rules
    from giaoban_qa.loaders import iter_input_paths

    options = options or AuditOptions()
    started = time.perf_counter()
    stats = AuditStats()
    rules = selected_rules(config)
    archive_rules = [r for r in rules if isinstance(r, ArchiveRule)]

    suites = []
    if options.checks:
        from giaoban_qa.archive.checks import load_suites

        suites = load_suites(options.checks)
    full_tables = {s.table for s in suites} | set(options.full_tables)
    from giaoban_qa.extract import load_fact_tables

    import giaoban_qa.archive.documents  # noqa: F401  registers the documents table

    registered = load_fact_tables()
    if options.tables_dir:
        wanted = set(registered)
    else:
        wanted = {"documents", "dates", *full_tables, *(t for r in archive_rules for t in r.tables)}
    table_names = sorted(t for t in wanted if t in registered)

    import fnmatch

    files = [
        p
        for p in iter_input_paths(paths)
        if not any(fnmatch.fnmatch(name, pat) for name in config_relative_names(p, config) for pat in config.exclude)
    ]
    stdin = [p for p in files if p == "-"]
    files = [p for p in files if p != "-"]
    if stdin and options.engine != "local":
        from giaoban_qa.errors import UsageError

        raise UsageError("usage.stdin-local-only")
    sidecar = load_sidecar(options.groups) if options.groups else find_sidecars(paths)
    shard_plan = ShardPlan.for_rules(archive_rules, sidecar)

    result = RunResult()
    if options.spill_files:
        result.files = SpilledFiles(files)  # type: ignore[assignment]
        result.findings = SpilledFindings()  # type: ignore[assignment]
        result.suppressed = SpilledFindings()  # type: ignore[assignment]
    markers: dict[str, Any] = {}

    def keep_or_suppress(finding) -> bool:
        """Per-file ignores and inline markers, as in ``check``: suppressed findings are kept
        aside with the reason, never dropped."""
        from giaoban_qa.suppress import per_file_reason

        reason = per_file_reason(finding.path, finding.rule, config)
        if reason is None and finding.path in markers:
            reason = markers[finding.path].reason_for(finding.rule, finding.line)
        if reason is None:
            result.findings.append(finding)
            return True
        finding.suppressed, finding.suppressed_by = True, reason
        result.suppressed.append(finding)
        return False

    progress, task = _progress(options.progress, len(files) + len(stdin), config.lang)
    shared = SharedValues()

    def consume(doc: dict[str, Any]) -> None:
        """One document's share of the report: its file entry, findings and markers."""
        path = doc["path"]
        stats.documents += 1
        _advance(progress, task)
        if isinstance(result.files, SpilledFiles):
            result.files.add(doc["ordinal"], doc)
            if doc.get("error"):
                return
        elif doc.get("error"):
            result.files.append(FileResult(path, error=doc["error"]))
            return
        else:
            result.files.append(FileResult(path, kind=doc.get("kind"), coverage=shared(doc.get("coverage")), checks=doc.get("checks") or []))
        if doc.get("markers"):
            markers[path] = markers_from_dict(doc["markers"])
        for d in doc["findings"]:
            keep_or_suppress(located_from_dict(d, path))

    plan = AuditPlan(
        files=files,
        config=config,
        table_names=table_names,
        shard=shard_plan,
        cache_dir=options.cache_dir,
        namespace=_namespace(config, table_names, options, bool(full_tables)),
        tables_dir=options.tables_dir,
        keep_tables=tuple(sorted(t for t in full_tables if t in registered)),
        partition_size=options.partition_size,
        stdin=bool(stdin),
    )
    engine = make_engine(options.engine, options.jobs, options.scheduler)
    try:
        outcome = engine.run(plan, consume)
        stats.cached, stats.extracted = outcome.cached, outcome.extracted
        stats.notes.extend(outcome.notes)
        stats.worker_peaks_kib = outcome.worker_peaks_kib
        archive_findings = outcome.archive_findings
        full_rows = outcome.tables
    finally:
        if progress:
            progress.stop()

    for d in archive_findings:
        f = located_from_dict(d, d["path"])
        _apply_severity(f, config)
        if keep_or_suppress(f):
            stats.archive_findings += 1

    if suites:
        from giaoban_qa.archive.checks import run_suites
        from giaoban_qa.archive.schemas import validate_tables

        frames = validate_tables({t: full_rows.get(t, []) for t in sorted(full_tables) if t in full_rows})
        for f in run_suites(suites, frames, notes=stats.notes):
            if keep_or_suppress(f):
                stats.check_findings += 1

    result.files.sort(key=lambda f: f.path)
    result.findings.sort(key=lambda f: (f.path, f.start, f.end, f.rule))
    result.suppressed.sort(key=lambda f: (f.path, f.start, f.end, f.rule))
    if config.baseline:
        from giaoban_qa.baseline import apply_baseline

        apply_baseline(result, config.baseline)
    stats.seconds = time.perf_counter() - started
    return result, stats


def _namespace(config, table_names: list[str], options: AuditOptions, full_tables: bool) -> str:
    """What the cache's records (and the tables cache's sets) are stored under: the tool's
    fingerprint and the run's settings. The Dask engine also keys its workers' state on it.
    A local audit without a cache folder uses it nowhere, and the tool's fingerprint (a
    ``stat`` of every module and pack, ~5 ms) and SQLite's import were a sixth of what
    ``audit --no-cache`` spent on a few files beyond ``check``: it is then left empty."""
    if not options.cache_dir and options.engine == "local":
        return ""
    from giaoban_qa.archive.cache import settings_fingerprint, tool_fingerprint

    # Records are cached compact (``shards.compact``); with whole tables when they are asked for.
    return (tool_fingerprint(config) + ":" + settings_fingerprint(config, table_names)
            + (":compact-tables" if options.tables_dir or full_tables else ":compact"))


class SharedValues:
    """One object for every equal per-file value the report keeps (a file's coverage: nested
    dicts of counts, mostly the same few). On the 31,267-article pool the files' coverage
    dicts took 61 MiB of the client as separate objects and 5 MiB shared (8,322 distinct
    dicts; ``benchmarks/bench_pool_archive.py`` measures it), the bulk of what grew with the
    archive. The values are only read (summed into the summary, printed), never changed."""

    def __init__(self) -> None:
        self.seen: dict[Any, Any] = {}

    def __call__(self, value: Any) -> Any:
        if isinstance(value, dict):
            value = {k: self(v) for k, v in value.items()}
            key = ("d", tuple((k, id(v) if isinstance(v, dict) else v) for k, v in value.items()))
            return self.seen.setdefault(key, value)
        return value


class _PickleSpool:
    """Objects pickled one after another into a temporary file, made at the first write
    (an audit that never spills makes none), each read back from the offset ``write``
    returned."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.fh: Any = None

    def write(self, obj: Any) -> int:
        import pickle

        if self.fh is None:
            import tempfile

            self.fh = tempfile.TemporaryFile(prefix=self.prefix)
        self.fh.seek(0, 2)
        offset = self.fh.tell()
        pickle.dump(obj, self.fh, protocol=pickle.HIGHEST_PROTOCOL)
        return offset

    def read(self, offset: int) -> Any:
        import pickle

        self.fh.seek(offset)
        return pickle.load(self.fh)


class SpilledFiles:
    """The report's file entries of an audit, in a temporary file instead of the client's
    memory: one pickled ``(kind, coverage, checks)`` per document, found by an array of
    offsets indexed by the document's ordinal (8 bytes a document, allocated once), the
    path taken from the audit's own list of paths; only unreadable files' errors stay in
    memory. It reads like the ``list`` of ``FileResult`` the reporters iterate (``len``,
    iteration, indexing, ``sort`` by path); an entry's coverage, kind and checks are read
    from the file when asked for, so a pass over paths and errors reads nothing. Entries
    are rebuilt when read: changes to them are not kept (reporters that attach documents
    to entries get a real list). On the 31,267-article pool the entries were the bulk of
    what still grew in the client with the archive. The first ``HOLD`` entries are held in
    memory and written out only when more come."""

    STDIN = "<stdin>"
    # Entries held in memory before the first is written to the file: a small archive's
    # (the seeds') never cost a temporary file nor a pickle; past it every held entry is
    # written out and the memory stays flat as before.
    HOLD = 500

    def __init__(self, paths: list[str], hold: int | None = None) -> None:
        from array import array

        self.paths = paths
        self.offsets = array("q", [-1]) * (len(paths) + 1)  # + standard input, after the files
        self.errors: dict[int, str] = {}
        self.count = 0
        self.hold = self.HOLD if hold is None else hold
        self.held: dict[int, tuple[Any, Any, list]] | None = {}  # ordinal -> entry, until spilled (then None)
        self.spool = _PickleSpool("giaoban-qa-files-")
        self.order: Any = None  # ordinals sorted by path, once sorted

    def _path(self, ordinal: int) -> str:
        return self.paths[ordinal] if ordinal < len(self.paths) else self.STDIN

    def add(self, ordinal: int, doc: dict[str, Any]) -> None:
        if self.offsets[ordinal] < 0:
            self.count += 1
        self.order = None
        if doc.get("error"):
            self.errors[ordinal] = doc["error"]
            self.offsets[ordinal] = 0
            if self.held is not None:
                self.held.pop(ordinal, None)
            return
        self.errors.pop(ordinal, None)
        entry = (doc.get("kind"), doc.get("coverage"), doc.get("checks") or [])
        if self.held is not None:
            self.held[ordinal] = entry
            self.offsets[ordinal] = 0
            if len(self.held) <= self.hold:
                return
            self._spill_held()
            return
        self._write(ordinal, entry)

    def _write(self, ordinal: int, entry: tuple[Any, Any, list]) -> None:
        self.offsets[ordinal] = self.spool.write(entry)

    def _spill_held(self) -> None:
        held, self.held = self.held or {}, None
        for ordinal, entry in held.items():
            self._write(ordinal, entry)

    def load(self, ordinal: int) -> tuple[Any, Any, list]:
        if self.held is not None:
            entry = self.held[ordinal]
            return entry[0], entry[1], list(entry[2])  # a copy, as one read back from the file
        return self.spool.read(self.offsets[ordinal])

    def append(self, entry: Any) -> None:
        raise TypeError("SpilledFiles takes documents through add()")

    def sort(self, key: Any = None) -> None:
        """Sorted by path (the only order reports use)."""
        from array import array

        self.order = array("q", sorted((i for i, o in enumerate(self.offsets) if o >= 0), key=self._path))

    def _ordinals(self) -> Any:
        if self.order is None:
            return [i for i, o in enumerate(self.offsets) if o >= 0]
        return self.order

    def _entry(self, ordinal: int) -> FileResult:
        return _SpilledEntry(self, ordinal, self._path(ordinal), self.errors.get(ordinal))

    def __len__(self) -> int:
        return self.count

    def __bool__(self) -> bool:
        return self.count > 0

    def __iter__(self) -> Iterator[Any]:
        for ordinal in self._ordinals():
            yield self._entry(ordinal)

    def __getitem__(self, index: int):
        return self._entry(self._ordinals()[index])


class SpilledFindings:
    """The report's findings of an audit, in a temporary file instead of the client's
    memory: one pickled ``Located`` per finding, found by an array of offsets (8 bytes a
    finding). After the file entries were spilled, the findings were what still grew in the
    client with the archive (on the 31,267-article pool, 8,684 findings: RSS 58 -> 75 MiB
    from 25 % to 100 % of the documents). It reads like the ``list`` the reporters and the
    summary iterate (``append``, ``extend``, ``len``, iteration, indexing, ``sort``);
    findings in the file are rebuilt when read, so a change made to one while iterating is
    not kept (the audit makes its changes — severity, suppression — before ``append``).
    The first ``HOLD`` are held in memory and written out only when more come."""

    # Findings held in memory before the first is written to the file: a small archive's
    # never cost a file nor a pickle (while held, a read gives the finding appended).
    HOLD = 500

    def __init__(self, hold: int | None = None) -> None:
        from array import array

        self.offsets = array("q")
        self.order: Any = None  # positions in sorted order, once sorted
        self.hold = self.HOLD if hold is None else hold
        self.held: list[Any] | None = []  # until spilled (then None)
        self.spool = _PickleSpool("giaoban-qa-findings-")

    def append(self, finding: Any) -> None:
        self.order = None
        if self.held is not None:
            self.offsets.append(len(self.held))
            self.held.append(finding)
            if len(self.held) > self.hold:
                self._spill_held()
            return
        self.offsets.append(self.spool.write(finding))

    def _spill_held(self) -> None:
        held, self.held = self.held or [], None
        for i, finding in enumerate(held):
            self.offsets[i] = self.spool.write(finding)

    def extend(self, findings: Any) -> None:
        for finding in findings:
            self.append(finding)

    def _load(self, position: int) -> Any:
        if self.held is not None:
            return self.held[position]
        return self.spool.read(self.offsets[position])

    def sort(self, key: Any = None) -> None:
        """Sorted by ``key`` of each finding; only the keys are held while sorting."""
        from array import array

        positions = range(len(self.offsets))
        if key is None:
            self.order = array("q", positions)
            return
        self.order = array("q", sorted(positions, key=lambda i: key(self._load(i))))

    def _positions(self) -> Any:
        return range(len(self.offsets)) if self.order is None else self.order

    def __len__(self) -> int:
        return len(self.offsets)

    def __bool__(self) -> bool:
        return len(self.offsets) > 0

    def __iter__(self) -> Iterator[Any]:
        for position in self._positions():  # a range or the sorted array: sort() replaces it, never edits it
            yield self._load(position)

    def __getitem__(self, index: int) -> Any:
        return self._load(self._positions()[index])


class _SpilledEntry(FileResult):
    """One file entry of ``SpilledFiles``: path and error at hand, the rest read from the
    spill file when a reporter asks for it."""

    def __init__(self, files: SpilledFiles, ordinal: int, path: str, error: str | None) -> None:
        self._files, self._ordinal = files, ordinal
        self.path, self.error, self.document = path, error, None

    def _part(self, i: int, empty: Any) -> Any:
        return empty if self.error else self._files.load(self._ordinal)[i]

    kind = property(lambda self: self._part(0, None))  # type: ignore[assignment]
    coverage = property(lambda self: self._part(1, None))  # type: ignore[assignment]
    checks = property(lambda self: self._part(2, []))  # type: ignore[assignment]


def attach_documents(result, config) -> None:
    """Re-read the files that have findings, for reporters that show the text around them
    (the audit itself never keeps texts)."""
    from giaoban_qa.document import build_document
    from giaoban_qa.loaders import InputError, load_path

    wanted = {f.path for f in [*result.findings, *result.suppressed]}
    for entry in result.files:
        if entry.path in wanted and entry.document is None and entry.error is None and entry.path != "<stdin>":
            try:
                source = load_path(entry.path, config.max_size, encoding=config.encoding)
            except InputError:
                continue
            entry.document = build_document(source.path, source.text, source.kind, source.encoding)


def _apply_severity(f, config) -> None:
    from giaoban_qa.findings import Severity

    if f.rule in config.severity:
        f.severity = Severity(config.severity[f.rule])


def _progress(enabled: bool, total: int, lang: str = "vi"):
    if not enabled:
        return None, None
    from rich.markup import escape

    from giaoban_qa.i18n import t

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    progress = Progress(
        TextColumn(f"[bold]{escape(t('audit.progress', lang))}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TimeRemainingColumn(),
        console=Console(stderr=True), transient=True,
    )
    progress.start()
    return progress, progress.add_task("audit", total=total)


def _advance(progress, task) -> None:
    if progress is not None:
        progress.advance(task)
