"""Letters that case-blind matching takes for an ASCII letter ("İ", "ı", "ſ") inside a
scale or unit word, and the typo lexicon on a text whose lower case moves offsets."""

from giaoban_qa.document import Document, build_document
from giaoban_qa.extract.quantities import quantities


def _doc(text: str) -> Document:
    return build_document("t.txt", text)


def test_scale_word_with_dotted_capital_i_is_read_as_the_plain_word():
    # Used to raise KeyError: 'tri̇ệu' (the lower case of "İ" is "i" and a combining dot).
    qs = _doc("Doanh thu đạt 140 TRİỆU đồng trong quý.").fact(quantities)
    amount = [q for q in qs if q.value == 140_000_000]
    assert amount and amount[0].scale == "triệu" and amount[0].unit


def test_unit_and_scale_with_dotless_i_and_long_s():
    qs = _doc("Thu về 3 trıệu USD và 2 tỷ UſD.").fact(quantities)
    assert sorted(q.value for q in qs if q.unit) == [3_000_000, 2_000_000_000]


def test_typo_lexicon_on_a_text_holding_dotted_capital_i_finds_as_the_whole_text_regex():
    from giaoban_qa.rules import RuleContext
    from giaoban_qa.rules.text import _typo_entries, typo_spans

    text = "İstanbul. Chỉ đạo đầy mạnh sản xuất; ĐẦY MẠNH xuất khẩu, đẦy mạnh đầu tư. KHUYẾN NẠİ."
    doc = build_document("t.txt", text)
    ctx = RuleContext()
    spans = typo_spans(doc, ctx)
    # The same spans as every entry's regex run over the whole text (the old path).
    expected = []
    for pattern, right, before, after, _note, _first in _typo_entries(ctx):
        for m in pattern.finditer(doc.text):
            if before is not None and before.search(doc.text[max(0, m.start() - 30) : m.start()]):
                continue
            if after is not None and after.search(doc.text[m.end() : m.end() + 30]):
                continue
            expected.append((m.start(), m.end()))
    assert sorted((s, e) for s, e, _c, _n in spans if (s, e) in set(expected)) == sorted(expected)
    assert len([1 for s, e, _c, _n in spans if doc.text[s:e].lower().startswith("đầy")]) == 3
