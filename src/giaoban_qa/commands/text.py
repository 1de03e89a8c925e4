"""``giaoban-qa text PATH``: the text that finding offsets point into."""

from __future__ import annotations

import argparse
import sys

from giaoban_qa.commands.common import add_encoding_option, add_lang_option, add_max_size_option, h
from giaoban_qa.errors import EXIT_OK, EXIT_USAGE


def add_parser(sub: argparse._SubParsersAction) -> None:
    text = sub.add_parser("text", help=h("help.text"), description=h("help.text"))
    text.add_argument("path", metavar=h("mv.PATH"), help=h("help.text.path"))
    add_max_size_option(text)
    add_encoding_option(text)
    add_lang_option(text)
    text.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from giaoban_qa.loaders import InputError, load_path

    try:
        source = load_path(args.path, int((args.max_size or 20) * 1024 * 1024), encoding=args.encoding or "auto")
    except InputError as exc:
        from giaoban_qa.commands.common import chosen_lang

        print(f"giaoban-qa: {exc.render(chosen_lang(args))}", file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(source.text)
    return EXIT_OK
