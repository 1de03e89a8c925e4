"""``rules.name.title_ends`` and ``_whole_word_counts`` find what one search per title or word found (issue 15: a big
document names thousands of titles, and a search per title read the whole text each time)."""

from __future__ import annotations

import random

from giaoban_qa.rules.name import title_ends


def _one_search_per_title(text: str, titles: set[str]) -> list[int]:
    ends = set()
    for title in titles:
        at = text.find(title + " ")
        while at >= 0:
            ends.add(at + len(title) + 1)
            at = text.find(title + " ", at + 1)
    return sorted(ends)


def test_title_ends_equal_a_search_per_title() -> None:
    rng = random.Random(15)
    words = ["Bí", "thư", "Chủ", "tịch", "Phó", "UBND", "huyện", "Huyện", "ủy", "Giám", "đốc", "Sở", "Nguyễn", "Văn", "A", "a", "ab"]
    gaps = [" ", " ", " ", "  ", "\n", ", ", "", "\u00a0"]
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(0, 25)))
        titles = {" ".join(rng.choice(words) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(0, 6))}
        if rng.random() < 0.2:
            titles.add(rng.choice(words) + "  " + rng.choice(words))  # a title with two spaces inside
        if rng.random() < 0.1:
            titles.add(" " + rng.choice(words))  # a title opening on a space
        assert title_ends(text, titles) == _one_search_per_title(text, titles), (text, titles)


def test_title_ends_of_a_title_written_often() -> None:
    text = "Bí thư Huyện ủy Lê Văn A. " * 50 + "Chủ tịch UBND huyện Trần Văn B."
    assert title_ends(text, {"Bí thư Huyện ủy", "Chủ tịch UBND huyện", "Giám đốc"}) == _one_search_per_title(
        text, {"Bí thư Huyện ủy", "Chủ tịch UBND huyện", "Giám đốc"})
    assert len(title_ends(text, {"Bí thư Huyện ủy"})) == 50


def test_whole_word_counts_equal_a_search_per_word() -> None:
    import itertools
    import re

    from giaoban_qa.rules.name import _whole_word_counts

    rng = random.Random(16)
    words = ["Hùng", "Hưng", "Hùngg", "An", "Anh", "anh", "Ân", "Lan", "Lana", "B"]
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice([" ", "", ", ", "_", "1", "\n"]) for _ in range(rng.randint(0, 12)))
        asked = set(rng.sample(words, rng.randint(0, 5)))
        expected = {w: sum(1 for _ in itertools.islice(re.finditer(rf"(?<!\w){re.escape(w)}(?!\w)", text), 2)) for w in asked}
        assert _whole_word_counts(text, asked) == expected, (text, asked)
