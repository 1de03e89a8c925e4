"""``giaoban-qa serve`` without a browser: the Flask app through its test client, the
command's binding rules, and the plain ``check`` path staying free of web modules.
The browser round trip is in test_serve_browser.py."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import time

import pytest

pytest.importorskip("flask")

from giaoban_qa.config import Config
from giaoban_qa.review import review_entries
from giaoban_qa.web import roundtrip
from giaoban_qa.web.app import create_app

from conftest import ROOT
from serve_helpers import TYPO, TYPO_FIX, planted_docx

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
BAD = ("Ngày 02 tháng 11 năm 2020, Thường trực Huyện ủy tổ chức hội nghị giao ban.\n"
       "Thực hiện Báo cáo số 369/BC-UBND, ngày 30 tháng 11 năm 2020 của UBND huyện.\n"
       "Các ngành cần đầy mạnh cải cách hành chính.\n")


@pytest.fixture
def client():
    app = create_app(Config(), max_bytes=256 * 1024, allowed_hosts={"127.0.0.1", "localhost", "::1"})
    app.testing = True
    return app.test_client()


def _post(client, path, **fields):
    return client.post(path, data=fields, content_type="multipart/form-data", headers={"Host": "127.0.0.1:5000"})


def _check(client, **fields):
    response = _post(client, "/api/check", **fields)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_page_is_the_report_page_with_its_policy(client):
    response = client.get("/", headers={"Host": "127.0.0.1:5000"})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    header = response.headers["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", header).group(1)
    # One inert data block and one script, carrying the header's nonce: the report's script
    # followed by the editor's (the page renders findings with the report's code).
    scripts = re.findall(r"<script\b[^>]*>", page)
    assert scripts == ['<script type="application/json" id="report-data">', f'<script nonce="{nonce}">']
    assert "default-src 'none'" in header and "connect-src 'self'" in header and "frame-ancestors 'none'" in header
    assert "GiaobanReport.load" in page and "function buildDoc" in page and 'id="findings"' in page
    assert response.headers["X-Content-Type-Options"] == "nosniff" and response.headers["Cache-Control"] == "no-store"
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")  # no network
    english = client.get("/?lang=en", headers={"Host": "127.0.0.1:5000"}).get_data(as_text=True)
    assert '<html lang="en">' in english and "Drop a file here" in english


def test_pasted_text_gets_the_findings_of_check(client):
    answer = _check(client, text=BAD)
    expected = roundtrip.check_upload(roundtrip.Upload("pasted.txt", "txt", BAD.encode()), Config())
    rows = answer["payload"]["findings"]
    assert [r["p"] for r in rows] == [f.fingerprint for f in expected.findings] and len(rows) == 2
    assert answer["payload"]["files"][0]["t"] == BAD and answer["name"] == "pasted.txt"
    assert {r["r"] for r in rows} == {"citation.dated-after-meeting", "text.typo"}


def test_docx_upload_is_read_as_word(client):
    answer = _check(client, file=(io.BytesIO(planted_docx()), "Kết luận.docx", DOCX_MIME))
    assert answer["docx"] is True and answer["name"] == "Kết luận.docx"
    rules = sorted(r["r"] for r in answer["payload"]["findings"])
    assert rules == ["citation.dated-after-meeting", "date.malformed", "text.term-variant", "text.term-variant", "text.typo"]


def test_bad_inputs_get_one_line_errors(client):
    cases = [
        ({"file": (io.BytesIO(b"\xd0\xcf\x11\xe0 old word"), "bao-cao.doc")}, 400, "save it as .docx"),
        ({"file": (io.BytesIO(b"MZ\x90\x00"), "setup.exe")}, 400, "not a file this page reads"),
        ({"text": "   "}, 400, "nothing to check"),
        ({"file": (io.BytesIO(b"\x00\x01\x02\x03" * 100), "x.txt")}, 400, "x.txt"),
        ({"file": (io.BytesIO(b"PK\x03\x04 not a zip"), "broken.docx")}, 400, "broken.docx"),
        ({"file": (io.BytesIO(b"a" * (300 * 1024)), "big.txt")}, 413, "larger than"),
    ]
    for fields, status, words in cases:
        response = _post(client, "/api/check", lang="en", **fields)
        error = response.get_json()["error"]
        assert response.status_code == status and words in error and "\n" not in error and "Traceback" not in error, error


def test_whole_request_over_the_limit_is_refused(client):
    response = _post(client, "/api/check?lang=en", text="x" * (2 * 1024 * 1024))
    assert response.status_code == 413 and "larger than" in response.get_json()["error"]
    response = _post(client, "/api/check", text="x" * (2 * 1024 * 1024))  # Vietnamese by default
    assert response.status_code == 413 and "lớn hơn" in response.get_json()["error"]


def test_hostile_file_names_are_only_data(client):
    answer = _check(client, file=(io.BytesIO(BAD.encode()), "../../etc/<img src=x onerror=alert(1)>\u202e.txt"))
    assert answer["name"] == "<img src=x onerror=alert(1)>.txt"  # folders and control characters gone
    response = _post(client, "/api/export/json", file=(io.BytesIO(BAD.encode()), "$(rm -rf ~); `reboot`; echo 'x'.txt"))
    disposition = response.headers["Content-Disposition"]
    ascii_part = re.search(r'filename="([^"]*)"', disposition).group(1)
    assert re.fullmatch(r"[A-Za-z0-9._-]+", ascii_part) and "filename*=UTF-8''" in disposition
    assert response.headers["Content-Security-Policy"].startswith("default-src 'none'; sandbox")


def test_uploads_never_touch_the_disk(monkeypatch):
    """Werkzeug spools a request over 500 KB to a temporary file; the page keeps it in memory."""
    import tempfile

    def refuse(*_, **__):
        raise AssertionError("an upload was spooled to a temporary file")

    monkeypatch.setattr(tempfile, "TemporaryFile", refuse)
    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refuse)
    monkeypatch.setattr(tempfile, "SpooledTemporaryFile", refuse)
    client = create_app(Config(), max_bytes=4 * 1024 * 1024).test_client()
    big = (BAD * 5000).encode()
    assert len(big) > 1024 * 1024
    received = []
    real_check = roundtrip.check_upload

    def check_first_part(upload, config):  # the stream is what is tested; checking 1 MB is slow
        received.append(upload.data)
        return real_check(roundtrip.Upload(upload.name, upload.kind, upload.data[: len(BAD.encode())]), config)

    monkeypatch.setattr(roundtrip, "check_upload", check_first_part)
    answer = _check(client, file=(io.BytesIO(big), "big.txt"))
    assert received == [big] and answer["payload"]["summary"]["findings"] == 2


def test_host_header_guard_refuses_other_names(client):
    assert client.get("/", headers={"Host": "attacker.example:5000"}).status_code == 400
    assert client.get("/", headers={"Host": "localhost:1234"}).status_code == 200
    assert client.get("/", headers={"Host": "[::1]:5000"}).status_code == 200
    open_app = create_app(Config(), allowed_hosts=None).test_client()
    assert open_app.get("/", headers={"Host": "192.168.1.5:8765"}).status_code == 200


def test_posts_from_another_site_are_refused(client):
    other = client.post("/api/check?lang=en", data={"text": BAD}, headers={"Host": "127.0.0.1:5000", "Origin": "https://attacker.example"})
    assert other.status_code == 403 and "other sites" in other.get_json()["error"]
    other = client.post("/api/check", data={"text": BAD}, headers={"Host": "127.0.0.1:5000", "Origin": "https://attacker.example"})
    assert other.status_code == 403 and "trang web khác" in other.get_json()["error"]
    sandboxed = client.post("/api/check", data={"text": BAD}, headers={"Host": "127.0.0.1:5000", "Origin": "null"})
    assert sandboxed.status_code == 403
    same = client.post("/api/check", data={"text": BAD}, headers={"Host": "127.0.0.1:5000", "Origin": "http://127.0.0.1:5000"})
    assert same.status_code == 200


def _decisions(rows, accept=(), dismiss=()):
    findings = {}
    for row in rows:
        if row["r"] in accept:
            findings[row["p"]] = {"status": "confirmed", "fix": "accepted", "suggestion": row["g"], "rule": row["r"]}
        elif row["r"] in dismiss:
            findings[row["p"]] = {"status": "dismissed", "note": "đã kiểm tra", "rule": row["r"]}
    return json.dumps({"version": 1, "findings": findings})


def test_json_and_html_downloads_carry_the_decisions(client):
    rows = _check(client, text=BAD)["payload"]["findings"]
    review = _decisions(rows, accept={"text.typo"}, dismiss={"citation.dated-after-meeting"})
    response = _post(client, "/api/export/json", text=BAD, review=review)
    data = json.loads(response.get_data(as_text=True))
    assert response.headers["X-Download-Name"] == "pasted.giaoban-qa.json"
    assert data["summary"]["findings"] == 2 and data["tool"]["name"] == "giaoban-qa"
    entries = review_entries(data["review"], "download")  # the review-file format, readable by `review`
    dismissed = next(r["p"] for r in rows if r["r"] == "citation.dated-after-meeting")
    assert entries[dismissed]["status"] == "dismissed" and entries[dismissed]["note"] == "đã kiểm tra"
    html = _post(client, "/api/export/html", text=BAD, review=review).get_data(as_text=True)
    payload = json.loads(re.search(r'id="report-data">(.*?)</script>', html, re.S).group(1))
    assert {r["r"]: r["st"] for r in payload["findings"]} == {"citation.dated-after-meeting": "dismissed", "text.typo": "confirmed"}


def test_bad_decisions_and_formats_are_errors(client):
    response = _post(client, "/api/export/json", text=BAD, lang="en", review='{"findings": {"abc": {"status": "maybe"}}}')
    assert response.status_code == 400 and "status must be one of" in response.get_json()["error"]
    response = _post(client, "/api/export/json", text=BAD, review='{"findings": {"abc": {"status": "maybe"}}}')
    assert response.status_code == 400 and "trạng thái phải là một trong" in response.get_json()["error"]
    assert _post(client, "/api/export/exe", text=BAD).status_code == 404
    response = _post(client, "/api/export/docx", text=BAD, lang="en")
    assert response.status_code == 400 and "made from a .docx upload" in response.get_json()["error"]


def test_corrected_text_applies_only_accepted_suggestions(client):
    text = BAD + "Tình hình dịch Covid 19 được kiểm soát.\n"
    rows = _check(client, text=text)["payload"]["findings"]
    fixable = {r["r"]: r["fx"] for r in rows}
    assert fixable == {"citation.dated-after-meeting": None, "text.typo": "safe", "text.term-variant": "safe"}
    response = _post(client, "/api/export/txt", text=text, review=_decisions(rows, accept={"text.typo"}))
    corrected = response.get_data(as_text=True)
    assert corrected == text.replace(TYPO, TYPO_FIX) and response.headers["X-Giaoban-Applied"] == "1"


def test_serve_refuses_a_remote_address_without_the_flag(capsys):
    from giaoban_qa.cli import main

    assert main(["serve", "--host", "0.0.0.0", "--port", "0"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("giaoban-qa: ") and "--allow-remote" in err and err.count("\n") == 1


def _start_serve(*args: str, env: dict | None = None) -> tuple[subprocess.Popen, str]:
    # English: the lines waited for and asserted below are the English ones.
    proc = subprocess.Popen([sys.executable, "-m", "giaoban_qa", "serve", "--port", "0", "--lang", "en", *args], cwd=ROOT,
                            stderr=subprocess.PIPE, text=True,
                            env={**__import__("os").environ, "PYTHONPATH": str(ROOT / "src"), **(env or {})})
    lines = []
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        lines.append(line)
        if "the page is at" in line or not line:
            break
    return proc, "".join(lines)


def test_serve_binds_loopback_and_warns_for_remote():
    import urllib.request

    proc, err = _start_serve()
    try:
        url = re.search(r"(http://127\.0\.0\.1:\d+/)", err).group(1)
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200 and b"GiaobanReport" in response.read()
        assert "WARNING" not in err
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    proc, err = _start_serve("--host", "0.0.0.0", "--allow-remote")
    try:
        assert "WARNING: listening on 0.0.0.0" in err and "the page is at http://0.0.0.0:" in err
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_open_starts_the_browser_on_the_page(tmp_path):
    """--open hands the page's address to the user's browser ($BROWSER here: a recorder)."""
    opened = tmp_path / "opened.txt"
    recorder = tmp_path / "browser.py"
    recorder.write_text(f"import sys\nopen({str(opened)!r}, 'w').write(sys.argv[1])\n", encoding="utf-8")
    proc, err = _start_serve("--open", env={"BROWSER": f"{sys.executable} {recorder} %s"})
    try:
        url = re.search(r"(http://127\.0\.0\.1:\d+/)", err).group(1)
        deadline = time.monotonic() + 20
        while not (opened.exists() and opened.read_text()) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert opened.read_text() == url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_check_path_imports_no_web_modules(tmp_path):
    """``python -X importtime`` of a plain check lists every module imported: none of the
    web framework, its server or our web package."""
    report = tmp_path / "bad.txt"
    report.write_text(BAD, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "giaoban_qa", "check", str(report), "-f", "json"],
                          capture_output=True, text=True, cwd=ROOT, env={**__import__("os").environ, "PYTHONPATH": str(ROOT / "src")})
    assert proc.returncode == 1
    imported = {line.split("|")[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
    assert "giaoban_qa.engine" in imported  # the listing is real
    web = sorted(m for m in imported if m.split(".")[0] in ("flask", "werkzeug", "waitress", "jinja2") or m.startswith("giaoban_qa.web"))
    assert web == []


def _spooled_by_waitress(monkeypatch, options: dict) -> list[str]:
    """POST 1.5 MB of pasted text to a real waitress server and list the temporary files
    its buffers asked for."""
    import urllib.request

    import waitress.buffers

    from serve_helpers import start_server

    spooled: list[str] = []
    real_newfile = waitress.buffers.TempfileBasedBuffer.newfile

    def newfile(self):
        spooled.append("tempfile")
        return real_newfile(self)

    monkeypatch.setattr(waitress.buffers.TempfileBasedBuffer, "newfile", newfile)
    monkeypatch.setattr(roundtrip, "check_upload", lambda upload, config: roundtrip.RunResult())
    url, stop = start_server(create_app(Config(), max_bytes=4 * 1024 * 1024), **options)
    try:
        body = "--B\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n" + "Ngày họp giao ban. " * 80000 + "\r\n--B--\r\n"
        request = urllib.request.Request(url + "api/export/json", data=body.encode(),
                                         headers={"Content-Type": "multipart/form-data; boundary=B"})
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.status == 200
    finally:
        stop()
    return spooled


def test_waitress_keeps_requests_in_memory(monkeypatch):
    from giaoban_qa.web.app import server_options

    assert _spooled_by_waitress(monkeypatch, server_options(4 * 1024 * 1024)) == []
    assert _spooled_by_waitress(monkeypatch, {}) != []  # waitress's defaults would spool it: the test can fail


def test_pdf_upload_is_read_and_a_scanned_one_is_refused(client):
    from pdf_helpers import reportlab_pdf, scanned_pdf

    answer = _check(client, file=(io.BytesIO(reportlab_pdf(BAD)), "báo cáo.pdf", "application/pdf"))
    expected = roundtrip.check_upload(roundtrip.Upload("pasted.txt", "txt", BAD.encode()), Config())
    assert sorted(r["r"] for r in answer["payload"]["findings"]) == sorted(f.rule for f in expected.findings)
    assert answer["kind"] == "pdf" and not answer["docx"]
    response = _post(client, "/api/check", file=(io.BytesIO(scanned_pdf()), "scan.pdf", "application/pdf"))
    error = response.get_json()["error"]
    assert response.status_code == 400 and "scan.pdf" in error and "\n" not in error
