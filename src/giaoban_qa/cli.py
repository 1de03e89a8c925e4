"""Command-line entry point: builds the parser from the command modules and dispatches.

Each sub-command lives in its own module of :mod:`giaoban_qa.commands`; nothing in the
package imports this module. Heavy imports stay inside the handlers so that start-up is fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Callable

from giaoban_qa.commands import COMMAND_MODULES
from giaoban_qa.errors import EXIT_OK, EXIT_USAGE, RuleCrash, UsageError
from giaoban_qa.packs import PackError
from giaoban_qa.safe_text import printable


class SuggestingParser(argparse.ArgumentParser):
    """An argument parser whose errors name the nearest valid command or option."""

    def error(self, message: str):  # type: ignore[override]
        import re

        from giaoban_qa.commands.common import did_you_mean

        choice = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)", message)
        if choice:
            options = re.findall(r"'([^']*)'", choice.group(2)) or [c.strip() for c in choice.group(2).split(",")]
            message += did_you_mean(choice.group(1), options)
        super().error(message)


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
    return target, "unrecognized arguments: " + " ".join(words)


def build_parser() -> argparse.ArgumentParser:
    from giaoban_qa import __version__

    parser = SuggestingParser(
        prog="giaoban-qa",
        description="Consistency checker for Vietnamese government and Party-committee reports.",
    )
    parser.add_argument("--version", action="version", version=f"giaoban-qa {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=SuggestingParser)
    for name in COMMAND_MODULES:
        importlib.import_module(f"giaoban_qa.commands.{name}").add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, extras = parser.parse_known_args(argv)
    if extras:
        target, message = _unknown_options(parser, args, extras)
        target.error(message)
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
        print(f"giaoban-qa: {printable(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except RuleCrash as exc:
        print(f"giaoban-qa: {printable(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except PackError as exc:  # a broken pack in the user's rules-dir
        print(f"giaoban-qa: {printable(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:  # e.g. --output into a folder that cannot be written
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        print(f"giaoban-qa: {printable(f'{exc.strerror or exc}{where}')}", file=sys.stderr)
        return EXIT_USAGE
