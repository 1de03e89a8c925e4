"""People, titles and places extraction, and the Vietnamese helpers behind them."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from giaoban_qa.document import build_document
from giaoban_qa.extract import load_fact_tables
from giaoban_qa.extract.people import fold, old_tone_style, parse_title, people, places, tone_style


def _people(text: str):
    return [(p.name, [t.text for t in p.titles]) for p in people(build_document("t.txt", text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Đồng chí Lê Minh Hải - Bí thư Huyện ủy, Chủ tịch HĐND huyện chủ trì hội nghị.", [("Lê Minh Hải", ["Bí thư Huyện ủy", "Chủ tịch HĐND huyện"])]),
        ("Bí thư Huyện ủy Trần Văn Kỳ chủ trì hội nghị.", [("Trần Văn Kỳ", ["Bí thư Huyện ủy"])]),
        ("đồng chí Nguyễn Thanh Hà – Phó Bí thư Thường trực Huyện ủy phát biểu.", [("Nguyễn Thanh Hà", ["Phó Bí thư Thường trực Huyện ủy"])]),
        ("Ông Nguyễn Văn Hòa – Chủ tịch UBND tỉnh Kon Tum cho biết.", [("Nguyễn Văn Hòa", ["Chủ tịch UBND tỉnh Kon Tum"])]),
        ("Phó Chủ tịch UBND tỉnh Bình Dương Trần Thanh Liêm cho biết.", [("Trần Thanh Liêm", ["Phó Chủ tịch UBND tỉnh Bình Dương"])]),
        # a title followed by the next person's name belongs to that person
        ("Chủ tịch nước Trần Đại Quang, Thủ tướng Nguyễn Xuân Phúc dự lễ.", [("Trần Đại Quang", ["Chủ tịch nước"]), ("Nguyễn Xuân Phúc", ["Thủ tướng"])]),
        # honorific without a title still names a person
        ("Theo ông Phạm Văn Tùng, giá năm nay cao.", [("Phạm Văn Tùng", [])]),
        # r13names: a foreign office's holder after the country; a former post after "(khi đó là";
        # a school named after a person stays in the title; "Hiệu trưởng trường …" before " - bà"
        ("Tổng thống Pháp Emmanuel Macron đón đoàn tại sân bay.", [("Emmanuel Macron", ["Tổng thống Pháp"])]),
        ("Chủ tịch Quốc hội Lào Xay-som Phôm-vi-han tiếp đoàn.", [("Xay-som Phôm-vi-han", ["Chủ tịch Quốc hội Lào"])]),
        ("Ông Đỗ Văn Lợi (khi đó là giám đốc xí nghiệp) ký hợp đồng.", [("Đỗ Văn Lợi", ["giám đốc"])]),
        ("Bà Lưu Thị Hạnh từng là Hiệu trưởng Trường Tiểu học Lê Văn Tám (quận 3) cho biết.", [("Lưu Thị Hạnh", ["Hiệu trưởng Trường Tiểu học Lê Văn Tám"])]),
        ("Sau đó, Hiệu trưởng trường Tiểu học Hòa Bình - bà Lưu Thị Hạnh cho biết.", [("Lưu Thị Hạnh", ["Hiệu trưởng trường Tiểu học Hòa Bình"])]),
        # the titles written before the nearest one, joined by commas; not another holder's
        ("Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội Đoàn Văn Hải phát biểu.", [("Đoàn Văn Hải", ["Ủy viên Bộ Chính trị", "Bí thư Thành ủy Hà Nội"])]),
        ("Làm việc với Giám đốc Sở Y tế, Chủ tịch UBND tỉnh Bùi Văn Tú nêu rõ.", [("Bùi Văn Tú", ["Chủ tịch UBND tỉnh"])]),
        ("Sau ý kiến của 3 đồng chí Phó Chủ tịch UBND tỉnh, Chủ tịch UBND tỉnh Bùi Văn Tú kết luận.", [("Bùi Văn Tú", ["Chủ tịch UBND tỉnh"])]),
        # a rank where "ông" would be; "của" inside a title; lower-case organ names; "TP." ends no sentence
        ("Phó Giám đốc Công an tỉnh, Đại tá Lưu Văn Long cho biết.", [("Lưu Văn Long", ["Phó Giám đốc Công an tỉnh"])]),
        ("Giám đốc Sở Công Thương của tỉnh, ông Lưu Văn Tú cho biết.", [("Lưu Văn Tú", ["Giám đốc Sở Công Thương của tỉnh"])]),
        ("Bà Lưu Thị Thu, chủ tịch hội nông dân huyện, cho biết.", [("Lưu Thị Thu", ["chủ tịch hội nông dân huyện"])]),
        ("Chủ tịch UBND tỉnh công bố quyết định bổ nhiệm ông Lưu Văn Tú.", [("Lưu Văn Tú", [])]),
        ("Phó Chủ tịch UBND TP. Hà Nội Bùi Văn Khoa ký quyết định.", [("Bùi Văn Khoa", ["Phó Chủ tịch UBND TP. Hà Nội"])]),
        ("Chủ cơ sở này là bà Lưu Thị Tâm, sinh năm 1980.", [("Lưu Thị Tâm", ["Chủ cơ sở"])]),
        ("Các ông Đỗ Văn Kiên - Chủ tịch UBND thị xã, Phó Chủ tịch Bùi Công Tuấn trả lời.", [("Đỗ Văn Kiên", ["Chủ tịch UBND thị xã"]), ("Bùi Công Tuấn", ["Phó Chủ tịch"])]),
        ("Thay mặt Ban Giám đốc CATP, Đại tá Bùi Ngọc Hùng, Phó Giám đốc CATP biểu dương.", [("Bùi Ngọc Hùng", ["Phó Giám đốc CATP"])]),
    ],
)
def test_people_patterns(text, expected):
    assert _people(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Chủ tịch UBND phường Nguyễn Cư Trinh báo cáo.",  # a ward named after a person
        "Chủ tịch Hà Nội cho biết như vậy.",  # a city after a title
        "Đại hội Đảng bộ huyện Ba Chẽ lần thứ XXV.",  # capitalised words, no surname
        "Trường Tiểu học Nguyễn Du khai giảng.",  # no honorific or title beside the name
        "Bộ Tư lệnh Thái Bình Dương điều phối các hoạt động.",  # an ocean, not a person
        "Chánh Văn phòng UBND Tp. Hồ Chí Minh cho biết.",  # the city after "Tp."
        "Giám đốc công ty TNHH Dương Dũng bị khởi tố.",  # a firm named after a person
        "Đại sứ quán Đức Ngày Hội Văn hóa.",  # a country after no title
    ],
)
def test_not_people(text):
    assert _people(text) == []


def test_title_reduction():
    t = parse_title("Chủ tịch UBND huyện")
    assert t is not None and (t.role, t.organ, t.level) == ("chủ tịch", "ubnd", "huyen")
    t = parse_title("Bí thư Huyện uỷ")
    assert t is not None and (t.role, t.organ, t.level) == ("bí thư", "party", "huyen")
    former = people(build_document("t.txt", "Đồng chí Lê Văn Tâm - nguyên Bí thư Huyện ủy dự hội nghị."))[0]
    assert [t.current for t in former.titles] == [False]


def test_key_is_stable_and_folded():
    doc = build_document("t.txt", "Đồng chí Đồng Văn Lựu – Bí thư Huyện ủy. Đồng chí Đồng Văn Lưu – Bí thư Huyện ủy.")
    keys = {p.key for p in people(doc)}
    assert keys == {"dong van luu"}
    assert fold("Đồng Văn Lựu") == fold("ĐỒNG VĂN LỰU") == "dong van luu"


def test_tone_helpers():
    assert tone_style("uỷ")[0] == "new" and tone_style("ủy")[0] == "old"
    assert tone_style("uỷ")[1] == tone_style("ủy")[1]
    assert tone_style("hoàng") is None and tone_style("quý") is None and tone_style("khuya") is None
    assert old_tone_style("Huyện uỷ, hoà bình, khoẻ") == "Huyện ủy, hòa bình, khỏe"


def test_places():
    doc = build_document("t.txt", "Mô hình tại thôn Sơn Hải, xã Nam Sơn, thị trấn Phủ Thông, huyện Ba Chẽ, tỉnh Quảng Ninh.")
    assert [(p.kind, p.name) for p in places(doc)] == [
        ("thôn", "Sơn Hải"),
        ("xã", "Nam Sơn"),
        ("thị trấn", "Phủ Thông"),
        ("huyện", "Ba Chẽ"),
        ("tỉnh", "Quảng Ninh"),
    ]


def test_fact_tables_follow_the_contract():
    tables = load_fact_tables()
    doc = build_document("t.txt", "Đồng chí Lê Minh Hải - Bí thư Huyện ủy, Chủ tịch HĐND huyện chủ trì hội nghị tại xã Nam Sơn.")
    rows = tables["people"](doc)
    assert rows == [
        {
            "start": 9,
            "end": 20,
            "text": "Lê Minh Hải",
            "name": "Lê Minh Hải",
            "key": "le minh hai",
            "titles": "Bí thư Huyện ủy; Chủ tịch HĐND huyện",
            "title": "Bí thư Huyện ủy",
            "org": "party",
        }
    ]
    place_rows = tables["places"](doc)
    assert [(r["name"], r["key"], r["kind"]) for r in place_rows] == [
        ("Huyện ủy", "huyen uy", "org"),
        ("HĐND huyện", "hdnd huyen", "org"),
        ("Nam Sơn", "nam son", "xã"),
    ]


def test_seed_people(shared):
    path = next((shared / "seeds").glob("000_*.txt"))
    doc = build_document(str(path), path.read_text(encoding="utf-8"))
    found = {(p.name, tuple(t.text for t in p.titles)) for p in people(doc)}
    assert ("Nguyễn Thanh Hà", ("Phó Bí thư Thường trực Huyện ủy", "Chủ tịch HĐND huyện")) in found
    assert ("Đinh Quang Hưng", ("Phó Bí thư Huyện ủy", "Chủ tịch UBND huyện")) in found


# The slips the issue lists in the seeds, and nothing else from the name/text rules.
SEED_FINDINGS = {
    prefix: {tuple(pair) for pair in pairs}
    for prefix, pairs in yaml.safe_load((Path(__file__).parent / "data" / "seed_name_text_slips.yaml").read_text(encoding="utf-8")).items()
}

@pytest.mark.parametrize("prefix", sorted(SEED_FINDINGS))
def test_seed_name_and_text_findings(shared, prefix):
    from giaoban_qa.config import Config
    from giaoban_qa.engine import run_check

    path = next((shared / "seeds").glob(f"{prefix}_*.txt"))
    result = run_check([str(path)], Config(select=["name", "text"], strict=True))
    assert {(f.rule, f.excerpt) for f in result.findings} == SEED_FINDINGS[prefix]
    assert len(result.findings) == len(SEED_FINDINGS[prefix])


def test_title_does_not_swallow_the_next_name():
    found = _people("Đồng chí Võ Văn Thưởng, Ủy viên Bộ Chính trị, Phó Thủ tướng Vương Đình Huệ dự hội nghị.")
    assert found == [("Võ Văn Thưởng", ["Ủy viên Bộ Chính trị"]), ("Vương Đình Huệ", ["Phó Thủ tướng"])]


def test_organ_names_with_lower_case_halves():
    found = _people("Ông Ngô Xuân Lịch - Bộ trưởng Bộ Quốc phòng cho biết.")
    assert found == [("Ngô Xuân Lịch", ["Bộ trưởng Bộ Quốc phòng"])]


def test_user_packs_extend_the_shipped_ones(tmp_path):
    from giaoban_qa.config import Config
    from giaoban_qa.engine import check_document, locate, selected_rules

    (tmp_path / "terms.yaml").write_text(
        "extend: true\nterms:\n  - canonical: \"Đảng ủy\"\n    pattern: '\\bĐảng Ủy\\b'\n    case: syllables\n", encoding="utf-8"
    )
    (tmp_path / "typos.yaml").write_text("extend: true\ntypos:\n  - {wrong: \"kế hoặch\", right: \"kế hoạch\"}\n", encoding="utf-8")
    config = Config(select=["text"], strict=True, rules_dirs=(str(tmp_path),))
    doc = build_document("t.txt", "Đảng Ủy xã Nam Sơn họp về kế hoặch; phòng chống dịch Covid 19.")
    found = [(f.rule, f.excerpt) for f in (locate(doc, x, config) for x in check_document(doc, selected_rules(config), config))]
    assert ("text.term-variant", "Đảng Ủy") in found
    assert ("text.term-variant", "Covid 19") in found
    assert ("text.typo", "kế hoặch") in found


@pytest.mark.parametrize(
    "text, expected",
    [
        # r15text: a titled list before a colon gives its title to every item's name
        ("Dự hội nghị có các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy: Lê Văn Cường, Phạm Thị Dung và Hoàng Minh Đức.",
         [("Lê Văn Cường", ["Ủy viên Ban Thường vụ Tỉnh ủy"]), ("Phạm Thị Dung", ["Ủy viên Ban Thường vụ Tỉnh ủy"]), ("Hoàng Minh Đức", ["Ủy viên Ban Thường vụ Tỉnh ủy"])]),
        ("Cùng dự có các đồng chí Phó Chủ tịch UBND tỉnh: Võ Văn Hải, Giám đốc Sở Tài chính; Đặng Quốc Hùng.",
         [("Võ Văn Hải", ["Phó Chủ tịch UBND tỉnh", "Giám đốc Sở Tài chính"]), ("Đặng Quốc Hùng", ["Phó Chủ tịch UBND tỉnh"])]),
        # not a list: a titled speaker before the colon, an item in lower case, a plain colon
        ("Chủ tịch UBND tỉnh Nguyễn Văn An: tỉnh sẽ chỉ đạo, Trần Văn Bình và các sở cùng làm.", [("Nguyễn Văn An", ["Chủ tịch UBND tỉnh"])]),
        ("Có các đồng chí Ủy viên Ban Thường vụ: Lê Văn Cường; đại diện các sở, Phạm Văn Dũng.", [("Lê Văn Cường", ["Ủy viên Ban Thường vụ"])]),
        ("Danh sách khen thưởng: Nguyễn Văn An, Trần Văn Bình.", []),
    ],
)
def test_titled_list_before_a_colon(text, expected):
    assert _people(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # r17ppl: a Party membership stacked before a post stays the person's after a verb or
        # a preposition ("tiếp", "của"), where two posts of State organs still name two people
        ("Chiều qua, Chủ tịch nước đã tiếp Ủy viên Bộ Chính trị, Thủ tướng Lào Khamphăn Vông-xay tại Hà Nội.", [("Khamphăn Vông-xay", ["Ủy viên Bộ Chính trị", "Thủ tướng Lào"])]),
        ("Đoàn chuyển lời chào của Tổng Bí thư, Chủ tịch nước Lào Xổm-phết Đuông-chăn đến lãnh đạo tỉnh.", [("Xổm-phết Đuông-chăn", ["Tổng Bí thư", "Chủ tịch nước Lào"])]),
        ("Làm việc với Giám đốc Sở Y tế, Chủ tịch UBND tỉnh Bùi Văn Tú nêu rõ.", [("Bùi Văn Tú", ["Chủ tịch UBND tỉnh"])]),
        # a title that is the subject of "là ông …", whatever words name the body it heads
        ("Trưởng ban bồi thường giải phóng mặt bằng là ông Hồ Văn Lực đã ký văn bản.", [("Hồ Văn Lực", ["Trưởng ban bồi thường giải phóng mặt bằng"])]),
        ("Người ký văn bản, Chủ tịch hội đồng thẩm định là bà Đỗ Thị Lan cho biết.", [("Đỗ Thị Lan", ["Chủ tịch hội đồng thẩm định"])]),
        ("Theo báo cáo, chỉ đạo việc này không phải Chủ tịch xã mà là ông Hồ Văn Lực.", [("Hồ Văn Lực", [])]),
        # a foreign province's officer named after the province, no country between
        ("Chủ tịch HĐND tỉnh Luổng Nậm Thà Khăm-phun Sỉ-vông phát biểu tại hội thảo.", [("Khăm-phun Sỉ-vông", ["Chủ tịch HĐND tỉnh Luổng Nậm Thà"])]),
        ("Phó Chủ tịch UBND tỉnh Xaynhabuly Bounthong Chanthavong dự lễ.", [("Bounthong Chanthavong", ["Phó Chủ tịch UBND tỉnh Xaynhabuly"])]),
        ("Chủ tịch UBND tỉnh Thanh Hóa Lê Văn Tâm dự lễ.", [("Lê Văn Tâm", ["Chủ tịch UBND tỉnh Thanh Hóa"])]),
        # after a name, two syllables after a level word name the commune, not the next person
        ("Ông Phạm Văn Cường, Chủ tịch UBND xã Đoàn Lập, huyện Kiến An cho biết như vậy.", [("Phạm Văn Cường", ["Chủ tịch UBND xã Đoàn Lập"])]),
        ("Dự có ông Lê Văn Tâm, Chủ tịch UBND tỉnh Trần Văn Hùng và nhiều đại biểu.", [("Lê Văn Tâm", []), ("Trần Văn Hùng", ["Chủ tịch UBND tỉnh"])]),
        # a Vietnamese place of three syllables, a company's name, the organ's country end a
        # title (no foreign holder hides there); a hospital's name is no person
        ("Bà Trần Thu Hoa - Trưởng phòng giáo dục Quận Ba Đình Tây - cho hay như vậy.", [("Trần Thu Hoa", ["Trưởng phòng giáo dục Quận Ba Đình Tây"])]),
        ("Ông Nguyễn Quốc Tuấn - Giám đốc công ty TNHH Mặt Trời Xanh, đơn vị đầu tư cho biết.", [("Nguyễn Quốc Tuấn", ["Giám đốc công ty TNHH Mặt Trời Xanh"])]),
        ("Luật sư Vi Văn Diện - Giám đốc Cty Luật Hòa Bình Xanh nhận định.", [("Vi Văn Diện", ["Giám đốc Cty Luật Hòa Bình Xanh"])]),
        ("Bà Đỗ Thu Hằng - Giám đốc Truyền thông Sao Xanh Việt Nam - cho biết.", [("Đỗ Thu Hằng", ["Giám đốc Truyền thông Sao Xanh Việt Nam"])]),
        ("Theo bác sĩ Lê Văn Bình, Giám đốc BV Nguyễn Văn Trỗi, ca mổ thành công.", [("Lê Văn Bình", ["Giám đốc BV Nguyễn Văn Trỗi"])]),
        # a title right before "X Văn/Thị Y" serves as the honorific for a family name we lack
        ("Phó Chủ tịch Quốc hội Tòng Thị Phương đề nghị.", [("Tòng Thị Phương", ["Phó Chủ tịch Quốc hội"])]),
        # a run that opens an organ's lower-case pair ("Đoàn Thanh niên"), a city named like a
        # person after its level word, a ward of three syllables, a club: all stay in the title
        ("Chị Lê Thu Trang, Bí thư Đoàn Thanh niên Sở Tư pháp phát biểu.", [("Lê Thu Trang", ["Bí thư Đoàn Thanh niên Sở Tư pháp"])]),
        ("Bí thư Đoàn Thanh niên Trần Văn Nam phát biểu.", [("Trần Văn Nam", ["Bí thư Đoàn Thanh niên"])]),
        ("Ông Lê Hải quan sát hiện trường.", [("Lê Hải", [])]),
        ("Bác sĩ Đỗ Thị Hạnh, Phó Giám đốc Bệnh viện Nhi Thành phố Hồ Chí Minh cho biết.", [("Đỗ Thị Hạnh", ["Phó Giám đốc Bệnh viện Nhi Thành phố Hồ Chí Minh"])]),
        ("Ông Lê Văn Hậu, Phó Chủ tịch UBND phường Trần Hưng Đạo xác nhận việc này.", [("Lê Văn Hậu", ["Phó Chủ tịch UBND phường Trần Hưng Đạo"])]),
        ("Ông Phạm Văn Hùng, Chủ tịch CLB Bóng Đá Xanh, cho biết.", [("Phạm Văn Hùng", ["Chủ tịch CLB Bóng Đá Xanh"])]),
        ("Nhà cách mạng Nguyễn Tất Thành - Chủ tịch Hồ Chí Minh sau này.", [("Hồ Chí Minh", ["Chủ tịch"])]),
        # a role right before two syllables names its holder unless they name a province,
        # city or country; an honorific inside the run opening a sentence; a field of study
        ("Bộ trưởng Tô Lâm phát biểu tại buổi họp.", [("Tô Lâm", ["Bộ trưởng"])]),
        ("Chủ tịch Hà Nội phê bình việc này.", []),
        ("Thủ tướng Thái Lan cũng nhất trí.", []),
        ("Bà Thái Hà - Chủ tịch Hội đồng Quản trị Tập đoàn TH chia sẻ.", [("Thái Hà", ["Chủ tịch Hội đồng Quản trị Tập đoàn TH"])]),
        ("Giáo sư Sinh học Nguyễn Văn Toàn, nguyên Thứ trưởng Giáo dục và Đào tạo, cho biết.", [("Nguyễn Văn Toàn", ["Thứ trưởng Giáo dục và Đào tạo"])]),
        ("Hiệu trưởng Trường Tiểu học Lê Văn Tám cho biết.", []),
        # organs opening with a family name ("Đoàn Chủ tịch", "Đoàn Luật sư"), firms and
        # provinces named like people, brands: all in the title of the name before them
        ("Ông Lê Văn Túc, Ủy viên Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam cho rằng.", [("Lê Văn Túc", ["Ủy viên Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"])]),
        ("Luật sư Trần Văn Nghĩa, Phó Chủ nhiệm Đoàn Luật sư TP HCM, cho rằng.", [("Trần Văn Nghĩa", ["Phó Chủ nhiệm Đoàn Luật sư TP HCM"])]),
        ("Ông Lê Văn Công, Giám đốc Công ty La Ba Đà Lạt cho hay.", [("Lê Văn Công", ["Giám đốc Công ty La Ba Đà Lạt"])]),
        ("Ông Mai Văn Hoàng, Giám đốc Công ty TNHH TM và DV Hoàng Phước An, cũng bày tỏ.", [("Mai Văn Hoàng", ["Giám đốc Công ty TNHH TM và DV Hoàng Phước An"])]),
        ("Ông Lê Sỹ Minh, Giám đốc Sở Thông tin và Truyền thông Thừa Thiên Huế cho biết.", [("Lê Sỹ Minh", ["Giám đốc Sở Thông tin và Truyền thông Thừa Thiên Huế"])]),
        ("Ông Lê Ngọc Đức, Tổng giám đốc Toyota Bến Thành chia sẻ.", [("Lê Ngọc Đức", ["Tổng giám đốc Toyota Bến Thành"])]),
        ("Giám đốc Công ty TNHH Sao Việt Nguyễn Văn An cho biết.", [("Nguyễn Văn An", ["Giám đốc Công ty TNHH Sao Việt"])]),
        ("Phó Chủ tịch LĐLĐ TP Đặng Thị Phương Hoa phát biểu.", [("Đặng Thị Phương Hoa", ["Phó Chủ tịch LĐLĐ TP"])]),
        # the next holder's name, then punctuation and another title: the title is his
        ("Dự có Chủ tịch MTTQ Lê Văn Mẫn, Bí thư Thành ủy Hoàng Văn Hải… Chủ tịch Quốc hội phát biểu.", [("Lê Văn Mẫn", ["Chủ tịch MTTQ"]), ("Hoàng Văn Hải", ["Bí thư Thành ủy"])]),
        # a country note in parentheses between the title and the name; a minister after his
        # ministry in two syllables; an editor-in-chief; an airline is no person
        ("Thủ tướng đã tiếp Bí thư Tỉnh ủy Vân Nam (Trung Quốc) Trần Hào đang có chuyến thăm.", [("Trần Hào", ["Bí thư Tỉnh ủy Vân Nam (Trung Quốc)"])]),
        ("Dự có Bộ trưởng Bộ Công an Tô Hải… và nhiều đại biểu.", [("Tô Hải", ["Bộ trưởng Bộ Công an"])]),
        ("Chủ tịch Hội Nông dân Mai Châu phát biểu.", []),
        ("Ông Lê Quang Định – Tổng Biên tập Báo Nông thôn cho biết.", [("Lê Quang Định", ["Tổng Biên tập Báo Nông thôn"])]),
        ("Ông Dương Văn Thành - Tổng Giám đốc Vietnam Airlines (ngồi phải) ký thỏa thuận.", [("Dương Văn Thành", ["Tổng Giám đốc Vietnam Airlines"])]),
        # an autonomous region's name with its lower-case words stays in the title
        ("Bí thư Khu ủy Khu tự trị dân tộc Choang Quảng Tây Hoàng Hải Minh tiếp đoàn.", [("Hoàng Hải Minh", ["Bí thư Khu ủy Khu tự trị dân tộc Choang Quảng Tây"])]),
    ],
)
def test_constructions_r17ppl(text, expected):
    assert _people(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # covppl (seeds 101/103 tuning halves): a caption's title glued to the name, role
        # word capitalised; the title is the name's, not the next (ranked) name's too
        ("Bà Lê Thị Hoa Phó giám đốc Sở Tài chính cho biết.", [("Lê Thị Hoa", ["Phó giám đốc Sở Tài chính"])]),
        ("Ông Đỗ Văn Nam Giám đốc Sở Xây dựng cho biết.", [("Đỗ Văn Nam", ["Giám đốc Sở Xây dựng"])]),
        ("Bà Lê Thị Hoa Phó trưởng ban Ban Dân vận huyện Đại tá Đỗ Văn Nam, Trưởng phòng CSGT cho biết.",
         [("Lê Thị Hoa", ["Phó trưởng ban Ban Dân vận huyện"]), ("Đỗ Văn Nam", ["Trưởng phòng CSGT"])]),
        # a command ("Bộ Tư lệnh") is no one's title; the country after a foreign title
        ("Bộ Tư lệnh Thái Bình Dương Mỹ ra thông báo.", []),
        ("Tổng thống Hàn Quốc Moon Jae-in tiếp đoàn.", [("Moon Jae-in", ["Tổng thống Hàn Quốc"])]),
        ("Chủ tịch Trung Quốc Tập Cận Bình tiếp đoàn.", [("Tập Cận Bình", ["Chủ tịch Trung Quốc"])]),
        # a firm's English name after a country word is no holder
        ("Ông Lê Văn Tư, Chủ tịch Mỹ Lan Group, cho biết.", [("Lê Văn Tư", ["Chủ tịch Mỹ Lan Group"])]),
        # a city named like a person ("Uông" is a family name: "Uông Văn Lộc")
        ("Ông Lê Văn Tư, Giám đốc Bệnh viện Thụy Điển Uông Bí cho biết.", [("Lê Văn Tư", ["Giám đốc Bệnh viện Thụy Điển Uông Bí"])]),
        ("Ông Lê Văn Tư, Giám đốc Sở Y tế Hà Nội cho biết.", [("Lê Văn Tư", ["Giám đốc Sở Y tế Hà Nội"])]),
        ("Phó Chủ tịch Quốc hội Uông Văn Lộc dự lễ.", [("Uông Văn Lộc", ["Phó Chủ tịch Quốc hội"])]),
        # a long subject title before "là ông"; the police chief abbreviated; a department in lower case
        ("Chủ tịch HĐQT của công ty Thép Hòa Bình Dung Quất là ông Trần Văn Tư.", [("Trần Văn Tư", ["Chủ tịch HĐQT của công ty Thép Hòa Bình Dung Quất"])]),
        ("Ông Đỗ Văn Nam - Trưởng CA quận Ba Đình cho hay.", [("Đỗ Văn Nam", ["Trưởng CA quận Ba Đình"])]),
        ("Giám đốc chỉ đạo trưởng phòng kinh doanh Lê Thị Hoa soạn văn bản.", [("Lê Thị Hoa", ["trưởng phòng kinh doanh"])]),
        # a foreign holder after "title, bà"; a pen name right after "Tổng Bí thư", not a party's name
        ("Đoàn được Chủ tịch Quốc hội Lào, bà Pany Yathotou tiếp.", [("Pany Yathotou", ["Chủ tịch Quốc hội Lào"])]),
        ("Hội thảo về nguyên Tổng Bí thư Trường Chinh diễn ra sáng nay.", [("Trường Chinh", ["Tổng Bí thư"])]),
        ("Ông được bầu làm Tổng Bí thư Đảng Cộng sản Việt Nam.", []),
        # (seed 107) the deputy office chief shortened; a foreign MP; a rarer family name
        ("Ông Lê Văn Tư, Phó văn phòng UBND huyện, cho hay.", [("Lê Văn Tư", ["Phó văn phòng UBND huyện"])]),
        ("Đoàn do Nghị sĩ Tabata Hiroaki dẫn đầu.", [("Tabata Hiroaki", ["Nghị sĩ"])]),
        ("Ông Lều Văn Tư, Phó Chủ tịch Hội Nông dân tỉnh đề nghị.", [("Lều Văn Tư", ["Phó Chủ tịch Hội Nông dân tỉnh"])]),
        # "môi trường", "thị trường" are no school before a name; a plural title shared by a list
        ("Giám đốc Sở Tài nguyên và Môi trường Lê Văn Tư cho biết.", [("Lê Văn Tư", ["Giám đốc Sở Tài nguyên và Môi trường"])]),
        ("Ông Đỗ Văn Nam, Giám đốc Sở Tài nguyên và Môi trường Lê Văn Tư cho biết.", [("Đỗ Văn Nam", []), ("Lê Văn Tư", ["Giám đốc Sở Tài nguyên và Môi trường"])]),
        ("Cục trưởng Cục Quản lý thị trường Lê Văn Tư cho biết.", [("Lê Văn Tư", ["Cục trưởng Cục Quản lý thị trường"])]),
        ("Hiệu trưởng trường Lê Văn Tám cho biết.", []),
        ("Dự có các Phó Chủ tịch UBND tỉnh Lê Văn Tư, Đỗ Văn Nam và Lê Thị Hoa.",
         [("Lê Văn Tư", ["Phó Chủ tịch UBND tỉnh"]), ("Đỗ Văn Nam", ["Phó Chủ tịch UBND tỉnh"]), ("Lê Thị Hoa", ["Phó Chủ tịch UBND tỉnh"])]),
        ("Dự có Phó Chủ tịch UBND tỉnh Lê Văn Tư, Đỗ Văn Nam cùng dự.", [("Lê Văn Tư", ["Phó Chủ tịch UBND tỉnh"])]),
        ("Đồng chí Lê Văn Tư - UVTW Đảng, Bí thư Tỉnh ủy phát biểu.", [("Lê Văn Tư", ["UVTW Đảng", "Bí thư Tỉnh ủy"])]),
        ("Ông Lê Văn Tư, Phó Trưởng phòng Kinh tế huyện cho biết.", [("Lê Văn Tư", ["Phó Trưởng phòng Kinh tế huyện"])]),
        # the nearer of two titles before a name after a titled name; a glued role after a
        # titled name opens another clause
        ("Cả HLV Lê Văn Tư và HLV Đỗ Văn Nam đều hài lòng.", [("Lê Văn Tư", ["HLV"]), ("Đỗ Văn Nam", ["HLV"])]),
        ("Hôm qua, Đại biểu Quốc hội Lê Thị Hoa Bộ trưởng nêu rõ như vậy.", [("Lê Thị Hoa", ["Đại biểu Quốc hội"])]),
        # a foreign name with an initial; lower-case organ words of a firm, a broadcaster, trade
        ("Có mặt Bộ trưởng Thương mại Mỹ John K.Smith và đoàn.", [("John K.Smith", ["Bộ trưởng Thương mại Mỹ"])]),
        ("Hắn khống chế giám đốc doanh nghiệp này là ông Lê Văn Tư.", [("Lê Văn Tư", ["giám đốc doanh nghiệp"])]),
        ("Có Tổng giám đốc Đài Tiếng nói Việt Nam Lê Văn Tư dự.", [("Lê Văn Tư", ["Tổng giám đốc Đài Tiếng nói Việt Nam"])]),
        # short forms of deputies' posts; the central bank's governor
        ("Ông Lê Văn Tư, Phó phòng Cảnh sát, cho biết.", [("Lê Văn Tư", ["Phó phòng Cảnh sát"])]),
        ("Ông Lê Văn Tư, Phó ban Tuyên giáo Tỉnh ủy cho biết.", [("Lê Văn Tư", ["Phó ban Tuyên giáo Tỉnh ủy"])]),
        ("Thống đốc Ngân hàng Nhà nước Lê Văn Tư cho biết.", [("Lê Văn Tư", ["Thống đốc Ngân hàng Nhà nước"])]),
    ],
)
def test_constructions_covppl(text, expected):
    assert _people(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # (covpt, seed 152) envoys: the sending country, "tại" and the host country, the rank
        ("Đại sứ Lê Văn Tư cho biết.", [("Lê Văn Tư", ["Đại sứ"])]),
        ("Đại sứ Việt Nam tại Ấn Độ Đỗ Văn Nam phát biểu.", [("Đỗ Văn Nam", ["Đại sứ Việt Nam tại Ấn Độ"])]),
        ("Đại sứ đặc mệnh toàn quyền Việt Nam tại Nhật Bản Lê Văn Tư trình quốc thư.", [("Lê Văn Tư", ["Đại sứ đặc mệnh toàn quyền Việt Nam tại Nhật Bản"])]),
        ("Ông Lê Văn Tư, Đại sứ Việt Nam tại Lào, cho biết.", [("Lê Văn Tư", ["Đại sứ Việt Nam tại Lào"])]),
        ("Ông Lê Văn Tư, Đại sứ quán Việt Nam, cho biết.", [("Lê Văn Tư", [])]),
        ("Đại sứ du lịch Lê Thị Hoa dự lễ.", []),
        ("Bộ trưởng tiếp Lãnh sự danh dự Việt Nam tại Nepal John Carter Smith.", [("John Carter Smith", ["Lãnh sự danh dự Việt Nam tại Nepal"])]),
        ("Chủ tịch UBND tỉnh tại Hà Nội Lê Văn Tư nói.", []),
        # abbreviated roles; an organ's capitals glued to "Chánh TT"; "GĐ&ĐT" is no director
        ("GĐ Sở NN&PTNT tỉnh Phú Yên Lê Văn Tư cho biết.", [("Lê Văn Tư", ["GĐ Sở NN&PTNT tỉnh Phú Yên"])]),
        ("Ông Lê Văn Tư - nguyên Chánh TTGT (thuộc Sở GTVT) nhận tiền.", [("Lê Văn Tư", ["Chánh TTGT"])]),
        ("Sở GĐ&ĐT Lê Văn Tư cho biết.", []),
        # deputies written "<unit> phó", station and ranger posts, boards abbreviated
        ("Bà Lê Thị Hoa, Hiệu phó nhà trường, cho biết.", [("Lê Thị Hoa", ["Hiệu phó"])]),
        ("Ông Lê Văn Tư, nguyên Viện phó Viện Nghiên cứu Kinh tế nói.", [("Lê Văn Tư", ["Viện phó Viện Nghiên cứu Kinh tế"])]),
        ("Ông Lê Văn Tư, Phó Hạt trưởng Hạt Kiểm lâm nói.", [("Lê Văn Tư", ["Phó Hạt trưởng Hạt Kiểm lâm"])]),
        ("Đại tá Lê Văn Tư - Trưởng CAQ Liên Chiểu cho biết.", [("Lê Văn Tư", ["Trưởng CAQ Liên Chiểu"])]),
        ("Ông Lê Văn Tư, PCT UBND TP Hải Phòng cho rằng.", [("Lê Văn Tư", ["PCT UBND TP Hải Phòng"])]),
        ("Đại úy Lê Văn Tư, Chính trị viên Tiểu đoàn Đặc công 18 cho biết.", [("Lê Văn Tư", ["Chính trị viên Tiểu đoàn Đặc công"])]),
        ("Ông Lê Văn Tư, nguyên Tham tán Thương mại Việt Nam tại Ba Lan nói.", [("Lê Văn Tư", ["Tham tán Thương mại Việt Nam tại Ba Lan"])]),
        # organs whose names enumerate fields with a comma or a dash, then "và"
        ("Bộ trưởng Bộ Lao động - Thương binh và Xã hội Lê Văn Tư phát biểu.", [("Lê Văn Tư", ["Bộ trưởng Bộ Lao động - Thương binh và Xã hội"])]),
        ("Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch Lê Văn Tư cho biết.", [("Lê Văn Tư", ["Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch"])]),
        ("Ông Lê Văn Tư, Giám đốc Sở Lao động - Thương binh và Xã hội, cho biết.", [("Lê Văn Tư", ["Giám đốc Sở Lao động - Thương binh và Xã hội"])]),
        ("Ông Lê Văn Tư, Giám đốc Sở Y tế, Hà Nội và TP.HCM nói.", [("Lê Văn Tư", ["Giám đốc Sở Y tế"])]),
        ("HLV trưởng Lê Văn Tư nói.", [("Lê Văn Tư", ["HLV trưởng"])]),
        ("Tổng Thanh tra Chính phủ Lê Văn Tư vừa ký.", [("Lê Văn Tư", ["Tổng Thanh tra Chính phủ"])]),
        ("Thường trực Ban Bí thư Lê Văn Tư đã ký.", [("Lê Văn Tư", ["Thường trực Ban Bí thư"])]),
        ("Dự có Tham tán Công sứ Lê Văn Tư.", [("Lê Văn Tư", ["Tham tán Công sứ"])]),
        # a dash inside a place's or an organ's name; the place keyed without it
        ("Chủ tịch UBND tỉnh Thừa Thiên - Huế Lê Văn Tư cho biết.", [("Lê Văn Tư", ["Chủ tịch UBND tỉnh Thừa Thiên - Huế"])]),
        ("Phó Chủ tịch UBND tỉnh Bà Rịa - Vũng Tàu Lê Văn Tư cho biết.", [("Lê Văn Tư", ["Phó Chủ tịch UBND tỉnh Bà Rịa - Vũng Tàu"])]),
        ("Ông Lê Văn Tư, Trưởng phòng Tài chính - Kế hoạch huyện cho biết.", [("Lê Văn Tư", ["Trưởng phòng Tài chính - Kế hoạch huyện"])]),
        ("Bà Lê Thị Hoa, Phó Giám đốc Sở LĐ-TB&XH tỉnh cho biết.", [("Lê Thị Hoa", ["Phó Giám đốc Sở LĐ-TB&XH tỉnh"])]),
        ("Ông Lê Văn Tư - Giám đốc Sở Y tế - Đỗ Văn Nam dự.", [("Lê Văn Tư", ["Giám đốc Sở Y tế"])]),
        # a country ends the title, a two-syllable holder with a family name after it;
        # "Lào Cai" is a province, not Laos; lower-case halves of organ names
        ("Phó Thủ tướng Trung Quốc Uông Dương đón đoàn.", [("Uông Dương", ["Phó Thủ tướng Trung Quốc"])]),
        ("Bộ trưởng Ngoại giao Trung Quốc Vương Nghị nói.", [("Vương Nghị", ["Bộ trưởng Ngoại giao Trung Quốc"])]),
        ("Chủ tịch UBND tỉnh Lào Cai Đặng Xuân Phong nói.", [("Đặng Xuân Phong", ["Chủ tịch UBND tỉnh Lào Cai"])]),
        ("Chánh án Tòa án Nhân dân Tối cao Lê Văn Tư phát biểu.", [("Lê Văn Tư", ["Chánh án Tòa án Nhân dân Tối cao"])]),
        ("Phó giám đốc Sở Giao thông vận tải Lê Văn Tư cho biết.", [("Lê Văn Tư", ["Phó giám đốc Sở Giao thông vận tải"])]),
        ("Chi cục trưởng Chi cục Thủy sản Hà Nội Lê Văn Tư khẳng định.", [("Lê Văn Tư", ["Chi cục trưởng Chi cục Thủy sản Hà Nội"])]),
        ("Giám đốc Bệnh viện Đa khoa tỉnh Lê Văn Tư chia sẻ.", [("Lê Văn Tư", ["Giám đốc Bệnh viện Đa khoa tỉnh"])]),
        # the National Assembly's committees and other organs' lower-case halves; a name
        # does not open inside a province's name; the Youth Union ends a title
        ("Chủ nhiệm Ủy ban Quốc phòng và An ninh Lê Văn Tư đề nghị.", [("Lê Văn Tư", ["Chủ nhiệm Ủy ban Quốc phòng và An ninh"])]),
        ("Chủ nhiệm Ủy ban Pháp luật của Quốc hội Lê Văn Tư cho biết.", [("Lê Văn Tư", ["Chủ nhiệm Ủy ban Pháp luật của Quốc hội"])]),
        ("Chủ nhiệm Ủy ban Tài chính - Ngân sách Lê Văn Tư nói.", [("Lê Văn Tư", ["Chủ nhiệm Ủy ban Tài chính - Ngân sách"])]),
        ("Chánh án Tòa án nhân dân tối cao Lê Văn Tư trình bày.", [("Lê Văn Tư", ["Chánh án Tòa án nhân dân tối cao"])]),
        ("Giám đốc Sở Y tế Bình Định Phan Trọng Hổ đề nghị.", [("Phan Trọng Hổ", ["Giám đốc Sở Y tế Bình Định"])]),
        ("Bí thư Tỉnh Đoàn Lê Văn Tư nói.", [("Lê Văn Tư", ["Bí thư Tỉnh Đoàn"])]),
        ("Bí thư thứ nhất Ban Chấp hành Trung ương Đoàn Lê Văn Tư nói.", [("Lê Văn Tư", ["Bí thư thứ nhất Ban Chấp hành Trung ương Đoàn"])]),
        ("Chủ tịch UBND tỉnh Đoàn Văn Việt nói.", [("Đoàn Văn Việt", ["Chủ tịch UBND tỉnh"])]),
        # "và" before the next person's name ends the title; more posts
        ("Các ông Lê Văn Tư, nguyên Giám đốc và Đỗ Văn Nam, nguyên Phó giám đốc Ban quản lý bị truy tố.",
         [("Lê Văn Tư", ["Giám đốc"]), ("Đỗ Văn Nam", ["Phó giám đốc Ban quản lý"])]),
        ("Ông Lê Văn Tư, Phó Tổng thư ký, Phó Chủ nhiệm Văn phòng Quốc hội cho biết.", [("Lê Văn Tư", ["Phó Tổng thư ký", "Phó Chủ nhiệm Văn phòng Quốc hội"])]),
        ("Ông Lê Văn Tư, Tổng Kiểm toán Nhà nước, nói.", [("Lê Văn Tư", ["Tổng Kiểm toán Nhà nước"])]),
        ("Ông Lê Văn Tư, Chi cục trưởng Chi cục An toàn Vệ sinh thực phẩm Đà Nẵng nói.", [("Lê Văn Tư", ["Chi cục trưởng Chi cục An toàn Vệ sinh thực phẩm Đà Nẵng"])]),
        ("Ông Lê Văn Tư, Phó trưởng thôn Hoành, cho biết.", [("Lê Văn Tư", ["Phó trưởng thôn Hoành"])]),
        ("Ông Lê Văn Tư, Thẩm phán trung cấp, Chánh án Tòa án nhân dân TP Trà Vinh nói.", [("Lê Văn Tư", ["Thẩm phán trung cấp", "Chánh án Tòa án nhân dân TP Trà Vinh"])]),
        ("Ông Lê Văn Tư, nguyên Phó Chánh Tòa Hình sự TAND TP.HCM, trả lời.", [("Lê Văn Tư", ["Phó Chánh Tòa Hình sự TAND TP.HCM"])]),
        ("Thượng tá Lê Văn Tư – Phó Công an huyện Nhơn Trạch ký.", [("Lê Văn Tư", ["Phó Công an huyện Nhơn Trạch"])]),
        # a unit's capitalised name after its kind is no foreign holder
        ("Bác sĩ Lê Văn Tư, Trưởng khoa Răng Hàm Mặt, Bệnh viện Nhi đồng 1 cho biết.", [("Lê Văn Tư", ["Trưởng khoa Răng Hàm Mặt"])]),
        ("Bác sĩ Lê Văn Tư, Phó trưởng khoa Tai Mũi Họng, cho biết.", [("Lê Văn Tư", ["Phó trưởng khoa Tai Mũi Họng"])]),
        ("Dự có bà Lê Thị Hoa, Chủ tịch HĐND tỉnh Chămpaxắc Mệchxavẳn Phômphithắc và các đại biểu.", [("Lê Thị Hoa", []), ("Mệchxavẳn Phômphithắc", ["Chủ tịch HĐND tỉnh Chămpaxắc"])]),
        # a foreign name after an honorific, its title after it
        ("Theo ông Norman Grant, Giám đốc Công ty Intel, lệnh cấm có hiệu lực.", [("Norman Grant", ["Giám đốc Công ty Intel"])]),
        ("Theo New York Times, Tổng thống Donald Trump nói.", [("Donald Trump", ["Tổng thống"])]),
    ],
)
def test_constructions_covpt(text, expected):
    assert _people(text) == expected


def test_a_dashed_place_is_keyed_as_the_undashed_one():
    keys = {p.titles[0].key for t in ("Chủ tịch UBND tỉnh Thừa Thiên - Huế Lê Văn Tư nói.", "Chủ tịch UBND tỉnh Thừa Thiên-Huế Lê Văn Tư nói.", "Chủ tịch UBND tỉnh Thừa Thiên Huế Lê Văn Tư nói.") for p in people(build_document("t.txt", t))}
    assert keys == {"chủ tịch|ubnd|tinh|thua thien hue"}


def test_every_role_of_the_titles_pack_holds_a_role_key():
    # The title helpers skip the role regex when no key is in the window before a name:
    # a role holding none would never be read there.
    from giaoban_qa.extract.people import _ROLE_KEYS
    from giaoban_qa.packs import load_pack

    for entry in load_pack("titles")["roles"]:
        low = entry["text"].lower()
        assert any(k in low for k in _ROLE_KEYS), entry


def test_a_plural_single_holder_post_shared_by_a_list_is_not_compared():
    # "các Chủ tịch UBND xã A, B": several communes' chairs, not one post held twice.
    found = people(build_document("t.txt", "Dự có các Chủ tịch UBND xã Lê Văn Tư, Đỗ Văn Nam."))
    assert [(p.name, [t.current for t in p.titles]) for p in found] == [("Lê Văn Tư", [True]), ("Đỗ Văn Nam", [False])]


def test_the_organising_board_in_lower_case_continues_the_title():
    # (cov-cp5) "Trưởng ban tổ chức Tỉnh ủy": "tổ chức" after "ban" is the board's name.
    assert _people("Trưởng ban tổ chức Tỉnh ủy Lê Văn Tâm phát biểu tại hội nghị.") == [("Lê Văn Tâm", ["Trưởng ban tổ chức Tỉnh ủy"])]
    assert _people("Bà Đỗ Thị Hoa, Phó ban tổ chức Huyện ủy, cho biết.") == [("Đỗ Thị Hoa", ["Phó ban tổ chức Huyện ủy"])]


@pytest.mark.parametrize(
    "text, expected",
    [
        # (cov-cp5) a body or a field named in lower case after the role, a pair at a time
        ("Trưởng ban trọng tài Lê Văn Hải cho biết cầu thủ bị phạt đúng luật.", [("Lê Văn Hải", ["Trưởng ban trọng tài"])]),
        ("Giám đốc âm nhạc Trần Thu Hà chia sẻ về đêm diễn.", [("Trần Thu Hà", ["Giám đốc âm nhạc"])]),
        ("Chủ nhiệm đoàn luật sư Hà Nội Phạm Văn Long dẫn lại kết luận.", [("Phạm Văn Long", ["Chủ nhiệm đoàn luật sư Hà Nội"])]),
        ("Chủ tịch tập đoàn Hòa Phát Trần Đình Long phát biểu.", [("Trần Đình Long", ["Chủ tịch tập đoàn Hòa Phát"])]),
        ("Giám đốc chi nhánh Hải Phòng Đỗ Văn Nam cho biết doanh số tăng.", [("Đỗ Văn Nam", ["Giám đốc chi nhánh Hải Phòng"])]),
        ("Bí thư chi bộ Hà Thị Lan báo cáo kết quả.", [("Hà Thị Lan", ["Bí thư chi bộ"])]),
        ("Trưởng phòng kỹ thuật Vũ Minh Đức kiểm tra công trình.", [("Vũ Minh Đức", ["Trưởng phòng kỹ thuật"])]),
        ("Chủ tịch danh dự Hội Nhà văn Nguyễn Văn An chia sẻ.", [("Nguyễn Văn An", ["Chủ tịch danh dự Hội Nhà văn"])]),
        # the first word of a pair alone does not continue the title
        ("Giám đốc chi tiền, ông Lê Văn Hải cho biết.", [("Lê Văn Hải", [])]),
        ("Chủ tịch tập trung chỉ đạo, ông Lê Văn Hải cho biết.", [("Lê Văn Hải", [])]),
    ],
)
def test_a_lower_case_body_after_the_role_continues_the_title(text, expected):
    assert _people(text) == expected


def test_an_institute_named_after_a_person_is_no_holder_of_the_title():
    # (cov-cp5) "Chủ tịch danh dự Viện Phan Châu Trinh": the institute's name, not its chair.
    got = _people("Bà Trần Thị Mai (Chủ tịch danh dự Viện Phan Châu Trinh) phát biểu.")
    assert got == [("Trần Thị Mai", ["Chủ tịch danh dự Viện Phan Châu Trinh"])]
    assert [n for n, _ in _people("Ông Lê Văn Hải, Viện trưởng Viện Phan Châu Trinh, cho biết.")] == ["Lê Văn Hải"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # (cov-cp5) the procuracy's name in lower case continues the title
        ("Viện trưởng Viện Kiểm sát nhân dân tỉnh Đào Văn Kiên phát biểu.", [("Đào Văn Kiên", ["Viện trưởng Viện Kiểm sát nhân dân tỉnh"])]),
        ("Phó Viện trưởng Viện kiểm sát nhân dân huyện Lê Thị Hoa dự họp.", [("Lê Thị Hoa", ["Phó Viện trưởng Viện kiểm sát nhân dân huyện"])]),
    ],
)
def test_the_procuracy_in_lower_case_continues_the_title(text, expected):
    assert _people(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # (cov-cp5) local organs written partly in lower case continue the title
        ("Giám đốc Kho bạc Nhà nước tỉnh Hà Văn Tú báo cáo.", [("Hà Văn Tú", ["Giám đốc Kho bạc Nhà nước tỉnh"])]),
        ("Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Mai Văn Sơn báo cáo.", [("Mai Văn Sơn", ["Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh"])]),
        ("Giám đốc Ban quản lý dự án đầu tư xây dựng huyện Hà Văn Tú báo cáo.", [("Hà Văn Tú", ["Giám đốc Ban quản lý dự án đầu tư xây dựng huyện"])]),
        ("Giám đốc Trung tâm phát triển quỹ đất huyện Hà Văn Tú báo cáo.", [("Hà Văn Tú", ["Giám đốc Trung tâm phát triển quỹ đất huyện"])]),
        ("Giám đốc Ngân hàng Chính sách xã hội huyện Hà Văn Tú báo cáo.", [("Hà Văn Tú", ["Giám đốc Ngân hàng Chính sách xã hội huyện"])]),
        # a project's or a firm's name after "dự án" / "phát triển" is no person
        ("Ông Trần Văn Long - Tổng giám đốc dự án Sunrise Garden cho biết.", [("Trần Văn Long", ["Tổng giám đốc"])]),
        ("Ông Lê Văn An - Giám đốc phát triển Green Riverside cho biết.", [("Lê Văn An", ["Giám đốc"])]),
    ],
)
def test_local_organs_in_lower_case_continue_the_title(text, expected):
    assert _people(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # (cov-cp5) more local organs of a report, each lower-case word bound to the one before it
        ("Bí thư Tỉnh đoàn Lò Văn Hùng báo cáo.", [("Lò Văn Hùng", ["Bí thư Tỉnh đoàn"])]),
        ("Tổ trưởng tổ công tác Vũ Thị Nga báo cáo.", [("Vũ Thị Nga", ["Tổ trưởng tổ công tác"])]),
        ("Giám đốc Trung tâm Kiểm soát bệnh tật tỉnh Đinh Văn Hòa báo cáo.", [("Đinh Văn Hòa", ["Giám đốc Trung tâm Kiểm soát bệnh tật tỉnh"])]),
        ("Giám đốc Trung tâm Dịch vụ việc làm tỉnh Đinh Văn Hòa báo cáo.", [("Đinh Văn Hòa", ["Giám đốc Trung tâm Dịch vụ việc làm tỉnh"])]),
        ("Trưởng phòng Kinh tế và Hạ tầng huyện Phan Văn Lộc báo cáo.", [("Phan Văn Lộc", ["Trưởng phòng Kinh tế và Hạ tầng huyện"])]),
        # "công" alone after an organ still ends the title
        ("Giám đốc Sở công bố kết quả, ông Hà Văn Tú nói.", [("Hà Văn Tú", [])]),
    ],
)
def test_more_local_organs_continue_the_title(text, expected):
    assert _people(text) == expected
