"""``giaoban-qa facts``: the extracted facts as tables (terminal, CSV, JSON)."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from typing import Any

from giaoban_qa.errors import UsageError
from giaoban_qa.extract import load_fact_tables
from giaoban_qa.i18n import codes


def collect(paths: list[str], kinds: list[str] | None, config, engine=None, partition_size: int | None = None) -> tuple[dict[str, list[dict[str, Any]]], list[str]]:
    """Rows of every requested table over every readable file, plus the input errors.
    The work runs on ``engine`` (``archive.engines``: the local pool, or Dask); both give
    the same rows in the same order."""
    from giaoban_qa.archive.engines import DEFAULT_PARTITION, FactsPlan, LocalEngine
    from giaoban_qa.engine import plan_inputs

    import giaoban_qa.archive.documents  # noqa: F401  registers the "documents" table

    tables = load_fact_tables()
    wanted = kinds or sorted(tables)
    unknown = [k for k in wanted if k not in tables]
    if unknown:
        raise UsageError("facts.unknown-table", n=len(unknown), tables=codes(unknown), choices=codes(sorted(tables)))
    wanted = list(dict.fromkeys(wanted))
    plan = FactsPlan(list(plan_inputs(paths, config)), config, wanted, partition_size or DEFAULT_PARTITION)
    result = (engine or LocalEngine(1)).facts(plan)
    return result.tables, result.errors


def run_facts(args: argparse.Namespace, config) -> int:
    """The ``facts`` command's work, with its run configuration already built."""
    from giaoban_qa.archive.engines import make_engine

    engine = make_engine("dask" if getattr(args, "scheduler", None) else getattr(args, "engine", "local"),
                         getattr(args, "jobs", None), getattr(args, "scheduler", None))
    tables, errors = collect(args.paths, args.kind, config, engine, getattr(args, "partition_size", None))
    for e in errors:
        print(f"giaoban-qa: {e}", file=sys.stderr)
    if args.format in ("parquet", "json", "csv"):
        # Written tables are validated against their schemas; a failure is an extractor bug.
        from giaoban_qa.errors import SchemaFailure
        from giaoban_qa.archive.tables import prepare_for_output

        try:
            prepare_for_output(tables, args.paths)
        except SchemaFailure as exc:
            print(f"giaoban-qa: {exc.report(lang=config.lang)}", file=sys.stderr)
            return 2
    if args.format == "parquet":
        from giaoban_qa.archive.tables import write_parquet_tables

        write_parquet_tables(tables, args.output)
    elif args.format in ("json", "csv") and args.output and _names_a_folder(args.output):
        # A folder gets one file per table, which every CSV/JSON reader can load as it is.
        os.makedirs(args.output, exist_ok=True)
        for name, rows in tables.items():
            data = _csv({name: rows}) if args.format == "csv" else _json(rows)
            _emit(data, os.path.join(args.output, f"{name}.{args.format}"))
    elif args.format == "json":
        _emit(_json(tables), args.output)
    elif args.format == "csv":
        _emit(_csv(tables), args.output)
    else:
        _print_tables(tables, config.lang)
    return 2 if errors else 0


def _names_a_folder(output: str) -> bool:
    """An existing folder, or a path written as one ("out/"), which is then created."""
    return os.path.isdir(output) or output.endswith(("/", os.sep))


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n"


def _emit(data: str, output: str | None) -> None:
    if output:
        from giaoban_qa.reporters import write_output

        write_output(output, data)
    else:
        from giaoban_qa.safe_text import no_surrogates

        sys.stdout.write(no_surrogates(data))


def _csv(tables: dict[str, list[dict[str, Any]]]) -> str:
    buf = io.StringIO()
    for i, (kind, rows) in enumerate(tables.items()):
        if len(tables) > 1:
            buf.write(("\n" if i else "") + f"# {kind}\n")
        columns = _columns(rows)
        writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k)) for k in columns})
    return buf.getvalue()


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    columns: list[str] = []
    for row in rows:
        for key in row:
            if key not in columns:
                columns.append(key)
    return columns or ["path"]


def _cell(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "" if value is None else value


def table_title(kind: str, rows: int, lang: str = "vi") -> str:
    """A fact table's heading on the terminal ("Ngày tháng (12 dòng)"). CSV, JSON and
    Parquet keep the table and column codes, which scripts read."""
    from giaoban_qa.i18n import CATALOGUE, t

    key = f"facts.table.{kind}"
    return t("facts.title", lang, table=t(key, lang) if key in CATALOGUE else kind, n=rows)


def column_title(column: str, lang: str = "vi") -> str:
    from giaoban_qa.i18n import CATALOGUE, t

    key = f"facts.col.{column}"
    return t(key, lang) if key in CATALOGUE else column


def _print_tables(tables: dict[str, list[dict[str, Any]]], lang: str = "vi") -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    for kind, rows in tables.items():
        columns = [c for c in _columns(rows) if c not in ("end",)]
        from giaoban_qa.safe_text import printable

        table = Table(title=table_title(kind, len(rows), lang), header_style="bold", show_lines=False)
        for c in columns:
            table.add_column(column_title(c, lang), overflow="fold")
        for row in rows:
            table.add_row(*(printable(str(_cell(row.get(c)))) for c in columns))
        console.print(table)
