"""``giaoban-qa audit PATH…``: a whole archive — per-document and cross-document rules,
cache, fact checks (the pipeline is :mod:`giaoban_qa.archive.audit`)."""

from __future__ import annotations

import argparse
import sys

from giaoban_qa.commands.common import add_common_options, add_output_options, emit_report, prepare_run
from giaoban_qa.errors import UsageError


def add_parser(sub: argparse._SubParsersAction) -> None:
    audit = sub.add_parser("audit", help="check a whole archive: per-document and cross-document rules, fact checks")
    audit.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (recursive)")
    add_output_options(audit)
    audit.add_argument("--jobs", "-j", type=int, default=None, metavar="N", help="worker processes (default: the machine's cores)")
    audit.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    audit.add_argument("--cache-dir", metavar="DIR", default=None, help="cache folder (default: .giaoban-qa-cache)")
    audit.add_argument("--checks", metavar="DIR", help="run the Great Expectations suites (.json/.yaml) of DIR over the fact tables")
    audit.add_argument("--groups", metavar="FILE", help="sidecar mapping path globs to groups (default: giaoban-qa-archive.yaml found beside the paths)")
    audit.add_argument("--engine", choices=["local", "dask"], default="local",
                       help="where the work runs: local process pool (default) or Dask (a LocalCluster sized to the machine, or --scheduler)")
    audit.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler, e.g. tcp://host:8786 (implies --engine dask)")
    audit.add_argument("--tables", metavar="DIR", help="write every fact table, validated, as partitioned Parquet: DIR/<table>/part.N.parquet")
    audit.add_argument("--partition-size", type=int, default=200, metavar="N", help="documents per Dask task and per Parquet part (default 200)")
    audit.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None, help="progress bar on stderr (default: when stderr is a terminal)")
    audit.add_argument("--verbose", "-v", action="store_true", help="also print each finding's evidence in words")
    add_common_options(audit)
    audit.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from giaoban_qa.archive.audit import AuditOptions, attach_documents, run_audit
    from giaoban_qa.engine import exit_code

    config, fmt, report_options = prepare_run(args, args.paths)
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.partition_size < 1:
        raise UsageError("--partition-size must be at least 1")
    from giaoban_qa.archive.cache import DEFAULT_DIR

    options = AuditOptions(
        jobs=args.jobs,
        cache_dir=None if args.no_cache else (args.cache_dir or DEFAULT_DIR),
        checks=args.checks,
        groups=args.groups,
        progress=args.progress if args.progress is not None else sys.stderr.isatty(),
        engine="dask" if args.scheduler else args.engine,
        scheduler=args.scheduler,
        tables_dir=args.tables,
        partition_size=args.partition_size,
    )
    from giaoban_qa.archive.engines import EngineError
    from giaoban_qa.errors import SchemaFailure

    try:
        result, stats = run_audit(args.paths, config, options)
    except SchemaFailure as exc:
        print(f"giaoban-qa: {exc.report()}", file=sys.stderr)
        return 2
    except EngineError as exc:
        print(f"giaoban-qa: {exc}", file=sys.stderr)
        return 2
    except (ValueError, OSError) as exc:
        raise UsageError(str(exc)) from None
    if fmt in ("rich", "text", "html"):
        attach_documents(result, config)
    emit_report(result, args, config, fmt, report_options)
    for note in stats.notes:
        print(f"giaoban-qa: {note}", file=sys.stderr)
    if options.progress:
        from giaoban_qa.i18n import num, t

        print("giaoban-qa: " + t("audit.summary", config.lang, n=stats.documents, documents=num(stats.documents, config.lang),
                                  cached=num(stats.cached, config.lang), seconds=num(stats.seconds, config.lang, 1),
                                  archive=num(stats.archive_findings, config.lang), checks=num(stats.check_findings, config.lang)),
              file=sys.stderr)
        if stats.worker_peaks_kib:
            peaks = ", ".join(f"{kib / 1024:.0f}" for kib in stats.worker_peaks_kib.values())
            print(f"giaoban-qa: peak memory of the Dask workers: {peaks} MiB", file=sys.stderr)
    return exit_code(result, config.fail_on)
