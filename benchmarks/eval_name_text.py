"""Evaluate the `name` and `text` rules: planted errors in our examples, the slips the
issue lists in the seeds, and every finding on the real corpus joined with our review.

    python benchmarks/eval_name_text.py              # the three tables
    python benchmarks/eval_name_text.py --show       # also every corpus finding, in context
    python benchmarks/eval_name_text.py --dump-review > /tmp/review.yaml   # skeleton to review
    python benchmarks/eval_name_text.py --timing     # also CPU time per rule on the corpus

The review file (benchmarks/name_text_review.yaml) maps a finding's fingerprint to a
verdict: `slip` (a real error in the published text) or `false-alarm`, with a note. A
corpus finding with no verdict is counted as unreviewed, so the numbers cannot silently
claim more than was read.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from giaoban_qa.config import Config  # noqa: E402
from giaoban_qa.engine import run_check  # noqa: E402
from giaoban_qa.evaluate import evaluate  # noqa: E402

CATEGORIES = ("name", "text")
REVIEW = ROOT / "benchmarks" / "name_text_review.yaml"

# The slips issue 5 names in the seeds (rule, excerpt); shared with tests/test_people.py.
SEED_SLIPS = {
    prefix: [tuple(pair) for pair in pairs]
    for prefix, pairs in yaml.safe_load((ROOT / "tests" / "data" / "seed_name_text_slips.yaml").read_text(encoding="utf-8")).items()
}


def _shared(arg: str | None) -> Path:
    return Path(arg or os.environ.get("GIAOBAN_QA_SHARED") or ROOT.parent / "shared")


def planted_table() -> None:
    ev = evaluate(ROOT / "examples", Config(strict=True))
    rows = {c: r for c, r in ev.per_category().items() if c in CATEGORIES}
    print("Planted errors in examples/ (name and text rules)")
    print(f"  {'category':10} {'planted':>7} {'found':>6} {'missed':>6} {'unexpected':>10}")
    total = Counter()
    for cat, r in rows.items():
        print(f"  {cat:10} {r['planted']:7} {r['found']:6} {r['missed']:6} {r['unexpected']:10}")
        total.update(r)
    print(f"  {'total':10} {total['planted']:7} {total['found']:6} {total['missed']:6} {total['unexpected']:10}")
    for p in ev.missed:
        if p.category in CATEGORIES:
            print(f"  MISSED {p.file}: {p.rule} {p.excerpt!r}")


def seed_table(shared: Path) -> None:
    print("\nSlips listed in the issue, on the seeds")
    found_total = planted_total = extra_total = 0
    for prefix in sorted(p.name[:3] for p in (shared / "seeds").glob("*.txt")):
        path = next((shared / "seeds").glob(f"{prefix}_*.txt"))
        result = run_check([str(path)], Config(select=list(CATEGORIES)))
        got = [(f.rule, f.excerpt) for f in result.findings]
        want = SEED_SLIPS.get(prefix, [])
        found = sum(1 for w in want if w in got)
        extra = [g for g in got if g not in want]
        found_total += found
        planted_total += len(want)
        extra_total += len(extra)
        print(f"  seed {prefix}: {found}/{len(want)} found, {len(extra)} other finding(s) {extra if extra else ''}")
    print(f"  total: {found_total}/{planted_total} found, {extra_total} other finding(s)")


def _load_review() -> dict[str, dict]:
    if not REVIEW.exists():
        return {}
    import yaml

    data = yaml.safe_load(REVIEW.read_text(encoding="utf-8")) or {}
    return {r["fingerprint"]: r for r in data.get("reviewed", [])}


def corpus_table(shared: Path, show: bool, dump: bool) -> None:
    folder = shared / "corpus" / "real"
    files = sorted(str(p) for p in folder.glob("*.txt"))
    result = run_check(files, Config(select=list(CATEGORIES)), keep_documents=show or dump)
    review = _load_review()
    by_rule: dict[str, Counter] = {}
    for f in result.findings:
        verdict = review.get(f.fingerprint, {}).get("verdict", "unreviewed")
        by_rule.setdefault(f.rule, Counter())[verdict] += 1
    if dump:
        import yaml

        sources = {fr.path: fr.document.source for fr in result.files if fr.document is not None}
        rows = []
        for f in result.findings:
            src = sources[f.path]
            rows.append({
                "fingerprint": f.fingerprint, "rule": f.rule, "path": Path(f.path).name, "excerpt": f.excerpt,
                "context": " ".join(src[max(0, f.start - 60) : f.end + 60].split()),
                "verdict": review.get(f.fingerprint, {}).get("verdict", "?"), "note": review.get(f.fingerprint, {}).get("note", ""),
            })
        yaml.safe_dump({"reviewed": rows}, sys.stdout, allow_unicode=True, sort_keys=False, width=160)
        return
    print(f"\nFindings on {folder} ({len(files)} files)")
    print(f"  {'rule':28} {'findings':>8} {'slip':>5} {'false-alarm':>11} {'unreviewed':>10}")
    total = Counter()
    for rule in sorted(by_rule):
        c = by_rule[rule]
        n = sum(c.values())
        total.update(c)
        print(f"  {rule:28} {n:8} {c['slip']:5} {c['false-alarm']:11} {c['unreviewed']:10}")
    print(f"  {'total':28} {sum(total.values()):8} {total['slip']:5} {total['false-alarm']:11} {total['unreviewed']:10}")
    if show:
        sources = {fr.path: fr.document.source for fr in result.files if fr.document is not None}
        for f in result.findings:
            src = sources[f.path]
            r = review.get(f.fingerprint, {})
            print(f"\n  [{r.get('verdict', 'unreviewed')}] {Path(f.path).name}:{f.line} {f.rule} {f.excerpt!r}")
            print(f"    …{' '.join(src[max(0, f.start - 60) : f.end + 60].split())}…")
            if r.get("note"):
                print(f"    note: {r['note']}")


def timing_table(shared: Path, rounds: int = 5) -> None:
    """CPU seconds per rule over the corpus (best of ``rounds``; CPU time, not wall time,
    so a busy machine does not blur the comparison between rule families)."""
    import time

    from giaoban_qa.document import build_document
    from giaoban_qa.engine import selected_rules
    from giaoban_qa.rules import RuleContext

    texts = [p.read_text(encoding="utf-8") for p in sorted((shared / "corpus" / "real").glob("*.txt"))]
    rules = selected_rules(Config())
    best: dict[str, float] = {}
    for _ in range(rounds):
        spent: Counter = Counter()
        for text in texts:
            t0 = time.process_time()
            doc = build_document("corpus.txt", text)
            spent["(build document)"] += time.process_time() - t0
            for rule in rules:
                t0 = time.process_time()
                list(rule.check(doc, RuleContext()))
                spent[rule.code] += time.process_time() - t0
        for k, v in spent.items():
            best[k] = min(best.get(k, v), v)
    mine = sum(v for k, v in best.items() if k.split(".")[0] in CATEGORIES)
    rest = sum(v for k, v in best.items() if k.split(".")[0] not in CATEGORIES)
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"\nCPU time over the corpus ({len(texts)} files, {size:.2f} MB), best of {rounds}")
    for k, v in sorted(best.items(), key=lambda kv: -kv[1]):
        print(f"  {k:30} {v:6.3f} s")
    print(f"  name+text rules {mine:.3f} s; everything else {rest:.3f} s; "
          f"extraction+rules {size / (mine + rest):.2f} MB/s, without name+text {size / rest:.2f} MB/s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", help="the shared folder (default ../shared or $GIAOBAN_QA_SHARED)")
    parser.add_argument("--show", action="store_true", help="print every corpus finding in context with its verdict")
    parser.add_argument("--dump-review", action="store_true", help="print a review skeleton (YAML) of the corpus findings")
    parser.add_argument("--timing", action="store_true", help="also print CPU time per rule over the corpus")
    args = parser.parse_args()
    shared = _shared(args.shared)
    if args.dump_review:
        corpus_table(shared, False, True)
        return 0
    planted_table()
    if not (shared / "seeds").is_dir():
        print("\n../shared not found: seed and corpus tables skipped", file=sys.stderr)
        return 0
    seed_table(shared)
    corpus_table(shared, args.show, False)
    if args.timing:
        timing_table(shared)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
