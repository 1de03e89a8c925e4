"""A planted evaluation written apart from the rules it measures.

    python benchmarks/eval_blind.py [--per-kind 30] [--seed 2026] [--show-misses]

For each of the 23 kinds of error that the independent evaluation of issue 11 plants, this
script writes error plantings and correct look-alikes from its own templates (several
surface forms per kind, numbers, names and months drawn at random), inserts each into a real
article of ``../shared/corpus/real`` (or the seeds) chosen at random, runs every rule and
counts, inside the planted passage only:

- found: an error planting on which one of the kind's rules reports a finding;
- false alarm: a correct planting on which one of the kind's rules reports a finding.

The templates were written by the coordinator from reading real reports, without looking at
the rules' patterns or at the other engineers' evaluations, and were not used for tuning: the
numbers are what a reader who phrases things their own way gets. All sentences are ours.
"""

from __future__ import annotations

import argparse
import random
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from pool import shared_dir  # noqa: E402

Planting = tuple[str, str]  # (error text, correct text)


@dataclass
class Kind:
    name: str
    rules: tuple[str, ...]
    forms: list[Callable[[random.Random], Planting]]
    at_start: bool = False  # the passage must open the document (title, date line)


NAMES = ["Nguyễn Văn Hùng", "Trần Thị Hoa", "Lê Minh Tuấn", "Phạm Quốc Bảo", "Hoàng Văn Nam", "Võ Thị Lan",
         "Đặng Văn Khoa", "Bùi Thanh Sơn", "Đỗ Thị Mai", "Ngô Quang Vinh", "Dương Văn Thành", "Lý Thị Thu"]
SLIPPED = {"Nguyễn": "Nguyên", "Trần": "Trân", "Lê": "Lệ", "Phạm": "Phan", "Hoàng": "Hoàn", "Võ": "Vỏ",
           "Đặng": "Đăng", "Bùi": "Bùi", "Đỗ": "Độ", "Ngô": "Ngộ", "Dương": "Dướng", "Lý": "Ly"}
PLACES = ["xã Tân Lập", "xã Hòa Bình", "thị trấn Phú Mỹ", "xã Quảng Phú", "xã Đông Sơn", "xã Yên Lạc"]


def vn(x: float, decimals: int = 1) -> str:
    """A number written the Vietnamese way: thousands with '.', decimals with ','."""
    whole, _, frac = f"{x:,.{decimals}f}".partition(".")
    whole = whole.replace(",", ".")
    frac = frac.rstrip("0")
    return whole + ("," + frac if frac else "")


def pct(x: float) -> str:
    return vn(round(x, 1), 1) + "%"


# -- the kinds -------------------------------------------------------------------------------
def plan_month(r: random.Random) -> list[Callable[[random.Random], Planting]]:
    def f1(r):
        m = r.randint(1, 10)
        wrong = m + r.choice([2, 3]) if m < 10 else m - 1
        s = "Hội nghị đã đánh giá kết quả thực hiện nhiệm vụ tháng {} và đề ra nhiệm vụ trọng tâm tháng {} năm 2021."
        return s.format(m, wrong), s.format(m, m + 1)

    def f2(r):
        m = r.randint(2, 10)
        wrong = m
        s = "Sau khi nghe báo cáo kết quả công tác tháng {}, Ban Thường vụ đã bàn phương hướng, nhiệm vụ tháng {}."
        return s.format(m, wrong), s.format(m, m + 1)

    def f3(r):
        m = r.randint(1, 10)
        wrong = m + 2 if m <= 9 else m - 2
        s = ("Tại hội nghị giao ban, các đơn vị báo cáo tình hình tháng {} năm 2022; trên cơ sở đó, "
             "Thường trực Huyện ủy chỉ đạo triển khai các nhiệm vụ tháng {} năm 2022.")
        return s.format(m, wrong), s.format(m, m + 1)

    def f4(r):
        m = r.randint(3, 10)
        wrong = m - 1
        s = "Kết luận hội nghị, đồng chí Chủ tịch UBND huyện yêu cầu các ngành tập trung thực hiện tốt phương hướng tháng {} sau khi đã kiểm điểm kết quả tháng {}."
        return s.format(wrong, m), s.format(m + 1, m)

    return [f1, f2, f3, f4]


def cumulative_below_month(r):
    def f1(r):
        m = r.randint(3, 11)
        x = r.randint(30, 90)
        low, high = r.randint(10, x - 5), x * m + r.randint(5, 40)
        s = "Thu ngân sách trên địa bàn trong tháng {} đạt {} tỷ đồng, lũy kế {} tháng đạt {} tỷ đồng."
        return s.format(m, x, m, low), s.format(m, x, m, high)

    def f2(r):
        x = r.randint(150, 400)
        low, high = r.randint(60, x - 20), x + r.randint(300, 900)
        s = "Trong tháng cấp mới {} giấy chứng nhận quyền sử dụng đất, nâng tổng số từ đầu năm lên {} giấy."
        return s.format(x, low), s.format(x, high)

    def f3(r):
        m = r.randint(4, 11)
        x = r.randint(40, 120)
        low, high = r.randint(10, x - 10), x * m - r.randint(0, 30)
        s = "Tháng {}, toàn huyện giải quyết việc làm mới cho {} lao động; tính chung {} tháng đầu năm, đã giải quyết việc làm cho {} lao động."
        return s.format(m, x, m, low), s.format(m, x, m, high)

    def f4(r):
        x = vn(r.randint(120, 300) / 10)
        xv = float(x.replace(",", "."))
        low, high = vn(max(1.0, xv - r.randint(30, 90) / 10)), vn(xv + r.randint(200, 600) / 10)
        s = "Giá trị sản xuất công nghiệp trong tháng ước đạt {} tỷ đồng; cộng dồn từ đầu năm đến nay đạt {} tỷ đồng."
        return s.format(x, low), s.format(x, high)

    return [f1, f2, f3, f4]


ANNIVERSARIES = [
    ("Ngày thành lập Đảng Cộng sản Việt Nam", 1930, "3/2/{base} - 3/2/{year}"),
    ("Chiến thắng Điện Biên Phủ", 1954, "7/5/{base} – 7/5/{year}"),
    ("Ngày Giải phóng miền Nam, thống nhất đất nước", 1975, "30/4/{base} - 30/4/{year}"),
    ("Cách mạng Tháng Tám và Quốc khánh 2/9", 1945, "{base} – {year}"),
]


def anniversary(r):
    def make(style):
        def f(r):
            event, base, rng = r.choice(ANNIVERSARIES)
            year = r.randint(2019, 2025)
            right = year - base
            wrong = right + r.choice([-2, -1, 1, 2])
            if style == 0:
                s = "Huyện tổ chức trọng thể Lễ kỷ niệm {n} năm " + event + " (" + rng.format(base=base, year=year) + ")."
            elif style == 1:
                s = "Năm " + str(year) + ", toàn Đảng bộ tổ chức nhiều hoạt động thiết thực chào mừng kỷ niệm {n} năm " + event + "."
            elif style == 2:
                s = "Ngày hội văn hóa được tổ chức nhân dịp kỷ niệm {n} năm " + event + " (" + str(base) + " – " + str(year) + ")."
            else:
                s = "Hướng tới kỷ niệm {n} năm " + event + ", trong năm " + str(year) + " các xã đã phát động thi đua."
            return s.format(n=wrong), s.format(n=right)
        return f
    return [make(i) for i in range(4)]


def incompatible_titles(r):
    def make(style):
        def f(r):
            name = r.choice(NAMES)
            pairs = [("Bí thư Huyện ủy", "Phó Bí thư Huyện ủy"), ("Chủ tịch UBND huyện", "Phó Chủ tịch UBND huyện"),
                     ("Chủ tịch HĐND huyện", "Phó Chủ tịch HĐND huyện")]
            t1, t2 = r.choice(pairs)
            compatible = {"Bí thư Huyện ủy": "Chủ tịch HĐND huyện", "Chủ tịch UBND huyện": "Phó Bí thư Huyện ủy",
                          "Chủ tịch HĐND huyện": "Bí thư Huyện ủy"}[t1]
            if style == 0:
                s = "Đồng chí {n}, {a} chủ trì hội nghị. Phát biểu kết luận, đồng chí {n}, {b} đề nghị các xã khẩn trương triển khai."
            elif style == 1:
                s = "{A} {n} dự và chỉ đạo hội nghị. Cuối buổi làm việc, {b} {n} yêu cầu các phòng, ban bám sát cơ sở."
            elif style == 2:
                s = "Tham dự có đồng chí {n} - {a}. Trong phần thảo luận, đồng chí {n} - {b} nhấn mạnh yêu cầu cải cách hành chính."
            else:
                s = "Theo ông {n}, {a}, huyện sẽ ưu tiên vốn cho giao thông nông thôn; ông {n} ({b}) cũng cho biết thêm về tiến độ giải ngân."
            err = s.format(n=name, a=t1, b=t2, A=t1)
            ok = s.format(n=name, a=t1, b=compatible, A=t1)
            return err, ok
        return f
    return [make(i) for i in range(4)]


def parts_exceed_total(r):
    def f1(r):
        t = r.randint(60, 200)
        a, b = r.randint(t // 2, t - 5), 0
        b = t - a + r.randint(3, 20)
        ok_b = t - a - r.randint(1, 5)
        s = "Toàn huyện có {} hộ được hỗ trợ, trong đó {} hộ nghèo, {} hộ cận nghèo."
        return s.format(t, a, b), s.format(t, a, ok_b)

    def f2(r):
        t = r.randint(200, 900)
        a = r.randint(t // 3, t // 2)
        b = t - a + r.randint(5, 40)
        s = "Tổng số lao động được đào tạo nghề là {} người, gồm {} lao động nữ và {} lao động nam."
        return s.format(t, a, b), s.format(t, a, t - a)

    def f3(r):
        t = r.randint(20, 60)
        a, b = r.randint(5, t // 2), r.randint(5, t // 2)
        c = t - a - b + r.randint(2, 9)
        s = "Trong tháng tiếp nhận {} đơn thư, trong đó: {} đơn khiếu nại, {} đơn tố cáo, {} đơn kiến nghị, phản ánh."
        return s.format(t, a, b, c), s.format(t, a, b, t - a - b)

    def f4(r):
        t = r.randint(1000, 3000)
        a = r.randint(t // 2, t - 100)
        b = t - a + r.randint(50, 300)
        s = "Đã tiêm {} liều vắc xin ({} liều cho người trên 18 tuổi, {} liều cho trẻ em)."
        return s.format(vn(t, 0), vn(a, 0), vn(b, 0)), s.format(vn(t, 0), vn(a, 0), vn(t - a, 0))

    return [f1, f2, f3, f4]


def cumulative_months_title(r):
    def make(style):
        def f(r):
            n = r.randint(4, 10)
            k = n + r.choice([-2, 1, 2])  # N-1 could be the early-next-month convention
            title = ["BÁO CÁO\nTình hình kinh tế - xã hội tháng {n} năm 2021", "Báo cáo kết quả thực hiện nhiệm vụ tháng {n} năm 2022",
                     "Kết quả công tác tháng {n}/2021 và nhiệm vụ tháng tới", "BÁO CÁO tháng {n} năm 2020"][style]
            body = ["Lũy kế {k} tháng đầu năm, tổng thu ngân sách đạt 120 tỷ đồng.",
                    "Tính chung {k} tháng, toàn huyện có 35 doanh nghiệp thành lập mới.",
                    "Cộng dồn {k} tháng năm nay, giá trị xuất khẩu đạt 56 triệu USD.",
                    "Lũy kế đến hết tháng {k}, đã giải ngân 310 tỷ đồng vốn đầu tư công."][style]
            s = title + "\n" + body
            return s.format(n=n, k=k), s.format(n=n, k=n)
        return f
    return [make(i) for i in range(4)]


DOUBLED = [("công tác", "công tác tác"), ("quy định", "quy quy định"), ("lĩnh vực", "lĩnh vực vực"),
           ("chấn chỉnh", "chấn chấn chỉnh"), ("báo cáo", "báo cáo cáo"), ("triển khai", "triển triển khai"),
           ("kinh tế", "kinh kinh tế"), ("thực hiện", "thực hiện hiện"), ("nhân dân", "nhân nhân dân"), ("đầu tư", "đầu đầu tư")]
REDUP_OK = ["song song", "dần dần", "nhà nhà", "thường thường", "từ từ", "ngày ngày", "người người", "đời đời"]


def doubled_syllable(r):
    def f1(r):
        right, wrong = r.choice(DOUBLED)
        s = "Các xã cần tăng cường {} trong thời gian tới, bảo đảm đúng tiến độ đề ra."
        return s.format(wrong), s.format(right)

    def f2(r):
        right, wrong = r.choice(DOUBLED)
        s = "Ủy ban nhân dân huyện đã chỉ đạo rà soát {} của từng đơn vị."
        return s.format(wrong), s.format(right)

    def f3(r):
        right, wrong = r.choice(DOUBLED)
        ok = r.choice(REDUP_OK)
        s_err = "Nhiều hộ dân phấn khởi vì {} đã có chuyển biến rõ nét." .format(wrong)
        s_ok = "Nhiều hộ dân phấn khởi vì đời sống {} được cải thiện.".format(ok)
        return s_err, s_ok

    def f4(r):
        right, wrong = r.choice(DOUBLED)
        s = "Thời gian qua, huyện đã làm tốt {}, nhất là ở các xã vùng sâu."
        return s.format(wrong), "Thời gian qua, huyện vừa thi công công trình nước sạch, nhất là ở các xã vùng sâu."

    return [f1, f2, f3, f4]


def name_two_ways(r):
    def make(style):
        def f(r):
            name = r.choice(NAMES)
            sur, rest = name.split(" ", 1)
            given = rest.split()[-1]
            if style % 2 == 0:
                slip = SLIPPED.get(sur, sur) + " " + rest if SLIPPED.get(sur, sur) != sur else name[:-1]
            else:
                slip = sur + " " + rest[: -len(given)] + given[:-1] if len(given) > 3 else sur + " " + rest + "h"
            forms = ["Đồng chí {a} chủ trì buổi làm việc. Kết luận buổi làm việc, đồng chí {b} ghi nhận những kết quả đạt được.",
                     "Ông {a} cho biết huyện sẽ hoàn thành kế hoạch; theo ông {b}, khó khăn lớn nhất là vốn.",
                     "Bà {a} được bầu giữ chức Chủ tịch Hội Nông dân huyện. Phát biểu nhận nhiệm vụ, bà {b} cảm ơn sự tín nhiệm của đại biểu.",
                     "Tham dự có đồng chí {a}. Đồng chí {b} đề nghị các xã quan tâm công tác phát triển đảng viên."]
            s = forms[style]
            return s.format(a=name, b=slip), s.format(a=name, b=name)
        return f
    return [make(i) for i in range(4)]


def percent_part_whole(r):
    def f1(r):
        b = r.randint(300, 900); a = r.randint(b // 2, b - 10)
        right = a / b * 100
        wrong = right + r.choice([-1, 1]) * r.uniform(4, 12)
        s = "Toàn xã có {} trong tổng số {} hộ tham gia bảo hiểm y tế, chiếm tỷ lệ {}."
        return s.format(a, b, pct(wrong)), s.format(a, b, pct(right))

    def f2(r):
        b = r.randint(20, 40); a = r.randint(b // 2, b - 1)
        right = a / b * 100
        wrong = right + r.choice([-1, 1]) * r.uniform(5, 15)
        s = "Đến nay đã có {}/{} xã đạt chuẩn nông thôn mới, đạt {}."
        return s.format(a, b, pct(wrong)), s.format(a, b, pct(right))

    def f3(r):
        b = r.randint(1000, 5000); a = r.randint(b // 3, b - 100)
        right = a / b * 100
        wrong = right + r.choice([-1, 1]) * r.uniform(5, 15)
        s = "Số học sinh tốt nghiệp là {} em, đạt {} ({} em dự thi)."
        return s.format(vn(a, 0), pct(wrong), vn(b, 0)), s.format(vn(a, 0), pct(right), vn(b, 0))

    def f4(r):
        b = r.randint(50, 200) * 10; a = r.randint(b // 2, b - 10)
        right = a / b * 100
        wrong = right + r.choice([-1, 1]) * r.uniform(4, 10)
        s = "Diện tích lúa đã thu hoạch {} ha trên tổng số {} ha gieo cấy, đạt {} diện tích."
        return s.format(vn(a, 0), vn(b, 0), pct(wrong)), s.format(vn(a, 0), vn(b, 0), pct(right))

    return [f1, f2, f3, f4]


def dated_after_meeting(r):
    def make(style):
        def f(r):
            m = r.randint(2, 10); d = r.randint(2, 20)
            later_d, earlier_d = d + r.randint(3, 8), max(1, d - r.randint(3, 15))
            meeting = ["Ngày {d}/{m}/2021, Thường trực Huyện ủy tổ chức hội nghị giao ban tháng {m}.",
                       "Sáng ngày {d} tháng {m} năm 2021, Ban Thường vụ Huyện ủy họp nghe báo cáo tình hình.",
                       "Hội nghị giao ban khối xã, thị trấn được tổ chức ngày {d}/{m}/2021 tại hội trường Huyện ủy.",
                       "Chiều {d}/{m}/2021, UBND huyện tổ chức hội nghị đánh giá tình hình thực hiện nhiệm vụ."][style]
            cited = ["Thực hiện Kế hoạch số 45-KH/HU ngày {cd}/{m}/2021 của Ban Thường vụ Huyện ủy, các xã đã triển khai đồng bộ.",
                     "Hội nghị đã nghe Báo cáo số 112/BC-UBND, ngày {cd} tháng {m} năm 2021 của UBND huyện về kết quả thu ngân sách.",
                     "Căn cứ Công văn số 230/UBND-VP ngày {cd}/{m}/2021 của UBND huyện, hội nghị thống nhất lịch tiếp dân.",
                     "Theo Báo cáo số 57-BC/HU ngày {cd}/{m}/2021, toàn huyện đã kết nạp 86 đảng viên mới."][style]
            s = meeting + "\n" + cited
            return s.format(d=d, m=m, cd=later_d), s.format(d=d, m=m, cd=earlier_d)
        return f
    return [make(i) for i in range(4)]


MISSPELT = [("xử lý", "sử lý"), ("bổ sung", "bổ xung"), ("sản xuất", "sản suất"), ("chặt chẽ", "chặt chẻ"),
            ("xuất sắc", "xuất xắc"), ("giữ gìn", "dữ gìn"), ("sáp nhập", "sát nhập"), ("đẩy mạnh", "đầy mạnh"),
            ("khuyến nại", "khuyến nại"), ("chẩn đoán", "chuẩn đoán"), ("thống nhất", "thông nhất"), ("trau dồi", "trau giồi")]


def known_misspelling(r):
    pairs = [p for p in MISSPELT if p[0] != p[1]]

    def make(template):
        def f(r):
            right, wrong = r.choice(pairs)
            return template.format(wrong), template.format(right)
        return f
    return [make(t) for t in ("Các ngành cần {} dứt điểm những tồn tại đã chỉ ra.",
                              "Hội nghị yêu cầu tiếp tục {} các giải pháp đã đề ra trong năm.",
                              "Việc {} được các đơn vị quan tâm thực hiện.",
                              "Đồng chí Bí thư nhấn mạnh phải {} hơn nữa trong thời gian tới.")]


def tone_mixing(r):
    def f1(r):
        return ("Ban Thường vụ Huyện uỷ đã ban hành kế hoạch. Thường trực Huyện ủy theo dõi việc thực hiện.",
                "Ban Thường vụ Huyện ủy đã ban hành kế hoạch. Thường trực Huyện ủy theo dõi việc thực hiện.")

    def f2(r):
        return ("Xã Hoà Bình đạt chuẩn nông thôn mới; xã Hòa Bình cũng hoàn thành kế hoạch thu ngân sách.",
                "Xã Hòa Bình đạt chuẩn nông thôn mới; xã Hòa Bình cũng hoàn thành kế hoạch thu ngân sách.")

    def f3(r):
        return ("Công tác thuỷ lợi được chú trọng, các công trình thủy lợi được nạo vét trước mùa mưa.",
                "Công tác thủy lợi được chú trọng, các công trình thủy lợi được nạo vét trước mùa mưa.")

    def f4(r):
        return ("Ủy ban nhân dân xã phối hợp với Uỷ ban Mặt trận Tổ quốc xã tổ chức tuyên truyền.",
                "Ủy ban nhân dân xã phối hợp với Ủy ban Mặt trận Tổ quốc xã tổ chức tuyên truyền.")

    return [f1, f2, f3, f4]


def published_before_event(r):
    def make(style):
        def f(r):
            m = r.randint(2, 11); d = r.randint(5, 25)
            pub_bad, pub_ok = d - r.randint(1, 4), d + r.randint(0, 2)
            head = ["Cập nhật: 09:15 {p:02d}/{m:02d}/2021", "{p:02d}/{m:02d}/2021 10:30", "Thứ Ba, {p:02d}/{m:02d}/2021 - 14:05",
                    "Ngày đăng: {p}/{m}/2021"][style]
            body = "Hội nghị giao ban\n" + head + "\nNgày {d}/{m}/2021, Thường trực Huyện ủy tổ chức hội nghị giao ban các xã, thị trấn."
            return body.format(p=pub_bad, d=d, m=m), body.format(p=pub_ok, d=d, m=m)
        return f
    return [make(i) for i in range(4)]


def term_length(r):
    def make(template):
        def f(r):
            start = r.choice([2015, 2020, 2021, 2016])
            wrong = start + r.choice([4, 6])
            return template.format(a=start, b=wrong), template.format(a=start, b=start + 5)
        return f
    return [make(t) for t in ("Đại hội đại biểu Đảng bộ huyện lần thứ XXI, nhiệm kỳ {a} – {b} đã thành công tốt đẹp.",
                              "Ban Chấp hành Hội Cựu chiến binh huyện nhiệm kỳ {a}-{b} ra mắt đại hội.",
                              "Kỳ họp thứ nhất HĐND huyện khóa XX (nhiệm kỳ {a} - {b}) đã bầu các chức danh chủ chốt.",
                              "Nghị quyết đại hội nhiệm kỳ {a} đến {b} đề ra 15 chỉ tiêu chủ yếu.")]


def malformed_date(r):
    def f1(r):
        d, m = r.randint(10, 28), r.randint(10, 12)
        return f"Ngày {d}/{m}2021, UBND huyện tổ chức hội nghị.", f"Ngày {d}/{m}/2021, UBND huyện tổ chức hội nghị."

    def f2(r):
        d, m = r.randint(1, 28), r.randint(1, 12)
        return f"Hội nghị diễn ra ngày {d}//{m}/2022 tại hội trường.", f"Hội nghị diễn ra ngày {d}/{m}/2022 tại hội trường."

    def f3(r):
        d, m = r.randint(1, 28), r.randint(1, 12)
        return f"Theo Kế hoạch số 15/KH-UBND ngày {d}/ {m}/2021, các xã triển khai.", f"Theo Kế hoạch số 15/KH-UBND ngày {d}/{m}/2021, các xã triển khai."

    def f4(r):
        d, m = r.randint(1, 28), r.randint(1, 12)
        return f"Ngày {d}.{m}-2021, huyện phát động phong trào thi đua.", f"Ngày {d}.{m}.2021, huyện phát động phong trào thi đua."

    return [f1, f2, f3, f4]


def title_month(r):
    def make(style):
        def f(r):
            n = r.randint(3, 9)
            # A title one month after the body is a convention (a meeting early in M+1
            # reviewing M is called "giao ban tháng M+1"), so errors are the other shifts.
            wrong = n + r.choice([-1, 2, 3])
            title = ["BÁO CÁO\nKết quả giao ban tháng {t} năm 2021", "Kết quả thực hiện nhiệm vụ tháng {t}/2021",
                     "Báo cáo tình hình kinh tế - xã hội tháng {t} năm 2022", "THÔNG BÁO kết luận giao ban tháng {t}"][style]
            body = ["Trong tháng {n}, tình hình an ninh chính trị trên địa bàn ổn định; các xã hoàn thành kế hoạch thu ngân sách tháng {n}.",
                    "Kết quả thực hiện nhiệm vụ tháng {n}: sản xuất nông nghiệp được quan tâm, tiến độ gieo cấy đạt kế hoạch.",
                    "Tháng {n} năm 2022, giá trị sản xuất công nghiệp tăng khá; thu ngân sách tháng {n} đạt 95% kế hoạch tháng.",
                    "Hội nghị đã đánh giá kết quả tháng {n}, nhiều chỉ tiêu đạt và vượt kế hoạch."][style]
            s = title + "\n" + body
            return s.format(t=wrong, n=n), s.format(t=n, n=n)
        return f
    return [make(i) for i in range(4)]


def growth_vs_ratio(r):
    def f1(r):
        g = r.randint(50, 300) / 10
        s = "Doanh thu đạt {} tỷ đồng, tăng {} so với cùng kỳ (bằng {})."
        x = r.randint(80, 300)
        return s.format(x, pct(g), pct(100 + g + r.choice([-10, 10]))), s.format(x, pct(g), pct(100 + g))

    def f2(r):
        g = r.randint(30, 200) / 10
        s = "Tổng mức bán lẻ hàng hóa ước đạt {} tỷ đồng, bằng {} so với cùng kỳ, tăng {}."
        x = r.randint(200, 900)
        return s.format(x, pct(100 + g + r.choice([-8, 8])), pct(g)), s.format(x, pct(100 + g), pct(g))

    def f3(r):
        g = r.randint(20, 150) / 10
        s = "Kim ngạch xuất khẩu đạt {} triệu USD, tăng {} (bằng {} cùng kỳ năm trước)."
        x = r.randint(20, 90)
        return s.format(x, pct(g), pct(100 + g - r.choice([5, 12]))), s.format(x, pct(g), pct(100 + g))

    def f4(r):
        g = r.randint(20, 150) / 10
        s = "Thu ngân sách đạt {} tỷ đồng, bằng {} so với cùng kỳ năm 2020 (tăng {})."
        x = r.randint(50, 200)
        return s.format(x, pct(100 + g + 10), pct(g)), s.format(x, pct(100 + g), pct(g))

    return [f1, f2, f3, f4]


def same_document_two_dates(r):
    def make(style):
        def f(r):
            n = r.randint(10, 300); d = r.randint(1, 20); m = r.randint(1, 12)
            sym = ["KH-UBND", "BC/HU", "QĐ-UBND", "CV/HU"][style]
            word = ["Kế hoạch", "Báo cáo", "Quyết định", "Công văn"][style]
            sep = "/" if "UBND" in sym else "-"  # 12/KH-UBND (State), 12-BC/HU (Party)
            s = ("Thực hiện {w} số {n}{sep}{sym} ngày {d}/{m}/2021 của cấp ủy, các đơn vị đã vào cuộc. "
                 "Đến nay, các nội dung của {w} số {n}{sep}{sym} ngày {d2}/{m}/2021 cơ bản hoàn thành.")
            return s.format(w=word, n=n, sep=sep, sym=sym, d=d, m=m, d2=d + r.randint(2, 8)), s.format(w=word, n=n, sep=sep, sym=sym, d=d, m=m, d2=d)
        return f
    return [make(i) for i in range(4)]


def shares_over_100(r):
    def f1(r):
        x = r.randint(101, 160)
        s = "Vốn ngân sách nhà nước chiếm tỷ trọng {} tổng vốn đầu tư toàn xã hội."
        return s.format(pct(x)), s.format(pct(x - 60))

    def f2(r):
        a = r.randint(55, 75); b = 100 - a + r.randint(8, 25)
        s = "Trong cơ cấu kinh tế, nông nghiệp chiếm {}, công nghiệp - xây dựng chiếm {}."
        return s.format(pct(a), pct(b)), s.format(pct(a), pct(100 - a - 5))

    def f3(r):
        x = r.randint(105, 140)
        s = "Số hộ nghèo được vay vốn chiếm {} tổng số hộ nghèo của huyện."
        return s.format(pct(x)), s.format(pct(x - 50))

    def f4(r):
        a = r.randint(40, 55); b = r.randint(20, 40); c = 100 - a - b + r.randint(10, 20)
        s = "Lao động nông nghiệp chiếm {}, công nghiệp chiếm {} và dịch vụ chiếm {} tổng số lao động."
        return s.format(pct(a), pct(b), pct(c)), s.format(pct(a), pct(b), pct(max(1, 100 - a - b)))

    return [f1, f2, f3, f4]


WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]


def weekday(r):
    import datetime as dt

    def make(template):
        def f(r):
            day = dt.date(2021, 1, 1) + dt.timedelta(days=r.randint(0, 360))
            right = WEEKDAYS[day.weekday()]
            wrong = WEEKDAYS[(day.weekday() + r.randint(1, 6)) % 7]
            return template.format(w=wrong, d=day.day, m=day.month), template.format(w=right, d=day.day, m=day.month)
        return f
    return [make(t) for t in ("Sáng {w}, ngày {d}/{m}/2021, huyện tổ chức lễ ra quân.", "{w} ({d}/{m}/2021), UBND huyện họp thường kỳ.",
                              "Vào {w} ngày {d} tháng {m} năm 2021, đoàn công tác làm việc tại xã.", "Chiều {w}, {d}/{m}/2021, Ban Thường vụ họp.")]


def doc_type_vs_symbol(r):
    def make(template):
        def f(r):
            n = r.randint(10, 900)
            wrong_pairs = [("Quyết định", "KH-UBND"), ("Kế hoạch", "QĐ-UBND"), ("Báo cáo", "TB-UBND"), ("Thông báo", "BC-UBND")]
            w, sym = r.choice(wrong_pairs)
            right_sym = {"Quyết định": "QĐ-UBND", "Kế hoạch": "KH-UBND", "Báo cáo": "BC-UBND", "Thông báo": "TB-UBND"}[w]
            return template.format(w=w, n=n, s=sym), template.format(w=w, n=n, s=right_sym)
        return f
    return [make(t) for t in ("Thực hiện {w} số {n}/{s} ngày 15/3/2021 của UBND huyện, các xã đã triển khai.",
                              "UBND huyện ban hành {w} số {n}/{s} về công tác phòng chống thiên tai.",
                              "Căn cứ {w} {n}/{s} của Ủy ban nhân dân huyện, phòng chuyên môn đã hướng dẫn cơ sở.",
                              "Theo {w} số {n}/{s}, kinh phí được phân bổ cho 12 xã.")]


def symbol_year(r):
    def make(template):
        def f(r):
            n = r.randint(1, 60); y = r.randint(2018, 2022)
            return template.format(n=n, y=y, yd=y + 1), template.format(n=n, y=y, yd=y)
        return f
    return [make(t) for t in ("Thực hiện Quyết định số {n}/{y}/QĐ-UBND ngày 10/3/{yd} của UBND tỉnh về quy định giá đất.",
                              "Nghị quyết số {n}/{y}/NQ-HĐND ngày 12/7/{yd} của HĐND tỉnh đã được triển khai.",
                              "Theo Quyết định {n}/{y}/QĐ-UBND, ngày 02/11/{yd}, mức hỗ trợ được nâng lên.",
                              "Căn cứ Nghị quyết số {n}/{y}/NQ-HĐND, ngày 8 tháng 12 năm {yd}, huyện bố trí vốn đối ứng.")]


def nfd(r):
    def make(template):
        def f(r):
            right = template.format(r.choice(PLACES))
            return unicodedata.normalize("NFD", right), right
        return f
    return [make(t) for t in ("Hội nghị giao ban tại {} đã thống nhất các nhiệm vụ trọng tâm.", "Nhân dân {} tích cực hiến đất làm đường.",
                              "Trạm y tế {} đạt chuẩn quốc gia.", "Các hộ dân ở {} được hỗ trợ giống lúa.")]


KINDS = [
    Kind("plan month not next", ("period.plan-not-next",), plan_month(None)),
    Kind("cumulative below month", ("number.cumulative-below-month", "number.cumulative-decrease", "number.cumulative-sum-mismatch"), cumulative_below_month(None)),
    Kind("anniversary count", ("date.anniversary-count",), anniversary(None)),
    Kind("incompatible titles", ("name.title-conflict",), incompatible_titles(None)),
    Kind("parts exceed total", ("number.parts-exceed-total",), parts_exceed_total(None)),
    Kind("cumulative K in month-N report", ("period.cumulative-impossible", "period.title-mismatch"), cumulative_months_title(None), at_start=True),
    Kind("doubled syllable", ("text.repeated-syllable",), doubled_syllable(None)),
    Kind("name two ways", ("name.variant",), name_two_ways(None)),
    Kind("percentage vs part/whole", ("number.percent-mismatch",), percent_part_whole(None)),
    Kind("cited after meeting", ("citation.dated-after-meeting",), dated_after_meeting(None), at_start=True),
    Kind("known misspelling", ("text.typo", "text.real-word-slip", "text.invalid-syllable"), known_misspelling(None)),
    Kind("tone-mark mixing", ("text.tone-style-mixed",), tone_mixing(None)),
    Kind("published before event", ("date.published-before-event",), published_before_event(None), at_start=True),
    Kind("term length", ("period.term-length",), term_length(None)),
    Kind("malformed date", ("date.malformed", "date.impossible"), malformed_date(None)),
    Kind("title month", ("period.title-mismatch",), title_month(None), at_start=True),
    Kind("growth vs ratio", ("number.growth-ratio-mismatch",), growth_vs_ratio(None)),
    Kind("same document two dates", ("citation.inconsistent-repeat",), same_document_two_dates(None)),
    Kind("shares over 100%", ("number.share-over-100",), shares_over_100(None)),
    Kind("weekday", ("date.weekday-mismatch",), weekday(None)),
    Kind("document type vs symbol", ("citation.type-mismatch",), doc_type_vs_symbol(None)),
    Kind("number year vs date", ("date.symbol-year-mismatch",), symbol_year(None)),
    Kind("NFD text", ("text.unicode-normalisation",), nfd(None)),
]


def hosts(shared: Path) -> list[str]:
    files = sorted((shared / "corpus" / "real").glob("*.txt")) + sorted((shared / "seeds").glob("*.txt"))
    return [f.read_text(encoding="utf-8") for f in files]


def plant(host: str, passage: str, at_start: bool, r: random.Random) -> tuple[str, int, int]:
    """The host text with ``passage`` inserted as paragraphs of its own: at the start, or
    after a random paragraph past the title and lead; returns the text and the passage's span."""
    if at_start:
        return passage + "\n" + host, 0, len(passage)
    lines = host.split("\n")
    at = r.randint(min(2, len(lines)), len(lines))
    before = "\n".join(lines[:at])
    start = len(before) + (1 if before else 0)
    text = (before + "\n" if before else "") + passage + ("\n" + "\n".join(lines[at:]) if lines[at:] else "")
    return text, start, start + len(passage)


def findings_in(text: str, start: int, end: int, rules: tuple[str, ...]) -> list:
    from giaoban_qa.config import Config
    from giaoban_qa.engine import check_document, locate, selected_rules
    from giaoban_qa.document import build_document

    global _CONFIG, _RULES
    if "_RULES" not in globals():
        _CONFIG = Config()
        _RULES = selected_rules(_CONFIG)
    doc = build_document("planted.txt", text, "txt")
    found = []
    for f in check_document(doc, _RULES, _CONFIG):
        if f.rule in rules:
            loc = locate(doc, f, _CONFIG)
            if loc.start < end and loc.end > start:
                found.append(loc)
    return found


def main(kinds: list[Kind] | None = None, per_kind: int = 30, seed: int = 2026, description: str = __doc__) -> int:
    """Plant each kind's forms and print found and false alarms per kind (``kinds``: this
    file's own unless another template set, such as ``eval_blind_v2``, passes its own)."""
    kinds = KINDS if kinds is None else kinds
    parser = argparse.ArgumentParser(description=description.splitlines()[0])
    parser.add_argument("--per-kind", type=int, default=per_kind, help="error plantings (and as many correct ones) per kind")
    parser.add_argument("--seed", type=int, default=seed)
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--kind", action="append", help="only these kinds (substring)")
    args = parser.parse_args()
    shared = shared_dir()
    if shared is None:
        print("needs ../shared (corpus/real and seeds)", file=sys.stderr)
        return 2
    texts = hosts(shared)
    r = random.Random(args.seed)
    totals = defaultdict(int)
    print(f"{'kind':34} {'found':>9} {'false alarms':>13}")
    for kind in kinds:
        if args.kind and not any(k in kind.name for k in args.kind):
            continue
        found = alarms = 0
        misses, wrong = [], []
        for i in range(args.per_kind):
            form = kind.forms[i % len(kind.forms)]
            error, correct = form(r)
            host = r.choice(texts)
            text, start, end = plant(host, error, kind.at_start, r)
            if findings_in(text, start, end, kind.rules):
                found += 1
            else:
                misses.append(error)
            text, start, end = plant(host, correct, kind.at_start, r)
            hits = findings_in(text, start, end, kind.rules)
            if hits:
                alarms += 1
                wrong.append((correct, hits[0].rule))
        n = args.per_kind
        totals["found"] += found
        totals["alarms"] += alarms
        totals["n"] += n
        print(f"{kind.name:34} {found:3}/{n:<3} {found / n:4.0%} {alarms:5}/{n:<3} {alarms / n:4.0%}")
        if args.show_misses:
            for m in misses[:4]:
                print("    missed:", m.replace("\n", " ⏎ "))
            for c, rule in wrong[:4]:
                print(f"    false alarm ({rule}):", c.replace("\n", " ⏎ "))
    n = totals["n"]
    print(f"{'total':34} {totals['found']:3}/{n:<3} {totals['found'] / n:4.0%} {totals['alarms']:5}/{n:<3} {totals['alarms'] / n:4.0%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
