"""Sub-commands contributed by optional modules (reports, archive mode) register here so
that ``cli.py`` does not import them: each entry is ``(module, function)`` and the function
receives the sub-parser collection."""

from __future__ import annotations

import argparse
import importlib

# Modules that add sub-commands; each must define ``add_commands(subparsers)`` and import
# nothing heavy at module level.
COMMAND_MODULES: list[str] = ["giaoban_qa.baseline", "giaoban_qa.review", "giaoban_qa.archive.audit"]


def extend_parser(parser: argparse.ArgumentParser) -> None:
    sub = next(a for a in parser._subparsers._group_actions if isinstance(a, argparse._SubParsersAction))  # type: ignore[union-attr]
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_commands(sub)


def write_parquet_tables(tables, output) -> None:
    """``giaoban-qa facts -f parquet -o DIR``: validated tables, one Parquet file each."""
    from giaoban_qa.archive.tables import write_parquet_tables as write

    write(tables, output)
