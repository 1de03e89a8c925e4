"""A second planted evaluation, in surface forms the first one does not use.

    python benchmarks/eval_blind_v2.py [--per-kind 40] [--seed 7] [--show-misses]

Same method and the same 23 kinds as ``eval_blind.py`` (error plantings and correct
look-alikes inserted into random real articles of ``../shared/corpus/real`` and the seeds;
found = a finding of the kind's rules inside the planted passage), but every template here is
new: written by the coordinator while the engineers were tuning, kept outside the repository
until they had stopped, so nobody tuned on these forms. Four forms per kind; with the four of
``eval_blind.py`` that makes eight surface forms per kind, and this half is the held-out one.
All sentences are ours.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_blind  # noqa: E402
from eval_blind import Kind, pct, vn  # noqa: E402

NAMES = ["Nguyễn Thị Thanh Hương", "Trần Quốc Toản", "Lê Văn Dũng", "Phạm Thị Ngọc Ánh", "Huỳnh Tấn Phát",
         "Vũ Đức Thắng", "Đinh Văn Lực", "Trương Thị Mỹ Linh", "Hồ Quang Hiếu", "Mai Văn Chính",
         "Tạ Đình Phong", "Lương Thị Kim Oanh"]


def slip_name(name: str, r: random.Random) -> str:
    """One-letter or one-tone slip in one syllable of a name (never the whole name)."""
    swaps = {"ư": "u", "ơ": "o", "â": "a", "ê": "e", "ô": "o", "ă": "a", "đ": "d", "Đ": "D",
             "ễ": "ê", "ị": "i", "ố": "ô", "ắ": "ă", "ấ": "â", "ũ": "u", "ứ": "ư", "ả": "a", "ạ": "a", "ọ": "o"}
    parts = name.split()
    order = list(range(len(parts)))
    r.shuffle(order)
    for i in order:
        syl = parts[i]
        for j, ch in enumerate(syl):
            if ch in swaps:
                parts[i] = syl[:j] + swaps[ch] + syl[j + 1:]
                return " ".join(parts)
    parts[-1] = parts[-1] + "h"
    return " ".join(parts)


# -- the kinds -------------------------------------------------------------------------------
def plan_month(_):
    def wrong_of(m, r):
        return m + r.choice([2, 3]) if m <= 9 else m - 1

    def f1(r):
        m = r.randint(1, 10)
        s = "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG {} NĂM 2023\nCác ngành đã bám sát kế hoạch.\nII. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG {} NĂM 2023\nTiếp tục triển khai các chương trình trọng tâm."
        return s.format(m, wrong_of(m, r)), s.format(m, m + 1)

    def f2(r):
        m = r.randint(1, 10)
        s = "Hội nghị kiểm điểm tình hình thực hiện nhiệm vụ tháng {} và triển khai nhiệm vụ tháng {} của UBND xã."
        return s.format(m, wrong_of(m, r)), s.format(m, m + 1)

    def f3(r):
        m = r.randint(1, 10)
        s = "Trên cơ sở đánh giá kết quả tháng {}/2023, hội nghị xác định nhiệm vụ trọng tâm tháng {}/2023."
        return s.format(m, wrong_of(m, r)), s.format(m, m + 1)

    def f4(r):
        m = r.randint(1, 10)
        s = "UBND huyện ban hành báo cáo kết quả công tác tháng {} và chương trình công tác tháng {} năm 2023."
        return s.format(m, wrong_of(m, r)), s.format(m, m + 1)

    return [f1, f2, f3, f4]


def cumulative_below_month(_):
    def f1(r):
        m = r.randint(3, 11); x = r.randint(40, 120)
        low, high = r.randint(8, x - 6), x * m + r.randint(10, 60)
        s = "Tháng {}, kim ngạch xuất khẩu của tỉnh đạt {} triệu USD; lũy kế từ đầu năm đạt {} triệu USD."
        return s.format(m, x, low), s.format(m, x, high)

    def f2(r):
        m = r.randint(3, 11); x = r.randint(20, 80)
        low, high = r.randint(5, x - 4), x * m + r.randint(5, 50)
        s = "Riêng trong tháng {} đã thu {} tỷ đồng, nâng tổng thu ngân sách {} tháng lên {} tỷ đồng."
        return s.format(m, x, m, low), s.format(m, x, m, high)

    def f3(r):
        m = r.randint(3, 11); x = r.randint(60, 200)
        low, high = r.randint(10, x - 10), x * m + r.randint(10, 90)
        s = "Trong tháng, toàn tỉnh có {} doanh nghiệp thành lập mới; lũy kế đến hết tháng {} có {} doanh nghiệp thành lập mới."
        return s.format(x, m, low), s.format(x, m, high)

    def f4(r):
        m = r.randint(3, 11); x = r.randint(30, 90)
        low, high = r.randint(5, x - 5), x * m + r.randint(10, 90)
        s = "Lượng khách du lịch tháng {} ước đạt {} nghìn lượt, tính chung từ đầu năm đến nay ước đạt {} nghìn lượt."
        return s.format(m, x, low), s.format(m, x, high)

    return [f1, f2, f3, f4]


def anniversary(_):
    def f1(r):
        y = r.randint(2019, 2025); right = y - 1947; wrong = right + r.choice([-2, -1, 1, 2])
        s = "Huyện tổ chức lễ dâng hương nhân kỷ niệm {} năm Ngày Thương binh - Liệt sĩ (27/7/1947 - 27/7/" + str(y) + ")."
        return s.format(wrong), s.format(right)

    def f2(r):
        y = r.randint(2019, 2025); right = y - 1945; wrong = right + r.choice([-2, -1, 1, 2])
        s = "Mít tinh chào mừng {} năm Ngày Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam (2/9/1945 - 2/9/" + str(y) + ")."
        return s.format(wrong), s.format(right)

    def f3(r):
        y = r.randint(2019, 2025); right = y - 1890; wrong = right + r.choice([-2, -1, 1, 2])
        s = "Nhân dịp kỷ niệm {} năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 – 19/5/" + str(y) + "), xã tổ chức hội thi tìm hiểu."
        return s.format(wrong), s.format(right)

    def f4(r):
        y = r.randint(2019, 2025); right = y - 1944; wrong = right + r.choice([-2, -1, 1, 2])
        s = ("Ngày 20/12/" + str(y) + ", Ban Chỉ huy Quân sự huyện gặp mặt cựu chiến binh hướng tới kỷ niệm {} năm "
             "Ngày thành lập Quân đội nhân dân Việt Nam.")
        return s.format(wrong), s.format(right)

    return [f1, f2, f3, f4]


def incompatible_titles(_):
    PAIRS = [  # (title, a title the same person cannot also hold, one that he can)
        ("Bí thư Đảng ủy xã", "Phó Bí thư Đảng ủy xã", "Chủ tịch HĐND xã"),
        ("Chủ tịch UBND tỉnh", "Phó Chủ tịch UBND tỉnh", "Phó Bí thư Tỉnh ủy"),
        ("Giám đốc Sở Tài chính", "Phó Giám đốc Sở Tài chính", "Bí thư Đảng ủy Sở Tài chính"),
        ("Chủ tịch UBND huyện", "Phó Chủ tịch UBND huyện", "Phó Bí thư Huyện ủy"),
    ]

    def make(style):
        def f(r):
            n = r.choice(NAMES); a, bad, good = r.choice(PAIRS)
            s = ["Đồng chí {n}, {a} phát biểu khai mạc. Kết thúc hội nghị, đồng chí {n}, {b} đã tiếp thu ý kiến của cử tri.",
                 "Dự buổi làm việc có ông {n} - {a}. Sau khi nghe báo cáo, ông {n} - {b} đánh giá cao nỗ lực của địa phương.",
                 "{a} {n} kiểm tra tiến độ dự án. Tại công trường, {b} {n} yêu cầu nhà thầu tăng ca.",
                 "Theo đồng chí {n} ({a}), năm nay địa phương phấn đấu hoàn thành các chỉ tiêu; đồng chí {n} ({b}) cũng đề nghị cấp trên hỗ trợ thêm vốn."][style]
            return s.format(n=n, a=a, b=bad), s.format(n=n, a=a, b=good)
        return f
    return [make(i) for i in range(4)]


def parts_exceed_total(_):
    def f1(r):
        t = r.randint(20, 60); a = r.randint(t // 2, t - 3); b = t - a + r.randint(2, 10)
        s = "Trong tổng số {} vụ tai nạn giao thông có {} vụ trên quốc lộ và {} vụ trên đường huyện."
        return s.format(t, a, b), s.format(t, a, t - a)

    def f2(r):
        t = r.randint(800, 2500); a = r.randint(t // 4, t // 2); b = t - a + r.randint(20, 200)
        s = "Toàn xã có {} hộ, trong đó: hộ nghèo {} hộ, hộ cận nghèo {} hộ."
        ok_b = r.randint(10, t - a - 10)
        return s.format(vn(t, 0), vn(a, 0), vn(b, 0)), s.format(vn(t, 0), vn(a, 0), vn(ok_b, 0))

    def f3(r):
        t = r.randint(10, 40); a = r.randint(3, t - 3); b = t - a + r.randint(2, 8)
        s = "Đã tổ chức {} lớp tập huấn, gồm: {} lớp cấp huyện, {} lớp cấp xã."
        return s.format(t, a, b), s.format(t, a, t - a)

    def f4(r):
        t = r.randint(300, 1200); a = r.randint(t // 2, t - 20); b = t - a + r.randint(5, 60)
        s = "Kết quả, {} hồ sơ đã được giải quyết; trong đó đúng hạn {} hồ sơ, trễ hạn {} hồ sơ."
        return s.format(t, a, b), s.format(t, a, t - a)

    return [f1, f2, f3, f4]


def cumulative_months_title(_):
    def make(style):
        def f(r):
            n = r.randint(4, 10); k = n + r.choice([-2, 1, 2])
            title = ["BÁO CÁO\nKết quả công tác tháng {n} năm 2023", "Tình hình kinh tế - xã hội tháng {n}/2023",
                     "Báo cáo tình hình thực hiện nhiệm vụ tháng {n} năm 2023", "THÔNG BÁO\nKết luận giao ban tháng {n} năm 2023"][style]
            body = ["Tính chung {k} tháng đầu năm 2023, thu ngân sách ước đạt 215 tỷ đồng.",
                    "Cộng dồn đến hết tháng {k}, toàn tỉnh thu hút 14 dự án đầu tư.",
                    "Từ đầu năm đến hết tháng {k}, toàn huyện xây mới 42 nhà đại đoàn kết.",
                    "Lũy kế {k} tháng, vốn đầu tư công giải ngân đạt 48% kế hoạch."][style]
            s = title + "\n" + body
            return s.format(n=n, k=k), s.format(n=n, k=n)
        return f
    return [make(i) for i in range(4)]


DOUBLED = [("an ninh", "an an ninh"), ("giáo dục", "giáo dục dục"), ("hành chính", "hành hành chính"),
           ("nông thôn", "nông thôn thôn"), ("tuyên truyền", "tuyên tuyên truyền"), ("xây dựng", "xây dựng dựng"),
           ("chính quyền", "chính chính quyền"), ("phát triển", "phát triển triển"), ("kiểm tra", "kiểm tra tra"),
           ("doanh nghiệp", "doanh doanh nghiệp")]


def doubled_syllable(_):
    def f1(r):
        right, wrong = r.choice(DOUBLED)
        s = "Năm qua, công tác {} trên địa bàn có nhiều chuyển biến tích cực."
        return s.format(wrong), s.format(right)

    def f2(r):
        right, wrong = r.choice(DOUBLED)
        s = "Lãnh đạo huyện yêu cầu các xã ưu tiên nguồn lực cho {} trong quý cuối năm."
        return s.format(wrong), s.format(right)

    def f3(r):
        right, wrong = r.choice(DOUBLED)
        return ("Nhiều ý kiến đề nghị tập trung cho {} ở vùng đồng bào dân tộc.".format(wrong),
                "Nhiều ý kiến đề nghị thu hút vốn đầu tư tư nhân vào vùng đồng bào dân tộc.")

    def f4(r):
        right, wrong = r.choice(DOUBLED)
        return ("Báo cáo nêu rõ những hạn chế trong {} thời gian qua.".format(wrong),
                "Báo cáo nêu rõ những hạn chế trong hoạt động sản xuất xuất khẩu thời gian qua.")

    return [f1, f2, f3, f4]


def name_two_ways(_):
    def make(style):
        def f(r):
            name = r.choice(NAMES); slip = slip_name(name, r)
            s = ["Phát biểu chỉ đạo, đồng chí {a}, Phó Chủ tịch UBND tỉnh đề nghị huyện rà soát quy hoạch. Đồng chí {b} cũng lưu ý về tiến độ giải phóng mặt bằng.",
                 "Theo bà {a}, Trưởng phòng Tài nguyên và Môi trường, hồ sơ cấp đất đã được rút ngắn. Bà {b} cho rằng người dân hài lòng hơn.",
                 "Đại biểu {a} chất vấn về tình trạng ô nhiễm tại cụm công nghiệp; trả lời đại biểu {b}, Giám đốc Sở cam kết xử lý dứt điểm.",
                 "Ông {a} năm nay 62 tuổi, là cựu chiến binh. Nhờ vay vốn ưu đãi, gia đình ông {b} đã thoát nghèo."][style]
            return s.format(a=name, b=slip), s.format(a=name, b=name)
        return f
    return [make(i) for i in range(4)]


def percent_part_whole(_):
    def wrong_of(right, r):
        return right + r.choice([-1, 1]) * r.uniform(5, 12)

    def f1(r):
        b = r.randint(15, 40); a = r.randint(b // 2, b - 1); right = a / b * 100
        s = "Toàn huyện có {}/{} xã đạt chuẩn nông thôn mới (chiếm {})."
        return s.format(a, b, pct(wrong_of(right, r))), s.format(a, b, pct(right))

    def f2(r):
        b = r.randint(200, 900); a = r.randint(b // 3, b - 20); right = a / b * 100
        s = "Đến nay đã giải ngân {} tỷ đồng/{} tỷ đồng kế hoạch vốn được giao, đạt {}."
        return s.format(a, b, pct(wrong_of(right, r))), s.format(a, b, pct(right))

    def f3(r):
        b = r.randint(500, 3000); a = r.randint(b // 2, b - 30); right = a / b * 100
        s = "Có {} hồ sơ được giải quyết đúng hạn, đạt tỷ lệ {} trên tổng số {} hồ sơ tiếp nhận."
        return s.format(vn(a, 0), pct(wrong_of(right, r)), vn(b, 0)), s.format(vn(a, 0), pct(right), vn(b, 0))

    def f4(r):
        b = r.randint(2000, 9000); a = r.randint(b // 2, b - 50); right = a / b * 100
        s = "Tỷ lệ hộ dân sử dụng nước sạch đạt {} ({}/{} hộ)."
        return s.format(pct(wrong_of(right, r)), vn(a, 0), vn(b, 0)), s.format(pct(right), vn(a, 0), vn(b, 0))

    return [f1, f2, f3, f4]


def dated_after_meeting(_):
    def make(style):
        def f(r):
            m = r.randint(2, 10); d = r.randint(8, 20)
            later, earlier = d + r.randint(2, 8), d - r.randint(2, 7)
            meeting = ["Hôm nay, ngày {d}/{m}/2023, tại hội trường UBND xã, Hội đồng nhân dân xã khai mạc kỳ họp thứ sáu.",
                       "Ngày {d} tháng {m} năm 2023, Ban Thường vụ Tỉnh ủy họp cho ý kiến về nhiều nội dung quan trọng.",
                       "Tại phiên họp thường kỳ ngày {d}/{m}/2023, UBND tỉnh đã thảo luận các dự thảo nghị quyết.",
                       "Chiều {d}/{m}/2023, Thường trực HĐND huyện tổ chức phiên họp định kỳ."][style]
            cited = ["Kỳ họp xem xét Tờ trình số 25/TTr-UBND ngày {c}/{m}/2023 của UBND xã về dự toán ngân sách.",
                     "Trên cơ sở Báo cáo số 310-BC/BCSĐ ngày {c}/{m}/2023 của Ban cán sự đảng UBND tỉnh, hội nghị thống nhất chủ trương.",
                     "Phiên họp cho ý kiến Tờ trình số 88/TTr-SKHĐT ngày {c}/{m}/2023 của Sở Kế hoạch và Đầu tư.",
                     "Phiên họp xem xét Báo cáo số 77/BC-UBND ngày {c} tháng {m} năm 2023 của UBND huyện."][style]
            s = meeting + "\n" + cited
            return s.format(d=d, m=m, c=later), s.format(d=d, m=m, c=earlier)
        return f
    return [make(i) for i in range(4)]


MISSPELT = [  # (sentence with {} , right word, wrong word)
    ("Nhờ áp dụng giống mới, {} lúa vụ này tăng rõ rệt.", "năng suất", "năng xuất"),
    ("Lãnh đạo xã cảm ơn sự {} của người dân trong đợt dịch.", "chia sẻ", "chia sẽ"),
    ("Năm học qua, nhà trường có 12 học sinh đạt danh hiệu học sinh {}.", "xuất sắc", "suất sắc"),
    ("Đoàn kiểm tra đề nghị {} các vướng mắc trước ngày 30/6.", "giải quyết", "giải quyếc"),
    ("Các {} chức năng tăng cường kiểm tra thị trường dịp Tết.", "ngành", "nghành"),
    ("Cán bộ tiếp dân để xảy ra {} trong khâu tiếp nhận hồ sơ.", "sơ suất", "sơ xuất"),
    ("Hành vi {} quyền lợi hợp pháp của người lao động sẽ bị xử lý nghiêm.", "xâm phạm", "xăm phạm"),
    ("Các cơ sở vi phạm đã bị {} hành chính theo quy định.", "xử phạt", "sử phạt"),
]


def known_misspelling(_):
    def make(offset):
        def f(r):
            s, right, wrong = MISSPELT[(offset + r.randint(0, len(MISSPELT) - 1)) % len(MISSPELT)]
            return s.format(wrong), s.format(right)
        return f
    return [make(i) for i in range(4)]


def tone_mixing(_):
    def f1(r):
        return ("Công tác xoá đói giảm nghèo được quan tâm; việc xóa nhà tạm cơ bản hoàn thành.",
                "Công tác xóa đói giảm nghèo được quan tâm; việc xóa nhà tạm cơ bản hoàn thành.")

    def f2(r):
        return ("Tòa án nhân dân huyện đã thụ lý 120 vụ việc; Toà án đã giải quyết 98 vụ.",
                "Tòa án nhân dân huyện đã thụ lý 120 vụ việc; Tòa án đã giải quyết 98 vụ.")

    def f3(r):
        return ("Công tác chăm sóc sức khỏe nhân dân được chú trọng, 95% người dân được quản lý sức khoẻ.",
                "Công tác chăm sóc sức khỏe nhân dân được chú trọng, 95% người dân được quản lý sức khỏe.")

    def f4(r):
        return ("Luỹ kế từ đầu năm, huyện đã giải ngân 60% kế hoạch; lũy kế vốn sự nghiệp đạt 45%.",
                "Lũy kế từ đầu năm, huyện đã giải ngân 60% kế hoạch; lũy kế vốn sự nghiệp đạt 45%.")

    return [f1, f2, f3, f4]


def published_before_event(_):
    def make(style):
        def f(r):
            m = r.randint(2, 11); d = r.randint(6, 25)
            bad, ok = d - r.randint(1, 4), d + r.randint(0, 2)
            head = ["Thứ Năm, ngày {p}/{m}/2023 | 08:12", "Đăng lúc: {p:02d}/{m:02d}/2023 07:40",
                    "{p:02d}/{m:02d}/2023 | 16:20 GMT+7", "Ngày xuất bản: {p}/{m}/2023"][style]
            body = ["Sáng {d}/{m}, Huyện ủy tổ chức hội nghị sơ kết 6 tháng đầu năm.",
                    "Ngày {d}/{m}/2023, UBND tỉnh tổ chức hội nghị trực tuyến với các huyện.",
                    "Chiều {d}/{m}/2023, Đoàn đại biểu Quốc hội tỉnh tiếp xúc cử tri tại xã.",
                    "Sáng ngày {d} tháng {m} năm 2023, Ban Thường vụ Thành ủy làm việc với Đảng ủy phường."][style]
            s = "Tin hoạt động\n" + head + "\n" + body
            return s.format(p=bad, d=d, m=m), s.format(p=ok, d=d, m=m)
        return f
    return [make(i) for i in range(4)]


def term_length(_):
    def make(template):
        def f(r):
            a = r.choice([2017, 2020, 2021, 2022]); wrong = a + r.choice([3, 4, 6])
            return template.format(a=a, b=wrong), template.format(a=a, b=a + 5)
        return f
    return [make(t) for t in ("Đại hội Hội Nông dân xã lần thứ IX, nhiệm kỳ {a}–{b} đã bầu 15 đồng chí vào Ban Chấp hành.",
                              "Ban Chấp hành Đảng bộ tỉnh khóa XVII, nhiệm kỳ {a} – {b} họp phiên thứ nhất.",
                              "Hội đồng nhân dân tỉnh khóa X, nhiệm kỳ {a} đến {b} đã tổ chức 12 kỳ họp.",
                              "Thường trực Hội Liên hiệp Phụ nữ huyện (nhiệm kỳ {a}-{b}) ra mắt tại đại hội.")]


def malformed_date(_):
    def f1(r):
        m = r.choice([4, 6, 9, 11])
        return f"Ngày 31/{m}/2023, UBND xã tổ chức lễ ra quân.", f"Ngày 30/{m}/2023, UBND xã tổ chức lễ ra quân."

    def f2(r):
        d = r.choice([30, 31])
        return f"Theo Thông báo số 12/TB-UBND ngày {d}/02/2023, lịch tiếp dân được điều chỉnh.", "Theo Thông báo số 12/TB-UBND ngày 28/02/2023, lịch tiếp dân được điều chỉnh."

    def f3(r):
        d = r.randint(1, 28); m = r.choice([13, 14, 15, 16])
        return f"Hội nghị được tổ chức ngày {d}/{m}/2023 tại nhà văn hóa xã.", f"Hội nghị được tổ chức ngày {d}/{m - 10}/2023 tại nhà văn hóa xã."

    def f4(r):
        d = r.randint(1, 28); m = r.randint(1, 12)
        return f"Ngày {d}/{m}/20233, đoàn công tác làm việc tại huyện.", f"Ngày {d}/{m}/2023, đoàn công tác làm việc tại huyện."

    return [f1, f2, f3, f4]


def title_month(_):
    def make(style):
        def f(r):
            n = r.randint(3, 9); wrong = n + r.choice([-1, 2, 3])
            title = ["BÁO CÁO\nCông tác tháng {t} năm 2023 và nhiệm vụ trọng tâm tháng tới", "Tình hình thực hiện nhiệm vụ tháng {t} năm 2023",
                     "BÁO CÁO\nKết quả chỉ đạo, điều hành tháng {t}/2023", "Giao ban công tác tháng {t} năm 2023"][style]
            body = ["Trong tháng {n}/2023, UBND xã tập trung chỉ đạo sản xuất vụ mùa; thu ngân sách tháng {n} đạt khá.",
                    "Tháng {n}, tình hình kinh tế trên địa bàn tiếp tục phục hồi; các chỉ tiêu tháng {n} cơ bản đạt.",
                    "Trong tháng {n} năm 2023, các phòng, ban đã hoàn thành 18 nhiệm vụ được giao trong tháng {n}.",
                    "Đánh giá kết quả tháng {n}, hội nghị thống nhất nhiều chỉ tiêu đạt khá so với cùng kỳ."][style]
            s = title + "\n" + body
            return s.format(t=wrong, n=n), s.format(t=n, n=n)
        return f
    return [make(i) for i in range(4)]


def growth_vs_ratio(_):
    def f1(r):
        g = r.randint(30, 250) / 10; x = r.randint(300, 900)
        s = "Giá trị sản xuất nông nghiệp ước đạt {} tỷ đồng, bằng {} cùng kỳ, tăng {}."
        return s.format(x, pct(100 + g + r.choice([-9, 9])), pct(g)), s.format(x, pct(100 + g), pct(g))

    def f2(r):
        g = r.randint(20, 150) / 10
        s = "Sản lượng thủy sản khai thác giảm {} so với cùng kỳ năm trước (bằng {})."
        return s.format(pct(g), pct(100 - g + r.choice([-7, 7]))), s.format(pct(g), pct(100 - g))

    def f3(r):
        g = r.randint(30, 200) / 10
        s = "Số lượt khách quốc tế tăng {}, bằng {} so với cùng kỳ."
        return s.format(pct(g), pct(100 + g - r.choice([6, 11]))), s.format(pct(g), pct(100 + g))

    def f4(r):
        g = r.randint(30, 200) / 10; x = r.randint(1000, 5000)
        s = "Tổng vốn đầu tư toàn xã hội đạt {} tỷ đồng, so với cùng kỳ năm trước bằng {}, tăng {}."
        return s.format(vn(x, 0), pct(100 + g + 10), pct(g)), s.format(vn(x, 0), pct(100 + g), pct(g))

    return [f1, f2, f3, f4]


def same_document_two_dates(_):
    def make(style):
        def f(r):
            n = r.randint(10, 99); d = r.randint(1, 20); m = r.randint(1, 12); d2 = d + r.randint(2, 8)
            s = ["Triển khai Nghị quyết số {n}-NQ/TU ngày {d}/{m}/2022 của Tỉnh ủy, huyện đã ban hành kế hoạch. Sau một năm thực hiện Nghị quyết {n}-NQ/TU, ngày {e}/{m}/2022, nhiều chỉ tiêu đạt khá.",
                 "Chỉ thị số {n}/CT-UBND ngày {d}/{m}/2022 của Chủ tịch UBND tỉnh yêu cầu tăng cường quản lý đất đai. Các huyện đã quán triệt Chỉ thị số {n}/CT-UBND ngày {e}/{m}/2022 đến từng xã.",
                 "Theo Quyết định số {n}/QĐ-UBND ngày {d} tháng {m} năm 2022, 14 xã được hỗ trợ. Quyết định số {n}/QĐ-UBND ngày {e}/{m}/2022 cũng nêu rõ mức hỗ trợ.",
                 "Thông báo kết luận số {n}-TB/HU ngày {d}/{m}/2022 của Ban Thường vụ Huyện ủy giao nhiều nhiệm vụ. Thực hiện Thông báo số {n}-TB/HU ngày {e}/{m}/2022, các ngành đã vào cuộc."][style]
            return s.format(n=n, d=d, m=m, e=d2), s.format(n=n, d=d, m=m, e=d)
        return f
    return [make(i) for i in range(4)]


def shares_over_100(_):
    def f1(r):
        a = r.randint(40, 55); b = r.randint(25, 35); c = 100 - a - b + r.randint(8, 20)
        s = "Trong cơ cấu GRDP, khu vực dịch vụ chiếm {}, khu vực công nghiệp - xây dựng chiếm {}, khu vực nông, lâm nghiệp và thủy sản chiếm {}."
        return s.format(pct(a), pct(b), pct(c)), s.format(pct(a), pct(b), pct(100 - a - b))

    def f2(r):
        x = r.randint(102, 150)
        s = "Vốn đầu tư từ khu vực ngoài nhà nước chiếm tỷ trọng {} trong tổng vốn đầu tư."
        return s.format(pct(x)), s.format(pct(x - 55))

    def f3(r):
        x = r.randint(104, 140)
        s = "Lao động nữ chiếm {} tổng số lao động được giải quyết việc làm."
        return s.format(pct(x)), s.format(pct(x - 60))

    def f4(r):
        a = r.randint(55, 70); b = 100 - a + r.randint(6, 18)
        s = "Về cơ cấu vốn, vốn vay chiếm {} và vốn tự có chiếm {} tổng mức đầu tư của dự án."
        return s.format(pct(a), pct(b)), s.format(pct(a), pct(100 - a))

    return [f1, f2, f3, f4]


WEEKDAYS = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"]


def weekday(_):
    def make(template):
        def f(r):
            day = dt.date(2023, 1, 1) + dt.timedelta(days=r.randint(0, 360))
            right = WEEKDAYS[day.weekday()]; wrong = WEEKDAYS[(day.weekday() + r.randint(1, 6)) % 7]
            return template.format(w=wrong, d=day.day, m=day.month), template.format(w=right, d=day.day, m=day.month)
        return f
    return [make(t) for t in ("Ngày {d}/{m}/2023 ({w}), UBND huyện tổ chức đối thoại với doanh nghiệp.",
                              "Lễ khởi công diễn ra vào sáng {w}, {d}/{m}/2023.",
                              "Tối {w}, ngày {d} tháng {m} năm 2023, chương trình nghệ thuật được tổ chức tại quảng trường.",
                              "Theo kế hoạch, kỳ họp bắt đầu từ {w} ({d}/{m}/2023) và kéo dài 3 ngày.")]


def doc_type_vs_symbol(_):
    PAIRS = [("Tờ trình", "QĐ-UBND", "TTr-UBND"), ("Chỉ thị", "KH-UBND", "CT-UBND"),
             ("Nghị quyết", "KL/TU", "NQ/TU"), ("Kết luận", "NQ/TU", "KL/TU"), ("Hướng dẫn", "KH/BTGTU", "HD/BTGTU")]

    def make(template):
        def f(r):
            n = r.randint(10, 300); w, bad, good = r.choice(PAIRS)
            sep = "-" if "/" in bad.split("-")[0] or bad.endswith("TU") else "/"
            return template.format(w=w, n=n, s=bad, sep=sep), template.format(w=w, n=n, s=good, sep=sep)
        return f
    return [make(t) for t in ("Quán triệt {w} số {n}{sep}{s} đến toàn thể cán bộ, đảng viên.",
                              "Thực hiện tinh thần {w} {n}{sep}{s}, các địa phương rà soát lại danh sách.",
                              "Ngày 10/4/2023, cơ quan chức năng ban hành {w} số {n}{sep}{s} về công tác phòng cháy.",
                              "Việc triển khai {w} số {n}{sep}{s} còn chậm ở một số đơn vị.")]


def symbol_year(_):
    def make(template):
        def f(r):
            n = r.randint(1, 150); y = r.randint(2015, 2022)
            return template.format(n=n, y=y, yd=y + r.choice([1, 2])), template.format(n=n, y=y, yd=y)
        return f
    return [make(t) for t in ("Theo Thông tư số {n}/{y}/TT-BTC ngày 20/6/{yd} của Bộ Tài chính, mức thu được điều chỉnh.",
                              "Nghị định số {n}/{y}/NĐ-CP ngày 15 tháng 5 năm {yd} của Chính phủ quy định chi tiết nội dung này.",
                              "Căn cứ Quyết định số {n}/{y}/QĐ-TTg ngày 05/8/{yd} của Thủ tướng Chính phủ, tỉnh đã phê duyệt đề án.",
                              "Thông tư {n}/{y}/TT-BGDĐT (ban hành ngày 30/12/{yd}) hướng dẫn việc đánh giá học sinh.")]


def nfd(_):
    def make(template):
        def f(r):
            right = template
            return unicodedata.normalize("NFD", right), right
        return f
    return [make(t) for t in ("Người dân phấn khởi khi tuyến đường liên xã được bê tông hóa.",
                              "Phiên chợ nông sản thu hút đông đảo người tiêu dùng.",
                              "Hợp tác xã đã ký hợp đồng bao tiêu sản phẩm với doanh nghiệp.",
                              "Đề án sắp xếp đơn vị hành chính cấp xã được cử tri đồng tình.")]


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


def main() -> int:
    return eval_blind.main(KINDS, per_kind=40, seed=7, description=__doc__)


if __name__ == "__main__":
    raise SystemExit(main())
