"""``giaoban-qa audit PATH…``: a whole archive — per-document and cross-document rules,
cache, fact checks (the pipeline is :mod:`giaoban_qa.archive.audit`)."""

from __future__ import annotations

import argparse
import sys

from giaoban_qa.commands.common import add_common_options, add_output_options, emit_report, h, prepare_run
from giaoban_qa.errors import UsageError


def add_parser(sub: argparse._SubParsersAction) -> None:
    audit = sub.add_parser("audit", help=h("help.audit"), description=h("help.audit"))
    audit.add_argument("paths", nargs="+", metavar=h("mv.PATH"), help=h("help.audit.paths"))
    add_output_options(audit)
    audit.add_argument("--jobs", "-j", type=int, default=None, metavar="N", help=h("help.audit.jobs"))
    audit.add_argument("--no-cache", action="store_true", help=h("help.audit.no-cache"))
    audit.add_argument("--cache-dir", metavar=h("mv.DIR"), default=None, help=h("help.audit.cache-dir"))
    audit.add_argument("--checks", metavar=h("mv.DIR"), help=h("help.audit.checks"))
    audit.add_argument("--groups", metavar=h("mv.FILE"), help=h("help.audit.groups"))
    audit.add_argument("--engine", choices=["local", "dask"], default="local", help=h("help.audit.engine"))
    audit.add_argument("--scheduler", metavar=h("mv.ADDRESS"), help=h("help.audit.scheduler"))
    audit.add_argument("--tables", metavar=h("mv.DIR"), help=h("help.audit.tables"))
    audit.add_argument("--partition-size", type=int, default=200, metavar="N", help=h("help.audit.partition-size"))
    audit.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None, help=h("help.audit.progress"))
    audit.add_argument("--verbose", "-v", action="store_true", help=h("help.verbose"))
    add_common_options(audit)
    audit.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from giaoban_qa.archive.audit import AuditOptions, attach_documents, run_audit
    from giaoban_qa.engine import exit_code

    config, fmt, report_options = prepare_run(args, args.paths)
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("usage.at-least-one", option="--jobs")
    if args.partition_size < 1:
        raise UsageError("usage.at-least-one", option="--partition-size")
    cache_dir = None
    if not args.no_cache:  # (the cache module imports SQLite: not for --no-cache)
        from giaoban_qa.archive.cache import DEFAULT_DIR

        cache_dir = args.cache_dir or DEFAULT_DIR
    options = AuditOptions(
        jobs=args.jobs,
        cache_dir=cache_dir,
        checks=args.checks,
        groups=args.groups,
        progress=args.progress if args.progress is not None else sys.stderr.isatty(),
        engine="dask" if args.scheduler else args.engine,
        scheduler=args.scheduler,
        tables_dir=args.tables,
        partition_size=args.partition_size,
        spill_files=fmt not in ("rich", "text", "html"),  # those attach each file's text to its entry
    )
    from giaoban_qa.archive.engines import EngineError
    from giaoban_qa.errors import SchemaFailure

    try:
        result, stats = run_audit(args.paths, config, options)
    except SchemaFailure as exc:
        print(f"giaoban-qa: {exc.report(lang=config.lang)}", file=sys.stderr)
        return 2
    except EngineError as exc:
        print(f"giaoban-qa: {exc.render(config.lang)}", file=sys.stderr)
        return 2
    except (ValueError, OSError) as exc:  # a groups file or check suite that cannot be used
        from giaoban_qa.i18n import render_error

        raise UsageError("usage.as-is", message=render_error(exc, config.lang)) from None
    if fmt in ("rich", "text", "html"):
        attach_documents(result, config)
    emit_report(result, args, config, fmt, report_options)
    from giaoban_qa.i18n import render_text

    for note in stats.notes:
        print(f"giaoban-qa: {render_text(note, config.lang)}", file=sys.stderr)
    if options.progress:
        from giaoban_qa.i18n import num, t

        print("giaoban-qa: " + t("audit.summary", config.lang, n=stats.documents, documents=num(stats.documents, config.lang),
                                  cached=num(stats.cached, config.lang), seconds=num(stats.seconds, config.lang, 1),
                                  archive=num(stats.archive_findings, config.lang), checks=num(stats.check_findings, config.lang)),
              file=sys.stderr)
        if stats.worker_peaks_kib:
            peaks = ", ".join(f"{kib / 1024:.0f}" for kib in stats.worker_peaks_kib.values())
            print(f"giaoban-qa: {t('note.dask-peaks', config.lang, peaks=peaks)}", file=sys.stderr)
    return exit_code(result, config.fail_on)
