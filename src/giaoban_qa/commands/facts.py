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
    facts.add_argument("--jobs", "-j", type=int, default=None, metavar="N", help="worker processes (default: the machine's cores)")
    facts.add_argument("--engine", choices=["local", "dask"], default="local",
                       help="where the extraction runs: local process pool (default) or Dask (a LocalCluster sized to the machine, or --scheduler)")
    facts.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler, e.g. tcp://host:8786 (implies --engine dask)")
    facts.add_argument("--partition-size", type=int, default=200, metavar="N", help="documents per Dask task (default 200)")
    add_encoding_option(facts)
    facts.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import sys

    from giaoban_qa.archive.engines import EngineError
    from giaoban_qa.commands.common import load_run_config
    from giaoban_qa.errors import UsageError
    from giaoban_qa.facts import run_facts

    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.partition_size < 1:
        raise UsageError("--partition-size must be at least 1")
    try:
        return run_facts(args, load_run_config(args, args.paths))
    except EngineError as exc:
        print(f"giaoban-qa: {exc}", file=sys.stderr)
        return 2
