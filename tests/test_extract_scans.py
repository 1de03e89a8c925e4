"""The extractors' whole-text scans, rewritten for speed, find what the plain forms found.

Each fast pattern opens on a character class (so the regex engine skips ahead in C) with
its look-behind moved after that character, or is run only at candidate positions. The
plain form each replaced is kept here as the reference: both must give the same matches
(spans and groups) on hand-written edge cases and on random strings over the characters
the pattern reads.
"""

from __future__ import annotations

import random
import re

import pytest

from giaoban_qa.extract import dates

SEED = 15


def _scan(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def _random_texts(alphabet: list[str], count: int = 3000, longest: int = 40) -> list[str]:
    rng = random.Random(SEED)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def _assert_same(fast: re.Pattern[str], plain: re.Pattern[str], texts: list[str]) -> None:
    for text in texts:
        assert _scan(fast, text) == _scan(plain, text), text


_DATE_PIECES = list("0123456789") + ["1", "2", "9", "0", "/", ".", "-", "–", ",", " ", "  ", "\n", "x", "tháng", "THÁNG", "và", "đến", "tới", "19", "20", "ngày "]


def test_date_candidates_as_plain_form():
    plain = re.compile(r"\d{1,2}(?:\s*[/.\-–]|\s+tháng|(?=\s+(?:và|đến|tới)\s+\d))|(?:19|20)\d\d-", re.IGNORECASE)
    edge = ["2020-01-05", "1999-12-31 và 2000-1", "họp 3/7, 29 đến 31- 5-2017", "12 Tháng 3", "123/4", "9 và 10/5", "20201-"]
    _assert_same(dates._CANDIDATE, plain, edge + _random_texts(_DATE_PIECES))


def test_day_month_run_as_plain_form():
    plain = re.compile(r"(?<![\d.,/\-])(?P<dm>\d{3,4})/(?P<y>(?:19|20)\d{2})(?![\d/]|[.,]\d)")
    edge = ["126/2021", "ngày 126/2021.", "1126/2021", "a126/2021", ".126/2021", "5,126/2021", "126/20211", "126/2021/3", "12/126/2021"]
    assert dates._DAY_MONTH_RUN.groupindex == plain.groupindex
    _assert_same(dates._DAY_MONTH_RUN, plain, edge + _random_texts(_DATE_PIECES))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ngày 126/2021 họp", [("126/2021", "malformed", 12, 6, 2021)]),
        ("Chiều 3/7 và ngày 2020-01-05, 9 đến 12/5/2020", [("Chiều 3/7", "partial", 3, 7, None), ("2020-01-05", "odd", 5, 1, 2020), ("12/5/2020", "numeric", 12, 5, 2020)]),
    ],
)
def test_dates_found_through_fast_scans(text, expected):
    from giaoban_qa.document import build_document

    found = build_document("x.txt", text).fact(dates.find_dates)
    assert [(f.text, f.form, f.day, f.month, f.year) for f in found] == expected
