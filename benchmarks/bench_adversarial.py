"""Is checking linear on hostile text? Each family of adversarial input (whitespace runs
around dates, blank lines, CRLF, digit and separator runs, repeated trigger words of every
extractor, long lines, capitals, brackets, ...) is doubled from 50 KB to 400 KB and run
through the real check pipeline (every rule on) in a forked child of this process, so
that each measurement has its own peak memory and a hang can be stopped.

    python benchmarks/bench_adversarial.py [--sizes 50,100,200,400] [--only WORD] [--timeout 60]

Prints one row per family: CPU seconds of the check at each size (the median of
``--repeat`` runs, at least 3; CPU time, as the machine may be shared), the time ratio per
doubling of those medians, the 200 -> 400 KB ratio of the fastest runs as well (``min``: the
run least disturbed by other processes), the peak memory growth (MB) at the largest size and
the number of findings there. The repeats go round all sizes in turn (50, 100, 200, 400, 50,
100, ...), so that a busy spell of the machine falls on every size alike instead of on one.
Issue 17 is done when every median ratio at 200 -> 400 KB is <= 2.3 and every family takes
< 5 s at 400 KB; the last line says whether that holds (exit 1 when it does not) and gives
the largest ratio and time. A family whose median ratio is over 2.3 after ``--repeat``
rounds is measured for twice as many rounds again and judged on the median of all its runs
(marked ``*`` after its name).
"""

from __future__ import annotations

import argparse
import os
import resource
import signal
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

# A short report that opens every document, so that the header, title and publication-line
# logic (which look at the first paragraphs) sees the hostile text right after it.
HEAD = "BÁO CÁO\nKết quả giao ban tháng 11 năm 2020\n"


def fill(unit: str, size: int, prefix: str = "", suffix: str = "") -> str:
    """``prefix`` + ``unit`` repeated to ``size`` UTF-8 bytes + ``suffix``."""
    n = max(1, (size - len((prefix + suffix).encode())) // max(1, len(unit.encode())))
    return prefix + unit * n + suffix


def ws_run(ws: str, before: str, after: str) -> Callable[[int], str]:
    def make(size: int) -> str:
        n = size // len(ws.encode())
        return before + ws * n + after

    return make


def repeated(unit: str, prefix: str = "") -> Callable[[int], str]:
    return lambda size: fill(unit, size, prefix=prefix)


# Trigger words of every extractor and rule family, each repeated alone ("số " x N, the
# issue's example) and glued to digits.
TRIGGERS = [
    "số", "ngày", "tháng", "năm", "quý", "Ngày", "sáng", "chiều", "thứ hai", "chủ nhật", "lúc",
    "lũy kế", "6 tháng đầu năm", "nửa đầu năm", "từ đầu năm", "kỳ họp thứ", "khóa", "nhiệm kỳ", "lần thứ",
    "Nghị quyết", "Chỉ thị", "Quyết định", "Báo cáo số", "Kế hoạch số", "của", "về",
    "đồng chí", "ông", "bà", "Bí thư", "Chủ tịch UBND huyện", "Phó Chủ tịch", "xã", "huyện", "Huyện ủy",
    "tỷ đồng", "triệu", "nghìn", "%", "tăng", "giảm", "bằng", "đạt", "so với cùng kỳ", "trên tổng số",
    "kỷ niệm", "Covid 19", "đầy mạnh", "đã tổ chức",
    # The statement reader's relation words (issue 11): lists, raised totals, shares, fractions.
    "trong đó", "bao gồm", "nâng tổng số", "nâng khoản lỗ lũy kế lên", "chiếm", "lần lượt", "con số", "trong tổng số",
    "tương đương", "tính từ đầu năm", "kể từ đầu năm 2017",
]

FAMILIES: dict[str, Callable[[int], str]] = {
    # Issue 17.1: a date in the first paragraph followed (or preceded) by a whitespace run.
    "date + spaces + word": ws_run(" ", HEAD + "Ngày 1/1/2020", "x\n"),
    "date + tabs + word": ws_run("\t", HEAD + "Ngày 1/1/2020", "x\n"),
    "date + NBSP + word": ws_run("\u00a0", HEAD + "Ngày 1/1/2020", "x\n"),
    "date + U+2028 + word": ws_run("\u2028", HEAD + "Ngày 1/1/2020", "x\n"),
    "date + form feeds": ws_run("\f", HEAD + "Ngày 1/1/2020", "x\n"),
    "spaces + date": ws_run(" ", HEAD, "1/1/2020 09:00\n"),
    "spaces + published line": ws_run(" ", "", "Cập nhật: 05/05/2020 09:00\n"),
    "spaces + header line": ws_run(" ", "ỦY BAN NHÂN DÂN\n", "Đơn Dương, ngày 05 tháng 01 năm 2020\n"),
    "time + spaces + date": ws_run(" ", "09:00", "05/05/2020\n"),
    "blank lines": ws_run("\n", HEAD, "Ngày 1/1/2020\n"),
    "CRLF": ws_run("\r\n", HEAD, "Ngày 1/1/2020\r\n"),
    "lone CR": ws_run("\r", HEAD, "Ngày 1/1/2020\r"),
    "form feeds": ws_run("\f", HEAD, "x\n"),
    "mixed whitespace": repeated(" \t\n\r\f\v\u00a0\u2028\u3000", HEAD),
    "space-newline": repeated(" \n", HEAD),
    "digits": repeated("1", HEAD),
    "digits + spaces": repeated("1 ", HEAD),
    "1-1-": repeated("1-1-", HEAD),
    "1/1/": repeated("1/", HEAD),
    "1.1.": repeated("1.", HEAD),
    "1,1,": repeated("1,", HEAD),
    "12/12/2020 ": repeated("12/12/2020 ", HEAD),
    "1/1 ": repeated("ngày 1/1 ", HEAD),
    "1 - 1 / ": repeated("1 - 1 / ", HEAD),
    "dd//mm": repeated("1//1", HEAD),
    "1:00 ": repeated("1:00 ", HEAD),
    "digits and scales": repeated("1 tỷ 2 triệu 3 nghìn ", HEAD),
    "percent soup": repeated("1% ", HEAD),
    "fractions 5/10 công ty": repeated("5/10 công ty ", HEAD),
    "parts soup": repeated("76 hộ, trong đó 51 hộ, ", HEAD),
    "kinds soup": repeated("95 tác phẩm gồm 7 giải, ", HEAD),
    "long line": repeated("Huyện ủy đã tổ chức giao ban, đánh giá kết quả thực hiện nhiệm vụ ", HEAD),
    "capitals": repeated("Nguyễn Văn ", HEAD),
    "UPPER WORDS": repeated("HUYỆN ỦY ", HEAD),
    "capital letters": repeated("A", HEAD),
    "brackets (": repeated("(", HEAD),
    "brackets ([": repeated("([", HEAD),
    "quotes": repeated("“\"", HEAD),
    "symbols 1-NQ/": repeated("1-NQ/", HEAD),
    "symbols 1/BC-": repeated("1/BC-", HEAD),
    "roman numerals": repeated("khóa XIV ", HEAD),
    "sentence ends": repeated(". ", HEAD),
    "asterisks": repeated("*", HEAD),
    "markup <b>": repeated("<b>", HEAD),
    "markup <!--": repeated("<!--", HEAD),
    "markup <b unclosed": repeated("<b ", HEAD),
    "markup <sup unclosed": repeated("<sup>1", HEAD),
    # r11kinds (issue 11): the publication-line, heading, cited-date and title-before-name patterns.
    "r11k spaces + ISO published line": ws_run(" ", "Tin\n", "date: 2020-05-05T09:00:00.000Z\n"),
    "r11k spaces + weekday published line": ws_run(" ", "Tin\n", "Thứ Hai, ngày 05/05/2020 | 09:00 AM\n"),
    "r11k spaces + author bar published line": ws_run(" ", "Tin\n", "Thanh Hà | 15/05/2020 09:15\n"),
    "r11k bars": repeated("Tin | ", "Tin\n"),
    "r11k day and day/month": repeated("ngày 1 và 2/1 ", HEAD),
    "r11k heading marks": repeated("I. KẾT QUẢ THÁNG 1 ", HEAD),
    "r11k heading marks + lines": repeated("II. NHIỆM VỤ TRỌNG TÂM THÁNG 2\n", HEAD),
    "r11k Phần thứ": repeated("Phần thứ hai: ", HEAD),
    "r11k dot dates": repeated("Sáng 6.2 ", HEAD),
    "r11k cited date in parentheses": repeated("Quyết định số 1/2020/QĐ-UBND (", HEAD),
    "r11k cited được … ban hành": repeated("1/2020/QĐ-UBND được UBND tỉnh ", HEAD),
    "r11k title dash": repeated("Bí thư Huyện ủy - ", HEAD),
    "r11k title comma honorific": repeated("Chủ tịch UBND xã Phú Lâm, ông ", HEAD),
    "r11k title name repeated": repeated("Bí thư Huyện ủy Hoàn Đức Lộc ", HEAD),
    "real sentences": repeated(
        "Ngày 04 tháng 11 năm 2020, Huyện ủy tổ chức giao ban. Theo Báo cáo số 118/BC-UBND ngày 29/11/2020, "
        "doanh thu đạt 120 tỷ đồng, tăng 5% so với cùng kỳ. Đồng chí Nguyễn Văn An, Bí thư Huyện ủy chủ trì.\n",
        HEAD,
    ),
}
for word in TRIGGERS:
    FAMILIES[f"'{word} ' x N"] = repeated(word + " ", HEAD)
    FAMILIES[f"'{word} 1' x N"] = repeated(word + " 1 ", HEAD)


def measure(make: Callable[[int], str], size: int, timeout: float) -> tuple[float | None, float, int]:
    """Seconds, peak memory growth (MB) and findings of one check, in a forked child."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(read)
        try:
            from giaoban_qa.engine import check_source
            from giaoban_qa.loaders import Source

            text = make(size)
            before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            # CPU seconds of this child: the machine may be shared, wall time is noisy.
            t0 = time.process_time()
            _, found = check_source(Source("adversarial.txt", text, "txt"), RULES, CONFIG)
            elapsed = time.process_time() - t0
            grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
            os.write(write, f"{elapsed} {grown} {len(found)}".encode())
        except BaseException as exc:  # noqa: BLE001 - reported, not hidden
            os.write(write, f"error {type(exc).__name__}: {exc}"[:300].encode())
        os._exit(0)
    os.close(write)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.01)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(read)
        return None, 0.0, 0
    out = os.read(read, 1000).decode()
    os.close(read)
    if out.startswith("error"):
        raise RuntimeError(out)
    elapsed, grown, count = out.split()
    return float(elapsed), float(grown), int(count)


def main() -> int:
    global RULES, CONFIG
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50,100,200,400", help="sizes in KB, each double the one before")
    parser.add_argument("--only", help="run only families whose name contains this")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before one measurement is stopped")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size (at least 3), the median is judged")
    parser.add_argument("--part", default="1/1", help="K/N: run every N-th family from the K-th (two halves on two cores: 1/2 and 2/2)")
    args = parser.parse_args()
    part, parts = (int(x) for x in args.part.split("/"))
    sizes = [int(s) * 1000 for s in args.sizes.split(",")]
    repeat = max(3, args.repeat)

    from giaoban_qa.config import Config
    from giaoban_qa.engine import check_source, selected_rules
    from giaoban_qa.loaders import Source

    CONFIG = Config()
    RULES = selected_rules(CONFIG)
    # Warm every lazy lexicon and compiled pattern once, before the children are forked.
    check_source(Source("warm.txt", FAMILIES["real sentences"](20000), "txt"), RULES, CONFIG)

    head = f"{'family':<28}" + "".join(f"{s // 1000:>7}KB" for s in sizes) + "".join(
        f"{f'{a // 1000}>{b // 1000}':>9}" for a, b in zip(sizes, sizes[1:])
    ) + f"{'min':>7}{'MB':>7}{'findings':>9}"
    print(head)
    failures = []
    worst_ratio, worst_time = 0.0, 0.0
    for number, (name, make) in enumerate(FAMILIES.items()):
        if args.only and args.only not in name:
            continue
        if number % parts != part - 1:
            continue
        runs: list[list[float]] = [[] for _ in sizes]
        stopped = len(sizes)  # the first size that hit the timeout; no larger one is run
        grown, count = 0.0, 0

        def rounds(n: int) -> None:
            nonlocal stopped, grown, count
            for _ in range(n):
                for i, size in enumerate(sizes[:stopped]):
                    elapsed, mb, found = measure(make, size, args.timeout)
                    if elapsed is None:
                        stopped = i
                        break
                    runs[i].append(elapsed)
                    if i == len(sizes) - 1:
                        grown, count = max(grown, mb), found

        rounds(repeat)
        # A family over the ratio gets twice as many rounds again before it is judged, and
        # the median of all its runs is what counts: on a shared machine one busy spell can
        # lift the median of a few sub-second runs past the limit, while a family that is
        # really super-linear stays over it however many runs are taken. Marked '*'.
        remeasured = False
        if len(sizes) > 1 and stopped == len(sizes):
            big, small = statistics.median(runs[-1]), statistics.median(runs[-2])
            if big >= 0.2 and small and big / small > 2.3:
                rounds(2 * repeat)
                remeasured = True
        times = [statistics.median(r) if i < stopped and r else None for i, r in enumerate(runs)]
        fastest = [min(r) if i < stopped and r else None for i, r in enumerate(runs)]
        ratios = [b / a if a and b else None for a, b in zip(times, times[1:])]
        min_ratio = fastest[-1] / fastest[-2] if len(sizes) > 1 and fastest[-1] and fastest[-2] else None
        cells = "".join(
            f"{t:9.2f}" if t is not None else (f"{'>' + str(int(args.timeout)):>9}" if i == stopped else f"{'-':>9}")
            for i, t in enumerate(times)
        )
        cells += "".join(f"{r:9.2f}" if r is not None else f"{'-':>9}" for r in ratios)
        cells += f"{min_ratio:7.2f}" if min_ratio is not None else f"{'-':>7}"
        print(f"{name[:27] + ('*' if remeasured else ''):<28}{cells}{grown:7.0f}{count:9d}", flush=True)
        last, last_ratio = times[-1], ratios[-1] if ratios else None
        if last is not None:
            worst_time = max(worst_time, last)
            # A ratio of tiny times is noise: judged only when the largest run takes 0.2 s.
            if last_ratio is not None and last >= 0.2:
                worst_ratio = max(worst_ratio, last_ratio)
        if last is None or last >= 5 or (last_ratio is not None and last_ratio > 2.3 and last >= 0.2):
            failures.append(name)
    print(f"\nlargest median ratio {sizes[-2] // 1000}>{sizes[-1] // 1000} KB (families over 0.2 s): {worst_ratio:.2f}; "
          f"slowest family at {sizes[-1] // 1000} KB: {worst_time:.2f} s")
    print(f"{len(failures)} famil{'y' if len(failures) == 1 else 'ies'} over the limits (ratio 200>400 KB <= 2.3, < 5 s at 400 KB)"
          + (": " + ", ".join(failures) if failures else ""))
    return 1 if failures else 0


RULES: list = []
CONFIG = None

if __name__ == "__main__":
    raise SystemExit(main())
