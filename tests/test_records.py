"""``giaoban_qa.records.record`` behaves as ``dataclasses.dataclass`` for what the package's
classes use: each shape is declared twice from the same source, once per decorator, and
the two are compared on construction, errors, repr, equality, hashing, frozenness,
replace, pickling and attribute order."""

from __future__ import annotations

import dataclasses
import pickle
import textwrap
from typing import ClassVar  # noqa: F401  (the twins' "ClassVar[str]" is resolved here)

import pytest

from giaoban_qa import records

SHAPES = {
    "plain": """
        class C:
            a: int
            b: str = "x"
            c: list = field(default_factory=list)
            d: "int | None" = None
    """,
    "frozen": """
        class C:
            vi: str
            en: str
            n: int = 0
    """,
    "one-field frozen": """
        class C:
            a: int
    """,
    "repr and compare off": """
        class C:
            a: int
            _cache: dict = field(default_factory=dict, repr=False)
            hidden: "int | None" = field(default=None, repr=False)
            note: str = field(default="", compare=False)
    """,
    "slots": """
        class C:
            start: int
            end: int
            scale: "str | None" = None
            parts: list = field(default_factory=list)

            def width(self) -> int:
                return self.end - self.start
    """,
    "frozen slots": """
        class C:
            start: int
            end: int
    """,
    "class var and methods": """
        class C:
            KIND: ClassVar[str] = "k"
            a: int
            b: int = 2

            def total(self) -> int:
                return self.a + self.b

            @property
            def double(self) -> int:
                return 2 * self.a
    """,
}
FROZEN = {"frozen", "one-field frozen", "frozen slots"}
SLOTS = {"slots", "frozen slots"}


def twins(shape: str) -> tuple[type, type]:
    source = textwrap.dedent(SHAPES[shape])
    frozen, slots = shape in FROZEN, shape in SLOTS
    made = []
    for decorate, field in ((dataclasses.dataclass(frozen=frozen, slots=slots), dataclasses.field),
                            (records.record(frozen=frozen, slots=slots), records.field)):
        namespace = {"field": field, "__name__": __name__}  # (the dataclass looks ClassVar up in that module)
        exec(compile("from __future__ import annotations\n" + source, "<twins>", "exec"), namespace)
        made.append(decorate(namespace["C"]))
    return made[0], made[1]


ARGS = {
    "plain": [((1,), {}), ((1, "y"), {}), ((), {"a": 3, "c": [1]}), ((1, "y", [2], 4), {})],
    "frozen": [(("a", "b"), {}), (("a",), {"en": "b", "n": 2})],
    "one-field frozen": [((1,), {}), ((), {"a": "z"})],
    "repr and compare off": [((1,), {}), ((1,), {"note": "n", "hidden": 3})],
    "class var and methods": [((1,), {}), ((1, 5), {})],
    "slots": [((1, 4), {}), ((1,), {"end": 3, "parts": [1]}), ((1, 2, "tỷ"), {})],
    "frozen slots": [((1, 2), {}), ((), {"end": 2, "start": 1})],
}


def state(obj):
    """The fields and their values, in order (``vars`` for a class without slots)."""
    names = records.field_names(obj.__class__) if hasattr(obj.__class__, "__record__") else [f.name for f in dataclasses.fields(obj)]
    return [(name, getattr(obj, name)) for name in names]


@pytest.mark.parametrize("warm", [False, True])
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_record_behaves_as_the_dataclass(shape, warm):
    data, rec = twins(shape)
    if warm:  # made often enough to get its compiled __init__
        for _ in range(records.HOT_CLASS_CALLS):
            rec(*ARGS[shape][0][0], **ARGS[shape][0][1])
        assert rec.__init__ is not records._init
    for args, kwargs in ARGS[shape]:
        d, r = data(*args, **kwargs), rec(*args, **kwargs)
        assert repr(d) == repr(r)
        assert state(d) == state(r)
        if shape in SLOTS:
            assert not hasattr(r, "__dict__") and r.__slots__ == d.__slots__
        else:
            assert list(vars(d).items()) == list(vars(r).items())  # same values, set in the same order
        assert (d == data(*args, **kwargs)) == (r == rec(*args, **kwargs)) is True
        assert r != d and (r == object()) is False  # another class is never equal
        if shape in FROZEN:
            assert hash(d) == hash(r)
            field_name = state(r)[0][0]
            with pytest.raises(dataclasses.FrozenInstanceError):
                setattr(d, field_name, 1)
            with pytest.raises(records.FrozenInstanceError):
                setattr(r, field_name, 1)
            with pytest.raises(records.FrozenInstanceError):
                delattr(r, state(r)[0][0])
        else:
            assert data.__hash__ is None and rec.__hash__ is None
            first_name = state(r)[0][0]
            setattr(r, first_name, 9)
            assert getattr(r, first_name) == 9
        globals()["C"] = rec  # where pickle finds the class by name
        copy = pickle.loads(pickle.dumps(r))
        assert copy == r and state(copy) == state(r)
        first = state(r)[0][0]
        changed = records.replace(r, **{first: 7})
        assert state(changed) == state(dataclasses.replace(d, **{first: 7}))
    assert rec.__match_args__ == data.__match_args__
    assert records.field_names(rec) == tuple(f.name for f in dataclasses.fields(data))


@pytest.mark.parametrize("warm", [False, True])
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_record_refuses_what_the_dataclass_refuses(shape, warm):
    data, rec = twins(shape)
    if warm:
        for _ in range(records.HOT_CLASS_CALLS):
            rec(*ARGS[shape][0][0], **ARGS[shape][0][1])
    for cls in (data, rec):
        with pytest.raises(TypeError):
            cls()  # a required field missing
        with pytest.raises(TypeError):
            cls(1, 2, 3, 4, 5, 6)  # too many
        with pytest.raises(TypeError):
            cls(1, unknown=2)
        first = records.field_names(rec)[0]
        with pytest.raises(TypeError):
            cls(1, **{first: 2})  # twice
    with pytest.raises(TypeError):
        records.replace(rec(*ARGS[shape][0][0], **ARGS[shape][0][1]), unknown=1)


def test_compare_off_fields_are_left_out_of_equality_and_hash():
    data, rec = twins("repr and compare off")
    assert rec(1, note="a") == rec(1, note="b") and data(1, note="a") == data(1, note="b")
    assert rec(1) != rec(2)


def test_factories_give_each_instance_its_own_value():
    _, rec = twins("plain")
    first, second = rec(1), rec(2)
    first.c.append(1)
    assert second.c == [] and "c" not in vars(rec)  # no class attribute for a factory field
    assert rec.b == "x"  # a plain default stays a class attribute, as in a dataclass


def test_a_required_field_after_a_default_is_refused():
    with pytest.raises(TypeError):
        exec("from __future__ import annotations\nclass C:\n    a: int = 1\n    b: int\n", ns := {})
        records.record(ns["C"])


def test_the_check_path_classes_are_records():
    """The value classes a check makes are records: no methods compiled at import."""
    from giaoban_qa.document import Document, Span
    from giaoban_qa.engine import FileResult, RunResult
    from giaoban_qa.extract.dates import DateFact
    from giaoban_qa.extract.quantities import Quantity
    from giaoban_qa.findings import Finding, Located, Msg

    for cls in (Document, Span, FileResult, RunResult, Finding, Located, Msg, DateFact, Quantity):
        assert hasattr(cls, "__record__") and not dataclasses.is_dataclass(cls), cls
    assert Span.__slots__ == ("start", "end") and Quantity.__slots__[:2] == ("start", "end")


def test_check_and_audit_import_neither_dataclasses_nor_inspect(tmp_path):
    """``dataclasses`` imports ``inspect`` (with ``ast``, ``dis``, ``tokenize``): ~6 ms of
    start-up that a check no longer needs. The probe sees them when a rule's page is shown."""
    import os
    import subprocess
    import sys

    from conftest import ROOT

    probe = "print(','.join(m for m in ('dataclasses', 'inspect', 'ast') if m in sys.modules), file=sys.stderr)"
    runs = {
        "check": f"import sys; from giaoban_qa.cli import main; main(['check', 'examples/tin-tong-ket-nam-2020.txt', '-f', 'json']); {probe}",
        "audit": f"import sys; from giaoban_qa.cli import main; main(['audit', {str(tmp_path)!r}, '-f', 'json', '--no-cache', '-j', '1']); {probe}",
        "explain": f"import sys; from giaoban_qa.cli import main; main(['explain', 'date.impossible']); {probe}",
    }
    for name in ("a.txt", "b.txt"):  # (an HTML file would bring trafilatura, and it inspect)
        (tmp_path / name).write_text("Ngày 05/01/2021, Huyện ủy Ba Chẽ họp giao ban tháng 12 năm 2020.\n", encoding="utf-8")
    seen = {}
    for name, code in runs.items():
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120,
                              env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        seen[name] = proc.stderr.strip().splitlines()[-1:]
    assert seen["check"] in ([], [""]) and seen["audit"] in ([], [""]), seen
    assert "inspect" in seen["explain"][0], seen


def test_module_names_are_those_pkgutil_lists():
    import importlib
    import pkgutil

    from giaoban_qa.modules import module_names

    for name in ("giaoban_qa", "giaoban_qa.rules", "giaoban_qa.extract", "giaoban_qa.archive", "giaoban_qa.loaders", "giaoban_qa.reporters"):
        package = importlib.import_module(name)
        assert module_names(package.__path__) == [m.name for m in pkgutil.iter_modules(package.__path__)], name
    assert module_names(["/no/such/folder"]) == []


def test_intern_strings_shares_equal_strings_and_changes_no_value():
    @records.record(frozen=True, slots=True)
    class Inner:
        word: str
        at: int

    @records.record(slots=True)
    class Outer:
        name: str | None
        count: int
        inner: tuple
        rows: list

    def fresh(s: str) -> str:
        return "".join(list(s))  # an equal string, never the same object

    long_text = fresh("x" * 300)
    made = [Outer(fresh("Hòa Bình"), 7, (Inner(fresh("tỷ đồng"), 1),), [Inner(fresh("tỷ đồng"), 2)]) for _ in range(3)]
    made.append(Outer(None, 1, (), [Inner(long_text, 3)]))
    before = [(o.name, o.count, [hash(i) for i in o.inner], o.rows[0].word) for o in made]
    assert made[0].name is not made[1].name and made[0].inner[0].word is not made[1].rows[0].word
    records.intern_strings(made)
    after = [(o.name, o.count, [hash(i) for i in o.inner], o.rows[0].word) for o in made]
    assert after == before  # equal values, equal hashes (frozen records included)
    assert made[0].name is made[1].name is made[2].name
    assert made[0].inner[0].word is made[1].rows[0].word is made[2].inner[0].word
    assert made[3].rows[0].word is long_text  # longer than max_length: left as it was
    assert records._string_fields(Inner)[0] == ("word",)  # a number field is not read


def test_a_big_documents_facts_share_their_repeated_strings():
    from giaoban_qa.document import _RELEASE_MIN, build_document
    from giaoban_qa.extract.people import people

    para = "Ông Nguyễn Văn Long, Chủ tịch UBND huyện Sơn Khê, dự họp ngày 05/01/2021.\n\n"
    small = build_document("a.txt", para * 4)
    big = build_document("b.txt", para * (_RELEASE_MIN // len(para) + 1))
    small_names = [m.name for m in small.fact(people)]
    big_names = [m.name for m in big.fact(people)]
    assert small_names and big_names and set(small_names) == set(big_names)
    assert small_names[0] is not small_names[1]  # a small document is left alone
    assert all(n is big_names[0] for n in big_names if n == big_names[0])
