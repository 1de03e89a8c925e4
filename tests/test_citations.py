"""Citation extraction details the citation rules rely on, the doc_types pack, and the
behaviour of the citation family on the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from giaoban_qa.config import Config
from giaoban_qa.document import build_document
from giaoban_qa.engine import run_check
from giaoban_qa.extract.citations import citations
from giaoban_qa.packs import load_pack
from giaoban_qa.rules import RuleContext
from giaoban_qa.rules.citation import DocTypes, doc_types, fold, issuer_key

from conftest import findings_for


def _cites(text: str):
    return build_document("x.txt", text).fact(citations)


@pytest.mark.parametrize(
    "text, system, type_abbr, issuer, unit",
    [
        ("Nghị quyết số 20-NQ/TU ngày 02/12/2019", "party", "NQ", "TU", None),
        ("Báo cáo số 369/BC-UBND", "state", "BC", "UBND", None),
        ("Công văn số 1167/UBND-TH", "state", None, "UBND", "TH"),
        ("Nghị quyết số 245/2020/NQ-HĐND", "state_legal", "NQ", "HĐND", None),
        ("Luật số 83/2015/QH13", "law", None, "QH13", None),
        # The Prime Minister is an issuer, not a type: a letter of his.
        ("Văn bản số 573/TTg-KTN ngày 05/4/2016", "state", None, "TTg", "KTN"),
        # A symbol cut short of its issuer keeps its type.
        ("Nghị định 116/2020/NĐ về đào tạo giáo viên", "state_legal", "NĐ", None, None),
        ("Nghị quyết 35/NQ của Chính phủ", "state", "NQ", None, None),
    ],
)
def test_symbol_shapes(text, system, type_abbr, issuer, unit):
    [c] = _cites(text)
    assert (c.system, c.type_abbr, c.issuer, c.unit) == (system, type_abbr, issuer, unit)


@pytest.mark.parametrize(
    "text, symbol, system, issuer",
    [
        ("Nghị định 116/2020/NĐ - CP về đào tạo", "116/2020/NĐ-CP", "state_legal", "CP"),
        ("thực hiện Chỉ thị số 40 – CT/TW của Ban Bí thư", "40-CT/TW", "party", "TW"),
        ("Quyết định số 470- QĐNS/TW của Bộ Chính trị", "470-QĐNS/TW", "party", "TW"),
        ("công văn số 1998/ UBND-VP của UBND huyện", "1998/UBND-VP", "state", "UBND"),
    ],
)
def test_spaced_symbols_are_read_and_stored_without_spaces(text, symbol, system, issuer):
    [c] = [c for c in _cites(text) if c.symbol]
    assert (c.symbol, c.system, c.issuer, c.spaced) == (symbol, system, issuer, True)
    assert c.to_json()["symbol"] == symbol


def test_spaces_do_not_join_what_is_not_a_symbol():
    # A range of counts and a second hyphenated group after the symbol stay out.
    assert [c.symbol for c in _cites("từ 3 - 5 người; Kế hoạch số 45/KH-UBND - TP Hà Nội")] == ["45/KH-UBND"]
    assert _cites("giai đoạn 2016 - 2020 và 12 / 15 xã") == []


def test_issuer_key_strips_term_numbers_and_units():
    [law, letter, tr] = _cites("Luật số 83/2015/QH13; Công văn số 1167/UBND-TH; Tờ trình số 107/TTr-UBTVQH14.")
    assert (issuer_key(law), issuer_key(letter), issuer_key(tr)) == ("QH", "UBND", "UBTVQH")


def test_fold_is_a_matching_key_only():
    assert fold("Ban Thường vụ Huyện uỷ") == fold("ban thường vụ  Huyện ủy") == "ban thuong vu huyen uy"
    assert fold("Đảng ủy") == "dang uy"


def test_pack_covers_the_reference_tables():
    types = DocTypes(load_pack("doc_types"))
    # The 27 administrative types of Nghị định 30/2020, Phụ lục III.
    for abbr in "NQ QĐ CT QC QyĐ TC TB HD CTr KH PA ĐA DA BC BB TTr HĐ CĐ BGN BTT GUQ GM GGT GNP PG PC PB".split():
        assert abbr in types.types, abbr
    assert fold("Thông cáo") in types.accepted_words("TC", "state")  # TC is not Thư công
    assert fold("Thông tri") in types.accepted_words("TT", "party")
    assert fold("Thông tư") in types.accepted_words("TT", "state_legal")
    assert fold("Thông tư") not in types.accepted_words("TT", "party")
    assert types.year_required("NĐ", "Nghị định") and not types.year_required("TT", "Tờ trình")
    assert types.issuer_system("HU") == "party" and types.issuer_system("HĐND") == "state"
    assert types.issuers_named("Bộ Chính trị khóa XIII") == (fold("Bộ Chính trị"), {"TW"})
    assert types.issuers_named("Ban Thường vụ Tỉnh ủy Lâm Đồng")[1] == {"TU"}
    assert types.issuers_named("Văn phòng UBND huyện") is None
    # "Tỉnh ủy" must not be read inside a longer word.
    assert types.issuers_named("Tỉnh ủyviên") is None


def test_users_extend_the_pack(tmp_path: Path):
    text = "Thực hiện Kế hoạch số 15-KHPT/HU ngày 20/3/2021 của Ban Thường vụ Huyện ủy."
    assert [f.rule for f in findings_for(text, "citation.unknown-type")] == ["citation.unknown-type"]
    (tmp_path / "doc_types.yaml").write_text(
        "extend: true\ntypes:\n  - {abbr: KHPT, words: [Kế hoạch], systems: [party]}\n", encoding="utf-8"
    )
    ctx = RuleContext(rules_dirs=(str(tmp_path),))
    assert doc_types(ctx).known_abbr("KHPT") and doc_types(ctx).known_abbr("NQ")
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    config = Config(select=["citation"], strict=True, rules_dirs=(str(tmp_path),))
    assert [f.rule for f in run_check([str(tmp_path / "t.txt")], config).findings] == []


def test_findings_carry_both_sides_with_spans():
    text = "Triển khai Nghị quyết số 245/2020/NQ-HĐND ngày 31/3/2020 của UBND tỉnh về hỗ trợ người dân."
    [f] = findings_for(text, "citation.issuer-mismatch")
    ev = f.evidence
    assert ev["issuer"] == "HĐND"
    assert text[ev["citation"]["start"] : ev["citation"]["end"]].startswith("Nghị quyết số 245/2020/NQ-HĐND")
    assert text[ev["issuer_words"]["start"] : ev["issuer_words"]["end"]] == "UBND"
    assert f.message("en") and f.message("vi") and f.suggestion("en")


def test_one_slip_one_finding_per_rule():
    # A Party decision written in State form and called by another type: two different
    # problems, each reported once.
    text = "Ban Thường vụ Huyện ủy cũng có Quyết định 267/TB-HU, đồng ý cho ông Dũng thôi giữ chức."
    rules = sorted(f.rule for f in findings_for(text, "citation"))
    assert rules == ["citation.party-state-form", "citation.type-mismatch"]


def _seed_findings(shared: Path, prefix: str) -> list[tuple[str, str]]:
    seed = str(next((shared / "seeds").glob(f"{prefix}_*.txt")))
    result = run_check([seed], Config(select=["citation"], strict=True))
    return [(f.rule, f.excerpt) for f in result.findings]


def test_seed_002_cites_correctly(shared):
    # "Nghị quyết của số 245/2020/NQ-HĐND" is a wording slip and "Chỉ thị 16 của Thủ tướng"
    # a number-only citation: neither is a citation mismatch.
    assert _seed_findings(shared, "002") == []


def test_seed_003_only_the_known_report_date(shared):
    # Kế hoạch 03-KH/HU is cited twice with the same date: no finding.
    assert _seed_findings(shared, "003") == [("citation.dated-after-meeting", "ngày 30 tháng 11 năm 2020")]


@pytest.mark.parametrize("prefix", ["000", "001", "004"])
def test_other_seeds_have_no_citation_findings(shared, prefix):
    assert _seed_findings(shared, prefix) == []


def test_a_broken_pack_entry_is_named():
    from giaoban_qa.packs import PackError

    with pytest.raises(PackError, match="needs an abbr"):
        DocTypes({"types": [{"words": ["Kế hoạch"]}]})


@pytest.mark.parametrize(
    "text, symbol, system, date",
    [
        # r17ppl: shapes real text writes (pool mining outside the hold-out)
        ("Thực hiện Nghị quyết 45-NQ/TƯ về công tác cán bộ.", "45-NQ/TƯ", "party", None),
        ("Chính phủ ban hành Nghị quyết 12- 2018/NQ-CP ngày 5/3/2018 về cải cách.", "12-2018/NQ-CP", "state_legal", "2018-03-05"),
        ("Theo Công văn số 512/CV/HHTS ngày 14/8/2016 về việc thu mua.", "512/CV/HHTS", "state", "2016-08-14"),
        ("Tổ công tác lập theo Quyết định số 41/QĐ-BCĐ 127/TP) đã kiểm tra.", "41/QĐ-BCĐ127/TP", "state", None),
        ("Trước đó có Nghị định số 59-CP ngày 03/10/1996 về doanh nghiệp.", "59-CP", "state", "1996-10-03"),
        ("Sau đó là Nghị định số205/2004/NĐ-CP ngày 14/12/2004 về tiền lương.", "205/2004/NĐ-CP", "state_legal", "2004-12-14"),
        ("Theo Thông tư 09/2015/ TT-BGDĐT các trường phải báo cáo.", "09/2015/TT-BGDĐT", "state_legal", None),
        ("Áp dụng Nghị định số 46/2016/NĐ-CP 26/5/2016 của Chính phủ về xử phạt.", "46/2016/NĐ-CP", "state_legal", "2016-05-26"),
        ("Chương trình theo Nghị quyết 30a/NQ-CP ngày 27 tháng 12 năm 2008 về giảm nghèo.", "30a/NQ-CP", "state", "2008-12-27"),
        ("Làm theo Chỉ thị 11/CT-TTg của Thủ tướng ban hành 13/3/2020 về tháo gỡ khó khăn.", "11/CT-TTg", "state", "2020-03-13"),
    ],
)
def test_real_symbol_shapes_r17ppl(text, symbol, system, date):
    got = [c for c in _cites(text) if c.symbol]
    assert [(c.symbol, c.system, c.date.iso() if c.date else None) for c in got] == [(symbol, system, date)]


def test_what_stays_no_symbol_r17ppl():
    # a dashed number-year without a type part is the document's number and year
    (c,) = _cites("Nghị quyết 19-2018 đề ra nhiều chỉ tiêu.")
    assert (c.symbol, c.number, c.year) == (None, "19-2018", 2018)
    # a date range, a fraction, "có hiệu lực từ ngày" are no symbol or issue date
    assert _cites("Từ ngày 3-7/2017 có 5/7 xã đạt chuẩn.") == []
    (c,) = _cites("Thông tư 21/2017/TT-BTC có hiệu lực từ 1/6/2017.")
    assert c.date is None
