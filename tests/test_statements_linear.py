"""The statement reader stays linear on one very long hostile sentence (issue 15: time
linear in text size). Work is counted, not timed — characters handed to a pattern, items
drawn from the sentence's figure list — so that a busy machine cannot make a test fail:
a linear reader does about 4× the work for 4× the text, a quadratic one about 16×.
The sentences are written for these tests."""

from __future__ import annotations

import pytest

from giaoban_qa.document import build_document
from giaoban_qa.extract import statements as st
from giaoban_qa.extract.quantities import quantities


def _sentence(unit: str, n: int) -> str:
    return "Toàn huyện có " + unit * n + "hết.\n"


class _CountingPattern:
    """A compiled pattern whose ``sub`` counts the characters it is given."""

    def __init__(self, pattern) -> None:
        self.pattern, self.chars = pattern, 0

    def sub(self, repl, string, *args):
        self.chars += len(string)
        return self.pattern.sub(repl, string, *args)


class _CountingList(list):
    """A list that counts the items drawn from it by iteration."""

    drawn = 0

    def __iter__(self):
        for item in super().__iter__():
            self.drawn += 1
            yield item


def _chars_read_by_part_lists(monkeypatch: pytest.MonkeyPatch, unit: str, n: int) -> int:
    counter = _CountingPattern(st._PAREN_ASIDE)
    monkeypatch.setattr(st, "_PAREN_ASIDE", counter)
    build_document("t.txt", _sentence(unit, n)).fact(st.statements)
    monkeypatch.setattr(st, "_PAREN_ASIDE", counter.pattern)
    return counter.chars


@pytest.mark.parametrize("unit", [
    "12 tàu, trong đó có 5 tàu vỏ thép (2 tàu mới, ",  # an aside after a part that never closes
    "12 tàu cá gồm 5 chiếc vỏ thép, trong đó có 2 chiếc mới, ",  # a part's detail with no semicolon after it
])
def test_part_lists_read_a_bounded_stretch_of_a_long_sentence(monkeypatch: pytest.MonkeyPatch, unit: str) -> None:
    short = _chars_read_by_part_lists(monkeypatch, unit, 100)
    long = _chars_read_by_part_lists(monkeypatch, unit, 400)
    assert short > 0
    assert long / short < 6, (short, long)


def _drawn(unit: str, n: int, read) -> int:
    text = _sentence(unit, n)
    qs = _CountingList(build_document("t.txt", text).fact(quantities))
    read(text, qs)
    return qs.drawn


def _part_percentages(text: str, qs: list) -> None:
    totals: list[st.TotalParts] = []
    st._totals(text, list(qs), len(text), totals)
    assert totals  # the sentence has totals with parts to look at
    st.part_percentages(text, qs, totals, [], set())


@pytest.mark.parametrize("unit, read", [
    ("12 tàu, trong đó có ", _part_percentages),  # a total per figure, each looked at for a share before its list
    ("doanh thu 45 tỷ đồng, tăng 8% (bằng 108%), ", lambda text, qs: st._changes(text, qs, [])),  # a change and its ratio, N times
])
def test_sentence_figures_are_not_rescanned_per_statement(unit: str, read) -> None:
    short = _drawn(unit, 100, read)
    long = _drawn(unit, 400, read)
    assert short > 0
    assert long / short < 6, (short, long)
