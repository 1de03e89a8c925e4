"""``giaoban-qa serve``: the editor's page on this machine (Flask app, waitress server)."""

from __future__ import annotations

import argparse
import ipaddress
import sys

from giaoban_qa.commands.common import mebibytes
from giaoban_qa.errors import EXIT_OK, UsageError

DEFAULT_PORT = 8765


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="a local web page: drop a report, see and fix its findings, download the annotated .docx")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1, this machine only; another address needs --allow-remote)")
    p.add_argument("--allow-remote", action="store_true",
                   help="allow --host to be an address other computers can reach (prints a warning)")
    p.add_argument("--port", type=_port, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}; 0 picks a free one)")
    p.add_argument("--open", action="store_true", help="open the page in the default browser")
    p.add_argument("--threads", type=int, default=4, help="requests served at once (default 4)")
    p.add_argument("--lang", choices=["vi", "en"], help="language of the page and messages (default: vi)")
    p.add_argument("--config", metavar="FILE", help="configuration file (default: found upward from the current folder)")
    p.add_argument("--select", metavar="RULES", help="comma-separated rule ids or prefixes to run")
    p.add_argument("--ignore", metavar="RULES", help="comma-separated rule ids or prefixes to skip")
    p.add_argument("--max-size", type=mebibytes, metavar="MIB", help="largest upload, in MiB (default 20)")
    p.set_defaults(handler=run)


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {value!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"a port is 0-65535, not {port}")
    return port


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str) -> set[str] | None:
    """The host names a loopback server answers to, whatever the port: a page on another
    site that rebinds its own name to 127.0.0.1 sends that name and is refused. None (any
    name) when the server is meant to be reached from other computers."""
    if not is_loopback(host):
        return None
    return {"127.0.0.1", "localhost", "::1", host.lower().strip("[]")}


def run(args: argparse.Namespace) -> int:
    from giaoban_qa.commands.common import load_checked_config

    if not is_loopback(args.host) and not args.allow_remote:
        raise UsageError(f"--host {args.host} would let other computers open the page and send it files; "
                         "add --allow-remote if that is what you want")
    config = load_checked_config(args, [])
    try:
        import waitress

        from giaoban_qa.web.app import create_app, server_options
    except ImportError as exc:
        raise UsageError(f"serve needs the web extra ({exc.name} is missing): pip install 'giaoban-qa[web]'") from None
    max_bytes = int(args.max_size * 1024 * 1024) if args.max_size else config.max_size
    listen = "127.0.0.1" if args.host.lower() == "localhost" else args.host  # one socket, one port to print
    app = create_app(config, max_bytes, allowed_hosts(args.host))
    try:
        server = waitress.create_server(app, host=listen, port=args.port, threads=args.threads, ident="giaoban-qa",
                                        **server_options(max_bytes))
    except OSError as exc:
        raise UsageError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}") from None
    port = server.effective_port  # type: ignore[union-attr]
    shown = f"[{args.host}]" if ":" in args.host else args.host
    url = f"http://{shown}:{port}/"
    if not is_loopback(args.host):
        print(f"giaoban-qa: WARNING: listening on {args.host}: anyone who can reach this address can use the page "
              "and send it files (there is no login)", file=sys.stderr)
    print(f"giaoban-qa: the page is at {url} (Ctrl+C stops it)", file=sys.stderr, flush=True)
    if args.open:
        import webbrowser

        webbrowser.open(url)
    try:
        server.run()  # type: ignore[union-attr]
    except KeyboardInterrupt:
        pass
    finally:
        server.close()  # type: ignore[union-attr]
    return EXIT_OK
