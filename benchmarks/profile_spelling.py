"""CPU time of the spelling rules alone, from cold, on the documents of a corpus; optionally
of two checkouts' ``src`` taking turns, with their findings compared.

    python benchmarks/profile_spelling.py [--corpus DIR] [--rounds 5]
    python benchmarks/profile_spelling.py --compare-src /path/to/main/checkout [--pairs 4]
    python benchmarks/profile_spelling.py --probes

The documents are built, and the facts the other rules share with the spelling rules
(``typo_spans`` …) computed, by one ``run_check`` with the spelling rules left out. Each
round then forgets what a fresh process would not know yet (the n-gram model and the slip
index are opened again, the memo tables and run caches emptied) and runs the five
spelling rules over every document, timing each rule's ``check`` (``time.process_time``:
CPU, which other jobs on a busy machine disturb far less than the wall clock). What
``bench_check.py --compare-ignore`` measures as the rules' overhead is this, plus their
share of the engine's work on their findings.

``--compare-src`` runs this script for the other checkout and for this one in fresh
processes, alternately (A B B A …), prints the medians and the change, and fails when the
two trees' findings (rule, span, suggestion, evidence, message) differ.
``--probes`` times the slip index's two ways to find strong pairs (a bisection per pair,
or building the sets once), the break-even behind ``_BISECT_PROBES``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GIAOBAN_QA_SHARED", ROOT.parent / "shared"))
SPELLING = ["text.invalid-syllable", "text.real-word-slip", "text.glued-figure", "text.symbol-spacing", "text.brand-variant"]


def _cold() -> None:
    """Forget what a fresh process would not have: the model and its index, the memo tables
    of the grammar and the candidates, the rules' run caches."""
    import gc

    from giaoban_qa.rules import spelling as rules_spelling
    from giaoban_qa.spelling import candidates, model, slipindex, syllable, tokens

    for name in ("_PAIR_CACHE", "_VIABLE", "_VIABLE_LOGS", "_VIABLE_IDS", "_VIABLE_RECORDS", "_VALID", "_INVALID", "_SUGGESTIONS"):
        cache = getattr(rules_spelling, name, None)
        if cache is not None:
            cache.clear()
    model.load.cache_clear()
    slipindex._open.cache_clear()
    for module in (syllable, candidates, rules_spelling, tokens):
        for value in list(vars(module).values()):
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()
    # The counters after which the grammar and the candidates switch to their tables, as a
    # fresh process has them (``getattr``: a checkout from before the switches has none).
    for module, name, fresh in ((syllable, "_is_valid_calls", 0), (syllable, "_valid_bases", None),
                                (candidates, "_valid_edits_calls", 0), (tokens, "_scanned", 0)):
        if hasattr(module, name):
            setattr(module, name, fresh)
    gc.collect()


def _child(corpus: Path, rounds: int) -> dict:
    from giaoban_qa import engine
    from giaoban_qa.config import Config

    docs = []
    plain = engine.check_document

    def keep(doc, rules, cfg, checks=None):
        docs.append(doc)
        return plain(doc, rules, cfg, checks)

    engine.check_document = keep
    try:
        engine.run_check([str(corpus)], Config(ignore=SPELLING))
    finally:
        engine.check_document = plain
    shared_facts = [set(d._facts) for d in docs]
    config = Config(select=SPELLING)
    rules = engine.selected_rules(config)
    per_rule: dict[str, list[float]] = {r.code: [] for r in rules}
    totals: list[float] = []
    digest = None
    count = 0
    for _ in range(rounds):
        _cold()
        for doc, keep_facts in zip(docs, shared_facts):  # the spelling rules' own facts go
            for k in set(doc._facts) - keep_facts:
                del doc._facts[k]
        spent = dict.fromkeys(per_rule, 0.0)
        found = []
        t0 = time.process_time()
        for doc in docs:
            for rule in rules:
                t = time.process_time()
                got = plain(doc, [rule], config)
                spent[rule.code] += time.process_time() - t
                found += [[doc.path, f.rule, f.start, f.end, f.suggestion, f.message.vi, f.evidence] for f in got]
        totals.append(time.process_time() - t0)
        for code, t in spent.items():
            per_rule[code].append(t)
        text = json.dumps(found, ensure_ascii=False, sort_keys=True, default=str)
        this = hashlib.sha256(text.encode()).hexdigest()
        if digest is not None and this != digest:
            raise SystemExit("findings differ between rounds")
        digest, count = this, len(found)
    return {"docs": len(docs), "findings": count, "digest": digest, "total": totals,
            "rules": {c: statistics.median(v) for c, v in per_rule.items()}}


def _probes() -> int:
    from giaoban_qa.rules import spelling as rules_spelling
    from giaoban_qa.spelling import model, slipindex
    from giaoban_qa.spelling.tokens import scan

    m = model.load()
    files = sorted(p for p in (SHARED / "corpus" / "real").glob("*.txt"))[:100]
    keys: set[int] = set()
    for p in files:
        ids = m.ids(t.lower() for t in scan(p.read_text(encoding="utf-8", errors="replace")).texts)
        keys.update(a << 16 | b for a, b in zip(ids, ids[1:]))
    sample = list(keys)[:20000]  # (in set order, as a document's pairs come)
    for _ in range(3):
        slipindex._open.cache_clear()
        index = slipindex.load(m)
        t = time.process_time()
        index.strong_among(sample)
        probe = (time.process_time() - t) / len(sample)
        t = time.process_time()
        index.strong_sets()
        sets = time.process_time() - t
        print(f"bisection {probe * 1e6:.2f} µs per pair; sets {sets * 1000:.1f} ms = {sets / probe:,.0f} pairs; "
              f"_BISECT_PROBES = {rules_spelling._BISECT_PROBES:,}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "real")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--compare-src", type=Path, default=None)
    parser.add_argument("--pairs", type=int, default=4, help="alternations of --compare-src (each runs both trees)")
    parser.add_argument("--probes", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"skipped: needs {args.corpus}")
        return 0
    if args.probes:
        return _probes()
    if args.child:
        print(json.dumps(_child(args.corpus, args.rounds)))
        return 0
    trees = [("this", ROOT / "src")]
    if args.compare_src is not None:
        trees.insert(0, ("other", args.compare_src.resolve() / "src"))
    runs: dict[str, list[dict]] = {label: [] for label, _ in trees}
    for i in range(args.pairs if args.compare_src is not None else 1):
        for label, src in trees if i % 2 == 0 else trees[::-1]:
            env = dict(os.environ, PYTHONPATH=str(src))
            rounds = "3" if args.compare_src is not None else str(args.rounds)
            out = subprocess.run([sys.executable, __file__, "--corpus", str(args.corpus), "--rounds", rounds, "--child"], env=env,
                                 capture_output=True, text=True, check=True)
            runs[label].append(json.loads(out.stdout.strip().splitlines()[-1]))
    medians = {}
    for label, src in trees:
        rs = runs[label]
        medians[label] = statistics.median(t for r in rs for t in r["total"])
        rules = {c: statistics.median(r["rules"][c] for r in rs) for c in rs[0]["rules"]}
        print(f"{label} ({src}): {rs[0]['docs']} documents, {rs[0]['findings']} findings; spelling rules CPU median "
              f"{medians[label]:.3f} s (min {min(t for r in rs for t in r['total']):.3f}); "
              + ", ".join(f"{c} {t:.3f}" for c, t in sorted(rules.items(), key=lambda kv: -kv[1])))
    if args.compare_src is not None:
        same = {r["digest"] for label in runs for r in runs[label]}
        print(f"change: {100 * (medians['this'] / medians['other'] - 1):+.1f} % CPU; findings "
              f"{'identical' if len(same) == 1 else 'DIFFERENT'}; load average {os.getloadavg()[0]:.1f}")
        return 0 if len(same) == 1 else 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
