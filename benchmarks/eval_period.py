"""Evaluate the period and calendar rules (issue 3).

    python benchmarks/eval_period.py [--shared ../shared] [--list]

Prints four things:
1. planted period/date errors in examples/ found / total (the examples' manifests);
2. seed mutations: a correct fact of a real seed report turned into the error a rule is
   about ("66 năm" → "67 năm", "245/2020/NQ-HĐND" → "245/2019/…"), found / total;
3. findings of these rules on the five seeds (all must be 0: the seeds are consistent);
4. findings of these rules on ../shared/corpus/real per rule and severity (``--list``
   prints each one for review).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from giaoban_qa.config import Config  # noqa: E402
from giaoban_qa.document import build_document  # noqa: E402
from giaoban_qa.engine import check_document, run_check, selected_rules  # noqa: E402
from giaoban_qa.evaluate import evaluate  # noqa: E402

RULES = [
    "period",
    "date.weekday-mismatch",
    "date.anniversary-count",
    "date.symbol-year-mismatch",
    "date.past-event-in-future",
]

# (seed prefix, text to replace, replacement, how many occurrences (0 = all), rule expected)
MUTATIONS = [
    ("000", "phương hướng, nhiệm vụ trong tháng 12 năm 2020", "phương hướng, nhiệm vụ trong tháng 01 năm 2021", 1, "period.plan-not-next"),
    ("000", "THÁNG 11 NĂM 2020", "THÁNG 9 NĂM 2020", 1, "period.title-mismatch"),
    ("001", "tháng 11 năm 2015", "tháng 9 năm 2015", 1, "period.title-mismatch"),
    ("001", "Sáng ngày 23 tháng 11 năm 2015", "Sáng thứ Ba, ngày 23 tháng 11 năm 2015", 1, "date.weekday-mismatch"),
    ("001", "nhiệm kỳ 2015 – 2020", "nhiệm kỳ 2015 – 2021", 1, "period.term-length"),
    ("001", "lần thứ XIV", "lần thứ XIIII", 1, "period.invalid-roman-numeral"),
    ("002", "kỷ niệm 66 năm", "kỷ niệm 67 năm", 1, "date.anniversary-count"),
    ("002", "130 năm ngày sinh", "131 năm ngày sinh", 1, "date.anniversary-count"),
    ("002", "95 năm ngày Báo chí", "94 năm ngày Báo chí", 1, "date.anniversary-count"),
    ("002", "245/2020/NQ-HĐND", "245/2019/NQ-HĐND", 1, "date.symbol-year-mismatch"),
    ("002", "lũy kế 4 tháng", "lũy kế 5 tháng", 1, "period.cumulative-impossible"),
    ("002", "triển khai nhiệm vụ trọng tâm tháng 5 năm 2020", "triển khai nhiệm vụ trọng tâm tháng 6 năm 2020", 0, "period.plan-not-next"),
    ("002", "lần thứ XXV, nhiệm kỳ 2020-2025", "lần thứ XXV, nhiệm kỳ 2020-2026", 1, "period.term-length"),
    ("002", "Đảng bộ huyện lần thứ XXV, nhiệm kỳ 2020-2025", "Đảng bộ huyện lần thứ XXV, nhiệm kỳ 2021-2026", 1, "period.term-cycle"),
    ("002", "Dự thảo Văn kiện đại hội Đảng bộ huyện khóa XXV", "Dự thảo Văn kiện đại hội Đảng bộ huyện khóa XXIV", 1, "period.term-ordinal-mismatch"),
    ("000", "Ngày 23/112020 Huyện ủy", "Ngày 23/10/2020 Huyện ủy", 1, "period.review-not-started"),
    ("003", "Ngày 02 tháng 11 năm 2020, Thường trực", "Ngày 02 tháng 12 năm 2020, Thường trực", 1, "period.plan-over"),
    ("003", "369/BC-UBND, ngày 30 tháng 11 năm 2020", "369/BC-UBND, ngày 15 tháng 9 năm 2020", 1, "period.cited-subject-after-date"),
    ("003", "369/BC-UBND, ngày 30 tháng 11 năm 2020", "369/BC-UBND, ngày 30 tháng 01 năm 2021", 1, "period.cited-report-late"),
    ("003", "Tình hình dịch bệnh lở mồm long móng trên đàn bò còn xảy ra.", "Hội nghị sơ kết công tác dân vận đã được tổ chức ngày 20/11/2020.", 1, "date.past-event-in-future"),
    ("004", "Hội nghị sơ kết thực hiện nhiệm vụ 6 tháng đầu năm triển khai", "Hội nghị sơ kết thực hiện nhiệm vụ 9 tháng đầu năm triển khai", 1, "period.title-mismatch"),
]


def _ours(rule: str) -> bool:
    return rule.startswith("period.") or rule in RULES


def examples_score(only_ours: bool = False) -> tuple[int, int, list[str]]:
    ev = evaluate(ROOT / "examples", Config(strict=True))
    found = [p for p in ev.found if p.category in ("period", "date") and (not only_ours or _ours(p.rule))]
    missed = [p for p in ev.missed if p.category in ("period", "date") and (not only_ours or _ours(p.rule))]
    unexpected = [f"{Path(f['path']).name}: {f['rule']} {f['excerpt']!r}" for f in ev.unexpected if f["category"] in ("period", "date")]
    return len(found), len(found) + len(missed), [f"MISSED {Path(p.file).name}: {p.rule} {p.excerpt!r}" for p in missed] + [f"UNEXPECTED {u}" for u in unexpected]


def mutation_score(shared: Path) -> tuple[int, int, list[str]]:
    from giaoban_qa.loaders import load_path

    found, notes = 0, []
    for prefix, old, new, count, rule in MUTATIONS:
        path = next((shared / "seeds").glob(f"{prefix}_*.txt"))
        text = load_path(str(path)).text
        if old not in text:
            notes.append(f"BROKEN {prefix}: {old!r} not in seed")
            continue
        mutated = text.replace(old, new) if count == 0 else text.replace(old, new, count)
        config = Config(select=[rule], strict=True)
        doc = build_document(str(path), mutated)
        rules = [f.rule for f in check_document(doc, selected_rules(config), config)]
        if rule in rules:
            found += 1
        else:
            notes.append(f"MISSED {prefix}: {rule} after {old!r} -> {new!r}")
    return found, len(MUTATIONS), notes


def speed(folder: Path, repeat: int = 5) -> None:
    """CPU seconds (best of ``repeat``) of a check of ``folder``: process time, not wall
    time, so that other work on a shared machine does not blur the comparison."""
    import time

    from giaoban_qa.rules import all_rules, matches

    size = sum(p.stat().st_size for p in folder.glob("*.txt")) / 1e6
    others = [code for code in all_rules() if not matches(code, RULES)]
    run_check([str(folder)], Config())
    for label, select in (("without these rules", others), ("all rules", ["ALL"])):
        best = float("inf")
        for _ in range(repeat):
            t0 = time.process_time()
            run_check([str(folder)], Config(select=select))
            best = min(best, time.process_time() - t0)
        print(f"speed: {label:<20} {best:.2f} s CPU for {size:.2f} MB -> {size / best:.2f} MB/s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--list", action="store_true", help="print every corpus finding")
    parser.add_argument("--speed", action="store_true", help="CPU time on the corpus without and with these rules")
    args = parser.parse_args(argv)
    shared = Path(args.shared)

    found, total, notes = examples_score()
    print(f"examples: planted period/date errors found {found}/{total}")
    for n in notes:
        print("  " + n)
    ours_found, ours_total, _ = examples_score(only_ours=True)
    print(f"examples: of them by this issue's rules (period.*, date calendar rules) {ours_found}/{ours_total}")
    if not (shared / "seeds").is_dir():
        print(f"{shared} not found: seed and corpus numbers skipped")
        return 0 if found == total else 1

    m_found, m_total, m_notes = mutation_score(shared)
    print(f"seed mutations: planted errors found {m_found}/{m_total}")
    for n in m_notes:
        print("  " + n)

    config = Config(select=RULES, strict=True)
    seeds = run_check([str(shared / "seeds")], config)
    print(f"seeds: {len(seeds.findings)} period/calendar findings on {len(seeds.files)} seed reports")
    for f in seeds.findings:
        print(f"  {Path(f.path).name}: {f.rule} {f.excerpt!r}")

    corpus = run_check([str(shared / "corpus" / "real")], config)
    by_rule = Counter((f.rule, f.severity.value) for f in corpus.findings)
    files = len({f.path for f in corpus.findings})
    print(f"corpus/real: {len(corpus.findings)} findings in {files} of {len(corpus.files)} files")
    for (rule, severity), n in sorted(by_rule.items()):
        print(f"  {rule:<34} {severity:<8} {n}")
    if args.speed:
        speed(shared / "corpus" / "real")
    if args.list:
        for f in corpus.findings:
            print(f"  {Path(f.path).name}:{f.line}: {f.rule} [{f.severity.value}] {f.excerpt!r}: {f.message('en')}")
    return 0 if found == total and m_found == m_total and not seeds.findings else 1


if __name__ == "__main__":
    raise SystemExit(main())
