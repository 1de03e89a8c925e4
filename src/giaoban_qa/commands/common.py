"""What several commands share: common options, the run configuration built from the
configuration file and the flags, and writing a report."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from giaoban_qa.errors import UsageError


def h(key: str, **params) -> str:
    """A help text or metavar of the parser in the language of the run (the parser is built
    inside :func:`giaoban_qa.i18n.using_lang`)."""
    from giaoban_qa.i18n import current_lang, t

    return t(key, current_lang(), **params)


def add_output_options(p: argparse.ArgumentParser) -> None:
    """Options of the commands that print a findings report (check, audit)."""
    p.add_argument("--format", "-f", default=None, metavar=h("mv.FORMAT"), help=h("help.format"))
    p.add_argument("--output", "-o", metavar=h("mv.FILE"), help=h("help.output"))
    p.add_argument("--baseline", metavar=h("mv.FILE"), help=h("help.baseline"))
    p.add_argument("--review", metavar=h("mv.FILE"), help=h("help.review"))
    add_fail_on_option(p)
    p.add_argument("--color", action=argparse.BooleanOptionalAction, default=None, help=h("help.color"))
    p.add_argument("--statistics", action="store_true", help=h("help.statistics"))
    p.add_argument("--quiet", "-q", action="store_true", help=h("help.quiet"))


def add_fail_on_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--fail-on", choices=["error", "warning", "info", "never"], help=h("help.fail-on"))


def did_you_mean(word: str, choices) -> str:
    """' (did you mean X?)' for the closest of ``choices``, or ''."""
    import difflib  # only on a typo: not on every start-up

    from giaoban_qa.i18n import current_lang, t

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return t("usage.did-you-mean", current_lang(), word=close[0]) if close else ""


def add_common_options(p: argparse.ArgumentParser) -> None:
    add_lang_option(p)
    p.add_argument("--config", metavar=h("mv.FILE"), help=h("help.config"))
    p.add_argument("--select", metavar=h("mv.RULES"), help=h("help.select"))
    p.add_argument("--ignore", metavar=h("mv.RULES"), help=h("help.ignore"))
    add_max_size_option(p)
    p.add_argument("--keep-going", action="store_true", help=h("help.keep-going"))
    add_encoding_option(p)


def add_max_size_option(p: argparse.ArgumentParser, help_key: str = "help.max-size") -> None:
    p.add_argument("--max-size", type=mebibytes, metavar="MIB", help=h(help_key))


def add_encoding_option(p: argparse.ArgumentParser) -> None:
    from giaoban_qa.loaders.decode import ENCODINGS

    p.add_argument("--encoding", choices=ENCODINGS, help=h("help.encoding"))


def add_lang_option(p: argparse.ArgumentParser, help_key: str = "help.lang") -> None:
    p.add_argument("--lang", choices=["vi", "en"], help=h(help_key))


def chosen_lang(args: argparse.Namespace) -> str:
    """--lang, else the ``lang`` of the configuration found from the current folder, else vi."""
    if getattr(args, "lang", None):
        return args.lang
    from giaoban_qa.config import ConfigError, load_config

    try:
        return load_config(None, getattr(args, "config", None)).lang
    except (ConfigError, OSError):
        return "vi"


def mebibytes(value: str) -> float:
    """--max-size: a positive number of MiB."""
    from giaoban_qa.i18n import current_lang, t

    try:
        size = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(t("usage.not-a-number", current_lang(), value=repr(value))) from None
    from giaoban_qa.config import MAX_SIZE_MIB

    if not 0 < size <= MAX_SIZE_MIB:  # also refuses inf and nan
        raise argparse.ArgumentTypeError(t("usage.max-size", current_lang(), limit=MAX_SIZE_MIB, value=value))
    return size


def load_run_config(args: argparse.Namespace, paths: list[str]):
    """The configuration found for ``paths`` (or ``--config``), overridden by the flags."""
    from giaoban_qa.config import ConfigError, load_config

    first = next((p for p in paths if p != "-"), None)
    try:
        config = load_config(Path(first) if first else None, getattr(args, "config", None))
    except ConfigError as exc:
        raise UsageError(exc.text or exc.literal) from None
    if getattr(args, "select", None):
        config.select = [s for s in args.select.split(",") if s]
    if getattr(args, "ignore", None):
        config.ignore = config.ignore + [s for s in args.ignore.split(",") if s]
    if getattr(args, "lang", None):
        config.lang = args.lang
    else:  # the configuration's language, for the command's own messages and errors too
        args.lang = config.lang
    if getattr(args, "fail_on", None):
        config.fail_on = args.fail_on
    if getattr(args, "max_size", None):
        config.max_size = int(args.max_size * 1024 * 1024)
    if getattr(args, "encoding", None):
        config.encoding = args.encoding
    if getattr(args, "keep_going", False):
        config.keep_going = True
    for folder in config.rules_dirs:  # a mistyped rules-dir once meant the shipped packs only
        if not Path(folder).is_dir():
            from giaoban_qa.i18n import Text

            raise UsageError("cfg.rules-dir-not-folder" if Path(folder).exists() else "cfg.rules-dir-missing",
                             where=config.source or Text("cfg.unnamed"), folder=folder)
    if getattr(args, "stdin_filename", None):
        config.stdin_filename = args.stdin_filename
    return config


def validate_rule_patterns(config) -> None:
    """Every rule id or prefix named in the configuration or the flags exists."""
    from giaoban_qa.rules import all_rules, matches

    codes = list(all_rules())
    per_file = [rule for rules in config.per_file_ignores.values() for rule in rules]
    for pattern in [*config.select, *config.ignore, *config.severity, *per_file]:
        if pattern in ("ALL", "*"):
            continue
        if not any(matches(code, [pattern]) for code in codes):
            raise UsageError("cfg.unknown-rule", pattern=pattern)
    validate_rule_options(config)


def validate_rule_options(config) -> None:
    """Per-rule options name a rule and options it declares, with values of the declared
    type and range: a wrong value once made the rule crash on every file, silently."""
    from giaoban_qa.rules import all_rules

    rules = all_rules()
    for code, options in config.options.items():
        rule = rules.get(code)
        if rule is None:
            raise UsageError("cfg.options-unknown-rule", rule=code)
        declared = getattr(rule, "OPTIONS", {})
        for name, value in options.items():
            if name not in declared:
                from giaoban_qa.i18n import Text

                known = ", ".join(sorted(declared)) or Text("cfg.no-options")
                raise UsageError("cfg.no-such-option", rule=code, name=name, known=known)
            kind, low, high = declared[name]
            problem = _option_problem(value, kind, low, high)
            if problem:
                raise UsageError("cfg.option-value", name=name, rule=code, wanted=problem, value=repr(value)[:200])


def _option_problem(value, kind: str, low: float, high: float):
    """What the option's value should be (a :class:`~giaoban_qa.i18n.Text`), or None."""
    import math

    from giaoban_qa.i18n import Text

    if kind == "pairs":  # a list of [title, organ] pairs of words
        ok = isinstance(value, list) and all(isinstance(v, list) and len(v) == 2 and all(isinstance(w, str) for w in v) for v in value)
        return None if ok else Text("cfg.want-pairs")
    wanted = Text("cfg.want-int" if kind == "int" else "cfg.want-number", {"low": f"{low:g}", "high": f"{high:g}"})
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return wanted
    if kind == "int" and not isinstance(value, int):
        return wanted
    if not (math.isfinite(value) and low <= value <= high):
        return wanted
    return None


def load_checked_config(args: argparse.Namespace, paths: list[str]):
    """``load_run_config`` followed by ``validate_rule_patterns``."""
    config = load_run_config(args, paths)
    validate_rule_patterns(config)
    return config


def check_baseline(config) -> None:
    """A named baseline file must be readable before any file is checked."""
    if not config.baseline:
        return
    from giaoban_qa.baseline import BaselineError, load_baseline

    try:
        load_baseline(config.baseline)
    except BaselineError as exc:
        raise UsageError(exc.text or exc.literal) from None


def prepare_run(args: argparse.Namespace, paths: list[str]):
    """Configuration, output format and report options shared by ``check`` and ``audit``:
    everything that can be wrong with the command line fails here, before any file is read."""
    from giaoban_qa.i18n import codes
    from giaoban_qa.reporters import FORMATS

    config = load_checked_config(args, paths)
    fmt = args.format or "rich"
    if fmt not in FORMATS:
        raise UsageError("usage.unknown-format", format=fmt, hint=did_you_mean(fmt, FORMATS), choices=codes(sorted(FORMATS)))
    if args.baseline:
        config.baseline = args.baseline
    return config, fmt, prepare_report_options(args, config, fmt)


def use_color(args: argparse.Namespace) -> bool:
    """--color / --no-color, else colour on a terminal unless NO_COLOR is set (no-color.org)."""
    if args.color is not None:
        return args.color
    return sys.stdout.isatty() and not args.output and not os.environ.get("NO_COLOR")


def prepare_report_options(args: argparse.Namespace, config, fmt: str) -> dict:
    """Checks the baseline and review files before the run and picks the html output file."""
    from giaoban_qa.reporters import DEFAULT_OUTPUT

    check_baseline(config)
    if not args.output and fmt in DEFAULT_OUTPUT:
        args.output = DEFAULT_OUTPUT[fmt]
    if fmt != "html":
        return {}
    from giaoban_qa.review import ReviewError, load_reviews, review_paths_for

    review_files = [Path(args.review)] if args.review else review_paths_for(args.output)
    try:
        return {"review": load_reviews(review_files), "review_file": ", ".join(map(str, review_files)) or None}
    except ReviewError as exc:
        raise UsageError(exc.text or exc.literal) from None


def emit_report(result, args: argparse.Namespace, config, fmt: str, options: dict) -> None:
    """Render ``result`` in ``fmt`` to ``--output`` (atomically) or stdout; input errors go
    to stderr for the machine formats, whose stdout must stay parseable."""
    from giaoban_qa.reporters import get_renderer, write_output
    from giaoban_qa.safe_text import printable

    quiet = getattr(args, "quiet", False)
    if getattr(args, "statistics", False):
        from giaoban_qa.reporters.statistics import render as render_statistics

        output = render_statistics(result, lang=config.lang, as_json=fmt == "json")
    elif fmt == "json":
        # In pieces, written as they come: an archive's report is never held whole.
        from giaoban_qa.reporters.json_report import render_chunks

        output = render_chunks(result, lang=config.lang)
    else:
        render = get_renderer(fmt)
        output = render(result, lang=config.lang, color=use_color(args) and fmt == "rich", config=config, quiet=quiet,
                        verbose=getattr(args, "verbose", False), **options)
    if args.output and args.output != "-":
        write_output(args.output, output, [f.path for f in result.files if not f.path.startswith("<")])
        if fmt == "html" and not quiet:
            from giaoban_qa.i18n import t

            print(f"giaoban-qa: {t('report.written', config.lang, path=printable(args.output))}", file=sys.stderr)
    else:
        from giaoban_qa.safe_text import no_surrogates

        for chunk in [output] if isinstance(output, str) else output:
            sys.stdout.write(no_surrogates(chunk))
    for f in result.files:
        if f.error and fmt not in ("rich", "text"):
            print(f"giaoban-qa: {printable(f.error)}", file=sys.stderr)
