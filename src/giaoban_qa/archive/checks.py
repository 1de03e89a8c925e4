"""User data-quality checks: Great Expectations suites over the fact tables.

A suite is a Great Expectations ``ExpectationSuite`` written as JSON or YAML (``name``,
``expectations`` of ``type`` + ``kwargs`` + ``meta``, and ``meta``) whose suite-level
``meta`` says which fact table it runs on and what a failure is::

    name: budget-plan-percentages
    meta: {table: quantities, category: number, severity: warning,
           message: {vi: "…", en: "…"}}
    expectations:
      - type: expect_column_values_to_be_between
        kwargs: {column: value, min_value: 0, max_value: 300,
                 row_condition: 'relation == "plan" and unit == "%"', condition_parser: pandas}

An expectation's own ``meta`` may override ``category``, ``severity`` and ``message``.
Each failed expectation becomes one finding, located at the first offending row, whose
evidence lists every offending row with its document and span. Great Expectations is
imported here only, and this module only on ``audit --checks``.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from giaoban_qa.findings import Category, Finding, Located, Msg, Severity
from giaoban_qa.i18n import Localized, Text, codes

MAX_ROWS = 100


@dataclass
class Suite:
    name: str
    table: str
    path: str
    data: dict[str, Any]
    meta: dict[str, Any] = field(default_factory=dict)


class SuiteError(Localized, ValueError):
    pass


def load_suites(folder: str | os.PathLike) -> list[Suite]:
    """Every ``*.json``/``*.yaml``/``*.yml`` suite of a folder (or one suite file)."""
    import yaml

    from giaoban_qa.packs import load_user_yaml

    root = Path(folder)
    if root.is_file():
        files = [root]
    elif root.is_dir():
        files = sorted(p for p in root.iterdir() if p.suffix in (".json", ".yaml", ".yml"))
    else:
        raise SuiteError("suite.not-found", path=str(folder))
    suites = []
    for p in files:
        text = p.read_text(encoding="utf-8")
        try:
            data = json.loads(text) if p.suffix == ".json" else load_user_yaml(text)
        except (json.JSONDecodeError, yaml.YAMLError, RecursionError) as exc:
            from giaoban_qa.packs import yaml_error_summary

            raise SuiteError("suite.invalid", path=str(p), error=yaml_error_summary(exc)) from None
        if not isinstance(data, dict) or not isinstance(data.get("expectations"), list):
            raise SuiteError("suite.no-expectations", path=str(p))
        meta = dict(data.get("meta") or {})
        table = meta.get("table")
        if not table:
            raise SuiteError("suite.no-table", path=str(p))
        _category(meta.get("category", "text"), p)
        _severity(meta.get("severity", "warning"), p)
        suites.append(Suite(name=str(data.get("name") or p.stem), table=str(table), path=str(p), data=data, meta=meta))
    return suites


def _category(value: str, where: Any) -> Category:
    try:
        return Category(value)
    except ValueError:
        raise SuiteError("suite.category", where=where, choices=codes(c.value for c in Category)) from None


def _severity(value: str, where: Any) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise SuiteError("suite.severity", where=where) from None


def run_suites(suites: list[Suite], frames: dict[str, Any], notes: list[str] | None = None) -> list[Located]:
    """Findings for every failed expectation of every suite."""
    notes = notes if notes is not None else []
    runnable = [s for s in suites if s.table in frames]
    for s in suites:
        if s.table not in frames:
            notes.append(Text("note.suite-no-table", {"suite": s.name, "table": s.table}))
    if not runnable:
        return []
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    source = context.data_sources.add_pandas("giaoban_qa_archive")
    batches: dict[str, Any] = {}
    out: list[Located] = []
    for suite in runnable:
        frame = frames[suite.table].reset_index(drop=True)
        if suite.table not in batches:
            asset = source.add_dataframe_asset(name=suite.table)
            definition = asset.add_batch_definition_whole_dataframe(f"{suite.table}-all")
            batches[suite.table] = definition.get_batch(batch_parameters={"dataframe": frame})
        batch = batches[suite.table]
        spec = {k: v for k, v in suite.data.items() if k in ("name", "expectations", "meta")}
        spec["name"] = suite.name
        try:
            gx_suite = gx.ExpectationSuite(**spec)
        except Exception as exc:
            raise SuiteError("suite.gx-error", path=str(suite.path), error=f"{type(exc).__name__}: {exc}") from None
        validation = batch.validate(gx_suite, result_format="COMPLETE")
        for i, res in enumerate(validation.results):
            if res.success:
                continue
            config = res.expectation_config
            out.append(_finding(suite, i, config.type, dict(config.kwargs), dict(config.meta or {}), dict(res.result or {}), frame, res.exception_info))
    return out


def _finding(suite: Suite, index: int, kind: str, kwargs: dict[str, Any], meta: dict[str, Any], result: dict[str, Any], frame, exception) -> Located:
    merged = {**suite.meta, **meta}
    category = _category(merged.get("category", "text"), suite.path)
    severity = _severity(merged.get("severity", "warning"), suite.path)
    ident = str(meta.get("id") or f"{suite.name}-{index + 1}" if len(suite.data["expectations"]) > 1 else meta.get("id") or suite.name)
    rule = f"{category.value}.check-{ident}"
    rows_at = [int(i) for i in (result.get("unexpected_index_list") or []) if isinstance(i, (int, float)) or str(i).isdigit()]
    rows = [_row_location(frame, i) for i in rows_at]
    total = result.get("unexpected_count", len(rows))
    column = kwargs.get("column")
    described = f"{kind}({', '.join(f'{k}={v!r}' for k, v in kwargs.items() if k not in ('result_format',))})"
    custom = merged.get("message")
    if isinstance(custom, dict) and "vi" in custom and "en" in custom:
        message = Msg(f"{custom['vi']} ({total} dòng)", f"{custom['en']} ({total} row(s))")
    else:
        message = Msg(
            f"Kiểm tra dữ liệu “{suite.name}” không đạt trên bảng {suite.table}: {total} dòng vi phạm {kind}" + (f" ở cột {column}" if column else "") + ".",
            f"Data check “{suite.name}” fails on table {suite.table}: {total} row(s) break {kind}" + (f" on column {column}" if column else "") + ".",
        )
    if exception and exception.get("raised_exception"):
        message = Msg(f"Không chạy được kiểm tra “{suite.name}”: {exception.get('exception_message')}",
                      f"Check “{suite.name}” could not run: {exception.get('exception_message')}")
    primary = rows[0] if rows else {"path": suite.path, "start": 0, "end": 0, "line": 1, "column": 1, "excerpt": ""}
    documents = sorted({r["path"] for r in rows})
    evidence = {
        "suite": suite.name,
        "suite_file": suite.path,
        "table": suite.table,
        "expectation": described,
        "unexpected_count": total,
        "documents": documents,
        "rows": rows[:MAX_ROWS],
    }
    finding = Finding(rule=rule, category=category, severity=severity, start=int(primary["start"] or 0), end=int(primary["end"] or 0),
                      message=message, suggestion=merged.get("suggestion"), evidence=evidence)
    key = f"{rule}|{suite.table}|{described}|{','.join(documents)}"
    return Located(
        finding=finding, path=primary["path"], start=int(primary["start"] or 0), end=int(primary["end"] or 0),
        line=int(primary.get("line") or 1), column=int(primary.get("column") or 1), excerpt=primary.get("excerpt") or "",
        severity=severity, evidence=evidence, fingerprint=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
    )


def _row_location(frame, i: int) -> dict[str, Any]:
    row = frame.iloc[i]
    out: dict[str, Any] = {}
    for key in ("path", "start", "end", "line", "column", "excerpt"):
        value = row.get(key) if key in frame.columns else None
        if value is not None and not _is_missing(value):
            out[key] = int(value) if key in ("start", "end", "line", "column") else str(value)
        else:
            out[key] = None
    out["row"] = i
    return out


def _is_missing(value: Any) -> bool:
    try:
        import pandas as pd

        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False
