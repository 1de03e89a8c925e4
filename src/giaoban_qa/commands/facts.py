"""``giaoban-qa facts PATH…``: the extracted facts as tables."""

from __future__ import annotations

import argparse

from giaoban_qa.commands.common import add_encoding_option, mebibytes


def add_parser(sub: argparse._SubParsersAction) -> None:
    facts = sub.add_parser("facts", help="print the facts extracted from documents")
    facts.add_argument("paths", nargs="+", metavar="PATH")
    facts.add_argument("--format", "-f", choices=["table", "csv", "json", "parquet"], default="table")
    facts.add_argument("--kind", "-k", action="append", help="table(s) to show (default: all)")
    facts.add_argument("--output", "-o", metavar="PATH", help="a file (csv/json), or an existing folder: one file per table (parquet always needs a folder)")
    facts.add_argument("--max-size", type=mebibytes, metavar="MIB")
    add_encoding_option(facts)
    facts.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from giaoban_qa.commands.common import load_run_config
    from giaoban_qa.facts import run_facts

    return run_facts(args, load_run_config(args, args.paths))
