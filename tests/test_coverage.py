"""Coverage: what each file's check read and compared, and how much of it was consistent."""

from __future__ import annotations

import json

from giaoban_qa.cli import main


def _run(argv, capsys):
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


TEXT = (
    "KẾT LUẬN CỦA THƯỜNG TRỰC HUYỆN ỦY\nTại hội nghị giao ban tháng 11 năm 2020\n"
    "Ngày 02 tháng 11 năm 2020, Thường trực Huyện ủy tổ chức hội nghị giao ban.\n"
    "Diện tích gieo trồng 450 ha/500 ha, đạt 90% kế hoạch; số hộ thoát nghèo 30 hộ/40 hộ, đạt 80%.\n"
    "Thực hiện Kế hoạch số 05-KH/HU, ngày 10/10/2020 và Báo cáo số 369/BC-UBND, ngày 30 tháng 11 năm 2020 của UBND huyện.\n"
)


def test_json_has_coverage_per_file_and_in_the_summary(tmp_path, capsys):
    report = tmp_path / "r.txt"
    report.write_text(TEXT, encoding="utf-8")
    (tmp_path / "clean.txt").write_text("Ngày 05/11/2020, xã tổ chức ra quân.\n", encoding="utf-8")
    code, out, _ = _run(["check", str(tmp_path), "-f", "json"], capsys)
    data = json.loads(out)
    by_path = {f["path"]: f["coverage"] for f in data["files"]}
    cov = by_path[str(report)]
    # 450 ha/500 ha = 90 % and 30 hộ/40 hộ = 75 % (the text says 80 %): two recomputed, one wrong.
    assert cov["checks"]["computation"] == {"checked": 2, "consistent": 1, "inconsistent": 1}
    # 05-KH/HU of 10/10/2020 is before the meeting of 02/11/2020, 369/BC-UBND of 30/11/2020 after it.
    assert cov["checks"]["citation-date"] == {"checked": 2, "consistent": 1, "inconsistent": 1}
    assert cov["read"]["citations"] == 2 and cov["read"]["dates"] == 3
    # The clean file is listed with what was read in it too.
    assert by_path[str(tmp_path / "clean.txt")]["read"]["dates"] == 1
    total = data["summary"]["coverage"]
    assert total["read"]["dates"] == 4 and total["checks"]["computation"]["checked"] == 2
    rules = {f["rule"] for f in data["findings"]}
    assert {"number.percent-mismatch", "citation.dated-after-meeting"} <= rules


def test_select_counts_only_what_the_selected_rules_read(tmp_path, capsys):
    report = tmp_path / "r.txt"
    report.write_text(TEXT, encoding="utf-8")
    _, out, _ = _run(["check", str(report), "-f", "json", "--select", "number"], capsys)
    cov = json.loads(out)["files"][0]["coverage"]
    # No citation rule ran, so no citation date was compared (the figures extractor reads the
    # citations to keep document numbers out of the figures, so those count as read).
    assert cov["checks"]["citation-date"]["checked"] == 0 and cov["checks"]["period"]["checked"] == 0
    assert cov["checks"]["computation"]["checked"] == 2


def test_seed_003_coverage_line_counted_by_hand(shared, capsys):
    seed = next((shared / "seeds").glob("003_*.txt"))
    code, out, _ = _run(["check", str(seed), "--no-color"], capsys)
    line = next(x for x in out.splitlines() if x.startswith("Đã kiểm tra:"))
    # Counted by reading the seed (a Huyện ủy "kết luận" of the 02/11/2020 giao ban):
    # - dates: "Ngày 02 tháng 11 năm 2020" (the meeting), "25/9/2020" (Kế hoạch 03-KH/HU, cited
    #   twice, so two dates), "ngày 30 tháng 11 năm 2020" (Báo cáo 369/BC-UBND), "02/12/2019"
    #   (Nghị quyết 13-NQ/HU), "12/4/2019" (Nghị quyết 12-NQ/HU): 6. The title's "tháng 11 năm
    #   2020" is a period, not a date.
    assert "6 ngày tháng đã đọc" in line
    # - citations: 03-KH/HU (twice), 369/BC-UBND, 13-NQ/HU, 12-NQ/HU: 5.
    assert "5 văn bản viện dẫn đã đọc" in line
    # - computations: the only percentage with its own A/B is "22.460 ha/27.060 ha đạt 83%"
    #   (22460 / 27060 = 83,0 %): consistent. "đạt 8,3% kế hoạch", "100,2% dự toán" and
    #   "126,5% so với cùng kỳ" have no figures to recompute them from.
    assert "1 phép tính đã kiểm tra lại, 1 khớp, 0 sai" in line
    # - citation dates against the meeting (02/11/2020): 25/9/2020 twice, 02/12/2019 and
    #   12/4/2019 are before it; 30/11/2020 (369/BC-UBND) is after it: 5 compared, 4 + 1.
    assert "5 ngày văn bản đã so với ngày họp, ngày báo cáo, 4 khớp, 1 sai" in line
    # - periods: the title's "tháng 11 năm 2020" against the review "tháng 10" (a meeting early
    #   in November reviews October) and the plan "tháng 11 năm 2020": 2 compared, both fine.
    assert "2 kỳ báo cáo đã so sánh, 2 khớp, 0 sai" in line
    code, out, _ = _run(["check", str(seed), "--no-color", "--lang", "en"], capsys)
    line = next(x for x in out.splitlines() if x.startswith("Checked:"))
    assert "6 dates read; 5 citations read" in line and "1 computation rechecked, 1 consistent, 0 inconsistent" in line


def test_names_compared_come_from_the_name_rule_groups(tmp_path, capsys):
    text = ("Đồng chí Đồng Văn Lưu – Bí thư Huyện ủy chủ trì hội nghị. Kết luận hội nghị, đồng chí Đồng Văn Lưu – Bí thư "
            "Huyện ủy yêu cầu các xã tập trung chỉ đạo. Đồng chí Đồng Văn Lựu – Bí thư Huyện ủy nhấn mạnh công tác cán bộ.\n")
    report = tmp_path / "names.txt"
    report.write_text(text, encoding="utf-8")
    _, out, _ = _run(["check", str(report), "-f", "json"], capsys)
    data = json.loads(out)
    # Two distinct names, "Đồng Văn Lưu" (twice) and "Đồng Văn Lựu": the second is the variant.
    assert data["files"][0]["coverage"]["checks"]["name"] == {"checked": 2, "consistent": 1, "inconsistent": 1}
    assert [f["rule"] for f in data["findings"] if f["rule"].startswith("name.")] == ["name.variant"]
    _, out, _ = _run(["check", str(report), "--no-color"], capsys)
    assert "2 tên đã so sánh, 1 khớp, 1 sai" in out
