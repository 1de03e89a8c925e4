"""``giaoban-qa rules``: every rule with its family, default severity and summary."""

from __future__ import annotations

import argparse

from giaoban_qa.commands.common import add_lang_option, chosen_lang, h
from giaoban_qa.errors import EXIT_OK


def add_parser(sub: argparse._SubParsersAction) -> None:
    rules = sub.add_parser("rules", help=h("help.rules"), description=h("help.rules"))
    rules.add_argument("--format", "-f", choices=["table", "json"], default="table", help=h("help.rules.format"))
    add_lang_option(rules)
    rules.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from giaoban_qa.fixes import describe_fix
    from giaoban_qa.i18n import category_name, t
    from giaoban_qa.rules import all_rules

    lang = chosen_lang(args)
    rules = all_rules()
    if args.format == "json":
        import json

        # Machine-readable: ids and values stay codes, the summary follows --lang.
        rows = [{"rule": c, "category": r.category.value, "severity": r.severity.value, "fix": r.fix, "summary": r.summary(lang)} for c, r in rules.items()]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    for col in ("rule", "category", "severity", "fix", "summary"):
        table.add_column(t(f"rules.col.{col}", lang))
    for code, rule in rules.items():
        # "safe": applied by check --fix; "unsafe": only with --unsafe-fixes; "-": advice only.
        table.add_row(code, category_name(rule.category.value, lang), t(f"sev.{rule.severity.value}", lang),
                      describe_fix(rule.fix, lang) if rule.fix else "-", rule.summary(lang))
    Console(width=max(120, Console().width)).print(table)
    return EXIT_OK
