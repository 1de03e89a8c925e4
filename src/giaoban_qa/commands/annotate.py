"""``giaoban-qa annotate report.docx``: a copy of a Word file with every finding as a
comment and every exact fix as a tracked change."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from giaoban_qa.commands.common import add_common_options, add_fail_on_option, h, load_checked_config
from giaoban_qa.errors import EXIT_USAGE, UsageError


def add_parser(sub: argparse._SubParsersAction) -> None:
    annotate = sub.add_parser("annotate", help=h("help.annotate"), description=h("help.annotate"))
    annotate.add_argument("path", metavar=h("mv.REPORT"), help=h("help.annotate.path"))
    annotate.add_argument("--output", "-o", metavar=h("mv.FILE"), help=h("help.annotate.output"))
    add_fail_on_option(annotate)
    add_common_options(annotate)
    annotate.set_defaults(handler=run)


def default_output(path: str) -> str:
    p = Path(path)
    return str(p.with_name(f"{p.stem}.giaoban-qa.docx"))


def run(args: argparse.Namespace) -> int:
    from giaoban_qa.annotate import annotate_docx_tracked
    from giaoban_qa.engine import exit_code, run_check
    from giaoban_qa.loaders import kind_of
    from giaoban_qa.reporters import write_atomic

    if kind_of(args.path) != "docx":
        raise UsageError("annotate.not-docx", path=args.path)
    output = args.output or default_output(args.path)
    if os.path.exists(output) and os.path.exists(args.path) and os.path.samefile(output, args.path):
        raise UsageError("annotate.is-input", path=output)
    config = load_checked_config(args, [args.path])
    result = run_check([args.path], config)
    failed = [f.error for f in result.files if f.error]
    if failed:
        print(f"giaoban-qa: {failed[0]}", file=sys.stderr)
        return EXIT_USAGE
    data = Path(args.path).read_bytes()
    annotated, tracked = annotate_docx_tracked(data, result.findings, config.lang)
    write_atomic(output, annotated)
    changes = len(tracked)
    from giaoban_qa.i18n import t

    print("giaoban-qa: " + t("annotate.written", config.lang, n=len(result.findings), changes=changes, path=output), file=sys.stderr)
    return exit_code(result, config.fail_on)
