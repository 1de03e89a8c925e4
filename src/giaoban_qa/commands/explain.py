"""``giaoban-qa explain RULE``: a rule's documentation page."""

from __future__ import annotations

import argparse

from giaoban_qa.commands.common import add_lang_option, chosen_lang, h
from giaoban_qa.errors import EXIT_OK, UsageError


def add_parser(sub: argparse._SubParsersAction) -> None:
    explain = sub.add_parser("explain", help=h("help.explain"), description=h("help.explain"))
    explain.add_argument("rule", metavar=h("mv.RULE"), help=h("help.explain.rule"))
    add_lang_option(explain)
    explain.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from giaoban_qa.i18n import t
    from giaoban_qa.rules import all_rules

    lang = chosen_lang(args)
    rules = all_rules()
    rule = rules.get(args.rule)
    if rule is None:
        close = [c for c in rules if args.rule in c]
        from giaoban_qa.i18n import Text

        hint = Text("explain.did-you-mean", {"rules": ", ".join(close)}) if close else ""
        raise UsageError("explain.unknown", rule=args.rule, hint=hint)
    import sys

    if not sys.stdout.isatty():
        # Piped or redirected: the Markdown page itself, without the terminal rendering's
        # padding of every line to the console width.
        sys.stdout.write(rule.markdown(lang))
        return EXIT_OK
    from rich.console import Console
    from rich.markdown import Markdown

    Console().print(Markdown(rule.markdown(lang)))
    return EXIT_OK
