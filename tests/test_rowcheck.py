"""``archive.rowcheck``: the fact tables' pandera models as plain rules, so that a rebuilt
Parquet part is validated and written without pandas or pandera. The rules must be the
models' (same columns, kinds, checks), accept only rows pandera accepts, and the parts they
build must be the bytes the pandas way writes."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pandera")
pytest.importorskip("pyarrow")

from giaoban_qa.archive import engines, rowcheck  # noqa: E402
from giaoban_qa.cli import main  # noqa: E402
from giaoban_qa.errors import SchemaFailure  # noqa: E402

from archive_helpers import write_cases_and_rule_examples  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

KINDS = {"string[pyarrow]": "str", "str": "str", "string": "str", "Int64": "int", "bool": "bool", "float64": "float"}


def test_the_rules_are_the_pandera_models():
    from giaoban_qa.archive.schemas import SCHEMAS

    assert set(rowcheck.DECLARED) == set(SCHEMAS)
    for table, model in SCHEMAS.items():
        schema = model.to_schema()
        assert list(schema.columns) == rowcheck.declared_columns(table)
        assert {c.name for c in schema.checks} == {f.__name__.lstrip("_") for f in rowcheck.ROW_CHECKS[table]}, table
        for name, column in schema.columns.items():
            mine = rowcheck.DECLARED[table][name]
            assert KINDS[str(column.dtype)] == mine.kind and column.nullable == mine.nullable, (table, name)
            stats = {}
            for check in column.checks:
                stats.update({f"{check.name}.{k}": v for k, v in check.statistics.items() if v is not None})
            expected = {}
            if mine.ge is not None:
                expected["greater_than_or_equal_to.min_value"] = mine.ge
            if mine.le is not None:
                expected["less_than_or_equal_to.max_value"] = mine.le
            if mine.isin is not None:
                expected["isin.allowed_values"] = list(mine.isin)
            if mine.matches is not None:
                expected["str_matches.pattern"] = mine.matches
            if mine.min_length is not None:
                expected["str_length.min_value"] = mine.min_length
            stats = {k: (sorted(v) if isinstance(v, (list, set, frozenset, tuple)) else v) for k, v in stats.items()}
            expected = {k: (sorted(v) if isinstance(v, list) else v) for k, v in expected.items()}
            assert stats == expected, (table, name)


def _date_row(i: int, **changes) -> dict:
    row = {"path": f"d{i}.txt", "start": 10 * i, "end": 10 * i + 9, "text": "ngày 5/3/2021", "date": "2021-03-05", "day": 5,
           "month": 3, "year": 2021, "year_inferred": False, "form": "numeric", "role": "event", "valid": True,
           "line": i + 1, "column": 3, "excerpt": "ngày 5/3/2021", "note": None}
    row.update(changes)
    return row


def _pandas_bytes(table: str, parts: list[list[dict]]) -> list[bytes]:
    columns = engines.table_columns(table, list(dict.fromkeys(k for rows in parts for r in rows for k in r)))
    frames = [engines.validated_part(table, rows, columns) for rows in parts]
    unified = engines.unify([engines.arrow_schema(f) for f in frames])
    out = []
    for frame in frames:
        buffer = io.BytesIO()
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pandas(frame, schema=unified, preserve_index=False), buffer)
        out.append(buffer.getvalue())
    return out


def _fast_bytes(table: str, parts: list[list[dict]]) -> list[bytes] | None:
    import pyarrow.parquet as pq

    columns = engines.table_columns(table, list(dict.fromkeys(k for rows in parts for r in rows for k in r)))
    built = [rowcheck.fast_part(table, rows, columns) for rows in parts]
    if any(b is None for b in built):
        return None
    unified = engines.unify([b.schema for b in built])
    out = []
    for b in built:
        b = b if engines.same_types(b.schema, unified) else rowcheck.conform(b, unified)
        buffer = io.BytesIO()
        import pyarrow as pa

        pq.write_table(pa.Table.from_arrays(b.columns, schema=unified.with_metadata(b.schema.metadata)), buffer)
        out.append(buffer.getvalue())
    return out


@pytest.mark.parametrize("parts", [
    [[_date_row(i) for i in range(5)]],
    # gaps in nullable columns, an undeclared text column with and without gaps
    [[_date_row(0, date=None, day=None, month=None, year=None, valid=False, form="partial", note="x"), _date_row(1, text=None)]],
    # an undeclared column all gaps in one part and text in the other: the first part takes the text type
    [[_date_row(0), _date_row(1)], [_date_row(2, note="ghi chú"), _date_row(3)]],
    # a role of "", a year at the bounds, Vietnamese text
    [[_date_row(0, role="", year=1000, text="ngày mồng 5 tháng Ba"), _date_row(1, year=2999, excerpt="tháng Ba")]],
])
def test_fast_parts_are_the_bytes_of_the_pandas_way(parts):
    assert _fast_bytes("dates", parts) == _pandas_bytes("dates", parts)


BAD_DATE_ROWS = [
    {"start": -1},  # ge=0
    {"end": 1, "start": 5},  # end < start
    {"date": "5/3/2021"},  # not ISO
    {"year": 999},  # below 1000
    {"month": 13, "valid": True},  # a valid date outside the calendar
    {"day": 32, "valid": True},
    {"form": "other"},  # not in the list
    {"role": "signed"},
    {"path": None},  # not nullable
]


@pytest.mark.parametrize("change", BAD_DATE_ROWS)
def test_a_row_pandera_rejects_is_never_accepted(change):
    rows = [_date_row(0), _date_row(1, **change)]
    assert not rowcheck.rows_pass("dates", rows)
    assert rowcheck.fast_part("dates", rows, engines.table_columns("dates", list(rows[0]))) is None
    with pytest.raises(SchemaFailure):
        engines.validated_part("dates", rows, engines.table_columns("dates", list(rows[0])))


@pytest.mark.parametrize("table,row", [
    ("citations", {"path": "a", "start": 0, "end": 3, "text": "x", "type_word": None, "symbol": None, "system": "party",
                   "type_abbr": None, "issuer": None, "year": None, "date": None, "issuer_words": None, "subject": None}),
    ("periods", {"path": "a", "start": 0, "end": 3, "text": "x", "kind": "month", "first_month": 5, "last_month": 3,
                 "year": 2021, "year_inferred": False, "role": "title"}),
    ("people", {"path": "a", "start": 0, "end": 3, "text": "x", "name": "", "key": "", "titles": None, "title": None, "org": None}),
    ("documents", {"path": "a", "start": 0, "end": 0, "text": None, "sha256": "ABC", "title": None, "kind": "other",
                   "event_date": None, "published": None, "group": None, "chars": 3}),
    ("quantities", {"path": "a", "start": 0, "end": 3, "text": "x", "value": float("nan"), "unit": None, "approx": False,
                    "qualifier": None, "relation": None, "metric": None, "period_text": None, "cumulative_months": None}),
])
def test_the_other_tables_reject_what_pandera_rejects(table, row):
    assert not rowcheck.rows_pass(table, [row])
    with pytest.raises(SchemaFailure):
        engines.validated_part(table, [row], engines.table_columns(table, list(row)))


# (pandera coerces a missing boolean to False: such a row is accepted there, so it must go its way)
@pytest.mark.parametrize("change", [{"day": 5.0}, {"year": "2021"}, {"valid": 1}, {"valid": None}, {"year_inferred": None},
                                    {"start": True}, {"note": 2.5}, {"note": [1]}])
def test_a_value_pandas_would_coerce_or_guess_is_left_to_pandas(change):
    """Not rejected here (pandera may coerce it): the part simply goes the pandas way."""
    rows = [_date_row(0), _date_row(1, **change)]
    assert rowcheck.fast_part("dates", rows, engines.table_columns("dates", list(rows[0]))) is None


def test_audit_tables_are_the_bytes_of_the_pandas_way(tmp_path, monkeypatch):
    archive = write_cases_and_rule_examples(tmp_path / "archive")
    outputs = []
    for name in ("fast", "pandas"):
        if name == "pandas":
            monkeypatch.setattr(rowcheck, "fast_part", lambda *a, **k: None)
        tables = tmp_path / f"{name}.tables"
        assert main(["audit", str(archive), "-f", "json", "-o", str(tmp_path / f"{name}.json"), "--tables", str(tables), "--no-cache",
                     "--partition-size", "3", "--fail-on", "never", "-j", "1"]) == 0
        outputs.append({str(p.relative_to(tables)): p.read_bytes() for p in sorted(tables.rglob("*")) if p.is_file()})
    assert len(outputs[0]) >= 7 and outputs[0] == outputs[1]
    assert (tmp_path / "fast.json").read_bytes() == (tmp_path / "pandas.json").read_bytes()


def test_one_changed_file_rebuilds_its_part_without_pandas(tmp_path):
    archive = write_cases_and_rule_examples(tmp_path / "archive")
    code = ("import json, sys\nfrom giaoban_qa.cli import main\n"
            "code = main(sys.argv[1:])\n"
            "print(json.dumps([code, sorted(m for m in ('pandas', 'pandera', 'pyarrow') if m in sys.modules)]))\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}

    def run(tables: Path, *extra: str) -> list:
        args = ["audit", str(archive), "-f", "json", "-o", str(tmp_path / "r.json"), "--tables", str(tables),
                "--partition-size", "3", "--fail-on", "never", "--engine", "local", "-j", "1", *extra]
        out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True)
        return json.loads(out.stdout.splitlines()[-1])

    cache = str(tmp_path / "cache")
    run(tmp_path / "t", "--cache-dir", cache)
    changed = sorted(archive.rglob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nNgày 05/3/2021, hội nghị sơ kết quý I.\n", encoding="utf-8")
    assert run(tmp_path / "t", "--cache-dir", cache) == [0, ["pyarrow"]]
    run(tmp_path / "cold", "--no-cache")

    def files(folder: Path) -> dict:
        return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    assert files(tmp_path / "t") == files(tmp_path / "cold")
