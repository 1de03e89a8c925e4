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
from giaoban_qa.errors import EXIT_OK, EXIT_USAGE, UsageError
from giaoban_qa.packs import PackError


def build_parser() -> argparse.ArgumentParser:
    from giaoban_qa import __version__

    parser = argparse.ArgumentParser(
        prog="giaoban-qa",
        description="Consistency checker for Vietnamese government and Party-committee reports.",
    )
    parser.add_argument("--version", action="version", version=f"giaoban-qa {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"giaoban_qa.commands.{name}").add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
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
