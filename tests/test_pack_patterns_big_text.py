"""On a big text the shipped pack patterns run on ``regex`` (``PackPattern._trusted_for``:
``re`` tried a pattern opening on ``\\b`` at every character). Their matches must be ``re``'s."""

from __future__ import annotations

import random
import re

from giaoban_qa import packpatterns
from giaoban_qa.rules import RuleContext
from giaoban_qa.rules.text import _terms, _typo_entries


def _shipped_patterns() -> list:
    ctx = RuleContext()
    return [t[0] for t in _terms(ctx)] + [e[0] for e in _typo_entries(ctx)]


def test_shipped_patterns_find_on_regex_what_they_find_on_re(monkeypatch) -> None:
    patterns = _shipped_patterns()
    assert patterns and all(p._trusted for p in patterns)
    monkeypatch.setattr(packpatterns, "BIG_TEXT", 50)  # every text below counts as big
    rng = random.Random(4)
    words = ["Ban Thường Vụ", "Ban Thường vụ", "UB ND", "UBND", "covid 19", "Covid-19", "HÐND", "đầy mạnh", "ĐẦY MẠNH",
             "khuyến nại", "nông thông mới", "Ủy Ban Nhân Dân", "Quốc Hội", "xQuốc Hội", "OCCOP", "a", "Tổ", "\u0301"]
    for _ in range(300):
        text = "".join(rng.choice(words) + rng.choice([" ", "  ", "\n", ", ", ".", "_", "-"]) for _ in range(rng.randint(10, 40)))
        for p in patterns:
            plain = re.compile(p.source, p.flags)
            assert [m.span() for m in p.finditer(text)] == [m.span() for m in plain.finditer(text)], (p.source, text)
            at = rng.randrange(len(text))
            got, want = p.match(text, at), plain.match(text, at)
            assert (got and got.span()) == (want and want.span()), (p.source, text, at)
            got, want = p.search(text, at), plain.search(text, at)
            assert (got and got.span()) == (want and want.span()), (p.source, text, at)
    assert any(p._big is not None for p in patterns)  # the regex forms were the ones read


def test_a_small_text_keeps_re() -> None:
    p = _shipped_patterns()[0]
    p.finditer("một văn bản ngắn")
    assert p._trusted_for("một văn bản ngắn") is p._compiled
