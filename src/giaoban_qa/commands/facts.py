"""``giaoban-qa facts PATH…``: the extracted facts as tables."""

from __future__ import annotations

import argparse

from giaoban_qa.commands.common import add_encoding_option, add_lang_option, add_max_size_option, h


def add_parser(sub: argparse._SubParsersAction) -> None:
    facts = sub.add_parser("facts", help=h("help.facts"), description=h("help.facts"))
    facts.add_argument("paths", nargs="+", metavar=h("mv.PATH"), help=h("help.facts.paths"))
    facts.add_argument("--format", "-f", choices=["table", "csv", "json", "parquet"], default="table", help=h("help.facts.format"))
    facts.add_argument("--kind", "-k", action="append", metavar=h("mv.TABLE"), help=h("help.facts.kind"))
    facts.add_argument("--output", "-o", metavar=h("mv.PATH"), help=h("help.facts.output"))
    add_max_size_option(facts)
    add_encoding_option(facts)
    add_lang_option(facts)
    facts.add_argument("--config", metavar=h("mv.FILE"), help=h("help.config"))
    facts.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from giaoban_qa.commands.common import load_run_config
    from giaoban_qa.facts import run_facts

    return run_facts(args, load_run_config(args, args.paths))
