"""The hand labels of the coverage samples (benchmarks/labels/*.tsv) stay well formed.

The labels are references into the shared pool (article id, sentence start, length) plus a
label; the evaluations (benchmarks/eval_coverage_*.py) read them with the pool. These checks
need no pool: every row parses in its type's notation, no sentence is labelled twice, the
numbers files' half column is the one ``pool.held_out_half`` gives, and a later batch knows
which rows were drawn before it (so re-running its sampler command draws it again).
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from eval_coverage_numbers import parse_label  # noqa: E402
from eval_coverage_periods_names import TYPES as PERIOD_TYPES, load_labels  # noqa: E402
from number_types import TYPES as NUMBER_TYPES  # noqa: E402
from pool import held_out_half, labelled_before  # noqa: E402

LABELS = ROOT / "benchmarks" / "labels"

# One statement of each periods/names type, as the eval script's docstring writes it.
_FIELD = {
    "review_plan": re.compile(r"\d{1,2}>\d{1,2}"),
    "cumulative": re.compile(r"\d{1,2}|to_date"),
    "anniversary": re.compile(r"\d{1,3}>(?:\d{4}|\?)"),
    "term": re.compile(r"\d{4}-\d{4}"),
    "person_title": re.compile(r"[^>;]+>[^>;A-ZĐ]+"),
    "citation": re.compile(r"[^>;]+>(?:\d{4}-\d{2}-\d{2}|\?)"),
}


def _numbers_rows(kind: str) -> list[dict[str, str]]:
    with open(LABELS / f"numbers_{kind}.tsv", encoding="utf-8") as fh:
        return list(csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t"))


@pytest.mark.parametrize("kind", NUMBER_TYPES)
def test_numbers_labels_parse_and_halves_are_the_hash(kind: str) -> None:
    rows = _numbers_rows(kind)
    assert rows
    seen: set[tuple[str, int]] = set()
    for row in rows:
        assert row["article_id"].isdigit() and row["start"].isdigit() and row["length"].isdigit(), row
        key = (row["article_id"], int(row["start"]))
        assert key not in seen, f"{kind}: {key} labelled twice"
        seen.add(key)
        assert row["half"] == held_out_half(f"{row['article_id']}:{row['start']}"), row
        parse_label(kind, row["label"])  # raises on a malformed label


@pytest.mark.parametrize("kind", PERIOD_TYPES)
def test_periods_names_labels_parse(kind: str) -> None:
    rows = load_labels(kind)
    assert rows
    seen: set[tuple[str, int]] = set()
    for art, start, length, fields in rows:
        assert art.isdigit() and start >= 0 and length > 0
        assert (art, start) not in seen, f"{kind}: {(art, start)} labelled twice"
        seen.add((art, start))
        for field in fields:
            assert _FIELD[kind].fullmatch(field), f"{kind} {art}:{start}: {field!r}"


def test_a_batch_leaves_out_only_the_rows_drawn_before_it(tmp_path: Path) -> None:
    path = tmp_path / "t.tsv"
    path.write_text(
        "# first batch, seed 11\n1\t10\t5\tx\n2\t20\t5\tx\n"
        "# Rows below: a later batch, sampler --seed 13 --n 2\n3\t30\t5\tx\n"
        "# Rows below: another, sampler --seed 14 --n 1\n4\t40\t5\tx\n",
        encoding="utf-8",
    )
    assert labelled_before(path, 13) == {("1", 10), ("2", 20)}
    assert labelled_before(path, 14) == {("1", 10), ("2", 20), ("3", 30)}
    assert labelled_before(path, 99) == {("1", 10), ("2", 20), ("3", 30), ("4", 40)}


def test_every_later_batch_says_how_it_was_drawn() -> None:
    for path in LABELS.glob("*.tsv"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# Rows below:"):
                assert re.search(r"--seed \d+", line) and re.search(r"--n \d+", line), (path.name, line)
                assert "held_out_half" in line, (path.name, line)


@pytest.mark.parametrize("kind", PERIOD_TYPES)
def test_a_measuring_half_block_holds_only_measuring_rows(kind: str) -> None:
    # A block labelled as a draw's measuring half (after tuning) must hold no tuning row,
    # and every labelled row is named by its batch.
    from eval_coverage_periods_names import batch_names

    names = batch_names(kind)
    rows = load_labels(kind)
    assert len(names) == len(rows)
    for art, start, _, _ in rows:
        name = names[(art, start)]
        assert name.startswith("seed ")
        if "measuring half" in name:
            assert held_out_half(f"{art}:{start}") == "measure", (kind, art, start, name)
