"""The schema of every fact table, declared once with pandera (``DataFrameModel``).

Tables are validated whenever they are written (``giaoban-qa facts -f parquet|csv|json``)
or handed to user checks (``audit --checks``). A failure is a bug in an extractor, not in
the user's report: it is raised as ``SchemaFailure`` with the failing rows (document,
line, excerpt, the check that failed) and nothing is written.

Columns beyond those declared (``line``, ``column``, ``excerpt`` …) are allowed. Values
are coerced to the declared types (an integer stays an integer when a column also has
missing values); a value that cannot be coerced is a failure.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing.pandas import Series

ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"


class FactRow(pa.DataFrameModel):
    """Columns every fact row has: where it is and what it says."""

    path: Series[str]
    start: Series[pd.Int64Dtype] = pa.Field(ge=0)
    end: Series[pd.Int64Dtype] = pa.Field(ge=0)
    text: Series[str] = pa.Field(nullable=True)

    @pa.dataframe_check(error="end < start")
    def span_is_ordered(cls, df: pd.DataFrame) -> Series[bool]:
        return df["end"] >= df["start"]

    class Config:
        strict = False
        coerce = True


class DocumentsTable(FactRow):
    sha256: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$")
    title: Series[str] = pa.Field(nullable=True)
    kind: Series[str] = pa.Field(isin=["ket-luan", "so-ket", "giao-ban", "ky-hop", "bao-cao", "other"])
    event_date: Series[str] = pa.Field(nullable=True, str_matches=ISO_DATE)
    published: Series[str] = pa.Field(nullable=True, str_matches=ISO_DATE)
    group: Series[str] = pa.Field(nullable=True)
    chars: Series[pd.Int64Dtype] = pa.Field(ge=0)


class DatesTable(FactRow):
    date: Series[str] = pa.Field(nullable=True, str_matches=ISO_DATE)
    day: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, le=99)
    month: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, le=99)
    year: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1000, le=2999)
    year_inferred: Series[bool]
    form: Series[str] = pa.Field(isin=["numeric", "words", "range", "partial", "odd", "malformed"])
    role: Series[str] = pa.Field(isin=["event", "published", ""])
    valid: Series[bool]

    @pa.dataframe_check(error="a valid date outside the calendar")
    def valid_dates_are_calendar_dates(cls, df: pd.DataFrame) -> Series[bool]:
        month_ok = df["month"].isna() | df["month"].between(1, 12)
        day_ok = df["day"].isna() | df["day"].between(1, 31)
        return ~df["valid"] | (month_ok & day_ok)


class CitationsTable(FactRow):
    type_word: Series[str] = pa.Field(nullable=True)
    symbol: Series[str] = pa.Field(nullable=True)
    system: Series[str] = pa.Field(isin=["party", "state", "state_legal", "law", "number_only"])
    type_abbr: Series[str] = pa.Field(nullable=True)
    issuer: Series[str] = pa.Field(nullable=True)
    year: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1900, le=2999)
    date: Series[str] = pa.Field(nullable=True, str_matches=ISO_DATE)
    issuer_words: Series[str] = pa.Field(nullable=True)
    subject: Series[str] = pa.Field(nullable=True)

    @pa.dataframe_check(error="a numbered citation without its symbol")
    def numbered_has_symbol(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["system"] == "number_only") | df["symbol"].notna()


class PeriodsTable(FactRow):
    kind: Series[str] = pa.Field(isin=["month", "quarter", "half", "months_to_date", "year", "cumulative", "week", "other"])
    first_month: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1, le=12)
    last_month: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1, le=12)
    year: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1000, le=2999)
    year_inferred: Series[bool]
    role: Series[str] = pa.Field(isin=["title", "review", "plan", "cumulative", "subject", "other"])

    @pa.dataframe_check(error="a period that ends before it starts")
    def months_are_ordered(cls, df: pd.DataFrame) -> Series[bool]:
        either_missing = df["first_month"].isna() | df["last_month"].isna()
        return either_missing | (df["first_month"] <= df["last_month"])


class QuantitiesTable(FactRow):
    value: Series[float]
    unit: Series[str] = pa.Field(nullable=True)
    approx: Series[bool]
    qualifier: Series[str] = pa.Field(nullable=True)
    relation: Series[str] = pa.Field(nullable=True, isin=["plan", "same_period", "growth", "decline", "share"])
    metric: Series[str] = pa.Field(nullable=True)
    period_text: Series[str] = pa.Field(nullable=True)
    cumulative_months: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1)


class PeopleTable(FactRow):
    name: Series[str] = pa.Field(str_length={"min_value": 1})
    key: Series[str]
    titles: Series[str] = pa.Field(nullable=True)
    title: Series[str] = pa.Field(nullable=True)
    org: Series[str] = pa.Field(nullable=True)


class PlacesTable(FactRow):
    name: Series[str] = pa.Field(str_length={"min_value": 1})
    key: Series[str]
    kind: Series[str] = pa.Field(nullable=True)


SCHEMAS: dict[str, type[FactRow]] = {
    "documents": DocumentsTable,
    "dates": DatesTable,
    "citations": CitationsTable,
    "periods": PeriodsTable,
    "quantities": QuantitiesTable,
    "people": PeopleTable,
    "places": PlacesTable,
}


def _build_schemas() -> None:
    """Build every model's schema now, with pandas types only.

    While building a schema pandera asks which Series and Index types exist in every
    dataframe library it supports; that question imports ``dask.dataframe`` when Dask is
    installed (0.6 s of CPU, a third of writing the tables of a thousand documents). These
    models use pandas types only, so the answer for them is the pandas types: pandera's two
    lookups are pointed at those while the schemas are built (pandera keeps each built
    schema), and put back afterwards. When Dask is already imported, or pandera's internals
    are not the shape expected, the schemas are built the ordinary way."""
    import sys

    try:
        import pandera.api.pandas.model as model
        from pandera.typing.pandas import Index as PandasIndex
        from pandera.typing.pandas import Series as PandasSeries

        saved = model.get_index_types, model.get_series_types
    except (ImportError, AttributeError):
        saved = None
    if saved is None or "dask.dataframe" in sys.modules:
        for schema in SCHEMAS.values():
            schema.to_schema()
        return
    model.get_index_types, model.get_series_types = (lambda: {PandasIndex}), (lambda: {PandasSeries})
    try:
        for schema in SCHEMAS.values():
            schema.to_schema()
    finally:
        model.get_index_types, model.get_series_types = saved


_build_schemas()


# Defined without pandas so that the commands can catch it without importing the stack.
from giaoban_qa.errors import SchemaFailure  # noqa: E402


def _columns_of(schema: type[FactRow]) -> list[str]:
    return list(schema.to_schema().columns)


def to_frame(table: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Rows as a frame, validated when the table has a declared schema."""
    schema = SCHEMAS.get(table)
    declared = _columns_of(schema) if schema else []
    missing = []
    for i, row in enumerate(rows):
        absent = [c for c in declared if c not in row]
        if absent:
            missing.append({**_where(row), "column_name": ",".join(absent), "check": "column missing from the row", "value": None, "index": i})
    if missing:
        raise SchemaFailure(table, missing)
    columns = list(dict.fromkeys([*declared, *(k for row in rows for k in row)]))
    # A file name that is not UTF-8 (surrogate escapes) cannot go into an Arrow string.
    from giaoban_qa.safe_text import no_surrogates

    rows = [{**row, "path": no_surrogates(row["path"])} if isinstance(row.get("path"), str) else row for row in rows]
    frame = pd.DataFrame.from_records(rows, columns=columns) if rows else pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    if schema is None:
        return frame
    try:
        return schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        raise SchemaFailure(table, _failures(exc, rows)) from None


def _where(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row.get(k) for k in ("path", "start", "end", "line", "column", "excerpt", "text")}


def _failures(exc: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    cases = exc.failure_cases
    for _, case in cases.iterrows():
        index = case.get("index")
        row = rows[int(index)] if index is not None and not pd.isna(index) and 0 <= int(index) < len(rows) else {}
        out.append({**_where(row), "column_name": case.get("column"), "check": str(case.get("check")), "value": case.get("failure_case"), "index": index})
    return out


def validate_tables(tables: dict[str, list[dict[str, Any]]]) -> dict[str, pd.DataFrame]:
    """Every table as a validated frame; the first table that fails raises."""
    return {name: to_frame(name, rows) for name, rows in tables.items()}
