"""``giaoban-qa check PATH…``: check files or folders and report the findings."""

from __future__ import annotations

import argparse

from giaoban_qa.commands.common import add_common_options, emit_report, prepare_run
from giaoban_qa.errors import UsageError


def add_parser(sub: argparse._SubParsersAction) -> None:
    check = sub.add_parser("check", help="check files or folders and report findings")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files, folders (recursive) or - for stdin")
    check.add_argument("--format", "-f", default=None, help="rich (default), json, html, sarif, junit")
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE (atomically; html defaults to reports/, - for standard output)")
    check.add_argument("--baseline", metavar="FILE", help="report only findings not in this baseline ('giaoban-qa baseline create')")
    check.add_argument("--changed-only", nargs="?", const="HEAD", metavar="REF", help="check only files changed against the git REF (default HEAD) and untracked ones")
    check.add_argument("--files-from", metavar="FILE", help="read the paths to check from FILE, one a line (- for stdin)")
    check.add_argument(
        "--stdin-filename", metavar="NAME", help="name to report text read from - as; its suffix picks the format (page.html, report.md)"
    )
    check.add_argument("--review", metavar="FILE", help="auditor review file shown in the html report (default: beside the report)")
    check.add_argument("--fail-on", choices=["error", "warning", "info", "never"], help="lowest severity that fails (default: error)")
    check.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                       help="worker processes (default: the machine's cores when there is more than one file)")
    check.add_argument("--color", action=argparse.BooleanOptionalAction, default=None, help="force colour on or off")
    add_common_options(check)
    check.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from giaoban_qa.changed import resolve_check_paths
    from giaoban_qa.engine import exit_code, run_check

    paths = resolve_check_paths(args)
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    config, fmt, options = prepare_run(args, args.paths or paths)
    needs_text = fmt in ("rich", "text", "html")
    from giaoban_qa.pool import default_jobs

    result = run_check(paths, config, keep_documents=needs_text, jobs=args.jobs or default_jobs())
    emit_report(result, args, config, fmt, options)
    return exit_code(result, config.fail_on)
