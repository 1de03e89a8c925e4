"""The editor's page end to end in a real headless Chromium: the app served by waitress on
127.0.0.1 on a free port, a Word file with planted errors uploaded through the file input,
one suggestion accepted and one finding dismissed in the page, and the downloads checked;
hostile file names and contents run nothing; the page is usable 1024 px wide.

Skips like test_html_browser.py: only when no Chromium can be found (a failure on CI).
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("flask")
pytest.importorskip("waitress")

from giaoban_qa.config import Config
from giaoban_qa.review import load_review
from giaoban_qa.web import roundtrip
from giaoban_qa.web.app import create_app, server_options

from serve_helpers import TYPO, TYPO_FIX, planted_docx, start_server
from test_html_browser import HOSTILE_HTML, HOSTILE_MD, _injection_state, chromium

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SCREENSHOT = Path(os.environ.get("GIAOBAN_QA_SERVE_SCREENSHOT", "/tmp/giaoban-qa-serve.png"))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def server():
    app = create_app(Config(), allowed_hosts={"127.0.0.1", "localhost", "::1"})
    url, stop = start_server(app, **server_options(Config().max_size))
    yield url
    stop()


@pytest.fixture(scope="module")
def browser():
    yield from chromium()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1024, "height": 768}, accept_downloads=True)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("dialog", lambda d: (errors.append("dialog: " + d.message), d.dismiss()))
    pg.goto(server)
    pg.wait_for_function("window.__giaobanEditorReady !== undefined", timeout=15000)
    pg.errors = errors  # type: ignore[attr-defined]
    yield pg
    assert errors == []
    context.close()


def _upload(pg, name: str, data: bytes, mime: str = "application/octet-stream") -> None:
    before = pg.evaluate("document.documentElement.dataset.answered || ''")
    pg.set_input_files("#file", files=[{"name": name, "mimeType": mime, "buffer": data}])
    pg.wait_for_function("b => (document.documentElement.dataset.answered || '') !== b", arg=before, timeout=20000)


def _select_rule(pg, rule: str, nth: int = 0) -> None:
    pg.click(f"#rows tr[data-i]:has(td.rule:text-is('{rule}')) >> nth={nth}")


def _download(pg, selector: str) -> Path:
    with pg.expect_download(timeout=20000) as info:
        pg.click(selector)
    return Path(info.value.path())


def test_docx_round_trip_accept_dismiss_download(page):
    data = planted_docx()
    _upload(page, "Kết luận giao ban.docx", data, DOCX_MIME)
    expected = roundtrip.check_upload(roundtrip.make_upload(data, "k.docx", None, 10**8), Config())
    assert page.eval_on_selector_all("#rows tr[data-i]", "rows => rows.length") == len(expected.findings) == 5
    assert "Kết luận giao ban.docx" in page.text_content("#status")
    # Every finding highlighted in the text, with the report's renderer.
    assert page.eval_on_selector_all("#doc mark", "m => m.length") >= 5
    assert "Covid 19" in page.text_content("#doc")

    _select_rule(page, "text.typo")
    assert page.text_content("#detail .sugg") == TYPO_FIX and TYPO in page.text_content("#detail .quote")
    page.click("#detail #accept")
    assert page.is_visible("#detail .accepted-badge")
    _select_rule(page, "citation.dated-after-meeting")
    assert "30/11/2020" in page.text_content("#detail .ev") or "2020-11-30" in page.text_content("#detail .ev")
    page.click("#detail button[data-status=dismissed]")
    assert page.text_content("#rev-dismissed") == "1" and page.text_content("#rev-confirmed") == "1"

    review = load_review(_download(page, "#export").rename(Path("/tmp") / "giaoban-serve-test.review.json"))
    by_rule = {e["rule"]: e for e in review.values()}
    assert by_rule["text.typo"]["status"] == "confirmed" and by_rule["text.typo"]["fix"] == "accepted"
    assert by_rule["citation.dated-after-meeting"]["status"] == "dismissed"

    corrected = _download(page, "#dl-txt").read_text(encoding="utf-8")
    assert TYPO_FIX in corrected and TYPO not in corrected and "Covid 19" in corrected  # only the accepted one

    annotated = _download(page, "#dl-docx").read_bytes()
    _check_annotated(annotated, expected, review)

    report = _download(page, "#dl-html").read_text(encoding="utf-8")
    assert "giaoban-qa" in report and "Content-Security-Policy" in report
    data_json = json.loads(_download(page, "#dl-json").read_text(encoding="utf-8"))
    assert data_json["summary"]["findings"] == 5 and len(data_json["review"]["findings"]) == 2


def _check_annotated(annotated: bytes, expected, review: dict) -> None:
    """Comments on every finding but the dismissed one, anchored on its excerpt; one tracked
    change (deletion + insertion by giaoban-qa) for the accepted suggestion only."""
    import docx
    from lxml import etree

    dismissed = {fp for fp, e in review.items() if e["status"] == "dismissed"}
    kept = [f for f in expected.findings if f.fingerprint not in dismissed]
    document = docx.Document(io.BytesIO(annotated))
    comments = list(document.comments)
    assert len(comments) == len(kept) == 4
    assert all(c.author == "giaoban-qa" for c in comments)
    assert not any("369/BC-UBND" in c.text and "30/11/2020" in c.text for c in comments)
    with zipfile.ZipFile(io.BytesIO(annotated)) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    inserted = body.findall(f".//{W}ins")
    deleted = body.findall(f".//{W}del")
    assert len(inserted) >= 1 and len(deleted) >= 1
    assert {i.get(f"{W}author") for i in inserted + deleted} == {"giaoban-qa"}
    ins_text = "".join(t.text or "" for i in inserted for t in i.iter(f"{W}t"))
    del_text = "".join(t.text or "" for d in deleted for t in d.iter(f"{W}delText"))
    assert ins_text.replace(" ", "") == TYPO_FIX.replace(" ", "") or TYPO_FIX in ins_text
    assert TYPO.replace(" ", "") in del_text.replace(" ", "")
    assert "Covid-19" not in ins_text and "OCOP" not in ins_text  # not accepted: comment only
    # Accepting every tracked change in Word leaves a file where only the accepted fix is gone.
    from giaoban_qa.annotate import accept_all_changes

    after = roundtrip.check_upload(roundtrip.Upload("after.docx", "docx", accept_all_changes(annotated)), Config())
    assert sorted(f.rule for f in after.findings) == sorted(f.rule for f in expected.findings if f.rule != "text.typo")


def test_hostile_names_and_contents_run_nothing(page):
    _upload(page, "<img src=x onerror=window.__pwned=1>.md", HOSTILE_MD.encode("utf-8"), "text/markdown")
    assert page.text_content("#fname") == "<img src=x onerror=window.__pwned=1>.md"
    assert "<script>document.title='PWNED-1';window.__pwned=1</script>" in page.text_content("#doc")
    state = _injection_state(page)
    assert state["pwned"] is None and "PWNED" not in state["title"] and state["imgs"] == 0
    assert state["handlers"] == 0 and state["jsLinks"] == 0 and state["scripts"] == 2
    _upload(page, "<svg onload=window.__pwned=2>.html", HOSTILE_HTML.encode("utf-8"), "text/html")
    assert "<script>window.__pwned=8" in page.text_content("#doc")
    # A Word file whose text is markup, under a name that is markup.
    import docx

    word = docx.Document()
    for line in HOSTILE_MD.splitlines():
        word.add_paragraph(line)
    buffer = io.BytesIO()
    word.save(buffer)
    _upload(page, "<svg onload=window.__pwned=13>.docx", buffer.getvalue(), DOCX_MIME)
    assert "<img src=x onerror=\"window.__pwned=2\">" in page.text_content("#doc")
    assert page.text_content("#fname") == "<svg onload=window.__pwned=13>.docx"
    state = _injection_state(page)
    assert state["pwned"] is None and state["imgs"] == 0 and state["handlers"] == 0 and state["svgs"] == 0
    # Pasted text is data too.
    page.fill("#paste", HOSTILE_MD)
    before = page.evaluate("document.documentElement.dataset.answered")
    page.click("#run")
    page.wait_for_function("b => document.documentElement.dataset.answered !== b", arg=before, timeout=20000)
    assert "pasted.txt" in page.text_content("#status")
    page.click("#rows tr[data-i] >> nth=0")
    state = _injection_state(page)
    assert state["pwned"] is None and state["imgs"] == 0 and state["handlers"] == 0 and state["jsLinks"] == 0
    assert state["scripts"] == 2 and "PWNED" not in state["title"]
    # A download named after a hostile file still runs nothing and has a harmless name.
    name = _download(page, "#dl-json").name
    assert page.evaluate("window.__pwned === undefined")
    assert name


def test_errors_are_one_line_on_the_page(page):
    _upload(page, "bao-cao.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old Word", "application/msword")
    status = page.text_content("#status")
    # In the page's language (Vietnamese by default), as the page's own labels.
    assert "lưu thành .docx" in status and page.evaluate("document.getElementById('status').classList.contains('bad')")


def test_usable_at_1024_px(page):
    _upload(page, "Kết luận giao ban.docx", planted_docx(), DOCX_MIME)
    _select_rule(page, "text.typo")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 1024, f"the page scrolls sideways at 1024 px ({width} px)"
    for selector in ("#run", "#paste", "#file", "#dl-txt", "#dl-json", "#rows tr[data-i]", "#doc mark", "#detail .sugg",
                     "#detail button[data-status=dismissed]"):
        box = page.locator(selector).first.bounding_box()
        assert box and box["width"] > 0 and box["x"] >= 0 and box["x"] + box["width"] <= 1024, selector
    for selector in ("#run", "#rows tr[data-i]", "#doc mark"):
        box = page.locator(selector).first.bounding_box()
        assert box["y"] + box["height"] <= 768, f"{selector} is below the first screen"
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10000


def test_a_dropped_file_is_checked(page):
    before = page.evaluate("document.documentElement.dataset.answered || ''")
    text = "Ngày 02 tháng 11 năm 2020, Thường trực Huyện ủy tổ chức hội nghị giao ban.\nCác ngành cần đầy mạnh cải cách hành chính.\n"
    page.evaluate("""t => {
        const dt = new DataTransfer();
        dt.items.add(new File([t], 'thả vào.txt', { type: 'text/plain' }));
        document.getElementById('drop').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }""", text)
    page.wait_for_function("b => (document.documentElement.dataset.answered || '') !== b", arg=before, timeout=20000)
    assert page.text_content("#fname") == "thả vào.txt" and "thả vào.txt" in page.text_content("#status")
    assert page.eval_on_selector_all("#rows tr[data-i]", "rows => rows.map(r => r.querySelector('td.rule').textContent)") == ["text.typo"]


def test_a_long_text_is_laid_out_in_blocks_and_findings_stay_reachable(page):
    """Hundreds of pages: the report's renderer splits the text into blocks the browser lays
    out only when seen; the text is unchanged and a finding at the very end is scrolled to."""
    filler = "Các xã tiếp tục rà soát hồ sơ, cập nhật số liệu và báo cáo kết quả về huyện đúng hạn.\n"
    text = "Ngày 02 tháng 11 năm 2020, Thường trực Huyện ủy tổ chức hội nghị giao ban.\n" + filler * 3000 + \
        "Các ngành cần đầy mạnh cải cách hành chính.\n"
    _upload(page, "dài.txt", text.encode("utf-8"), "text/plain")
    assert page.evaluate("document.querySelectorAll('#doc .block').length") >= len(text) // 20000
    assert page.evaluate("document.getElementById('doc').textContent") == text
    _select_rule(page, "text.typo")
    page.wait_for_timeout(200)
    mark, pane = page.evaluate("""() => [document.querySelector('#doc mark.current').getBoundingClientRect().toJSON(),
                                          document.getElementById('doc').getBoundingClientRect().toJSON()]""")
    assert pane["top"] <= mark["top"] and mark["bottom"] <= pane["bottom"], (mark, pane)
    assert page.text_content("#doc mark.current") == "đầy mạnh"


def test_accept_every_safe_suggestion_at_once(page):
    _upload(page, "Kết luận giao ban.docx", planted_docx(), DOCX_MIME)
    # One safe finding dismissed first: "accept every safe suggestion" leaves it alone.
    _select_rule(page, "date.malformed")
    page.click("#detail button[data-status=dismissed]")
    assert page.text_content("#accept-safe").endswith("(3)")
    page.click("#accept-safe")
    assert page.text_content("#accepted-count").startswith("3") and page.is_disabled("#accept-safe")
    corrected = _download(page, "#dl-txt").read_text(encoding="utf-8")
    assert "Covid-19" in corrected and "OCOP." in corrected and TYPO_FIX in corrected
    assert "23/112020" in corrected and "ngày 30 tháng 11 năm 2020" in corrected  # dismissed; advice only
    assert page.text_content("#status").startswith("Đã áp dụng 3")
