"""How long the editor's page takes to check and show a 2 MB Word file.

    python benchmarks/bench_serve.py [--size-mb 2] [--repeat 3] [--corpus DIR]

Starts ``giaoban-qa serve``'s app on waitress (127.0.0.1, a free port), opens the page in
Debian's Chromium through Playwright and, for each document, times in the page itself the
whole round trip an editor waits for: from the file being chosen to the findings list and
the highlighted text on screen (upload, reading the .docx, every rule, the payload, the
report's renderer). The server-side parts are timed again in-process for a breakdown.

Two 2 MB documents, because what makes a Word file 2 MB matters:

* ``report+photos``: a long report as offices write them — about 40 pages of real text
  (articles of the corpus, formatted with headings, bold runs and a table, with our own
  planted errors) and photos (incompressible images) that bring the file to the size;
* ``text-only``: nothing but text up to the size (distinct articles of the pool, so that it
  compresses like real prose), over a thousand pages; its time is the checker's throughput
  on that much text, which the page cannot shorten.

The documents are written to a temporary folder and chosen from disk, as an editor does
(handing Playwright the bytes instead would time its own copy of them into the browser).

The corpus text is read from ../shared at run time and never written into the project.
"""

from __future__ import annotations

import argparse
import glob
import io
import os
import random
import shutil
import statistics
import struct
import sys
import tempfile
import threading
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = Path(os.environ.get("GIAOBAN_QA_SHARED", ROOT.parent / "shared"))
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", "--disable-sync"]
# Our own sentences with planted errors, one block every few pages.
PLANTED = [
    "Ngày 02 tháng 11 năm 2020, Thường trực Huyện ủy tổ chức hội nghị giao ban.",
    "Thực hiện Báo cáo số 369/BC-UBND, ngày 30 tháng 11 năm 2020 của UBND huyện.",
    "Tình hình dịch Covid 19 trên địa bàn được kiểm soát; các ngành cần đầy mạnh cải cách hành chính.",
]


def noise_png(width: int, height: int, rng: random.Random) -> bytes:
    """An RGB PNG of random pixels: a stand-in for a photo (it does not compress)."""
    raw = b"".join(b"\x00" + rng.randbytes(width * 3) for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b"")


def corpus_paragraphs(corpus: Path) -> list[str]:
    paragraphs = []
    for path in sorted(glob.glob(str(corpus / "*.txt"))):
        paragraphs += [line.strip() for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    if not paragraphs:
        raise SystemExit(f"no .txt articles in {corpus}")
    return paragraphs


def pool_paragraphs(limit_chars: int) -> list[str] | None:
    """Distinct real paragraphs from the pool (all articles, file order), enough for a
    text-only document that does not repeat itself; None when the pool is absent."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from pool import iter_articles, pool_path

    if pool_path() is None:
        return None
    out, chars = [], 0
    for article in iter_articles():
        for line in article["text"].splitlines():
            if line.strip():
                out.append(line.strip())
                chars += len(line)
        if chars >= limit_chars:
            break
    return out


def build_docx(paragraphs: list[str], size: int, text_chars: int | None, seed: int = 13) -> tuple[bytes, int]:
    """A .docx of about ``size`` bytes: ``text_chars`` characters of text (all text when
    None), the rest photos. Returns the bytes and the number of text characters."""
    import docx
    from docx.shared import Cm

    rng = random.Random(seed)
    document = docx.Document()
    document.add_heading("BÁO CÁO TỔNG HỢP (tài liệu đo tốc độ)", level=1)
    chars, i = 0, 0

    def add_text_block() -> None:
        nonlocal chars, i
        if i % 60 == 0:
            document.add_heading(f"Phần {i // 60 + 1}", level=2)
            for line in PLANTED:
                document.add_paragraph(line)
                chars += len(line)
        para = paragraphs[i % len(paragraphs)]
        p = document.add_paragraph()
        cut = min(len(para), 40)
        p.add_run(para[:cut]).bold = True
        p.add_run(para[cut:])
        chars += len(para)
        if i % 200 == 199:
            table = document.add_table(rows=2, cols=3)
            for r in range(2):
                for c in range(3):
                    table.cell(r, c).text = f"Chỉ tiêu {r}.{c}: {rng.randint(10, 999)} hồ sơ"
                    chars += 20
        i += 1

    def current_size() -> int:
        out = io.BytesIO()
        document.save(out)
        return out.tell()

    if text_chars is None:
        while True:
            for _ in range(400):
                add_text_block()
            if current_size() >= size:
                break
    else:
        while chars < text_chars:
            add_text_block()
        while current_size() < size:
            remaining = size - current_size()
            side = max(64, min(420, int((remaining / 3) ** 0.5)))
            document.add_picture(io.BytesIO(noise_png(side, side, rng)), width=Cm(8))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), chars


def breakdown(data: bytes) -> dict[str, float]:
    """Server-side parts, in process: reading the .docx, checking, the page's payload."""
    from giaoban_qa.config import Config
    from giaoban_qa.engine import check_source, selected_rules
    from giaoban_qa.loaders import load_bytes
    from giaoban_qa.reporters.html import build_payload
    from giaoban_qa.web import roundtrip

    config = Config(max_size=64 * 1024 * 1024)
    # Warm: rule packs and patterns load on first use, as they have in the server by now.
    roundtrip.check_upload(roundtrip.Upload("warm.txt", "txt", "Ngày 02 tháng 11 năm 2020, hội nghị giao ban.".encode()), config)
    t0 = time.perf_counter()
    source = load_bytes(data, "bench.docx", "docx", max_bytes=config.max_size)
    t1 = time.perf_counter()
    check_source(source, selected_rules(config), config)
    t2 = time.perf_counter()
    result = roundtrip.check_upload(roundtrip.Upload("bench.docx", "docx", data), config)
    t3 = time.perf_counter()  # the payload is timed on its own below; this check was timed above
    payload = build_payload(result, "vi")
    roundtrip.fixable_flags(result.findings)
    import json

    json.dumps(payload, ensure_ascii=False)
    t4 = time.perf_counter()
    return {"read_docx": t1 - t0, "check": t2 - t1, "payload": t4 - t3, "findings": len(result.findings),
            "chars": len(source.text)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=2.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "real")
    parser.add_argument("--report-chars", type=int, default=100_000, help="text of the report+photos document")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds to wait for one document on the page")
    args = parser.parse_args()

    import waitress
    from playwright.sync_api import sync_playwright

    from giaoban_qa.config import Config
    from giaoban_qa.web.app import create_app, server_options

    executable = next((p for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if Path(p).exists()), None)
    if executable is None:
        raise SystemExit("needs Chromium (.ci/setup-browser installs it)")
    size = int(args.size_mb * 1024 * 1024)
    paragraphs = corpus_paragraphs(args.corpus)
    # Text that repeats compresses far better than real prose and packs more characters
    # into the size: the text-only document is made of distinct pool articles when the pool
    # is here (the corpus repeated otherwise, and the output says which).
    distinct = pool_paragraphs(12 * size)
    documents = {
        "report+photos": build_docx(paragraphs, size, args.report_chars),
        "text-only" + (" (distinct pool articles)" if distinct else " (corpus repeated)"): build_docx(distinct or paragraphs, size, None),
    }
    max_bytes = 64 * 1024 * 1024
    # A 2 MB Word file of text unpacks to more than the default 20 MiB (the zip-bomb guard).
    server = waitress.create_server(create_app(Config(max_size=max_bytes), max_bytes=max_bytes), host="127.0.0.1", port=0, threads=2,
                                    **server_options(max_bytes))
    threading.Thread(target=server.run, daemon=True).start()
    url = f"http://127.0.0.1:{server.effective_port}/"
    print(f"cpu: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at the start; server {url}")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=LAUNCH_ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(url)
        page.wait_for_function("window.__giaobanEditorReady !== undefined")
        # The clock starts when the page learns of the file (the input's change event, seen
        # first by a capturing listener on the document), as when an editor picks it.
        page.evaluate("document.addEventListener('change', () => { window.__t0 = performance.now(); }, true)")
        folder = Path(tempfile.mkdtemp(prefix="bench-serve-"))
        for name, (data, chars) in documents.items():
            parts = breakdown(data)
            print(f"{name}: in process: read .docx {parts['read_docx']:.2f} s, check {parts['check']:.2f} s "
                  f"({parts['chars']:,} characters)", flush=True)
            times, answered = [], []
            for k in range(args.repeat):
                path = folder / f"{name}-{k}.docx"  # picked from disk: no copy through the test driver
                path.write_bytes(data)
                before = page.evaluate("document.documentElement.dataset.answered || ''")
                page.set_input_files("#file", str(path))
                page.wait_for_function("b => (document.documentElement.dataset.answered || '') !== b", arg=before,
                                       timeout=args.timeout * 1000)
                # On screen: rows listed and the first finding's document highlighted.
                page.wait_for_function("document.querySelectorAll('#rows tr[data-i]').length > 0 && document.querySelector('#doc mark.current') !== null")
                times.append(page.evaluate("(performance.now() - window.__t0) / 1000"))
                answered.append(page.evaluate("""() => {
                    const e = performance.getEntriesByType('resource').filter(r => r.name.endsWith('/api/check')).pop();
                    return (e.responseEnd - window.__t0) / 1000; }"""))
                page.evaluate("performance.clearResourceTimings()")
                if "bad" in (page.get_attribute("#status", "class") or ""):
                    raise SystemExit(page.text_content("#status"))
            print(f"{name}: {len(data) / 1024 / 1024:.2f} MiB .docx, {parts['chars']:,} characters of text, "
                  f"{parts['findings']} findings")
            print(f"  chosen -> highlighted on screen: median {statistics.median(times):.2f} s "
                  f"(runs: {', '.join(f'{t:.2f}' for t in times)}); the server's answer arrived after "
                  f"{statistics.median(answered):.2f} s")
            print(f"  in process: read .docx {parts['read_docx']:.2f} s, check {parts['check']:.2f} s, "
                  f"payload {parts['payload']:.2f} s; load average now {os.getloadavg()[0]:.2f}")
        browser.close()
    server.close()
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
