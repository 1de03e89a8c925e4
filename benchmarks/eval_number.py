"""Number rules and the quantity parser, measured.

    python benchmarks/eval_number.py [--corpus DIR ...] [--gold tests/data/quantities_gold.tsv]

Prints (1) planted number errors found / total in examples/, with unexpected number
findings; (2) the quantity parser's accuracy on the hand-checked real figures of the gold
table (value, unit and approximate flag must all match); (3) number findings on the real
corpus (default ../shared/corpus/real and ../shared/seeds, or $GIAOBAN_QA_SHARED), per rule.
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from giaoban_qa.config import Config  # noqa: E402
from giaoban_qa.document import build_document  # noqa: E402
from giaoban_qa.extract.quantities import quantities  # noqa: E402


def read_gold(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as fh:
        lines = [ln for ln in fh if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def parse_figure(context: str, figure: str):
    """The quantity the parser reads at ``figure`` inside ``context`` (None if none starts there)."""
    doc = build_document("gold.txt", context)
    import re

    m = re.search(r"(?<![\d.,])" + re.escape(figure), context)
    offset = m.start() if m else -1
    return next((q for q in doc.fact(quantities) if q.start == offset), None)


def gold_results(rows: list[dict[str, str]]) -> list[tuple[dict[str, str], object, bool]]:
    out = []
    for row in rows:
        q = parse_figure(row["context"], row["figure"])
        ok = (
            q is not None
            and math.isclose(q.value, float(row["value"]), rel_tol=1e-9)
            and q.unit == row["unit"]
            and q.approx == (row["approx"] == "1")
        )
        out.append((row, q, ok))
    return out


def print_candidates(paths: list[str]) -> None:
    """How much checkable material the corpus holds: the number rules are only as useful
    as the relations the parser finds (A/B with a percentage, totals with parts, ...)."""
    from giaoban_qa.engine import iter_sources
    from giaoban_qa.rules import number as rules

    counts: Counter[str] = Counter()
    for _, source, _ in iter_sources(paths, Config()):
        if source is None:
            continue
        doc = build_document(source.path, source.text, source.kind)
        qs = doc.fact(quantities)
        counts["figures"] += len(qs)
        counts["figures with a unit"] += sum(1 for q in qs if q.unit)
        counts["approximate figures"] += sum(1 for q in qs if q.approx)
        for q in qs:
            if q.unit == "%":
                counts["percentages"] += 1
                if q.relation:
                    counts[f"percentages: {q.relation}"] += 1
                if q.anchor is not None and qs[q.anchor].denominator is not None:
                    counts["percentages with their own A/B (percent-mismatch checks)"] += 1
            if q.compound_parts:
                counts["scale compounds (X tỷ Y triệu)"] += 1
        for a, b in rules._pairs_about_one_figure(doc, qs):
            if {a.relation, b.relation} & {"growth", "decline"} and "same_period" in {a.relation, b.relation}:
                counts["ratio + growth pairs (growth-ratio checks)"] += 1
        for i, q in enumerate(qs):
            window = doc.text[max(0, q.start - 60) : q.start]
            if q.unit and "tổng" in window.lower() and rules._TOTAL_BEFORE.search(window) and rules._PARTS_INTRO.match(doc.text, q.end):
                counts["totals followed by parts (parts checks)"] += 1
            if q.unit and q.unit != "%" and rules._is_month(q):
                counts["one-month figures (cumulative checks)"] += 1
    print("checkable material found by the parser:")
    for key, n in sorted(counts.items()):
        print(f"  {key}: {n}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = Path(os.environ.get("GIAOBAN_QA_SHARED", ROOT.parent / "shared"))
    ap.add_argument("--corpus", nargs="*", default=[str(p) for p in (shared / "corpus" / "real", shared / "seeds") if p.is_dir()])
    ap.add_argument("--gold", default=str(ROOT / "tests" / "data" / "quantities_gold.tsv"))
    ap.add_argument("-v", "--verbose", action="store_true", help="list gold mismatches and every corpus finding")
    args = ap.parse_args(argv)

    from giaoban_qa.evaluate import evaluate

    ev = evaluate(ROOT / "examples", Config(strict=True))
    found = [p for p in ev.found if p.category == "number"]
    missed = [p for p in ev.missed if p.category == "number"]
    unexpected = [f for f in ev.unexpected if f["category"] == "number"]
    print(f"planted number errors found: {len(found)}/{len(found) + len(missed)}; unexpected number findings on examples: {len(unexpected)}")
    for p in missed:
        print(f"  MISSED {p.file} {p.rule} {p.excerpt!r}")
    for f in unexpected:
        print(f"  UNEXPECTED {f['path']} {f['rule']} {f['excerpt']!r}")

    results = gold_results(read_gold(Path(args.gold)))
    correct = sum(ok for _, _, ok in results)
    print(f"quantity parser on hand-checked real figures: {correct}/{len(results)} correct ({correct / len(results):.1%}; value, unit and approx all right)")
    for name in sorted({row.get("set", "") for row, _, _ in results}):
        subset = [ok for row, _, ok in results if row.get("set", "") == name]
        print(f"  {name or 'all'}: {sum(subset)}/{len(subset)} ({sum(subset) / len(subset):.1%})")
    for row, q, ok in results:
        if not ok and args.verbose:
            got = "nothing" if q is None else f"{q.value:g} {q.unit!r} approx={q.approx}"
            print(f"  WRONG {row['figure']!r}: expected {float(row['value']):g} {row['unit']!r} approx={row['approx']}, got {got}")

    if args.corpus:
        print_candidates(args.corpus)
        from giaoban_qa.engine import run_check

        result = run_check(args.corpus, Config(select=["number"], strict=True))
        per_rule = Counter(f.rule for f in result.findings)
        print(f"number findings on {', '.join(args.corpus)}: {len(result.findings)} in {len({f.path for f in result.findings})} file(s) of {len(result.files)}")
        for rule, n in sorted(per_rule.items()):
            print(f"  {rule}: {n}")
        if args.verbose:
            for f in result.findings:
                print(f"  {Path(f.path).name}:{f.line} {f.rule} [{f.severity.value}] {f.excerpt!r}: {f.message('en')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
