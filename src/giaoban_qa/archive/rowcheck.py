"""The fact tables' schemas (``schemas``, pandera models) as plain rules on Python rows, so
that one rebuilt Parquet part can be validated and written without pandas or pandera.

A re-run of ``audit --tables`` with one changed file rebuilds the one part that holds it;
importing pandas and pandera for that (and validating the part with pandera) was most of
such a re-run (``benchmarks/bench_pool_archive.py``: 1.6 s of CPU against 0.7 s for the
unchanged re-run). ``fast_part`` checks a part's rows against the same rules and, when
every value has exactly the type its column declares (a ``str`` for a string column, an
``int`` for an integer one …) and every undeclared column is of a plain kind, builds the
Arrow table ``pyarrow.Table.from_pandas`` makes of pandera's validated frame (the same
types and the same ``pandas`` metadata), so the file written is the same bytes. Anything
else — a value of another type (pandera would coerce it, or fail), a failed check, a
column of an unusual kind, an empty part — gives None, and the part goes the pandas way as
before: the rules here only ever decide *when the pandas way can be skipped*, never
accept a row pandera rejects (``tests/test_rowcheck.py`` feeds both the same good and bad
rows, and checks that these declarations are the pandera models').
"""

from __future__ import annotations

import math
import re
from typing import Any, Callable


ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"


class Column:
    """One declared column: its kind ("str", "int" for pandas' Int64, "bool", "float"),
    whether it may be missing, and its checks (``matches``: ``re.match``, as pandas'
    ``str.match``)."""

    def __init__(self, kind: str, nullable: bool = False, ge: int | None = None, le: int | None = None,
                 isin: tuple[str, ...] | None = None, matches: str | None = None, min_length: int | None = None) -> None:
        self.kind, self.nullable, self.ge, self.le, self.isin = kind, nullable, ge, le, isin
        self.matches, self.min_length = matches, min_length
        self.pattern = re.compile(matches) if matches is not None else None


Row = dict[str, Any]

_FACT_ROW = {
    "path": Column("str"),
    "start": Column("int", ge=0),
    "end": Column("int", ge=0),
    "text": Column("str", nullable=True),
}


def _span_is_ordered(row: Row) -> bool:
    return row["end"] >= row["start"]


def _valid_dates_are_calendar_dates(row: Row) -> bool:
    month, day = row["month"], row["day"]
    return not row["valid"] or ((month is None or 1 <= month <= 12) and (day is None or 1 <= day <= 31))


def _numbered_has_symbol(row: Row) -> bool:
    return row["system"] == "number_only" or row["symbol"] is not None


def _months_are_ordered(row: Row) -> bool:
    first, last = row["first_month"], row["last_month"]
    return first is None or last is None or first <= last


DECLARED: dict[str, dict[str, Column]] = {
    "documents": {
        **_FACT_ROW,
        "sha256": Column("str", matches=r"^[0-9a-f]{64}$"),
        "title": Column("str", nullable=True),
        "kind": Column("str", isin=("ket-luan", "so-ket", "giao-ban", "ky-hop", "bao-cao", "other")),
        "event_date": Column("str", nullable=True, matches=ISO_DATE),
        "published": Column("str", nullable=True, matches=ISO_DATE),
        "group": Column("str", nullable=True),
        "chars": Column("int", ge=0),
    },
    "dates": {
        **_FACT_ROW,
        "date": Column("str", nullable=True, matches=ISO_DATE),
        "day": Column("int", nullable=True, ge=0, le=99),
        "month": Column("int", nullable=True, ge=0, le=99),
        "year": Column("int", nullable=True, ge=1000, le=2999),
        "year_inferred": Column("bool"),
        "form": Column("str", isin=("numeric", "words", "range", "partial", "odd", "malformed")),
        "role": Column("str", isin=("event", "published", "")),
        "valid": Column("bool"),
    },
    "citations": {
        **_FACT_ROW,
        "type_word": Column("str", nullable=True),
        "symbol": Column("str", nullable=True),
        "system": Column("str", isin=("party", "state", "state_legal", "law", "number_only")),
        "type_abbr": Column("str", nullable=True),
        "issuer": Column("str", nullable=True),
        "year": Column("int", nullable=True, ge=1900, le=2999),
        "date": Column("str", nullable=True, matches=ISO_DATE),
        "issuer_words": Column("str", nullable=True),
        "subject": Column("str", nullable=True),
    },
    "periods": {
        **_FACT_ROW,
        "kind": Column("str", isin=("month", "quarter", "half", "months_to_date", "year", "cumulative", "week", "other")),
        "first_month": Column("int", nullable=True, ge=1, le=12),
        "last_month": Column("int", nullable=True, ge=1, le=12),
        "year": Column("int", nullable=True, ge=1000, le=2999),
        "year_inferred": Column("bool"),
        "role": Column("str", isin=("title", "review", "plan", "cumulative", "subject", "other")),
    },
    "quantities": {
        **_FACT_ROW,
        "value": Column("float"),
        "unit": Column("str", nullable=True),
        "approx": Column("bool"),
        "qualifier": Column("str", nullable=True),
        "relation": Column("str", nullable=True, isin=("plan", "same_period", "growth", "decline", "share")),
        "metric": Column("str", nullable=True),
        "period_text": Column("str", nullable=True),
        "cumulative_months": Column("int", nullable=True, ge=1),
    },
    "people": {
        **_FACT_ROW,
        "name": Column("str", min_length=1),
        "key": Column("str"),
        "titles": Column("str", nullable=True),
        "title": Column("str", nullable=True),
        "org": Column("str", nullable=True),
    },
    "places": {
        **_FACT_ROW,
        "name": Column("str", min_length=1),
        "key": Column("str"),
        "kind": Column("str", nullable=True),
    },
}

ROW_CHECKS: dict[str, tuple[Callable[[Row], bool], ...]] = {
    "documents": (_span_is_ordered,),
    "dates": (_span_is_ordered, _valid_dates_are_calendar_dates),
    "citations": (_span_is_ordered, _numbered_has_symbol),
    "periods": (_span_is_ordered, _months_are_ordered),
    "quantities": (_span_is_ordered,),
    "people": (_span_is_ordered,),
    "places": (_span_is_ordered,),
}

_INT64 = 1 << 63
_EXACT_FLOAT = 1 << 53


def declared_columns(table: str) -> list[str]:
    """The table's declared columns in schema order (``schemas._columns_of``), without pandas."""
    return list(DECLARED.get(table, {}))


def _value_ok(col: Column, v: Any) -> bool:
    """``v`` has exactly the column's type and passes its checks (None: only if nullable)."""
    if v is None:
        return col.nullable
    if col.kind == "str":
        if type(v) is not str:
            return False
        if col.isin is not None and v not in col.isin:
            return False
        if col.pattern is not None and not col.pattern.match(v):
            return False
        return col.min_length is None or len(v) >= col.min_length
    if col.kind == "int":
        if type(v) is not int or not -_INT64 <= v < _INT64:
            return False
        return (col.ge is None or v >= col.ge) and (col.le is None or v <= col.le)
    if col.kind == "bool":
        return type(v) is bool
    if col.kind == "float":
        if type(v) is int:
            return -_EXACT_FLOAT <= v <= _EXACT_FLOAT
        return type(v) is float and math.isfinite(v)
    return False


def rows_pass(table: str, rows: list[Row]) -> bool:
    """Every row has every declared column, each value of exactly its type and within its
    checks, and every row check holds. False means "let pandera decide" (it may coerce the
    value, or report the failure); True only for rows pandera accepts unchanged."""
    declared = DECLARED.get(table)
    if declared is None:
        return False
    items = list(declared.items())
    checks = ROW_CHECKS.get(table, ())
    for row in rows:
        for name, col in items:
            if name not in row or not _value_ok(col, row[name]):
                return False
        for check in checks:
            if not check(row):
                return False
    return True


# (Arrow type name, pandas_type, numpy_type) of a column in the frame pandera gives, as
# ``pyarrow.Schema.from_pandas`` records it.
_DECLARED_KINDS = {"str": ("large_string", "object", "str"), "int": ("int64", "int64", "Int64"),
                   "bool": ("bool", "bool", "bool"), "float": ("double", "float64", "float64")}


def _undeclared_kind(values: list[Any]) -> tuple[str, str, str] | None:
    """How pandas reads an undeclared column of rows (``DataFrame.from_records``), for the
    plain kinds only: whole numbers without a gap, text with or without gaps, nothing at
    all. None for any other mixture (floats, booleans, gaps in numbers, nested values)."""
    if all(v is None for v in values):
        return ("null", "empty", "object")
    if all(type(v) is int and -_INT64 <= v < _INT64 for v in values):
        return ("int64", "int64", "int64")
    if all(v is None or type(v) is str for v in values):
        return ("large_string", "object", "str")
    return None


def fast_part(table: str, rows: list[Row], columns: list[str]):
    """The Arrow table ``pyarrow.Table.from_pandas`` makes of the pandera-validated frame of
    these rows with these ``columns`` (declared ones first), or None when the pandas way must
    decide (see the module's docstring). Imports pyarrow only."""
    if not rows or table not in DECLARED or not rows_pass(table, rows):
        return None
    declared = DECLARED[table]
    if list(columns[: len(declared)]) != list(declared):
        return None
    kinds = []
    values_by_column = []
    for name in columns:
        values = [row.get(name) for row in rows]
        if any(isinstance(v, str) and _has_surrogate(v) for v in values):
            return None  # not valid UTF-8: Arrow cannot hold it, let pandas report it
        kind = _DECLARED_KINDS[declared[name].kind] if name in declared else _undeclared_kind(values)
        if kind is None:
            return None
        if name in declared and declared[name].kind == "float":
            values = [float(v) for v in values]
        kinds.append(kind)
        values_by_column.append(values)
    import json

    import pyarrow as pa

    types = {"large_string": pa.large_string(), "int64": pa.int64(), "bool": pa.bool_(), "double": pa.float64(), "null": pa.null()}
    fields = [pa.field(name, types[kind[0]]) for name, kind in zip(columns, kinds)]
    metadata = {
        "index_columns": [],
        "column_indexes": [],
        "columns": [{"name": name, "field_name": name, "pandas_type": kind[1], "numpy_type": kind[2], "metadata": None}
                    for name, kind in zip(columns, kinds)],
        "attributes": {},
        "creator": {"library": "pyarrow", "version": pa.__version__},
        "pandas_version": _pandas_version(),
    }
    if metadata["pandas_version"] is None:
        return None
    schema = pa.schema(fields, metadata={b"pandas": json.dumps(metadata).encode("utf8")})
    arrays = [_arrow_array(pa, kind[0], f.type, values) for values, f, kind in zip(values_by_column, fields, kinds)]
    return pa.Table.from_arrays(arrays, schema=schema)


def _arrow_array(pa: Any, kind: str, arrow_type: Any, values: list[Any]):
    """One column as an Arrow array, built from its buffers: ``pyarrow.array`` on a Python
    list asks whether pandas is installed, and that imports it (0.4 s), which is what this
    module is for avoiding. The values have been checked to be of the kind's Python type."""
    from array import array

    n = len(values)
    if kind == "null":
        return pa.nulls(n)
    null_count = sum(1 for v in values if v is None)
    validity = None
    if null_count:
        bits = bytearray((n + 7) // 8)
        for i, v in enumerate(values):
            if v is not None:
                bits[i >> 3] |= 1 << (i & 7)
        validity = pa.py_buffer(bytes(bits))
    if kind == "int64":
        data = pa.py_buffer(array("q", [0 if v is None else v for v in values]).tobytes())
        return pa.Array.from_buffers(arrow_type, n, [validity, data], null_count=null_count)
    if kind == "double":
        data = pa.py_buffer(array("d", [0.0 if v is None else v for v in values]).tobytes())
        return pa.Array.from_buffers(arrow_type, n, [validity, data], null_count=null_count)
    if kind == "bool":
        bits = bytearray((n + 7) // 8)
        for i, v in enumerate(values):
            if v:
                bits[i >> 3] |= 1 << (i & 7)
        return pa.Array.from_buffers(arrow_type, n, [validity, pa.py_buffer(bytes(bits))], null_count=null_count)
    if kind == "large_string":
        encoded = [b"" if v is None else v.encode("utf-8") for v in values]
        offsets = array("q", [0])
        total = 0
        for chunk in encoded:
            total += len(chunk)
            offsets.append(total)
        return pa.Array.from_buffers(arrow_type, n, [validity, pa.py_buffer(offsets.tobytes()), pa.py_buffer(b"".join(encoded))],
                                     null_count=null_count)
    raise ValueError(kind)


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


_PANDAS_VERSION: list[str | None] = []


def _pandas_version() -> str | None:
    """pandas' version as the metadata records it, read from its installed metadata (no import)."""
    if not _PANDAS_VERSION:
        from importlib import metadata

        try:
            _PANDAS_VERSION.append(metadata.version("pandas"))
        except metadata.PackageNotFoundError:
            _PANDAS_VERSION.append(None)
    return _PANDAS_VERSION[0]


def conform(built: Any, schema: Any):
    """``built`` (a ``fast_part`` table) with its table's unified ``schema``'s types: a text
    column that was all gaps in this part becomes a text column of gaps, recorded as
    ``from_pandas`` records a column of Nones converted to text (``pandas_type`` "object");
    None when any other column differs (the pandas way decides)."""
    import json

    import pyarrow as pa

    if built.schema.names != schema.names or b"pandas" not in (built.schema.metadata or {}):
        return None
    metadata = json.loads(built.schema.metadata[b"pandas"])
    columns = []
    fields = []
    for i, (column, own, unified) in enumerate(zip(built.columns, built.schema, schema)):
        if own.type == unified.type:
            columns.append(column)
        elif pa.types.is_null(own.type) and pa.types.is_large_string(unified.type):
            columns.append(pa.nulls(len(column), unified.type))
            entry = metadata["columns"][i]
            if entry.get("name") != own.name or entry.get("pandas_type") != "empty":
                return None
            entry["pandas_type"] = "object"
        else:
            return None
        fields.append(pa.field(own.name, unified.type))
    return pa.Table.from_arrays(columns, schema=pa.schema(fields, metadata={b"pandas": json.dumps(metadata).encode("utf8")}))
