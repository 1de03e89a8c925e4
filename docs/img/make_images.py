"""Re-make the README's two pictures: the editor's page and an annotated Word file as
LibreOffice renders it.

    python docs/img/make_images.py

Builds the tests' Word report with planted errors (our own sentences), serves the editor's
page on 127.0.0.1, uploads the file in headless Chromium, accepts two suggestions,
dismisses one finding and takes a screenshot 1024 px wide (docs/img/serve.png); then
downloads the annotated .docx, converts it with ``soffice --headless`` to PDF (comments
as PDF annotations: LibreOffice 7.4 cannot yet put them in the margin) and the top of its
first page with ``pdftoppm`` to docs/img/annotated-libreoffice.png.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]
HERE = Path(__file__).parent
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", "--disable-sync"]
PDF_WITH_COMMENTS = 'pdf:writer_pdf_Export:{"ExportNotesInMargin":{"type":"boolean","value":"true"}}'


def main() -> None:
    from playwright.sync_api import sync_playwright

    from giaoban_qa.config import Config
    from giaoban_qa.web.app import create_app, server_options
    from serve_helpers import planted_docx, start_server

    work = Path(tempfile.mkdtemp(prefix="giaoban-img-"))
    source = work / "Kết luận giao ban tháng 11.docx"
    source.write_bytes(planted_docx())
    url, stop = start_server(create_app(Config()), **server_options(Config().max_size))
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=LAUNCH_ARGS)
            page = browser.new_page(viewport={"width": 1024, "height": 720}, accept_downloads=True)
            page.goto(url)
            page.wait_for_function("window.__giaobanEditorReady !== undefined")
            page.set_input_files("#file", str(source))
            page.wait_for_function("() => document.documentElement.dataset.answered")

            def pick(rule: str, nth: int = 0) -> None:
                page.click(f"#rows tr[data-i]:has(td.rule:text-is('{rule}')) >> nth={nth}")

            pick("text.typo"); page.click("#detail #accept")
            pick("text.term-variant"); page.click("#detail #accept")
            pick("citation.dated-after-meeting"); page.click("#detail button[data-status=dismissed]")
            pick("date.malformed")
            page.screenshot(path=str(HERE / "serve.png"))
            with page.expect_download() as info:
                page.click("#dl-docx")
            annotated = work / "annotated.docx"
            shutil.copy(info.value.path(), annotated)
            browser.close()
    finally:
        stop()
    subprocess.run(["soffice", "--headless", "--convert-to", PDF_WITH_COMMENTS, "--outdir", str(work), str(annotated)],
                   check=True, capture_output=True, timeout=180)
    # The top of page 1 (the document is short), at a readable resolution.
    subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-x", "90", "-y", "110", "-W", "780", "-H", "430",
                    "-singlefile", str(work / "annotated.pdf"),
                    str(HERE / "annotated-libreoffice")], check=True, timeout=60)
    shutil.rmtree(work, ignore_errors=True)
    print("wrote", HERE / "serve.png", "and", HERE / "annotated-libreoffice.png")


if __name__ == "__main__":
    main()
