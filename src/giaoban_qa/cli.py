"""Command-line entry point: builds the parser from the command modules and dispatches.

Each sub-command lives in its own module of :mod:`giaoban_qa.commands`; nothing in the
package imports this module. Heavy imports stay inside the handlers so that start-up is fast.

The language is known before the parser is built: ``--lang`` in the arguments, else the
``lang`` of the configuration found from the working folder (or ``--config``), else
Vietnamese. The parser is built and run with the catalogue's help texts in that language,
and argparse's own messages ("usage:", "unrecognized arguments", "invalid choice", …)
are translated by swapping the ``_`` (gettext) argparse looks its messages up with.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import os
import sys
from typing import Callable

from giaoban_qa.commands import COMMAND_MODULES
from giaoban_qa.errors import EXIT_OK, EXIT_USAGE, RuleCrash, UsageError
from giaoban_qa.i18n import LANGS, current_lang, raw, render_error, t, using_lang
from giaoban_qa.packs import PackError
from giaoban_qa.safe_text import printable

# argparse's message ids (Python 3.11's argparse.py) -> catalogue keys. A message not
# listed (argparse's own programming errors) stays as argparse writes it.
ARGPARSE_MESSAGES: dict[str, str] = {
    "usage: ": "argparse.usage",
    "positional arguments": "argparse.positionals",
    "options": "argparse.options",
    "optional arguments": "argparse.options",
    "show this help message and exit": "argparse.help",
    "unrecognized arguments: %s": "argparse.unrecognized",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse.invalid-choice",
    "the following arguments are required: %s": "argparse.required",
    "%(prog)s: error: %(message)s\n": "argparse.error",
    "argument %(argument_name)s: %(message)s": "argparse.argument",
    "expected one argument": "argparse.expected-one",
    "expected at most one argument": "argparse.expected-at-most-one",
    "expected at least one argument": "argparse.expected-at-least-one",
    "invalid %(type)s value: %(value)r": "argparse.invalid-value",
    "ambiguous option: %(option)s could match %(matches)s": "argparse.ambiguous",
    "not allowed with argument %s": "argparse.not-allowed-with",
    "ignored explicit argument %r": "argparse.ignored-explicit",
    "one of the arguments %s is required": "argparse.one-required",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "argparse.unknown-parser",
    "can't open '%(filename)s': %(error)s": "argparse.cannot-open",
    "unexpected option string: %s": "argparse.unexpected-option",
    "subcommands": "argparse.subcommands",
}


def _argparse_gettext(message: str) -> str:
    key = ARGPARSE_MESSAGES.get(message)
    return raw(key, current_lang()) if key else message


def _argparse_ngettext(singular: str, plural: str, n: int) -> str:
    if singular == "expected %s argument":
        return raw("argparse.expected-n", current_lang())
    return singular if n == 1 else plural


@contextlib.contextmanager
def argparse_in(lang: str):
    """argparse speaks ``lang`` inside the block (it looks ``_`` and ``ngettext`` up in its
    module at each call, so swapping them there is enough); restored afterwards."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _argparse_gettext, _argparse_ngettext  # type: ignore[attr-defined]
    try:
        with using_lang(lang):
            yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def prescan_lang(argv: list[str]) -> str:
    """The language of the run, before the arguments are parsed: the last ``--lang X`` (or
    ``--lang=X``), else the configuration's ``lang`` (``--config FILE``, else found upward
    from the working folder), else Vietnamese."""
    lang = config_file = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg in ("--lang", "--config") and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith(("--lang=", "--config=")):
            value = arg.split("=", 1)[1]
        else:
            continue
        if arg.startswith("--lang"):
            lang = value
        else:
            config_file = value
    if lang in LANGS:
        return lang
    from giaoban_qa.config import ConfigError, load_config

    try:
        return load_config(None, config_file).lang
    except (ConfigError, OSError, ValueError):
        return "vi"


def terminal_columns() -> int:
    """``shutil.get_terminal_size().columns`` without importing shutil (which imports bz2,
    lzma and fnmatch: argparse asks for the width on every ``add_argument``): $COLUMNS
    when it is a positive number, else the terminal's width, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
        columns = columns or 80
    return columns


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, with the width found as :func:`terminal_columns` finds it."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position, terminal_columns() - 2 if width is None else width)


class SuggestingParser(argparse.ArgumentParser):
    """An argument parser whose errors name the nearest valid command or choice."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def _check_value(self, action, value):  # type: ignore[override]
        if action.choices is not None and value not in action.choices:
            from giaoban_qa.commands.common import did_you_mean

            choices = ", ".join(map(repr, action.choices))
            message = argparse._("invalid choice: %(value)r (choose from %(choices)s)") % {"value": value, "choices": choices}  # type: ignore[attr-defined]
            raise argparse.ArgumentError(action, message + did_you_mean(value, list(action.choices)))


def _unknown_options(parser: argparse.ArgumentParser, args: argparse.Namespace, extras: list[str]) -> tuple[argparse.ArgumentParser, str]:
    """'unrecognized arguments: --formt (did you mean --format?)' against the options of
    the sub-command that was given."""
    from giaoban_qa.commands.common import did_you_mean

    target = parser
    sub = next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)
    if sub is not None and getattr(args, "command", None) in sub.choices:
        target = sub.choices[args.command]
    options = [s for action in target._actions for s in action.option_strings]
    words = []
    for extra in extras:
        hint = did_you_mean(extra.split("=", 1)[0], options) if extra.startswith("-") else ""
        words.append(extra + hint)
    return target, argparse._("unrecognized arguments: %s") % " ".join(words)  # type: ignore[attr-defined]


def command_named(argv: list[str]) -> str | None:
    """The sub-command ``argv`` runs, when that is certain before parsing: the first argument
    that is not a top-level option (``--lang X`` / ``--lang=X``), if it names a command and
    no ``-h``/``--help``/``--version`` stands before it (those print the whole parser)."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--lang":
            i += 2
            continue
        if arg.startswith("--lang="):
            i += 1
            continue
        return arg if arg in COMMAND_MODULES else None
    return None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser in the current language (:func:`giaoban_qa.i18n.using_lang`; build it
    inside :func:`argparse_in` for argparse's own headings in that language too).

    ``only``: a command (from :func:`command_named`) whose sub-parser alone is added. A run
    parses with that sub-parser only, so building the other ten (and importing their
    modules) was a tenth of a one-file check's start-up; the top-level help and an unknown
    command still get the whole parser."""
    from giaoban_qa import __version__

    lang = current_lang()
    parser = SuggestingParser(prog="giaoban-qa", description=t("help.description", lang))
    parser.add_argument("--version", action="version", version=f"giaoban-qa {__version__}", help=t("help.version", lang))
    # "giaoban-qa --lang en check …": its own name, or the sub-command's default would win.
    parser.add_argument("--lang", dest="top_lang", choices=list(LANGS), help=t("help.lang", lang))
    sub = parser.add_subparsers(dest="command", metavar=t("mv.COMMAND", lang), parser_class=SuggestingParser)
    for name in COMMAND_MODULES if only is None else (only,):
        importlib.import_module(f"giaoban_qa.commands.{name}").add_parser(sub)
    return parser


# Commands whose first work is importing every rule family and the extractors they use:
# done before the handler runs, while the collector is paused (see ``collector_paused``).
_CHECKING_COMMANDS = ("check", "audit")


@contextlib.contextmanager
def collector_paused():
    """The garbage collector off for the start-up, which only creates objects that live
    as long as the process (modules, classes, compiled patterns, parsed packs: ~100,000):
    with it on, the collector walked them ~40 times in a one-file check (~7 ms of ~130)
    and never freed anything. The block gets a function that turns it back on, called
    before a command's own work starts (a long run, a server, needs it); it is also
    back on when the block ends. A caller that had it off keeps it off."""
    was_on = gc.isenabled()
    gc.disable()

    def resume() -> None:
        if was_on:
            # The start-up's objects moved out of the collector's reach first: else every
            # full collection of the run walks them again (tens of thousands, never garbage; ~1 % of
            # a folder's check). Once per process: a caller that runs ``main`` again (the
            # tests) does not freeze its own objects each time.
            if not gc.get_freeze_count():
                gc.freeze()
            gc.enable()

    try:
        yield resume
    finally:
        resume()


def main(argv: list[str] | None = None) -> int:
    # The command line reuses the regular expressions compiled by earlier runs (60 ms of a
    # one-file check's start-up); see giaoban_qa.recache.
    from giaoban_qa import recache

    with collector_paused() as resume_collector:
        recache.install()
        try:
            return _main(argv, resume_collector)
        finally:
            recache.save()


def _main(argv: list[str] | None, resume_collector: Callable[[], None] = lambda: None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = prescan_lang(argv)
    with argparse_in(lang):
        parser = build_parser(command_named(argv))
        args, extras = parser.parse_known_args(argv)
        if extras:
            target, message = _unknown_options(parser, args, extras)
            target.error(message)
        if getattr(args, "top_lang", None) and not getattr(args, "lang", None):
            args.lang = args.top_lang
        handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
        if handler is None:
            parser.print_help()
            return EXIT_USAGE
        try:
            if args.command in _CHECKING_COMMANDS:
                from giaoban_qa.rules import all_rules

                all_rules()  # what the handler does first, still in the start-up (above)
            resume_collector()
            return handler(args)
        except KeyboardInterrupt:
            print(f"giaoban-qa: {t('cli.interrupted', _lang_of(args, lang))}", file=sys.stderr)
            return 130
        except BrokenPipeError:
            return EXIT_OK
        except (UsageError, RuleCrash, PackError) as exc:  # PackError: a broken pack in the user's rules-dir
            print(f"giaoban-qa: {printable(render_error(exc, _lang_of(args, lang)))}", file=sys.stderr)
            return EXIT_USAGE
        except OSError as exc:  # e.g. --output into a folder that cannot be written
            from giaoban_qa.i18n import os_error_text

            where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
            print(f"giaoban-qa: {printable(os_error_text(exc, _lang_of(args, lang)) + where)}", file=sys.stderr)
            return EXIT_USAGE


def _lang_of(args: argparse.Namespace, prescanned: str) -> str:
    """--lang, or the language of the configuration the command loaded (it records it in
    ``args.lang``), else the language found before parsing."""
    lang = getattr(args, "lang", None)
    return lang if lang in LANGS else prescanned
