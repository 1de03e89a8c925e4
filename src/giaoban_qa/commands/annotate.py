"""``giaoban-qa annotate report.docx``: a copy of a Word file with every finding as a
comment and every exact fix as a tracked change."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from giaoban_qa.commands.common import add_common_options, load_checked_config
from giaoban_qa.errors import EXIT_USAGE, UsageError


def add_parser(sub: argparse._SubParsersAction) -> None:
    annotate = sub.add_parser("annotate", help="write a copy of a .docx with findings as comments and fixes as tracked changes")
    annotate.add_argument("path", metavar="REPORT.docx")
    annotate.add_argument("--output", "-o", metavar="FILE", help="the annotated copy (default: REPORT.giaoban-qa.docx beside it; never the input)")
    annotate.add_argument("--fail-on", choices=["error", "warning", "info", "never"], help="lowest severity that fails (default: error)")
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
        raise UsageError(f"{args.path}: annotate writes Word comments into a .docx; for .txt/.md use 'check --fix' or 'check --diff'")
    output = args.output or default_output(args.path)
    if os.path.exists(output) and os.path.exists(args.path) and os.path.samefile(output, args.path):
        raise UsageError(f"{output}: is the input file; annotate writes a copy (choose another -o)")
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
    if config.lang == "en":
        print(f"giaoban-qa: {len(result.findings)} finding(s) as comments, {changes} as tracked changes, written to {output}", file=sys.stderr)
    else:
        print(f"giaoban-qa: {len(result.findings)} phát hiện thành nhận xét, {changes} thành thay đổi theo dõi, ghi vào {output}", file=sys.stderr)
    return exit_code(result, config.fail_on)
