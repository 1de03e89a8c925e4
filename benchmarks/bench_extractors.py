"""CPU time of each extractor the rules read, on its own, over a corpus.

    python benchmarks/bench_extractors.py [--corpus DIR] [--repeat N]
    python benchmarks/bench_extractors.py --compare-src /path/to/other/checkout [--rounds 3]

Runs ``check`` once over the corpus (default ../shared/corpus/real) keeping the documents,
so every fact an extractor reads from another is cached, then times each extractor called
directly on every document (its own work only, no profiler), best of ``--repeat`` passes.
``--compare-src`` runs this script on another checkout's ``src`` and on this one, in
alternating fresh processes (A B A B …), and prints the median of each side and the ratio.
CPU time (``process_time``), so other jobs on the machine weigh little; the garbage
collector is off while a pass is timed (its full collections would fall on one extractor
or another by chance).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GIAOBAN_QA_SHARED", ROOT.parent / "shared"))

# (label, module, attribute): the extractors of dates, citations, people and periods that
# ``check`` runs, plus organisations (read by the facts table only).
EXTRACTORS = (
    ("dates.find_dates", "dates", "find_dates"),
    ("dates.dates", "dates", "dates"),
    ("dates.event_date", "dates", "event_date"),
    ("citations.citations", "citations", "citations"),
    ("people._extract_people", "people", "_extract_people"),
    ("people._extract_places", "people", "_extract_places"),
    ("people._extract_organisations", "people", "_extract_organisations"),
    ("periods.find_periods", "periods", "find_periods"),
    ("periods.periods", "periods", "periods"),
    ("periods._lead_spans", "periods", "_lead_spans"),
    ("periods.review_plan_pairs", "periods", "review_plan_pairs"),
    ("periods.terms", "periods", "terms"),
    ("periods.anniversary_mentions", "periods", "anniversary_mentions"),
)

# Per-document memos (not facts): (module, attribute) of the function ``Document.fact`` keys them by.
MEMOS = (("periods", "_sentences_around"),)


def measure(corpus: Path, repeat: int) -> dict[str, float]:
    import importlib

    from giaoban_qa.config import Config
    from giaoban_qa.engine import run_check

    result = run_check([str(corpus)], Config(), keep_documents=True)
    docs = [f.document for f in result.files if getattr(f, "document", None) is not None]
    # Memos an extractor fills as it goes are emptied before each pass, so a pass pays for
    # what it memoises (facts other extractors computed stay cached).
    memos = [getattr(importlib.import_module(f"giaoban_qa.extract.{m}"), n, None) for m, n in MEMOS]
    facts = [{k: v for k, v in doc._facts.items() if k not in memos} for doc in docs]
    times: dict[str, float] = {}
    for label, module, name in EXTRACTORS:
        mod = importlib.import_module(f"giaoban_qa.extract.{module}")
        fn = getattr(mod, name, None)
        if fn is None:
            continue
        if name == "anniversary_mentions":
            # As rules.date calls it: the shipped pack's table, built once per run.
            from giaoban_qa.packs import load_pack

            table = mod.anniversary_table(load_pack("anniversaries") or {})
            fn = lambda doc, base=fn, table=table: base(doc, table, unknown=True)  # noqa: E731
        best = float("inf")
        for _ in range(repeat):
            for doc, kept in zip(docs, facts):
                doc._facts = dict(kept)
            # The collector off while timing: with every document's facts alive, a full
            # collection costs tens of milliseconds and lands on whichever extractor runs
            # when it triggers (bench_check.py measures the run with it).
            gc.collect()
            gc.disable()
            t0 = time.process_time()
            for doc in docs:
                fn(doc)
            best = min(best, time.process_time() - t0)
            gc.enable()
        times[label] = best
    times["(documents)"] = float(len(docs))
    return times


def _run_side(src: Path, corpus: Path, repeat: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    cmd = [sys.executable, str(Path(__file__).resolve()), "--corpus", str(corpus), "--repeat", str(repeat), "--json"]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "real")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--compare-src", type=Path, help="another checkout: its src is measured against this one")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"skipped: needs the corpus ({args.corpus})")
        return 0
    if args.json:
        print(json.dumps(measure(args.corpus, args.repeat)))
        return 0
    if args.compare_src is None:
        sys.path.insert(0, str(ROOT / "src"))
        times = measure(args.corpus, args.repeat)
        docs = int(times.pop("(documents)"))
        print(f"own CPU time per extractor over {docs} documents of {args.corpus} (best of {args.repeat}):")
        for label, t in sorted(times.items(), key=lambda kv: -kv[1]):
            print(f"  {1000 * t:8.1f} ms  {label}")
        print(f"  {1000 * sum(times.values()):8.1f} ms  total")
        return 0
    sides = {"other": args.compare_src.resolve() / "src", "this": ROOT / "src"}
    runs: dict[str, list[dict[str, float]]] = {"other": [], "this": []}
    for _ in range(args.rounds):
        for side, src in sides.items():
            runs[side].append(_run_side(src, args.corpus, args.repeat))
    labels = [label for label, _, _ in EXTRACTORS if all(label in r for rs in runs.values() for r in rs)]
    print(f"own CPU time per extractor, median of {args.rounds} alternating fresh runs (best of {args.repeat} passes each)")
    print(f"  other = {sides['other']}\n  this  = {sides['this']}")
    print(f"  {'other ms':>9} {'this ms':>9} {'this/other':>10}  extractor")
    total_o = total_t = 0.0
    for label in labels:
        o = statistics.median(r[label] for r in runs["other"])
        t = statistics.median(r[label] for r in runs["this"])
        total_o, total_t = total_o + o, total_t + t
        print(f"  {1000 * o:9.1f} {1000 * t:9.1f} {t / o if o else float('nan'):10.2f}  {label}")
    print(f"  {1000 * total_o:9.1f} {1000 * total_t:9.1f} {total_t / total_o if total_o else float('nan'):10.2f}  total")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
