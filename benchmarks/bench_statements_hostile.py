"""Is the statement reader linear on one very long hostile sentence? Each shape (a total
with parts repeated with no full stop, long lists, many parentheses, thousands of
percentages in one paragraph) is repeated n times in ONE sentence, for n = 250, 1000,
4000 by default, and read by ``quantities`` and ``statements`` alone (no rules).

    python benchmarks/bench_statements_hostile.py [--sizes 250,1000,4000] [--only WORD] [--repeat 3] [--src DIR]

Prints, per shape, the CPU seconds of the reading at each n (the least of ``--repeat``
runs; the runs go round all sizes in turn, so that a busy spell of the shared machine
falls on every size alike), the time ratio per step of n, and that ratio divided by the
ratio of n (1.0 is linear; 4.0 per ×4 step is quadratic). The last line gives the worst
normalised ratio of the last step; exit 1 when it is over 2 (a ×4 step taking more than ×8).
The sentences are written for this benchmark.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
# "--src DIR" reads with another tree's package (e.g. /work/base/src, before a change).
SRC = sys.argv[sys.argv.index("--src") + 1] if "--src" in sys.argv[:-1] else str(ROOT / "src")
sys.path.insert(0, SRC)

HEAD = "BÁO CÁO\nKết quả giao ban tháng 11 năm 2020\n"

# One unit of each shape; n units make one sentence (no full stop inside; the last two
# shapes make one paragraph of many sentences).
SHAPES: dict[str, str] = {
    "total with parts (trong đó có)": "12 tàu cá, trong đó có 5 chiếc vỏ thép, ",
    "total with parts (gồm)": "40 hộ được hỗ trợ gồm 25 hộ nghèo và 15 hộ cận nghèo, ",
    "parts with nested detail": "12 tàu cá gồm 5 chiếc vỏ thép, trong đó có 2 chiếc mới, ",
    "part with unclosed aside": "12 tàu, trong đó có 5 tàu vỏ thép (2 tàu mới, ",
    "parts without separators": "12 tàu, trong đó có 5 tàu vỏ thép 3 tàu ",
    "bare intro words": "12 tàu, trong đó có ",
    "total, parts in parentheses": "30 xã (18 xã miền núi, 12 xã đồng bằng), ",
    "long list of counts": "7 trường học, ",
    "long list with và": "3 trạm y tế và ",
    "many parentheses": "(gồm 2 đội) ",
    "nested parentheses": "((4 người) ",
    "percentages": "tăng 3,5%, ",
    "shares (chiếm)": "81 hộ, chiếm 9,4%, ",
    "part of whole (trên tổng số)": "21 trên tổng số 60 thôn, ",
    "cumulative (lũy kế)": "trong tháng 15 hồ sơ, lũy kế 90 hồ sơ, ",
    "growth and ratio": "doanh thu 45 tỷ đồng, tăng 8% (bằng 108%), ",
    "raised total (nâng tổng số)": "cấp mới 6 giấy phép, nâng tổng số lên 48 giấy phép, ",
    "percentages, no commas": "tăng 3,5% ",
    "ratios in parentheses": "(bằng 104%) ",
    "figures, no separators": "9 xe ",
    "digits in parentheses": "(3 ",
    "fractions": "14/20 xã ",
    "ranges": "từ 2 đến 5 tấn, ",
    "respectively": "lần lượt 11%, 23% và ",
    "within a whole": "17 hộ trong tổng số 40 hộ, chiếm 42,5%, ",
    "cumulative from start of year": "từ đầu năm đến nay 64 vụ, ",
    "amounts with scales": "1 tỷ 2 triệu đồng, ",
    # One paragraph of many short sentences: the reader's look at the sentence before / after.
    "percent sentences, one paragraph": "tỷ lệ hộ nghèo giảm 1,2%. Riêng tháng này đạt 0,3%. ",
    "lists opening the next sentence": "xã có 76 hộ. Trong đó, 51 hộ nghèo. ",
}


def sentence(unit: str, n: int) -> str:
    return HEAD + "Toàn huyện có " + unit * n + "hết.\n"


def read_once(text: str) -> float:
    from giaoban_qa.document import build_document
    from giaoban_qa.extract.quantities import quantities
    from giaoban_qa.extract.statements import statements

    doc = build_document("hostile.txt", text)
    t0 = time.process_time()
    doc.fact(quantities)
    doc.fact(statements)
    return time.process_time() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="250,1000,4000", help="repetitions of the unit in the one sentence")
    parser.add_argument("--only", help="run only shapes whose name contains this")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the least CPU time is kept")
    parser.add_argument("--src", default=SRC, help="the package tree to read with (default: this checkout's src)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    import giaoban_qa

    print(f"package: {Path(giaoban_qa.__file__).parent}")
    read_once(sentence(SHAPES["total with parts (trong đó có)"], 20))  # warm lazy patterns
    print(f"{'shape':<32}" + "".join(f"{'n=' + str(n):>10}" for n in sizes)
          + "".join(f"{f'{a}>{b}':>11}" for a, b in zip(sizes, sizes[1:])) + f"{'norm':>7}")
    worst = 0.0
    for name, unit in SHAPES.items():
        if args.only and args.only not in name:
            continue
        runs: list[list[float]] = [[] for _ in sizes]
        for _ in range(max(1, args.repeat)):
            for i, n in enumerate(sizes):
                runs[i].append(read_once(sentence(unit, n)))
        best = [min(r) for r in runs]
        ratios = [b / a if a > 0 else float("inf") for a, b in zip(best, best[1:])]
        norm = ratios[-1] / (sizes[-1] / sizes[-2]) if ratios else 1.0
        worst = max(worst, norm)
        print(f"{name[:31]:<32}" + "".join(f"{t:10.3f}" for t in best) + "".join(f"{r:11.2f}" for r in ratios) + f"{norm:7.2f}", flush=True)
    print(f"\nworst last-step ratio / n ratio: {worst:.2f} (1 = linear, {sizes[-1] / sizes[-2]:.0f} = quadratic; limit 2)")
    return 1 if worst > 2 else 0


if __name__ == "__main__":
    raise SystemExit(main())
