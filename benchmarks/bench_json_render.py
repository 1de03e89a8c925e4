"""CPU time of writing the JSON and SARIF reports (issue 15): ``json.dumps(indent=2)`` (the
standard library's pure-Python indenting encoder) against ``reporters.indented.dumps``,
and the streamed JSON report (``render_chunks``) over a plain result and over an audit's
spilled file entries.

One ``check`` of the corpus (``../shared/corpus/real`` and ``../shared/seeds``, or
``examples/`` without them) gives the result; its file entries and findings are repeated
``--copies`` times to make a big report. Times are CPU (``time.process_time``), min and
median of ``--runs``, the two writers alternated in one process; every text is compared
with ``json.dumps``'s (the script stops if one differs). ``--tree DIR`` also times
``render_chunks`` with DIR/src's reporters (e.g. ``/work/main``) in a subprocess, on the
same input, for a before/after of the streamed path.

    python benchmarks/bench_json_render.py [--copies 10] [--runs 9] [--tree /work/main]
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(copies: int):
    from giaoban_qa.config import Config
    from giaoban_qa.engine import RunResult, run_check

    shared = ROOT.parent / "shared"
    paths = [str(p) for p in (shared / "corpus" / "real", shared / "seeds") if p.is_dir()] or [str(ROOT / "examples")]
    one = run_check(paths, Config())
    # Sorted by path, as every run's entries are (a spilled audit's too).
    return RunResult(files=sorted(list(one.files) * copies, key=lambda f: f.path), findings=list(one.findings) * copies,
                     suppressed=list(one.suppressed) * copies, baselined=one.baselined), paths


def spilled(result):
    """The same result with its file entries spilled as an audit keeps them."""
    from giaoban_qa.archive.audit import SpilledFiles
    from giaoban_qa.engine import RunResult

    files = SpilledFiles([f.path for f in result.files], hold=0)
    for i, f in enumerate(result.files):
        files.add(i, {"kind": f.kind, "coverage": f.coverage, "checks": f.checks, "error": f.error})
    files.sort()
    return RunResult(files=files, findings=result.findings, suppressed=result.suppressed, baselined=result.baselined)


def cpu(fn, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return times


def figures(times: list[float]) -> str:
    return f"min {min(times) * 1000:7.1f} ms  median {statistics.median(times) * 1000:7.1f} ms"


def chunk_times(result, runs: int) -> dict[str, list[float]]:
    from giaoban_qa.reporters.json_report import render_chunks

    plain, spill = [], []
    spilled_result = spilled(result)
    for _ in range(runs):
        plain += cpu(lambda: "".join(render_chunks(result)), 1)
        spill += cpu(lambda: "".join(render_chunks(spilled_result)), 1)
    return {"plain": plain, "spilled": spill}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--tree", help="another checkout whose render_chunks to time on the same input")
    ap.add_argument("--child", help=argparse.SUPPRESS)  # a pickled result, timed under --tree's src
    args = ap.parse_args()
    if args.child:
        result = pickle.loads(Path(args.child).read_bytes())
        print(json.dumps(chunk_times(result, args.runs)))
        return

    from giaoban_qa.reporters import json_report, sarif
    from giaoban_qa.reporters.indented import dumps

    result, paths = build(args.copies)
    print(f"input: {', '.join(paths)} x{args.copies}: {len(result.files)} file entries, {len(result.findings)} findings")
    for name, value in (("json", json_report.as_dict(result)), ("sarif", sarif.as_dict(result))):
        reference = json.dumps(value, ensure_ascii=False, indent=2)
        if dumps(value) != reference:
            sys.exit(f"{name}: indented.dumps differs from json.dumps(indent=2)")
        before, after = [], []
        for _ in range(args.runs):  # alternated: A B A B
            before += cpu(lambda: json.dumps(value, ensure_ascii=False, indent=2), 1)
            after += cpu(lambda: dumps(value), 1)
        print(f"{name:5s} ({len(reference) / 1e6:.1f} MB)  json.dumps(indent=2): {figures(before)}   indented.dumps: {figures(after)}"
              f"   ratio (medians) {statistics.median(before) / statistics.median(after):.2f}x")
    text = "".join(json_report.render_chunks(result))
    if text != json_report.render(result) or text != json.dumps(json_report.as_dict(result), ensure_ascii=False, indent=2) + "\n":
        sys.exit("render_chunks differs from render / json.dumps")
    if "".join(json_report.render_chunks(spilled(result))) != text:
        sys.exit("render_chunks over spilled entries differs")
    mine = chunk_times(result, args.runs)
    for kind, times in mine.items():
        print(f"render_chunks ({kind:7s}) this tree: {figures(times)}")
    if args.tree:
        with tempfile.NamedTemporaryFile(suffix=".pkl", delete=False) as fh:
            pickle.dump(result, fh)
        try:
            env = {**os.environ, "PYTHONPATH": str(Path(args.tree) / "src")}
            out = subprocess.run([sys.executable, __file__, "--child", fh.name, "--runs", str(args.runs)],
                                 env=env, capture_output=True, text=True, check=True).stdout
        finally:
            os.unlink(fh.name)
        theirs = json.loads(out)
        for kind, times in theirs.items():
            print(f"render_chunks ({kind:7s}) {args.tree}: {figures(times)}   ratio (medians) "
                  f"{statistics.median(times) / statistics.median(mine[kind]):.2f}x")


if __name__ == "__main__":
    main()
