"""``giaoban-qa serve``: the editor's page on this machine (Flask app, waitress server)."""

from __future__ import annotations

import argparse
import ipaddress
import sys

from giaoban_qa.commands.common import add_lang_option, add_max_size_option, h
from giaoban_qa.errors import EXIT_OK, UsageError

DEFAULT_PORT = 8765


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help=h("help.serve"), description=h("help.serve"))
    p.add_argument("--host", default="127.0.0.1", metavar=h("mv.HOST"), help=h("help.serve.host"))
    p.add_argument("--allow-remote", action="store_true", help=h("help.serve.allow-remote"))
    p.add_argument("--port", type=_port, default=DEFAULT_PORT, metavar=h("mv.PORT"), help=h("help.serve.port", default=DEFAULT_PORT))
    p.add_argument("--open", action="store_true", help=h("help.serve.open"))
    p.add_argument("--threads", type=int, default=4, metavar="N", help=h("help.serve.threads"))
    add_lang_option(p, "help.serve.lang")
    p.add_argument("--config", metavar=h("mv.FILE"), help=h("help.serve.config"))
    p.add_argument("--select", metavar=h("mv.RULES"), help=h("help.select"))
    p.add_argument("--ignore", metavar=h("mv.RULES"), help=h("help.ignore"))
    add_max_size_option(p, "help.serve.max-size")
    p.set_defaults(handler=run)


def _port(value: str) -> int:
    from giaoban_qa.i18n import current_lang, t

    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(t("serve.not-a-port", current_lang(), value=repr(value))) from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(t("serve.port-range", current_lang(), port=port))
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
        raise UsageError("serve.remote", host=args.host)
    config = load_checked_config(args, [])
    try:
        import waitress

        from giaoban_qa.web.app import create_app, server_options
    except ImportError as exc:
        raise UsageError("serve.needs-web", package=str(exc.name)) from None
    max_bytes = int(args.max_size * 1024 * 1024) if args.max_size else config.max_size
    listen = "127.0.0.1" if args.host.lower() == "localhost" else args.host  # one socket, one port to print
    app = create_app(config, max_bytes, allowed_hosts(args.host))
    try:
        server = waitress.create_server(app, host=listen, port=args.port, threads=args.threads, ident="giaoban-qa",
                                        **server_options(max_bytes))
    except OSError as exc:
        from giaoban_qa.i18n import os_reason

        raise UsageError("serve.cannot-listen", host=args.host, port=args.port, error=os_reason(exc)) from None
    port = server.effective_port  # type: ignore[union-attr]
    shown = f"[{args.host}]" if ":" in args.host else args.host
    url = f"http://{shown}:{port}/"
    from giaoban_qa.i18n import t

    if not is_loopback(args.host):
        print(f"giaoban-qa: {t('serve.remote-warning', config.lang, host=args.host)}", file=sys.stderr)
    print(f"giaoban-qa: {t('serve.listening', config.lang, url=url)}", file=sys.stderr, flush=True)
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
