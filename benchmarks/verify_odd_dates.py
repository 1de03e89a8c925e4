"""Check that extract.dates answers the plain odd date shapes as dateparser does.

    python benchmarks/verify_odd_dates.py [--years 1900,2000,2024]

``extract.dates._parse_odd`` answers some shapes itself (an ISO date, "D tháng M[,] [năm] Y"
with single spaces that is a real day, "D tháng năm Y") so that most runs never import
dateparser. This script builds every string of those shapes over the given years (default:
fourteen years with leap years, century years and ordinary ones), every day and month
spelling (with and without a leading zero, with and without the comma and "năm") and
compares the fast answer with dateparser's. It prints the count compared and every
disagreement, and exits 1 if there is one.
"""

from __future__ import annotations

import argparse
import calendar
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

YEARS = (1900, 1901, 1904, 1950, 1999, 2000, 2001, 2016, 2017, 2020, 2021, 2024, 2050, 2099)


def spellings(n: int) -> list[str]:
    return [str(n), f"{n:02d}"] if n < 10 else [str(n)]


def candidates(years: tuple[int, ...]) -> list[str]:
    out = []
    tails = ["{y}", "năm {y}", ",{sp}{y}", ",{sp}năm {y}"]
    for y in years:
        for mo in range(1, 13):
            for d in range(1, calendar.monthrange(y, mo)[1] + 1):
                out.append(f"{y}-{mo:02d}-{d:02d}")
                for ds in spellings(d):
                    for ms in spellings(mo):
                        for tail in tails:
                            # ",{sp}" is ", " (the comma after the month, then one space)
                            out.append(f"{ds} tháng {ms}" + (" " if not tail.startswith(",") else "") + tail.format(y=y, sp=" "))
        for d in range(0, 100):
            for ds in spellings(d):
                for word in ("năm", "Năm"):
                    for tail in tails:
                        out.append(f"{ds} tháng {word}" + (" " if not tail.startswith(",") else "") + tail.format(y=y, sp=" "))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", default=",".join(map(str, YEARS)))
    args = parser.parse_args()
    try:
        import dateparser  # noqa: F401
    except ImportError:
        print("skipped: dateparser is not installed")
        return 0
    from giaoban_qa.extract import dates

    years = tuple(int(y) for y in args.years.split(","))
    strings = candidates(years)
    t0 = time.perf_counter()
    bad = 0
    fast_answered = 0
    for s in strings:
        assert dates._ODD.fullmatch(s), s  # every string is one the date grammar hands over
        fast = dates._parse_odd_plain(s)
        if fast is dates._NOT_PARSED:
            continue
        fast_answered += 1
        slow = dates._dateparser_odd(s)
        if fast != slow:
            bad += 1
            print(f"differs: {s!r}: fast {fast}, dateparser {slow}")
    print(f"{fast_answered} strings answered without dateparser over {len(years)} years "
          f"({len(strings)} built), {bad} differ from dateparser ({time.perf_counter() - t0:.0f} s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
