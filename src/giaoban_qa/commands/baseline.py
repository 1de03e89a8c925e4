"""``giaoban-qa baseline create PATH…``: record today's findings so that ``check --baseline``
reports only new ones (the format is in :mod:`giaoban_qa.baseline`)."""

from __future__ import annotations

import argparse
import json
import sys

from giaoban_qa.commands.common import add_common_options, h, load_checked_config


def add_parser(sub: argparse._SubParsersAction) -> None:
    baseline = sub.add_parser("baseline", help=h("help.baseline-cmd"), description=h("help.baseline-cmd"))
    actions = baseline.add_subparsers(dest="baseline_action", metavar=h("mv.ACTION"))
    create = actions.add_parser("create", help=h("help.baseline.create"), description=h("help.baseline.create"))
    create.add_argument("paths", nargs="+", metavar=h("mv.PATH"), help=h("help.audit.paths"))
    create.add_argument("--output", "-o", metavar=h("mv.FILE"), default=".giaoban-qa-baseline.json", help=h("help.baseline.output"))
    add_common_options(create)
    create.set_defaults(handler=run_create)
    baseline.set_defaults(handler=lambda args: (baseline.print_help(), 2)[1])


def run_create(args: argparse.Namespace) -> int:
    from giaoban_qa.baseline import baseline_dict
    from giaoban_qa.engine import run_check
    from giaoban_qa.reporters import write_output

    config = load_checked_config(args, args.paths)
    config.baseline = None  # a new baseline records everything, whatever the old one held
    result = run_check(args.paths, config)
    data = baseline_dict(result, args.output)
    write_output(args.output, json.dumps(data, ensure_ascii=False, indent=1) + "\n", [f.path for f in result.files])
    for f in result.files:
        if f.error:
            print(f"giaoban-qa: {f.error}", file=sys.stderr)
    from giaoban_qa.i18n import t

    lang = config.lang
    suppressed = t("baseline.suppressed", lang, n=len(result.suppressed)) if result.suppressed else ""
    print("giaoban-qa: " + t("baseline.wrote", lang, findings=t("n.findings", lang, n=len(data["findings"])),
                              files=t("n.files", lang, n=len(result.files)), path=args.output, suppressed=suppressed))
    return 2 if result.input_errors else 0
