"""The editor's page as a Flask application (``giaoban-qa serve``).

Flask because it is small, synchronous like the rest of giaoban-qa (a check is CPU work,
an async framework would gain nothing), mature, and has one obvious production server
for a local machine, waitress (pure Python, no compiler, runs on Windows where most
editors are). The app is stateless: each request carries its upload, which is read into
memory, checked and forgotten; downloads send the file again with the decisions.

Routes: ``GET /`` the page; ``POST /api/check`` a file or pasted text → the report
payload; ``POST /api/export/<txt|docx|html|json>`` the same input and the decisions → a
download. Every response carries a Content-Security-Policy; the page's is the report's
(no script but ours, by nonce), plus ``connect-src 'self'`` for its two API calls. A
loopback server answers only to loopback host names (DNS rebinding), and a POST whose
``Origin`` is another site is refused.
"""

from __future__ import annotations

import io
import json
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, Request, Response, jsonify, request

from giaoban_qa.config import Config
from giaoban_qa.web import roundtrip
from giaoban_qa.i18n import t
from giaoban_qa.web.roundtrip import UploadError

WEB = Path(__file__).parent / "templates"
# Room for the multipart framing, the decisions and the other small fields.
FORM_OVERHEAD = 1024 * 1024

# The editor's own labels are in the message catalogue (editor.…); these are not words.
EDITOR_CODES: dict[str, dict[str, str]] = {
    "vi": {"formats": ".txt .md .html .docx .pdf", "other_lang_code": "en"},
    "en": {"formats": ".txt .md .html .docx .pdf", "other_lang_code": "vi"},
}


def editor_labels(lang: str) -> dict[str, str]:
    """The editor page's labels in ``lang`` ({n}, {mb}, {name} are filled in by the page)."""
    from giaoban_qa.i18n import CATALOGUE, raw

    words = {key.split(".", 1)[1]: raw(key, lang) for key in CATALOGUE if key.startswith("editor.")}
    return {**words, **EDITOR_CODES[lang]}


PAGE_CSP = ("default-src 'none'; script-src 'nonce-{nonce}'; style-src 'unsafe-inline'; img-src data:; "
            "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
# Data and downloads never run anything, even if a browser were to render one.
DATA_CSP = "default-src 'none'; sandbox; frame-ancestors 'none'"


def server_options(max_bytes: int) -> dict[str, int]:
    """waitress settings that keep every request and response in memory (by default it
    spools a request body over 512 KB and a response over 1 MB to a temporary file) and
    refuse a body larger than the upload limit before reading it."""
    room = max_bytes + FORM_OVERHEAD
    return {"inbuf_overflow": room + 1, "outbuf_overflow": 8 * room, "max_request_body_size": room}


class InMemoryRequest(Request):
    """Uploads stay in memory: Werkzeug would spool a large file part to a temporary file
    on disk, and the page promises that nothing is stored."""

    def _get_file_stream(self, total_content_length: int | None, content_type: str | None,
                         filename: str | None = None, content_length: int | None = None) -> io.BytesIO:
        return io.BytesIO()


def create_app(config: Config | None = None, max_bytes: int | None = None,
               allowed_hosts: set[str] | None = None) -> Flask:
    """The application. ``allowed_hosts`` (host names the ``Host`` header may carry, any
    port) guards a loopback server against DNS rebinding; ``None`` accepts any host
    (``--allow-remote``)."""
    config = config or Config()
    max_bytes = max_bytes or config.max_size
    app = Flask(__name__)
    app.request_class = InMemoryRequest
    app.config.update(MAX_CONTENT_LENGTH=max_bytes + FORM_OVERHEAD, MAX_FORM_MEMORY_SIZE=max_bytes + FORM_OVERHEAD)

    @app.before_request
    def _check_host() -> Any:
        if allowed_hosts is not None and host_name(request.host) not in allowed_hosts:
            return _error(t("web.bad-host", _lang(config, form=False), host=repr(request.host)), 400)
        # Another site's page may post a form here (it cannot read the answer, but it would
        # make this machine work): a browser names that page's origin, or "null" from a
        # sandboxed frame or a file, and it is refused. The page's own fetch names its origin.
        origin = request.headers.get("Origin")
        if request.method == "POST" and origin and urlsplit(origin).netloc.lower() != request.host.lower():
            return _error(t("web.other-site", _lang(config, form=False)), 403)
        return None

    @app.after_request
    def _headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", DATA_CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Cache-Control"] = "no-store"
        return response

    @app.errorhandler(413)
    def _too_large(_: Exception) -> Response:
        return _error(t("web.upload-too-large", _lang(config, form=False), mb=f"{max_bytes / (1024 * 1024):g}"), 413)

    @app.get("/")
    def page() -> Response:
        lang = _lang(config)
        nonce = secrets.token_urlsafe(18)
        html = render_editor(lang, max_bytes, nonce)
        response = Response(html, mimetype="text/html")
        response.headers["Content-Security-Policy"] = PAGE_CSP.format(nonce=nonce)
        return response

    @app.post("/api/check")
    def api_check() -> Response:
        lang = _lang(config)
        try:
            upload = _upload(max_bytes)
            result = roundtrip.check_upload(upload, config)
        except UploadError as exc:
            return _error(exc.render(lang), exc.status)
        from giaoban_qa.reporters.html import build_payload

        payload = build_payload(result, lang)
        everything = [*result.findings, *result.suppressed]
        for row, fixable in zip(payload["findings"], roundtrip.fixable_flags(everything)):
            row["fx"] = fixable
        answer = {"name": upload.name, "kind": upload.kind, "payload": payload, "docx": upload.kind == "docx"}
        # UTF-8 as is: Flask's jsonify escapes every Vietnamese letter, which makes the answer
        # for a long text about 1.6 times as large (12.0 MB instead of 7.7 MB for 5.8 M characters).
        return Response(json.dumps(answer, ensure_ascii=False, separators=(",", ":")), mimetype="application/json")

    @app.post("/api/export/<fmt>")
    def api_export(fmt: str) -> Response:
        if fmt not in ("txt", "docx", "html", "json"):
            return _error(t("web.unknown-download", _lang(config, form=False), fmt=fmt), 404)
        lang = _lang(config)
        try:
            upload = _upload(max_bytes)
            decisions = roundtrip.parse_decisions(request.form.get("review"))
            result = roundtrip.check_upload(upload, config)
            if fmt == "txt":
                text, applied = roundtrip.corrected_text(result, decisions)
                body, mimetype, suffix = text.encode("utf-8"), "text/plain; charset=utf-8", ".corrected.txt"
                extra = {"X-Giaoban-Applied": str(applied)}
            elif fmt == "docx":
                body = roundtrip.annotated_docx(upload, result, decisions, lang)
                mimetype, suffix, extra = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".giaoban-qa.docx", {}
            elif fmt == "html":
                body = roundtrip.report_html(result, decisions, lang).encode("utf-8")
                mimetype, suffix, extra = "text/html; charset=utf-8", ".giaoban-qa-report.html", {}
            else:
                body = roundtrip.report_json(result, decisions, lang).encode("utf-8")
                mimetype, suffix, extra = "application/json", ".giaoban-qa.json", {}
        except UploadError as exc:
            return _error(exc.render(lang), exc.status)
        name = roundtrip.download_name(upload.name, suffix)
        response = Response(body, mimetype=mimetype)
        response.headers["Content-Disposition"] = roundtrip.content_disposition(name)
        from urllib.parse import quote

        response.headers["X-Download-Name"] = quote(name, safe="")
        response.headers.update(extra)
        return response

    return app


def render_editor(lang: str, max_bytes: int, nonce: str) -> str:
    """The page: the report's template, CSS and script with the editor's panel and script
    added (templates/editor.html.j2 extends report.html.j2)."""
    from giaoban_qa.engine import RunResult
    from giaoban_qa.reporters.html import build_payload, render_page

    labels = editor_labels(lang)
    payload = build_payload(RunResult(), lang)
    payload["E"] = {**labels, "maxBytes": max_bytes, "maxMb": f"{max_bytes / (1024 * 1024):g}"}
    return render_page("editor.html.j2", payload, search_path=(WEB,), scripts=(WEB / "editor.js",),
                       styles=(WEB / "editor.css",), nonce=nonce, E=labels,
                       privacy=labels["privacy"].format(mb=payload["E"]["maxMb"]))


def host_name(host: str) -> str:
    """``Host`` header without its port: ``[::1]:8765`` → ``::1``."""
    host = host.lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _upload(max_bytes: int) -> roundtrip.Upload:
    file = request.files.get("file")
    if file is not None and file.filename:
        data = file.read(max_bytes + 1)
        return roundtrip.make_upload(data, file.filename, None, max_bytes)
    return roundtrip.make_upload(None, None, request.form.get("text"), max_bytes)


def _lang(config: Config, form: bool = True) -> str:
    """?lang= (or the form's lang), else the configuration's. ``form=False`` before the body
    is accepted (host and origin checks, a body over the limit): the query string only."""
    lang = (request.values.get("lang") if form else None) or request.args.get("lang") or config.lang
    return lang if lang in ("vi", "en") else "vi"


def _error(message: str, status: int) -> Response:
    response = jsonify({"error": message})
    response.status_code = status
    return response
