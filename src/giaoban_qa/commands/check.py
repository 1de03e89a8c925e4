"""``giaoban-qa check PATH…``: check files or folders and report the findings."""

from __future__ import annotations

import argparse
import sys

from giaoban_qa.commands.common import add_common_options, add_output_options, emit_report, h, prepare_run
from giaoban_qa.errors import EXIT_USAGE, UsageError


def add_parser(sub: argparse._SubParsersAction) -> None:
    check = sub.add_parser("check", help=h("help.check"), description=h("help.check"))
    check.add_argument("paths", nargs="*", metavar=h("mv.PATH"), help=h("help.check.paths"))
    check.add_argument("--changed-only", nargs="?", const="HEAD", metavar=h("mv.REF"), help=h("help.check.changed-only"))
    check.add_argument("--files-from", metavar=h("mv.FILE"), help=h("help.check.files-from"))
    check.add_argument("--stdin-filename", metavar=h("mv.NAME"), help=h("help.check.stdin-filename"))
    check.add_argument("--jobs", "-j", type=int, default=None, metavar="N", help=h("help.jobs"))
    check.add_argument("--fix", action="store_true", help=h("help.check.fix"))
    check.add_argument("--unsafe-fixes", action="store_true", help=h("help.check.unsafe-fixes"))
    check.add_argument("--diff", action="store_true", help=h("help.check.diff"))
    add_output_options(check)
    check.add_argument("--verbose", "-v", action="store_true", help=h("help.verbose"))
    add_common_options(check)
    check.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from giaoban_qa.changed import resolve_check_paths
    from giaoban_qa.engine import exit_code, run_check

    paths = resolve_check_paths(args)
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("usage.at-least-one", option="--jobs")
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
            from giaoban_qa.i18n import t

            lang = config.lang
            skipped = t("check.nothing-read-skipped", lang, n=len(result.skipped), reason=result.skipped[0].reason,
                        more=", …" if len(result.skipped) > 1 else "") if result.skipped else ""
            print(f"giaoban-qa: {t('check.nothing-read', lang, skipped=skipped)}", file=sys.stderr)
        return EXIT_USAGE
    return exit_code(result, config.fail_on)


def nothing_read(result) -> bool:
    """No file was read: an empty folder, or one holding only files that are not read. Files
    the configuration excludes on purpose (a pre-commit hook passing an excluded file) do
    not make a run an error."""
    if result.files_read:
        return False
    deliberate = [s for s in result.skipped if s.excluded]
    return not (deliberate and len(deliberate) == len(result.skipped) and not result.files)
