"""Fuzz the command line with hostile and careless input, in-process and through real
processes, and count what must never happen.

    python benchmarks/fuzz.py [--count 10000] [--seed 17] [--subprocess 60] [--timeout 10]

Inputs (seeded, so a run is repeatable): random bytes, random Unicode (controls, NBSP,
U+2028, combining marks, bidi overrides, astral characters), byte flips of real files (the
bundled examples, and ../shared/seeds when present — read, never copied), token soups of
Vietnamese report words and separators, .docx packages with flipped bytes, hostile file
names (ESC sequences, bytes that are not UTF-8), hand-written PDFs with flipped bytes, cut
short or lying about their page count, and hostile configurations (wrong types,
unknown keys, infinities, deep nesting). Each input is checked with one of the output
formats, in this process through ``giaoban_qa.cli.main``; every ``--subprocess``-th input
also through ``python -m giaoban_qa``.

Counted: tracebacks (an exception escaping ``main``, or "Traceback" on stderr), hangs (one
run over ``--timeout`` seconds), bad exit codes (not 0, 1 or 2), output that is not valid
UTF-8 or does not parse in its format. The last line gives the totals; exit 1 unless all
of those are 0.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

WORDS = (
    "ngày tháng năm quý số Số sáng chiều thứ hai chủ nhật lũy kế đầu năm 6 tháng Nghị quyết Chỉ thị Báo cáo "
    "Kế hoạch Quyết định của về đồng chí ông bà Bí thư Chủ tịch Phó UBND HĐND Huyện ủy huyện xã tỉnh Nguyễn Văn "
    "Trần Thị tỷ triệu nghìn đồng ha tấn % tăng giảm bằng đạt so với cùng kỳ kế hoạch trên tổng số kỷ niệm "
    "Covid 19 đầy mạnh đã tổ chức giao ban khóa XIV lần thứ nhiệm kỳ 2020-2025 NQ/TU BC-UBND TB-VPTU"
).split()
SEPARATORS = [" ", "  ", ", ", ". ", "\n", "\n\n", "\r\n", "\t", "/", "-", "–", ":", ";", "(", ")", "\u00a0", "\u2028", "\x1b[2K"]
NUMBERS = ["1", "12", "31", "2020", "1/1", "31/4/2020", "12/13/2020", "3-4/7", "1.000", "57,34", "20-NQ/TU", "118/BC-UBND", "09:00"]
UNICODE_RANGES = [(0x1, 0x1F), (0x20, 0x7E), (0x80, 0x9F), (0xA0, 0x24F), (0x300, 0x36F), (0x1EA0, 0x1EF9),
                  (0x2000, 0x206F), (0x202A, 0x202E), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0x1F300, 0x1F64F)]
FORMATS = ["json", "sarif", "junit", "concise", "rich", "text", "html"]
CONFIGS = [
    '[tool.giaoban-qa]\nselect = ["ALL"]\n',
    '[tool.giaoban-qa]\nselect = 5\n',
    '[tool.giaoban-qa]\nmax-size = inf\n',
    '[tool.giaoban-qa]\nmax-size = -1\n',
    '[tool.giaoban-qa]\nfail-on = ["x"]\n',
    '[tool.giaoban-qa]\nlang = 1\n',
    '[tool.giaoban-qa]\nnope = 1\n',
    '[tool]\ngiaoban-qa = "x"\n',
    'tool = {giaoban-qa = [1, 2]}\n',
    'tool = 3\n',
    '[tool.giaoban-qa.options."period.cited-report-late"]\nmax_days = "sixty"\n',
    '[tool.giaoban-qa.options."period.cited-report-late"]\nmax_days = 1e999\n',
    '[tool.giaoban-qa.options."period.cited-report-late"]\nmax_days = 30\n',
    '[tool.giaoban-qa.severity]\n"date.impossible" = "warning"\n',
    '[tool.giaoban-qa.severity]\n"date.impossible" = 3\n',
    '[tool.giaoban-qa.per-file-ignores]\n"*" = "date"\n',
    '[tool.giaoban-qa]\nrules-dir = "nope"\n',
    '[tool.giaoban-qa]\nexclude = [1]\n',
    "[tool.giaoban-qa]\nx = " + "[" * 3000 + "]" * 3000 + "\n",
    "\xff\xfe garbage",
    "[tool.giaoban-qa\n",
]
NAMES = ["r.txt", "r.md", "r.html", "b\udce1o c\udce1o.txt", "x\x1b]0;t\x07.txt", "x\x1b[2K\r.md", " lead.txt", "-dash.txt",
         "đơn vị.txt", "a" * 200 + ".txt", "noext", "r.TXT", "r.docx"]


def real_files() -> list[bytes]:
    files = sorted((ROOT / "examples").glob("*.txt"))
    shared = Path(os.environ.get("GIAOBAN_QA_SHARED", ROOT.parent / "shared")) / "seeds"
    if shared.is_dir():
        files += sorted(shared.glob("*.txt"))
    return [p.read_bytes() for p in files]


def small_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Ngày 31/4/2020, Huyện ủy tổ chức giao ban về Covid 19.")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def small_pdf(rng: random.Random) -> bytes:
    """A one- or two-page PDF written by the tests' own hand-made writer (Helvetica, so the
    text is ASCII: report words without their marks), with a page count that may lie."""
    sys.path.insert(0, str(ROOT / "tests"))
    from pdf_helpers import raw_pdf, text_page

    ascii_words = [w for w in WORDS + NUMBERS if w.isascii()]
    pages = [text_page([" ".join(rng.choice(ascii_words) for _ in range(rng.randint(1, 12))) for _ in range(rng.randint(1, 6))])
             for _ in range(rng.randint(1, 2))]
    return raw_pdf(pages, declared_pages=rng.choice([None, None, 0, 10**9]))


def make_input(rng: random.Random, reals: list[bytes], docx_bytes: bytes) -> tuple[str, bytes, str]:
    """(family, file content, file name)."""
    family = rng.choice(["bytes", "unicode", "flip", "soup", "soup", "docx", "pdf", "names"])
    name = "r.txt"
    if family == "bytes":
        data = rng.randbytes(rng.randint(0, 3000))
        name = rng.choice(["r.txt", "r.html", "r.docx", "r.md"])
    elif family == "unicode":
        chars = []
        for _ in range(rng.randint(1, 800)):
            lo, hi = rng.choice(UNICODE_RANGES[1:]) if rng.random() < 0.97 else UNICODE_RANGES[0]
            chars.append(chr(rng.randint(lo, hi)))
        data = "".join(chars).encode("utf-8")
        name = rng.choice(["r.txt", "r.md", "r.html"])
    elif family == "flip":
        base = bytearray(rng.choice(reals)[: rng.randint(200, 6000)])
        for _ in range(rng.randint(1, 30)):
            if base:  # half the flips keep the text decodable, so the rules see it
                base[rng.randrange(len(base))] = rng.randrange(256) if rng.random() < 0.5 else rng.randrange(0x20, 0x7F)
        data = bytes(base)
    elif family == "soup":
        pieces = []
        for _ in range(rng.randint(1, 400)):
            pieces.append(rng.choice([rng.choice(WORDS), rng.choice(NUMBERS), rng.choice(SEPARATORS)]))
            if rng.random() < 0.7:
                pieces.append(" ")
        data = "".join(pieces).encode("utf-8")
        name = rng.choice(["r.txt", "r.md", "r.html"])
    elif family == "docx":
        base = bytearray(docx_bytes)
        for _ in range(rng.randint(0, 8)):
            base[rng.randrange(len(base))] = rng.randrange(256)
        data, name = bytes(base), "r.docx"
    elif family == "pdf":  # byte flips, or a file cut short (xref and trailer lost)
        base = bytearray(small_pdf(rng))
        if rng.random() < 0.2:
            base = base[: rng.randrange(1, len(base))]
        for _ in range(rng.randint(0, 8)):
            base[rng.randrange(len(base))] = rng.randrange(256)
        data, name = bytes(base), "r.pdf"
    else:  # hostile names
        data = ("BÁO CÁO\nNgày 31/4/2020, Huyện ủy tổ chức giao ban về Covid 19. \x1b]0;pwned\x07\n").encode("utf-8")
        name = rng.choice(NAMES)
    return family, data, name


@contextlib.contextmanager
def captured():
    """stdout/stderr as strict UTF-8 byte buffers (a surrogate written raises, as it would
    on a real UTF-8 terminal or pipe)."""
    out_b, err_b = io.BytesIO(), io.BytesIO()
    out = io.TextIOWrapper(out_b, encoding="utf-8", errors="strict", newline="", write_through=True)
    err = io.TextIOWrapper(err_b, encoding="utf-8", errors="backslashreplace", newline="", write_through=True)
    old = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    got: dict[str, bytes] = {}
    try:
        yield got
    finally:
        sys.stdout, sys.stderr = old
        got["out"], got["err"] = out_b.getvalue(), err_b.getvalue()
        out.detach()  # keeps the buffers open
        err.detach()


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang()


CONCISE = re.compile(r"^.+:\d+:\d+: \S+ .*$")


def parse_problem(fmt: str, data: bytes) -> str | None:
    """Why ``data`` is not valid output of ``fmt`` (None when it is)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"not UTF-8: {exc}"
    try:
        if fmt in ("json", "sarif"):
            json.loads(text)
        elif fmt == "junit":
            ET.fromstring(text)
        elif fmt == "concise":
            bad = [line for line in text.splitlines() if line and not CONCISE.match(line)]
            if bad:
                return f"concise line {bad[0][:80]!r}"
        elif fmt == "html":
            if "<html" not in text[:2000]:
                return "no <html>"
        if fmt in ("concise", "text") and "\x1b" in text:
            return "raw ESC in terminal output"
    except (ValueError, ET.ParseError) as exc:
        return f"does not parse: {exc}"
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--subprocess", type=int, default=200, help="every N-th input also through a real process (0: none)")
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    from giaoban_qa.cli import main as cli_main

    rng = random.Random(args.seed)
    reals = real_files()
    docx_bytes = small_docx()
    totals = {"inputs": 0, "in-process": 0, "subprocess": 0, "tracebacks": 0, "hangs": 0, "bad exit codes": 0, "unparseable outputs": 0}
    families: dict[str, int] = {}
    exits: dict[int, int] = {}
    problems: list[str] = []
    slowest = (0.0, "")
    signal.signal(signal.SIGALRM, _alarm)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    with tempfile.TemporaryDirectory(prefix="giaoban-qa-fuzz-") as tmp:
        for i in range(args.count):
            family, data, name = make_input(rng, reals, docx_bytes)
            fmt = rng.choice(FORMATS)
            case = Path(tmp) / f"c{i}"
            case.mkdir()
            path = os.path.join(str(case), name)
            with open(os.fsencode(path), "wb") as fh:
                fh.write(data)
            if rng.random() < 0.15:
                (case / "pyproject.toml").write_text(rng.choice(CONFIGS), encoding="utf-8", errors="surrogateescape")
            argv = ["check", path, "-f", fmt]
            output = None
            if fmt == "html" or rng.random() < 0.2:
                output = str(case / f"out.{fmt}")
                argv += ["-o", output]
            if rng.random() < 0.3:
                argv.append(rng.choice(["--fail-on=never", "--lang=en", "--select=date", "--ignore=text", "--max-size=0.001", "--statistics"]))
            totals["inputs"] += 1
            families[family] = families.get(family, 0) + 1
            started = time.perf_counter()
            signal.setitimer(signal.ITIMER_REAL, args.timeout)
            code = None
            got: dict[str, bytes] = {"out": b"", "err": b""}
            try:
                with captured() as got:
                    try:
                        code = cli_main(argv)
                    except SystemExit as exc:  # argparse
                        code = exc.code if isinstance(exc.code, int) else 2
            except Hang:
                totals["hangs"] += 1
                problems.append(f"hang: {argv}")
            except Exception as exc:  # noqa: BLE001 - this is what the fuzzer counts
                totals["tracebacks"] += 1
                problems.append(f"traceback {type(exc).__name__}: {exc} :: {family} {argv}")
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            elapsed = time.perf_counter() - started
            slowest = max(slowest, (elapsed, f"{family} {argv}"))
            totals["in-process"] += 1
            if code is not None:
                exits[code] = exits.get(code, 0) + 1
                if code not in (0, 1, 2):
                    totals["bad exit codes"] += 1
                    problems.append(f"exit {code}: {argv}")
                if b"Traceback" in got["err"]:
                    totals["tracebacks"] += 1
                    problems.append(f"Traceback on stderr: {argv}")
                result = Path(output).read_bytes() if output and code in (0, 1) and Path(output).exists() else got["out"]
                stats_json = "--statistics" in argv and fmt != "json"
                if code in (0, 1) and not stats_json:
                    problem = parse_problem(fmt, result)
                    if problem:
                        totals["unparseable outputs"] += 1
                        problems.append(f"{problem}: {family} {argv}")
            if args.subprocess and i % args.subprocess == 0:
                totals["subprocess"] += 1
                try:
                    proc = subprocess.run([sys.executable, "-m", "giaoban_qa", *argv], capture_output=True, env=env, timeout=args.timeout + 20)
                    if b"Traceback" in proc.stderr:
                        totals["tracebacks"] += 1
                        problems.append(f"subprocess traceback: {argv}: {proc.stderr[-300:]!r}")
                    if proc.returncode not in (0, 1, 2):
                        totals["bad exit codes"] += 1
                        problems.append(f"subprocess exit {proc.returncode}: {argv}")
                    elif proc.returncode in (0, 1) and not output and "--statistics" not in argv:
                        problem = parse_problem(fmt, proc.stdout)
                        if problem:
                            totals["unparseable outputs"] += 1
                            problems.append(f"subprocess {problem}: {argv}")
                except subprocess.TimeoutExpired:
                    totals["hangs"] += 1
                    problems.append(f"subprocess hang: {argv}")
            if args.verbose and i % 500 == 0:
                print(f"{i} {totals}", file=sys.stderr, flush=True)
    for p in problems[:30]:
        print(p)
    print(f"families: {dict(sorted(families.items()))}")
    print(f"exit codes: {dict(sorted(exits.items()))}")
    print(f"slowest in-process run: {slowest[0]:.2f} s ({slowest[1][:160]})")
    print("totals: " + ", ".join(f"{k} {v}" for k, v in totals.items()))
    bad = totals["tracebacks"] + totals["hangs"] + totals["bad exit codes"] + totals["unparseable outputs"]
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
