"""Size and load time of the HTML report, measured in headless Chromium.

    python benchmarks/bench_html.py [--corpus DIR] [--synthetic FILES] [--repeat N]

Builds the report of a folder (default: ../shared/corpus/real), then opens it in Debian's
Chromium through Playwright and measures the time from navigation start until the page
has parsed its data and rendered the summary, the first page of findings and the first
document (``window.__giaobanReportReady``), plus the time of a text-search filter and of
opening another document. ``--synthetic N`` adds a stress run over N generated documents
that repeat every rule's documented example, so the report holds thousands of findings.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = Path(os.environ.get("GIAOBAN_QA_SHARED", ROOT.parent / "shared"))
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", "--disable-sync"]


def build_report(paths: list[str], out: Path) -> tuple[int, int, int, float]:
    from giaoban_qa.config import Config
    from giaoban_qa.engine import run_check
    from giaoban_qa.reporters import get_renderer, write_atomic

    result = run_check(paths, Config(), keep_documents=True)
    t0 = time.perf_counter()
    page = get_renderer("html")(result, lang="vi")
    render_s = time.perf_counter() - t0
    write_atomic(out, page)
    return len(result.files), len(result.findings), len(result.suppressed), render_s


def synthetic_folder(folder: Path, files: int) -> None:
    from giaoban_qa.rules import all_rules

    examples = [r.examples()[0] for r in all_rules().values() if r.examples()[0]]
    for i in range(files):
        # Ten numbered sections per file, each with every rule's failing example.
        body = "\n\n".join(f"Mục {k + 1}.\n" + "\n".join(examples) for k in range(10))
        (folder / f"doc-{i:04d}.txt").write_text(f"Tài liệu thử số {i}\n\n{body}\n", encoding="utf-8")


def measure(report: Path, repeat: int) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    executable = next((p for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if Path(p).exists()), None)
    if executable is None:
        raise SystemExit("needs Chromium (.ci/setup-browser installs it)")
    loads, readies, searches, opens = [], [], [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=LAUNCH_ARGS, headless=True)
        for _ in range(repeat):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            t0 = time.perf_counter()
            page.goto(report.as_uri(), wait_until="domcontentloaded")
            page.wait_for_function("window.__giaobanReportReady !== undefined", timeout=120000)
            loads.append(time.perf_counter() - t0)
            readies.append(page.evaluate("window.__giaobanReportReady") / 1000)
            searches.append(page.evaluate("""() => new Promise(done => {
                const q = document.getElementById('q'); const t0 = performance.now();
                q.value = 'ngày'; q.dispatchEvent(new Event('input'));
                // the search is debounced by 120 ms; measure until the list is rebuilt
                const obs = new MutationObserver(() => { obs.disconnect(); done((performance.now() - t0 - 120) / 1000); });
                obs.observe(document.getElementById('rows'), {childList: true});
                setTimeout(() => { obs.disconnect(); done(NaN); }, 5000);
            })"""))
            opens.append(page.evaluate("""() => {
                const sel = document.getElementById('f-file'); const opts = sel.options;
                const t0 = performance.now();
                sel.value = opts[opts.length - 1].value; sel.dispatchEvent(new Event('change'));
                return (performance.now() - t0) / 1000;
            }"""))
            page.close()
        browser.close()
    return {"load": statistics.median(loads), "ready": statistics.median(readies),
            "search": statistics.median(searches), "open_doc": statistics.median(opens)}


def report_line(label: str, report: Path, files: int, findings: int, suppressed: int, render_s: float, t: dict[str, float]) -> None:
    size = report.stat().st_size
    print(f"{label}: {files} files, {findings} findings ({suppressed} suppressed)")
    print(f"  report {size / 1e6:.2f} MB, rendered by Python in {render_s:.2f} s")
    print(f"  browser: navigation -> rendered {t['ready'] * 1000:.0f} ms (in-page), {t['load'] * 1000:.0f} ms wall;"
          f" search filter {t['search'] * 1000:.0f} ms; open a document {t['open_doc'] * 1000:.0f} ms (medians)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "real")
    parser.add_argument("--synthetic", type=int, default=0, metavar="FILES", help="also a stress run over FILES generated documents")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "giaoban-qa-bench")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.corpus.is_dir():
        report = args.out / "corpus.html"
        counts = build_report([str(args.corpus)], report)
        report_line(f"corpus {args.corpus}", report, *counts, measure(report, args.repeat))
    else:
        print(f"no corpus at {args.corpus} (skipped)", file=sys.stderr)
    if args.synthetic:
        with tempfile.TemporaryDirectory() as tmp:
            synthetic_folder(Path(tmp), args.synthetic)
            report = args.out / "synthetic.html"
            counts = build_report([tmp], report)
        report_line(f"synthetic ({args.synthetic} generated documents)", report, *counts, measure(report, args.repeat))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
