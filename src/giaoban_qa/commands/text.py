"""``giaoban-qa text PATH``: the text that finding offsets point into."""

from __future__ import annotations

import argparse
import sys

from giaoban_qa.commands.common import add_encoding_option, mebibytes
from giaoban_qa.errors import EXIT_OK, EXIT_USAGE


def add_parser(sub: argparse._SubParsersAction) -> None:
    text = sub.add_parser("text", help="print the text that offsets point into (extracted text for .html/.docx)")
    text.add_argument("path", metavar="PATH")
    text.add_argument("--max-size", type=mebibytes, metavar="MIB")
    add_encoding_option(text)
    text.add_argument("--lang", choices=["vi", "en"], help="language of messages (default: vi)")
    text.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from giaoban_qa.loaders import InputError, load_path

    try:
        source = load_path(args.path, int((args.max_size or 20) * 1024 * 1024), encoding=args.encoding or "auto")
    except InputError as exc:
        print(f"giaoban-qa: {exc.render(args.lang or 'vi')}", file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(source.text)
    return EXIT_OK
