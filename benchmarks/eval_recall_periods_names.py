"""Recall and false alarms of the period, date, name and citation rules on errors planted
into real articles in surface forms mined from the pool (issue 11, step 4).

    python benchmarks/eval_recall_periods_names.py [--per-form 4] [--show]

Each error kind has eight surface forms (templates in our own words, shaped after the
constructions ``mine_periods_names.py`` finds in real text: review and plan months joined by
"đề ra", "bàn", "phương hướng", "triển khai", "nhiệm vụ tháng …"; "lũy kế / tính chung /
cộng dồn K tháng"; an anniversary whose year is only in the sentence or in "(1954 – 2024)";
titles before or after a name, with a dash, a comma, parentheses or "đồng chí"; a surname
slip; a citation dated after the meeting; a term written with a dash of any kind). Each form
yields an erroneous statement and a correct look-alike. A form is planted as a new
paragraph after a seeded paragraph of a seeded article of ``../shared/corpus/real`` or of
the seeds, one article at a time. A planted error is found when the kind's rule reports a
finding inside the planted paragraph; a correct look-alike is a false alarm when it does.

Forms with an odd index are held out: they were written before tuning and not looked at
while the extractors were changed; the table reports both halves.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, os.environ.get("EVAL_SRC", str(ROOT / "src")))

from giaoban_qa.config import Config  # noqa: E402
from giaoban_qa.document import build_document  # noqa: E402
from giaoban_qa.engine import check_document, selected_rules  # noqa: E402

SEED = 11
Form = Callable[[random.Random], tuple[str, str]]  # rng -> (erroneous paragraph, correct look-alike)


def _m(rng: random.Random, lo: int = 2, hi: int = 10) -> int:
    return rng.randint(lo, hi)


def _y(rng: random.Random) -> int:
    return rng.randint(2018, 2024)


# -- plan month not the month after the review month -------------------------------------


def _plan(template: str) -> Form:
    def make(rng: random.Random) -> tuple[str, str]:
        m, y = _m(rng, 1, 11), _y(rng)
        wrong = (m + 1) % 12 + 1 if rng.random() < 0.6 or m == 1 else m  # skips a month, or repeats it
        ok_m = rng.choice([m, 12]) if rng.random() < 0.2 else m
        ok_p = 1 if ok_m == 12 else ok_m + 1
        # {py}: the plan's year when the review's is written too (December, then January of the next year).
        return template.format(m=m, p=wrong, y=y, py=y), template.format(m=ok_m, p=ok_p, y=y, py=y + (ok_m == 12))

    return make


PLAN_FORMS = [
    _plan("Hội nghị đánh giá kết quả thực hiện nhiệm vụ tháng {m} và đề ra phương hướng, nhiệm vụ tháng {p}."),
    _plan("Chiều cùng ngày, Thường trực Huyện ủy họp kiểm điểm công tác tháng {m}, bàn nhiệm vụ tháng {p} năm {y}."),
    _plan("UBND xã tổ chức giao ban đánh giá tình hình tháng {m}, triển khai nhiệm vụ trọng tâm tháng {p}."),
    _plan("Báo cáo kết quả công tác tháng {m}/{y} và phương hướng nhiệm vụ tháng {p}/{py} được hội nghị thông qua."),
    _plan("Ban Thường vụ Đảng ủy đánh giá kết quả lãnh đạo tháng {m}; đề ra nhiệm vụ trọng tâm tháng {p} năm {y}."),
    _plan("Sau khi nghe báo cáo tình hình kinh tế - xã hội tháng {m}, hội nghị thống nhất kế hoạch công tác tháng {p}."),
    _plan("Hội nghị sơ kết công tác tháng {m} và triển khai chương trình công tác tháng {p}."),
    _plan("Các đại biểu tập trung thảo luận, đánh giá những kết quả đạt được trong tháng {m}, đồng thời bàn phương hướng thực hiện nhiệm vụ tháng {p}."),
]


# -- cumulative K months in a month-N statement ------------------------------------------


def _cum(template: str, over_only: bool = False) -> Form:
    def make(rng: random.Random) -> tuple[str, str]:
        m, y = _m(rng, 3, 10), _y(rng)
        k = m + rng.choice([1, 2]) if over_only or rng.random() < 0.6 else m - 1
        return template.format(m=m, k=k, y=y), template.format(m=m, k=m, y=y)

    return make


CUMULATIVE_FORMS = [
    _cum("Thu ngân sách trong tháng {m} đạt 12,5 tỷ đồng; lũy kế {k} tháng đạt 48,2 tỷ đồng."),
    _cum("Tháng {m}/{y}, toàn huyện cấp mới 35 giấy chứng nhận quyền sử dụng đất, tính chung {k} tháng đầu năm cấp 150 giấy."),
    _cum("Trong tháng {m}, giải ngân vốn đầu tư công 8 tỷ đồng, cộng dồn {k} tháng giải ngân 30 tỷ đồng."),
    _cum("Riêng tháng {m} thu 4,1 tỷ đồng, luỹ kế đến hết tháng {k} thu được 20 tỷ đồng."),
    _cum("Trong tháng {m} năm {y} trên địa bàn xảy ra 3 vụ cháy; tính chung {k} tháng xảy ra 11 vụ, không có thiệt hại về người."),
    _cum("Ước thực hiện tháng {m}: kim ngạch xuất khẩu đạt 20 triệu USD; cộng dồn {k} tháng đạt 85 triệu USD."),
    _cum("Tháng {m}, toàn xã giải quyết việc làm cho 42 lao động, lũy kế từ đầu năm đến hết tháng {k} là 210 lao động."),
    _cum("Kết quả tháng {m}/{y}: tiếp nhận 120 hồ sơ hành chính; lũy kế {k} tháng tiếp nhận 610 hồ sơ, đúng hạn 100%."),
]


# -- anniversary count off by one or two years --------------------------------------------


def _anniv(template: str, base: int) -> Form:
    def make(rng: random.Random) -> tuple[str, str]:
        c = rng.randint(2019, 2025)
        n = c - base
        return template.format(n=n + rng.choice([-2, -1, 1, 2]), c=c), template.format(n=n, c=c)

    return make


ANNIVERSARY_FORMS = [
    _anniv("Năm {c}, huyện tổ chức nhiều hoạt động kỷ niệm {n} năm Ngày thành lập Đảng Cộng sản Việt Nam.", 1930),
    _anniv("Tổ chức trọng thể Lễ kỷ niệm {n} năm Chiến thắng Điện Biên Phủ (1954 – {c}) tại trung tâm huyện.", 1954),
    _anniv("Sáng 19/5/{c}, các đồng chí lãnh đạo huyện dâng hương nhân kỷ niệm {n} năm Ngày sinh Chủ tịch Hồ Chí Minh.", 1890),
    _anniv("Chuỗi hoạt động chào mừng {n} năm Ngày Thương binh - Liệt sĩ (27/7/1947 - 27/7/{c}) diễn ra tại nghĩa trang liệt sĩ huyện.", 1947),
    _anniv("Trong năm {c}, ngành giáo dục tổ chức kỷ niệm {n} năm Ngày Nhà giáo Việt Nam với nhiều hoạt động thiết thực.", 1982),
    _anniv("Hội nghị biểu dương điển hình tiên tiến nhân dịp kỷ niệm {n} năm Cách mạng Tháng Tám và Quốc khánh 2/9 (1945-{c}).", 1945),
    _anniv("Ngày 22/12/{c}, Ban Chỉ huy Quân sự huyện tổ chức kỷ niệm {n} năm Ngày thành lập Quân đội nhân dân Việt Nam.", 1944),
    _anniv("Năm {c} là năm kỷ niệm {n} năm Chiến thắng lịch sử Điện Biên Phủ, toàn tỉnh đẩy mạnh tuyên truyền.", 1954),
]


# -- one person, incompatible titles ------------------------------------------------------

NAMES = ["Lê Minh Hải", "Trần Quốc Hùng", "Nguyễn Thị Lan", "Phạm Văn Tùng", "Hoàng Đức Thịnh", "Võ Thành Nhân", "Đặng Quang Vinh", "Bùi Thị Hạnh"]


def _titles(template: str, wrong: tuple[str, str], ok: tuple[str, str]) -> Form:
    def make(rng: random.Random) -> tuple[str, str]:
        name = rng.choice(NAMES)
        return template.format(n=name, t1=wrong[0], t2=wrong[1]), template.format(n=name, t1=ok[0], t2=ok[1])

    return make


TITLE_FORMS = [
    _titles("Đồng chí {n} - {t1} chủ trì hội nghị. Phát biểu kết luận, đồng chí {n} - {t2} đề nghị các chi bộ tiếp tục đổi mới nội dung sinh hoạt.", ("Bí thư Huyện ủy", "Phó Bí thư Huyện ủy"), ("Bí thư Huyện ủy", "Bí thư Huyện ủy")),
    _titles("{t1} {n} dự và chỉ đạo hội nghị. Tại hội nghị, {t2} {n} nhấn mạnh yêu cầu giải ngân vốn đầu tư công.", ("Chủ tịch UBND huyện", "Phó Chủ tịch UBND huyện"), ("Chủ tịch UBND huyện", "Chủ tịch UBND huyện")),
    _titles("Ông {n}, {t1}, cho biết xã đã hoàn thành kế hoạch. Cũng theo ông {n}, {t2}, thời gian tới xã tập trung làm đường giao thông nông thôn.", ("Chủ tịch UBND xã", "Phó Chủ tịch UBND xã"), ("Chủ tịch UBND xã", "Chủ tịch UBND xã")),
    _titles("Tham dự có đồng chí {n}, {t1}. Kết luận buổi làm việc, đồng chí {n}, {t2} yêu cầu rà soát lại danh sách hộ nghèo.", ("Bí thư Đảng ủy xã", "Phó Bí thư Đảng ủy xã"), ("Bí thư Đảng ủy xã", "Bí thư Đảng ủy xã, Chủ tịch HĐND xã")),
    _titles("Bà {n} – {t1} chủ trì kỳ họp. Bế mạc kỳ họp, bà {n} – {t2} đề nghị các đại biểu tuyên truyền nghị quyết đến cử tri.", ("Chủ tịch HĐND huyện", "Chủ tịch UBND huyện"), ("Chủ tịch HĐND huyện", "Chủ tịch HĐND huyện")),
    _titles("Đồng chí {n}, {t1} chủ trì buổi tiếp công dân. Sau khi nghe ý kiến, đồng chí {n}, {t2} giao các phòng chuyên môn giải quyết dứt điểm.", ("Phó Chủ tịch Thường trực UBND tỉnh", "Chủ tịch UBND tỉnh"), ("Phó Chủ tịch Thường trực UBND tỉnh", "Phó Chủ tịch UBND tỉnh")),
    _titles("{t1} {n} đến thăm và tặng quà các gia đình chính sách. Dịp này, {t2} {n} biểu dương tinh thần vượt khó của nhân dân.", ("Bí thư Tỉnh ủy", "Phó Bí thư Tỉnh ủy"), ("Bí thư Tỉnh ủy", "Bí thư Tỉnh ủy")),
    _titles("Đồng chí {n} ({t1}) phát biểu khai mạc. Trong phần thảo luận, đồng chí {n} ({t2}) đề nghị tăng cường kiểm tra, giám sát.", ("Chủ tịch UBND thị trấn", "Phó Chủ tịch UBND thị trấn"), ("Chủ tịch UBND thị trấn", "Chủ tịch UBND thị trấn")),
]


# -- one person, name written two ways ----------------------------------------------------


def _variant(template: str, right: str, slip: str, other: str) -> Form:
    """``template`` names one person twice: the look-alike writes the second mention right
    (or names a second, different person ``other`` with another post)."""

    def make(rng: random.Random) -> tuple[str, str]:
        ok_second = other if rng.random() < 0.3 else right
        return template.format(a=right, b=slip), template.format(a=right, b=ok_second)

    return make


VARIANT_FORMS = [
    _variant("Đồng chí {a} - Chủ tịch UBND huyện chủ trì hội nghị. Kết luận hội nghị, đồng chí {b} - Chủ tịch UBND huyện yêu cầu các xã đẩy nhanh tiến độ.", "Nguyễn Văn Thắng", "Nguyên Văn Thắng", "Nguyễn Văn Thắng"),
    _variant("Ông {a}, Giám đốc Sở Nông nghiệp và Phát triển nông thôn, cho biết toàn tỉnh đã tiêm phòng 95% đàn gia súc. Theo ông {b}, Giám đốc Sở, dịch bệnh cơ bản được khống chế.", "Trần Quốc Hùng", "Trân Quốc Hùng", "Trần Quốc Hùng"),
    _variant("Bí thư Huyện ủy {a} dự lễ khởi công. Phát biểu tại buổi lễ, Bí thư Huyện ủy {b} đề nghị nhà thầu bảo đảm chất lượng công trình.", "Hoàng Minh Tuấn", "Hoang Minh Tuấn", "Hoàng Minh Tuấn"),
    _variant("Tham dự có đồng chí {a}, Phó Chủ tịch UBND tỉnh. Đồng chí {b}, Phó Chủ tịch UBND tỉnh đánh giá cao kết quả xây dựng nông thôn mới của huyện.", "Lê Đình Sơn", "Lê Đinh Sơn", "Lê Đình Sơn"),
    _variant("Bà {a} - Chủ tịch Hội Liên hiệp Phụ nữ huyện báo cáo kết quả hoạt động. Bà {b} - Chủ tịch Hội Liên hiệp Phụ nữ huyện cho biết năm nay hội phát triển thêm 300 hội viên.", "Phạm Thị Hương", "Pham Thị Hương", "Phạm Thị Hương"),
    _variant("Đồng chí {a}, Bí thư Đảng ủy xã chủ trì buổi làm việc. Cuối buổi, đồng chí {b}, Bí thư Đảng ủy xã giao nhiệm vụ cho các chi bộ.", "Đặng Quang Vinh", "Đăng Quang Vinh", "Đặng Quang Vinh"),
    _variant("Chủ tịch UBND thị xã {a} kiểm tra tiến độ dự án. Chủ tịch UBND thị xã {b} yêu cầu chủ đầu tư hoàn thành trước ngày 30/6.", "Võ Thành Nhân", "Vỏ Thành Nhân", "Võ Thành Nhân"),
    _variant("Ông {a} – Trưởng phòng Tài nguyên và Môi trường huyện trình bày báo cáo. Theo ông {b} – Trưởng phòng Tài nguyên và Môi trường huyện, còn 12 hồ sơ chưa giải quyết.", "Bùi Văn Nghĩa", "Bùi Vân Nghĩa", "Bùi Văn Nghĩa"),
]


# -- cited document dated after the meeting that acts on it --------------------------------


def _cited(template: str) -> Form:
    def make(rng: random.Random) -> tuple[str, str]:
        meeting = dt.date(_y(rng), _m(rng, 2, 11), rng.randint(3, 25))
        after = meeting + dt.timedelta(days=rng.randint(3, 25))
        before = meeting - dt.timedelta(days=rng.randint(3, 25))

        def fill(cited: dt.date) -> str:
            return template.format(d=meeting.day, m=meeting.month, y=meeting.year, cd=cited.day, cm=cited.month, cy=cited.year)

        return fill(after), fill(before)

    return make


CITED_FORMS = [
    _cited("Ngày {d}/{m}/{y}, Ban Thường vụ Huyện ủy tổ chức hội nghị cho ý kiến vào Báo cáo số 118/BC-UBND ngày {cd}/{cm}/{cy} của UBND huyện."),
    _cited("Sáng ngày {d}/{m}/{y}, Thường trực HĐND huyện họp phiên thường kỳ. Hội nghị đã thông qua Tờ trình số 45/TTr-UBND, ngày {cd}/{cm}/{cy} của UBND huyện."),
    _cited("Chiều ngày {d} tháng {m} năm {y}, UBND xã tổ chức hội nghị triển khai Kế hoạch số 12/KH-UBND ngày {cd} tháng {cm} năm {cy} của UBND huyện."),
    _cited("Ngày {d}/{m}/{y}, Đảng ủy xã họp quán triệt Nghị quyết số 20-NQ/HU ngày {cd}/{cm}/{cy} của Ban Chấp hành Đảng bộ huyện."),
    _cited("Tại buổi làm việc ngày {d}/{m}/{y}, đoàn kiểm tra thông báo Kết luận số 15-KL/TU ngày {cd}/{cm}/{cy} của Ban Thường vụ Tỉnh ủy."),
    _cited("Ngày {d}/{m}/{y}, hội nghị thảo luận và thống nhất thực hiện Công văn số 1234/UBND-VP do UBND tỉnh ban hành ngày {cd}/{cm}/{cy}."),
    _cited("Ngày {d}/{m}/{y}, Huyện ủy tổ chức hội nghị học tập, quán triệt Chỉ thị số 05-CT/TW, ngày {cd}/{cm}/{cy} của Bộ Chính trị."),
    _cited("Hội nghị giao ban ngày {d}/{m}/{y} đã nghe và cho ý kiến đối với Báo cáo số 369/BC-UBND ngày {cd}/{cm}/{cy} về tình hình kinh tế - xã hội."),
]


# -- term of office not five years ---------------------------------------------------------


def _term(template: str, starts: tuple[int, ...]) -> Form:
    def make(rng: random.Random) -> tuple[str, str]:
        a = rng.choice(starts)
        return template.format(a=a, b=a + rng.choice([4, 6])), template.format(a=a, b=a + 5)

    return make


TERM_FORMS = [
    _term("Đại hội đại biểu Đảng bộ huyện lần thứ XXV, nhiệm kỳ {a} – {b} thành công tốt đẹp.", (2015, 2020, 2025)),
    _term("Đại hội Đảng bộ xã nhiệm kỳ {a}–{b} đã bầu Ban Chấp hành gồm 15 đồng chí.", (2015, 2020)),
    _term("Huyện hoàn thành công tác bầu cử đại biểu Hội đồng nhân dân các cấp nhiệm kỳ {a} - {b} đúng luật.", (2016, 2021)),
    _term("Ban Chấp hành Đảng bộ tỉnh khóa XVII (nhiệm kỳ {a} – {b}) tổ chức hội nghị lần thứ ba.", (2015, 2020)),
    _term("Kỳ họp thứ nhất HĐND huyện khóa XX, nhiệm kỳ {a} — {b} đã bầu các chức danh chủ chốt.", (2016, 2021)),
    _term("Các chi bộ triển khai thực hiện Nghị quyết Đại hội Đảng bộ thị trấn lần thứ XII, nhiệm kỳ {a}-{b}.", (2015, 2020)),
    _term("Ban Thường vụ Huyện ủy nhiệm kỳ {a} – {b} đã lãnh đạo hoàn thành 18/20 chỉ tiêu.", (2015, 2020)),
    _term("Đại biểu Quốc hội khóa XV, nhiệm kỳ {a} ‒ {b} tiếp xúc cử tri tại xã.", (2021,)),
]


# -- publication line before the event (planted right after the title) --------------------


def _published(pub: str, lead: str) -> Form:
    def make(rng: random.Random) -> tuple[str, str]:
        event = dt.date(_y(rng), _m(rng, 1, 12), rng.randint(5, 25))
        early = event - dt.timedelta(days=rng.randint(1, 6))
        late = event + dt.timedelta(days=rng.randint(0, 3))

        def fill(when: dt.date) -> str:
            return pub.format(d=when.day, m=when.month, y=when.year) + "\n" + lead.format(d=event.day, m=event.month, y=event.year)

        return fill(early), fill(late)

    return make


PUBLISHED_FORMS = [
    _published("{d:02d}/{m:02d}/{y} 09:00", "Ngày {d}/{m}/{y}, Ban Thường vụ Huyện ủy tổ chức hội nghị sơ kết công tác tháng."),
    _published("09:15 {d:02d}/{m:02d}/{y}", "Sáng ngày {d} tháng {m} năm {y}, Thường trực Huyện ủy tổ chức hội nghị giao ban."),
    _published("Thứ Hai, {d:02d}/{m:02d}/{y} 14:30", "Chiều ngày {d}/{m}/{y}, UBND huyện tổ chức họp đánh giá tình hình kinh tế - xã hội."),
    _published("Cập nhật: {d:02d}/{m:02d}/{y} 10:20", "Ngày {d}/{m}/{y}, Đảng ủy xã tổ chức hội nghị quán triệt nghị quyết."),
    _published("{d:02d}-{m:02d}-{y} 08:00", "Sáng {d}/{m}/{y}, Huyện đoàn tổ chức lễ ra quân chiến dịch thanh niên tình nguyện."),
    _published("Ngày đăng: {d:02d}/{m:02d}/{y}", "Ngày {d}/{m}/{y}, Ủy ban MTTQ huyện tổ chức hội nghị hiệp thương."),
    _published("{d:02d}/{m:02d}/{y} | 16:45", "Sáng ngày {d}/{m}/{y}, HĐND huyện khai mạc kỳ họp thường lệ."),
    _published("Đăng lúc: 07:30 ngày {d:02d}/{m:02d}/{y}", "Ngày {d} tháng {m} năm {y}, Thường trực HĐND huyện tổ chức phiên họp định kỳ."),
]


# -- malformed dates -----------------------------------------------------------------------


def _malformed(template: str, garble: Callable[[int, int, int], str]) -> Form:
    def make(rng: random.Random) -> tuple[str, str]:
        d, m, y = rng.randint(10, 28), _m(rng, 10, 12), _y(rng)
        return template.format(date=garble(d, m, y)), template.format(date=f"{d}/{m}/{y}")

    return make


MALFORMED_FORMS = [
    _malformed("Ngày {date}, Huyện ủy tổ chức hội nghị trực tuyến giao ban khối xã, thị trấn.", lambda d, m, y: f"{d}/{m}{y}"),
    _malformed("Thực hiện Kế hoạch số 15-KH/HU ngày {date} của Ban Thường vụ Huyện ủy.", lambda d, m, y: f"{d}//{m}/{y}"),
    _malformed("Sáng {date}, đoàn công tác làm việc tại xã.", lambda d, m, y: f"{d}/{m}//{y}"),
    _malformed("Hạn chót nộp hồ sơ là ngày {date}.", lambda d, m, y: f"{d}{m}/{y}"),
    _malformed("Kỳ họp diễn ra ngày {date} tại hội trường UBND huyện.", lambda d, m, y: f"{d}/{m}-{y}"),
    _malformed("Ngày {date}, UBND xã tổ chức lễ ra quân.", lambda d, m, y: f"{d}/ {m}/{y}"),
    _malformed("Theo Báo cáo số 45/BC-UBND ngày {date}, toàn huyện có 120 hộ nghèo.", lambda d, m, y: f"{d}.{m}/{y}"),
    _malformed("Chiều {date}, Thường trực HĐND huyện họp phiên thường kỳ.", lambda d, m, y: f"{d}/{m}/{y}0"),
]


# -- added by h11c (written after the rule changes of that branch, from the constructions
# mine_periods_names.py prints: "Tháng NUM năm YEAR ,", "Kết quả … tháng NUM :", "lũy kế /
# tính chung / cộng dồn NUM tháng (đầu năm)", "từ đầu năm đến hết tháng NUM", "kỷ niệm NUM
# năm ngày / thành lập / CAP" with the year elsewhere in the sentence, and "đồng chí / ông /
# bà NAME"). A form whose first line is a title replaces the article's title; its second
# line is planted right after it. Odd forms are held out: their misses were not looked at.


def _title_month(title: str, body: str) -> Form:
    """A results title naming month t, the body's first statement about month m."""

    def make(rng: random.Random) -> tuple[str, str]:
        t, y = rng.randint(4, 9), _y(rng)
        m = t + rng.choice([-3, -2, 2, 3])
        ok = t - rng.choice([0, 1])
        return title.format(t=t, y=y) + "\n" + body.format(m=m, y=y), title.format(t=t, y=y) + "\n" + body.format(m=ok, y=y)

    return make


TITLE_MONTH_FORMS = [
    _title_month("Báo cáo kết quả công tác tháng {t} năm {y}", "Tháng {m} năm {y}, công tác xây dựng Đảng được các chi bộ triển khai nghiêm túc, đúng kế hoạch."),
    _title_month("Kết quả thực hiện nhiệm vụ chính trị tháng {t}/{y}", "Kết quả thực hiện nhiệm vụ tháng {m}: toàn huyện thu ngân sách đạt 9,4 tỷ đồng, bằng 8,1% dự toán."),
    _title_month("Giao ban Thường trực Huyện ủy tháng {t}/{y}", "Trong tháng {m}, tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn cơ bản ổn định."),
    _title_month("Tình hình kinh tế - xã hội tháng {t} năm {y}", "Tháng {m}/{y}: sản xuất nông nghiệp gặp nhiều khó khăn do mưa kéo dài, diện tích lúa bị ngập 120 ha."),
    _title_month("Hội nghị giao ban tháng {t} năm {y} của UBND xã", "Tình hình kinh tế - xã hội tháng {m}, giá trị sản xuất công nghiệp tăng 4,2% so với tháng trước."),
    _title_month("Báo cáo tình hình thực hiện nhiệm vụ tháng {t} năm {y}", "Kết quả tháng {m}: các ngành, các địa phương hoàn thành 18/20 chỉ tiêu đề ra."),
    _title_month("Sơ kết công tác tháng {t}/{y}", "Tháng {m}, Ban Thường vụ tập trung lãnh đạo thu hoạch vụ lúa và phòng, chống dịch bệnh trên đàn gia súc."),
    _title_month("Kết quả công tác tháng {t} năm {y} của Đảng ủy xã", "Riêng tháng {m}, toàn Đảng bộ kết nạp được 5 đảng viên mới, đạt 50% chỉ tiêu năm."),
]


def _title_cum(title: str, body: str) -> Form:
    """A title naming month n and, with no review sentence of its own, a cumulative of k months."""

    def make(rng: random.Random) -> tuple[str, str]:
        n, y = rng.randint(5, 9), _y(rng)
        k = n + rng.choice([-3, -2, 1, 2])
        ok = n - rng.choice([0, 1])
        return title.format(n=n, y=y) + "\n" + body.format(k=k, y=y), title.format(n=n, y=y) + "\n" + body.format(k=ok, y=y)

    return make


TITLE_CUMULATIVE_FORMS = [
    _title_cum("Báo cáo tình hình kinh tế - xã hội tháng {n} năm {y}", "Lũy kế từ đầu năm đến hết tháng {k}, tổng thu ngân sách trên địa bàn ước đạt 56 tỷ đồng."),
    _title_cum("Giao ban tháng {n}/{y}", "Tính chung {k} tháng năm {y}, kim ngạch xuất khẩu của huyện đạt 120 triệu USD."),
    _title_cum("Kết quả thực hiện nhiệm vụ tháng {n} năm {y}", "Về giải ngân vốn đầu tư công, lũy kế {k} tháng đầu năm giải ngân được 45% kế hoạch vốn."),
    _title_cum("Báo cáo công tác tháng {n} năm {y}", "Công tác cấp giấy chứng nhận quyền sử dụng đất: tính chung {k} tháng đầu năm cấp 320 giấy."),
    _title_cum("Hội nghị giao ban tháng {n} năm {y}", "Thu ngân sách nhà nước trên địa bàn lũy kế đến hết tháng {k} đạt 61% dự toán."),
    _title_cum("Tình hình kinh tế - xã hội tháng {n}/{y}", "Cộng dồn {k} tháng, toàn huyện giải quyết việc làm mới cho 1.250 lao động."),
    _title_cum("Báo cáo kết quả công tác tháng {n} năm {y}", "Lũy kế {k} tháng, số thuê bao internet trên địa bàn tăng 8,3%."),
    _title_cum("Giao ban công tác tháng {n} năm {y}", "Từ đầu năm đến hết tháng {k}, lực lượng công an phát hiện, xử lý 37 vụ vi phạm về môi trường."),
]


ANNIVERSARY_SENTENCE_FORMS = [
    _anniv("Năm {c}, Đoàn Thanh niên xã tổ chức nhiều hoạt động ý nghĩa nhân kỷ niệm {n} năm Ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh.", 1931),
    _anniv("Trong không khí cả nước kỷ niệm {n} năm Ngày Giải phóng miền Nam, thống nhất đất nước, năm {c} huyện tổ chức giải chạy việt dã.", 1975),
    _anniv("Các hoạt động thiết thực chào mừng kỷ niệm {n} năm Ngày thành lập Quân đội nhân dân Việt Nam được huyện triển khai trong năm {c}.", 1944),
    _anniv("Năm {c}, nhân dịp kỷ niệm {n} năm Ngày sinh Chủ tịch Hồ Chí Minh, thành phố phát động đợt thi đua cao điểm.", 1890),
    _anniv("Năm {c}, cùng với cả nước, nhân dân trong tỉnh long trọng kỷ niệm {n} năm Cách mạng Tháng Tám thành công và Quốc khánh 2/9.", 1945),
    _anniv("Kỷ niệm {n} năm Ngày Thương binh - Liệt sĩ, trong năm {c} huyện đã thăm hỏi và tặng 1.200 suất quà cho các gia đình chính sách.", 1947),
    _anniv("Năm {c}, Hội Phụ nữ xã tổ chức tọa đàm chào mừng kỷ niệm {n} năm Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam.", 1930),
    _anniv("Năm {c} là dịp ngành giáo dục tổ chức kỷ niệm {n} năm Ngày Nhà giáo Việt Nam và tuyên dương nhà giáo tiêu biểu.", 1982),
]


def _slip(template: str, right: str, slip: str, other: str) -> Form:
    """One person named twice, the second time with a letter dropped or added; the
    look-alike writes it right, or names another person ``other`` one letter away."""

    def make(rng: random.Random) -> tuple[str, str]:
        return template.format(a=right, b=slip), template.format(a=right, b=other if rng.random() < 0.4 else right)

    return make


LETTER_SLIP_FORMS = [
    _slip("Đồng chí {a}, Phó Bí thư Thường trực Huyện ủy phát biểu chỉ đạo hội nghị. Tiếp thu ý kiến, đồng chí {b} đề nghị các xã rà soát lại quy hoạch.", "Lê Văn Tuyến", "Lê Văn Tuyế", "Lê Văn Tuyến"),
    _slip("Bà {a}, Chủ tịch Hội Nông dân xã báo cáo kết quả hoạt động. Theo bà {b}, năm nay hội vận động được 40 hộ vay vốn.", "Đỗ Thị Nga", "Đỗ Thị Ngah", "Đỗ Thị Ngân"),
    _slip("Ông {a} - Trưởng phòng Nông nghiệp huyện cho biết diện tích lúa vụ mùa đạt 2.100 ha. Ông {b} cũng đề nghị các xã chỉ đạo thu hoạch sớm.", "Dương Văn Hưởng", "Dươn Văn Hưởng", "Dương Văn Hưởng"),
    _slip("Tham dự buổi làm việc có đồng chí {a}, Chủ tịch UBND huyện. Kết luận buổi làm việc, đồng chí {b} yêu cầu nhà thầu bảo đảm tiến độ.", "Trịnh Xuân Trường", "Trịnh Xuân Trườ", "Trịnh Xuân Trường"),
    _slip("Ông {a}, Giám đốc Trung tâm Y tế huyện thông tin về tình hình dịch sốt xuất huyết. Ông {b} khuyến cáo người dân diệt lăng quăng.", "Huỳnh Văn Phúc", "Huỳh Văn Phúc", "Huỳnh Văn Phúc"),
    _slip("Bà {a} - Bí thư Chi bộ thôn Đông phát biểu tại hội nghị. Bà {b} cho biết chi bộ đã kết nạp 2 đảng viên.", "Đinh Thị Thanh", "Đinh Thị Thanhh", "Đinh Thị Thanh"),
    _slip("Đồng chí {a} - Bí thư Đảng ủy xã chủ trì hội nghị. Phát biểu bế mạc, đồng chí {b} đề nghị cán bộ, đảng viên gương mẫu thực hiện nghị quyết.", "Nguyễn Hữu Quyết", "Nguyễn Hữu Quyế", "Nguyễn Hữu Quyết"),
    _slip("Ông {a}, Chủ tịch UBND thị trấn cho biết đã giải phóng mặt bằng 80% diện tích. Ông {b} cam kết bàn giao mặt bằng trong tháng tới.", "Trương Công Lâm", "Trương Công Lâ", "Trương Công Lâm"),
]


# -- added by r11kinds, from the constructions mine_kinds.py counts (pub_line, event_lead,
# heading, cited_date, title_name). Even forms were tuned on, odd forms held out (written
# with the others, never looked at while the extractors changed).

_WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]


def _pub_shape(pub: Callable[[dt.date], str], lead: str) -> Form:
    """A publication line in one of the mined header shapes, then a lead that dates the
    event without its year ("Sáng 17/5", "Chiều ngày 17/5", "Ngày 17.5")."""

    def make(rng: random.Random) -> tuple[str, str]:
        event = dt.date(_y(rng), _m(rng, 2, 11), rng.randint(5, 25))
        early = event - dt.timedelta(days=rng.randint(1, 4))
        late = event + dt.timedelta(days=rng.randint(0, 2))
        body = lead.format(d=event.day, m=event.month)
        return pub(early) + "\n" + body, pub(late) + "\n" + body

    return make


PUB_SHAPE_FORMS = [
    _pub_shape(lambda w: f"{_WEEKDAYS[w.weekday()]}, {w:%d/%m/%Y} | 10:05", "Sáng {d}/{m}, Thường trực Huyện ủy tổ chức hội nghị giao ban."),
    _pub_shape(lambda w: f"Ngày xuất bản: {w:%d/%m/%Y}", "Chiều ngày {d}/{m}, UBND xã họp đánh giá công tác thu ngân sách."),
    _pub_shape(lambda w: f"{_WEEKDAYS[w.weekday()]}, ngày {w:%d/%m/%Y} - 15:20", "Ngày {d}/{m}, Đảng ủy xã tổ chức hội nghị sơ kết quý."),
    _pub_shape(lambda w: f"Cập nhật lúc {w:%H:%M} ngày {w:%d/%m/%Y}".replace("00:00", "08:40"), "Sáng {d}.{m}, Huyện đoàn ra quân hưởng ứng tháng thanh niên."),
    _pub_shape(lambda w: f"date: {w:%Y-%m-%d}T03:30:00.000Z", "Tối {d}/{m}, Ban Chỉ huy Quân sự huyện tổng kết diễn tập."),
    _pub_shape(lambda w: f"{w:%d-%m-%Y} - 07:45", "Sáng nay {d}/{m}, Ủy ban MTTQ huyện tổ chức hội nghị hiệp thương."),
    _pub_shape(lambda w: f"{_WEEKDAYS[w.weekday()]}, {w.day} tháng {w.month} năm {w.year}", "Chiều {d}-{m}, HĐND thị trấn khai mạc kỳ họp chuyên đề."),
    _pub_shape(lambda w: f"Thời gian đăng: {w:%d/%m/%Y} lúc 09:10", "Trưa {d}/{m}, đoàn công tác của tỉnh làm việc với huyện."),
]


def _heading(review: str, plan: str, filler: int) -> Form:
    """A review heading and, ``filler`` paragraphs later, the plan heading of the same style."""

    def make(rng: random.Random) -> tuple[str, str]:
        m, y = _m(rng, 1, 10), _y(rng)
        wrong = m + rng.choice([2, 3]) if rng.random() < 0.7 else m
        body = "\n".join(["Các ngành, các địa phương triển khai nhiệm vụ đúng kế hoạch."] * filler)

        def fill(p: int) -> str:
            return review.format(m=m, y=y) + "\n" + body + "\n" + plan.format(p=p, y=y) + "\nTiếp tục chỉ đạo sản xuất."

        return fill(wrong), fill(m + 1)

    return make


HEADING_FORMS = [
    _heading("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG {m}", "II. NHIỆM VỤ TRỌNG TÂM THÁNG {p}", 3),
    _heading("I. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ THÁNG {m}/{y}", "II. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG {p}/{y}", 2),
    _heading("A. KẾT QUẢ CÔNG TÁC THÁNG {m} NĂM {y}", "B. NHIỆM VỤ CÔNG TÁC THÁNG {p} NĂM {y}", 4),
    _heading("Phần I: Đánh giá kết quả tháng {m}", "Phần II: Chương trình công tác tháng {p}", 1),
    _heading("1. Kết quả thực hiện nhiệm vụ tháng {m}", "2. Nhiệm vụ, giải pháp tháng {p}", 2),
    _heading("PHẦN THỨ NHẤT: KẾT QUẢ LÃNH ĐẠO THÁNG {m}", "PHẦN THỨ HAI: NHIỆM VỤ TRỌNG TÂM THÁNG {p}", 3),
    _heading("I - TÌNH HÌNH THÁNG {m}", "II - KẾ HOẠCH THÁNG {p}", 2),
    _heading("I. SƠ KẾT CÔNG TÁC THÁNG {m}", "II. DỰ KIẾN CHƯƠNG TRÌNH THÁNG {p}", 5),
]


def _symbol_date(template: str) -> Form:
    """A numbered document whose year is not the year of the date written after it."""

    def make(rng: random.Random) -> tuple[str, str]:
        y = _y(rng)
        day, month = rng.randint(2, 27), _m(rng, 1, 12)
        num = rng.randint(5, 480)
        wrong_y = y - 1 if rng.random() < 0.7 else y + 1
        return template.format(n=num, sy=wrong_y, d=day, m=month, y=y), template.format(n=num, sy=y, d=day, m=month, y=y)

    return make


SYMBOL_DATE_FORMS = [
    _symbol_date("Thực hiện Quyết định số {n}/{sy}/QĐ-UBND (ngày {d}/{m}/{y}) của UBND tỉnh, huyện đã rà soát các hộ."),
    _symbol_date("Căn cứ Nghị quyết số {n}/{sy}/NQ-HĐND ban hành ngày {d}/{m}/{y}, xã xây dựng kế hoạch thực hiện."),
    _symbol_date("Thông tư số {n}/{sy}/TT-BTC được Bộ Tài chính ban hành ngày {d}/{m}/{y} hướng dẫn quản lý kinh phí."),
    _symbol_date("Theo Quyết định {n}/{sy}/QĐ-TTg ({d}/{m}/{y}) của Thủ tướng Chính phủ, huyện được hỗ trợ kinh phí."),
    _symbol_date("Thực hiện Quyết định số {n}/{sy}/QĐ-UBND, ban hành ngày {d} tháng {m} năm {y} của UBND huyện."),
    _symbol_date("Nghị định số {n}/{sy}/NĐ-CP ký ngày {d}/{m}/{y} quy định chi tiết một số điều của luật."),
    _symbol_date("Thực hiện Quyết định số {n}/{sy}/QĐ-UBND - ngày {d}/{m}/{y} về việc phê duyệt kế hoạch."),
    _symbol_date("Căn cứ Nghị quyết số {n}/{sy}/NQ-HĐND (ban hành ngày {d}/{m}/{y}) của HĐND tỉnh."),
]


TITLE_BEFORE_FORMS = [
    _titles("{t1} - {n} chủ trì hội nghị. Phát biểu kết luận, {t2} - {n} đề nghị các chi bộ làm tốt công tác phát triển đảng viên.", ("Bí thư Đảng ủy xã Hòa Phú", "Phó Bí thư Đảng ủy xã Hòa Phú"), ("Bí thư Đảng ủy xã Hòa Phú", "Bí thư Đảng ủy xã Hòa Phú")),
    _titles("{t1}, ông {n} cho biết xã đã hoàn thành tiêu chí. Cũng theo {t2}, ông {n}, xã còn nợ đọng vốn.", ("Chủ tịch UBND xã Tân Hà", "Phó Chủ tịch UBND xã Tân Hà"), ("Chủ tịch UBND xã Tân Hà", "Chủ tịch UBND xã Tân Hà")),
    _titles("Dự buổi làm việc có {t1} {n}. Kết luận buổi làm việc, {t2} {n} yêu cầu các phòng tham mưu kịp thời.", ("Chủ tịch UBND huyện Ea Kar", "Phó Chủ tịch UBND huyện Ea Kar"), ("Chủ tịch UBND huyện Ea Kar", "Chủ tịch UBND huyện Ea Kar")),
    _titles("{t1} – bà {n} phát biểu khai mạc. Bế mạc hội nghị, {t2} – bà {n} đề nghị hội viên hưởng ứng phong trào.", ("Chủ tịch Hội Liên hiệp Phụ nữ huyện", "Phó Chủ tịch Hội Liên hiệp Phụ nữ huyện"), ("Chủ tịch Hội Liên hiệp Phụ nữ huyện", "Chủ tịch Hội Liên hiệp Phụ nữ huyện")),
    _titles("Theo {t1} {n}, toàn tỉnh có 35 xã đạt chuẩn. {t2} {n} cũng cho biết sẽ rà soát các xã còn lại.", ("Giám đốc Sở Nông nghiệp và Phát triển nông thôn", "Phó Giám đốc Sở Nông nghiệp và Phát triển nông thôn"), ("Giám đốc Sở Nông nghiệp và Phát triển nông thôn", "Giám đốc Sở Nông nghiệp và Phát triển nông thôn")),
    _titles("{t1}, đồng chí {n} chủ trì phiên họp. Kết luận phiên họp, {t2}, đồng chí {n} giao nhiệm vụ cho các ban.", ("Chủ tịch HĐND thị xã", "Chủ tịch UBND thị xã"), ("Chủ tịch HĐND thị xã", "Chủ tịch HĐND thị xã")),
    _titles("{t1} {n} kiểm tra công tác phòng chống lụt bão. Tại buổi kiểm tra, {t2} {n} yêu cầu xã chủ động sơ tán dân.", ("Bí thư Thị ủy", "Phó Bí thư Thị ủy"), ("Bí thư Thị ủy", "Bí thư Thị ủy")),
    _titles("{t1} - đồng chí {n} trao quyết định. Phát biểu nhận nhiệm vụ, {t2} - đồng chí {n} hứa sẽ cùng tập thể hoàn thành nhiệm vụ.", ("Trưởng ban Tổ chức Huyện ủy", "Phó Trưởng ban Tổ chức Huyện ủy"), ("Trưởng ban Tổ chức Huyện ủy", "Trưởng ban Tổ chức Huyện ủy")),
]


VARIANT_BEFORE_FORMS = [
    _variant("Bí thư Huyện ủy {a} dự hội nghị. Phát biểu chỉ đạo, Bí thư Huyện ủy {b} yêu cầu các xã thực hiện nghiêm.", "Hoàng Đức Toàn", "Hoàn Đức Toàn", "Hoàng Đức Toàn"),
    _variant("Chủ tịch UBND xã {a} chủ trì cuộc họp. Kết luận, Chủ tịch UBND xã {b} giao nhiệm vụ cho các thôn.", "Trương Văn Lộc", "Trươn Văn Lộc", "Trương Văn Lộc"),
    _variant("Giám đốc Sở Tài chính {a} báo cáo dự toán. Giám đốc Sở Tài chính {b} đề nghị các huyện tiết kiệm chi.", "Nguyễn Quốc Khánh", "Nguyên Quốc Khánh", "Nguyễn Quốc Khánh"),
    _variant("Trưởng phòng Nội vụ huyện {a} trình bày tờ trình. Theo Trưởng phòng Nội vụ huyện {b}, còn 4 xã chưa kiện toàn.", "Huỳnh Minh Trí", "Huỳh Minh Trí", "Huỳnh Minh Trí"),
    _variant("Phó Chủ tịch UBND huyện {a} kiểm tra tiến độ. Phó Chủ tịch UBND huyện {b} yêu cầu nhà thầu tăng cường nhân lực.", "Đặng Thị Thoa", "Đăng Thị Thoa", "Đặng Thị Thoa"),
    _variant("Chủ tịch HĐND huyện {a} khai mạc kỳ họp. Bế mạc kỳ họp, Chủ tịch HĐND huyện {b} đề nghị đại biểu tiếp xúc cử tri.", "Lương Văn Bình", "Lươn Văn Bình", "Lương Văn Bình"),
    _variant("Bí thư Đảng ủy xã {a} phát biểu. Bí thư Đảng ủy xã {b} cũng biểu dương các chi bộ làm tốt.", "Trần Văn Khải", "Trân Văn Khải", "Trần Văn Khải"),
    _variant("Chánh Văn phòng Huyện ủy {a} thông qua chương trình. Chánh Văn phòng Huyện ủy {b} đề nghị các đại biểu đóng góp ý kiến.", "Dương Thị Hằng", "Dươg Thị Hằng", "Dương Thị Hằng"),
]


# -- added by r13names: a slip into another real family name (the middle and given names
# kept), and the given name written another way when the person is named by it alone
# ("ông Hùng" / "ông Hưng"), the way news articles name a person after the first mention.
# The look-alikes write it right or name a second person whose family name is not one
# slip away (two people of one article sharing a given name). Even forms tuned, odd held out.
SURNAME_SLIP_FORMS = [
    _variant("Đồng chí {a}, Bí thư Huyện ủy chủ trì hội nghị. Kết luận hội nghị, đồng chí {b} đề nghị các chi bộ sinh hoạt đúng kỳ.", "Phạm Văn Hiếu", "Phan Văn Hiếu", "Trần Văn Hiếu"),
    _variant("Ông {a} - Chủ tịch UBND xã cho biết xã đã hoàn thành 19 tiêu chí. Theo ông {b}, năm tới xã tập trung nâng cao thu nhập.", "Lê Quang Hòa", "Lý Quang Hòa", "Đỗ Quang Hòa"),
    _variant("Giám đốc Sở Tài chính {a} báo cáo tình hình thu chi. Giám đốc Sở Tài chính {b} đề nghị các huyện chủ động nguồn.", "Vũ Đức Thành", "Võ Đức Thành", "Vũ Đức Thành"),
    _variant("Bà {a}, Chủ tịch Hội Liên hiệp Phụ nữ huyện phát biểu. Bà {b} đề nghị các cơ sở hội nhân rộng mô hình.", "Hồ Thị Lan", "Hà Thị Lan", "Nguyễn Thị Lan"),
    _variant("Tham dự có đồng chí {a}, Phó Chủ tịch UBND huyện. Phát biểu tại buổi lễ, đồng chí {b} biểu dương các tập thể.", "Lương Minh Trí", "Lường Minh Trí", "Lương Minh Trí"),
    _variant("Ông {a}, Trưởng phòng Nông nghiệp huyện cho biết vụ lúa đạt năng suất cao. Ông {b} cũng khuyến cáo nông dân gieo sạ đúng lịch.", "Phan Thanh Sơn", "Phạm Thanh Sơn", "Bùi Thanh Sơn"),
    _variant("Chủ tịch UBND huyện {a} kiểm tra công trình. Chủ tịch UBND huyện {b} yêu cầu nhà thầu bảo đảm tiến độ.", "Lê Hoài Nam", "Lễ Hoài Nam", "Lê Hoài Nam"),
    _variant("Đồng chí {a} - Trưởng ban Tuyên giáo Huyện ủy quán triệt nghị quyết. Đồng chí {b} - Trưởng ban Tuyên giáo Huyện ủy đề nghị các chi bộ tổ chức học tập.", "Đinh Văn Lực", "Định Văn Lực", "Đinh Văn Lực"),
]


def _given(template: str, right: str, slip: str, other: str) -> Form:
    """``template`` names a person in full ({n}) and then by the given name alone ({g});
    the slip writes the given name with other marks; the look-alike writes it right, or
    names by a given name ``other`` another person of the template ({o})."""

    def make(rng: random.Random) -> tuple[str, str]:
        return template.format(g=slip), template.format(g=other if rng.random() < 0.3 else right)

    return make


GIVEN_SLIP_FORMS = [
    _given("Ông Nguyễn Văn Hùng, Chủ tịch UBND xã cho biết năm nay xã làm được 5 km đường. Theo ông {g}, nguồn vốn chủ yếu do nhân dân đóng góp.", "Hùng", "Hưng", "Hùng"),
    _given("Bà Trần Thị Lâm - Chủ tịch Hội Nông dân xã và ông Phạm Văn Tú - Trưởng thôn Đông cùng dự. Bà {g} cho biết hội đã giúp 30 hộ vay vốn.", "Lâm", "Lam", "Lâm"),
    _given("Ông Lê Minh Tuấn, Giám đốc Hợp tác xã Tân Tiến giới thiệu sản phẩm. Ông {g} cho biết mỗi năm hợp tác xã tiêu thụ 200 tấn rau.", "Tuấn", "Tuân", "Tuấn"),
    _given("Chủ tịch UBND huyện Hoàng Văn Đức và Phó Chủ tịch UBND huyện Lê Văn Khoa đi kiểm tra. Ông {g} yêu cầu xã hoàn thành giải phóng mặt bằng.", "Đức", "Dức", "Khoa"),
    _given("Anh Vũ Văn Thịnh, chủ trang trại ở thôn 3 cho biết đàn bò có 40 con. Anh {g} đang mở rộng chuồng trại.", "Thịnh", "Thinh", "Thịnh"),
    _given("Bà Đỗ Thị Hạnh, Bí thư Chi bộ thôn Trung kể lại. Theo bà {g}, chi bộ đã vận động bà con hiến 2.000 m2 đất.", "Hạnh", "Hanh", "Hạnh"),
    _given("Ông Bùi Quang Vinh, Trưởng phòng Kinh tế thị xã cho biết. Ông {g} khẳng định sẽ xử lý dứt điểm các vi phạm.", "Vinh", "Vĩnh", "Vinh"),
    _given("Ông Ngô Văn Thọ - Chủ tịch UBND thị trấn và ông Trần Văn Tâm - Phó Chủ tịch cùng đi thực tế. Ông {g} cho biết thị trấn còn 7 hộ chưa bàn giao mặt bằng.", "Thọ", "Thỏ", "Tâm"),
]



# -- added by r15num: "lũy kế / tính chung / cộng dồn K tháng" in a report whose title names
# month N, K not N or N-1 — against look-alikes that are right although K differs from N: K
# months of another span ("3 tháng quý II", "3 tháng hè", "2 tháng gần đây", "9 tháng niên vụ",
# "7 tháng năm tài chính", "3 tháng cao điểm"), a part nested in the report's own cumulative
# ("…, trong đó tính chung 3 tháng đầu năm …"), a plan, last year's figure. Written after the
# constructions mine_periods_names.py prints for "tính chung / lũy kế / cộng dồn NUM tháng";
# odd forms held out (their misses and false alarms were not looked at).


def _title_span(title: str, body: str, lookalike: str) -> Form:
    """A title naming month n; the error body has a cumulative of k != n, n-1 months; the
    look-alike says k months of another span (or another year, or a plan), which is right."""

    def make(rng: random.Random) -> tuple[str, str]:
        n, y = rng.randint(6, 9), _y(rng)
        k = n + rng.choice([-4, -3, 1, 2])
        j = rng.choice([2, 3, 4]) if "{j}" in lookalike else 0
        return title.format(n=n, y=y) + "\n" + body.format(k=k, y=y), title.format(n=n, y=y) + "\n" + lookalike.format(k=k, n=n, j=j, y=y, y0=y - 1)

    return make


SPAN_CUMULATIVE_FORMS = [
    _title_span("Báo cáo tình hình kinh tế - xã hội tháng {n} năm {y}", "Tính chung {k} tháng, thu ngân sách trên địa bàn đạt 56 tỷ đồng.",
                "Tính chung 3 tháng quý II, thu ngân sách trên địa bàn đạt 56 tỷ đồng."),
    _title_span("Giao ban tháng {n}/{y}", "Cộng dồn {k} tháng, các điểm du lịch của huyện đón 20.000 lượt khách.",
                "Cộng dồn {j} tháng hè, các điểm du lịch của huyện đón 20.000 lượt khách."),
    _title_span("Kết quả thực hiện nhiệm vụ tháng {n} năm {y}", "Lũy kế {k} tháng, xuất khẩu cà phê của tỉnh đạt 12 nghìn tấn.",
                "Lũy kế {k} tháng niên vụ {y0}-{y}, xuất khẩu cà phê của tỉnh đạt 12 nghìn tấn."),
    _title_span("Báo cáo công tác tháng {n} năm {y}", "Tính chung {k} tháng, lực lượng chức năng xử lý 210 vụ vi phạm trật tự an toàn giao thông.",
                "Tính chung {j} tháng cao điểm, lực lượng chức năng xử lý 210 vụ vi phạm trật tự an toàn giao thông."),
    _title_span("Hội nghị giao ban tháng {n} năm {y}", "Lũy kế {k} tháng, doanh thu của Công ty đạt 500 tỷ đồng.",
                "Lũy kế {k} tháng năm tài chính, doanh thu của Công ty đạt 500 tỷ đồng."),
    _title_span("Báo cáo tình hình thực hiện nhiệm vụ tháng {n} năm {y}", "Tính chung {k} tháng, giá lúa tại các chợ đầu mối tăng 8%.",
                "Tính chung {j} tháng gần đây, giá lúa tại các chợ đầu mối tăng 8%."),
    _title_span("Giao ban Thường trực Huyện ủy tháng {n}/{y}", "Tính chung {k} tháng, thu ngân sách đạt 96 tỷ đồng.",
                "Từ đầu năm đến nay, thu ngân sách đạt 96 tỷ đồng, trong đó tính chung 3 tháng đầu năm đạt 45 tỷ đồng."),
    _title_span("Kết quả công tác tháng {n} năm {y} của UBND xã", "Cộng dồn {k} tháng đầu năm, toàn xã cấp 150 giấy chứng nhận quyền sử dụng đất.",
                "Cộng dồn {n} tháng đầu năm, toàn xã cấp 150 giấy chứng nhận quyền sử dụng đất, bằng 120% so với cộng dồn {k} tháng năm {y0}."),
    _title_span("Sơ kết công tác tháng {n}/{y}", "Lũy kế {k} tháng, toàn huyện giải quyết việc làm cho 640 lao động.",
                "Lũy kế {j} tháng mùa khô, toàn huyện giải quyết việc làm cho 640 lao động."),
    _title_span("Tình hình kinh tế - xã hội tháng {n} năm {y}", "Tính chung {k} tháng năm {y}, kim ngạch xuất khẩu của huyện đạt 120 triệu USD.",
                "Phấn đấu tính chung {k} tháng năm {y}, kim ngạch xuất khẩu của huyện đạt 120 triệu USD."),
]


@dataclass
class Kind:
    name: str
    rule: str
    forms: list[Form]
    after_title: bool = False  # planted right after the title line (a publication line)
    retitle: bool = False  # the form's first line replaces the article's title


KINDS = [
    Kind("plan month not next", "period.plan-not-next", PLAN_FORMS),
    Kind("cumulative K months in month N", "period.cumulative-impossible", CUMULATIVE_FORMS),
    Kind("anniversary count off", "date.anniversary-count", ANNIVERSARY_FORMS),
    Kind("incompatible titles", "name.title-conflict", TITLE_FORMS),
    Kind("name written two ways", "name.variant", VARIANT_FORMS),
    Kind("cited after meeting", "citation.dated-after-meeting", CITED_FORMS),
    Kind("term length", "period.term-length", TERM_FORMS),
    Kind("published before event", "date.published-before-event", PUBLISHED_FORMS, after_title=True),
    Kind("malformed date", "date.malformed", MALFORMED_FORMS),
    Kind("title month vs body (h11c)", "period.title-mismatch", TITLE_MONTH_FORMS, after_title=True, retitle=True),
    Kind("cumulative vs title (h11c)", "period.cumulative-impossible", TITLE_CUMULATIVE_FORMS, after_title=True, retitle=True),
    Kind("anniversary, year apart (h11c)", "date.anniversary-count", ANNIVERSARY_SENTENCE_FORMS),
    Kind("name letter slip (h11c)", "name.variant", LETTER_SLIP_FORMS),
    Kind("publication line shapes (r11k)", "date.published-before-event", PUB_SHAPE_FORMS, after_title=True),
    Kind("plan month by headings (r11k)", "period.plan-not-next", HEADING_FORMS),
    Kind("symbol year vs date after (r11k)", "date.symbol-year-mismatch", SYMBOL_DATE_FORMS),
    Kind("titles before the name (r11k)", "name.title-conflict", TITLE_BEFORE_FORMS),
    Kind("name slip after a title (r11k)", "name.variant", VARIANT_BEFORE_FORMS),
    Kind("slip into a family name (r13)", "name.variant", SURNAME_SLIP_FORMS),
    Kind("given name alone slipped (r13)", "name.variant", GIVEN_SLIP_FORMS),
    Kind("cumulative vs title, other spans (r15)", "period.cumulative-impossible", SPAN_CUMULATIVE_FORMS, after_title=True, retitle=True),
]


def _shared(arg: str | None) -> Path:
    return Path(arg or os.environ.get("GIAOBAN_QA_SHARED") or ROOT.parent / "shared")


def articles(shared: Path) -> list[Path]:
    return sorted((shared / "corpus" / "real").glob("*.txt")) + sorted((shared / "seeds").glob("*.txt"))


def plant(text: str, paragraph: str, rng: random.Random, after_title: bool = False) -> tuple[str, int, int]:
    """``text`` with ``paragraph`` inserted after a seeded paragraph (never before the title),
    or right after the title line."""
    breaks = [i for i, c in enumerate(text) if c == "\n" and i > 0 and text[i - 1] != "\n"]
    if after_title and breaks:
        breaks = breaks[:1]
    at = rng.choice(breaks) + 1 if breaks else len(text)
    if not breaks:
        text, at = text + "\n", len(text) + 1
    new = text[:at] + paragraph + "\n" + text[at:]
    return new, at, at + len(paragraph)


def run(shared: Path, per_form: int, show: bool, only: list[str] | None = None) -> None:
    from giaoban_qa.loaders import load_path

    paths = articles(shared)
    texts = {p: load_path(str(p)).text for p in paths}
    print(f"{'kind':<32} {'half':<9} {'planted':>7} {'found':>6} {'recall':>7} {'look-alikes':>11} {'false alarms':>12} {'rate':>6}")
    for kind in KINDS:
        if only and not any(o in kind.name for o in only):
            continue
        config = Config(select=[kind.rule], strict=True)
        rules = selected_rules(config)
        rows = {"tuned": [0, 0, 0, 0], "held-out": [0, 0, 0, 0]}
        for fi, form in enumerate(kind.forms):
            half = "held-out" if fi % 2 else "tuned"
            rng = random.Random(f"{SEED}:{kind.rule}:{fi}")
            for _ in range(per_form):
                path = rng.choice(paths)
                wrong, ok = form(rng)
                pos_rng = random.Random(rng.random())
                for polarity, paragraph in (("error", wrong), ("ok", ok)):
                    base = texts[path]
                    if kind.retitle:
                        title, paragraph = paragraph.split("\n", 1)
                        first_break = base.find("\n")
                        base = title + ("\n" + base[first_break + 1 :] if first_break >= 0 else "\n")
                    mutated, s, e = plant(base, paragraph, random.Random(pos_rng.random()), kind.after_title)
                    doc = build_document(str(path), mutated)
                    hits = [f for f in check_document(doc, rules, config) if f.rule == kind.rule and s <= f.start < e]
                    r = rows[half]
                    if polarity == "error":
                        r[0] += 1
                        r[1] += bool(hits)
                        if show and not hits and half == "tuned":
                            print(f"    MISS [{half}] form {fi} {path.name}: {paragraph}")
                    else:
                        r[2] += 1
                        r[3] += bool(hits)
                        if show and hits and half == "tuned":
                            print(f"    FALSE ALARM [{half}] form {fi} {path.name}: {paragraph} -> {hits[0].message.en}")
        for half, (n, found, m, fa) in rows.items():
            print(f"{kind.name:<32} {half:<9} {n:>7} {found:>6} {100 * found / max(1, n):6.1f}% {m:>11} {fa:>12} {100 * fa / max(1, m):5.1f}%")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=None)
    ap.add_argument("--per-form", type=int, default=4, help="articles each form is planted into")
    ap.add_argument("--show", action="store_true", help="print the misses and false alarms of the tuned half (never the held-out one)")
    ap.add_argument("--kind", action="append", help="only the kinds whose name holds this text")
    args = ap.parse_args(argv)
    shared = _shared(args.shared)
    if not (shared / "corpus" / "real").is_dir():
        print(f"{shared}/corpus/real not found")
        return 1
    run(shared, args.per_form, args.show, args.kind)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
