"""``giaoban-qa audit PATH…``: every per-document rule and the cross-document rules over a
whole archive, in parallel, with an incremental cache; optional Great Expectations suites
over the fact tables (``--checks``). Output formats are those of ``check``; the command
line is :mod:`giaoban_qa.commands.audit`.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import Any


@dataclass
class AuditStats:
    documents: int = 0
    cached: int = 0
    extracted: int = 0
    bytes: int = 0
    seconds: float = 0.0
    archive_findings: int = 0
    check_findings: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass
class AuditOptions:
    jobs: int | None = None
    cache_dir: str | None = None  # None: no cache
    checks: str | None = None
    groups: str | None = None
    progress: bool = False
    full_tables: tuple[str, ...] = ()  # tables to keep whole in memory (for reports over them)


def run_audit(paths: list[str], config, options: AuditOptions | None = None):
    """Audit ``paths``; returns the ``RunResult`` every reporter renders and the stats."""
    from giaoban_qa.archive.base import ArchiveFacts
    from giaoban_qa.archive.grouping import find_sidecars, load_sidecar, sidecar_group
    from giaoban_qa.archive.parallel import default_jobs, process
    from giaoban_qa.archive.pipeline import Worker, file_digest, located_from_dict, markers_from_dict
    from giaoban_qa.archive.rules import ArchiveRule
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
    sidecar = load_sidecar(options.groups) if options.groups else find_sidecars(paths)

    from giaoban_qa.archive.base import LOCATION_KEYS

    needed_columns: dict[str, tuple[str, ...]] = {}
    for rule in archive_rules:
        for table, cols in rule.columns.items():
            needed_columns[table] = tuple(dict.fromkeys([*needed_columns.get(table, LOCATION_KEYS[1:]), *cols]))
    streaming = [r for r in archive_rules if r.streaming]
    holding = [r for r in archive_rules if not r.streaming]
    result = RunResult()
    archive = ArchiveFacts(tables={t: [] for t in table_names})
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

    def consume(path: str, record: dict[str, Any]) -> None:
        stats.documents += 1
        if record.get("error"):
            result.files.append(FileResult(path, error=record["error"]))
            return
        result.files.append(FileResult(path, kind=record.get("kind"), coverage=record.get("coverage"), checks=record.get("checks") or []))
        if record.get("markers"):
            markers[path] = markers_from_dict(record["markers"])
        for d in record["findings"]:
            keep_or_suppress(located_from_dict(d, path))
        tables = record["tables"]
        doc_row = dict((tables.get("documents") or [{}])[0])
        override = sidecar_group(path, sidecar)
        if override is not None:
            doc_row["group"], doc_row["group_source"] = override, "sidecar"
        doc_row["path"] = path
        if "documents" in full_tables:
            archive.tables["documents"].append(doc_row)
        else:  # what the rules read of a document; the rest is not held for 10,000 files
            doc_row = {k: doc_row.get(k) for k in ("path", "group", "event_date", "published", "meeting", "meeting_label")}
        archive.documents[path] = doc_row
        for name, rows in tables.items():
            if name == "documents":
                continue
            kept = archive.tables.setdefault(name, [])
            if name in full_tables:
                kept.extend({**row, "path": path} for row in rows)
                continue
            columns = needed_columns.get(name, ())
            for row in rows:
                projected = None
                for rule in streaming:
                    if name not in rule.tables:
                        continue
                    projected = projected or {"path": path, **{k: row.get(k) for k in columns}}
                    rule.absorb(name, projected, doc_row.get("group") or "")
                if any(r.keep(name, row) for r in holding):
                    kept.append(projected or {"path": path, **{k: row.get(k) for k in columns}})

    from giaoban_qa.archive.cache import Cache, settings_fingerprint, tool_fingerprint

    cache = None
    if options.cache_dir:
        import sqlite3

        try:
            cache = Cache(options.cache_dir, tool_fingerprint(config) + ":" + settings_fingerprint(config, table_names), stats.notes)
        except (OSError, sqlite3.Error) as exc:  # a read-only folder: audit without the cache
            stats.notes.append(f"cache {options.cache_dir} unusable ({exc}); running without it")
    progress, task = _progress(options.progress, len(files) + len(stdin))
    try:
        pending: list[str] = []
        digests: dict[str, str] = {}
        for path in files:
            digest = file_digest(path) if cache else None
            record = cache.get(digest) if cache and digest else None
            if record is not None:
                stats.cached += 1
                consume(path, record)
                _advance(progress, task)
            else:
                if digest:
                    digests[path] = digest
                pending.append(path)
        jobs = options.jobs or default_jobs()
        # More workers than files or cores only cost memory (300 asked: 9.5 GB, 12x slower).
        limit = max(1, min(len(pending), default_jobs()))
        if jobs > limit:
            if options.jobs:
                stats.notes.append(f"--jobs {options.jobs} lowered to {limit} ({len(pending)} file(s) to extract, {default_jobs()} core(s))")
            jobs = limit
        for path, record in zip(pending, process(pending, config, table_names, jobs)):
            stats.extracted += 1
            if cache and not record.get("error") and path in digests:
                cache.put(digests[path], record)
            consume(path, record)
            _advance(progress, task)
        if stdin:
            from giaoban_qa.engine import iter_sources

            worker = Worker(config, table_names)
            for _p, source, error in iter_sources(["-"], config):
                record = {"path": "<stdin>", "error": error} if source is None else worker.process_text(source.path, source.text, source.kind)
                consume("<stdin>", record)
                _advance(progress, task)
    finally:
        if cache:
            cache.close()
        if progress:
            progress.stop()

    from giaoban_qa.rules import RuleContext

    ctx = RuleContext(rules_dirs=config.rules_dirs)
    for rule in archive_rules:
        ctx.options = config.options.get(rule.code, {})
        try:
            found = list(rule.check_archive(archive, ctx))
        except Exception as exc:
            if config.strict:
                raise
            from giaoban_qa.errors import RuleCrash

            message = f"internal error in rule {rule.code}: {type(exc).__name__}: {exc}"[:500]
            if not config.keep_going:
                raise RuleCrash(message + " (--keep-going skips it)") from None
            print(f"giaoban-qa: {message}", file=sys.stderr)
            continue
        for f in found:
            _apply_severity(f, config)
            if keep_or_suppress(f):
                stats.archive_findings += 1

    if suites:
        from giaoban_qa.archive.checks import run_suites
        from giaoban_qa.archive.schemas import validate_tables

        frames = validate_tables({t: archive.table(t) for t in sorted(full_tables) if archive.has_table(t)})
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


def _progress(enabled: bool, total: int):
    if not enabled:
        return None, None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    progress = Progress(
        TextColumn("[bold]audit"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TimeRemainingColumn(),
        console=Console(stderr=True), transient=True,
    )
    progress.start()
    return progress, progress.add_task("audit", total=total)


def _advance(progress, task) -> None:
    if progress is not None:
        progress.advance(task)
