"""``giaoban-qa check PATH…``: check files or folders and report the findings."""

from __future__ import annotations

import argparse
import sys

from giaoban_qa.commands.common import add_common_options, add_output_options, emit_report, prepare_run
from giaoban_qa.errors import EXIT_USAGE, UsageError


def add_parser(sub: argparse._SubParsersAction) -> None:
    check = sub.add_parser("check", help="check files or folders and report findings")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files, folders (recursive) or - for stdin")
    check.add_argument("--changed-only", nargs="?", const="HEAD", metavar="REF", help="check only files changed against the git REF (default HEAD) and untracked ones")
    check.add_argument("--files-from", metavar="FILE", help="read the paths to check from FILE, one a line (- for stdin)")
    check.add_argument(
        "--stdin-filename", metavar="NAME", help="name to report text read from - as; its suffix picks the format (page.html, report.md)"
    )
    check.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                       help="worker processes (default: the machine's cores when there is more than one file)")
    check.add_argument("--fix", action="store_true", help="apply the safe fixes: .txt/.md rewritten in place, .docx as tracked changes")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, also apply fixes that need an editor's judgement (implies --fix)")
    check.add_argument("--diff", action="store_true", help="print the fixes as a unified diff and change nothing")
    add_output_options(check)
    check.add_argument("--verbose", "-v", action="store_true", help="also print each finding's evidence in words")
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
    if args.diff or args.fix or args.unsafe_fixes:
        from giaoban_qa.commands.fix import run_fixes

        done = run_fixes(args, paths, config)
        if done is not None:
            return done
    from giaoban_qa.pool import default_jobs

    result = run_check(paths, config, keep_documents=needs_text, jobs=args.jobs or default_jobs())
    emit_report(result, args, config, fmt, options)
    if paths and nothing_read(result):
        # Each unreadable file has said why in its own line; the note is for a run that
        # would otherwise end without a word (an empty folder, only skipped files).
        if not result.input_errors:
            skipped = f" ({len(result.skipped)} skipped: {result.skipped[0].reason}{', …' if len(result.skipped) > 1 else ''})" if result.skipped else ""
            print(f"giaoban-qa: no file was read, nothing was checked{skipped}", file=sys.stderr)
        return EXIT_USAGE
    return exit_code(result, config.fail_on)


def nothing_read(result) -> bool:
    """No file was read: an empty folder, or one holding only files that are not read. Files
    the configuration excludes on purpose (a pre-commit hook passing an excluded file) do
    not make a run an error."""
    if result.files_read:
        return False
    deliberate = [s for s in result.skipped if s.reason.startswith("excluded by the configuration")]
    return not (deliberate and len(deliberate) == len(result.skipped) and not result.files)
