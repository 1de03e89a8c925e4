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
    facts.add_argument("--jobs", "-j", type=int, default=None, metavar="N", help=h("help.audit.jobs"))
    facts.add_argument("--engine", choices=["local", "dask"], default="local", help=h("help.audit.engine"))
    facts.add_argument("--scheduler", metavar=h("mv.ADDRESS"), help=h("help.audit.scheduler"))
    facts.add_argument("--partition-size", type=int, default=200, metavar="N", help=h("help.audit.partition-size"))
    add_encoding_option(facts)
    add_lang_option(facts)
    facts.add_argument("--config", metavar=h("mv.FILE"), help=h("help.config"))
    facts.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import sys

    from giaoban_qa.archive.engines import EngineError
    from giaoban_qa.commands.common import load_run_config
    from giaoban_qa.errors import UsageError
    from giaoban_qa.facts import run_facts

    if args.jobs is not None and args.jobs < 1:
        raise UsageError("usage.at-least-one", option="--jobs")
    if args.partition_size < 1:
        raise UsageError("usage.at-least-one", option="--partition-size")
    config = load_run_config(args, args.paths)
    try:
        return run_facts(args, config)
    except EngineError as exc:
        print(f"giaoban-qa: {exc.render(config.lang)}", file=sys.stderr)
        return 2
