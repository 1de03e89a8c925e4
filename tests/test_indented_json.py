"""The reports' indented JSON writer against ``json.dumps(x, ensure_ascii=False, indent=2)``."""

from __future__ import annotations

import enum
import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from giaoban_qa.reporters.indented import dumps


def reference(value, level: int = 0) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)


# Strings with what the encoders treat apart: quotes, backslashes, control characters,
# U+2028, non-BMP characters, lone surrogates (from non-UTF-8 file names), Vietnamese.
TEXT = st.text(alphabet=st.one_of(
    st.sampled_from('"\\/\n\r\t\b\f\x00\x1f\x7f\u2028\u2029[]{},: ạấỏ€\U0001F600\udc80'),
    st.characters(),
), max_size=12)
LEAVES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True), TEXT,
)
KEYS = st.one_of(TEXT, st.integers(), st.floats(), st.booleans(), st.none())
VALUES = st.recursive(
    LEAVES,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.lists(inner, max_size=5).map(tuple),
        st.dictionaries(KEYS, inner, max_size=5),
    ),
    max_leaves=40,
)


@settings(max_examples=400, deadline=None)
@given(VALUES, st.integers(min_value=0, max_value=4))
def test_same_text_as_json_dumps(value, level) -> None:
    assert dumps(value, level) == reference(value, level)


def test_seeded_deep_values() -> None:
    rng = random.Random(15)
    words = ["", "a", "Hà Nội", 'say "x"', "a\\b", "dòng\nmới", "\u2028", "\U0001F600", "ơ" * 40]

    def make(depth: int):
        roll = rng.random()
        if depth > 9 or roll < 0.3:
            return rng.choice([None, True, False, 0, -7, 2**70, 1.5, -0.0, 1e300, 3.0e-12, float("nan"), float("inf"), *words])
        if roll < 0.65:
            return [make(depth + 1) for _ in range(rng.randrange(0, 5))]
        return {rng.choice([*words, 1, 2.5, True, None]): make(depth + 1) for _ in range(rng.randrange(0, 5))}

    for _ in range(500):
        value = make(0)
        assert dumps(value) == reference(value)


class Colour(str, enum.Enum):
    RED = "đỏ"


class Count(enum.IntEnum):
    ONE = 1


def test_subclasses_and_key_kinds() -> None:
    class Record(dict):
        pass

    value = {"c": Colour.RED, Colour.RED: [Count.ONE, True], 1: {}, 2.0: [], None: Record(a=[{}, []]), False: (1, "x")}
    assert dumps(value) == reference(value)
    assert dumps({}) == "{}" and dumps([]) == "[]" and dumps(()) == "[]"


def test_refuses_what_json_refuses() -> None:
    for bad in ({"a": {1, 2}}, [object()], {(1, 2): 3}):
        with pytest.raises(TypeError):
            json.dumps(bad, ensure_ascii=False, indent=2)
        with pytest.raises(TypeError):
            dumps(bad)
