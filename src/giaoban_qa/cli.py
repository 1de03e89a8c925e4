"""Command-line entry point. Imports stay inside the handlers so that start-up is fast."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable

from giaoban_qa.packs import PackError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", choices=["vi", "en"], help="language of messages (default: vi)")
    p.add_argument("--config", metavar="FILE", help="configuration file (default: found upward from the first path)")
    p.add_argument("--select", metavar="RULES", help="comma-separated rule ids or prefixes to run")
    p.add_argument("--ignore", metavar="RULES", help="comma-separated rule ids or prefixes to skip")
    p.add_argument("--max-size", type=_mebibytes, metavar="MIB", help="largest file to read, in MiB (default 20)")


def build_parser() -> argparse.ArgumentParser:
    from giaoban_qa import __version__

    parser = argparse.ArgumentParser(
        prog="giaoban-qa",
        description="Consistency checker for Vietnamese government and Party-committee reports.",
    )
    parser.add_argument("--version", action="version", version=f"giaoban-qa {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="check files or folders and report findings")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files, folders (recursive) or - for stdin")
    check.add_argument("--format", "-f", default=None, help="rich (default), json, html, sarif, junit")
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE (atomically; html defaults to reports/, - for standard output)")
    check.add_argument("--baseline", metavar="FILE", help="report only findings not in this baseline ('giaoban-qa baseline create')")
    check.add_argument("--changed-only", nargs="?", const="HEAD", metavar="REF", help="check only files changed against the git REF (default HEAD) and untracked ones")
    check.add_argument("--files-from", metavar="FILE", help="read the paths to check from FILE, one a line (- for stdin)")
    check.add_argument(
        "--stdin-filename", metavar="NAME", help="name to report text read from - as; its suffix picks the format (page.html, report.md)"
    )
    check.add_argument("--review", metavar="FILE", help="auditor review file shown in the html report (default: beside the report)")
    check.add_argument("--fail-on", choices=["error", "warning", "info", "never"], help="lowest severity that fails (default: error)")
    check.add_argument("--color", action=argparse.BooleanOptionalAction, default=None, help="force colour on or off")
    _add_common(check)
    check.set_defaults(handler=cmd_check)

    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--format", "-f", choices=["table", "json"], default="table")
    rules.set_defaults(handler=cmd_rules)

    explain = sub.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("rule", metavar="RULE")
    explain.set_defaults(handler=cmd_explain)

    text = sub.add_parser("text", help="print the text that offsets point into (extracted text for .html/.docx)")
    text.add_argument("path", metavar="PATH")
    text.add_argument("--max-size", type=_mebibytes, metavar="MIB")
    text.set_defaults(handler=cmd_text)

    facts = sub.add_parser("facts", help="print the facts extracted from documents")
    facts.add_argument("paths", nargs="+", metavar="PATH")
    facts.add_argument("--format", "-f", choices=["table", "csv", "json", "parquet"], default="table")
    facts.add_argument("--kind", "-k", action="append", help="table(s) to show (default: all)")
    facts.add_argument("--output", "-o", metavar="PATH", help="a file (csv/json), or an existing folder: one file per table (parquet always needs a folder)")
    facts.add_argument("--max-size", type=_mebibytes, metavar="MIB")
    facts.set_defaults(handler=cmd_facts)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    from giaoban_qa.plugins import extend_parser

    extend_parser(parser)
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return handler(args)
    except KeyboardInterrupt:
        print("giaoban-qa: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except UsageError as exc:
        print(f"giaoban-qa: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except PackError as exc:  # a broken pack in the user's rules-dir
        print(f"giaoban-qa: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:  # e.g. --output into a folder that cannot be written
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        print(f"giaoban-qa: {exc.strerror or exc}{where}", file=sys.stderr)
        return EXIT_USAGE


def _mebibytes(value: str) -> float:
    """--max-size: a positive number of MiB."""
    try:
        size = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not size > 0:
        raise argparse.ArgumentTypeError(f"must be a positive number of MiB, not {value}")
    return size


class UsageError(Exception):
    pass


def load_run_config(args: argparse.Namespace, paths: list[str]):
    from giaoban_qa.config import ConfigError, load_config

    first = next((p for p in paths if p != "-"), None)
    try:
        config = load_config(Path(first) if first else None, getattr(args, "config", None))
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    if getattr(args, "select", None):
        config.select = [s for s in args.select.split(",") if s]
    if getattr(args, "ignore", None):
        config.ignore = config.ignore + [s for s in args.ignore.split(",") if s]
    if getattr(args, "lang", None):
        config.lang = args.lang
    if getattr(args, "fail_on", None):
        config.fail_on = args.fail_on
    if getattr(args, "max_size", None):
        config.max_size = int(args.max_size * 1024 * 1024)
    if getattr(args, "stdin_filename", None):
        config.stdin_filename = args.stdin_filename
    return config


def _validate_rule_patterns(config) -> None:
    from giaoban_qa.rules import all_rules, matches

    codes = list(all_rules())
    per_file = [rule for rules in config.per_file_ignores.values() for rule in rules]
    for pattern in [*config.select, *config.ignore, *config.severity, *per_file]:
        if pattern in ("ALL", "*"):
            continue
        if not any(matches(code, [pattern]) for code in codes):
            raise UsageError(f"unknown rule or prefix '{pattern}' (see 'giaoban-qa rules')")


def prepare_run(args: argparse.Namespace, paths: list[str]):
    """Configuration, output format and report options shared by ``check`` and ``audit``:
    everything that can be wrong with the command line fails here, before any file is read."""
    from giaoban_qa.reporters import FORMATS

    config = load_run_config(args, paths)
    _validate_rule_patterns(config)
    fmt = args.format or "rich"
    if fmt not in FORMATS:
        raise UsageError(f"unknown format '{fmt}' (choose from {', '.join(sorted(FORMATS))})")
    if args.baseline:
        config.baseline = args.baseline
    return config, fmt, prepare_report_options(args, config, fmt)


def cmd_check(args: argparse.Namespace) -> int:
    from giaoban_qa.changed import resolve_check_paths
    from giaoban_qa.engine import exit_code, run_check

    paths = resolve_check_paths(args)
    config, fmt, options = prepare_run(args, args.paths or paths)
    needs_text = fmt in ("rich", "text", "html")
    result = run_check(paths, config, keep_documents=needs_text)
    emit_report(result, args, config, fmt, options)
    return exit_code(result, config.fail_on)


def emit_report(result, args: argparse.Namespace, config, fmt: str, options: dict) -> None:
    """Render ``result`` in ``fmt`` to ``--output`` (atomically) or stdout; input errors go
    to stderr for the machine formats, whose stdout must stay parseable."""
    from giaoban_qa.reporters import get_renderer, write_atomic

    render = get_renderer(fmt)
    color = args.color if args.color is not None else (sys.stdout.isatty() and not args.output)
    output = render(result, lang=config.lang, color=color and fmt == "rich", config=config, **options)
    if args.output and args.output != "-":
        write_atomic(args.output, output)
        if fmt == "html":
            print(f"giaoban-qa: report written to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(output)
    for f in result.files:
        if f.error and fmt not in ("rich", "text"):
            print(f"giaoban-qa: {f.error}", file=sys.stderr)


def prepare_report_options(args: argparse.Namespace, config, fmt: str) -> dict:
    """Checks the baseline and review files before the run and picks the html output file."""
    from giaoban_qa.reporters import DEFAULT_OUTPUT

    if config.baseline:
        from giaoban_qa.baseline import BaselineError, load_baseline

        try:
            load_baseline(config.baseline)
        except BaselineError as exc:
            raise UsageError(str(exc)) from None
    if not args.output and fmt in DEFAULT_OUTPUT:
        args.output = DEFAULT_OUTPUT[fmt]
    if fmt != "html":
        return {}
    from giaoban_qa.review import ReviewError, load_reviews, review_paths_for

    review_files = [Path(args.review)] if args.review else review_paths_for(args.output)
    try:
        return {"review": load_reviews(review_files), "review_file": ", ".join(map(str, review_files)) or None}
    except ReviewError as exc:
        raise UsageError(str(exc)) from None


def cmd_rules(args: argparse.Namespace) -> int:
    from giaoban_qa.rules import all_rules

    rules = all_rules()
    if args.format == "json":
        import json

        rows = [{"rule": c, "category": r.category.value, "severity": r.severity.value, "summary": r.summary()} for c, r in rules.items()]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    for col in ("rule", "category", "severity", "summary"):
        table.add_column(col)
    for code, rule in rules.items():
        table.add_row(code, rule.category.value, rule.severity.value, rule.summary())
    Console(width=max(120, Console().width)).print(table)
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    from giaoban_qa.rules import all_rules

    rules = all_rules()
    rule = rules.get(args.rule)
    if rule is None:
        close = [c for c in rules if args.rule in c]
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        raise UsageError(f"no rule named '{args.rule}'.{hint}")
    from rich.console import Console
    from rich.markdown import Markdown

    Console().print(Markdown(rule.markdown()))
    return EXIT_OK


def cmd_text(args: argparse.Namespace) -> int:
    from giaoban_qa.loaders import InputError, load_path

    try:
        source = load_path(args.path, int((args.max_size or 20) * 1024 * 1024))
    except InputError as exc:
        print(f"giaoban-qa: {exc}", file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(source.text)
    return EXIT_OK


def cmd_facts(args: argparse.Namespace) -> int:
    from giaoban_qa.facts import run_facts

    return run_facts(args)
