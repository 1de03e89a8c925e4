"""``giaoban-qa rules``: every rule with its family, default severity and summary."""

from __future__ import annotations

import argparse

from giaoban_qa.errors import EXIT_OK


def add_parser(sub: argparse._SubParsersAction) -> None:
    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--format", "-f", choices=["table", "json"], default="table")
    rules.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from giaoban_qa.rules import all_rules

    rules = all_rules()
    if args.format == "json":
        import json

        rows = [{"rule": c, "category": r.category.value, "severity": r.severity.value, "fix": r.fix, "summary": r.summary()} for c, r in rules.items()]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    for col in ("rule", "category", "severity", "fix", "summary"):
        table.add_column(col)
    for code, rule in rules.items():
        # "safe": applied by check --fix; "unsafe": only with --unsafe-fixes; "-": advice only.
        table.add_row(code, rule.category.value, rule.severity.value, rule.fix or "-", rule.summary())
    Console(width=max(120, Console().width)).print(table)
    return EXIT_OK
