"""Hostile and careless text (issue 17): linear time on whitespace runs and dense
trigger words, and no exception or invalid span on short adversarial inputs.

The time guards below are not benchmarks (``benchmarks/bench_adversarial.py`` measures):
each input took seconds to minutes before the fix and takes well under 0.5 s after, so a
budget of several seconds separates the two on any machine.
"""

from __future__ import annotations

import signal
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from giaoban_qa.config import Config
from giaoban_qa.engine import check_source, selected_rules
from giaoban_qa.loaders import Source

HEAD = "BÁO CÁO\nKết quả giao ban tháng 11 năm 2020\n"
CONFIG = Config(strict=True)
RULES = selected_rules(CONFIG)


@contextmanager
def budget(seconds: int):
    """Fail (instead of hanging the suite) when the block runs longer than ``seconds``."""

    def expired(signum, frame):
        raise TimeoutError(f"took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _check(text: str):
    return check_source(Source("hostile.txt", text, "txt"), RULES, CONFIG)[1]


# 17.1: before the fix 25 KB of these took 40 s and more (cubic in the run's length).
WHITESPACE_RUNS = {
    "spaces after a date": HEAD + "Ngày 1/1/2020" + " " * 30000 + "x\n",
    "tabs after a date": HEAD + "Ngày 1/1/2020" + "\t" * 30000 + "x\n",
    "NBSP after a date": HEAD + "Ngày 1/1/2020" + "\u00a0" * 15000 + "x\n",
    "U+2028 after a date": HEAD + "Ngày 1/1/2020" + "\u2028" * 25000 + "x\n",
    "form feeds after a date": HEAD + "Ngày 1/1/2020" + "\f" * 30000 + "x\n",
    "spaces after a long-form date": HEAD + "ngày 1 tháng 1" + " " * 30000 + "x\n",
    "spaces after an odd date": HEAD + "5 tháng một" + " " * 30000 + "x\n",
    "blank lines": HEAD + "\n" * 80000 + "Ngày 1/1/2020\n",
    "CRLF": HEAD + "\r\n" * 40000 + "Ngày 1/1/2020\r\n",
    "lone CR": HEAD + "\r" * 80000 + "Ngày 1/1/2020\r",
}


@pytest.mark.parametrize("name", sorted(WHITESPACE_RUNS))
def test_whitespace_runs_are_linear(name):
    with budget(8):
        _check(WHITESPACE_RUNS[name])


def test_whitespace_changes_no_date_on_a_published_line():
    from giaoban_qa.document import build_document
    from giaoban_qa.extract.dates import published

    for line in ("Cập nhật: 05/05/2020   09:00", "05/05/2020 - 09:00 (GMT+7)", "Thứ hai, 05/05/2020  09:00"):
        pub = published(build_document("t.txt", line + "\n\nNội dung bài viết.\n"))
        assert pub is not None and (pub.date.day, pub.date.month, pub.date.year) == (5, 5, 2020), line
    assert published(build_document("t.txt", "Ngày 1/1/2020" + " " * 50 + "x\n")) is None


# Pieces hostile text is made of: whitespace of every kind, separators, digits, trigger
# words of every extractor, capitals, brackets, markup and controls.
PIECES = [
    " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\f", "\v", "\u00a0", "\u2028", "\u200b", "\ufeff", "\x1b[2J",
    "/", "-", "–", ".", ",", ":", ";", "%", "(", ")", "[", "]", "“", "”", "*", "**", "<sup>", "</sup>", "<!--", "#",
    "0", "1", "12", "31", "2020", "1999", "9999", "1/1", "12/13/2020", "29/2/2021", "1-1", "3-4/7", "1.000", "57,34",
    "ngày", "Ngày", "tháng", "năm", "quý", "IV", "số", "Số", "sáng", "thứ hai", "chủ nhật", "lũy kế", "đầu năm",
    "Nghị quyết", "Chỉ thị", "Báo cáo", "NQ/TU", "BC-UBND", "của", "về", "đồng chí", "ông", "Bí thư", "Chủ tịch",
    "Nguyễn", "Văn", "An", "HUYỆN ỦY", "xã", "Huyện ủy", "tỷ", "triệu", "đồng", "ha", "tăng", "bằng", "đạt",
    "kỷ niệm", "Covid 19", "đầy mạnh", "đã tổ chức", "khóa", "lần thứ", "Cập nhật:", "09:00", "GMT+7",
    "e\u0301", "Đ", "\U0001f600",
]


@settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=60), st.sampled_from(["txt", "md", "html"]))
def test_adversarial_text_gives_valid_spans_and_no_exception(pieces, kind):
    text = "".join(pieces)
    if not any(c.isalnum() for c in text):
        text += "x"
    with budget(10):
        doc, located = check_source(Source("hostile." + kind, text, kind), RULES, CONFIG)
    source = doc.source
    for f in located:
        assert 0 <= f.start <= f.end <= len(source), f
        assert f.excerpt == source[f.start : f.end]
        line, column = doc.line_col(f.start)
        assert (f.line, f.column) == (line, column) and line >= 1 and column >= 1
        assert f.message("vi") and f.message("en")


def test_repeated_identical_findings_are_capped_with_their_count():
    """17.12: "số " x 100,000 made 80,000 findings (719 MB); now 20 and one summary."""
    from giaoban_qa.engine import REPEAT_LIMIT

    n = 20000
    with budget(20):
        found = _check(HEAD + "số " * n + "\n")
    repeated = [f for f in found if f.rule == "text.repeated-syllable"]
    assert len(repeated) == REPEAT_LIMIT + 1
    summary = repeated[-1]
    listed, omitted = REPEAT_LIMIT, summary.evidence["repeated"]["omitted"]
    # Every pair "số số" was counted: listed + the summary's own place + the omitted ones.
    assert listed + omitted == n - 1
    assert "19979" in summary.message("en") and "19979" in summary.message("vi")
    assert summary.excerpt == "số số" and summary.start > repeated[-2].start


def test_different_messages_are_not_capped_together():
    text = HEAD + " ".join(f"Covid 19 và đầy mạnh {i}" for i in range(30)) + "\n"
    found = _check(text)
    assert sum(f.rule == "text.term-variant" for f in found) == 21
    assert sum(f.rule == "text.typo" for f in found) == 21
